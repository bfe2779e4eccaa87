import type { BatchPart, ListedAction, Observation, Step, VisibleItem } from '../../engine';
import type { RunView } from '../session-store';
import { el } from '../dom/el';
import { actionButton, listedOf, otherActions, paramOf } from '../ui/actions';
import type { Picks } from '../ui/batch-form';
import { decisionGroup, decisionSubmit, pickedActions } from '../ui/decision-form';
import { sendParts } from '../ui/batch-form';
import { count } from '../../words';
import { points, velocityChart } from '../ui/charts';
import { forecastHistogram } from '../ui/forecast-charts';
import { releasesList } from '../ui/history';
import { itemRow } from '../ui/items';
import { block, meter, screen } from '../ui/screen';
import { viewLink } from '../ui/view-links';
import { viewSummary } from '../view/views';
import { RunScene } from './run-scene';
import { SceneKey } from './keys';

const HANDLED = new Set(['answerForecast', 'endReview', 'setReviewFormat', 'releaseIncrement', 'planRelease', 'moveItem', 'orderBacklog', 'reflect', 'shareProgress', 'decidePivot']);

/**
 * The Review's decisions, by the group that holds each on the form, in the order they are sent
 * (the close goes last). Releasing is not among them: it is a step of its own, since what users
 * then do with the release is read before the Review closes.
 */
const SENT_IN_ORDER = [
  ['decidePivot', 'pivot'],
  ['setReviewFormat', 'format'],
  ['reflect', 'usage'],
  ['planRelease', 'plan'],
  ['answerForecast', 'forecast'],
  ['shareProgress', 'share'],
] as const;

const FORM = 'review';

const FORMAT_WORDS: Record<string, { text: string; detail: string }> = {
  workingSession: { text: 'Working session', detail: 'Stakeholders try the Increment and shape what comes next' },
  demo: { text: 'Demo', detail: 'Show what was built' },
  statusReport: { text: 'Status report', detail: 'Send a report instead of meeting' },
};

const PLAN_WORDS: Record<string, string> = {
  dateWithFlexibleScope: 'Release by a date; what ships is the top of the Product Backlog that is Done by then',
  everythingByDate: 'Every item in the Product Backlog, by a date',
  scopeWithoutDate: 'The whole scope, with a date once it is Done',
};

const pointsText = (n: number) => `${points(n)} ${points(n) === '1' ? 'point' : 'points'}`;

const FORECAST_WORDS: Record<string, string> = { date: 'a single date', range: 'a forecast range', rangeWithAssumptions: 'a forecast range with its assumptions' };
const SHARING_WORDS: Record<string, string> = { transparent: 'the burn-up, the forecast range and the open risks', optimistic: '“everything is on track”' };

/**
 * What this Review keeps from the last one that chose it, when not chosen again: the Scrum
 * Team's working agreement, as the engine applies it at the close (engine rules/review-agreements).
 * A practice is carried only while its decision is still open at this Review.
 */
function carriedPractices(step: Step): { format: string | null; forecast: string | null; sharing: string | null } {
  const o = step.observation;
  const earlier = o.sprintHistory.filter((h) => h.number < o.sprint).reverse();
  const open = (type: string) => listedOf(step, type).length > 0;
  return {
    format: open('setReviewFormat') ? (earlier.find((h) => h.reviewFormat)?.reviewFormat ?? null) : null,
    forecast: open('answerForecast') ? ([...o.forecasts].reverse().find((f) => f.sprint < o.sprint)?.style ?? null) : null,
    sharing: open('shareProgress') ? (earlier.find((h) => h.progressSharing)?.progressSharing ?? null) : null,
  };
}

const keep = (words: string) => `Keep: ${words} (agreed at the last Review)`;

/** An item anywhere the player can see it. */
function itemOf(o: Observation, id: string): VisibleItem | undefined {
  return [...o.increment, ...o.backlog, ...o.sprintBacklog].find((i) => i.id === id);
}

/**
 * The Sprint Review: what is Done this Sprint (the Increment), what is not Done and went back to
 * the Product Backlog, the Sprint Goal, and the conversation with stakeholders: "when?", release
 * planning, releasing Done work, and how progress is shared. Nothing here accepts or approves
 * work: Done is the Developers' Definition of Done, met or not. The decisions are one form, sent
 * with the close by one button; ordering the Product Backlog stays immediate, on the board.
 */
