/**
 * User-story checks, after the quality criteria of the user-story literature (well-formed,
 * atomic, minimal, problem-oriented, unambiguous, full sentence, estimable, unique) and INVEST
 * where the text can show it. A story is read as role ("As a …"), means ("I want …") and ends
 * ("so that …"), in that order or with the ends first ("In order to …, as a …, I want …").
 */
import { oneLine } from './normalise';
import { contentStems, firstHit, hits, phraseRegex, SOLUTION_RE, stem, stemSet, VAGUE_RE, VERBS, withoutQuotes, words } from './words';
import type { Finding } from './types';

export interface StoryParts {
  readonly role?: string;
  readonly means?: string;
  readonly ends?: string;
}

const WANT = String.raw`(?:i|we)(?:\s+(?:really|also|just|do|would|will))?(?:\s+(?:not|never)|\s*n['’]t)?(?:\s+want|\s+would\s+like|['’]d\s+like|\s+would\s+love|['’]d\s+love|\s+need|\s+wish|\s+can|\s+could|\s+expect|\s+am\s+able|['’]m\s+able|\s+must\s+be\s+able|\s+should\s+be\s+able|\s+like)(?:\s+to\s+be\s+able)?(?:\s+to)?`;
const ENDS = String.raw`(?:,\s*|\s+)(?:so\s+that|in\s+order\s+(?:to|that)|because|so(?=\s+(?:i|we|they|it|he|she|you|my|our|their|the|that|nobody|no|everyone|staff|people|residents|customers)\s))\s+`;
const ROLE_FIRST = new RegExp(String.raw`^(?:in\s+order\s+(?:to|that)\s+(.+?),\s*)?as\s+(?:an?\s+|the\s+|one\s+of\s+the\s+)?(.+?),?\s+${WANT}\s+(.*)$`, 'u');
const NO_ROLE = new RegExp(String.raw`(?:^|\s)${WANT}\s+(.*)$`, 'u');
const ENDS_RE = new RegExp(ENDS, 'u');

/** Cuts `sliceOf` like `lower` was cut, when lower-casing kept the length. */
function take(original: string, lower: string, part: string | undefined): string | undefined {
  if (part === undefined) return undefined;
  const t = part.trim().replace(/[.!]+$/, '').trim();
  if (!t) return undefined;
  if (original.length !== lower.length) return t;
  const at = lower.indexOf(t);
  return at >= 0 ? original.slice(at, at + t.length) : t;
}

const PARSED = new Map<string, Readonly<StoryParts>>();

/** The role, means and ends of a story; parts that are not there are left out. */
export function parseStory(text: string): Readonly<StoryParts> {
  // Remembered (bounded): every story in the Product Backlog is parsed again for each one written.
  let parts = PARSED.get(text);
  if (!parts) {
    if (PARSED.size >= 4096) PARSED.clear();
    parts = Object.freeze(parseStoryNow(text));
    PARSED.set(text, parts);
  }
  return parts;
}

function parseStoryNow(text: string): StoryParts {
  const original = oneLine(text);
  const lower = original.toLowerCase();
  const m = ROLE_FIRST.exec(lower);
  let role: string | undefined;
  let rest: string | undefined;
  let ends: string | undefined;
  if (m) {
    role = m[2];
    rest = m[3];
    ends = m[1];
    const inRole = role === undefined ? null : ENDS_RE.exec(role);
    if (inRole && role !== undefined) {
      if (ends === undefined) ends = role.slice(inRole.index + inRole[0].length).replace(/,$/, '');
      role = role.slice(0, inRole.index);
    }
  } else {
    const n = NO_ROLE.exec(lower);
    if (n) rest = n[1];
  }
  let means = rest;
  if (rest !== undefined) {
    const e = ENDS_RE.exec(rest);
    if (e) {
      means = rest.slice(0, e.index);
      if (ends === undefined) ends = rest.slice(e.index + e[0].length);
    }
  }
  const out: { role?: string; means?: string; ends?: string } = {};
  const r = take(original, lower, role);
  const mm = take(original, lower, means);
  const en = take(original, lower, ends);
  if (r && words(r).length > 0) out.role = r;
  if (mm && contentStems(mm).length > 0) out.means = mm;
  if (en && words(en).length >= 2) out.ends = en;
  return out;
}

