/**
 * Product Goal and Sprint Goal checks: one objective; an outcome for people rather than a list
 * of outputs; for a Product Goal a measure and a horizon; for a Sprint Goal a link to the Product
 * Goal (when its text is given). With a scenario's product terms, both are also checked for a
 * tie to the product.
 */
import { oneLine } from './normalise';
import { clipText } from './story';
import { contentStems, firstHit, PERSON_WORDS, phraseRegex, withoutQuotes, words } from './words';
import type { Finding } from './types';

export const PRODUCT_GOAL_CRITERIA = ['one objective', 'outcome', 'measure', 'horizon', 'tied to the product'] as const;
export const SPRINT_GOAL_CRITERIA = ['one objective', 'outcome', 'linked to the product goal', 'tied to the product'] as const;

const q = (s: string) => `"${clipText(s)}"`;

const NUM = '(?:\\d+(?:[.,]\\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty|thirty|few|couple\\s+of)';
const UNIT = '(?:weeks?|months?|quarters?|years?|sprints?|seasons?|terms?|days?)';
const MONTH = '(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)';
const WHEN = `(?:${MONTH}(?:\\s+\\d{4})?|spring|summer|autumn|fall|winter|christmas|easter|q[1-4](?:\\s*\\d{2,4})?|h[12](?:\\s*\\d{2,4})?|\\d{4}|next\\s+year|this\\s+year|year[- ]end|the\\s+new\\s+year|the\\s+deadline|the\\s+end\\s+of\\s+(?:the\\s+)?(?:year|quarter|financial\\s+year|season|term|month|sprint|summer|spring|autumn|winter|${MONTH}|\\d{4}|(?:this|next)\\s+(?:year|quarter|financial\\s+year))|the\\s+(?:spring|summer|autumn|winter)|(?:the\\s+)?(?:next|this)\\s+(?:financial\\s+year|quarter|season|summer|winter|spring|autumn|term))`;
const HORIZON = new RegExp(
  [
    `(?<![\\p{L}])(?:within|in|over|during|for|after|across|inside)\\s+(?:the\\s+)?(?:next\\s+|first\\s+|coming\\s+|following\\s+)?${NUM}\\s+${UNIT}(?![\\p{L}])`,
    `(?<![\\p{L}])(?:within|in|over|during|inside)\\s+(?:the\\s+)?(?:next|first|coming|following)\\s+${UNIT}(?![\\p{L}])`,
    `(?<![\\p{L}])(?:by|before|until|till|ahead\\s+of|in|from)\\s+(?:the\\s+)?${WHEN}(?![\\p{L}])`,
    `(?<![\\p{L}])(?:this|next)\\s+(?:year|quarter|financial\\s+year|season|summer|winter|spring|autumn|term)(?![\\p{L}])`,
    `(?<![\\p{L}])(?:end\\s+of\\s+(?:the\\s+)?(?:year|quarter|${MONTH}))(?![\\p{L}])`,
    `(?<![\\p{L}])(?:${NUM})\\s+${UNIT}\\s+from\\s+now(?![\\p{L}])`,
    `(?<![\\p{L}])(?:before|by\\s+the\\s+time)\\s+(?:the|our|its|their)\\s+[\\p{L}\\p{N}' -]{1,40}?\\s+(?:ends|expires|runs\\s+out|closes|starts|opens)(?![\\p{L}])`,
  ].join('|'),
  'giu',
);

const MEASURE = new RegExp(
  [
    '\\d',
    '%',
    '(?<![\\p{L}])(?:per\\s*cent|percent|half|halve|halved|halving|double|doubled|doubling|triple|tripled|twice|third|thirds|quarter|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|hundreds|thousand|thousands|zero|dozen)(?![\\p{L}])',
  ].join('|'),
  'iu',
);

function horizonSpan(text: string): string | undefined {
  const m = new RegExp(HORIZON.source, 'iu').exec(text.toLowerCase());
  if (!m) return undefined;
  return text.length === text.toLowerCase().length ? text.slice(m.index, m.index + m[0].length) : m[0];
}

function measure(text: string): Finding {
  const c = 'measure';
  const rest = withoutQuotes(text.toLowerCase()).replace(HORIZON, ' ');
  const m = MEASURE.exec(rest);
  if (m) return { criterion: c, ok: true, message: 'It has a number to measure progress by.' };
  return { criterion: c, ok: false, message: `${q(text)} has no number to measure progress by. Add a measure people can check, such as "by 40%" or "from 900 to 500 calls a week".` };
}

function horizon(text: string): Finding {
  const c = 'horizon';
  const h = horizonSpan(text);
  if (h) return { criterion: c, ok: true, message: `It says when: ${q(h)}.` };
  return { criterion: c, ok: false, message: `${q(text)} does not say by when. Add a horizon, such as "within two quarters" or "by next summer".` };
}

