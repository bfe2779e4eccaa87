import type { ListedAction, Observation, VisibleItem } from '../../engine';
import type { RunView } from '../session-store';
import { el, type OptionalChild } from '../dom/el';
import { actionButton, costNote, listedOf, otherActions, paramOf } from '../ui/actions';
import { backlogBoard } from '../ui/backlog-board';
import { stakeholderName, typeBadge } from '../ui/items';
import { block, facts, poTimeText, screen } from '../ui/screen';
import { shownViews, VIEW_OF_TYPE } from '../view/views';
import { inlineViewLink } from '../ui/view-links';
import { learnedFold } from '../ui/learned';
import { ViewScene } from './view-scene';
import { SceneKey } from './keys';
import { term } from '../ui/glossary';
import { checklistForm, picklistForm, type PickRow, type Picks } from '../ui/batch-form';
import { hintContext, refinementCost } from '../../engine';
import { count, number } from '../../words';
import { fieldFocusKey, fieldText, submitText, textField } from '../ui/text-field';
import { writingStateFor } from '../ui/writing-state';
import { writtenCriteria, writtenText } from '../ui/written';
import { coachOn } from '../coach/mode';

/** What this board lays out itself; the rest of an item's decisions are listed under it. */
const HANDLED = new Set(['setRefinementShare', 'refineItem', 'moveItem', 'orderBacklog', 'setReadiness', 'splitItem', 'fixFlaw', 'addCriterion', 'tagMoscow', 'writeStory', 'writeCriteria']);
/** Types that only ever concern the Product Backlog: their presence means refinement is open now. */
const REFINING = ['setRefinementShare', 'refineItem', 'setReadiness', 'splitItem', 'fixFlaw', 'addCriterion', 'tagMoscow', 'writeStory', 'writeCriteria'];

const FLAW_WORDS: Record<string, string> = {
  independent: 'Independent',
  negotiable: 'Negotiable',
  valuable: 'Valuable',
  estimable: 'Estimable',
  small: 'Small',
  testable: 'Testable',
};
const MOSCOW_WORDS: Record<string, string> = { must: 'Must', should: 'Should', could: 'Could', wont: 'Won’t' };
/** How many items the refine-several and MoSCoW forms offer: the top of the order, where preparing pays. */
export const FORM_ROWS = 8;
const READINESS_WORDS: Record<string, string> = { none: 'None', light: 'Light', strict: 'Strict' };

/** What the board is for in this phase, in one sentence. */
function leadFor(phase: string, refining: boolean, reorder: boolean): string {
  if (!refining && !reorder) return 'The Product Backlog, most important first.';
  if (phase.startsWith('briefing')) return 'Before Sprint 1, prepare the Product Backlog with the Developers: order it by value and get the top items clear and sized for the first Sprint Planning.';
  if (phase.startsWith('sprint.planning')) return 'Refine with the Developers while you plan: the items your Sprint Goal rests on should be clear and sized.';
  if (phase.startsWith('sprint.execution')) return 'Refinement goes on during the Sprint: get the next items ready for the next Sprint Planning.';
  if (!refining) return 'Adapt the Product Backlog to what you learned: order it by value.';
  return 'Order the Product Backlog by value, and get the top items ready for the next Sprints.';
}

/** Why nothing can be changed on the board now, and when it can. */
function readOnlyText(phase: string, o: Observation): string {
  if (phase === 'briefing.choosingGoal') return 'Choose the Product Goal first; then you can prepare the Product Backlog with the Developers before Sprint 1.';
  if (o.sprint >= o.sprints && !phase.startsWith('sprint.planning') && !phase.startsWith('sprint.execution')) return 'The last Sprint is over: the Product Backlog is a record of where the product stands.';
  return 'You can look at every item; refining and ordering open again in the next Sprint Planning.';
}

/**
 * The Product Backlog board: order by drag or keyboard, the selected item with everything the PO
 * can do to it (refine, split, INVEST rework, acceptance criteria, MoSCoW), refinement time and
 * the Definition of Ready. Refinement is ongoing, so this is a view the phase screens open (in
 * the briefing, Sprint Planning and the Sprint's days), and it leads back to the phase's screen.
 */
export class Backlog extends ViewScene {
  private selectedId: string | null = null;
  private learnedOpen = false;
  /** What the player has ticked on this board's forms (criteria, flaws, items to refine, tags) and not yet sent. */
  private readonly picks: Picks = new Map();
  /** Folds the player opened (true) or closed (false), by key; a fold not here shows its default. */
  private readonly foldsOpen = new Map<string, boolean>();