export class Review extends RunScene {
  /** What the player has picked on the form and not yet sent, by group. */
  private readonly picks: Picks = new Map();
  /** The Sprint and phase the picks belong to: they are cleared when either changes. */
  private picksAt = '';
  /** The player pressed the button while it waits for an answer: the note is announced. */
  private nudged = false;

  constructor() {
    super(SceneKey.Review);
  }

  protected override accent(): number {
    return this.palette.yellow;
  }

  protected override focusFallbacks(): string[] {
    return [`batch:${FORM}:submit`];
  }

  /** Re-renders after a pick, keeping focus on it. */
  private repaint = (focusKey: string): void => {
    this.nudged = false;
    this.refresh(focusKey);
  };

  protected render(run: RunView): HTMLElement {
    const { step } = run;
    const o = step.observation;
    const at = `${o.sprint}:${step.phase}`;
    if (at !== this.picksAt) {
      this.picks.clear();
      this.picksAt = at;
      this.nudged = false;
    }
    const carried = carriedPractices(step);
    const forecasts = listedOf(step, 'answerForecast');
    const formats = listedOf(step, 'setReviewFormat');
    const history = o.sprintHistory.find((h) => h.number === o.sprint);
    const sprint = o.currentSprint;
    const doneIds = sprint?.done ?? history?.done ?? [];
    const notDoneIds = sprint?.notDone ?? history?.notDone ?? [];
    const done = doneIds.map((id) => itemOf(o, id)).filter((i): i is VisibleItem => i !== undefined);
    const notDone = notDoneIds.map((id) => itemOf(o, id)).filter((i): i is VisibleItem => i !== undefined);
    const earlier = o.increment.filter((i) => !doneIds.includes(i.id));
    const lastForecast = o.forecasts.filter((f) => f.sprint === o.sprint).pop();
    const canOrder = step.actions.some((a) => a.type === 'moveItem' || a.type === 'orderBacklog');
    const group = (g: Omit<Parameters<typeof decisionGroup>[0], 'form' | 'picks' | 'refresh'>) => decisionGroup({ form: FORM, picks: this.picks, refresh: this.repaint, ...g });

    const main = [
      sprint
        ? el(
            'p',
            { class: 'goal-card' },
            el('span', { class: 'goal-card__label' }, 'Sprint Goal: '),
            sprint.goal,
            history && history.goalMet !== null
              ? el('span', { class: `goal-card__result ${history.goalMet ? 'is-met' : 'is-missed'}` }, el('span', { 'aria-hidden': 'true' }, history.goalMet ? ' ✓ ' : ' ✗ '), history.goalMet ? 'Met' : 'Not met')
              : null,
          )
        : null,
      formats.length
        ? block(
            'How will you run this Sprint Review?',
            'format-title',
            group({
              group: 'format',
              labelledBy: 'format-title',
              row: true,
              none: carried.format
                ? { text: keep((FORMAT_WORDS[carried.format]?.text ?? carried.format).toLowerCase()) }
                : { text: 'No particular format', detail: 'Nothing is agreed about how the Review runs' },
              // The practice kept from the last Review is the first choice already: it is not offered twice.
              choices: formats.filter((a) => paramOf(a, 'format') !== carried.format).map((a) => {
                const format = String(paramOf(a, 'format'));
                return { action: a, text: FORMAT_WORDS[format]?.text ?? a.label, detail: FORMAT_WORDS[format]?.detail };
              }),
            }),
          )
        : null,
      block(
        'Done this Sprint: the Increment',
        'done-title',
        el('p', { class: 'block__hint' }, 'Each of these met the Definition of Done during the Sprint, so it is part of the Increment and can be released.'),
        done.length
          ? el('ul', { class: 'item-rows' }, ...done.map((i) => itemRow(i, o)))
          : el('p', {}, 'Nothing met the Definition of Done in this Sprint, so nothing was added to the Increment.'),
      ),
      notDone.length
        ? block(
            'Not Done: back in the Product Backlog',
            'not-done-title',
            el(
              'p',
              { class: 'block__hint' },
              `Only Done work counts. ${notDone.length === 1 ? 'This item was' : 'These items were'} not Done when the Sprint ended, so ${notDone.length === 1 ? 'it is' : 'they are'} not part of the Increment and not shown as progress. ${notDone.length === 1 ? 'It is' : 'They are'} back in the Product Backlog for you to order against everything else.`,
            ),
            el('ul', { class: 'item-rows' }, ...notDone.map((i) => itemRow(i, o))),
            canOrder ? viewLink(viewSummary(step, SceneKey.Backlog), 'Order the Product Backlog →') : null,
          )
        : null,
      earlier.length ? block('Done in earlier Sprints', 'increment-title', el('ul', { class: 'item-rows item-rows--compact' }, ...earlier.map((i) => itemRow(i, o)))) : null,
      this.usageQuestion(step),
      this.sharing(step, carried.sharing),
      this.pivot(step),
      otherActions(step, HANDLED, this.dispatch),
    ];

    const goal = o.productGoalProgress;
    const side = [
      goal
        ? block(
            'Product Goal',
            'product-goal-title',
            el('p', { class: 'block__hint' }, goal.goal),
            goal.measurable
              ? meter('Released work that moved it', goal.released, { max: Math.max(1, goal.total), unit: ` of ${pointsText(goal.total)}` })
              : el('p', { class: 'block__hint' }, 'This goal has no measure: nobody here can say whether the product came closer to it.'),
          )
        : null,
      block(
        'Velocity',
        'velocity-title',
        history
          ? el('p', { class: 'block__hint' }, `This Sprint: the Developers forecast ${pointsText(history.forecast)}; ${pointsText(history.velocity)} of work met the Definition of Done. Only Done work counts toward velocity.`)
          : null,
        velocityChart(o.team.velocityHistory, null, true),
      ),
      block(
        'Stakeholders ask: “When will the next items be ready?”',
        'when-title',
        forecasts.length
          ? group({
              group: 'forecast',
              labelledBy: 'when-title',
              none: carried.forecast ? { text: keep(FORECAST_WORDS[carried.forecast] ?? carried.forecast) } : { text: 'Leave the question unanswered', detail: 'Stakeholders leave without an answer' },
              choices: forecasts.filter((a) => paramOf(a, 'style') !== carried.forecast).map((a) => ({ action: a })),
            })
          : lastForecast
            ? el(
                'div',
                {},
                el('p', {}, lastForecast.style === 'date' ? `You said: in ${lastForecast.low} Sprint${lastForecast.low === 1 ? '' : 's'}.` : `You said: in ${lastForecast.low} to ${lastForecast.high} Sprints.`, ' The answer is judged when that time comes.'),
                // The simulation behind a range answer: what the range was read from.
                lastForecast.distribution ? forecastHistogram(lastForecast.distribution) : null,
              )
            : el('p', {}, 'Nobody is asking right now.'),
      ),
      this.releasePlanning(run),
      this.releaseNow(run),
      el('div', { class: 'primary-bar' }, this.submit(step)),
    ];

    return screen({
      key: 'review',
      run,
      title: `Sprint ${o.sprint}: Sprint Review`,
      lead: 'Inspect the Done Increment with the stakeholders, and adapt the Product Backlog and the release plan to what you learn. Make your choices, then close the Review: they are sent together.',
      main,
      side,
      sideLabel: 'Velocity, forecasts and releases',
      tools: this.tools(run),
    });
  }