const q = (s: string) => `"${s}"`;

function wellFormed(text: string, p: StoryParts): Finding {
  const c = 'well-formed';
  const missing: string[] = [];
  if (!p.role) missing.push('who it is for ("As a regular customer, …")');
  if (!p.means) missing.push('what they want ("I want to …")');
  if (!p.ends) missing.push('why they want it ("so that …")');
  if (!missing.length) return { criterion: c, ok: true, message: `It names a role (${q(p.role!)}), a want and a reason (${q(p.ends!)}).` };
  return { criterion: c, ok: false, message: `${q(clipText(text))} does not say ${joinList(missing)}. Write it as "As a …, I want …, so that …".` };
}

const FIXED = phraseRegex([
  'terms and conditions', 'date and time', 'dates and times', 'name and address', 'names and addresses', 'pros and cons',
  'black and white', 'bread and butter', 'fish and chips', 'bed and breakfast', 'salt and pepper', 'click and collect',
  'tea and coffee', 'coffee and cake', 'milk and sugar', 'time and date', 'day and time', 'more and more', 'back and forth',
  'up and running', 'safe and sound', 'now and then', 'and/or', 'rock and roll', 'q and a', 'pick and mix', 'hot and cold',
  'health and safety', 'food and drink', 'food and drinks', 'sooner or later', 'more or less', 'either or', 'whether or not',
  'one or more', 'two or more', 'or more', 'or fewer', 'or less', 'or later', 'or earlier', 'or so',
]);
const CONJ = /(?<![\p{L}\p{N}])(?:and|or|as\s+well\s+as|plus|along\s+with|together\s+with)(?![\p{L}\p{N}])|&|\+/gu;
const SKIP = new Set(['also', 'then', 'to', 'i', 'we', 'can', 'could', 'be', 'able', 'the', 'ability', 'also', 'immediately', 'later']);
const DETS = new Set(['my', 'the', 'a', 'an', 'their', 'our', 'his', 'her', 'your', 'its', 'another', 'some']);

/** The joining word of two wants in `means`, if there is one. */
export function secondWant(means: string): string | undefined {
  const lower = means.toLowerCase().replace(phraseRegex(['and/or']), 'andor');
  const blanked = lower.replace(FIXED, (m) => '_'.repeat(m.length));
  for (const m of blanked.matchAll(CONJ)) {
    const after = words(blanked.slice(m.index + m[0].length)).slice(0, 6);
    const det = after[0] !== undefined && DETS.has(after[0]);
    let i = 0;
    while (i < after.length && SKIP.has(after[i]!)) i++;
    const next = after[i];
    if (next !== undefined && (VERBS.has(next) || det)) return means.length === lower.length ? means.slice(m.index, m.index + m[0].length) : m[0];
  }
  return undefined;
}

function atomic(text: string, p: StoryParts): Finding {
  const c = 'atomic';
  const where = p.means ?? oneLine(text).split(/\s+so\s+that\s+/i)[0]!;
  const join = secondWant(where);
  if (!join) return { criterion: c, ok: true, message: 'It asks for one thing.' };
  return { criterion: c, ok: false, message: `${q(clipText(where))} joins two wants with ${q(join)}. Split it into two stories, one for each want.` };
}

const EXTRA = phraseRegex(['e.g', 'eg', 'i.e', 'ie', 'for example', 'for instance', 'note', 'nb', 'n.b', 'ps', 'p.s', 'see also', 'btw', 'by the way', 'including', 'such as']);

