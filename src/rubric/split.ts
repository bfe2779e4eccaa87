/**
 * Split checks: every slice a story with a role and a benefit, each smaller than the original,
 * none a technical layer, and together covering the original's key words.
 */
import { clipText, parseStory, secondWant } from './story';
import { contentStems, firstHit, LAYERS_RE, phraseRegex, withoutQuotes, words } from './words';
import type { Finding } from './types';

export const SPLIT_CRITERIA = ['slices are stories', 'smaller', 'not technical layers', 'covers the original'] as const;

export interface SplitInput {
  readonly original: string;
  readonly slices: readonly string[];
}

const LABEL = /^(?:[-•–*]\s+|\d+[.)]\s+|(?:slice|story|part|split)\s*\d*\s*[:.)-]\s*|original(?:\s+story)?\s*[:.-]\s*)/i;

/**
 * A split text: the original story on the first line, then one slice per line (a leading "-",
 * "*", "1." or "Slice 2:" is allowed). With `original` given, every line is a slice.
 */
export function parseSplit(text: string, original?: string): SplitInput {
  const lines = text
    .split('\n')
    .map((l) => l.replace(LABEL, '').trim())
    .filter((l) => words(l).length > 0);
  if (original !== undefined && original.trim()) return { original: original.trim(), slices: lines };
  return { original: lines[0] ?? '', slices: lines.slice(1) };
}

const q = (s: string) => `"${clipText(s)}"`;

function slicesAreStories(s: SplitInput): Finding {
  const c = 'slices are stories';
  if (!s.slices.length) return { criterion: c, ok: false, message: 'There are no slices. Write each slice on its own line as a story: "As a …, I want …, so that …".' };
  for (const slice of s.slices) {
    const p = parseStory(slice);
    if (!p.role || !p.means || !p.ends)
      return { criterion: c, ok: false, message: `The slice ${q(slice)} has no ${!p.role ? 'role' : !p.means ? 'want' : 'benefit'}. Write every slice as a story someone would value on its own: "As a …, I want …, so that …".` };
  }
  return { criterion: c, ok: true, message: 'Every slice is a story with a role and a benefit.' };
}

function meansOf(text: string): string {
  return parseStory(text).means ?? text;
}

const BROADER = phraseRegex(['any', 'all', 'every', 'everything', 'whole', 'entire', 'full', 'each', 'always']);

function smaller(s: SplitInput): Finding {
  const c = 'smaller';
  if (s.slices.length < 2) return { criterion: c, ok: false, message: `A split needs at least two slices; there ${s.slices.length === 1 ? 'is one' : 'are none'}. Cut the original into two or more thinner stories.` };
  const om = meansOf(s.original);
  const oStems = new Set(contentStems(om));
  for (const slice of s.slices) {
    const sm = meansOf(slice);
    const sStems = new Set(contentStems(sm));
    const same = sStems.size === oStems.size && [...oStems].every((w) => sStems.has(w));
    const wider = [...oStems].every((w) => sStems.has(w)) && (firstHit(sm, BROADER) !== undefined || secondWant(sm) !== undefined);
    if (same || wider)
      return { criterion: c, ok: false, message: `The slice ${q(slice)} asks for as much as the original. Make each slice do less: one step, one rule, one kind of data or one channel.` };
  }
  return { criterion: c, ok: true, message: 'Each slice asks for less than the original.' };
}

function notLayers(s: SplitInput): Finding {
  const c = 'not technical layers';
  for (const slice of s.slices) {
    const hit = firstHit(withoutQuotes(slice), LAYERS_RE);
    if (hit) return { criterion: c, ok: false, message: `The slice ${q(slice)} is a technical layer (${JSON.stringify(hit.quote)}): nobody can use it on its own. Slice through every layer instead, by workflow step, business rule or kind of data.` };
  }
  return { criterion: c, ok: true, message: 'No slice is a technical layer.' };
}

const GENERIC = new Set(['abl', 'want', 'use', 'way', 'thing', 'get', 'make']);

function covers(s: SplitInput): Finding {
  const c = 'covers the original';
  const op = parseStory(s.original);
  const key = [...new Set(contentStems(op.means ? `${op.means} ${op.ends ?? ''}` : s.original).filter((w) => !GENERIC.has(w)))];
  if (!s.slices.length || !key.length) return { criterion: c, ok: false, message: 'The slices could not be compared with the original. Give the original story and write every slice under it.' };
  const have = new Set(s.slices.flatMap((x) => contentStems(x)));
  const missing = key.filter((w) => !have.has(w));
  if (missing.length / key.length <= 0.5) return { criterion: c, ok: true, message: 'Together the slices cover the original.' };
  const shown = words(meansOf(s.original)).filter((w) => missing.includes(contentStems(w)[0] ?? ''));
  return { criterion: c, ok: false, message: `The slices leave out part of the original: ${[...new Set(shown)].slice(0, 4).map((w) => JSON.stringify(w)).join(', ')}. Add a slice for it, or say it was dropped on purpose.` };
}

export function checkSplit(s: SplitInput): Finding[] {
  return [slicesAreStories(s), smaller(s), notLayers(s), covers(s)];
}
