import type { ReplayLog } from '../../engine';
import type { RunView } from '../session-store';
import { buildDebrief, type Debrief as DebriefData, type DebriefGoal } from '../../assessment/debrief';
import { DOMAINS } from '../../assessment';
import { el } from '../dom/el';
import { play } from '../sound';
import { points } from '../ui/charts';
import { messageDialog } from '../ui/dialog';
import { comparePanel } from '../replay/compare-panel';
import { downloadReplay, shareChallenge, shareReplay } from '../replay/share';
import { openInViewer } from '../replay/viewer-source';
import { releasesList, sprintHistoryTable } from '../ui/history';
import { block, screen } from '../ui/screen';
import { statusBadge, statusLegend } from '../ui/status';
import { RunScene } from './run-scene';
import { SceneKey } from './keys';

function pct(x: number | null): string {
  return x === null ? 'none judged' : `${Math.round(x * 100)}%`;
}

function tile(label: string, value: string, note?: string): HTMLElement {
  return el('div', { class: 'tile' }, el('span', { class: 'tile__value' }, value), el('span', { class: 'tile__label' }, label), note ? el('span', { class: 'tile__note' }, note) : null);
}

/** The debrief: outcome figures, then every goal by domain with its status and the reasons. */
export class Debrief extends RunScene {
  private revealed = false;

  constructor() {
    super(SceneKey.Debrief);
  }

  protected override accent(): number {
    return this.palette.yellow;
  }

  override create(): void {
    this.revealed = false;
    super.create();
    play('fanfare');
  }

  protected override focusFallbacks(): string[] {
    return ['debrief:goals-title'];
  }

  protected render(run: RunView): HTMLElement {
    const inClass = this.store.classroom !== null;
    const report = this.store.report();
    const o = run.step.observation;
    // In a class the server built the debrief (the game never simulates a class locally).
    const debrief = inClass ? this.store.classDebrief() : report ? buildDebrief(report, run.scenario.scenario.targets) : null;
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

    const reflection = el(
      'div',
      { class: 'reveal' },
      el('p', { class: 'block__hint' }, 'Before you look at the judgement: which of your decisions do you think helped the product most, and which would you take back?'),
      (() => {
        const button = el('button', { type: 'button', class: 'btn btn--primary', 'data-focus': 'debrief:reveal' }, 'Show how my decisions match the learning goals');
        button.addEventListener('click', () => {
          this.revealed = true;
          this.refresh();
          this.root.querySelector<HTMLElement>('#goals-title')?.focus();
        });
        return button;
      })(),
    );

    // A branch run is set beside the run it was taken over from.
    const origin = inClass ? null : this.store.branchOrigin;
    const main = [
      block('Outcomes', 'outcomes-title', outcomes),
      origin && report ? comparePanel(run.scenario, origin, report) : null,
      debrief && this.revealed ? this.goals(debrief) : reflection,
    ];

    const side = [
      debrief && this.revealed ? this.workOn(debrief) : null,
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

  private goals(debrief: DebriefData): HTMLElement {
    const reasonsFor = (goalId: string) => debrief.decisions.flatMap((d) => d.goals.filter((g) => g.goalId === goalId).map((g) => ({ title: d.title, rationale: g.rationale, score: g.score })));
    const goalItem = (g: DebriefGoal) => {
      const reasons = reasonsFor(g.goalId);
      const weighs = debrief.decisions.flatMap((d) => d.goals).find((x) => x.goalId === g.goalId)?.strongPoWeighs;
      return el(
        'li',
        { class: `goal goal--${g.status}` },
        el('div', { class: 'goal__head' }, statusBadge(g.status), el('span', { class: 'goal__id' }, g.goalId), el('span', { class: 'goal__title' }, g.title)),
        reasons.length
          ? el('ul', { class: 'goal__reasons' }, ...reasons.map((r) => el('li', {}, el('strong', {}, `${r.title}: `), r.rationale)))
          : el('p', { class: 'goal__reasons' }, 'No decision in this run tested this goal yet.'),
        weighs && g.status !== 'shown' ? el('details', { class: 'goal__weighs' }, el('summary', {}, 'What a strong Product Owner weighs here'), el('p', {}, weighs)) : null,
      );
    };
    return el(
      'section',
      { class: 'block', 'aria-labelledby': 'goals-title' },
      el('h2', { class: 'block__title', id: 'goals-title', tabindex: '-1', 'data-focus': 'debrief:goals-title' }, 'Learning goals by domain'),
      statusLegend(),
      ...debrief.domains.map((d) => {
        const number = DOMAINS.find((x) => x.id === d.domainId)?.domain;
        const goals = debrief.goals.filter((g) => g.domain === number);
        return el(
          'section',
          { class: 'domain', 'aria-labelledby': `domain-${d.domainId}` },
          el('h3', { class: 'domain__title', id: `domain-${d.domainId}` }, `${d.domainId.replace('D', 'Domain ')}: ${d.title} `, statusBadge(d.status)),
          goals.length ? el('ul', { class: 'goals' }, ...goals.map(goalItem)) : el('p', { class: 'block__hint' }, 'Not yet seen: no decision in this scenario tests this domain.'),
        );
      }),
    );
  }

  private workOn(debrief: DebriefData): HTMLElement {
    return block(
      'Work on next',
      'work-on-title',
      debrief.workOn.length
        ? el('ol', { class: 'work-on' }, ...debrief.workOn.slice(0, 4).map((w) => el('li', {}, statusBadge(w.status), ' ', el('strong', {}, `${w.goalId} ${w.title}`), el('p', {}, w.weakestRationale))))
        : el('p', {}, 'No goal was missed or only partly shown in this run.'),
      debrief.notYetSeen.length ? el('p', { class: 'block__hint' }, `${debrief.notYetSeen.length} goals this scenario targets were not tested in this run: another run may reach them.`) : null,
    );
  }
}