  /** The one button: every pick, then the close, in one step. */
  private submit(step: Step): HTMLElement {
    const chosen = pickedActions(
      this.picks,
      SENT_IN_ORDER.map(([type, group]) => ({ group, choices: listedOf(step, type) })),
    );
    // Listed only once the usage question is answered; sent after that answer in the same step.
    const end = listedOf(step, 'endReview')[0];
    const usageOpen = listedOf(step, 'reflect').length > 0 && !chosen.some((a) => a.type === 'reflect');
    const parts: (ListedAction | BatchPart)[] = [...chosen, end ?? { type: 'endReview' }];
    return decisionSubmit({
      form: FORM,
      text: `Close the Sprint Review${chosen.length ? ` (${count(chosen.length, 'decision')})` : ''} →`,
      closes: 'endReview',
      blocked: usageOpen ? 'Answer “What did users do with the release?” first: the Sprint Review closes after you say which released item users used most.' : null,
      nudged: this.nudged,
      onSend: () => {
        this.picks.clear();
        sendParts(parts, this.dispatch);
      },
      onBlocked: () => {
        this.nudged = true;
        this.refresh(`batch:${FORM}:submit`);
      },
    });
  }

  /** After a release, the Review inspects what users did with it before it closes. */
  private usageQuestion(step: Step): HTMLElement | null {
    const readings = listedOf(step, 'reflect');
    if (!readings.length) return null;
    return block(
      'What did users do with the release?',
      'usage-title',
      el('p', { class: 'block__hint' }, 'Read how much each released item is used, then say which one users used most. The Review closes after.'),
      releasesList(step.observation),
      decisionGroup({ form: FORM, group: 'usage', labelledBy: 'usage-title', required: true, picks: this.picks, refresh: this.repaint, choices: readings.map((a) => ({ action: a })) }),
    );
  }

