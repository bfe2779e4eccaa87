import type { Action, ActionType, BatchPart, ListedAction, Observation, Step, VisibleItem } from '../engine';
import { flawsAnswered, hintContext, PO_TIME_COST, refinementCost } from '../engine';
import type { PolicyFactory } from './policy';
import type { LabelRule } from './labels';
import { principledPick } from './principles';
import { criteriaDraft, productGoalDraft, sprintGoalDraft, storyDraft } from './writing';
import { judgeText } from '../rubric';
import { empathyQuadrant, evidenceStrength, guidesVision, observedTrait, readStakeholderMap, requestKindFromText, servesOnlyTheImage } from './reading';

/*
 * The principled Product Owner: plays as the 2020 Scrum Guide and the CSPO outline teach, from
 * what a player sees (the observation and the listed actions) and nothing else.
 *
 * The first half of this file is shared help for the scripted bots (hippo and yes use it too):
 * finding a listed action and ordering by visible value. The label rubrics live in labels.ts, the
 * text readings (vision, persona, notes, roles, requests, evidence) in reading.ts, and the choice
 * among options no rubric names in principles.ts. The second half is the principled policy itself.
 */

export type Choice = { id: string } | Action;

/** Listed actions by type, built once per step: a refinement step lists hundreds of options. */
const byType = new WeakMap<Step, Map<ActionType, ListedAction[]>>();

/** The listed actions of one type, in listing order. */
export function listedOf(step: Step, type: ActionType): ListedAction[] {
  let index = byType.get(step);
  if (!index) {
    index = new Map();
    for (const a of step.actions) {
      const list = index.get(a.type);
      if (list) list.push(a);
      else index.set(a.type, [a]);
    }
    byType.set(step, index);
  }
  return index.get(type) ?? [];
}

/** The first listed action of `type` whose action data matches, as `{ id }`. */
export function findListed<T extends ActionType>(step: Step, type: T, match: (a: Extract<Action, { type: T }>) => boolean = () => true): { id: string } | null {
  for (const listed of listedOf(step, type)) if (match(listed.action as Extract<Action, { type: T }>)) return { id: listed.id };
  return null;
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
  return findListed(step, type);
}

export { believe, bestByLabel, labelScore, type LabelRule } from './labels';

/**
 * The Retrospective answer of a PO who hears no bad news: the roadmap was understood and the
 * stakeholders are fine. Used by the personas; the principled PO reads the history instead.
 */