function minimal(text: string): Finding {
  const c = 'minimal';
  const t = oneLine(text);
  const bracket = /[()[\]{}]/.exec(t);
  if (bracket) return { criterion: c, ok: false, message: `The story has an aside in brackets near ${q(clipAround(t, bracket.index))}. Keep only the role, the want and the reason; put extra notes in the acceptance criteria.` };
  const extra = firstHit(t, EXTRA);
  if (extra) return { criterion: c, ok: false, message: `${q(extra.quote)} adds detail beyond the story. Keep only the role, the want and the reason; put examples in the acceptance criteria.` };
  const sentences = t
    .replace(/(?<![\p{L}])(?:etc|e\.g|i\.e|approx|no|vs|mr|mrs|ms|dr|st)\./giu, (m) => m.slice(0, -1))
    .split(/[.!?]+(?=\s+\S)|\s[-–—]\s/u)
    .filter((s) => words(s).length > 0);
  if (sentences.length > 1) return { criterion: c, ok: false, message: `After the story comes more text: ${q(clipText(sentences.slice(1).join(' ')))}. Keep one sentence; move the rest to the acceptance criteria or a note.` };
  if (words(t).length > 45) return { criterion: c, ok: false, message: `The story runs to ${words(t).length} words. Say the role, the want and the reason in under 45 words.` };
  return { criterion: c, ok: true, message: 'It says only the role, the want and the reason.' };
}

function problemOriented(text: string, p: StoryParts, terms: readonly string[]): Finding {
  const c = 'problem-oriented';
  const where = p.means ? `${p.role ?? ''} ${p.means}` : oneLine(text);
  const hit = hits(withoutQuotes(where), SOLUTION_RE).find((h) => !isProductWord(h.quote, terms));
  if (!hit) return { criterion: c, ok: true, message: 'It describes a need, not a solution.' };
  return { criterion: c, ok: false, message: `${q(hit.quote)} names a solution. Say what the person needs and leave how to build it to the Developers.` };
}

function unambiguous(text: string): Finding {
  const c = 'unambiguous';
  const hit = firstHit(withoutQuotes(oneLine(text)), VAGUE_RE);
  if (!hit) return { criterion: c, ok: true, message: 'No vague words.' };
  return { criterion: c, ok: false, message: `${q(hit.quote)} is vague: people will read it differently. Say exactly what you mean, for example a time, a number or a step that is left out.` };
}

const SUBJECT = /(?:^|[\s,])(?:i|we|they|he|she|you|i['’]d|i['’]m|we['’]d|they['’]d)\s+[\p{L}]/u;
const MODAL = /[\p{L}]\s+(?:can|could|should|must|will|would|wants|needs|is\s+able|are\s+able|gets|get\s+to)\s+[\p{L}]/u;
/** Words a finished sentence cannot end on. */
const DANGLING = new Set(['and', 'or', 'so', 'to', 'a', 'an', 'the', 'of', 'with', 'because', 'as', 'my', 'our', 'their', 'your', 'if', 'but', 'from', 'than', 'whether', 'i', 'we']);

function fullSentence(text: string): Finding {
  const c = 'full sentence';
  const t = oneLine(text);
  const ws = words(t);
  const lower = t.toLowerCase();
  const last = ws[ws.length - 1];
  if (ws.length < 5 || !(SUBJECT.test(lower) || MODAL.test(lower)))
    return { criterion: c, ok: false, message: `${q(clipText(t))} is a heading, not a sentence. Write a whole sentence with who wants it and what they want, such as "As a regular, I want to …, so that …".` };
  const open = /(?:so\s+that|in\s+order\s+(?:to|that)|i\s+(?:want|need|would\s+like)(?:\s+to)?|as\s+an?)\s*[.!,]?$/u.exec(lower);
  if (open) return { criterion: c, ok: false, message: `The sentence stops at ${q(t.slice(t.length - open[0].length).trim())}. Finish it.` };
  if (last !== undefined && DANGLING.has(last))
    return { criterion: c, ok: false, message: `The sentence stops at ${q(last)}. Finish it.` };
  return { criterion: c, ok: true, message: 'It reads as a whole sentence.' };
}