const GOAL_VERBS = new Set(
  `cut reduce raise increase grow halve double triple lower launch win build deliver ship release migrate improve fix finish
  complete add move open hire expand keep get make become start stop create introduce replace upgrade rebuild redesign`.split(/\s+/),
);
const OBJECTIVE_JOIN = /(?<![\p{L}])(?:and|as\s+well\s+as|plus|also|while\s+also|and\s+also)\s+(?:also\s+|then\s+|to\s+|we\s+|will\s+)?([\p{L}-]+)/gu;

function oneObjective(text: string): Finding {
  const c = 'one objective';
  const t = withoutQuotes(oneLine(text));
  const lower = t.toLowerCase();
  const semi = /;|\s[-–—]\s|(?<![\p{L}\p{N}][.])[.!?]\s+\S/u.exec(lower);
  if (semi) return { criterion: c, ok: false, message: `${q(text)} has more than one part. Keep the one objective that matters most and drop or park the others.` };
  for (const m of lower.matchAll(OBJECTIVE_JOIN)) {
    const next = m[1]!;
    if (GOAL_VERBS.has(next) || /^(?:also)$/.test(next) || /also/.test(m[0])) {
      const joined = text.length === lower.length ? text.slice(m.index, m.index + m[0].length) : m[0];
      return { criterion: c, ok: false, message: `${q(joined)} starts a second objective. Choose the one that matters most; a team can pursue only one goal at a time.` };
    }
  }
  if (/(?<![\p{L}])also(?![\p{L}])/u.test(lower)) return { criterion: c, ok: false, message: `"also" in ${q(text)} adds a second objective. Keep one.` };
  const clause = /,\s*(?:and|but|while)\s+(?:the\s+|our\s+|their\s+)?[\p{L}-]+\s+(?:can|will|should|must|are|is|get|have)(?![\p{L}])/u.exec(lower);
  if (clause) return { criterion: c, ok: false, message: `${q(text)} gives a second group its own objective (${q(clause[0].replace(/^,\s*/, ''))}). Keep the one that matters most.` };
  const body = lower.replace(HORIZON, ' ');
  if (/,\s*(?:the|a|an|our|their|items?|\d)[^,]*(?<![\p{L}])(?:and|or)\s/u.test(body) && !hasOutcome(lower))
    return { criterion: c, ok: false, message: `${q(text)} is a list. Pick the one objective behind the list.` };
  return { criterion: c, ok: true, message: 'It has one objective.' };
}

const OUTPUT_VERB = phraseRegex([
  'launch', 'launched', 'build', 'built', 'deliver', 'delivered', 'ship', 'shipped', 'release', 'released', 'implement',
  'implemented', 'develop', 'developed', 'create', 'add', 'added', 'migrate', 'migrated', 'move', 'moved', 'install',
  'redesign', 'rebuild', 'roll out', 'rolled out', 'complete', 'completed', 'finish', 'finished', 'introduce', 'set up',
  'upgrade', 'replace', 'integrate', 'deploy', 'finalise', 'finalize', 'write', 'code', 'design', 'refactor', 'do',
  'work on', 'get done', 'put', 'open', 'opened', 'switch over', 'switched over', 'done', 'put live', 'go live', 'go-live', 'items', 'tickets',
  'stories', 'tasks', 'features', 'fix', 'fixed', 'improve', 'improved', 'quality', 'tidy up', 'clean up', 'tech debt',
  'technical debt', 'refresh', 'bugs',
]);
const OUTPUT_NOUN = phraseRegex([
  'app', 'website', 'feature', 'features', 'dashboard', 'chatbot', 'platform', 'tool', 'module', 'database', 'api',
  'release', 'version', 'system', 'screen', 'screens', 'page', 'pages', 'backlog items', 'items',
]);
const OUTCOME_MARK = phraseRegex([
  'cut', 'cuts', 'reduce', 'reduces', 'reduced', 'increase', 'increases', 'increased', 'raise', 'grow', 'grows', 'halve',
  'double', 'fewer', 'more', 'less', 'lower', 'higher', 'help', 'helps', 'enable', 'enables', 'let', 'lets', 'so that',
  'keep', 'keeps', 'win', 'save', 'saves', 'stop', 'stops', 'avoid', 'without', 'able to', 'can', 'satisfaction',
  'proud', 'trust', 'return', 'come back', 'choose', 'chooses', 'adopt', 'adopts', 'adoption', 'retention', 'rate',
  'share', 'prove', 'learn', 'find out', 'validate', 'know whether', 'know if', 'test whether', 'confirm whether',
  'shorten', 'speed up', 'spend less', 'wait less', 'no longer', 'instead of', 'rather than', 'on their own',
  'by themselves', 'happier', 'happy', 'satisfied', 'per cent', 'percent', '%', 'every week', 'each week', 'a week',
  'a month', 'a day', 'per week', 'per month', 'per day', 'recommend', 'love', 'rely on', 'depend on', 'get back',
]);

