import type Phaser from 'phaser';
import type { RunView } from '../session-store';
import { drawDayTrack } from '../art/day-track';
import { el } from '../dom/el';
import { play } from '../sound';
import type { ListedAction, VisibleItem } from '../../engine';
import { actionButton, listedOf, otherActions } from '../ui/actions';
import { burndownChart } from '../ui/charts';
import { createDialog, showDialog } from '../ui/dialog';
import { CHOICE_TEXT_FOCUS, choiceText, ignoreHeldKeys } from '../ui/deliberate';
import { stakeholderName, typeBadge } from '../ui/items';
import { block, meter, screen } from '../ui/screen';
import { viewLink } from '../ui/view-links';
import { VIEW_OF_TYPE, viewSummaries } from '../view/views';
import { RunScene } from './run-scene';
import { SceneKey } from './keys';
import { term } from '../ui/glossary';

/** Laid out here; refinement and discovery are taken in their views, linked from "While the Developers work". */
const HANDLED = new Set(['nextDay', 'runToNextEvent', 'resolveEvent', 'releaseIncrement', ...Object.keys(VIEW_OF_TYPE)]);

/** Where an item of the Sprint Backlog stands, in words: a symbol, a state and a class for its colour. */
function taskState(item: VisibleItem): { symbol: string; text: string; kind: 'done' | 'blocked' | 'undone' | 'sprint' } {
  if (item.status === 'done') return { symbol: '●', text: item.released ? 'Done and released' : 'Done', kind: 'done' };
  if (item.blockedBy) return { symbol: '⊘', text: `Blocked: needs “${item.blockedBy}”`, kind: 'blocked' };
  if (item.meetsDoD === false) return { symbol: '⚠', text: 'Not Done yet: falls short of the Definition of Done', kind: 'undone' };
  return { symbol: '◌', text: 'In progress', kind: 'sprint' };
}
/** Where the canvas day track runs, in game units; the DOM leaves this band free. */
const TRACK = { x: 300, y: 104, width: 700 };

/** What the event's options say about cost, only as far as they do say it. */
function costRule(choices: readonly ListedAction[]): string {
  const costed = choices.filter((a) => a.cost).length;
  if (costed === 0) return '';
  return costed === choices.length ? ' Each option says what it costs.' : ' Options that cost something say what.';
}

/** The Sprint's days: the day track, the Sprint Backlog, a burndown, and events as dialogs. */
export class SprintDay extends RunScene {
  constructor() {
    super(SceneKey.SprintDay);
  }

  protected override accent(): number {
    return this.palette.purple;
  }

  protected override focusFallbacks(): string[] {
    return ['action:runToNextEvent', 'action:nextDay'];
  }

  protected override drawArt(run: RunView): Phaser.GameObjects.GameObject[] {
    const o = run.step.observation;
    return [
      ...super.drawArt(run),
      drawDayTrack(this, this.palette, { ...TRACK, days: o.days, day: o.day, eventDays: run.track?.eventDays ?? [], motion: this.motion }),
    ];
  }

