import type { ListedAction, Observation } from '../../engine';
import { hintContext } from '../../engine';
import type { RunView } from '../session-store';
import { el } from '../dom/el';
import { actionButton, listedOf, otherActions, paramOf } from '../ui/actions';
import { backlogBoard } from '../ui/backlog-board';
import { velocityChart } from '../ui/charts';
import { sprintHistoryTable } from '../ui/history';
import { titleOf } from '../ui/items';
import { block, facts, screen } from '../ui/screen';
import { inlineViewLink, viewLink } from '../ui/view-links';
import { BACKLOG_TYPES, viewSummary } from '../view/views';
import { RunScene } from './run-scene';
import { SceneKey } from './keys';
import { fieldFocusKey, textField } from '../ui/text-field';
import { writtenText } from '../ui/written';
import { writingStateFor, type WritingState } from '../ui/writing-state';
import { coachOn } from '../coach/mode';
import type { Dispatch } from '../ui/actions';

/** Laid out here; the rest of the Product Backlog's work is on its board, linked above the board. */
const HANDLED = new Set(['proposeSprintGoal', 'commitSprint', ...BACKLOG_TYPES]);

/** The Developers' answer in a few words, beside what they said. */
const ANSWER_WORDS: Record<string, string> = {
  agree: 'They agree',
  tooBig: 'Too big for one Sprint',
  blocked: 'Another item must come first',
  unclear: 'They need you to clarify an item',
};

function pointsText(n: number): string {
  return `${n} ${n === 1 ? 'point' : 'points'}`;
}

/** “A”, “A and B”, “A, B and C”. */
function titlesText(o: Observation, ids: readonly string[]): string {
  const t = ids.map((id) => `“${titleOf(o, id)}”`);
  return t.length <= 1 ? (t[0] ?? '') : `${t.slice(0, -1).join(', ')} and ${t[t.length - 1]}`;
}

function estimateOf(o: Observation, id: string): number {
  return [...o.backlog, ...o.sprintBacklog].find((i) => i.id === id)?.estimate ?? 0;
}

/**
 * Sprint Planning: the PO proposes what this Sprint should achieve, the Developers answer from
 * their forecast and what they know, and the Scrum Team settles the Sprint Goal together (or the
 * PO overrules them). The Product Backlog stays in view, with what the Developers would likely take.
 */
export class Planning extends RunScene {
  private selectedId: string | null = null;

  constructor() {
    super(SceneKey.Planning);
  }

  protected override accent(): number {
    return this.palette.green;
  }

  /**
   * A new answer from the Developers takes focus (and so scrolls into view): the proposal buttons'
   * keys name the proposal on the table, so the one just pressed is gone after it is answered.
   */
  protected override focusFallbacks(run: RunView): string[] {
    const first = listedOf(run.step, 'proposeSprintGoal')[0];
    return ['dev-answer', 'commit:agreed', 'commit:insist', first ? `goal:${this.onTable(run.step.observation)}:${first.id}` : ''];
  }

  /** The proposal the Developers last answered, as a key ("none" before the first). */
  private onTable(o: Observation): string {
    return o.currentSprint?.negotiation?.proposed.join('+') || 'none';
  }

