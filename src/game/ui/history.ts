import type { Observation } from '../../engine';
import { el } from '../dom/el';
import { points } from './charts';
import { percentOf100 } from '../../words';

/** Past Sprints as a table: forecast against what was done, goals met, clarification stops. */
export function sprintHistoryTable(o: Observation): HTMLElement | null {
  if (!o.sprintHistory.length) return null;
  return el(
    'table',
    { class: 'history' },
    el('caption', { class: 'visually-hidden' }, 'Past Sprints'),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Sprint'), el('th', { scope: 'col' }, 'Forecast'), el('th', { scope: 'col' }, 'Done'), el('th', { scope: 'col' }, 'Goal'), el('th', { scope: 'col' }, 'Stops to clarify'))),
    el(
      'tbody',
      {},
      ...o.sprintHistory.map((h) =>
        el(
          'tr',
          {},
          el('th', { scope: 'row' }, String(h.number)),
          el('td', {}, `${points(h.forecast)}${h.stretch ? ' (pushed)' : ''}`),
          el('td', {}, points(h.velocity)),
          el('td', {}, h.goalMet === null ? '—' : h.goalMet ? '✓ met' : '✗ missed'),
          el('td', {}, String(h.clarifications)),
        ),
      ),
    ),
  );
}

/** Releases so far: what went out and what users did with it. */
export function releasesList(o: Observation): HTMLElement | null {
  if (!o.releases.length) return null;
  const title = (id: string) => [...o.increment, ...o.backlog, ...o.sprintBacklog].find((i) => i.id === id)?.title ?? id;
  return el(
    'ul',
    { class: 'item-rows item-rows--compact' },
    ...o.releases.map((r) =>
      el(
        'li',
        { class: 'item-row' },
        el('div', {}, el('strong', {}, `Released in Sprint ${r.sprint}: `), r.itemIds.length ? r.itemIds.map(title).join(', ') : 'nothing new'),
        el('div', { class: 'release-figures' }, `Adoption ${percentOf100(r.adoption)} · satisfaction ${r.satisfaction}/100 · revenue ${r.revenue}`),
        r.itemIds.length
          ? el('p', { class: 'block__hint' }, 'Feature use: ', r.itemIds.map((id) => `${title(id)} ${percentOf100(r.featureUse[id] ?? 0)}`).join(', '))
          : null,
      ),
    ),
  );
}
