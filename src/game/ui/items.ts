import type { Observation, VisibleItem } from '../../engine';
import { el } from '../dom/el';
import { term } from './glossary';

/** Each item type has a word and a symbol, not only a colour. */
const TYPES: Record<string, { label: string; symbol: string }> = {
  epic: { label: 'Epic', symbol: '▲' },
  feature: { label: 'Feature', symbol: '★' },
  story: { label: 'Story', symbol: '◆' },
  technical: { label: 'Technical', symbol: '⚙' },
  defect: { label: 'Defect', symbol: '✖' },
};

export function typeBadge(type: string): HTMLElement {
  const t = TYPES[type] ?? { label: type, symbol: '●' };
  return el('span', { class: `badge badge--${type}` }, el('span', { 'aria-hidden': 'true' }, t.symbol), ` ${t.label}`);
}

const DELAY: Record<string, string> = {
  standard: 'Standard',
  urgent: 'Urgent',
  fixedDate: 'Fixed date',
  intangible: 'Intangible',
};

const MOSCOW: Record<string, string> = { must: 'Must have', should: 'Should have', could: 'Could have', wont: 'Won’t have this time' };

/** An item's title from anywhere the player can see it, or its id. */
export function titleOf(observation: Observation, id: string): string {
  const all = [...observation.backlog, ...observation.sprintBacklog, ...observation.increment];
  return all.find((i) => i.id === id)?.title ?? id;
}

export function stakeholderName(observation: Observation, id: string | null): string | null {
  if (id === null) return null;
  if (id === 'developers') return 'the Developers';
  if (id === 'coach') return 'your coach';
  return observation.stakeholders.find((s) => s.id === id)?.name ?? id;
}

/**
 * The small tags under an item's title: where it stands (Done, blocked, not Done, back from a
 * Sprint), who asked, cost of delay (or a missed date), refinement.
 */
export function itemTags(item: VisibleItem, observation: Observation): HTMLElement {
  const tags: HTMLElement[] = [];
  if (item.status === 'done') tags.push(doneTag());
  else if (item.blockedBy) tags.push(el('span', { class: 'tag tag--blocked' }, el('span', { 'aria-hidden': 'true' }, '⊘ '), `Blocked: needs ${item.blockedBy}`));
  if (item.status === 'sprint' && item.meetsDoD === false) tags.push(notDoneTag());
  if (item.status === 'backlog' && item.returnedInSprint !== null)
    tags.push(el('span', { class: 'tag tag--returned' }, el('span', { 'aria-hidden': 'true' }, '↩ '), `Back from Sprint ${item.returnedInSprint}, not Done`));
  if (item.released) tags.push(el('span', { class: 'tag tag--done' }, 'Released'));
  const by = stakeholderName(observation, item.requestedBy);
  if (by) tags.push(el('span', { class: 'tag' }, `Asked by ${by}`));
  if (item.deadlineMissed) {
    tags.push(el('span', { class: 'tag tag--missed' }, el('span', { 'aria-hidden': 'true' }, '◷ '), item.deadlineSprint !== null ? `Missed: was due by Sprint ${item.deadlineSprint}` : 'Missed its fixed date'));
  } else if (item.costOfDelay) {
    const due = item.deadlineSprint !== null ? `, due by Sprint ${item.deadlineSprint}` : '';
    tags.push(el('span', { class: 'tag tag--delay' }, el('span', { 'aria-hidden': 'true' }, '◷ '), term(item.costOfDelay === 'intangible' ? 'Intangible' : 'Cost of delay', DELAY[item.costOfDelay] ?? 'Cost of delay'), due));
  }
  if (item.moscow) tags.push(el('span', { class: 'tag tag--moscow' }, MOSCOW[item.moscow] ?? item.moscow));
  if (item.parentId) tags.push(el('span', { class: 'tag' }, `Split from ${titleOf(observation, item.parentId)}`));
  if (item.dependsOn && item.dependsOn.length && item.status !== 'done')
    tags.push(el('span', { class: 'tag tag--depends' }, el('span', { 'aria-hidden': 'true' }, '↳ '), `Needs ${item.dependsOn.map((id) => titleOf(observation, id)).join(', ')}`));
  const chosen = item.criteria.filter((c) => c.chosen).length;
  if (item.criteria.length) tags.push(el('span', { class: 'tag' }, `${chosen} of ${item.criteria.length} criteria`));
  if (item.story) tags.push(el('span', { class: 'tag tag--written' }, el('span', { 'aria-hidden': 'true' }, '✎ '), 'Story in your words'));
  if (item.writtenCriteria) tags.push(el('span', { class: 'tag tag--written' }, el('span', { 'aria-hidden': 'true' }, '✎ '), 'Your acceptance criteria'));
  if (item.status !== 'done')
    tags.push(
      item.refined
        ? el('span', { class: 'tag tag--refined' }, el('span', { 'aria-hidden': 'true' }, '✓ '), 'Refined')
        : el('span', { class: 'tag tag--unrefined' }, el('span', { 'aria-hidden': 'true' }, '? '), 'Not refined'),
    );
  return el('span', { class: 'tags' }, ...tags);
}

/** Done: the item met the Definition of Done and is part of the Increment. */
export function doneTag(): HTMLElement {
  return el('span', { class: 'tag tag--done' }, el('span', { 'aria-hidden': 'true' }, '✓ '), 'Done');
}

/** Work the Developers thought finished that still falls short of the Definition of Done. */
export function notDoneTag(): HTMLElement {
  return el('span', { class: 'tag tag--undone' }, el('span', { 'aria-hidden': 'true' }, '⚠ '), 'Not Done: falls short of the Definition of Done');
}

/** Estimate and stated value as two labelled figures. */
export function itemFigures(item: VisibleItem): HTMLElement {
  return el(
    'span',
    { class: 'figures' },
    el('span', { class: 'figure' }, el('span', { class: 'figure__value' }, String(item.estimate)), el('span', { class: 'figure__label' }, 'points')),
    el('span', { class: 'figure figure--value' }, el('span', { class: 'figure__value' }, String(item.statedValue)), el('span', { class: 'figure__label' }, 'value')),
  );
}

/** A static (non-draggable) item row for lists outside the backlog board. */
export function itemRow(item: VisibleItem, observation: Observation, ...extra: (HTMLElement | null)[]): HTMLElement {
  return el(
    'li',
    { class: 'item-row' },
    el(
      'div',
      { class: 'item-row__main' },
      el('span', { class: 'item-row__title' }, typeBadge(item.type), ' ', el('strong', {}, item.title)),
      item.story ? el('span', { class: 'item-row__story' }, `“${item.story}”`) : null,
      itemTags(item, observation),
    ),
    itemFigures(item),
    ...extra.filter((x): x is HTMLElement => x !== null),
  );
}