  protected render(run: RunView): HTMLElement {
    const { step } = run;
    const o = step.observation;
    const canReorder = step.actions.some((a) => a.type === 'moveItem' || a.type === 'orderBacklog');
    const proposals = [...listedOf(step, 'proposeSprintGoal')].sort((a, b) => this.goalIds(a).length - this.goalIds(b).length);
    const commits = listedOf(step, 'commitSprint');
    const negotiation = o.currentSprint?.negotiation ?? null;
    const likely = new Set(o.likelySelection);
    this.writing = { state: writingStateFor(run), key: `sprint-goal-${o.sprint}` };

    const board = backlogBoard({
      items: o.backlog,
      observation: o,
      reorder: canReorder,
      selectedId: this.selectedId,
      forecast: o.team.developersForecast,
      likely,
      label: 'Product Backlog, most important first',
      onSelect: (id) => {
        this.selectedId = id;
        this.refresh(`card:${id}`);
      },
      onMove: (itemId, toIndex) => {
        this.selectedId = itemId;
        this.dispatch({ type: 'moveItem', itemId, toIndex });
      },
    });

    const refining = step.actions.some((a) => BACKLOG_TYPES.includes(a.type) && a.type !== 'moveItem' && a.type !== 'orderBacklog');
    const main = [
      o.productGoal ? el('p', { class: 'goal-line' }, el('span', { class: 'goal-line__label' }, 'Product Goal: '), o.productGoal) : null,
      refining
        ? el('p', { class: 'board-tools' }, 'Order the items here. ', inlineViewLink(SceneKey.Backlog, 'Refine, split or add criteria on the Product Backlog board →'))
        : null,
      board,
    ];

    const side = [
      negotiation ? this.negotiationBlock(run, negotiation, commits, proposals) : this.proposeBlock(run, proposals),
      this.forecastBlock(o),
      block('Velocity', 'velocity-title', velocityChart(o.team.velocityHistory, o.team.developersForecast, true), sprintHistoryTable(o)),
      otherActions(step, HANDLED, this.dispatch),
    ];

    // The Developers' answer is on screen in its own block: "What happened" need not repeat it.
    const shown: RunView =
      negotiation && run.last ? { ...run, last: { ...run.last, messages: run.last.messages.filter((m) => !m.includes(negotiation.message)) } } : run;

    return screen({
      key: 'planning',
      run: shown,
      title: `Sprint ${o.sprint}: Sprint Planning`,
      lead: negotiation
        ? 'The Developers have answered. Settle the Sprint Goal with them, then start the Sprint.'
        : 'Why is this Sprint valuable? Propose an objective: the whole Scrum Team crafts the Sprint Goal from it.',
      main,
      side,
      sideLabel: 'Sprint Goal, forecast and velocity',
      tools: this.tools(run),
    });
  }

  /** The run's writing state and the key of this Sprint's "in your words" field, set on each render. */
  private writing: { state: WritingState; key: string } | null = null;

  /** Sends a proposal, with the Sprint Goal in the player's words when they wrote one. */
  private propose: Dispatch = (input) => {
    const w = this.writing;
    const text = w ? (w.state.drafts.get(w.key) ?? '').trim() : '';
    if (!w || !text || !('id' in input)) {
      this.dispatch(input);
      return;
    }
    w.state.errors.delete(w.key);
    const result = this.sendText(input.id, text);
    // The words stay in the field after the answer, to propose again with them.
    if (result && !result.ok) {
      w.state.errors.set(w.key, result.error.message);
      this.refresh(fieldFocusKey(w.key));
    }
  };

  /** "The Sprint Goal in your words": optional, sent with the proposal the player picks. */
  private ownGoal(run: RunView, proposals: ListedAction[]): HTMLElement | null {
    const input = proposals.find((a) => a.input)?.input;
    if (!input || !this.writing) return null;
    return textField({
      key: this.writing.key,
      input,
      label: 'The Sprint Goal in your words (optional)',
      hint: 'Why this Sprint is valuable, in one sentence. It goes with the proposal you pick; left empty, the goal is worded from the items.',
      starter: '',
      context: hintContext(run.step.observation, 'sprintGoal'),
      state: this.writing.state,
      coach: coachOn(),
      rows: 2,
    });
  }

  private goalIds(a: ListedAction): string[] {
    const ids = paramOf(a, 'itemIds');
    return Array.isArray(ids) ? ids.map(String) : [];
  }

  /** One proposal as a choice: the items it rests on, their count and size. */
  private proposalButton(o: Observation, a: ListedAction, quiet: boolean): HTMLButtonElement {
    const ids = this.goalIds(a);
    const points = ids.reduce((sum, id) => sum + estimateOf(o, id), 0);
    const text = ids.length ? `Get ${titlesText(o, ids)} Done` : 'Strengthen what the Increment already does';
    const detail = ids.length ? `${ids.length} ${ids.length === 1 ? 'item' : 'items'}, ${pointsText(points)}` : 'No new items: fewer defects, less technical debt';
    return actionButton(a, this.propose, { variant: quiet ? 'quiet' : 'choice', text, detail: quiet ? null : detail, focusKey: `goal:${this.onTable(o)}:${a.id}` });
  }

  private proposeBlock(run: RunView, proposals: ListedAction[]): HTMLElement {
    const o = run.step.observation;
    return block(
      'Propose a Sprint Goal',
      'sprint-goal-title',
      el(
        'p',
        { class: 'block__hint' },
        'You bring the objective: what this Sprint should achieve toward the Product Goal. The whole Scrum Team crafts the Sprint Goal: the Developers answer from their forecast and what they know, and you settle it together.',
      ),
      this.ownGoal(run, proposals),
      proposals.length
        ? el('div', { class: 'choice-list', role: 'group', 'aria-labelledby': 'sprint-goal-title' }, ...proposals.map((a) => this.proposalButton(o, a, false)))
        : el('p', { class: 'block__hint' }, 'Nothing can be proposed right now.'),
    );
  }

