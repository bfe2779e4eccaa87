import { el } from '../dom/el';

/** Two initials for an avatar: "Helen Carter" → "HC". */
export function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter((w) => /^[A-Za-z]/.test(w))
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');
}

/** Trust in three bands, each with a shape and a word as well as a colour. */
export function trustLevel(trust: number): { level: 'low' | 'fair' | 'high'; symbol: string; word: string } {
  if (trust >= 70) return { level: 'high', symbol: '▲', word: 'high' };
  if (trust >= 40) return { level: 'fair', symbol: '◆', word: 'fair' };
  return { level: 'low', symbol: '▼', word: 'low' };
}

/** "▲ Trust 74 · high", with a change since the last look when there was one. */
export function trustBadge(trust: number, change = 0): HTMLElement {
  const t = trustLevel(trust);
  const n = Math.round(trust);
  return el(
    'span',
    { class: `trust trust--${t.level}` },
    el('span', { class: 'trust__shape', 'aria-hidden': 'true' }, t.symbol),
    ` Trust ${n} · ${t.word}`,
    change ? el('span', { class: 'trust__change' }, ` (${change > 0 ? '+' : '−'}${Math.abs(Math.round(change))})`) : null,
  );
}
