import type { VisibleItem } from '../../engine';
import type { RunView } from '../session-store';
import { el } from '../dom/el';
import { actionButton, listedOf, otherActions, paramOf } from '../ui/actions';
import { points, velocityChart } from '../ui/charts';
import { forecastHistogram } from '../ui/forecast-charts';
import { itemRow } from '../ui/items';
import { block, screen } from '../ui/screen';
import { RunScene } from './run-scene';
import { SceneKey } from './keys';

const HANDLED = new Set(['reviewItem', 'answerForecast', 'endReview', 'setReviewFormat', 'releaseIncrement']);

const FORMAT_WORDS: Record<string, { text: string; detail: string }> = {
  workingSession: { text: 'Working session', detail: 'Stakeholders try the Increment and shape what comes next' },
  demo: { text: 'Demo', detail: 'Show what was built' },
  statusReport: { text: 'Status report', detail: 'Send a report instead of meeting' },
};

const STATUS_WORDS: Record<string, string> = {
  done: 'Finished: accept it into the Increment or return it',
  accepted: 'Accepted into the Increment',
  backlog: 'Back in the Product Backlog',
  sprint: 'Not finished in this Sprint',
};

/** The Sprint Review: the finished work with its Done status, accept or return, and "when?". */
export class Review extends RunScene {
  constructor() {
    super(SceneKey.Review);
  }

  protected override accent(): number {
    return this.palette.yellow;
  }

  protected override focusFallbacks(run: RunView): string[] {
    const firstReview = listedOf(run.step, 'reviewItem')[0];
    return [firstReview ? `action:${firstReview.id}` : '', 'forecast:range', 'action:endReview'];
  }

  protected render(run: RunView): HTMLElement {
    const { step } = run;
    const o = step.observation;
    const reviews = listedOf(step, 'reviewItem');
    const forecasts = listedOf(step, 'answerForecast');
    const end = listedOf(step, 'endReview')[0];
    const formats = listedOf(step, 'setReviewFormat');
    const release = listedOf(step, 'releaseIncrement')[0];
    const history = o.sprintHistory.find((h) => h.number === o.sprint);

    const rowFor = (item: VisibleItem) => {
      const mine = reviews.filter((a) => paramOf(a, 'itemId') === item.id);
      const buttons = mine.length
        ? el(
            'div',
            { class: 'row-actions' },
            ...mine.map((a) => {
              const decision = String(paramOf(a, 'decision'));
              return actionButton(a, this.dispatch, {
                variant: 'secondary',
                text: decision === 'accept' ? '✓ Accept' : decision === 'returnToBacklog' ? '↩ Return to backlog' : a.label,
                focusKey: `action:${a.id}`,
              });
            }),
          )
        : null;
      return itemRow(item, o, el('p', { class: `item-row__status status--${item.status}` }, STATUS_WORDS[item.status] ?? item.status), buttons);
    };

    const reviewed = o.sprintBacklog;
    const increment = o.increment.filter((i) => !reviewed.some((r) => r.id === i.id));
    const sprint = o.currentSprint;
    const lastForecast = o.forecasts.filter((f) => f.sprint === o.sprint).pop();

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
        'The work of this Sprint',
        'work-title',
        el('p', { class: 'block__hint' }, 'Only work that meets the Definition of Done belongs in the Increment. Each item shows the Developers’ verdict.'),
        reviewed.length ? el('ul', { class: 'item-rows' }, ...reviewed.map(rowFor)) : el('p', {}, 'No item was taken into this Sprint.'),
      ),
      increment.length
        ? block('The Increment so far', 'increment-title', el('ul', { class: 'item-rows item-rows--compact' }, ...increment.map((i) => itemRow(i, o))))
        : null,
      otherActions(step, HANDLED, this.dispatch),
    ];

    const side = [
      block(
        'Velocity',
        'velocity-title',
        history ? el('p', { class: 'block__hint' }, `This Sprint: the Developers forecast ${points(history.forecast)} points and finished ${points(history.velocity)}.`) : null,
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
      release
        ? block(
            'Release now?',
            'release-now-title',
            el('p', { class: 'block__hint' }, 'Accepted work can reach users at the end of any Sprint, not only at the end.'),
            actionButton(release, this.dispatch, { variant: 'secondary', focusKey: 'action:releaseIncrement' }),
          )
        : null,
      el(
        'div',
        { class: 'primary-bar' },
        end
          ? actionButton(end, this.dispatch, { variant: 'primary', text: 'Close the Sprint Review →' })
          : el('p', { class: 'block__hint' }, 'Decide on every finished item to close the Review.'),
      ),
    ];

    return screen({
      key: 'review',
      run,
      title: `Sprint ${o.sprint}: Sprint Review`,
      lead: 'Inspect the Increment with the stakeholders and decide what is Done.',
      main,
      side,
      sideLabel: 'Velocity and stakeholder questions',
      tools: this.tools(run),
    });
  }
}