  protected render(run: RunView): HTMLElement {
    const { step } = run;
    const o = step.observation;
    const next = listedOf(step, 'nextDay')[0];
    const sprint = o.currentSprint;
    const done = o.sprintBacklog.filter((i) => i.status === 'done').length;

    const step_ = o.days > 1 ? TRACK.width / (o.days - 1) : 0;
    const days = el(
      'div',
      { class: 'band day-track' },
      el('p', { class: 'day-track__now' }, o.day === 0 ? 'The Sprint has started' : o.day >= o.days ? 'The last day is over' : `Day ${o.day} of ${o.days} is over`),
      el('ol', { class: 'day-track__labels', 'aria-label': 'Days of the Sprint' }, ...Array.from({ length: o.days }, (_, i) => {
        const d = i + 1;
        const state = d <= o.day ? 'done' : d === o.day + 1 ? 'next' : 'later';
        const event = run.track?.eventDays.includes(d) ? ', something came up' : '';
        return el(
          'li',
          { class: `day-label day-label--${state}`, style: `left: calc(var(--u) * ${TRACK.x + i * step_})` },
          el('span', { 'aria-hidden': 'true' }, `Day ${d}`),
          el('span', { class: 'visually-hidden' }, `Day ${d}: ${state === 'done' ? 'done' : state === 'next' ? 'next' : 'to come'}${event}`),
        );
      })),
    );

    const backlog = block(
      'Sprint Backlog',
      'sprint-backlog-title',
      el('p', { class: 'block__hint' }, `${done} of ${o.sprintBacklog.length} ${o.sprintBacklog.length === 1 ? 'item' : 'items'} Done. The Developers decide how to do the work.`),
      el(
        'ul',
        { class: 'task-list' },
        ...o.sprintBacklog.map((item) => {
          const state = taskState(item);
          return el(
            'li',
            { class: `task task--${state.kind}`, 'data-item': item.id },
            el('span', { class: 'task__state' }, el('span', { 'aria-hidden': 'true' }, `${state.symbol} `), state.text),
            el('span', { class: 'task__title' }, typeBadge(item.type), ' ', item.title),
            el('span', { class: 'task__points' }, `${item.estimate} ${item.estimate === 1 ? 'pt' : 'pts'}`),
            // The story in the PO's own words, so the board reads as what they wrote.
            item.story ? el('span', { class: 'task__story' }, `“${item.story}”`) : null,
          );
        }),
      ),
    );

    const release = listedOf(step, 'releaseIncrement')[0];
    const waiting = o.increment.filter((i) => !i.released).length;
    const releaseBlock = release
      ? block(
          'Release Done work now?',
          'release-now-title',
          el(
            'p',
            { class: 'block__hint' },
            `${waiting} Done ${waiting === 1 ? 'item is' : 'items are'} not in users’ hands yet. Done work can be released before the Sprint ends: users get its value sooner, and usage figures come back sooner. Deploying takes some of the Developers’ time.`,
          ),
          actionButton(release, this.dispatch, { variant: 'secondary', text: 'Release Done work now', focusKey: 'action:releaseIncrement' }),
        )
      : null;

    const main = [
      sprint ? el('p', { class: 'goal-card' }, el('span', { class: 'goal-card__label' }, 'Sprint Goal: '), sprint.goal) : null,
      el('div', { class: 'two-col' }, backlog, block('Burndown', 'burndown-title', burndownChart(run.track, o.days, true))),
      this.meanwhile(run),
      otherActions(step, HANDLED, this.dispatch),
    ];

    const side = [
      releaseBlock,
      block('Latest news', 'news-title', el('ol', { class: 'news' }, ...o.log.slice(-5).reverse().map((line) => el('li', {}, line)))),
      block(
        'The team',
        'team-title',
        meter('Morale', o.team.morale),
        meter('Technical debt', o.team.techDebt, { lowIsGood: true }),
        el('p', { class: 'block__hint' }, term('Definition of Done strength', 'Definition of Done'), `: strength ${o.team.dodStrength} of 3.`),
      ),
      block('Stakeholder trust', 'trust-title', ...o.stakeholders.map((s) => meter(s.name, s.trust))),
      this.dayButtons(next, listedOf(step, 'runToNextEvent')[0], Boolean(release)),
    ];

    return screen({
      key: 'sprint-day',
      // The day's news heads the side pane, so the main pane goes straight to the Sprint's work;
      // a refused choice is still said in the main pane, and so are the coach's judgements.
      run: { ...run, last: run.last && { ...run.last, messages: [] } },
      title: `Sprint ${o.sprint}: the Sprint`,
      lead: 'The Developers work. Step through the days and answer what comes up.',
      main,
      side,
      sideLabel: 'News, team and stakeholders',
      band: days,
      tools: this.tools(run),
    });
  }

  /**
   * "Go to day N" and "Run to the next event" side by side. The run is the primary choice while
   * nothing waits for the PO on this screen; with Done work waiting to be released, a single day is.
   */
  private dayButtons(next: ListedAction | undefined, run: ListedAction | undefined, waiting: boolean): HTMLElement {
    const runFirst = Boolean(run) && !waiting;
    return el(
      'div',
      { class: 'primary-bar' },
      next ? actionButton(next, this.dispatch, { variant: runFirst ? 'secondary' : 'primary', text: `${next.label} →`, focusKey: 'action:nextDay' }) : null,
      run ? actionButton(run, this.dispatch, { variant: runFirst ? 'primary' : 'secondary', focusKey: 'action:runToNextEvent' }) : null,
    );
  }

  /** Refinement and discovery go on during the days: one link to each view with something to do now. */
  private meanwhile(run: RunView): HTMLElement | null {
    const open = viewSummaries(run.step).filter((v) => v.open > 0);
    if (!open.length) return null;
    return block(
      'While the Developers work',
      'meanwhile-title',
      el('p', { class: 'block__hint' }, 'Refinement and discovery go on during the Sprint: get the next items ready with the Developers, and learn from customers and stakeholders while your time lasts.'),
      el('div', { class: 'view-links-row' }, ...open.map((v) => viewLink(v, `${v.title} →`))),
    );
  }

  protected override afterRender(run: RunView): void {
    super.afterRender(run);
    const event = run.step.observation.pendingEvent;
    const choices = listedOf(run.step, 'resolveEvent');
    if (!event && choices.length === 0) return;
    const o = run.step.observation;
    const from = event ? stakeholderName(o, event.from) : null;
    const role = o.stakeholders.find((s) => s.id === event?.from)?.role;
    const others = run.step.actions.filter((a) => a.type !== 'resolveEvent' && a.type !== 'nextDay');
    const rule = `Your choice is final: there is no undo.${costRule(choices)}`;
    const dialog = createDialog({
      title: event?.title ?? 'A decision is needed',
      className: 'dialog--event',
      body: [
        from && !event?.title.includes(from.replace(/^the /, '')) ? el('p', { class: 'event__from' }, `From ${from}${role ? `, ${role}` : ''}`) : null,
        event ? choiceText('event__text', event.text) : null,
        event ? el('p', { class: 'event__rule' }, rule) : choiceText('event__rule', rule),
        el('div', { class: 'choice-list' }, ...choices.map((a) => actionButton(a, this.dispatch, { variant: 'choice' }))),
        others.length ? el('div', { class: 'choice-list' }, ...others.map((a) => actionButton(a, this.dispatch, { variant: 'quiet' }))) : null,
      ],
      initialFocus: CHOICE_TEXT_FOCUS,
    });
    ignoreHeldKeys(dialog);
    this.root.append(dialog);
    showDialog(dialog);
    play('event');
  }
}
