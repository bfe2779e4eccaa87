import type { ReplayLog } from '../../engine';
import type { RunView } from '../session-store';
import { buildDebrief } from '../../assessment/debrief';
import { productGoalVerdict } from '../../assessment/product-goal-verdict';
import { el } from '../dom/el';
import { play } from '../sound';
import { points } from '../ui/charts';
import { messageDialog } from '../ui/dialog';
import { comparePanel } from '../replay/compare-panel';
import { downloadReplay, shareChallenge, shareReplay } from '../replay/share';
import { openInViewer } from '../replay/viewer-source';
import { releasesList, sprintHistoryTable } from '../ui/history';
import { block, screen } from '../ui/screen';
import { decisionsByDomain, firstScreen, runMap } from '../ui/debrief-parts';
import { nextScenario, nextScenarioBlock } from '../ui/next-scenario';
import { whatIfFor, type WhatIfRun } from '../whatif/runner';
import { mirrorWhatIf, whatIfPanel } from '../whatif/panel';
import { RunScene } from './run-scene';
import { SceneKey } from './keys';

function pct(x: number | null): string {
  return x === null ? 'none judged' : `${Math.round(x * 100)}%`;
}

function tile(label: string, value: string, note?: string): HTMLElement {
  return el('div', { class: 'tile' }, el('span', { class: 'tile__value' }, value), el('span', { class: 'tile__label' }, label), note ? el('span', { class: 'tile__note' }, note) : null);
}

/**
 * The debrief: first the Product Goal verdict, the score and three lessons; then this run's
 * knowledge map, the outcome figures and every decision folded by domain.
 */
export class Debrief extends RunScene {
  constructor() {
    super(SceneKey.Debrief);
  }

  protected override accent(): number {
    return this.palette.yellow;
  }

  /** The "what if" rollouts of this run, started after the debrief's first paint; null in a class. */
  private whatIf: WhatIfRun | null = null;
  private unmirror: (() => void) | null = null;

  override create(): void {
    super.create();
    play('fanfare');
    this.events.once('shutdown', () => {
      this.unmirror?.();
      this.unmirror = null;
      // Left before the figures were ready: the worker stops, and a later visit starts it again.
      this.whatIf?.stop();
      this.whatIf = null;
    });
  }

  protected override afterRender(run: RunView): void {
    super.afterRender(run);
    const whatIf = this.whatIf;
    const lessons = this.root.querySelector<HTMLElement>('.lessons');
    if (!whatIf || !lessons) return;
    this.unmirror?.();
    this.unmirror = mirrorWhatIf(whatIf, lessons);
    // After the first paint: the rollouts run in a worker and never hold the debrief up.
    requestAnimationFrame(() => setTimeout(() => whatIf.start(), 0));
  }

  protected override focusFallbacks(): string[] {
    return ['debrief:lessons-title', 'debrief:goals-title'];
  }

