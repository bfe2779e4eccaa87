import type { ListedAction } from '../../engine';
import type { RunView } from '../session-store';
import { el } from '../dom/el';
import { actionButton, costNote, listedOf, otherActions, paramOf } from '../ui/actions';
import { backlogBoard } from '../ui/backlog-board';
import { itemTags, stakeholderName, typeBadge } from '../ui/items';
import { block, facts, screen } from '../ui/screen';
import { RunScene } from './run-scene';
import { SceneKey } from './keys';

const HANDLED = new Set(['setRefinementShare', 'refineItem', 'moveItem', 'orderBacklog', 'endRefinement', 'setReadiness', 'splitItem', 'fixFlaw', 'addCriterion', 'tagMoscow']);

const FLAW_WORDS: Record<string, string> = {
  independent: 'Independent',
  negotiable: 'Negotiable',
  valuable: 'Valuable',
  estimable: 'Estimable',
  small: 'Small',
  testable: 'Testable',
};
const MOSCOW_WORDS: Record<string, string> = { must: 'Must', should: 'Should', could: 'Could', wont: 'Won’t' };
const READINESS_WORDS: Record<string, string> = { none: 'None', light: 'Light', strict: 'Strict' };

/**
 * Backlog refinement: the Product Backlog board (order by drag or keyboard), the selected item
 * with everything the PO can do to it (refine, split, INVEST rework, acceptance criteria,
 * MoSCoW), refinement time and the Definition of Ready.
 */
export class Backlog extends RunScene {
  private selectedId: string | null = null;

  constructor() {
    super(SceneKey.Backlog);
  }

  protected override focusFallbacks(): string[] {
    return this.selectedId ? [`card:${this.selectedId}`] : [];
  }

  protected render(run: RunView): HTMLElement {
    const { step } = run;
    const o = step.observation;
    const canReorder = step.actions.some((a) => a.type === 'moveItem' || a.type === 'orderBacklog');
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
      board,
    ];

    const end = listedOf(step, 'endRefinement')[0];
    const side = [
      this.selectedItem(run),
      this.refinementTime(run),
      o.insights?.length ? block('What you have learned', 'insights-title', el('ul', { class: 'bullets' }, ...o.insights.map((i) => el('li', {}, i)))) : null,
      otherActions(step, HANDLED, this.dispatch, { filter: (a) => !onBoard.has(String(paramOf(a, 'itemId'))) }),
      el('div', { class: 'primary-bar' }, end ? actionButton(end, this.dispatch, { variant: 'primary', text: 'End refinement: go to Sprint Planning →' }) : null),
    ];

