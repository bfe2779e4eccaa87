import type { Observation } from '../engine';

/*
 * How the scripted bots read the text a player sees: vision fragments, research snippets,
 * interview notes, role titles, feature requests and market evidence. Each reading is a small
 * table of cues with the reason it is there, so the tables read as a rubric and can be argued with.
 *
 * The cues are structural ("For ... who ...", a quotation, a universal "all young people") or
 * general English ("unlike", "probably", "worried"), never words of one scenario: they have to work
 * on text the bots have not seen.
 */

/** A cue: when the pattern matches the lower-cased text, the reading gains `weight`. */
export interface Cue {
  readonly pattern: RegExp;
  readonly weight: number;
  readonly why: string;
}

/** The summed weight of the cues that match `text` (each cue counts once). */
export function cueScore(text: string, cues: readonly Cue[]): number {
  const t = text.toLowerCase();
  let score = 0;
  for (const cue of cues) if (cue.pattern.test(t)) score += cue.weight;
  return score;
}

// ---------------------------------------------------------------------------------------------
// Vision fragments: a vision that guides names who it is for, what they need and why this
// product; features and slogans make it longer, not clearer.

export const VISION_GOOD_CUES: readonly Cue[] = [
  { pattern: /^\s*for\b/, weight: 2, why: 'An elevator pitch opens with whom the product is for.' },
  { pattern: /\bwho\b/, weight: 1, why: 'A target customer is described by what they are like or do.' },
  {
    pattern: /\b(needs?|needed|wants?|struggles?|without|hates?|wastes?|tired of|ha(ve|s) to|can't|cannot|lose|loses|worr(y|ies)|pain)\b/,
    weight: 1,
    why: 'A need or a pain is what the product is for.',
  },
  { pattern: /\b(unlike|instead of|rather than|compared (with|to)|where others|no other)\b/, weight: 2, why: 'A differentiator says why this product and not another.' },
];

export const VISION_POOR_CUES: readonly Cue[] = [
  {
    pattern: /\b(apps?|screens?|buttons?|calendars?|reminders?|notifications?|catalog(ue)?s?|dashboards?|chatbots?|ai|scanning|barcodes?|qr|sms|e-?mails?|log-?in|integrations?|api|databases?|maps?|filters?|uploads?|photos|reviews|features?)\b/,
    weight: 1,
    why: 'Naming screens and functions describes a solution, not a direction.',
  },
  { pattern: /,[^,]*\band\b/, weight: 1, why: 'A list of things the product has is a feature list.' },
  {
    pattern: /\b(best|most|greatest|leading|number one|world-class|innovative|revolutionary|amazing|awesome|great|better|ultimate|cutting-edge|next-generation|game-changing|seamless|exciting|excellence)\b/,
    weight: 2,
    why: 'Superlatives and slogans sound good and decide nothing.',
  },
];

/** Whether a fragment reads as customer, need or differentiator more than as a feature or a slogan. */
export function guidesVision(text: string): boolean {
  return cueScore(text, VISION_GOOD_CUES) > cueScore(text, VISION_POOR_CUES);
}

/** Whether a fragment reads as a feature list or a slogan (what a vision padded by requests looks like). */
export function padsVision(text: string): boolean {
  return cueScore(text, VISION_POOR_CUES) > cueScore(text, VISION_GOOD_CUES);
}

// ---------------------------------------------------------------------------------------------
// Persona snippets: goals, pains, behaviour and context seen in research make a persona; a
// generalisation about a whole group, or a guess, makes a stereotype.

export const PERSONA_POOR_CUES: readonly Cue[] = [
  {
    pattern: /\b(millennials?|gen ?z|boomers?|young people|old people|older people|the elderly|pensioners|teenagers|tech-savvy|stereotypical|typical|average (customer|user|person))\b/,
    weight: 1,
    why: 'A generation or an "average" person is a stereotype, not someone observed.',
  },
  { pattern: /\b(in their|aged?)\s+(teens|twenties|thirties|forties|fifties|sixties|seventies|\d+)|\b\d+-year-olds?\b|\b\d{2}\s*(-|to)\s*\d{2}\b/, weight: 1, why: 'An age band says who, not what they need.' },
  { pattern: /\b(men|women|mums|moms|dads|guys|girls|boys|ladies|housewives)\b/, weight: 1, why: 'A gender generalisation is a stereotype.' },
  {
    pattern: /\b(all|every|no)\s+(young|old|people|customers|users|members|residents|women|men|students|parents|workers|millennials)\b|\b(everyone|everybody|nobody)\b|\blike (all|most)\b/,
    weight: 1,
    why: 'A claim about all of a group was not observed in anyone.',
  },
  {
    pattern: /\b(probably|presumably|surely|i bet|we bet|guess|assumes?|we think|we believe|no doubt|obviously|must be|bound to|would love|will love|i'm sure|certainly)\b/,
    weight: 1,
    why: 'A hedge or a guess is an assumption nobody has tested.',
  },
];

/** Whether a research snippet reads as observed material for a persona (no stereotype, no guess). */
export function observedTrait(text: string): boolean {
  return cueScore(text, PERSONA_POOR_CUES) === 0;
}

// ---------------------------------------------------------------------------------------------
// Empathy map: a quotation is what they say; believing and wondering is what they think; an
// emotion is what they feel; anything else observed is what they do.

export type EmpathyQuadrant = 'says' | 'thinks' | 'feels' | 'does';

export const EMPATHY_CUES: readonly { readonly quadrant: EmpathyQuadrant; readonly pattern: RegExp; readonly why: string }[] = [
  { quadrant: 'says', pattern: /^\s*["\u201c\u2018'\u00ab]|^\s*(says|said)\b|\b(told us|tells us)\b/, why: 'Words in quotation marks are what the person said.' },
  {
    quadrant: 'thinks',
    pattern: /\b(thinks?|believes?|wonders?|assumes?|suspects?|doubts?|expects?|is sure|is convinced|imagines?|reckons?)\b/,
    why: 'Beliefs and doubts are what the person thinks, spoken or not.',
  },
  {
    quadrant: 'feels',
    pattern:
      /\b(feels?|afraid|anxious|worried|worries|embarrassed|ashamed|frustrated|annoyed|angry|stressed|nervous|scared|proud|relieved|guilty|lonely|overwhelmed|uneasy|fed up|upset|fears?|dreads?)\b/,
    why: 'An emotion is what the person feels.',
  },
];

/** The empathy-map quadrant a note reads as. */
export function empathyQuadrant(text: string): EmpathyQuadrant {
  const t = text.toLowerCase();
  for (const cue of EMPATHY_CUES) if (cue.pattern.test(t)) return cue.quadrant;
  return 'does';
}

// ---------------------------------------------------------------------------------------------
// Stakeholder map: influence read from the role title (who can fund, stop or steer the product),
// interest from the title and from visible behaviour (how many backlog items they asked for).

export type MapQuadrant = 'manageClosely' | 'keepSatisfied' | 'keepInformed' | 'monitor';

/** A role tagged as a user, buyer or customer: they live with the product but sign no budget for it. */
const USER_TAG = /\((users?|buyers?|customers?)\)/;
/** People outside the organisation with no formal say over the product. */
const OUTSIDE = /\b(local|charity|community|neighbou?ring|volunteers?)\b/;
/** Roles that fund, own or can stop the product. */
const POWER = /\b(sponsors?|owners?|investors?|board|directors?|ceo|founders?|executives?|chief|chair|trustees?|president|regulators?|inspectors?|auditors?|officers?|councillors?|cabinet|ministers?|partners?|head|lead|managers?|vp)\b/;
/** Roles that oversee rather than use: they care about one duty, not the product's details. */
const OVERSIGHT = /\b(regulators?|officers?|councillors?|cabinet|ministers?|audit|auditors?|inspectors?|compliance|legal|security)\b/;
/** Executives run the organisation whose product it is: they follow it, unless their brief is one duty (security, audit). */
const EXECUTIVE = /\b(chief|ceo|cto|cfo|coo|vp)\b/;
/** Roles that put money in: they follow how it is spent. */
const FUNDER = /\b(sponsors?|investors?|owners?|founders?|ceo|chair)\b/;

/** Reading weights for the stakeholder map; the grid's line is at 0.5 on each axis. */
export const STAKEHOLDER_READING = {
  lowInfluence: 0.3,
  highInfluence: 0.7,
  userInterest: 0.7,
  oversightInterest: 0.25,
  funderInterest: 0.6,
  otherInterest: 0.4,
  /** Each backlog item a stakeholder asked for shows interest in the product's direction. */
  perRequest: 0.1,
} as const;

/** Influence and interest (0..1) a PO would read off a role title and the number of visible requests. */
export function readStakeholder(role: string, requests: number): { influence: number; interest: number } {
  const r = role.toLowerCase();
  const k = STAKEHOLDER_READING;
  const user = USER_TAG.test(r);
  const outside = OUTSIDE.test(r);
  const influence = user || outside || !POWER.test(r) ? k.lowInfluence : k.highInfluence;
  const oversight = OVERSIGHT.test(r) && !(EXECUTIVE.test(r) && !/\b(security|audit|compliance|legal|risk)\b/.test(r));
  const funder = (FUNDER.test(r) || EXECUTIVE.test(r)) && !outside;
  const base = user ? k.userInterest : oversight ? k.oversightInterest : funder ? k.funderInterest : k.otherInterest;
  return { influence, interest: Math.min(1, base + k.perRequest * requests) };
}

/** The grid quadrant of a reading. */
export function quadrantOf(influence: number, interest: number): MapQuadrant {
  if (influence >= 0.5) return interest >= 0.5 ? 'manageClosely' : 'keepSatisfied';
  return interest >= 0.5 ? 'keepInformed' : 'monitor';
}

/** Where a PO reading the visible behaviour would put each stakeholder. */
export function readStakeholderMap(obs: Observation): Map<string, MapQuadrant> {
  const requests = requestCounts(obs);
  const out = new Map<string, MapQuadrant>();
  for (const s of obs.stakeholders) {
    const { influence, interest } = readStakeholder(s.role, requests.get(s.id) ?? 0);
    out.set(s.id, quadrantOf(influence, interest));
  }
  return out;
}

/** How many items in sight each stakeholder asked for (an item in two lists counts once). */
export function requestCounts(obs: Observation): Map<string, number> {
  const seen = new Set<string>();
  const counts = new Map<string, number>();
  for (const list of [obs.backlog, obs.sprintBacklog, obs.increment])
    for (const i of list) {
      if (i.requestedBy === null || seen.has(i.id)) continue;
      seen.add(i.id);
      counts.set(i.requestedBy, (counts.get(i.requestedBy) ?? 0) + 1);
    }
  return counts;
}

// ---------------------------------------------------------------------------------------------
// Off-vision work: a story whose benefit is how the organisation looks, not what a customer needs.

/** Benefits that serve the organisation's image (brand, press, a modern look, rankings), not a user. */
const IMAGE_BENEFIT = /\b(brand|looks?|image|modern|premium|press|ranks?|better known|earns?|revenue|impress\w*|famous|prestige)\b/;

/**
 * Whether an item's own "so that ..." names only the organisation's image as its benefit. Such
 * work does not move the product towards a vision that is about its customers' needs.
 */
export function servesOnlyTheImage(description: string): boolean {
  const benefit = description.toLowerCase().split('so that')[1];
  return benefit !== undefined && IMAGE_BENEFIT.test(benefit);
}

// ---------------------------------------------------------------------------------------------
// Feature requests: what the request itself says it copies or keeps.

export type RequestKind = 'need' | 'habit' | 'competitor';

export const REQUEST_CUES: readonly { readonly kind: Exclude<RequestKind, 'need'>; readonly pattern: RegExp; readonly why: string }[] = [
  {
    kind: 'competitor',
    pattern:
      /\b(competitors?|rivals?|keep up with|catch up with)\b|\b(like|as|the way)\s+(in\s+)?(the\s+)?(big|other|bigger|commercial)\b|\blike the [\w-]+('s|s')|\blike the one (i|we) saw\b|\bchains?\b[^.]*\b(do|does|have|has|offer)\b/,
    why: 'A request justified by what others have copies a competitor.',
  },
  {
    kind: 'habit',
    pattern: /\b(always (used|had|done)|used to|as before|like before|the old (way|form|system)|paper|printed|print|folder|as we do now|we have always)\b/,
    why: 'A request to keep the old way of working is a habit.',
  },
];

/** The kind a request's own words point to, or null when they say nothing about it. */
export function requestKindFromText(text: string): Exclude<RequestKind, 'need'> | null {
  const t = text.toLowerCase();
  for (const cue of REQUEST_CUES) if (cue.pattern.test(t)) return cue.kind;
  return null;
}

// ---------------------------------------------------------------------------------------------
// Pivot or persist: how much the evidence behind a market signal weighs.

export const EVIDENCE_CUES: readonly Cue[] = [
  { pattern: /\b(analytics|data|surveys?|interviews|trial|experiment|a\/b|cohort|repeat orders|conversion|retention|usage)\b/, weight: 1, why: 'Measured behaviour is evidence.' },
  { pattern: /\b(consistent(ly)?|agree|across|every week|each week|month after month|all \w+ sources)\b|%|\bper ?cent\b/, weight: 1, why: 'Consistency across sources or time makes a signal strong.' },
  {
    pattern:
      /\b(one|two|three|four|five|a few|a couple of|a handful of)\s+(customers?|users?|people|members?|residents?|regulars?|friends?|of them|stakeholders?|managers?|teams?|developers?)\b|\b(mentioned|heard|rumou?rs?|anecdot\w*|a friend|overheard|hunch|gut feeling|blog|article|opinion|at the (counter|desk|door))\b/,
    weight: -2,
    why: 'A handful of remarks is an anecdote, not a trend.',
  },
  {
    pattern: /\b(kept using|keep using|still use|stayed|came back|renewed|did not know (it|about it) existed|never heard of)\b/,
    weight: -3,
    why: 'When those who try the product keep it, low numbers point to reach, not to a wrong goal.',
  },
];

/** People or data points at or above this count make a sample worth acting on; at or below `few`, an anecdote. */
export const SAMPLE = { many: 20, few: 5 } as const;

/** How strong the evidence reads: above 0, strong enough to change course. */
export function evidenceStrength(text: string): number {
  const numbers = (text.match(/\d[\d,]*/g) ?? []).map((n) => Number(n.replace(/,/g, ''))).filter((n) => Number.isFinite(n));
  const largest = numbers.length ? Math.max(...numbers) : null;
  const size = largest === null ? 0 : largest >= SAMPLE.many ? 2 : largest <= SAMPLE.few ? -1 : 0;
  return size + cueScore(text, EVIDENCE_CUES);
}
