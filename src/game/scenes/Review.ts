import type { ListedAction, Observation, VisibleItem } from '../../engine';
import type { RunView } from '../session-store';
import { el } from '../dom/el';
import { actionButton, listedOf, otherActions, paramOf, type Dispatch } from '../ui/actions';
import { points, velocityChart } from '../ui/charts';
import { forecastHistogram } from '../ui/forecast-charts';
import { releasesList } from '../ui/history';
import { itemRow } from '../ui/items';
import { block, meter, screen } from '../ui/screen';
import { viewLink } from '../ui/view-links';
import { viewSummary } from '../view/views';
import { RunScene } from './run-scene';
import { SceneKey } from './keys';

const HANDLED = new Set(['answerForecast', 'endReview', 'setReviewFormat', 'releaseIncrement', 'planRelease', 'moveItem', 'orderBacklog', 'reflect']);

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

/** An item anywhere the player can see it. */
function itemOf(o: Observation, id: string): VisibleItem | undefined {
  return [...o.increment, ...o.backlog, ...o.sprintBacklog].find((i) => i.id === id);
}

/**
 * The Sprint Review: what is Done this Sprint (the Increment), what is not Done and went back to
 * the Product Backlog, the Sprint Goal, and the conversation with stakeholders: "when?", release
 * planning, releasing Done work, and how progress is shared. Nothing here accepts or approves
 * work: Done is the Developers' Definition of Done, met or not.
 */
export class Review extends RunScene {
  constructor() {
    super(SceneKey.Review);
  }

  protected override accent(): number {
    return this.palette.yellow;
  }

  protected override focusFallbacks(run: RunView): string[] {
    const first = listedOf(run.step, 'setReviewFormat')[0];
    return [first ? `format:${String(paramOf(first, 'format'))}` : '', 'forecast:range', 'action:endReview'];
  }

  protected render(run: RunView): HTMLElement {
    const { step } = run;
    const o = step.observation;
    const forecasts = listedOf(step, 'answerForecast');
    const end = listedOf(step, 'endReview')[0];
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
            el('div', { class: 'choice-list choice-list--row' }, ...formats.map((a) => {
              const format = String(paramOf(a, 'format'));
              return actionButton(a, this.dispatch, { variant: 'choice', text: FORMAT_WORDS[format]?.text ?? a.label, detail: FORMAT_WORDS[format]?.detail, focusKey: `format:${format}` });
            })),
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
      usageQuestion(step, this.dispatch),
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
          ? el(
              'div',
              { class: 'choice-list' },
              ...forecasts.map((a) => actionButton(a, this.dispatch, { variant: 'choice', focusKey: `forecast:${String(paramOf(a, 'style'))}` })),
            )
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
      el('div', { class: 'primary-bar' }, end ? actionButton(end, this.dispatch, { variant: 'primary', text: 'Close the Sprint Review →' }) : null),
    ];

    return screen({
      key: 'review',
      run,
      title: `Sprint ${o.sprint}: Sprint Review`,
      lead: 'Inspect the Done Increment with the stakeholders, and adapt the Product Backlog and the release plan to what you learn.',
      main,
      side,
      sideLabel: 'Velocity, forecasts and releases',
      tools: this.tools(run),
    });
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
            el('div', { class: 'choice-list' }, ...plans.map((a: ListedAction) => actionButton(a, this.dispatch, { variant: 'choice', focusKey: `plan:${String(paramOf(a, 'plan'))}` }))),
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
      actionButton(release, this.dispatch, { variant: 'secondary', text: 'Release Done work now', focusKey: 'action:releaseIncrement' }),
    );
  }
}

/** After a release, the Review inspects what users did with it before it closes. */
function usageQuestion(step: RunView['step'], dispatch: Dispatch): HTMLElement | null {
  const readings = listedOf(step, 'reflect');
  if (!readings.length) return null;
  return block(
    'What did users do with the release?',
    'usage-title',
    el('p', { class: 'block__hint' }, 'Read how much each released item is used, then say which one users used most. The Review closes after.'),
    releasesList(step.observation),
    el('div', { class: 'choice-list' }, ...readings.map((a) => actionButton(a, dispatch, { variant: 'choice' }))),
  );
}
