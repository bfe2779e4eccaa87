import type { Observation } from '../../engine';
import { el } from '../dom/el';
import { mountPanel } from '../dom/overlay';
import { phasePlace, sceneForPhase } from '../router';
import type { RunView } from '../session-store';
import { coachCardFor } from '../coach/for-run';
import { coachCardElement } from '../coach/render';
import type { CoachCard } from '../coach/view-model';
import { runTools } from '../ui/menus';
import { viewsTool } from '../ui/view-links';
import { RunScene, type RunSceneData } from './run-scene';
import type { SceneKey } from './keys';
import '../theme/views.css';

/**
 * A view of the run beside its phase screens (the stakeholder map, customers, the market): it
 * has no phase of its own, so it stays up whatever the phase, shows its decisions while the
 * engine lists them and reads as a record otherwise, and leads back to the phase's screen.
 * What each choice did is said in a live region that lives as long as the view.
 */
export abstract class ViewScene extends RunScene {
  private returnFocus: string | undefined;
  private before: Observation | null = null;
  private live: HTMLElement | null = null;
  private openedAt = 0;
  /** What the engine said about the last choice, when it was made in this view. */
  private engineLines: string[] = [];
  /** The coach's card for the last choice, when it was made in this view. */
  private coach: CoachCard | null = null;
  /** The last result sentence, also shown on screen until the next one. */
  protected result: string | null = null;

  /** The view's DOM: like RunScene.render, after the result of the last change is known. */
  protected abstract renderView(run: RunView): HTMLElement;

  /** A sentence for what changed between two observations, in this view's terms; null if nothing it shows. */
  protected abstract describeChange(before: Observation, after: Observation): string | null;

  override create(data?: RunSceneData): void {
    this.returnFocus = data?.returnFocus;
    this.before = null;
    this.result = null;
    this.engineLines = [];
    this.coach = null;
    this.openedAt = this.store.run?.steps ?? 0;
    // Outside the re-rendered panel: a live region must persist to be read reliably.
    this.live = mountPanel(this, el('div', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' }));
    super.create(data);
  }

  protected override showsPhase(): boolean {
    return true;
  }

  protected render(run: RunView): HTMLElement {
    const o = run.step.observation;
    if (this.before && this.before !== o) {
      const said = this.describeChange(this.before, o);
      this.result = null;
      if (said) this.say(said);
    }
    this.before = o;
    // The phase screen's "What happened" is about choices made there: a view shows its own.
    this.engineLines = run.steps > this.openedAt ? (run.last?.messages ?? []).filter((m) => m.trim() !== '') : [];
    this.coach = run.steps > this.openedAt ? coachCardFor(run) : null;
    return this.renderView({ ...run, last: null });
  }

  /** Shows `text` as the view's latest result and reads it out. */
  protected say(text: string): void {
    this.result = text;
    const live = this.live;
    if (!live) return;
    // Cleared first, so the same sentence twice is still read twice.
    live.textContent = '';
    requestAnimationFrame(() => {
      live.textContent = text;
    });
  }

  /** The screen this view returns to: the one for the engine's phase. */
  protected backTarget(run: RunView): { key: SceneKey; label: string } {
    return { key: sceneForPhase(run.step.phase), label: `Back to ${phasePlace(run.step.phase)}` };
  }

  protected back = (): void => {
    const run = this.store.run;
    if (run) this.goTo(this.backTarget(run).key, { focus: this.returnFocus });
  };

  protected override tools(run: RunView): HTMLElement[] {
    const back = this.backTarget(run);
    const button = el('button', { type: 'button', class: 'btn btn--quiet hud__tool', 'data-focus': 'tool:back' }, el('span', { 'aria-hidden': 'true' }, '← '), 'Back', el('span', { class: 'visually-hidden' }, ` to ${phasePlace(run.step.phase)}`));
    button.addEventListener('click', this.back);
    return [button, viewsTool(run.step, this.key, (key) => this.goTo(key, { returnFocus: this.returnFocus }), { label: back.label, go: this.back }, run.scenario.scenario), ...runTools(this.store, run, this.leave)];
  }

  /** The side pane's last element: the way back, kept in view like every screen's main button. */
  protected backBar(run: RunView): HTMLElement {
    const button = el('button', { type: 'button', class: 'btn btn--primary', 'data-focus': 'view:back' }, `${this.backTarget(run).label} →`);
    button.addEventListener('click', this.back);
    return el('div', { class: 'primary-bar' }, button);
  }

  /** The result of the last choice made in this view, on screen (the live region reads it). */
  protected resultLine(): HTMLElement | null {
    const lines = [...this.engineLines.slice(-2), ...(this.result ? [this.result] : [])];
    const coach = this.coach;
    const card = coach && (coach.judgements.length || coach.later) ? coachCardElement({ ...coach, happened: lines, more: 0 }) : null;
    if (card) {
      card.classList.add('view-result');
      return card;
    }
    return lines.length ? el('div', { class: 'latest view-result' }, el('span', { class: 'latest__tag' }, 'What happened'), ...lines.map((l) => el('p', {}, l))) : null;
  }
}