  private negotiationBlock(run: RunView, n: NonNullable<NonNullable<Observation['currentSprint']>['negotiation']>, commits: ListedAction[], proposals: ListedAction[]): HTMLElement {
    const o = run.step.observation;
    const proposed = n.proposed.length ? `Get ${titlesText(o, n.proposed)} Done` : 'Strengthen what the Increment already does';
    return block(
      'Craft the Sprint Goal together',
      'sprint-goal-title',
      el('p', { class: 'goal-card' }, el('span', { class: 'goal-card__label' }, 'You proposed: '), proposed),
      this.writtenGoal(o),
      el(
        'div',
        { class: `dev-answer dev-answer--${n.answer}`, role: 'group', 'aria-labelledby': 'dev-answer-title', tabindex: '-1', 'data-focus': 'dev-answer' },
        el('p', { class: 'dev-answer__who', id: 'dev-answer-title' }, 'The Developers answer', el('span', { class: 'dev-answer__word' }, ANSWER_WORDS[n.answer] ?? '')),
        el('p', { class: 'dev-answer__text' }, n.message),
        n.counter && n.counter.length ? el('p', { class: 'dev-answer__counter' }, el('strong', {}, 'Their version: '), `Get ${titlesText(o, n.counter)} Done`) : null,
      ),
      n.answer === 'unclear'
        ? el(
            'div',
            { class: 'sub' },
            el('p', { class: 'block__hint' }, 'Refine the item with them on the Product Backlog board, then propose the goal again to hear their new answer.'),
            viewLink(viewSummary(run.step, SceneKey.Backlog), 'Refine on the Product Backlog board →'),
          )
        : null,
      commits.length
        ? el(
            'div',
            { class: 'sub' },
            el('h3', { class: 'sub__title', id: 'commit-title' }, 'Start the Sprint'),
            el(
              'div',
              { class: 'choice-list', role: 'group', 'aria-labelledby': 'commit-title' },
              // Judged choices look alike: the screen must not hint at the better one.
              ...commits.map((a) => actionButton(a, this.dispatch, { variant: 'choice', focusKey: `commit:${String(paramOf(a, 'scope'))}` })),
            ),
          )
        : null,
      proposals.length
        ? el(
            'div',
            { class: 'sub' },
            el('h3', { class: 'sub__title', id: 'repropose-title' }, 'Or propose another goal'),
            this.ownGoal(run, proposals),
            el('div', { class: 'choice-list', role: 'group', 'aria-labelledby': 'repropose-title' }, ...proposals.map((a) => this.proposalButton(o, a, true))),
          )
        : null,
    );
  }

  /** The Sprint Goal as the player worded it, when they sent their own words with the proposal. */
  private writtenGoal(o: Observation): HTMLElement | null {
    const w = this.writing;
    const goal = o.currentSprint?.goal;
    if (!w || !goal || !(w.state.drafts.get(w.key) ?? '').trim()) return null;
    return writtenText('The Sprint Goal in your words', goal);
  }

  /** The Developers' forecast and the items they would likely take at it, in their order. */
  private forecastBlock(o: Observation): HTMLElement {
    const likely = o.likelySelection;
    const total = likely.reduce((sum, id) => sum + estimateOf(o, id), 0);
    return block(
      'The Developers’ forecast',
      'capacity-title',
      facts([
        ['Capacity', `${pointsText(o.team.capacity)} a Sprint`],
        ['Refinement time', `${o.refinement.share}% of capacity`],
        ['Forecast', pointsText(o.team.developersForecast)],
      ]),
      el('p', { class: 'block__hint' }, 'The Developers own the forecast and decide how to do the work. At this forecast they would likely take:'),
      likely.length
        ? el(
            'ol',
            { class: 'likely-list' },
            ...likely.map((id) => el('li', {}, el('span', {}, titleOf(o, id)), el('span', { class: 'likely-list__points' }, pointsText(estimateOf(o, id))))),
          )
        : el('p', {}, 'Nothing: no item in the Product Backlog is ready for a Sprint.'),
      likely.length ? el('p', { class: 'block__hint' }, `${pointsText(total)} in all, against a forecast of ${pointsText(o.team.developersForecast)}.`) : null,
    );
  }
}
