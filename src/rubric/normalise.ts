/**
 * Text normalisation, applied before any check: Unicode NFC, control and invisible format
 * characters removed, line breaks unified, runs of spaces collapsed, each line trimmed, blank
 * lines dropped and the length limited. Pure and total: any string in, a string out.
 */
import type { Format } from './types';

/** Longest text kept per format, in characters (code points); anything beyond is cut off. */
export const MAX_LENGTH: Readonly<Record<Format, number>> = {
  story: 600,
  criteria: 4000,
  productGoal: 400,
  sprintGoal: 400,
  split: 3000,
};

// C0/C1 controls except line feed and tab, plus zero-width and bidi format characters.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFF9-\uFFFB]/g;
const SPACE = /[\t \u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+/g;

/** Cuts a string to at most `max` code points without splitting a surrogate pair. */
export function limit(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  let n = 0;
  for (const ch of text) {
    if (n >= max) break;
    out += ch;
    n++;
  }
  return out;
}

/** Normalised text; lines are kept (Gherkin and splits need them) but each one is tidied. */
export function normalise(text: string, max = 4000): string {
  const nfc = limit(String(text), max * 2).normalize('NFC');
  const lines = nfc
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .replace(CONTROL, '')
    .split('\n')
    .map((l) => l.replace(SPACE, ' ').trim())
    .filter((l) => l !== '');
  return limit(lines.join('\n'), max);
}

/** The text on one line: every line break becomes a space. */
export function oneLine(text: string): string {
  return text.replace(/\n+/g, ' ').trim();
}