export function allIsWell(step: Step): { id: string } | null {
  return (
    findListed(step, 'reflect', (a) => a.topic === 'roadmap' && a.finding === 'aligned') ??
    findListed(step, 'reflect', (a) => a.topic === 'stakeholders' && a.finding === 'allGood')
  );
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
const TIME_BOUND =
  /\b(within|by|before|until|in the next)\b.*\b(day|week|month|quarter|year|sprint|release|deadline|season|spring|summer|autumn|winter|january|february|march|april|may|june|july|august|september|october|november|december)s?\b|\b(day|week|month|quarter|year)s?\b/;
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

/** Refinement shares the Developers can agree, smallest first. The Scrum Guide sets none: the need decides. */
export const REFINEMENT_STEPS = [5, 10, 20, 30] as const;

/** The strongest Definition of Done on screen ("strength 3 of 3"). */
export const STRONGEST_DOD = 3;

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
  { phrases: ['strengths and weaknesses'], weight: 2, why: 'Where the business goes next is a strategic question: a SWOT weighs strengths and weaknesses against opportunities and threats.' },
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
  { phrases: ['meets our definition of done', 'can be released'], weight: 1, why: 'Done is the shared quality bar that makes an Increment releasable.' },
  { phrases: ['looks finished', 'whatever the po says'], weight: -3, why: 'Looking finished, or the PO\u2019s say-so, is not Done.' },
  { phrases: ['conditions', 'one understanding', 'shared understanding'], weight: 2, why: 'Acceptance criteria are conditions that give a shared understanding.' },
  { phrases: ['nice-to-have', 'we can drop'], weight: -3, why: 'Acceptance criteria define when an item is complete.' },
  { phrases: ['when delay costs differ', 'cost of delay', 'which features delight', 'delighters', 'basic expectations'], weight: 2, why: 'Each prioritisation framework answers a different question.' },
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

/** Work the PO decided not to do: off the vision, Won't this time, or disproved by a test. */
const setAsideItem = (i: VisibleItem) => i.offVision || i.moscow === 'wont' || i.assumption?.holds === false;

/**
 * What an item visibly waits on in the backlog, deepest first; null when some of it cannot be
 * taken (an epic or work set aside). Dependencies out of the backlog are Done or under way.
 */
export function visiblePrerequisites(id: string, byKey: ReadonlyMap<string, VisibleItem>): string[] | null {
  const out: string[] = [];
  const seen = new Set([id]);
  const walk = (at: string): boolean => {
    for (const dep of byKey.get(at)!.dependsOn ?? []) {
      const d = byKey.get(dep);
      if (!d || seen.has(dep)) continue;
      if (d.type === 'epic' || setAsideItem(d)) return false;
      seen.add(dep);
      if (!walk(dep)) return false;
      out.push(dep);
    }
    return true;
  };
  return walk(id) ? out : null;
}

/**
 * WSJF of each item counted as one unit with what it visibly waits on: an enabler scores as well
 * as the best unit it opens. Epics, set-aside work and work that cannot be taken get no score.
 */
export function unitWsjf(obs: Observation): Map<string, number> {
  const byKey = new Map(obs.backlog.map((i) => [i.id, i]));
  const scores = new Map<string, number>();
  for (const item of obs.backlog) {
    const before = item.type === 'epic' || setAsideItem(item) ? null : visiblePrerequisites(item.id, byKey);
    if (before === null) continue;
    const unit = [...before, item.id].map((id) => byKey.get(id)!);
    const value = unit.reduce((a, i) => a + i.statedValue * delayWeight(i, obs.sprint), 0);
    const score = value / Math.max(1, unit.reduce((a, i) => a + Math.max(1, i.estimate), 0));
    for (const i of unit) scores.set(i.id, Math.max(scores.get(i.id) ?? 0, score));
  }
  return scores;
}

/**
 * The principled order: visible value per point weighted by cost of delay (WSJF), an enabler and
 * what waits on it counted as one unit, ties by id; a fixed-date item due this Sprint first; whatever an item visibly
 * depends on just above it; epics (which no Sprint can take whole) after everything that can be
 * taken; and, when buyers and users are different people, work for each of them near the top.
 */
export function principledOrder(obs: Observation): string[] {
  const scores = unitWsjf(obs);
  const score = (i: VisibleItem) => scores.get(i.id) ?? -1;
  const ranked = [...obs.backlog].sort((a, b) => score(b) - score(a) || byId(a, b));
  const dueNow = ranked.filter((i) => i.costOfDelay === 'fixedDate' && i.deadlineSprint === obs.sprint);
  const rest = ranked.filter((i) => !dueNow.includes(i));
  const order = [...dueNow, ...rest.filter((i) => i.type !== 'epic'), ...rest.filter((i) => i.type === 'epic')].map((i) => i.id);
  return dependenciesFirst(serveBuyersAndUsers(order, obs), obs.backlog);
}

/** How far down the next work reaches when checking that buyers and users both get something. */
export const NEXT_WORK = 5;

/**
 * When the people who pay and the people who use are different segments, the next work should
 * serve both: if the top items serve only one side, the best item for the other side moves up to
 * the last place of that reach (below the top three, which the value order decides).
 */
export function serveBuyersAndUsers(order: readonly string[], obs: Observation): string[] {
  const buyers = new Set(obs.segments.filter((s) => s.buyer).map((s) => s.id));
  const users = new Set(obs.segments.filter((s) => s.user).map((s) => s.id));
  const distinct = [...buyers].some((b) => !users.has(b)) || [...users].some((u) => !buyers.has(u));
  if (!distinct || order.length <= NEXT_WORK) return [...order];
  const byKey = new Map(obs.backlog.map((i) => [i.id, i]));
  const serves = (id: string, side: Set<string>) => (byKey.get(id)?.segments ?? []).some((s) => side.has(s));
  const out = [...order];
  for (const side of [buyers, users]) {
    const top = out.slice(0, NEXT_WORK);
    if (top.some((id) => serves(id, side))) continue;
    const pick = out.findIndex((id, i) => i >= NEXT_WORK && serves(id, side) && byKey.get(id)!.type !== 'epic');
    if (pick < 0) continue;
    const [id] = out.splice(pick, 1);
    out.splice(NEXT_WORK - 1, 0, id!);
  }
  return out;
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
// "database" is left out: on a platform product it names what users work with, not how to build it.
const IMPLEMENTATION = /\b(table|column|sql|api|endpoint|framework|react|server|cache|json|class|library|microservice)\b/;

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
  /** Trust (0-100, everyone starts at 50) below this means a stakeholder is drifting away. */
  lowTrust: 45,
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
    case 'roadmap':
      // A dated promise that fell due unmet is an expectation the roadmap set and delivery broke.
      return obs.roadmap.misses > 0 ? 'misaligned' : 'aligned';
    case 'stakeholders': {
      // A Review that said all was on track, followed by a missed Sprint Goal, hid the risks.
      const misled = played.some((s) => s.progressSharing === 'optimistic' && played.some((next) => next.number === s.number + 1 && next.goalMet === false));
      if (misled) return 'hiddenRisks';
      return obs.stakeholders.some((s) => s.trust < t.lowTrust) ? 'noCadence' : 'allGood';
    }
    default:
      return null;
  }
}

/**
 * The improvement the Sprint's evidence calls for: a stronger Definition of Done when work keeps
 * falling short of it (two or more items, a third of those finished), debt work when the debt on
 * screen is large enough to repay 15% of a Sprint in the Sprints left (each point of debt costs
 * about 1/150 of capacity), else keep delivering.
 */
export function principledImprovement(obs: Observation): 'payDownDebt' | 'strengthenDoD' | 'keepAsIs' {
  const last = obs.sprintHistory[obs.sprintHistory.length - 1];
  if (!last) return 'keepAsIs';
  const checked = new Set([...last.done, ...last.shortOfDoD]).size;
  const short = last.shortOfDoD.length;
  if (short >= 2 && short * 3 >= checked && obs.team.dodStrength < STRONGEST_DOD) return 'strengthenDoD';
  if ((Math.min(15, obs.team.techDebt) / 150) * (obs.sprints - last.number) > 0.15) return 'payDownDebt';
  return 'keepAsIs';
}

