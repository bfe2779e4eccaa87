import { el } from '../dom/el';

/**
 * "What you have learned" folded to one line in a crowded side panel: the list grows all run
 * long, and open it would push the panel's decisions out of sight. The count says it is there.
 */
export function learnedFold(insights: readonly string[], open = false): HTMLElement {
  const fold = el(
    'details',
    { class: 'block fold', 'data-fold': 'learned' },
    el('summary', { class: 'fold__summary', 'data-focus': 'fold:learned' }, el('span', { class: 'block__title fold__title' }, 'What you have learned'), el('span', { class: 'fold__count' }, ` (${insights.length})`)),
    el('ul', { class: 'bullets' }, ...insights.map((i) => el('li', {}, i))),
  );
  if (open) fold.setAttribute('open', '');
  return fold;
}
