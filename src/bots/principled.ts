import type { Action, ActionType, ListedAction, Observation, Step, VisibleItem } from '../engine';
import type { PolicyFactory } from './policy';

/*
 * The principled Product Owner: plays as the 2020 Scrum Guide and the CSPO outline teach, from
 * what a player sees (the observation and the listed actions) and nothing else.
 *
 * The first half of this file is shared reading help for the scripted bots (hippo and yes use it
 * too): finding a listed action, scoring a label with small keyword rules, ordering by visible
 * value. The second half is the principled policy itself.
 */

export type Choice = { id: string } | Action;

/** The listed actions of one type, in listing order. */
export function listedOf(step: Step, type: ActionType): ListedAction[] {
  return step.actions.filter((a) => a.type === type);
}

/** The first listed action whose action data matches, as `{ id }`; ids are never parsed or built. */
export function listedWhere(step: Step, match: (a: Action) => boolean): { id: string } | null {
  const found = step.actions.find((a) => match(a.action));
  return found ? { id: found.id } : null;
}

/** The one listed action when there is no choice to make (a day passing); saves reading the observation. */
export function onlyChoice(step: Step): { id: string } | null {
  return step.actions.length === 1 ? { id: step.actions[0]!.id } : null;
}

/** The first listed action of `type`, as `{ id }`. */
export function listedType(step: Step, type: ActionType): { id: string } | null {
  return listedWhere(step, (a) => a.type === type);
}

/**
 * A keyword rule for reading a choice label: when any phrase occurs (case-insensitive) the label
 * gains `weight`. `why` says which practice the rule encodes, so the tables read as a rubric.
 */
export interface LabelRule {
  readonly phrases: readonly string[];
  readonly weight: number;
  readonly why: string;
}

export function labelScore(label: string, rules: readonly LabelRule[]): number {
  const text = label.toLowerCase();
  let score = 0;
  for (const rule of rules) if (rule.phrases.some((p) => text.includes(p))) score += rule.weight;
  return score;
}

/** The highest-scoring of `options` under `rules`; the first listed wins ties. */
export function bestByLabel<T extends { label: string }>(options: readonly T[], rules: readonly LabelRule[]): T | undefined {
  let best: T | undefined;
  let bestScore = -Infinity;
  for (const o of options) {
    const s = labelScore(o.label, rules);
    if (s > bestScore) {
      best = o;
      bestScore = s;
    }
  }
  return best;
}

/**
 * What a persona answers: the option its beliefs favour most, or, when none of them speaks to
 * any option, a guess from the persona's own seeded stream (it has no principle to go by).
 */
export function believe<T extends { id: string; label: string }>(options: readonly T[], rules: readonly LabelRule[], guess: () => number): { id: string } | null {
  if (options.length === 0) return null;
  const best = bestByLabel(options, rules)!;
  if (labelScore(best.label, rules) > 0) return { id: best.id };
  return { id: options[Math.min(options.length - 1, Math.floor(guess() * options.length))]!.id };
}