  protected render(run: RunView): HTMLElement {
    const inClass = this.store.classroom !== null;
    const report = this.store.report();
    const o = run.step.observation;
    // In a class the server built the debrief (the game never simulates a class locally).
    const debrief = inClass ? this.store.classDebrief() : report ? buildDebrief(report, run.scenario.scenario.targets, run.scenario.scenario) : null;
    const out = debrief?.outcomes;

    const outcomes = out
      ? el(
          'div',
          { class: 'tiles' },
          tile('of the value available realised', `${Math.round(out.valuePercent)}%`, `${points(out.valueRealised)} of ${points(out.valueAvailable)} value points`),
          tile('Sprint Goals met', `${out.sprintGoalsMet} of ${out.sprintsPlayed}`),
          tile('forecasts that came true', out.forecastsJudged ? `${out.forecastsHit} of ${out.forecastsJudged}` : '—', `accuracy ${pct(out.forecastAccuracy)}`),
          tile('stakeholder trust', `${Math.round(out.stakeholderTrust)}`, 'out of 100'),
          tile('team health', `${Math.round(out.teamHealth)}`, 'out of 100'),
          tile('technical debt', `${Math.round(out.techDebt)}`, 'out of 100, lower is better'),
          tile('release to users', out.released === null ? '—' : out.released ? 'Released' : 'Nothing released', o.metrics ? `adoption ${points(o.metrics.adoption)}%, satisfaction ${points(o.metrics.satisfaction)}/100` : undefined),
        )
      : el('p', {}, inClass ? 'Your debrief is kept on the classroom server: your facilitator will go through it with the class.' : 'The report is not available.');

    const verdict = productGoalVerdict(o.productGoalProgress);
    const recommendation = inClass ? null : nextScenario(this.store);

    // A branch run is set beside the run it was taken over from.
    const origin = inClass ? null : this.store.branchOrigin;
    // What the other options would probably have led to: a local, finished run only (never a class's).
    this.whatIf = !inClass && debrief && run.step.done ? whatIfFor(run.scenario.scenario, run.scenario.hash, run.stateHash, () => this.store.replayLog()) : null;
    const whatIf = this.whatIf;
    const main = [
      firstScreen(verdict, debrief, whatIf ? (lesson, index) => whatIfPanel(whatIf, lesson, index) : undefined),
      origin && report ? comparePanel(run.scenario, origin, report) : null,
      debrief ? runMap(debrief) : null,
      block('Outcomes', 'outcomes-title', outcomes),
      debrief ? decisionsByDomain(debrief) : null,
    ];

    const side = [
      inClass ? null : nextScenarioBlock(this.store, this, recommendation),
      block(
        'Your Sprints',
        'sprints-title',
        sprintHistoryTable(o),
        o.releases.length ? releasesList(o) : null,
        el('p', { class: 'block__hint' }, inClass ? 'Your facilitator sees this run with the class.' : 'This run is now part of your knowledge map.'),
      ),
      inClass ? null : this.replayBlock(run),
      el(
        'div',
        { class: 'primary-bar' },
        el(
          'div',
          { class: 'choice-list', role: 'group', 'aria-label': 'What next' },
          inClass ? null : this.button('See your knowledge map', 'Goals across all your runs', () => this.scene.start(SceneKey.KnowledgeMap), 'debrief:knowledge'),
          inClass ? this.button('Back to the title', 'Your place in the class is kept', () => this.leave(), 'debrief:map') : this.button('Back to the campaign map', 'Choose the next scenario', () => this.leave(), 'debrief:map'),
        ),
      ),
    ];

    return screen({
      key: 'debrief',
      run,
      title: `Debrief: ${o.scenario.title}`,
      lead: 'What your choices achieved, and what they show about each learning goal.',
      main,
      side,
      sideLabel: 'Goals to work on and what next',
      tools: this.tools(run),
    });
  }

  /** Watching, downloading and sharing this run (a local run only: a class's runs stay on its server). */
  private replayBlock(run: RunView): HTMLElement {
    const quiet = (label: string, key: string, onClick: () => void) => {
      const b = el('button', { type: 'button', class: 'btn btn--quiet', 'data-focus': key }, label);
      b.addEventListener('click', onClick);
      return b;
    };
    const withReplay = (use: (replay: ReplayLog) => void) => () => {
      const replay = this.store.replayLog();
      if (replay) use(replay);
    };
    return block(
      'Replay this run',
      'replay-title',
      el('div', { class: 'choice-list' }, this.button('Watch this run', 'Every choice and its judgement, step by step; branch from any of them', withReplay((r) => this.watch(r)), 'debrief:watch')),
      el(
        'div',
        { class: 'choice-list replay-actions' },
        quiet('Download the replay file', 'debrief:export', withReplay(downloadReplay)),
        quiet('Copy replay link', 'debrief:replay-link', withReplay((r) => void shareReplay(r))),
        quiet('Copy challenge link', 'debrief:challenge-link', withReplay((r) => void shareChallenge(r.scenarioId, r.seed, run.scenario.scenario.title))),
      ),
      el('p', { class: 'block__hint' }, 'A replay file or link shows this run to anyone, verified; a challenge link lets them play the same Sprints themselves.'),
    );
  }

  private watch(replay: ReplayLog): void {
    const opened = openInViewer(this.store, replay, 'debrief', 'this run');
    if (!opened.ok) {
      play('error');
      void messageDialog('This run cannot be shown', [opened.message]);
      return;
    }
    this.scene.start(SceneKey.ReplayViewer);
  }

  private button(label: string, detail: string, onClick: () => void, key: string): HTMLButtonElement {
    const b = el('button', { type: 'button', class: 'btn btn--choice', 'data-focus': key }, el('span', { class: 'btn__label' }, label), el('span', { class: 'btn__detail' }, detail));
    b.addEventListener('click', onClick);
    return b;
  }
}
