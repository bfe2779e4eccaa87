import type { RunView } from '../session-store';
import { el } from '../dom/el';
import { phaseName } from '../router';
import { otherActions } from '../ui/actions';
import { screen } from '../ui/screen';
import { RunScene } from './run-scene';
import { SceneKey } from './keys';

/**
 * A phase this version of the game has no screen of its own for: every action the engine lists,
 * with its label and cost, so a new part of the simulation is playable the day it appears.
 */
export class Decision extends RunScene {
  constructor() {
    super(SceneKey.Decision);
  }

  protected render(run: RunView): HTMLElement {
    const { step } = run;
    const o = step.observation;
    return screen({
      key: 'decision',
      run,
      title: phaseName(step.phase),
      lead: 'Choose how to go on.',
      main: [
        el('ol', { class: 'news' }, ...o.log.slice(-5).map((line) => el('li', {}, line))),
        otherActions(step, new Set(), this.dispatch, { heading: 'Your options' }) ?? el('p', {}, 'Nothing to decide here.'),
      ],
      tools: this.tools(run),
    });
  }
}