  private sharing(step: Step, carried: string | null): HTMLElement | null {
    const options = listedOf(step, 'shareProgress');
    if (!options.length) return null;
    return section(
      'How do you share progress?',
      'share-title',
      decisionGroup({
        form: FORM,
        group: 'share',
        labelledBy: 'share-title',
        picks: this.picks,
        refresh: this.repaint,
        none: carried ? { text: keep(SHARING_WORDS[carried] ?? carried) } : { text: 'Say nothing about progress this time' },
        choices: options.filter((a) => paramOf(a, 'style') !== carried).map((a) => ({ action: a })),
      }),
    );
  }

  private pivot(step: Step): HTMLElement | null {
    const options = listedOf(step, 'decidePivot');
    if (!options.length) return null;
    return section(
      'Pivot or persist?',
      'pivot-title',
      decisionGroup({ form: FORM, group: 'pivot', labelledBy: 'pivot-title', picks: this.picks, refresh: this.repaint, none: { text: 'Leave it undecided' }, choices: options.map((a) => ({ action: a })) }),
    );
  }

  /** Release planning by date, once: which part of the Product Backlog ships when. */
  private releasePlanning(run: RunView): HTMLElement | null {
    const o = run.step.observation;
    const plans = listedOf(run.step, 'planRelease');
    if (!plans.length && !o.releasePlan) return null;
    return block(
      'Release planning',
      'plan-title',
      plans.length
        ? el(
            'div',
            {},
            el('p', { class: 'block__hint' }, `The stakeholders want to know what the release at the end of Sprint ${o.sprints} will hold. You plan it once.`),
            decisionGroup({
              form: FORM,
              group: 'plan',
              labelledBy: 'plan-title',
              picks: this.picks,
              refresh: this.repaint,
              none: { text: 'Not now', detail: 'Plan the release at a later Review' },
              choices: plans.map((a: ListedAction) => ({ action: a })),
            }),
          )
        : el('p', {}, el('strong', {}, 'Your release plan: '), PLAN_WORDS[o.releasePlan ?? ''] ?? 'made'),
    );
  }

  private releaseNow(run: RunView): HTMLElement | null {
    const release = listedOf(run.step, 'releaseIncrement')[0];
    if (!release) return null;
    const waiting = run.step.observation.increment.filter((i) => !i.released).length;
    return block(
      'Release now?',
      'release-now-title',
      el('p', { class: 'block__hint' }, `${waiting} Done ${waiting === 1 ? 'item is' : 'items are'} not in users’ hands yet. Done work can reach users whenever it makes sense, not only at the end.`),
      el('p', { class: 'block__hint' }, 'The release happens as soon as you press it; your other choices here wait for the close.'),
      actionButton(release, this.dispatch, { variant: 'secondary', text: 'Release Done work now', focusKey: 'action:releaseIncrement' }),
    );
  }
}

/** A titled group of decisions in the main column, as the other decisions of a screen are shown. */
function section(title: string, id: string, ...children: HTMLElement[]): HTMLElement {
  return el('section', { class: 'action-group', 'aria-labelledby': id }, el('h3', { class: 'action-group__title', id }, title), ...children);
}
