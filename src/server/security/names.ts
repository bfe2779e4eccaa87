/**
 * Display names and class titles arrive from strangers and are shown on a projector: normalise
 * them so two names that look alike are alike, and strip whatever could reorder or hide text.
 */
export const NAME_MAX = 40;
export const TITLE_MAX = 120;

// Cc: control characters. Cf: format characters, which include every bidi override, isolate and
// mark (U+202A-202E, U+2066-2069, U+200E/F, U+061C) and zero-width characters. Zl/Zp: line and
// paragraph separators. Co/Cn: private-use and unassigned code points, which render unpredictably.
// Two format characters are kept: ZWNJ (U+200C) and ZWJ (U+200D) shape Persian, Indic and other
// scripts and join emoji sequences; they are kept only between two visible characters, one at a time.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cn}]/gu;
const JOINER = /[\u200C\u200D]/;
const STRAY_JOINERS = /(^|\s)[\u200C\u200D]+|[\u200C\u200D]+(?=\s|$)/gu;
const JOINER_RUNS = /([\u200C\u200D])[\u200C\u200D]+/gu;
/** Combining marks kept on one base character: enough for every script, not for "Zalgo" towers. */
export const MAX_MARKS = 3;
const MARK_TOWERS = new RegExp(`(\\p{M}{${MAX_MARKS}})\\p{M}+`, 'gu');

export type TextResult = { ok: true; text: string } | { ok: false; message: string };

/** NFC, invisible and direction characters removed (joiners kept), at most 3 marks per letter, runs of spaces collapsed, trimmed, 1..max code points. */
export function cleanText(raw: string, max: number, what: string): TextResult {
  // Tabs and line breaks separate words: they become spaces before the invisible rest goes.
  const cleaned = raw
    .normalize('NFC')
    .replace(/[\t\n\v\f\r\u0085\u2028\u2029]/g, ' ')
    .replace(INVISIBLE, (c) => (JOINER.test(c) ? c : ''))
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(STRAY_JOINERS, '$1')
    .replace(JOINER_RUNS, '$1')
    // Marks are counted decomposed (Ź is Z and one mark), then composed again.
    .normalize('NFD')
    .replace(MARK_TOWERS, '$1')
    .normalize('NFC')
    .trim();
  const length = [...cleaned].length;
  if (length === 0) return { ok: false, message: `the ${what} is empty once control and direction characters are removed` };
  if (length > max) return { ok: false, message: `the ${what} is too long: at most ${max} characters, found ${length}` };
  return { ok: true, text: cleaned };
}

export function normaliseDisplayName(raw: string): TextResult {
  return cleanText(raw, NAME_MAX, 'display name');
}

/**
 * The name a new learner gets in a class: theirs, or with " (2)", " (3)"... when someone in the
 * class already has it (compared without case), so the dashboard can tell them apart.
 */
export function distinctName(name: string, taken: Iterable<string>): string {
  const key = (n: string) => n.normalize('NFC').toLocaleLowerCase('en');
  const used = new Set([...taken].map(key));
  if (!used.has(key(name))) return name;
  let n = 2;
  while (used.has(key(`${name} (${n})`))) n++;
  return `${name} (${n})`;
}