/** Points of refinement time an item takes, as the listing states it (an eighth of its estimate, half a point at least). */
function refinementNeed(item: VisibleItem): number {
  return item.refined || item.type === 'epic' ? 0 : Math.max(0.5, Math.round((item.estimate / 8) * 100) / 100);
}

/**
 * The smallest refinement share that covers what the coming refinement window needs: the unrefined
 * items the next Sprint or two will draw from. Agreed in the briefing and at Sprint Planning, and
 * kept through the Sprint, since the share also sets the capacity left for delivery.
 */
function refinementShare(obs: Observation, phase: string): number {
  // At Sprint Planning the top of the backlog is this Sprint's work; during the Sprint it is the next one's.
  const sprintsAhead = phase.startsWith('sprint.planning') ? 3 : 2;
  // Before any history the Developers forecast 80% of the capacity the share leaves them, so each share has its own need.
  // Sprints with nothing Done do not count as history (as the Developers' own forecast has it): otherwise the
  // forecast the share itself sets would make the need swing with the share.
  const pace = (p: number) => (obs.team.velocityHistory.some((v) => v > 0) ? obs.team.developersForecast : obs.team.capacity * (1 - p / 100) * 0.8);
  const need = (p: number) => likelySelection(obs.backlog, sprintsAhead * pace(p)).reduce((a, item) => a + refinementNeed(item), 0);
  const fits = REFINEMENT_STEPS.find((p) => (obs.team.capacity * p) / 100 - obs.refinement.used >= need(p)) ?? 30;
  // The share set at Sprint Planning is what delivery pays for; during the Sprint it only grows when the work ahead needs more.
  return phase.startsWith('sprint.execution') ? Math.max(fits, obs.refinement.share) : fits;
}

function chooseGoal(step: Step): Choice | null {
  const options = listedOf(step, 'chooseProductGoal');
  if (options.length === 0 || step.observation.productGoal !== null) return null;
  const { vision } = step.observation.scenario;
  const texts = (o: ListedAction) => step.observation.productGoalOptions.find((g) => o.action.type === 'chooseProductGoal' && g.id === o.action.goalId)?.text ?? o.label;
  const ranked = [...options].sort((a, b) => productGoalScore(texts(b), vision) - productGoalScore(texts(a), vision) || byId(a, b));
  // Written in the PO's own words, starting from the example it reads as strongest and kept where the hints agree.
  const write = listedOf(step, 'writeProductGoal')[0];
  const text = write ? productGoalDraft(step.observation, ranked.map(texts)) : null;
  if (write && text) return withText(write, text);
  return { id: ranked[0]!.id };
}

/** A listed action that takes text, sent with the PO's words as the game sends it. */
function withText(entry: ListedAction, text: string): Action {
  return { ...entry.action, text } as Action;
}

/** A Sprint Goal proposal, worded by the PO when the listing lets them. */
function proposeInWords(step: Step, choice: { id: string } | null): Choice | null {
  if (!choice) return null;
  const entry = step.actions.find((a) => a.id === choice.id);
  if (!entry?.input || entry.action.type !== 'proposeSprintGoal') return choice;
  const text = sprintGoalDraft(step.observation, entry.action.itemIds);
  return text ? withText(entry, text) : choice;
}

/**
 * Items the next Sprint or two would draw from if everything could be taken whole: the backlog by
 * value per point (epics at their own value per point), while the points above an item stay under
 * twice the Developers' forecast. An epic there is worth splitting now; further down it can wait.
 */
function nearTop(obs: Observation): VisibleItem[] {
  const score = (i: VisibleItem) => (i.statedValue * delayWeight(i, obs.sprint)) / Math.max(1, i.estimate);
  const ranked = [...obs.backlog].sort((a, b) => score(b) - score(a) || byId(a, b));
  const out: VisibleItem[] = [];
  let above = 0;
  for (const item of ranked) {
    if (above >= 2 * obs.team.developersForecast) break;
    out.push(item);
    above += item.estimate;
  }
  return out;
}

/** Splits an epic or a large item near the top into thin slices. */
function splitLarge(step: Step): Choice | null {
  for (const item of nearTop(step.observation)) {
    if (item.type !== 'epic' && item.estimate <= LARGE_ITEM) continue;
    for (const strategy of SPLIT_PREFERENCE) {
      const listed = findListed(step, 'splitItem', (a) => a.itemId === item.id && a.strategy === strategy);
      if (listed) return listed;
    }
  }
  return null;
}

/**
 * Refines the unrefined items among those the Developers are likely to take next, as many as the
 * refinement time left allows, ticked together on the board.
 */
function refineTop(step: Step): Choice | null {
  const obs = step.observation;
  let left = obs.refinement.budget - obs.refinement.used;
  const picks: ListedAction[] = [];
  const offered = listedOf(step, 'refineItem').slice(0, FORM_ROWS);
  for (const item of likelySelection(obs.backlog, obs.team.developersForecast)) {
    if (item.refined) continue;
    const listed = offered.find((o) => o.action.type === 'refineItem' && o.action.itemId === item.id);
    const cost = refinementCost(item.estimate);
    // Top of the order first: time is not spent further down while an item above waits for it.
    if (!listed || cost > left + 1e-9) break;
    picks.push(listed);
    left -= cost;
  }
  return together(picks);
}

