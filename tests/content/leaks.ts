/**
 * What must never show in text a person reads: ids from the scenario file, camelCase keys, raw
 * lifecycle phases, wrong plurals ("1 points"), "(s)" plurals and long decimals. Shared by the
 * scenario × bot scan and the checks of the shells' own words.
 */

/** Nouns the screens count; "1 points" with one of these is a wrong plural. */
const COUNTED = [
  'point', 'item', 'day', 'half-day', 'Sprint', 'stakeholder', 'learner', 'action', 'decision', 'time', 'forecast',
  'promise', 'release', 'user', 'customer', 'question', 'goal', 'choice', 'note', 'step', 'run', 'member', 'Developer',
];
/** Of those, the nouns never used as a modifier ("3 Sprint Goals" is right), so "2 point" is wrong too. */
const NEVER_MODIFIER = new Set(['point', 'item', 'half-day', 'stakeholder', 'learner', 'action', 'decision', 'question', 'step']);

/** Words written in camelCase on purpose (product names and the like); empty until a scenario needs one. */
const CAMEL_ALLOWED = new Set<string>(['iPhone', 'iPad', 'eBay', 'iOS', 'macOS', 'JavaScript', 'TypeScript', 'GitHub', 'YouTube', 'PayPal', 'WhatsApp']);

const PHASE = /\b(briefing|sprint|release|debrief)\.[a-z]+(\.[a-z]+)*\b/;
const CAMEL = /\b[a-z]+[A-Z][A-Za-z]*\b/g;
const PAREN_S = /\w\(s\)/;
/** A decision id such as "usage-order-s2": the debrief must give it a title. */
const DECISION_ID = /\b[a-z]+(?:-[a-z0-9]+)*-s\d+\b/;
const LONG_DECIMAL = /\d\.\d{3,}/;
const DECIMAL_PERCENT = /\d\.\d+\s?%/;

function wrongPlural(text: string): string | null {
  for (const n of COUNTED) {
    const plural = n === 'half-day' ? 'half-days' : `${n}s`;
    // "5, 0 and 1 points" is right: the noun counts the whole list.
    const one = new RegExp(`(?<![\\w.,-]|and |or |, )1 ${plural}\\b`);
    const many = new RegExp(`(^|[^\\d.,-])([02-9]|[1-9]\\d+) ${n}\\b(?![-'’s])`);
    if (one.test(text)) return `"1 ${plural}"`;
    const m = NEVER_MODIFIER.has(n) ? many.exec(text) : null;
    if (m) return `"${m[2]} ${n}"`;
  }
  return null;
}

/** Ids that are ordinary English words in their own right, so may appear in any sentence. */
const ENGLISH = new Set(['burn-up', 'off-vision', 'follow-up', 'sign-in', 'sign-up', 'check-in', 'set-up', 'roll-out']);

/** Ids that would not read as words: with a hyphen, a digit, an underscore or a capital inside. */
const idLike = (id: string) => /[-_\d]|[a-z][A-Z]/.test(id);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface Vocabulary {
  /** Every id in the scenario file. */
  ids: ReadonlySet<string>;
  /** Titles, names and labels it gives things: an id that is its own title ("Rosa") is no leak. */
  words: ReadonlySet<string>;
  /** Every text the author wrote, longest first: "an order-ahead app" in a summary is English, not an id. */
  authored: readonly string[];
}

const NONE: Vocabulary = { ids: new Set(), words: new Set(), authored: [] };

/** The problems in one piece of text; `vocabulary` is the scenario's, for ids. */
export function leaks(text: string, vocabulary: Vocabulary = NONE): string[] {
  const { ids, words } = vocabulary;
  const found: string[] = [];
  const phase = PHASE.exec(text);
  if (phase) found.push(`raw phase "${phase[0]}"`);
  for (const m of text.matchAll(CAMEL)) if (!CAMEL_ALLOWED.has(m[0].replace(/s$/, ''))) found.push(`camelCase "${m[0]}"`);
  if (PAREN_S.test(text)) found.push('"(s)" plural');
  const decision = DECISION_ID.exec(text);
  if (decision) found.push(`decision id "${decision[0]}"`);
  const plural = wrongPlural(text);
  if (plural) found.push(`wrong plural ${plural}`);
  const decimal = LONG_DECIMAL.exec(text) ?? DECIMAL_PERCENT.exec(text);
  if (decimal) found.push(`long decimal "${decimal[0]}"`);
  let generated = text;
  for (const a of vocabulary.authored) if (generated.includes(a)) generated = generated.split(a).join(' ¶ ');
  for (const id of ids) {
    if (words.has(id.toLowerCase()) || ENGLISH.has(id)) continue;
    // An id that reads as a word is a leak only where text quotes it or puts it in brackets as a name.
    const pattern = idLike(id) ? new RegExp(`(^|[^\\w-])${escape(id)}(?![\\w-])`) : new RegExp(`["“(]${escape(id)}["”)]`);
    if (pattern.test(generated)) found.push(`id "${id}"`);
  }
  return found;
}

/** Every `id` in a scenario, however deep, the titles and names it gives things, and its texts. */
export function scenarioVocabulary(scenario: unknown): Vocabulary {
  const ids = new Set<string>();
  const words = new Set<string>();
  const texts = new Set<string>();
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (typeof v === 'string') texts.add(v);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'id' && typeof x === 'string') ids.add(x);
        else {
          if ((k === 'title' || k === 'name' || k === 'label') && typeof x === 'string') words.add(x.toLowerCase());
          walk(x);
        }
      }
    }
  };
  walk(scenario);
  const authored = [...texts].filter((t) => t.length >= 4 && !ids.has(t)).sort((a, b) => b.length - a.length);
  return { ids, words, authored };
}