/** Plain code-unit order, so ties break the same way in every runtime and locale. */
export function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function sameOrder(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

/**
 * The items from the top that fit in `points`, the way the Developers select: they pass over what
 * they cannot take (`takeable`, by default anything but an epic) and stop at the first that does
 * not fit.
 */
export function likelySelection(items: readonly VisibleItem[], points: number, takeable: (i: VisibleItem) => boolean = (i) => i.type !== 'epic'): VisibleItem[] {
  const out: VisibleItem[] = [];
  let planned = 0;
  for (const item of items) {
    if (!takeable(item)) continue;
    if (out.length > 0 && planned + item.estimate > points) break;
    out.push(item);
    planned += item.estimate;
  }
  return out;
}

/** An action that reorders the whole Product Backlog, or null when it is already in that order (or cannot be reordered now). */
export function reorder(step: Step, wanted: readonly string[]): Choice | null {
  if (listedOf(step, 'orderBacklog').length === 0) return null;
  const current = step.observation.backlog.map((i) => i.id);
  return sameOrder(current, wanted) ? null : { type: 'orderBacklog', itemIds: [...wanted] };
}

// ---------------------------------------------------------------------------------------------
// Product Goal: judged from the option text, as a player would judge it.

/** Words that carry no meaning for vision alignment. */
const STOPWORDS = new Set(
  'about after also because before from have into just like lets make many more most much only over than that their them then they this unlike very want what when where which while will with within without your'.split(' '),
);

/** Content words, lower-case with a trailing plural "s" dropped, so "orders" meets "order". */
export function contentWords(text: string): Set<string> {
  const words = text.toLowerCase().match(/[a-z\u00e0-\u00ff]+/g) ?? [];
  const out = new Set<string>();
  for (const w of words) {
    if (w.length < 4 || STOPWORDS.has(w)) continue;
    out.add(w.length > 4 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w);
  }
  return out;
}

const QUANTITY = /\d|%|\b(half|third|quarter of|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|fifty|hundred|percent|double|twice)\b/;
const TIME_BOUND = /\b(within|by|before|until|in the next)\b.*\b(day|week|month|quarter|year|sprint|release)s?\b|\b(day|week|month|quarter|year)s?\b/;
/** Goals that count outputs (features shipped) instead of an outcome for users. */
const OUTPUT_COUNT = /\b(ship|deliver|build|release)\b.*\bfeatures?\b|\bfeatures\b/;

/**
 * How well a Product Goal option reads as a Product Goal: measurable (a quantity and a time
 * bound), serving the vision (shares content words with it) and an outcome rather than a count
 * of features.
 */
export function productGoalScore(text: string, vision: string): number {
  const t = text.toLowerCase();
  const measurable = QUANTITY.test(t) && TIME_BOUND.test(t);
  const visionWords = contentWords(vision);
  let overlap = 0;
  for (const w of contentWords(text)) if (visionWords.has(w)) overlap += 1;
  return (measurable ? 4 : 0) + Math.min(3, overlap) - (OUTPUT_COUNT.test(t) ? 3 : 0);
}

// ---------------------------------------------------------------------------------------------
// The principled policy.

/** Refinement share the principled PO keeps: inside the 5-10% band, at its top so more items arrive refined. */
export const PRINCIPLED_REFINEMENT_SHARE = 10;

/** Technical debt at or above which the retrospective improvement should pay it down. */
export const HIGH_TECH_DEBT = 30;
/** A Definition of Done strength below this is too basic for a releasable Increment. */
export const SOUND_DOD = 2;

/** How a good PO answers the events: one row per practice, read against each choice's label. */
export const PRINCIPLED_EVENT_RULES: readonly LabelRule[] = [
  { phrases: ['order it against', 'to the product backlog and order'], weight: 3, why: 'A new request competes on value through the Product Backlog; the Sprint Goal stays intact.' },
  { phrases: ['without endangering the sprint goal'], weight: 1, why: 'Scope may be negotiated with the Developers while the Sprint Goal holds.' },
  { phrases: ['to the current sprint'], weight: -3, why: 'Pushing work into a running Sprint endangers the Sprint Goal.' },
  { phrases: ['talk with', 'explain'], weight: 2, why: 'Start with a conversation and show stakeholders the real channel to the backlog.' },
  { phrases: ['invite'], weight: 1, why: 'Stakeholders are heard at refinement and the Sprint Review.' },
  { phrases: ['complain', 'escalate'], weight: -2, why: 'Escalating first damages the relationship.' },
  { phrases: ['let it go', 'keep the peace'], weight: -2, why: 'Letting others reorder the work gives up accountability for the backlog.' },
  { phrases: ['decisions with the po', 'the product owner, who'], weight: 3, why: 'One accountable person orders the Product Backlog and listens to everyone.' },
  { phrases: ['more heads', 'most senior', 'since they do the work'], weight: -3, why: 'Neither a committee, seniority nor the Developers order the Product Backlog.' },
  { phrases: ['what users need', 'leave the how'], weight: 3, why: 'The PO clarifies the what; the Developers own the how.' },
  { phrases: ['exactly which', 'tell them exactly'], weight: -3, why: 'Dictating how to build undermines the Developers.' },
  { phrases: ['think about it', 'next week'], weight: -2, why: 'An open question blocks the Developers; the PO stays available.' },
];

/**
 * Knowledge checks, read against each answer's label. Each row is one Scrum principle, with the
 * phrases that state it (positive weight) or contradict it (negative weight).
 */
export const PRINCIPLED_ANSWER_RULES: readonly LabelRule[] = [
  { phrases: ['product goal', 'ordering the product backlog'], weight: 2, why: 'The PO develops the Product Goal and orders the Product Backlog.' },
  { phrases: ['assigning tasks', 'task list', 'setting the estimates'], weight: -3, why: 'The Developers plan and size their own work.' },
  { phrases: ['ongoing', 'add detail'], weight: 2, why: 'Refinement is an ongoing activity that adds detail, estimates and order.' },
  { phrases: ['signs off', 'sign-off', 'another name for', 'the same as'], weight: -3, why: 'Scrum has no sign-off stage, and each event and artefact has its own purpose.' },
  { phrases: ['inspect', 'adapt'], weight: 2, why: 'Scrum events exist to inspect and adapt.' },
  { phrases: ['like a gate', 'mandatory', 'mainly for the scrum master'], weight: -3, why: 'Reviews and readiness are collaboration, not gates.' },
  { phrases: ['not a gate', 'team agreement'], weight: 3, why: 'A Definition of Ready is an optional working agreement.' },
  { phrases: ['definition of done', 'released'], weight: 1, why: 'Done is the shared quality bar that makes an Increment releasable.' },
  { phrases: ['looks finished', 'whatever the po says'], weight: -3, why: 'Looking finished, or the PO\u2019s say-so, is not Done.' },
  { phrases: ['conditions', 'one understanding', 'shared understanding'], weight: 2, why: 'Acceptance criteria are conditions that give a shared understanding.' },
  { phrases: ['nice-to-have', 'we can drop'], weight: -3, why: 'Acceptance criteria define when an item is complete.' },
  { phrases: ['when delay costs differ', 'which features delight'], weight: 2, why: 'Each prioritisation framework answers a different question.' },
  { phrases: ['for every decision', 'loudest voice', 'ways of voting'], weight: -3, why: 'No single framework fits every decision, and none is a vote.' },
  { phrases: ['adoption', 'satisfaction', 'each feature is used', 'maximising the value'], weight: 2, why: 'Value is measured by outcomes for users and the business.' },
  { phrases: ['velocity keeps', 'number of features', 'as many features', 'every stakeholder happy'], weight: -3, why: 'Output, velocity and pleasing everyone are not value.' },
];

/** Split strategies in order of preference: thin vertical slices first, a spike only as a last resort, never technical layers. */
export const SPLIT_PREFERENCE = ['workflowStep', 'businessRule', 'dataVariation', 'interface', 'spike'] as const;

/** Items larger than this many points are split before they near the top: they rarely fit a Sprint. */
export const LARGE_ITEM = 8;

/**
 * Weights of visible cost of delay, WSJF style: urgent value decays fast; a fixed date due this
 * Sprint or the next must not slip; intangible value (upkeep, options) can wait a little; a date
 * already missed leaves little value to chase.
 */
export function delayWeight(item: VisibleItem, sprint: number): number {
  switch (item.costOfDelay) {
    case 'urgent':
      return 2;
    case 'fixedDate': {
      const left = (item.deadlineSprint ?? Number.MAX_SAFE_INTEGER) - sprint;
      return left < 0 ? 0.2 : left <= 1 ? 2.5 : 1;
    }
    case 'intangible':
      return 0.8;
    default:
      return 1;
  }
}

/**
 * The principled order: visible value per point weighted by cost of delay (WSJF), ties by id; a
 * fixed-date item due this Sprint first; whatever an item visibly depends on just above it; epics
 * (which no Sprint can take whole) after everything that can be taken.
 */
export function principledOrder(obs: Observation): string[] {
  const score = (i: VisibleItem) => (i.statedValue * delayWeight(i, obs.sprint)) / Math.max(1, i.estimate);
  const ranked = [...obs.backlog].sort((a, b) => score(b) - score(a) || byId(a, b));
  const dueNow = ranked.filter((i) => i.costOfDelay === 'fixedDate' && i.deadlineSprint === obs.sprint);
  const rest = ranked.filter((i) => !dueNow.includes(i));
  const order = [...dueNow, ...rest.filter((i) => i.type !== 'epic'), ...rest.filter((i) => i.type === 'epic')].map((i) => i.id);
  return dependenciesFirst(order, obs.backlog);
}

/** Moves every item's visible, unfinished dependencies just above it (stable otherwise). */
export function dependenciesFirst(order: readonly string[], items: readonly VisibleItem[]): string[] {
  const byKey = new Map(items.map((i) => [i.id, i]));
  const out: string[] = [];
  const placing = new Set<string>();
  const place = (id: string) => {
    if (out.includes(id) || placing.has(id) || !byKey.has(id)) return;
    placing.add(id);
    for (const dep of byKey.get(id)!.dependsOn ?? []) place(dep);
    placing.delete(id);
    out.push(id);
  };
  for (const id of order) place(id);
  return out;
}

/** Vague words and words that prescribe the solution: criteria using them are poor (unless a number makes them measurable). */
const VAGUE = /\b(fast|quick(ly)?|easy|easily|nice|intuitive|user-friendly|properly|correctly|well|good|better|seamless(ly)?|modern|appropriate(ly)?)\b/;
const IMPLEMENTATION = /\b(database|table|column|sql|api|endpoint|framework|react|server|cache|json|class|library|microservice)\b/;

/** Whether a candidate acceptance criterion reads as a clear, testable Given-When-Then about behaviour. */
export function goodCriterion(text: string): boolean {
  const t = text.toLowerCase();
  if (!/\bgiven\b[\s\S]*\bwhen\b[\s\S]*\bthen\b/.test(t)) return false;
  if (IMPLEMENTATION.test(t)) return false;
  return !(VAGUE.test(t) && !/\d/.test(t));
}

/** Reading the Sprint history, as the Retrospective asks: the thresholds a PO would use to call a pattern. */
export const REFLECTION_THRESHOLDS = {
  /** Half or more Sprint Goals missed: the goals reach too far. */
  missedShare: 0.5,
  /** Every goal met and at least this much more delivered than forecast: the goals are too cautious. */
  headroom: 1.15,
  /** Clarification stops per Sprint at or above which refinement is too thin. */
  clarifications: 2,
  /** A refinement share at or above this starves delivery. */
  heavyShare: 20,
} as const;

/** What the visible history says, per Retrospective topic; `null` when there is nothing to read. */
export function readHistory(obs: Observation, topic: string): string | null {
  const played = obs.sprintHistory.filter((s) => s.goalMet !== null);
  const t = REFLECTION_THRESHOLDS;
  switch (topic) {
    case 'sprintGoals': {
      const missed = played.filter((s) => !s.goalMet).length;
      if (played.length && missed / played.length >= t.missedShare) return 'tooAmbitious';
      const forecast = played.reduce((a, s) => a + s.forecast, 0);
      const velocity = played.reduce((a, s) => a + s.velocity, 0);
      return missed === 0 && forecast > 0 && velocity >= t.headroom * forecast ? 'tooConservative' : 'aboutRight';
    }
    case 'refinement': {
      if (obs.refinement.share >= t.heavyShare) return 'tooMuch';
      const stops = played.reduce((a, s) => a + s.clarifications, 0) / Math.max(1, played.length);
      return stops >= t.clarifications ? 'tooLittle' : 'aboutRight';
    }
    case 'metrics': {
      const latest = [...obs.releases].reverse().find((r) => r.itemIds.length > 0);
      if (!latest) return null;
      let best: string | null = null;
      for (const id of latest.itemIds) {
        const use = latest.featureUse[id] ?? 0;
        if (best === null || use > (latest.featureUse[best] ?? 0) || (use === (latest.featureUse[best] ?? 0) && id < best)) best = id;
      }
      return best;
    }
    default:
      return null;
  }
}

/** The improvement that fits the visible state: pay down high debt, else strengthen a basic DoD, else keep going. */
export function principledImprovement(obs: Observation): 'payDownDebt' | 'strengthenDoD' | 'keepAsIs' {
  if (obs.team.techDebt >= HIGH_TECH_DEBT) return 'payDownDebt';
  if (obs.team.dodStrength < SOUND_DOD) return 'strengthenDoD';
  return 'keepAsIs';
}

function chooseGoal(step: Step): Choice | null {
  const options = listedOf(step, 'chooseProductGoal');
  if (options.length === 0 || step.observation.productGoal !== null) return null;
  const { vision } = step.observation.scenario;
  let best = options[0]!;
  let bestScore = -Infinity;
  for (const o of options) {
    const goalId = o.action.type === 'chooseProductGoal' ? o.action.goalId : '';
    const text = step.observation.productGoalOptions.find((g) => g.id === goalId)?.text ?? o.label;
    const s = productGoalScore(text, vision);
    if (s > bestScore) {
      best = o;
      bestScore = s;
    }
  }
  return { id: best.id };
}

/** Items the next Sprint or two will draw from: the top of the order, up to twice the Developers' forecast. */
function nearTop(obs: Observation, order: readonly string[]): VisibleItem[] {
  const byKey = new Map(obs.backlog.map((i) => [i.id, i]));
  return likelySelection(order.map((id) => byKey.get(id)!), 2 * obs.team.developersForecast, () => true);
}

/** Splits an epic or a large item near the top into thin slices. */
function splitLarge(step: Step, order: readonly string[]): Choice | null {
  for (const item of nearTop(step.observation, order)) {
    if (item.type !== 'epic' && item.estimate <= LARGE_ITEM) continue;
    for (const strategy of SPLIT_PREFERENCE) {
      const listed = listedWhere(step, (a) => a.type === 'splitItem' && a.itemId === item.id && a.strategy === strategy);
      if (listed) return listed;
    }
  }
  return null;
}

/** Refines the first unrefined item among those the Developers are likely to take next, if the budget allows it. */
function refineTop(step: Step): Choice | null {
  const obs = step.observation;
  for (const item of likelySelection(obs.backlog, obs.team.developersForecast)) {
    if (item.refined) continue;
    const listed = listedWhere(step, (a) => a.type === 'refineItem' && a.itemId === item.id);
    if (listed) return listed;
  }
  return null;
}

/** Adds a clear, testable candidate criterion to an item near the top (the listing offers the items worth preparing). */
function addCriteria(step: Step): Choice | null {
  const obs = step.observation;
  for (const option of listedOf(step, 'addCriterion')) {
    if (option.action.type !== 'addCriterion') continue;
    const { itemId, criterionId } = option.action;
    const text = obs.backlog.find((i) => i.id === itemId)?.criteria.find((c) => c.id === criterionId)?.text;
    if (text !== undefined && goodCriterion(text)) return { id: option.id };
  }
  return null;
}

/** One reflection the Retrospective asks for, answered from the visible history. */
export function reflectOnHistory(step: Step): Choice | null {
  for (const option of listedOf(step, 'reflect')) {
    if (option.action.type !== 'reflect') continue;
    const { topic } = option.action;
    const reading = readHistory(step.observation, topic);
    const match = reading === null ? null : listedWhere(step, (a) => a.type === 'reflect' && a.topic === topic && a.finding === reading);
    return match ?? { id: option.id };
  }
  return null;
}

function find(obs: Observation, id: string): VisibleItem | undefined {
  return obs.sprintBacklog.find((i) => i.id === id) ?? obs.backlog.find((i) => i.id === id) ?? obs.increment.find((i) => i.id === id);
}

/** Decides the first finished item waiting for review; `accept` sees the item as shown (undefined if not shown). */
export function review(step: Step, accept: (item: VisibleItem | undefined) => boolean): Choice | null {
  const first = listedOf(step, 'reviewItem')[0]?.action;
  if (!first || first.type !== 'reviewItem') return null;
  const decision = accept(find(step.observation, first.itemId)) ? 'accept' : 'returnToBacklog';
  return listedWhere(step, (a) => a.type === 'reviewItem' && a.itemId === first.itemId && a.decision === decision);
}

/**
 * INVEST flaws the PO can see without guessing: a story waiting on another unfinished story is
 * not independent; an item that would take half a Sprint or more is not small. Other flaws (valuable,
 * testable, estimable, negotiable) are left alone: judging them from a sentence is guesswork, and
 * reworking a story for a flaw it does not have wastes the Developers' time.
 */
function fixVisibleFlaw(step: Step): Choice | null {
  const obs = step.observation;
  // Waiting on a technical enabler or a fix is a matter of ordering, not of how the story is written.
  const stories = new Set(obs.backlog.filter((i) => i.type === 'story' || i.type === 'feature' || i.type === 'epic').map((i) => i.id));
  for (const item of obs.backlog.slice(0, 4)) {
    const flaws: string[] = [];
    if ((item.dependsOn ?? []).some((d) => stories.has(d))) flaws.push('independent');
    if (item.type !== 'epic' && item.estimate >= Math.max(LARGE_ITEM, obs.team.developersForecast / 2)) flaws.push('small');
    for (const flaw of flaws) {
      if (item.fixedFlaws.includes(flaw)) continue;
      const listed = listedWhere(step, (a) => a.type === 'fixFlaw' && a.itemId === item.id && a.flaw === flaw);
      if (listed) return listed;
    }
  }
  return null;
}

/**
 * MoSCoW for the release: a Must is what the release cannot go without, here work with a fixed
 * date (a legal or contractual deadline); everything else near the top is a Should, so the Musts
 * leave room and the order, not the label, decides the rest.
 */
function tagMoscow(step: Step): Choice | null {
  for (const option of listedOf(step, 'tagMoscow')) {
    if (option.action.type !== 'tagMoscow') continue;
    const { itemId } = option.action;
    const item = step.observation.backlog.find((i) => i.id === itemId);
    if (!item || item.moscow !== null) continue;
    const tag = item.costOfDelay === 'fixedDate' ? 'must' : 'should';
    const listed = listedWhere(step, (a) => a.type === 'tagMoscow' && a.itemId === itemId && a.tag === tag);
    if (listed) return listed;
  }
  return null;
}

export const principledPolicy: PolicyFactory = () => ({
  name: 'principled',
  description: 'plays by the Scrum Guide: measurable Product Goal, 10% refinement, cost-of-delay value order, outcome Sprint Goals, honest ranges, Done only',
  choose(step: Step): Choice {
    const only = onlyChoice(step);
    if (only) return only;
    const obs = step.observation;
    const answer = bestByLabel(listedOf(step, 'answerQuestion'), PRINCIPLED_ANSWER_RULES);
    const event = bestByLabel(listedOf(step, 'resolveEvent'), PRINCIPLED_EVENT_RULES);
    const improvement = principledImprovement(obs);
    const release = obs.increment.length > 0 ? 'ship' : 'hold';
    const canOrder = listedOf(step, 'orderBacklog').length > 0;
    const order = canOrder ? principledOrder(obs) : [];
    const decision =
      (answer ? { id: answer.id } : null) ??
      chooseGoal(step) ??
      listedType(step, 'startSprints') ??
      (event ? { id: event.id } : null) ??
      // Refinement: time for it, a light Definition of Ready, thin slices, order, detail.
      (obs.refinement.share < 5 || obs.refinement.share > 10
        ? listedWhere(step, (a) => a.type === 'setRefinementShare' && a.percent === PRINCIPLED_REFINEMENT_SHARE)
        : null) ??
      listedWhere(step, (a) => a.type === 'setReadiness' && a.level === 'light') ??
      (canOrder ? (splitLarge(step, order) ?? reorder(step, order)) : null) ??
      refineTop(step) ??
      fixVisibleFlaw(step) ??
      addCriteria(step) ??
      tagMoscow(step) ??
      listedType(step, 'endRefinement') ??
      // Planning: accept the Developers' forecast, propose an outcome.
      listedWhere(step, (a) => a.type === 'commitSprint' && a.scope === 'forecast') ??
      listedWhere(step, (a) => a.type === 'proposeSprintGoal' && a.kind === 'outcome') ??
      listedType(step, 'nextDay') ??
      // Review: a working session, Done work only, release it, an honest range.
      listedWhere(step, (a) => a.type === 'setReviewFormat' && a.format === 'workingSession') ??
      review(step, (item) => item?.meetsDoD === true) ??
      listedType(step, 'releaseIncrement') ??
      listedWhere(step, (a) => a.type === 'answerForecast' && a.style === 'rangeWithAssumptions') ??
      listedWhere(step, (a) => a.type === 'answerForecast' && a.style === 'range') ??
      listedType(step, 'endReview') ??
      reflectOnHistory(step) ??
      listedWhere(step, (a) => a.type === 'chooseImprovement' && a.improvement === improvement) ??
      listedWhere(step, (a) => a.type === 'decideRelease' && a.decision === release);
    // A phase this bot does not know yet: take the first listed action rather than stall.
    return decision ?? { id: step.actions[0]!.id };
  },
});