/**
 * The items within about one and a half Sprints of the top: the ones worth preparing now. Work
 * further down may change or be dropped before anyone builds it.
 */
function nextToPrepare(obs: Observation): Set<string> {
  const reach = obs.team.developersForecast * 1.5;
  const near = new Set<string>();
  let points = 0;
  for (const item of obs.backlog) {
    if (item.status === 'done') continue;
    if (near.size >= 4 && points >= reach) break;
    near.add(item.id);
    points += item.estimate;
  }
  return near;
}

/** How many items the board's refine-several and MoSCoW forms offer (the top of the order), as the game shows them. */
export const FORM_ROWS = 8;

/**
 * Several listed decisions of one kind as the one step a form of the game sends them in: the
 * listed id when there is just one, a batch of the listed actions otherwise.
 */
export function together(options: readonly ListedAction[]): Choice | null {
  if (options.length === 0) return null;
  if (options.length === 1) return { id: options[0]!.id };
  return { type: 'batch', actions: options.map((o) => o.action as BatchPart) };
}

/** Ticks every clear, testable candidate criterion of the first item near the top that lacks some. */
function addCriteria(step: Step): Choice | null {
  const obs = step.observation;
  const near = nextToPrepare(obs);
  const good = (o: ListedAction) => {
    if (o.action.type !== 'addCriterion' || !near.has(o.action.itemId)) return false;
    const { itemId, criterionId } = o.action;
    const text = obs.backlog.find((i) => i.id === itemId)?.criteria.find((c) => c.id === criterionId)?.text;
    return text !== undefined && goodCriterion(text);
  };
  const writtenFor = (id: string) => !!obs.backlog.find((i) => i.id === id)?.writtenCriteria;
  const first = listedOf(step, 'addCriterion').find((o) => good(o) && o.action.type === 'addCriterion' && !writtenFor(o.action.itemId));
  if (!first || first.action.type !== 'addCriterion') return null;
  const itemId = first.action.itemId;
  // Near the top, the criteria are written in the PO's own Given-When-Then, checked against the hints.
  const item = obs.backlog.find((i) => i.id === itemId);
  const write = listedOf(step, 'writeCriteria').find((o) => o.action.type === 'writeCriteria' && o.action.itemId === itemId);
  const text = write && item && item.criteria.every((c) => !c.chosen) ? criteriaDraft(obs, item) : null;
  if (write && text) return withText(write, text);
  return together(listedOf(step, 'addCriterion').filter((o) => good(o) && o.action.type === 'addCriterion' && o.action.itemId === itemId));
}

/** One reflection the Review or the Retrospective asks for, answered from the visible history. */
export function reflectOnHistory(step: Step): Choice | null {
  for (const option of listedOf(step, 'reflect')) {
    if (option.action.type !== 'reflect') continue;
    const { topic } = option.action;
    const reading = readHistory(step.observation, topic);
    const match = reading === null ? null : findListed(step, 'reflect', (a) => a.topic === topic && a.finding === reading);
    return match ?? { id: option.id };
  }
  return null;
}

/** Every reflection asked at once, each answered from the visible history, as the screen's form sends them. */
function reflectionsOnHistory(step: Step): { id: string }[] {
  const topics = [...new Set(listedOf(step, 'reflect').map((o) => (o.action.type === 'reflect' ? o.action.topic : '')))];
  return topics.map((topic) => {
    const reading = readHistory(step.observation, topic as never);
    const options = listedOf(step, 'reflect').filter((o) => o.action.type === 'reflect' && o.action.topic === topic);
    const match = options.find((o) => o.action.type === 'reflect' && o.action.finding === reading);
    return { id: (match ?? options[0]!).id };
  });
}

/**
 * The INVEST weaknesses the Developers raised while refining an item, answered before it enters a
 * Sprint. A story that is too big is split where it can be; anything else is reworked as they asked.
 */
function fixVisibleFlaw(step: Step): Choice | null {
  const first = listedOf(step, 'fixFlaw')[0];
  if (!first || first.action.type !== 'fixFlaw') return null;
  const itemId = first.action.itemId;
  const flaws = listedOf(step, 'fixFlaw').filter((o) => o.action.type === 'fixFlaw' && o.action.itemId === itemId);
  if (flaws.some((o) => o.action.type === 'fixFlaw' && o.action.flaw === 'small'))
    for (const strategy of SPLIT_PREFERENCE) {
      const split = findListed(step, 'splitItem', (a) => a.itemId === itemId && a.strategy === strategy);
      if (split) return split;
    }
  // Questions the story's own wording can answer are answered by rewriting it, when a draft does.
  const item = step.observation.backlog.find((i) => i.id === itemId);
  const write = listedOf(step, 'writeStory').find((o) => o.action.type === 'writeStory' && o.action.itemId === itemId);
  const asked = flaws.map((o) => (o.action.type === 'fixFlaw' ? o.action.flaw : null));
  if (write && item) {
    const text = storyDraft(step.observation, item, 0);
    const answers = text ? flawsAnswered(judgeText('story', text, hintContext(step.observation, 'story', itemId))) : [];
    if (text && asked.every((f) => f !== null && answers.includes(f))) return withText(write, text);
  }
  // Every question they raised on that item, reworked in one pass.
  return together(flaws);
}

