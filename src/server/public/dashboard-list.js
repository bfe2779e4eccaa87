import { $, el, fill } from './dom.js';
import { count, number } from './words.js';
import { SORTS, stageCounts } from './learner-list.js';

// The tools around the dashboard's learner list: the counts per stage above it, the sort select,
// which column is sorted (aria-sort) and how many learners the filter shows.

fill($('#learnerSort'), ...Object.entries(SORTS).map(([value, s]) => el('option', { text: s.label, attrs: { value } })));

/** Redraws the counts and the list's status for the learners in `all`, of whom `shown` are listed. */
export function renderListTools(all, shown) {
  const counts = stageCounts(all);
  fill(
    $('#stageCounts'),
    ...counts.map((c) =>
      el('li', { attrs: { 'data-stage': c.label } }, [
        el('span', { className: 'stage-count', text: number(c.count) }),
        ` ${c.label}`,
        c.waiting ? el('span', { className: 'muted', text: ` (${number(c.waiting)} waiting for release)` }) : null,
      ]),
    ),
  );
  const sort = SORTS[$('#learnerSort').value] ?? SORTS.joined;
  for (const th of document.querySelectorAll('#learnerTable th[data-column]'))
    th.setAttribute('aria-sort', th.dataset.column === sort.column ? (sort.descending ? 'descending' : 'ascending') : 'none');
  const active = all.filter((l) => !l.removed).length;
  $('#listStatus').textContent = shown.length === all.length ? count(active, 'learner') : `Showing ${number(shown.length)} of ${count(all.length, 'learner')}`;
}
