/**
 * One frame of a replay in words: what the player saw before choosing (phase, Sprint and day,
 * goals, the top of the Product Backlog, the choices offered), the choice they made, and how
 * the debrief judged it. Builds DOM only; the viewer scene decides which frame to show.
 */
import type { Action, ActionType, Evidence, ListedAction, Observation } from '../../engine';
import { canonicalJson } from '../../engine';
import { GOALS } from '../../assessment';
import { decisionTitle } from '../../assessment/debrief';
import type { ReplayStepper, StepFrame } from '../../replay';
import { el } from '../dom/el';
import { phaseName } from '../router';
import { humanize } from '../ui/grouped-actions';
import { costNote } from '../ui/actions';
import { titleOf, typeBadge } from '../ui/items';
import { block, facts } from '../ui/screen';
import { count } from '../../words';
import { ACTION_KIND } from '../ui/action-kinds';

/** Up to this many choices are listed flat; more are grouped by kind, the chosen kind open. */
const FLAT_CHOICES = 12;
const TOP_ITEMS = 5;

/** A choice in words: its listed label, or for a choice made directly (a new backlog order) what it did. */
export function choiceLabel(frame: StepFrame): string {
  if (!frame.action) return 'The run ends here';
  if (frame.listed) return frame.listed.label;
  return describeAction(frame.action, frame.observation, frame.legalActions);
}

function describeAction(action: Action, o: Observation, offered: readonly ListedAction[]): string {
  if (action.type === 'batch') {
    // Each part was a listed choice: its own words, in the order they were sent.
    const parts = action.actions.map((part) => offered.find((a) => canonicalJson(a.action) === canonicalJson(part))?.label ?? ACTION_KIND[part.type]);
    return `${parts.length} decisions at once: ${parts.join('; ')}`;
  }
  if (action.type === 'orderBacklog') {
    const top = action.itemIds.slice(0, 3).map((id) => titleOf(o, id));
    return `Put the Product Backlog in a new order (top: ${top.join(', ')}${action.itemIds.length > 3 ? ', …' : ''})`;
  }
  const text = (action as { text?: unknown }).text;
  // What the player wrote: the listed choice it was sent with, and their words.
  if (typeof text === 'string') return `${writtenWith(action, offered)?.label ?? ACTION_KIND[action.type]}: “${text}”`;
  return ACTION_KIND[action.type];
}

/** The listed choice that takes text which `action` was sent as, with the player's own words. */
function writtenWith(action: Action | null, offered: readonly ListedAction[]): ListedAction | null {
  if (!action || typeof (action as { text?: unknown }).text !== 'string') return null;
  const bare = (a: Action) => {
    const rest: Record<string, unknown> = { ...a };
    delete rest.text;
    return canonicalJson(rest);
  };
  return offered.find((a) => a.input && bare(a.action) === bare(action)) ?? null;
}

/** Where the frame is in the run, in words: "Sprint 2 of 3 · Day 4 of 10". */
export function whereText(frame: StepFrame): string {
  const o = frame.observation;
  if (frame.phase.startsWith('briefing')) return `Before the first Sprint (${o.sprints} Sprints of ${o.days} days)`;
  if (frame.phase.startsWith('sprint.execution')) return `Sprint ${o.sprint} of ${o.sprints} · ${o.day === 0 ? 'Day 1 is next' : `Day ${o.day} of ${o.days} done`}`;
  return o.sprint > 0 ? `Sprint ${o.sprint} of ${o.sprints}` : `${o.sprints} Sprints`;
}

/** The part of the run a frame belongs to, for grouping: "Briefing", "Sprint 2", "Release", "Debrief". */
export function partOf(frame: StepFrame): string {
  if (frame.phase.startsWith('briefing')) return 'Briefing';
  if (frame.phase.startsWith('sprint.')) return `Sprint ${frame.sprint}`;
  return phaseName(frame.phase);
}

/** What the player saw: phase, time, goals, a question or event waiting, the top of the Product Backlog. */
export function observationBlock(frame: StepFrame): HTMLElement {
  const o = frame.observation;
  const rows: [string, string][] = [
    ['Phase', phaseName(frame.phase)],
    ['When', whereText(frame)],
    ['Product Goal', o.productGoal ?? 'Not chosen yet'],
  ];
  if (o.currentSprint?.goal) rows.push(['Sprint Goal', o.currentSprint.goal]);
  const waiting = o.pendingQuestion
    ? el('p', { class: 'viewer-waiting' }, el('strong', {}, 'A question was waiting: '), o.pendingQuestion.text)
    : o.pendingEvent
      ? el('p', { class: 'viewer-waiting' }, el('strong', {}, `${o.pendingEvent.title}: `), o.pendingEvent.text)
      : null;
  const top = o.backlog.slice(0, TOP_ITEMS);
  return block(
    'What the player saw',
    'viewer-saw-title',
    facts(rows),
    waiting,
    el('h3', { class: 'viewer-sub' }, `Top of the Product Backlog (${count(o.backlog.length, 'item')})`),
    top.length
      ? el(
          'ol',
          { class: 'viewer-items' },
          ...top.map((i) =>
            el(
              'li',
              {},
              typeBadge(i.type),
              ' ',
              el('strong', {}, i.title),
              el('span', { class: 'viewer-items__figures' }, ` · ${count(i.estimate, 'point')} · value ${i.statedValue} · ${i.refined ? 'refined' : 'not refined'}`),
            ),
          ),
        )
      : el('p', { class: 'block__hint' }, 'The Product Backlog was empty.'),
  );
}