/** Every item a player can see, once: the Product Backlog, the Sprint Backlog and the Increment. */
export function visibleItems(obs: Observation): VisibleItem[] {
  const seen = new Set<string>();
  const out: VisibleItem[] = [];
  for (const i of [...obs.backlog, ...obs.sprintBacklog, ...obs.increment]) {
    if (seen.has(i.id)) continue;
    seen.add(i.id);
    out.push(i);
  }
  return out;
}

/** An item is clearly worth little when its visible value per point is under this share of the average item's. */
export const CLEARLY_LOW = 0.5;

/**
 * MoSCoW for the release: a Must is what the release cannot go without (work with a fixed date,
 * a legal or contractual deadline; failing that, the single most valuable item per point, the core
 * of the release); a Won't is a feature or story clearly worth least per point (in the bottom third
 * of all the work in sight, or under half the average item's value per point); everything else is
 * a Should, so the Musts leave room and the order, not the label, decides the rest. Technical work
 * and defects are never Won't: their stated value understates what they protect or unblock.
 */
export function moscowTag(obs: Observation, itemId: string): 'must' | 'should' | 'wont' {
  const all = visibleItems(obs);
  const density = (i: VisibleItem) => i.statedValue / Math.max(1, i.estimate);
  const ranked = [...all].sort((a, b) => density(b) - density(a) || byId(a, b));
  const third = Math.max(1, Math.floor(ranked.length / 3));
  const rank = ranked.findIndex((i) => i.id === itemId);
  const item = ranked[rank];
  if (!item) return 'should';
  const average = ranked.reduce((a, i) => a + density(i), 0) / ranked.length;
  const low = rank >= ranked.length - third || density(item) < CLEARLY_LOW * average;
  if (low && item.type !== 'technical' && item.type !== 'defect') return 'wont';
  if (item.costOfDelay === 'fixedDate') return 'must';
  const hasMust = all.some((i) => i.moscow === 'must' || (i.costOfDelay === 'fixedDate' && i.status !== 'done'));
  return !hasMust && rank === 0 ? 'must' : 'should';
}

/** MoSCoW for every untagged item near the top, set on the release-scope form in one step. */
function tagMoscow(step: Step): Choice | null {
  const near = nextToPrepare(step.observation);
  const tags: ListedAction[] = [];
  const seen = new Set<string>();
  const taggable = new Set(listedOf(step, 'tagMoscow').map((o) => (o.action.type === 'tagMoscow' ? o.action.itemId : '')));
  const onForm = new Set(step.observation.backlog.filter((i) => taggable.has(i.id)).slice(0, FORM_ROWS).map((i) => i.id));
  for (const option of listedOf(step, 'tagMoscow')) {
    if (option.action.type !== 'tagMoscow') continue;
    const { itemId } = option.action;
    if (!near.has(itemId) || !onForm.has(itemId) || seen.has(itemId)) continue;
    seen.add(itemId);
    const item = step.observation.backlog.find((i) => i.id === itemId);
    // An epic is split before it is scoped into a release.
    // Work already set aside needs no Won't on top.
    if (!item || item.moscow !== null || item.type === 'epic' || item.offVision) continue;
    const tag = moscowTag(step.observation, itemId);
    const listed = listedOf(step, 'tagMoscow').find((o) => o.action.type === 'tagMoscow' && o.action.itemId === itemId && o.action.tag === tag);
    if (listed) tags.push(listed);
  }
  return together(tags);
}

// ---------------------------------------------------------------------------------------------
// Vision, roadmap, persona and stakeholders: the briefing's product work.

/** The vision technique the principled PO uses: its three lines ask exactly for whom, what need and unlike what. */
export const VISION_TECHNIQUE = 'elevatorPitch';
/** A roadmap of horizons, not dates: direction that survives what the team learns. */
export const ROADMAP_FORMAT = 'nowNextLater';

/** Shapes the vision from the fragments that name the customer, their need and the difference. */
function shapeVision(step: Step): Choice | null {
  const obs = step.observation;
  if (obs.visionFragments.length === 0) return null;
  if (obs.vision.technique === null) return findListed(step, 'chooseVisionTechnique', (a) => a.technique === VISION_TECHNIQUE);
  for (const f of obs.visionFragments) {
    if (!guidesVision(f.text)) continue;
    const listed = findListed(step, 'addVisionFragment', (a) => a.fragmentId === f.id);
    if (listed) return listed;
  }
  return null;
}

function shareRoadmap(step: Step): Choice | null {
  return step.observation.roadmap.format === null ? findListed(step, 'chooseRoadmap', (a) => a.format === ROADMAP_FORMAT) : null;
}

/** Builds the persona from observed goals, pains, behaviour and context; stereotypes and guesses stay out. */
function buildPersona(step: Step): Choice | null {
  for (const p of step.observation.personaSnippets) {
    if (!observedTrait(p.text)) continue;
    const listed = findListed(step, 'addPersonaTrait', (a) => a.snippetId === p.id);
    if (listed) return listed;
  }
  return null;
}

