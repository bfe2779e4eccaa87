/**
 * Counts and figures in words: the one implementation, for text the engine writes (log lines,
 * labels, rationales) and, through `src/words`, for every shell.
 *
 * Engine text is part of the hashed state, so it must not depend on the ICU build of the
 * machine: this writes by hand what the standard plural rules and number format give for the
 * 'en' locale (tests/engine/words-match-intl.test.ts checks them against each other).
 */

/** Nouns whose plural is not the noun plus "s". */
const IRREGULAR: Readonly<Record<string, string>> = {
  person: 'people',
  'half-day': 'half-days',
  story: 'stories',
  activity: 'activities',
  child: 'children',
};

/** English plural category, as the standard plural rules for 'en' give it: "one" only for exactly 1 or -1. */
export function pluralCategory(n: number): 'one' | 'other' {
  return Math.abs(n) === 1 ? 'one' : 'other';
}

/** The plural of a noun: "point" → "points", "story" → "stories". */
export function pluralOf(noun: string): string {
  return IRREGULAR[noun] ?? (/(s|x|z|ch|sh)$/.test(noun) ? `${noun}es` : `${noun}s`);
}

/** The noun for a count: "point" for 1, "points" otherwise; `plural` when it is irregular. */
export function noun(n: number, singular: string, plural = pluralOf(singular)): string {
  return pluralCategory(n) === 'one' ? singular : plural;
}

/** A number for people: at most `digits` decimals, no trailing zeros, thousands separated ("1,250", "2.5"). */
export function number(n: number, digits = 1): string {
  if (!Number.isFinite(n)) return String(n);
  const [whole, fraction] = roundDecimal(Math.abs(n), digits);
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const trimmed = fraction.replace(/0+$/, '');
  // The standard format keeps the minus of a negative number that rounds to zero ("-0"); so does this.
  const sign = n < 0 || Object.is(n, -0) ? '-' : '';
  return `${sign}${grouped}${trimmed ? `.${trimmed}` : ''}`;
}

/**
 * Rounds half away from zero on the shortest decimal that reads back as the number, as
 * the standard number format does (so 1.005 rounds to 1.01, where Math.round(100.49999) would not).
 */
function roundDecimal(abs: number, digits: number): [string, string] {
  const text = String(abs);
  if (/e/i.test(text)) {
    const [w, f = ''] = abs.toFixed(digits).split('.');
    return [w!, f];
  }
  const [w, f = ''] = text.split('.') as [string, string?];
  if (f.length <= digits) return [w, f.padEnd(digits, '0')];
  const kept = (w + f.slice(0, digits)).split('').map(Number);
  if (Number(f[digits]) >= 5) {
    let i = kept.length - 1;
    while (i >= 0 && kept[i] === 9) kept[i--] = 0;
    if (i >= 0) kept[i]! += 1;
    else kept.unshift(1);
  }
  const all = kept.join('');
  const cut = all.length - digits;
  return [all.slice(0, cut).replace(/^0+(?=\d)/, ''), all.slice(cut)];
}

/** "1 point", "2 points", "2.5 points": a count with its noun. */
export function count(n: number, singular: string, plural?: string): string {
  const shown = number(n);
  return `${shown} ${noun(Number(shown.replace(/,/g, '')), singular, plural)}`;
}

/** A share 0..1 as a whole percent: 0.2344 → "23%". */
export function percent(share: number): string {
  return `${number(share * 100, 0)}%`;
}

/** "A", "A and B", "A, B and C". */
export function listOf(parts: readonly string[]): string {
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** A percentage already on 0..100 as a whole percent: 20.88 → "21%". */
export function percentOf100(value: number): string {
  return `${number(value, 0)}%`;
}
