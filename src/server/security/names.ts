/**
 * Display names and class titles arrive from strangers and are shown on a projector: normalise
 * them so two names that look alike are alike, and strip whatever could reorder or hide text.
 */
export const NAME_MAX = 40;
export const TITLE_MAX = 120;

// Cc: control characters. Cf: format characters, which include every bidi override, isolate and
// mark (U+202A-202E, U+2066-2069, U+200E/F, U+061C) and zero-width characters. Zl/Zp: line and
// paragraph separators. Co/Cn: private-use and unassigned code points, which render unpredictably.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cn}]/gu;

export type TextResult = { ok: true; text: string } | { ok: false; message: string };

/** NFC, invisible and direction characters removed, runs of spaces collapsed, trimmed, 1..max code points. */
export function cleanText(raw: string, max: number, what: string): TextResult {
  // Tabs and line breaks separate words: they become spaces before the invisible rest goes.
  const cleaned = raw.normalize('NFC').replace(/[\t\n\v\f\r\u0085\u2028\u2029]/g, ' ').replace(INVISIBLE, '').replace(/\s+/gu, ' ').trim();
  const length = [...cleaned].length;
  if (length === 0) return { ok: false, message: `the ${what} is empty once control and direction characters are removed` };
  if (length > max) return { ok: false, message: `the ${what} is too long: at most ${max} characters, found ${length}` };
  return { ok: true, text: cleaned };
}

export function normaliseDisplayName(raw: string): TextResult {
  return cleanText(raw, NAME_MAX, 'display name');
}