const UNKNOWN = phraseRegex([
  'tbd', 'tbc', 'to be decided', 'to be confirmed', 'to be agreed', 'somehow', 'some kind of', 'whatever',
  'everything', 'entire', 'the whole', 'end-to-end', 'end to end', 'all features', 'all the features',
  'every feature', 'all services', 'every service', 'all the services', 'any kind of', 'the complete', 'a complete',
  'overhaul', 'revamp', 'rebuild', 'redesign', 're-platform', 'manage all', 'handle all', 'in general', 'etc', 'etc.',
  'and so on', 'and more', 'all of it', 'be better', 'better', 'improve', 'improved', 'improvements', 'all aspects', 'every aspect', 'all kinds of', 'any device', 'any channel',
]);

function estimable(text: string, p: StoryParts): Finding {
  const c = 'estimable';
  const t = withoutQuotes(p.means ? `${p.role ?? ''} ${p.means}` : oneLine(text));
  const hit = firstHit(t, UNKNOWN);
  if (hit) return { criterion: c, ok: false, message: `${q(hit.quote)} leaves the size open, so the Developers cannot estimate it. Name the one thing it covers, and split out the rest.` };
  if (t.includes('?')) return { criterion: c, ok: false, message: 'The story asks a question, so its size is unknown. Answer it first, or write a spike to find out.' };
  return { criterion: c, ok: true, message: 'Its scope is clear enough to estimate.' };
}

/** Content overlap of two texts: how much of the smaller one the other repeats. */
export function overlap(a: string, b: string): number {
  const A = stemSet(a);
  const Bs = stemSet(b);
  if (!A.size || !Bs.size) return 0;
  let shared = 0;
  for (const w of A) if (Bs.has(w)) shared++;
  return shared / Math.min(A.size, Bs.size);
}

function unique(text: string, p: StoryParts, existing: readonly string[]): Finding {
  const c = 'unique';
  const mine = p.means ? `${p.means} ${p.ends ?? ''}` : text;
  for (const other of existing) {
    const o = parseStory(other);
    const theirs = o.means ? `${o.means} ${o.ends ?? ''}` : other;
    const small = Math.min(stemSet(mine).size, stemSet(theirs).size);
    const sameWant = !!p.means && !!o.means && Math.min(stemSet(p.means).size, stemSet(o.means).size) >= 2 && overlap(p.means, o.means) >= 0.75;
    if (sameWant || (small >= 2 && overlap(mine, theirs) >= 0.75))
      return { criterion: c, ok: false, message: `It repeats ${q(clipText(other))}, already in the Product Backlog. Refine that item instead, or say what is different.` };
  }
  return { criterion: c, ok: true, message: 'Nothing like it is in the Product Backlog yet.' };
}

/** A word the product itself is about (in the scenario's terms) is not a solution in disguise. */
export function isProductWord(word: string, terms: readonly string[]): boolean {
  const seq = (x: string) => ` ${words(x).map(stem).join(' ')} `;
  const w = seq(word);
  return w.trim() !== '' && terms.some((t) => seq(t).includes(w));
}

export function checkStory(text: string, existing?: readonly string[], terms: readonly string[] = []): Finding[] {
  const p = parseStory(text);
  const out = [wellFormed(text, p), atomic(text, p), minimal(text), problemOriented(text, p, terms), unambiguous(text), fullSentence(text), estimable(text, p)];
  if (existing && existing.length) out.push(unique(text, p, existing));
  return out;
}

export const STORY_CRITERIA = ['well-formed', 'atomic', 'minimal', 'problem-oriented', 'unambiguous', 'full sentence', 'estimable', 'unique'] as const;

export function clipText(s: string, max = 80): string {
  const t = oneLine(s);
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}

function clipAround(s: string, at: number): string {
  return clipText(s.slice(Math.max(0, at - 20), at + 40));
}

export function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