function choiceItem(a: ListedAction, chosen: boolean): HTMLElement {
  return el(
    'li',
    chosen ? { class: 'viewer-choice is-chosen', 'data-chosen': a.id } : { class: 'viewer-choice' },
    chosen ? el('span', { class: 'viewer-choice__mark' }, '✓ Chosen: ') : null,
    a.label,
    a.cost ? el('span', {}, ' · ', costNote(a.cost)) : null,
  );
}

/** Every choice offered at this frame, the chosen one marked in words as well as colour. */
export function choicesBlock(frame: StepFrame): HTMLElement {
  const offered = frame.legalActions;
  const chosenId = frame.listed?.id ?? writtenWith(frame.action, offered)?.id ?? null;
  const title = `Choices offered (${offered.length})`;
  if (offered.length === 0) return block(title, 'viewer-choices-title', el('p', { class: 'block__hint' }, 'Nothing more to choose: the run is over.'));
  const note = frame.action && !chosenId ? el('p', { class: 'block__hint' }, 'The choice made here was not one of these listed ones: it set a whole new order (see “Their choice”).') : null;
  if (offered.length <= FLAT_CHOICES) return block(title, 'viewer-choices-title', note, el('ul', { class: 'viewer-choices' }, ...offered.map((a) => choiceItem(a, a.id === chosenId))));
  const byType = new Map<string, ListedAction[]>();
  for (const a of offered) byType.set(a.type, [...(byType.get(a.type) ?? []), a]);
  return block(
    title,
    'viewer-choices-title',
    note,
    el('p', { class: 'block__hint' }, 'Grouped by kind; the kind of the choice made is open.'),
    ...[...byType].map(([type, actions]) => {
      const holdsChosen = actions.some((a) => a.id === chosenId);
      const details = el(
        'details',
        { class: 'viewer-group' },
        el('summary', {}, `${ACTION_KIND[type as ActionType] ?? humanize(type)} (${actions.length})${holdsChosen ? ' · the choice made' : ''}`),
        el('ul', { class: 'viewer-choices' }, ...actions.map((a) => choiceItem(a, a.id === chosenId))),
      );
      details.open = holdsChosen;
      return details;
    }),
  );
}

/** The choice made at this frame and what it led to. */
export function theirChoiceBlock(frame: StepFrame): HTMLElement {
  const outcome = frame.outcome;
  const messages = (outcome?.messages ?? []).filter((m) => m.trim() !== '');
  return block(
    frame.action ? 'Their choice' : 'The end of the run',
    'viewer-choice-title',
    el('p', { class: 'viewer-chosen', 'data-action-type': frame.action?.type ?? '' }, frame.action ? el('span', { class: 'viewer-choice__mark' }, '✓ ') : null, choiceLabel(frame)),
    frame.listed?.cost ? el('p', {}, costNote(frame.listed.cost)) : null,
    outcome && phaseName(outcome.phase) !== phaseName(frame.phase) ? el('p', { class: 'block__hint' }, `It led to: ${phaseName(outcome.phase)}.`) : null,
    messages.length ? el('ul', { class: 'viewer-messages' }, ...messages.slice(0, 4).map((m) => el('li', {}, m))) : null,
    !frame.action ? el('p', { class: 'block__hint' }, frame.done ? 'Every choice has been made: this is where the debrief begins.' : 'The replay stops here: the run was not finished when it was saved.') : null,
  );
}

function scoreWord(score: number): string {
  // The debrief's own thresholds (src/assessment/mastery.ts): 0.7 shown, 0.4 partly.
  if (score >= 0.7) return 'good practice';
  if (score >= 0.4) return 'partly';
  return 'missed';
}

function evidenceItem(e: Evidence, stepper: ReplayStepper, step: number): HTMLElement {
  const goal = GOALS.find((g) => g.id === e.goalId);
  const later = stepper.stepOfDecision(e.decisionId);
  return el(
    'li',
    { class: `viewer-judgement viewer-judgement--${scoreWord(e.score).replace(' ', '-')}` },
    el('p', { class: 'viewer-judgement__head' }, el('strong', {}, goal?.title ?? 'A learning goal')),
    el('p', { class: 'viewer-judgement__score' }, `Score ${e.score.toFixed(2)} of 1: ${scoreWord(e.score)} · ${decisionTitle(e.decisionId, stepper.scenario)}`),
    el('p', { class: 'viewer-judgement__why' }, e.rationale),
    later !== null && later !== step ? el('p', { class: 'block__hint' }, `Judged again at choice ${later + 1}: the debrief uses that later judgement.`) : null,
  );
}

/** How the debrief judged this choice: goal, title, score and rationale for each piece of evidence. */
export function judgementBlock(frame: StepFrame, stepper: ReplayStepper): HTMLElement {
  const evidence = frame.outcome?.evidence ?? [];
  return block(
    'Judgement',
    'viewer-judgement-title',
    evidence.length
      ? el('ul', { class: 'viewer-judgements' }, ...evidence.map((e) => evidenceItem(e, stepper, frame.step)))
      : el('p', { class: 'block__hint' }, frame.action ? 'The debrief judged nothing at this choice.' : 'No choice here to judge.'),
  );
}