  constructor() {
    super(SceneKey.Backlog);
  }

  protected override focusFallbacks(): string[] {
    return this.selectedId ? [`card:${this.selectedId}`, 'view:back'] : ['view:back'];
  }

  protected describeChange(before: Observation, after: Observation): string | null {
    const was = before.backlog.map((i) => i.id);
    const now = after.backlog.map((i) => i.id);
    if (was.length !== now.length || was.every((id, i) => now[i] === id)) return null;
    // The moved card is the one whose place changed most.
    let moved = now[0]!;
    let most = -1;
    for (const [i, id] of now.entries()) {
      const shift = Math.abs(was.indexOf(id) - i);
      if (shift > most) [moved, most] = [id, shift];
    }
    const item = after.backlog.find((i) => i.id === moved);
    return item ? `${item.title} is now at position ${now.indexOf(moved) + 1} of ${now.length}.` : null;
  }

  protected renderView(run: RunView): HTMLElement {
    const { step } = run;
    const o = step.observation;
    const canReorder = step.actions.some((a) => a.type === 'moveItem' || a.type === 'orderBacklog');
    const refining = step.actions.some((a) => REFINING.includes(a.type));
    if (!o.backlog.some((i) => i.id === this.selectedId)) this.selectedId = o.backlog[0]?.id ?? null;

    const board = backlogBoard({
      items: o.backlog,
      observation: o,
      reorder: canReorder,
      selectedId: this.selectedId,
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

    const onBoard = new Set(o.backlog.map((i) => i.id));
    const main = [
      o.productGoal ? el('p', { class: 'goal-line' }, el('span', { class: 'goal-line__label' }, 'Product Goal: '), o.productGoal) : null,
      this.resultLine(),
      !refining && !canReorder ? el('p', { class: 'notice', role: 'note' }, el('strong', {}, 'Read only now. '), readOnlyText(step.phase, o)) : null,
      board,
    ];

    const side = [
      this.selectedItem(run, refining),
      refining ? this.refinementTime(run) : null,
      this.moscowForm(run),
      // Links to the other views with decisions open, one compact line each; the phase's own decisions stay on its screen.
      this.otherViews(run),
      otherActions(step, HANDLED, this.dispatch, { filter: (a) => VIEW_OF_TYPE[a.type] === SceneKey.Backlog && !onBoard.has(String(paramOf(a, 'itemId'))), here: SceneKey.Backlog }),
      o.insights?.length ? this.learned(o.insights) : null,
      this.backBar(run),
    ];

    return screen({
      key: 'backlog',
      run,
      title: 'Product Backlog',
      lead: leadFor(step.phase, refining, canReorder),
      main,
      side,
      sideLabel: 'Selected item and refinement',
      tools: this.tools(run),
    });
  }

  /** The other views with decisions open now, as one short link each. */
  private otherViews(run: RunView): HTMLElement | null {
    const open = shownViews(run.step, run.scenario.scenario).filter((v) => v.key !== SceneKey.Backlog && v.open > 0);
    if (!open.length) return null;
    return block(
      'Also open now',
      'other-views-title',
      el('div', { class: 'view-links-row view-links-row--compact' }, ...open.map((v) => inlineViewLink(v.key, `${v.title}: ${v.open} ${v.open === 1 ? 'decision' : 'decisions'} open →`, `view:${v.key}`))),
    );
  }

  /** What research found, folded; it stays open once the player opens it. */
  private learned(insights: readonly string[]): HTMLElement {
    const fold = learnedFold(insights, this.learnedOpen);
    fold.addEventListener('toggle', () => {
      this.learnedOpen = (fold as HTMLDetailsElement).open;
    });
    return fold;
  }

  private forItem(run: RunView, type: string, itemId: string): ListedAction[] {
    return listedOf(run.step, type).filter((a) => paramOf(a, 'itemId') === itemId);
  }

  private selectedItem(run: RunView, refining: boolean): HTMLElement {
    const o = run.step.observation;
    const item = o.backlog.find((i) => i.id === this.selectedId);
    if (!item) return block('Selected item', 'item-title', el('p', {}, 'The Product Backlog is empty.'));
    const refine = this.forItem(run, 'refineItem', item.id)[0];
    const splits = this.forItem(run, 'splitItem', item.id);
    const flaws = this.forItem(run, 'fixFlaw', item.id);
    const criteria = this.forItem(run, 'addCriterion', item.id);
    const moscow = this.forItem(run, 'tagMoscow', item.id);
    const left = Math.round((o.refinement.budget - o.refinement.used) * 100) / 100;

    const chosenCriteria = item.criteria.filter((c) => c.chosen);
    const criteriaList = item.criteria.length
      ? el(
          'div',
          { class: 'sub' },
          chosenCriteria.length
            ? el(
                'div',
                {},
                el('h3', { class: 'sub__title' }, 'Acceptance criteria on the item'),
                el('ul', { class: 'criteria' }, ...chosenCriteria.map((c) => el('li', { class: 'criterion is-chosen' }, el('span', { class: 'criterion__text' }, el('span', { 'aria-hidden': 'true' }, '✓ '), c.text)))),
              )
            : null,
          criteria.length
            ? checklistForm({
                key: `criteria-${item.id}`,
                legend: chosenCriteria.length ? 'More candidate criteria' : 'Candidate acceptance criteria',
                hint: 'Tick the ones that make the item clear and testable.',
                choices: item.criteria.flatMap((c) => {
                  const add = criteria.find((a) => paramOf(a, 'criterionId') === c.id);
                  return add && !c.chosen ? [{ action: add, label: c.text }] : [];
                }),
                submit: (n) => (n === 0 ? 'Add the ticked criteria' : `Add ${n === 1 ? 'this criterion' : `these ${n} criteria`}`),
                picks: this.picks,
                dispatch: this.dispatch,
                refresh: (focus) => this.refresh(focus),
              })
            : null,
        )
      : null;

    const invest = flaws.length || item.fixedFlaws.length
      ? el(
          'div',
          { class: 'sub' },
          el('h3', { class: 'sub__title' }, 'INVEST check'),
          el('p', { class: 'block__hint' }, 'The Developers\u2019 questions in refinement showed where the story falls short of INVEST: rework it there. ', flaws[0]?.cost ? costNote(`${flaws[0].cost}, for each rework.`) : ''),
          item.fixedFlaws.length ? el('div', { class: 'chips' }, ...item.fixedFlaws.map((flaw) => el('span', { class: 'tag tag--done' }, el('span', { 'aria-hidden': 'true' }, '✓ '), FLAW_WORDS[flaw] ?? flaw))) : null,
          flaws.length
            ? checklistForm({
                key: `flaws-${item.id}`,
                legend: 'Rework it so it is',
                choices: flaws.map((a) => ({ action: a, label: FLAW_WORDS[String(paramOf(a, 'flaw'))] ?? String(paramOf(a, 'flaw')) })),
                submit: (n) => (n > 1 ? `Rework it for these ${n}` : 'Rework it'),
                picks: this.picks,
                dispatch: this.dispatch,
                refresh: (focus) => this.refresh(focus),
              })
            : null,
        )
      : null;

    const moscowRow = moscow.length
      ? el(
          'div',
          { class: 'sub' },
          el('h3', { class: 'sub__title', id: 'moscow-title' }, term('MoSCoW'), ' for the release'),
          el(
            'div',
            { class: 'segmented', role: 'group', 'aria-labelledby': 'moscow-title' },
            ...['must', 'should', 'could', 'wont'].map((tag) => {
              const a = moscow.find((x) => paramOf(x, 'tag') === tag);
              return a
                ? actionButton(a, this.dispatch, { variant: 'quiet', text: MOSCOW_WORDS[tag], pressed: false, focusKey: `moscow:${tag}` })
                : el('button', { type: 'button', class: 'btn btn--quiet', 'aria-pressed': 'true', 'aria-disabled': 'true', 'data-focus': `moscow:${tag}` }, el('span', { class: 'btn__label' }, MOSCOW_WORDS[tag]!));
            }),
          ),
        )
      : null;

    const splitRow = splits.length
      ? el(
          'div',
          { class: 'sub' },
          el('h3', { class: 'sub__title' }, 'Split into smaller items'),
          el('div', { class: 'choice-list' }, ...splits.map((a) => actionButton(a, this.dispatch, { variant: 'choice', focusKey: `split:${String(paramOf(a, 'strategy'))}` }))),
          this.ownSlices(run, item, splits),
        )
      : null;

    return block(
      'Selected item',
      'item-title',
      el(
        'div',
        { class: 'detail' },
        el('p', { class: 'detail__title' }, typeBadge(item.type), ' ', el('strong', {}, item.title)),
        el('p', { class: 'detail__text' }, item.description),
        item.story ? writtenText('The story, in your words', item.story) : null,
        item.writtenCriteria ? writtenCriteria('Acceptance criteria you wrote', item.writtenCriteria) : null,
        // The item's tags and its place are on its card, beside this panel: not repeated here.
        facts([
          ['Estimate', `${item.estimate} ${item.estimate === 1 ? 'point' : 'points'}${item.refined ? '' : ' (before refinement)'}`],
          ['Stated value', `${item.statedValue}${item.requestedBy ? `, as ${stakeholderName(o, item.requestedBy)} sees it` : ''}`],
        ]),
      ),
      refine
        ? actionButton(refine, this.dispatch, { variant: 'secondary', text: 'Refine with the Developers', focusKey: 'refine-selected' })
        : el(
            'p',
            { class: 'block__hint' },
            item.refined
              ? 'Refined: the estimate is now close to the truth.'
              : refining
                ? `Refining is not possible now (refinement time left: ${left} ${left === 1 ? 'point' : 'points'}). Set aside more time below.`
                : 'Not refined yet. Refinement is open before Sprint 1, in Sprint Planning and during the Sprint’s days.',
          ),
      splitRow,
      invest,
      criteriaList,
      this.ownWords(run, item),
      moscowRow,
      otherActions(run.step, HANDLED, this.dispatch, { heading: 'More for this item', id: 'item-more-title', filter: (a) => paramOf(a, 'itemId') === item.id, here: SceneKey.Backlog }),
    );
  }

  /** The story and acceptance criteria in the player's own words, each in a fold that keeps its state. */
  private ownWords(run: RunView, item: VisibleItem): HTMLElement | null {
    const o = run.step.observation;
    const story = this.forItem(run, 'writeStory', item.id)[0];
    const criteria = this.forItem(run, 'writeCriteria', item.id)[0];
    if (!story?.input && !criteria?.input) return null;
    const state = writingStateFor(run);
    const coach = coachOn();
    const refresh = (focus: string) => this.refresh(focus);
    const field = (action: ListedAction, key: string, title: string, label: string, hint: string, submit: string, rows: number) =>
      this.writeFold(
        key,
        title,
        state.drafts.has(key) || state.errors.has(key),
        textField({
          key,
          input: action.input!,
          label,
          hint,
          starter: String(paramOf(action, 'text') ?? ''),
          context: hintContext(o, action.input!.format, item.id),
          state,
          coach,
          rows,
          submit: { text: submit, send: (text) => this.sendText(action.id, text), refresh },
        }),
      );
    return el(
      'div',
      { class: 'sub' },
      el('h3', { class: 'sub__title' }, 'In your own words'),
      story?.input
        ? field(story, `story-${item.id}`, item.story ? 'Rewrite the story' : 'Write the story', 'The story', 'Who wants it, what they want and why: “As a …, I want …, so that …”. Replace the parts in brackets.', 'Save the story', 3)
        : null,
      criteria?.input
        ? field(
            criteria,
            `criteria-${item.id}`,
            item.writtenCriteria ? 'Rewrite the acceptance criteria' : 'Write acceptance criteria (Given, When, Then)',
            'Acceptance criteria',
            'Given the situation, When someone does something, Then what they see. One line each; several scenarios are fine.',
            'Save the criteria',
            6,
          )
        : null,
    );
  }

  /** "Write the slices yourself": one story per line, sent with the split the player picks. */
  private ownSlices(run: RunView, item: VisibleItem, splits: readonly ListedAction[]): HTMLElement | null {
    const input = splits.find((a) => a.input)?.input;
    if (!input) return null;
    const state = writingStateFor(run);
    const key = `split-${item.id}`;
    const refresh = (focus: string) => this.refresh(focus);
    const buttons = splits.map((a) => {
      const button = el(
        'button',
        { type: 'button', class: 'btn btn--quiet', 'data-focus': `split-own:${String(paramOf(a, 'strategy'))}` },
        el('span', { class: 'btn__label' }, `${a.label.replace(/^Split "[^"]*" by /, 'Split by ')}, with your slices`),
        a.cost ? costNote(a.cost) : null,
      );
      button.addEventListener('click', () => {
        const text = fieldText(state, key, '');
        if (!text.trim()) {
          state.errors.set(key, 'write your slices first, one story per line; or pick a split above to split as the Developers suggest');
          this.refresh(fieldFocusKey(key));
          return;
        }
        submitText(state, key, text, (t) => this.sendText(a.id, t), refresh);
      });
      return button;
    });
    return this.writeFold(
      key,
      'Or write the slices yourself',
      state.drafts.has(key) || state.errors.has(key),
      textField({
        key,
        input,
        label: 'Your slices, one story per line',
        hint: `Each slice a story someone values on its own, smaller than “${item.title}”: 2 to 8 lines.`,
        starter: '',
        context: hintContext(run.step.observation, 'split', item.id),
        state,
        coach: coachOn(),
        rows: 4,
      }),
      el('div', { class: 'choice-list' }, ...buttons),
    );
  }

  /** A fold around a writing field; open when the player left it open or has a draft in it. */
  private writeFold(key: string, title: string, busy: boolean, ...children: OptionalChild[]): HTMLElement {
    const fold = el('details', { class: 'write-fold', 'data-fold': key }, el('summary', { 'data-focus': `fold:${key}` }, title), ...children);
    if (this.foldsOpen.get(key) ?? busy) fold.setAttribute('open', '');
    fold.addEventListener('toggle', () => {
      this.foldsOpen.set(key, (fold as HTMLDetailsElement).open);
    });
    return fold;
  }

  private refinementTime(run: RunView): HTMLElement {
    const o = run.step.observation;
    const shares = listedOf(run.step, 'setRefinementShare');
    const options: { value: string; action: ListedAction | null }[] = [
      { value: String(o.refinement.share), action: null },
      ...shares.map((a) => ({ value: String(paramOf(a, 'percent')), action: a })),
    ].sort((a, b) => Number(a.value) - Number(b.value));
    const readiness = listedOf(run.step, 'setReadiness');
    const used = o.refinement.used;
    const budget = o.refinement.budget;
    const before = o.sprint === 0;
    return this.fold(
      'refinement',
      before ? 'Refinement time before Sprint 1' : 'Refinement time this Sprint',
      'share-title',
      `${o.refinement.share}% of capacity, ${used} of ${budget} ${budget === 1 ? 'point' : 'points'} used · Definition of Ready: ${(READINESS_WORDS[o.refinement.readiness] ?? o.refinement.readiness).toLowerCase()}`,
      // Setting it up is the work before Sprint 1; later it is a setting the player revisits.
      before,
      typeof o.poTime === 'number' ? el('p', { class: 'block__hint' }, el('strong', {}, poTimeText(o))) : null,
      el(
        'p',
        { class: 'block__hint' },
        'The share of the Developers’ capacity set aside to refine items: trustworthy estimates and fewer surprises. ',
        shares[0]?.cost ? costNote('that much less capacity for delivery.') : '',
      ),
      this.segmented('share-title', options.map((x) => ({ ...x, text: `${x.value}%` })), 'share'),
      el(
        'div',
        { class: 'meter' },
        el('span', { class: 'meter__label' }, 'Refinement time used'),
        el('span', { class: 'meter__value' }, `${used} of ${budget} ${budget === 1 ? 'point' : 'points'}`),
        el('span', { class: 'meter__track', role: 'presentation' }, el('span', { class: 'meter__fill', style: `width:${budget > 0 ? Math.min(100, (100 * used) / budget) : 0}%` })),
      ),
      this.refineSeveral(run),
      readiness.length
        ? el(
            'div',
            { class: 'sub' },
            el('h3', { class: 'sub__title', id: 'ready-title' }, term('Definition of Ready')),
            el(
              'p',
              { class: 'block__hint' },
              'What an item needs before it may enter a Sprint. ',
              ...readiness.filter((a) => a.cost).map((a) => el('span', { class: 'cost-inline' }, `${READINESS_WORDS[String(paramOf(a, 'level'))] ?? ''}: `, costNote(`${a.cost!}. `))),
            ),
            this.segmented(
              'ready-title',
              [{ value: o.refinement.readiness, action: null }, ...readiness.map((a) => ({ value: String(paramOf(a, 'level')), action: a }))]
                .sort((a, b) => ['none', 'light', 'strict'].indexOf(a.value) - ['none', 'light', 'strict'].indexOf(b.value))
                .map((x) => ({ ...x, text: READINESS_WORDS[x.value] ?? x.value })),
              'ready',
            ),
          )
        : null,
    );
  }

  /** Items to refine together in one session with the Developers: the first the listing offers, top of the order first. */
  private refineSeveral(run: RunView): HTMLElement | null {
    const o = run.step.observation;
    const options = listedOf(run.step, 'refineItem').slice(0, FORM_ROWS);
    if (options.length < 2) return null;
    const title = (a: ListedAction) => o.backlog.find((i) => i.id === paramOf(a, 'itemId'))?.title ?? '';
    const size = (a: ListedAction) => refinementCost(o.backlog.find((i) => i.id === paramOf(a, 'itemId'))?.estimate ?? 0);
    const left = Math.round((o.refinement.budget - o.refinement.used) * 100) / 100;
    const ticked = Math.round(options.filter((a) => this.picks.has(a.id)).reduce((sum, a) => sum + size(a), 0) * 100) / 100;
    return el(
      'div',
      { class: 'sub' },
      checklistForm({
        key: 'refine',
        legend: 'Refine several items with the Developers',
        hint: `Ticked: ${number(ticked)} of the ${count(left, 'point')} of refinement time left.`,
        choices: options.map((a) => ({ action: a, label: title(a), detail: `(${a.cost ?? ''})` })),
        submit: (n) => (n > 1 ? `Refine these ${n} items` : n === 1 ? 'Refine this item' : 'Refine the ticked items'),
        picks: this.picks,
        dispatch: this.dispatch,
        refresh: (focus) => this.refresh(focus),
      }),
    );
  }

  /** MoSCoW for the release, set for the top items at once. */
  private moscowForm(run: RunView): HTMLElement | null {
    const o = run.step.observation;
    const tags = listedOf(run.step, 'tagMoscow');
    const rows: PickRow[] = [];
    for (const item of o.backlog) {
      if (rows.length >= FORM_ROWS) break;
      const mine = tags.filter((a) => paramOf(a, 'itemId') === item.id);
      if (!mine.length) continue;
      rows.push({
        id: item.id,
        label: item.title,
        options: mine.map((a) => ({ action: a, text: MOSCOW_WORDS[String(paramOf(a, 'tag'))] ?? String(paramOf(a, 'tag')) })),
        current: item.moscow ? `${MOSCOW_WORDS[item.moscow]} (now)` : 'Not tagged',
      });
    }
    if (rows.length < 2) return null;
    const tagged = rows.filter((r) => o.backlog.find((i) => i.id === r.id)?.moscow).length;
    return this.fold(
      'scope',
      'Release scope',
      'release-scope-title',
      `${tagged} of the top ${rows.length} items tagged`,
      false,
      picklistForm({
        key: 'moscow',
        legend: el('span', {}, term('MoSCoW'), ' for the top items'),
        hint: 'Must: the release cannot go without it. Should and Could: the order decides. Won’t: not this release.',
        rows,
        submit: (n) => (n > 1 ? `Tag these ${n} items` : n === 1 ? 'Tag this item' : 'Tag the items you picked'),
        picks: this.picks,
        dispatch: this.dispatch,
        refresh: (focus) => this.refresh(focus),
      }),
    );
  }

  /**
   * A side block folded to one line that says where things stand (the refinement settings once
   * Sprints run, the release scope), so the selected item's decisions stay in sight; the
   * player's opening or closing it is kept.
   */
  private fold(key: string, title: string, titleId: string, current: string, openByDefault: boolean, ...children: OptionalChild[]): HTMLElement {
    const fold = el(
      'details',
      { class: 'block fold', 'data-fold': key },
      el('summary', { class: 'fold__summary', 'data-focus': `fold:${key}` }, el('h2', { class: 'block__title fold__title', id: titleId }, title), el('span', { class: 'fold__current' }, current)),
      ...children,
    );
    if (this.foldsOpen.get(key) ?? openByDefault) fold.setAttribute('open', '');
    fold.addEventListener('toggle', () => {
      this.foldsOpen.set(key, (fold as HTMLDetailsElement).open);
    });
    return fold;
  }

  /** A row of options where the current one is marked pressed and the others are listed actions. */
  private segmented(labelledBy: string, options: { value: string; text: string; action: ListedAction | null }[], key: string): HTMLElement {
    return el(
      'div',
      { class: 'segmented', role: 'group', 'aria-labelledby': labelledBy },
      ...options.map(({ value, text, action }) =>
        action
          ? actionButton(action, this.dispatch, { variant: 'quiet', text, pressed: false, focusKey: `${key}:${value}`, hideCost: true })
          : el('button', { type: 'button', class: 'btn btn--quiet', 'aria-pressed': 'true', 'aria-disabled': 'true', 'data-focus': `${key}:${value}`, 'aria-label': `${text}, the current choice` }, el('span', { class: 'btn__label' }, text)),
      ),
    );
  }
}
