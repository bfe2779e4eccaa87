import type { RunView } from '../session-store';
import { el } from '../dom/el';
import { actionButton, listedOf, otherActions, paramOf } from '../ui/actions';
import { burnupChart, forecastHistogram } from '../ui/forecast-charts';
import { releasesList } from '../ui/history';
import { burnup, latestDistribution } from '../view/forecast';
import { itemRow } from '../ui/items';
import { block, facts, screen } from '../ui/screen';
import { RunScene } from './run-scene';
import { SceneKey } from './keys';

const HANDLED = new Set(['decideRelease']);

const MEANING: Record<string, string> = {
  ship: 'Users get the Increment now; real adoption and feedback follow.',
  hold: 'Keep the Increment back; nothing reaches users yet.',
};

/** The release decision, with the Increment it concerns. */
export class Release extends RunScene {
  constructor() {
    super(SceneKey.Release);
  }

  protected override accent(): number {
    return this.palette.sky;
  }

  protected render(run: RunView): HTMLElement {
    const { step } = run;
    const o = step.observation;
    const decisions = listedOf(step, 'decideRelease');
    const clean = o.increment.filter((i) => i.meetsDoD !== false).length;
    const open = o.forecasts.filter((f) => !f.judged);
    const simulated = latestDistribution(o);
    const lastForecast = simulated ?? o.forecasts[o.forecasts.length - 1] ?? null;

    const main = [
      block(
        'Progress and the forecast',
        'forecast-title',
        el(
          'div',
          { class: 'forecast-charts' },
          burnupChart(burnup(o), o.sprints, lastForecast),
          simulated
            ? forecastHistogram(simulated.distribution)
            : el('p', { class: 'block__hint' }, 'You gave no range forecast, so there is no simulation of the Sprints needed to show.'),
        ),
      ),
      block(
        'The Increment',
        'increment-title',
        o.increment.length
          ? el('ul', { class: 'item-rows' }, ...o.increment.map((i) => itemRow(i, o)))
          : el('p', {}, 'Nothing was accepted into the Increment in these Sprints.'),
      ),
      o.releases.length ? block('Releases so far', 'releases-title', releasesList(o)) : null,
      otherActions(step, HANDLED, this.dispatch),
    ];

    const side = [
      block(
        'In numbers',
        'numbers-title',
        facts([
          ['Items in the Increment', String(o.increment.length)],
          ['Meeting the Definition of Done', `${clean} of ${o.increment.length}`],
          ['Sprints played', `${o.sprint} of ${o.sprints}`],
          ['Forecasts still to be judged', String(open.length)],
        ]),
      ),
      block(
        'Release decision',
        'release-title',
        el('p', { class: 'block__hint' }, 'This is the last decision of the scenario. It cannot be undone.'),
        el(
          'div',
          { class: 'choice-list' },
          ...decisions.map((a) => {
            const d = String(paramOf(a, 'decision'));
            // Judged choices look alike: the screen must not hint at the better one.
            return actionButton(a, this.dispatch, { variant: 'choice', detail: MEANING[d], focusKey: `release:${d}` });
          }),
        ),
      ),
    ];

    return screen({
      key: 'release',
      run,
      title: 'Release',
      lead: 'The last Sprint is over. Decide whether the Increment goes to users.',
      main,
      side,
      sideLabel: 'Release decision',
      tools: this.tools(run),
    });
  }
}
