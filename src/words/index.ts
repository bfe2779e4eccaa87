/**
 * Counts and figures for people, one helper for every shell (game, replay viewer, classroom
 * server) and the assessment: `count(2, 'point')` → "2 points", `percent(0.2344)` → "23%".
 * Built on Intl with the fixed locale 'en', so every machine writes the same words. The engine
 * keeps an Intl-free mirror (src/engine/model/words.ts) because its text is hashed into state.
 */
import { pluralOf } from '../engine/model/words';

export { listOf, pluralOf } from '../engine/model/words';

const PLURAL = new Intl.PluralRules('en');
const FORMATS = new Map<number, Intl.NumberFormat>();

function format(digits: number): Intl.NumberFormat {
  let f = FORMATS.get(digits);
  if (!f) {
    f = new Intl.NumberFormat('en', { maximumFractionDigits: digits, useGrouping: true });
    FORMATS.set(digits, f);
  }
  return f;
}

/** English plural category of a number as shown: "one" or "other". */
export function pluralCategory(n: number): 'one' | 'other' {
  return PLURAL.select(n) === 'one' ? 'one' : 'other';
}

/** The noun for a count: "point" for 1, "points" otherwise; `plural` when it is irregular. */
export function noun(n: number, singular: string, plural = pluralOf(singular)): string {
  return pluralCategory(n) === 'one' ? singular : plural;
}

/** A number for people: at most `digits` decimals, no trailing zeros, thousands separated. */
export function number(n: number, digits = 1): string {
  return format(digits).format(n);
}

/** "1 point", "2 points", "2.5 points": a count with its noun, agreeing with the number shown. */
export function count(n: number, singular: string, plural?: string): string {
  const shown = number(n);
  return `${shown} ${noun(Number(shown.replace(/,/g, '')), singular, plural)}`;
}

/** A share 0..1 as a whole percent: 0.2344 → "23%". */
export function percent(share: number): string {
  return `${number(share * 100, 0)}%`;
}

/** A percentage already on 0..100 as a whole percent: 23.44 → "23%". */
export function percentOf100(value: number): string {
  return `${number(value, 0)}%`;
}
