import type { SourceFormat } from './parse';

/** Words for kinds of value, in the vocabulary of the file's format. */
export function kindWord(kind: 'object' | 'array', format: SourceFormat): string {
  if (kind === 'array') return format === 'json' ? 'an array' : 'a list';
  return format === 'json' ? 'an object' : 'a mapping (key: value lines)';
}

/** Short text, quoted, cut so one problem stays one line. */
export function quote(s: string, max = 40): string {
  const oneLine = s.replace(/\s+/g, ' ');
  return JSON.stringify(oneLine.length > max ? `${oneLine.slice(0, max)}…` : oneLine);
}

/**
 * The "found ..." half of a problem: what the file actually has at a path, said so an author
 * recognises it (`-2`, `"abc"`, `a list of 3 entries`, `nothing (the field is missing)`).
 */
export function describeFound(present: boolean, value: unknown, format: SourceFormat): string {
  if (!present) return 'nothing (the field is missing)';
  if (value === null) return format === 'json' ? 'null' : 'an empty value';
  switch (typeof value) {
    case 'string':
      return value === '' ? 'empty text ("")' : quote(value);
    case 'number':
      if (Number.isNaN(value)) return 'not-a-number';
      if (!Number.isFinite(value)) return value > 0 ? 'infinity' : '-infinity';
      return String(value);
    case 'boolean':
      return String(value);
    case 'object':
      if (Array.isArray(value)) return `${kindWord('array', format)} of ${value.length} ${value.length === 1 ? 'entry' : 'entries'}`;
      if (ArrayBuffer.isView(value)) return 'binary data';
      return kindWord('object', format);
    default:
      return typeof value;
  }
}

/** Edit distance counting a swap of neighbours as one edit ("truht" is one edit from "truth"). */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number) => d[i]?.[j] ?? Infinity;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      (d[i] as number[])[j] = best;
    }
  }
  return at(a.length, b.length);
}

/** The allowed key closest to a misspelt one, if any is close enough to be a likely typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const d = c.toLowerCase() === word.toLowerCase() ? 0 : distance(word.slice(0, 64), c);
    if (d < bestScore) {
      best = c;
      bestScore = d;
    }
  }
  return bestScore <= Math.max(1, Math.floor(word.length / 3)) ? best : undefined;
}
