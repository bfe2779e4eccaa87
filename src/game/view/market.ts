import type { Observation, VisibleItem } from '../../engine';

export type Position = 'differentiator' | 'parity' | 'lagging';

/** Each market position with a symbol and words, never a colour alone. */
export const POSITIONS: Readonly<Record<Position, { symbol: string; word: string; meaning: string }>> = {
  differentiator: { symbol: '▲', word: 'Differentiator', meaning: 'sets the product apart: competitors do not offer it' },
  parity: { symbol: '=', word: 'Parity', meaning: 'competitors offer the same' },
  lagging: { symbol: '▼', word: 'Lagging', meaning: 'competitors already have it: it closes a gap' },
};

export interface MarketRow {
  item: VisibleItem;
  position: Position | null;
  /** Where the item is now, in words. */
  where: string;
}

function isPosition(value: string | null): value is Position {
  return value === 'differentiator' || value === 'parity' || value === 'lagging';
}

/** Every item the player can see, in backlog order, then the Sprint, then the Increment. */
export function marketRows(o: Observation): MarketRow[] {
  const rows: MarketRow[] = [];
  const seen = new Set<string>();
  const add = (item: VisibleItem, where: string) => {
    if (seen.has(item.id)) return;
    seen.add(item.id);
    rows.push({ item, position: isPosition(item.market) ? item.market : null, where });
  };
  o.backlog.forEach((item, i) => add(item, `Product Backlog, ${i + 1} of ${o.backlog.length}`));
  for (const item of o.sprintBacklog) add(item, item.status === 'done' ? 'Done this Sprint' : 'In this Sprint');
  for (const item of o.increment) add(item, item.released ? 'Released' : 'Done, in the Increment');
  return rows;
}

export function positionCounts(rows: readonly MarketRow[]): Record<Position, number> {
  const counts: Record<Position, number> = { differentiator: 0, parity: 0, lagging: 0 };
  for (const r of rows) if (r.position) counts[r.position]++;
  return counts;
}

/** The comparison table in sentences, for everyone and for screen readers first. */
export function marketSummary(o: Observation, rows: readonly MarketRow[]): string {
  const known = rows.filter((r) => r.position);
  if (known.length === 0) return `Nothing is known yet about how the ${rows.length} items compare with the competition. A market analysis places them.`;
  const c = positionCounts(rows);
  const parts = [
    c.differentiator ? `${c.differentiator} set${c.differentiator === 1 ? 's' : ''} the product apart` : null,
    c.parity ? `${c.parity} match${c.parity === 1 ? 'es' : ''} what competitors offer` : null,
    c.lagging ? `${c.lagging} close${c.lagging === 1 ? 's' : ''} a gap competitors have already filled` : null,
  ].filter(Boolean);
  const unknown = rows.length - known.length;
  const top = o.backlog.slice(0, 3).map((i) => `${i.title} (${isPosition(i.market) ? POSITIONS[i.market].word.toLowerCase() : 'not known'})`);
  return [
    `Of the ${rows.length} items you can see, ${known.length} ${known.length === 1 ? 'is' : 'are'} placed against the competition: ${parts.join(', ')}.`,
    unknown ? `${unknown} ${unknown === 1 ? 'is' : 'are'} not known yet.` : '',
    top.length ? `The top of the Product Backlog: ${top.join(', ')}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
}