function hasOutcome(lower: string): boolean {
  return firstHit(lower, OUTCOME_MARK) !== undefined;
}

function outcomePart(part: string): { verb?: string; noun?: string } | undefined {
  const lower = part.toLowerCase();
  if (hasOutcome(lower)) return undefined;
  // Work to do is written as an order: "Launch …", "Within a year, replace …".
  const lead = part.replace(new RegExp(HORIZON.source, 'giu'), ' ').replace(/^[\s,;:.-]+/u, '');
  const verb = firstHit(lead, OUTPUT_VERB);
  if (verb && verb.index === 0) return { verb: verb.quote };
  const noun = firstHit(part, OUTPUT_NOUN);
  if (noun && !firstHit(part, phraseRegex(PERSON_WORDS)) && !MEASURE.test(lead.toLowerCase())) return { noun: noun.quote };
  return undefined;
}

function outcome(text: string): Finding {
  const c = 'outcome';
  const t = withoutQuotes(oneLine(text));
  const parts = t
    .split(/;|(?<![\p{L}])(?:and\s+also|also|as\s+well\s+as|plus)(?![\p{L}])/iu)
    .flatMap((x) => x.split(/(?<![\p{L}])and\s+(?=[\p{L}-]+)/iu).reduce<string[]>((acc, piece, i) => {
      if (i > 0 && GOAL_VERBS.has(words(piece)[0] ?? '')) acc.push(piece);
      else if (acc.length) acc[acc.length - 1] += ` and ${piece}`;
      else acc.push(piece);
      return acc;
    }, []))
    .filter((x) => words(x).length > 0);
  for (const part of parts.length ? parts : [t]) {
    const bad = outcomePart(part);
    if (bad)
      return { criterion: c, ok: false, message: `${q(part.trim())} describes ${bad.verb ? `work to do (${JSON.stringify(bad.verb)})` : `a thing to build (${JSON.stringify(bad.noun)})`}. Say what will be different for the people who use the product, for example what they can do or how much less they wait.` };
  }
  return { criterion: c, ok: true, message: 'It describes a change for people, not just things to build.' };
}

const GENERIC = new Set(['make', 'help', 'get', 'product', 'goal', 'sprint', 'user', 'customer', 'people', 'team', 'work', 'thing', 'way', 'time', 'first', 'next', 'good', 'use', 'new', 'able', 'well', 'still'].map((w) => w));

function linked(text: string, productGoal: string): Finding {
  const c = 'linked to the product goal';
  const pg = new Set(contentStems(productGoal).filter((w) => !GENERIC.has(w)));
  const mine = contentStems(text).filter((w) => !GENERIC.has(w));
  const shared = [...new Set(mine.filter((w) => pg.has(w)))];
  if (/(?<![\p{L}])product\s+goal(?![\p{L}])/iu.test(text) || shared.length) {
    const word = shared.length ? words(text).find((w) => shared.includes(contentStems(w)[0] ?? '')) : 'Product Goal';
    return { criterion: c, ok: true, message: `It ties to the Product Goal through ${JSON.stringify(word ?? shared[0])}.` };
  }
  // The Product Goal is quoted whole: the player knows it, and a clipped quote reads as a misquote.
  return { criterion: c, ok: false, message: `Nothing in ${q(text)} points to the Product Goal ("${productGoal}"). Say how this Sprint moves it, for example by naming the same people or the same measure.` };
}

function tied(text: string, terms: readonly string[]): Finding {
  const c = 'tied to the product';
  const mine = new Set(contentStems(text).filter((w) => !GENERIC.has(w)));
  for (const term of terms) {
    const stems = contentStems(term).filter((w) => !GENERIC.has(w));
    if (stems.length && stems.some((w) => mine.has(w))) return { criterion: c, ok: true, message: `It uses the product's own words, such as ${q(term)}.` };
  }
  return { criterion: c, ok: false, message: `${q(text)} could be about any product. Name who it serves or what it measures in this product's terms, such as ${terms.slice(0, 2).map((t) => q(t)).join(' or ')}.` };
}

export function checkProductGoal(text: string, terms?: readonly string[]): Finding[] {
  const out = [oneObjective(text), outcome(text), measure(text), horizon(text)];
  if (terms && terms.length) out.push(tied(text, terms));
  return out;
}

export function checkSprintGoal(text: string, productGoal?: string, terms?: readonly string[]): Finding[] {
  const out = [oneObjective(text), outcome(text)];
  if (productGoal && productGoal.trim()) out.push(linked(text, productGoal));
  if (terms && terms.length) out.push(tied(text, terms));
  return out;
}


