import type { MasteryStatus } from '../../assessment';
import { el } from '../dom/el';

/** Each mastery status has a symbol and a word as well as a colour. */
export const STATUS: Record<MasteryStatus, { symbol: string; word: string }> = {
  shown: { symbol: '✓', word: 'Shown' },
  partly: { symbol: '◐', word: 'Partly shown' },
  missed: { symbol: '✗', word: 'Missed' },
  notSeen: { symbol: '○', word: 'Not yet seen' },
};

export function statusBadge(status: MasteryStatus): HTMLElement {
  const s = STATUS[status];
  return el('span', { class: `status status--${status}` }, el('span', { class: 'status__symbol', 'aria-hidden': 'true' }, s.symbol), ` ${s.word}`);
}

export function statusLegend(): HTMLElement {
  return el('ul', { class: 'legend-list', 'aria-label': 'What the marks mean' }, ...(['shown', 'partly', 'missed', 'notSeen'] as const).map((s) => el('li', {}, statusBadge(s))));
}