    return screen({
      key: 'backlog',
      run,
      title: `Sprint ${o.sprint}: Product Backlog refinement`,
      lead: 'Order the Product Backlog by value, and get the top items ready for the next Sprints.',
      main,
      side,
      sideLabel: 'Selected item and refinement',
      tools: this.tools(run),
    });
  }

  private forItem(run: RunView, type: string, itemId: string): ListedAction[] {
    return listedOf(run.step, type).filter((a) => paramOf(a, 'itemId') === itemId);
  }

  private selectedItem(run: RunView): HTMLElement {
    const o = run.step.observation;
    const item = o.backlog.find((i) => i.id === this.selectedId);
    if (!item) return block('Selected item', 'item-title', el('p', {}, 'The Product Backlog is empty.'));
    const refine = this.forItem(run, 'refineItem', item.id)[0];
    const splits = this.forItem(run, 'splitItem', item.id);
    const flaws = this.forItem(run, 'fixFlaw', item.id);
    const criteria = this.forItem(run, 'addCriterion', item.id);
    const moscow = this.forItem(run, 'tagMoscow', item.id);
    const left = Math.round((o.refinement.budget - o.refinement.used) * 100) / 100;

    const criteriaList = item.criteria.length
      ? el(
          'div',
          { class: 'sub' },
          el('h3', { class: 'sub__title' }, 'Acceptance criteria'),
          el(
            'ul',
            { class: 'criteria' },
            ...item.criteria.map((c) => {
              const add = criteria.find((a) => paramOf(a, 'criterionId') === c.id);
              return el(
                'li',
                { class: `criterion${c.chosen ? ' is-chosen' : ''}` },
                el('span', { class: 'criterion__text' }, c.text),
                c.chosen
                  ? el('span', { class: 'tag tag--done' }, el('span', { 'aria-hidden': 'true' }, '✓ '), 'On the item')
                  : add
                    ? actionButton(add, this.dispatch, { variant: 'quiet', text: '+ Add', focusKey: `criterion:${item.id}:${c.id}` })
                    : null,
              );
            }),
          ),
        )
      : null;

    const invest = flaws.length || item.fixedFlaws.length
      ? el(
          'div',
          { class: 'sub' },
          el('h3', { class: 'sub__title' }, 'INVEST check'),
          el('p', { class: 'block__hint' }, 'Rework the story where it falls short of INVEST. ', flaws[0]?.cost ? costNote(`${flaws[0].cost}, for each rework.`) : ''),
          el(
            'div',
            { class: 'chips' },
            ...Object.keys(FLAW_WORDS).map((flaw) => {
              const fix = flaws.find((a) => paramOf(a, 'flaw') === flaw);
              if (item.fixedFlaws.includes(flaw)) return el('span', { class: 'tag tag--done' }, el('span', { 'aria-hidden': 'true' }, '✓ '), FLAW_WORDS[flaw]!);
              return fix ? actionButton(fix, this.dispatch, { variant: 'quiet', text: FLAW_WORDS[flaw], focusKey: `flaw:${item.id}:${flaw}`, hideCost: true }) : null;
            }),
          ),
        )
      : null;

    const moscowRow = moscow.length
      ? el(
          'div',
          { class: 'sub' },
          el('h3', { class: 'sub__title', id: 'moscow-title' }, 'MoSCoW for the release'),
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
      ? el('div', { class: 'sub' }, el('h3', { class: 'sub__title' }, 'Split into smaller items'), el('div', { class: 'choice-list' }, ...splits.map((a) => actionButton(a, this.dispatch, { variant: 'choice', focusKey: `split:${String(paramOf(a, 'strategy'))}` }))))
      : null;

    return block(
      'Selected item',
      'item-title',
      el(
        'div',
        { class: 'detail' },
        el('p', { class: 'detail__title' }, typeBadge(item.type), ' ', el('strong', {}, item.title)),
        el('p', { class: 'detail__text' }, item.description),
        itemTags(item, o),
        facts([
          ['Position', `${o.backlog.indexOf(item) + 1} of ${o.backlog.length}`],
          ['Estimate', `${item.estimate} points${item.refined ? '' : ' (before refinement)'}`],
          ['Stated value', `${item.statedValue}${item.requestedBy ? `, as ${stakeholderName(o, item.requestedBy)} sees it` : ''}`],
        ]),
      ),
      refine
        ? actionButton(refine, this.dispatch, { variant: 'secondary', text: 'Refine with the Developers', focusKey: 'refine-selected' })
        : el('p', { class: 'block__hint' }, item.refined ? 'Refined: the estimate is now close to the truth.' : `Refining is not possible now (refinement time left: ${left} points). Set aside more time below.`),
      splitRow,
      invest,
      criteriaList,
      moscowRow,
      otherActions(run.step, HANDLED, this.dispatch, { heading: 'More for this item', id: 'item-more-title', filter: (a) => paramOf(a, 'itemId') === item.id }),
    );
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
    return block(
      'Refinement time this Sprint',
      'share-title',
      typeof o.poTime === 'number' ? el('p', { class: 'block__hint' }, el('strong', {}, `Your own time left this Sprint: ${o.poTime} half-day${o.poTime === 1 ? '' : 's'}.`)) : null,
      el('p', { class: 'block__hint' }, 'Share of the Developers’ capacity set aside to refine items. It makes estimates trustworthy and avoids surprises, but it is time not spent delivering.'),
      this.segmented('share-title', options.map((x) => ({ ...x, text: `${x.value}%` })), 'share'),
      shares[0]?.cost ? el('p', { class: 'block__hint' }, costNote(`each share is that much less capacity for delivery (now ${o.refinement.share}%).`)) : null,
      el(
        'div',
        { class: 'meter' },
        el('span', { class: 'meter__label' }, 'Refinement time used'),
        el('span', { class: 'meter__value' }, `${used} of ${budget} points`),
        el('span', { class: 'meter__track', role: 'presentation' }, el('span', { class: 'meter__fill', style: `width:${budget > 0 ? Math.min(100, (100 * used) / budget) : 0}%` })),
      ),
      readiness.length
        ? el(
            'div',
            { class: 'sub' },
            el('h3', { class: 'sub__title', id: 'ready-title' }, 'Definition of Ready'),
            el('p', { class: 'block__hint' }, 'What an item needs before it may enter a Sprint.'),
            this.segmented(
              'ready-title',
              [{ value: o.refinement.readiness, action: null }, ...readiness.map((a) => ({ value: String(paramOf(a, 'level')), action: a }))]
                .sort((a, b) => ['none', 'light', 'strict'].indexOf(a.value) - ['none', 'light', 'strict'].indexOf(b.value))
                .map((x) => ({ ...x, text: READINESS_WORDS[x.value] ?? x.value })),
              'ready',
            ),
            ...readiness.filter((a) => a.cost).map((a) => el('p', { class: 'block__hint' }, `${READINESS_WORDS[String(paramOf(a, 'level'))] ?? ''}: `, costNote(a.cost!))),
          )
        : null,
    );
  }

  /** A row of options where the current one is marked pressed and the others are listed actions. */
  private segmented(labelledBy: string, options: { value: string; text: string; action: ListedAction | null }[], key: string): HTMLElement {
    return el(
      'div',
      { class: 'segmented', role: 'group', 'aria-labelledby': labelledBy },
      ...options.map(({ value, text, action }) =>
        action
          ? actionButton(action, this.dispatch, { variant: 'quiet', text, pressed: false, focusKey: `${key}:${value}` })
          : el('button', { type: 'button', class: 'btn btn--quiet', 'aria-pressed': 'true', 'aria-disabled': 'true', 'data-focus': `${key}:${value}`, 'aria-label': `${text}, the current choice` }, el('span', { class: 'btn__label' }, text)),
      ),
    );
  }
}