/**
 * Puts each stakeholder where their role and their requests place them on the influence/interest
 * grid, all in one step, as the map's "Save the map" sends them; each placement is judged alone.
 */
export function mapStakeholders(step: Step): Choice | null {
  if (listedOf(step, 'mapStakeholder').length === 0) return null;
  const reading = readStakeholderMap(step.observation);
  const placements: ListedAction[] = [];
  for (const s of step.observation.stakeholders) {
    const quadrant = reading.get(s.id);
    if (!quadrant || s.mappedAs === quadrant) continue;
    const listed = listedOf(step, 'mapStakeholder').find((o) => o.action.type === 'mapStakeholder' && o.action.stakeholderId === s.id && o.action.quadrant === quadrant);
    if (listed) placements.push(listed);
  }
  return together(placements);
}

// ---------------------------------------------------------------------------------------------
// Discovery in refinement: experiments, feedback, the market, empathy, requests.

/** What the principled PO remembers of its own run: what each item was first claimed to be worth, and the research it did. */
export interface PoMemory {
  /** The value each item was first shown with, so later evidence can be compared with the claim. */
  readonly firstValue: Map<string, number>;
  /** Research done, as "sprint:method". */
  readonly done: Set<string>;
}

export function newMemory(): PoMemory {
  return { firstValue: new Map(), done: new Set() };
}

/** Notes what each visible item was first claimed to be worth. */
function remember(memory: PoMemory, obs: Observation): void {
  for (const i of obs.backlog) if (!memory.firstValue.has(i.id)) memory.firstValue.set(i.id, i.statedValue);
}

/**
 * The PO's own research time, spent where it teaches most: first a small experiment for each item
 * the next Sprint will likely take that rests on an untested belief; then users: interviews, and
 * usage analytics once there is a release; then, once, a look at the market.
 */
function research(step: Step, order: readonly string[], memory: PoMemory): Choice | null {
  const obs = step.observation;
  if (listedOf(step, 'gatherFeedback').length + listedOf(step, 'testAssumption').length + listedOf(step, 'analyseMarket').length === 0) return null;
  const byKey = new Map(obs.backlog.map((i) => [i.id, i]));
  const soon = likelySelection(order.map((id) => byKey.get(id)!).filter(Boolean), 1.5 * obs.team.developersForecast);
  for (const item of soon) {
    if (!item.assumption || item.assumption.holds !== null) continue;
    const listed = findListed(step, 'testAssumption', (a) => a.itemId === item.id);
    if (listed) return listed;
  }
  const released = obs.releases.some((r) => r.itemIds.length > 0);
  // Once users have been heard, the market comes before more interviews: research time is scarce.
  const market = () => {
    if (memory.done.has('market')) return null;
    const listed = findListed(step, 'analyseMarket', (a) => a.technique === 'featureComparison');
    if (listed) memory.done.add('market');
    return listed;
  };
  if ([...memory.done].some((k) => k.endsWith(':interviews'))) {
    const listed = market();
    if (listed) return listed;
  }
  // Analytics read only what builds on released work, so interviews still speak for the rest.
  // Both go on the feedback form together, as far as the PO's time this Sprint allows.
  const methods: ListedAction[] = [];
  let time = obs.poTime;
  for (const method of released ? (['interviews', 'analytics'] as const) : (['interviews'] as const)) {
    if (memory.done.has(`${obs.sprint}:${method}`) || time < PO_TIME_COST[method]) continue;
    const listed = listedOf(step, 'gatherFeedback').find((o) => o.action.type === 'gatherFeedback' && o.action.method === method);
    if (!listed) continue;
    memory.done.add(`${obs.sprint}:${method}`);
    time -= PO_TIME_COST[method];
    methods.push(listed);
  }
  return together(methods) ?? market();
}

/** Sorts each interview note into the empathy-map quadrant its words point to. */
function sortNotes(step: Step): Choice | null {
  for (const note of step.observation.empathyNotes) {
    if (note.sortedAs !== null) continue;
    const quadrant = empathyQuadrant(note.text);
    const listed = findListed(step, 'sortEmpathyNote', (a) => a.noteId === note.id && a.quadrant === quadrant);
    if (listed) return listed;
  }
  return null;
}

/**
 * What a request reflects, once there is evidence: its own words when they justify it by a
 * competitor or by the old way of working; a genuine need when research showed it is worth at
 * least what was claimed. Without evidence the request waits: a guess is not a finding.
 */
export function readRequest(item: VisibleItem, firstValue: number | undefined): 'need' | 'habit' | 'competitor' | null {
  const said = requestKindFromText(`${item.title}. ${item.description}`);
  if (said) return said;
  const tested = firstValue !== undefined && item.statedValue !== firstValue;
  return tested && item.statedValue >= firstValue ? 'need' : null;
}

function classifyRequests(step: Step, memory: PoMemory): Choice | null {
  for (const option of listedOf(step, 'classifyRequest')) {
    if (option.action.type !== 'classifyRequest') continue;
    const { itemId } = option.action;
    const item = step.observation.backlog.find((i) => i.id === itemId);
    if (!item) continue;
    const kind = readRequest(item, memory.firstValue.get(itemId));
    const listed = kind && findListed(step, 'classifyRequest', (a) => a.itemId === itemId && a.kind === kind);
    if (listed) return listed;
  }
  return null;
}

/**
 * Sets aside work whose only stated benefit is the organisation's image: it does not move the
 * product towards a vision about its customers. Judging vision fit from anything subtler in one
 * sentence is guesswork, so everything else is left to the value order.
 */
function setAsideOffVision(step: Step): Choice | null {
  for (const item of step.observation.backlog) {
    if (item.offVision || !servesOnlyTheImage(item.description)) continue;
    const listed = findListed(step, 'flagOffVision', (a) => a.itemId === item.id);
    if (listed) return listed;
  }
  return null;
}

/** Persist on a handful of anecdotes; pivot when the evidence is large and consistent. */
export function pivotOrPersist(obs: Observation): 'pivot' | 'persist' {
  return obs.pivot && evidenceStrength(obs.pivot.evidence) > 0 ? 'pivot' : 'persist';
}

/** Briefing: a Product Goal, a vision that guides, a roadmap of horizons, a persona from research, a stakeholder map, then the backlog prepared with the Developers. */
function brief(step: Step, memory: PoMemory): Choice | null {
  return (
    chooseGoal(step) ??
    shapeVision(step) ??
    shareRoadmap(step) ??
    buildPersona(step) ??
    mapStakeholders(step) ??
    (step.observation.productGoal ? refine(step, memory) : null) ??
    listedType(step, 'startSprints')
  );
}

/** Ongoing refinement: time for it, a light Definition of Ready, research, off-vision work set aside, the map, thin slices, order, detail. */
function refine(step: Step, memory: PoMemory): Choice | null {
  const obs = step.observation;
  const order = principledOrder(obs);
  return (
    findListed(step, 'setRefinementShare', (a) => a.percent === refinementShare(obs, step.phase)) ??
    findListed(step, 'setReadiness', (a) => a.level === 'light') ??
    research(step, order, memory) ??
    sortNotes(step) ??
    classifyRequests(step, memory) ??
    setAsideOffVision(step) ??
    mapStakeholders(step) ??
    splitLarge(step) ??
    reorder(step, order) ??
    refineTop(step) ??
    fixVisibleFlaw(step) ??
    addCriteria(step) ??
    // Release categories are set where the release is planned, not re-argued every day.
    (step.phase.startsWith('sprint.execution') ? null : tagMoscow(step))
  );
}

/**
 * The objective to propose: as much of the top of the order as fits the Developers' forecast,
 * one item at least. The listing offers the top one, two or three items.
 */
function proposeGoal(step: Step): Choice | null {
  const obs = step.observation;
  const points = (ids: readonly string[]) => ids.reduce((a, id) => a + (obs.backlog.find((i) => i.id === id)?.estimate ?? 0), 0);
  const options = listedOf(step, 'proposeSprintGoal')
    .map((o) => ({ id: o.id, ids: o.action.type === 'proposeSprintGoal' ? o.action.itemIds : [] }))
    .sort((a, b) => a.ids.length - b.ids.length);
  const fitting = options.filter((o) => o.ids.length === 1 || points(o.ids) <= obs.team.developersForecast);
  const pick = fitting[fitting.length - 1];
  return proposeInWords(step, pick ? { id: pick.id } : null);
}

/** Negotiation: clarify what the Developers ask about, then take their answer; never overrule them. */
function settleGoal(step: Step): Choice | null {
  const n = step.observation.currentSprint?.negotiation;
  if (!n) return null;
  if (n.answer === 'unclear') {
    const unclear = n.proposed.find((id) => step.observation.backlog.find((i) => i.id === id)?.refined === false);
    const clarify = unclear ? findListed(step, 'refineItem', (a) => a.itemId === unclear) : null;
    if (clarify) return clarify;
    // No refinement time left to clarify it: a goal without that item.
    const smaller = listedOf(step, 'proposeSprintGoal').find((o) => o.action.type === 'proposeSprintGoal' && unclear !== undefined && !o.action.itemIds.includes(unclear));
    if (smaller) return proposeInWords(step, { id: smaller.id });
  }
  if (n.answer === 'tooBig' && !n.counter) return proposeInWords(step, findListed(step, 'proposeSprintGoal', (a) => a.itemIds.length === 1));
  return findListed(step, 'commitSprint', (a) => a.scope === 'agreed');
}

/** Planning: the order as refined, an objective to propose, then the goal crafted with the Developers. */
function plan(step: Step, memory: PoMemory): Choice | null {
  const negotiating = step.phase === 'sprint.planning.negotiating';
  if (negotiating) {
    const n = step.observation.currentSprint?.negotiation;
    // A goal proposed before the last clarification is proposed again, now clear.
    if (n?.answer === 'unclear' && n.proposed.every((id) => step.observation.backlog.find((i) => i.id === id)?.refined !== false))
      return proposeInWords(step, findListed(step, 'proposeSprintGoal', (a) => sameOrder(a.itemIds, n.proposed))) ?? settleGoal(step);
    return settleGoal(step);
  }
  // Users are heard before the order is set, so the order weighs what they said.
  const order = principledOrder(step.observation);
  return research(step, order, memory) ?? reorder(step, order) ?? refine(step, memory) ?? proposeGoal(step);
}

/** During the Sprint: refinement for the next one, and Done urgent work released at once, since its value decays. */
function duringSprint(step: Step, memory: PoMemory): Choice | null {
  const obs = step.observation;
  const urgentDone = obs.increment.some((i) => !i.released && i.costOfDelay === 'urgent');
  // A Sprint Goal that rests on a disproved belief or on work set aside no longer makes sense.
  const goal = new Set(obs.currentSprint?.goalItemIds ?? []);
  const obsolete = obs.sprintBacklog.some((i) => goal.has(i.id) && i.status !== 'done' && (i.assumption?.holds === false || i.offVision || i.moscow === 'wont'));
  return (
    (obsolete ? listedType(step, 'cancelSprint') : null) ??
    (urgentDone ? listedType(step, 'releaseIncrement') : null) ??
    refine(step, memory) ??
    // Nothing to do today: let the days run until something needs the PO.
    listedType(step, 'runToNextEvent') ??
    listedType(step, 'nextDay')
  );
}

/**
 * Review: release what is Done, then on the Review's one form, closed with the Review: pivot or
 * persist on the evidence, a working session, what users did with the release, a release plan by
 * date, an honest range, the burn-up, the risks and what is not Done.
 */
function reviewSprint(step: Step): Choice | null {
  const obs = step.observation;
  // How the Review is held is a working agreement: what an earlier Review chose carries over, so it is chosen again only to change it.
  const kept = agreedAtLastReview(obs);
  // Releasing is a step of its own: what users then do with the release is read before the Review closes.
  const release = listedType(step, 'releaseIncrement');
  if (release) return release;
  const parts = [
    findListed(step, 'decidePivot', (a) => a.decision === pivotOrPersist(obs)),
    kept.format === 'workingSession' ? null : findListed(step, 'setReviewFormat', (a) => a.format === 'workingSession'),
    ...reflectionsOnHistory(step),
    findListed(step, 'planRelease', (a) => a.plan === 'dateWithFlexibleScope'),
    kept.forecast === 'rangeWithAssumptions' || kept.forecast === 'range'
      ? null
      : (findListed(step, 'answerForecast', (a) => a.style === 'rangeWithAssumptions') ?? findListed(step, 'answerForecast', (a) => a.style === 'range')),
    kept.sharing === 'transparent' ? null : findListed(step, 'shareProgress', (a) => a.style === 'transparent'),
  ].filter((c): c is { id: string } => c !== null && 'id' in c);
  return closeForm(step, parts, 'endReview');
}

/** The listed actions of these ids, closed by `close` (listed or not yet: the form's own button), as one step. */
function closeForm(step: Step, picked: readonly { id: string }[], close: 'endReview'): Choice | null {
  const chosen = picked.map((p) => step.actions.find((a) => a.id === p.id)!);
  const closing = listedType(step, close);
  if (chosen.length === 0) return closing;
  return { type: 'batch', actions: [...chosen.map((a) => a.action as BatchPart), { type: close }] };
}

/** The Review practices the last Reviews chose, as the Sprint history and the forecasts show them. */
export function agreedAtLastReview(obs: Observation): { format: string | null; sharing: string | null; forecast: string | null } {
  const past = obs.sprintHistory.filter((s) => s.number < obs.sprint);
  const last = (pick: (s: Observation['sprintHistory'][number]) => string | null) => [...past].reverse().map(pick).find((v) => v) ?? null;
  return {
    format: last((s) => s.reviewFormat),
    sharing: last((s) => s.progressSharing),
    forecast: [...obs.forecasts].reverse().find((f) => f.sprint < obs.sprint)?.style ?? null,
  };
}

/** Retrospective: read the history for each topic asked, then the improvement the state calls for. */
function retrospect(step: Step): Choice | null {
  const improvement = principledImprovement(step.observation);
  return together(reflectionsOnHistory(step).map((c) => step.actions.find((a) => a.id === c.id)!)) ?? findListed(step, 'chooseImprovement', (a) => a.improvement === improvement);
}

export const principledPolicy: PolicyFactory = () => {
  const memory = newMemory();
  return {
    name: 'principled',
    description:
      'plays by the Scrum Guide: a vision of customer, need and difference, a measurable Product Goal, a Now-Next-Later roadmap, research before building, refinement time sized to the coming work, cost-of-delay value order, outcome Sprint Goals, honest ranges and progress, Done only',
    choose(step: Step): Choice {
      const only = onlyChoice(step);
      if (only) return only;
      const obs = step.observation;
      remember(memory, obs);
      const phase = step.phase;
      const decision =
        principledPick(step, PRINCIPLED_ANSWER_RULES, 'answerQuestion') ??
        principledPick(step, PRINCIPLED_EVENT_RULES, 'resolveEvent') ??
        (phase.startsWith('briefing')
          ? brief(step, memory)
          : phase.startsWith('sprint.planning')
            ? plan(step, memory)
            : phase.startsWith('sprint.execution')
              ? duringSprint(step, memory)
              : phase === 'sprint.review'
                ? reviewSprint(step)
                : phase === 'sprint.retrospective'
                  ? retrospect(step)
                  : (listedType(step, 'releaseIncrement') ?? listedType(step, 'finishScenario')));
      // A phase this bot does not know yet: take the first listed action rather than stall.
      return decision ?? { id: step.actions[0]!.id };
    },
  };
};
