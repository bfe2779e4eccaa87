import type { Action, ActionType } from './model/actions';
import { REFINEMENT_SHARES, IMPROVEMENTS } from './model/actions';
import type { Scenario } from './model/scenario';
import type { GameState, Item } from './model/state';
import type { CriterionKind } from './model/scenario';
import { FEEDBACK_METHODS, MAP_QUADRANTS, MARKET_TECHNIQUES, MOSCOW, READINESS, REVIEW_FORMATS, ROADMAP_FORMATS, VISION_TECHNIQUES } from './model/actions';
import { EMPATHY_QUADRANTS, REQUEST_KINDS } from './model/scenario';
import { PO_TIME_COST } from './rules/discovery';
import { refinementBudget, refinementCost } from './rules/backlog';
import { developersForecast, goalCandidates, selectForSprint } from './rules/planning';
import { remainingCapacity } from './rules/release';
import { MID_SPRINT_RELEASE_COST, unreleasedDone } from './rules/review';
import { quotedTitles } from './rules/context';
import { pendingQuestionCard } from './rules/questions';
import { carriedPracticesText } from './rules/review-agreements';
import { reflectionOptions, requiredReflections } from './rules/reflection';
import { FLAW_QUESTION, scenarioItem, setAside } from './rules/story';
import { chosenProductGoal, productGoalProgress, type ProductGoalProgress } from './rules/product-goal';
import { stakeholderCues } from './rules/product';
import { reflectionLabel, STRATEGY_LABEL } from './model/labels';
import { count } from './model/words';
import { MAX_LENGTH, writingTerms, type Format } from './text';
import { criteriaStarter, productGoalStarter, storyStarter, WRITING_TOP } from './rules/starters';

/**
 * One way to act now. Sending `{ "id": ... }` takes it exactly as listed; an action that takes
 * text says so in `input` and is taken as `{ "id": ..., "text": ... }` (its listed text is a
 * starter to edit, sent as is when no text comes with the id).
 */
export interface ListedAction {
  id: string;
  type: ActionType;
  label: string;
  /** What a real PO would know this choice costs, when it costs something. */
  cost?: string;
  input?: TextInput;
  params: Omit<Action, 'type'>;
  action: Action;
}

/** The action a listed entry stands for, with the learner's text when it takes one; null when it takes none. */
export function takeListed(entry: ListedAction, text: string | undefined): Action | null {
  if (text === undefined) return entry.action;
  return entry.input ? ({ ...entry.action, text } as Action) : null;
}

/** A listed action that takes what the learner writes; `optional` when it may be sent without words. */
export interface TextInput {
  kind: 'text';
  format: Format;
  maxLength: number;
  optional?: boolean;
}

export interface VisibleItem {
  id: string;
  type: Item['type'];
  title: string;
  description: string;
  requestedBy: string | null;
  estimate: number;
  statedValue: number;
  refined: boolean;
  status: Item['status'];
  /** The Developers' last Definition of Done check: true once Done, false while it still falls short. */
  meetsDoD: boolean | null;
  /** Title of the unfinished work this item is blocked on, while it is. */
  blockedBy: string | null;
  /** The Sprint at whose end it came back to the Product Backlog not Done. */
  returnedInSprint: number | null;
  /** Its fixed date passed before it was Done. */
  deadlineMissed: boolean;
  doneInSprint: number | null;
  costOfDelay: Item['visibleCostOfDelay'];
  deadlineSprint: number | null;
  /** Known once the Developers have refined the item. */
  dependsOn: string[] | null;
  parentId: string | null;
  moscow: Item['moscow'];
  /** Candidate acceptance criteria, and which ones the PO chose. Kinds stay hidden. */
  criteria: { id: string; text: string; chosen: boolean }[];
  /** The story as the PO rewrote it, and the acceptance criteria they wrote; null until they do. */
  story: string | null;
  writtenCriteria: string | null;
  fixedFlaws: string[];
  /** INVEST weaknesses the Developers raised while refining it (known once it is refined). */
  raisedFlaws: string[];
  splitOptions: string[];
  released: boolean;
  offVision: boolean;
  segments: string[];
  assumption: { text: string; holds: boolean | null } | null;
  requestClass: string | null;
  market: string | null;
}

/** What the player may know. Hidden truth never appears here unless the rules revealed it. */
export interface Observation {
  scenario: { id: string; title: string; summary: string; product: string; vision: string };
  phase: string;
  sprint: number;
  sprints: number;
  day: number;
  days: number;
  productGoal: string | null;
  productGoalOptions: { id: string; text: string }[];
  /** The product's words the rubric accepts as tying a written text to this product (see src/engine/text.ts). */
  writingTerms: string[];
  /** How far the released product has come toward the Product Goal; `measurable` false when nobody can tell. */
  productGoalProgress: ProductGoalProgress | null;
  refinement: { share: number; budget: number; used: number; readiness: GameState['readiness'] };
  backlog: VisibleItem[];
  sprintBacklog: VisibleItem[];
  /** Done work: every item that met the Definition of Done, released or not. */
  increment: VisibleItem[];
  currentSprint: {
    goal: string;
    goalItemIds: string[];
    /** The Developers' answer to the proposed Sprint Goal, in Sprint Planning. */
    negotiation: { proposed: string[]; answer: 'agree' | 'tooBig' | 'blocked' | 'unclear'; counter: string[] | null; message: string } | null;
    settled: 'agreed' | 'insisted' | null;
    forecast: number;
    committed: string[];
    /** Points not Done at the end of each day. */
    burndown: number[];
    /** Points in the Sprint Backlog at the end of each day (rises when work is pulled in). */
    scope: number[];
    done: string[];
    notDone: string[];
  } | null;
  /** The PO's release plan, once made. */
  releasePlan: GameState['releasePlan'];
  /** In planning: the items the Developers would likely take at their forecast, in order. */
  likelySelection: string[];
  team: { capacity: number; velocityHistory: number[]; dodStrength: number; morale: number; techDebt: number; developersForecast: number };
  /** `cues`: what the player has seen each stakeholder say and do, to place them on the grid from. */
  stakeholders: { id: string; name: string; role: string; trust: number; mappedAs: string | null; cues: string[] }[];
  vision: { technique: string | null; fragments: { id: string; text: string }[] };
  visionFragments: { id: string; text: string }[];
  roadmap: { format: string | null; promises: { itemId: string; sprint: number }[]; misses: number };
  persona: { id: string; text: string }[];
  personaSnippets: { id: string; text: string }[];
  empathyNotes: { id: string; text: string; sortedAs: string | null }[];
  segments: { id: string; name: string; kind: string; buyer: boolean; user: boolean }[];
  poTime: number;
  insights: string[];
  pivot: { signal: string; evidence: string; decided: 'pivot' | 'persist' | null } | null;
  pendingEvent: { id: string; title: string; text: string; from: string; choices: { id: string; label: string; cost?: string }[] } | null;
  forecasts: {
    sprint: number;
    style: 'date' | 'range' | 'rangeWithAssumptions';
    low: number;
    high: number;
    judged: boolean;
    hit: boolean | null;
    /** The Monte Carlo histogram behind a range forecast (Sprints needed at 50/85/95%); null for a single date. */
    distribution: { trials: number; p50: number; p85: number; p95: number; sprintsNeeded: number[] } | null;
  }[];
  metrics: GameState['metrics'];
  releases: { sprint: number; itemIds: string[]; value: number; adoption: number; satisfaction: number; revenue: number; featureUse: Record<string, number> }[];
  /** Per past Sprint: what was forecast and done, and how often the Developers had to ask for clarification. */
  sprintHistory: {
    number: number;
    goal: string;
    goalMet: boolean | null;
    cancelled: boolean;
    forecast: number;
    velocity: number;
    clarifications: number;
    /** Items the Developers thought finished that fell short of the Definition of Done. */
    shortOfDoD: string[];
    /** Technical debt when the Sprint started. */
    techDebtAtStart: number;
    stretch: boolean;
    reviewFormat: string | null;
    progressSharing: string | null;
    released: boolean;
    /** Items Done in the Sprint, and items that went back not Done. */
    done: string[];
    notDone: string[];
  }[];
  pendingQuestion: { id: string; asker: string; text: string; answers: { id: string; label: string }[] } | null;
  reflectionsDue: string[];
  log: string[];
}

function visible(i: Item, scenario: Scenario): VisibleItem {
  const source = scenarioItem(scenario, i.id);
  return {
    id: i.id,
    type: i.type,
    title: i.title,
    description: i.description,
    requestedBy: i.requestedBy,
    estimate: i.estimate,
    statedValue: i.statedValue,
    refined: i.refined,
    status: i.status,
    meetsDoD: i.meetsDoD,
    blockedBy: i.blockedBy,
    returnedInSprint: i.returnedInSprint,
    deadlineMissed: i.deadlineMissed,
    doneInSprint: i.doneInSprint,
    costOfDelay: i.visibleCostOfDelay,
    deadlineSprint: i.visibleCostOfDelay === 'fixedDate' ? (i.truth.deadlineSprint ?? null) : null,
    dependsOn: i.dependenciesKnown ? [...(i.truth.dependsOn ?? [])] : null,
    parentId: i.parentId,
    moscow: i.moscow,
    criteria: (source?.criteria ?? []).map((c) => ({ id: c.id, text: c.text, chosen: i.criteria.includes(c.id) })),
    story: i.story,
    writtenCriteria: i.writtenCriteria?.text ?? null,
    fixedFlaws: [...i.fixedFlaws],
    raisedFlaws: [...i.raisedFlaws],
    splitOptions: (source?.splits ?? []).map((o) => o.strategy),
    released: i.releasedInSprint !== null,
    offVision: i.offVision,
    segments: [...(source?.segments ?? [])],
    assumption: source?.assumption ? { text: source.assumption.text, holds: i.assumptionHolds } : null,
    requestClass: i.requestClass,
    market: i.marketKnown,
  };
}

export type { CriterionKind };

export function observation(state: GameState, scenario: Scenario): Observation {
  const items = Object.values(state.items);
  const sprint = state.sprints[state.sprints.length - 1];
  const inSprint = sprint && state.sprints.length === state.sprint ? sprint : null;
  const card = scenario.events.find((c) => c.id === state.pendingEvent?.cardId);
  const goal = chosenProductGoal(state, scenario);
  const question = pendingQuestionCard(state, scenario.questions);
  return {
    scenario: { id: scenario.id, title: scenario.title, summary: scenario.summary, product: scenario.product.name, vision: scenario.product.vision },
    phase: state.phase,
    sprint: state.sprint,
    sprints: scenario.sprints,
    day: state.day,
    days: scenario.daysPerSprint,
    productGoal: goal?.text ?? null,
    productGoalOptions: scenario.productGoals.map((g) => ({ id: g.id, text: g.text })),
    writingTerms: writingTerms(scenario),
    productGoalProgress: productGoalProgress(state, scenario),
    refinement: { share: state.refinementShare, budget: refinementBudget(state), used: state.refinementUsed, readiness: state.readiness },
    backlog: state.backlogOrder.map((id) => visible(state.items[id]!, scenario)),
    sprintBacklog: inSprint ? inSprint.committed.map((id) => visible(state.items[id]!, scenario)).filter((i) => i.status !== 'backlog') : [],
    increment: items.filter((i) => i.status === 'done').map((i) => visible(i, scenario)),
    currentSprint: inSprint
      ? {
          goal: inSprint.goalText,
          goalItemIds: [...inSprint.goalItemIds],
          negotiation: inSprint.negotiation ? { ...inSprint.negotiation, proposed: [...inSprint.negotiation.proposed], counter: inSprint.negotiation.counter ? [...inSprint.negotiation.counter] : null } : null,
          settled: inSprint.goalSettled,
          forecast: inSprint.forecast,
          committed: [...inSprint.committed],
          burndown: [...inSprint.burndown],
          scope: [...inSprint.scope],
          done: [...inSprint.done],
          notDone: [...inSprint.notDone],
        }
      : null,
    releasePlan: state.releasePlan,
    likelySelection: state.phase.startsWith('sprint.planning')
      ? selectForSprint(state, scenario, developersForecast(state), inSprint?.negotiation ? (inSprint.negotiation.counter ?? inSprint.negotiation.proposed) : []).selected
      : [],
    team: {
      capacity: state.team.capacity,
      velocityHistory: state.sprints.filter((s) => s.number < state.sprint || state.phase.startsWith('sprint.review') || state.phase.startsWith('sprint.retro') || state.phase === 'release' || state.phase === 'debrief').map((s) => s.velocity),
      dodStrength: state.team.dodStrength,
      morale: state.team.morale,
      techDebt: state.team.techDebt,
      developersForecast: developersForecast(state),
    },
    stakeholders: scenario.stakeholders.map((s) => ({ id: s.id, name: s.name, role: s.role, trust: state.trust[s.id] ?? 0, mappedAs: state.stakeholderMap[s.id] ?? null, cues: stakeholderCues(state, scenario, s.id) })),
    vision: { technique: state.vision.technique, fragments: state.vision.fragments.map((id) => ({ id, text: scenario.visionFragments?.find((f) => f.id === id)?.text ?? id })) },
    visionFragments: (scenario.visionFragments ?? []).map((f) => ({ id: f.id, text: f.text })),
    roadmap: { format: state.roadmap.format, promises: state.roadmap.promises.map((p) => ({ ...p })), misses: state.roadmap.misses },
    persona: state.persona.map((id) => ({ id, text: scenario.personaSnippets?.find((p) => p.id === id)?.text ?? id })),
    personaSnippets: (scenario.personaSnippets ?? []).map((p) => ({ id: p.id, text: p.text })),
    empathyNotes: (scenario.empathyNotes ?? []).map((n) => ({ id: n.id, text: n.text, sortedAs: state.empathy[n.id] ?? null })),
    segments: (scenario.segments ?? []).map((s) => ({ ...s })),
    poTime: state.poTime,
    insights: state.insights.slice(-8),
    pivot: scenario.pivot && state.sprint >= scenario.pivot.sprint && (state.phase.startsWith('sprint.review') || state.pivot) ? { signal: scenario.pivot.signal, evidence: scenario.pivot.evidence, decided: state.pivot } : null,
    pendingEvent: card
      ? { id: card.id, title: card.title, text: card.text, from: card.from, choices: card.choices.map((c) => ({ id: c.id, label: c.label, ...(c.cost ? { cost: c.cost } : {}) })) }
      : null,
    forecasts: state.forecasts.map((f) => ({
      sprint: f.sprint,
      style: f.style,
      low: f.low,
      high: f.high,
      judged: f.judged,
      hit: f.hit,
      distribution: f.distribution ? { ...f.distribution, sprintsNeeded: [...f.distribution.sprintsNeeded] } : null,
    })),
    metrics: state.metrics ? { ...state.metrics } : null,
    releases: state.releases.map((r) => ({ ...r, itemIds: [...r.itemIds], featureUse: { ...r.featureUse } })),
    sprintHistory: state.sprints
      .filter((s) => s.goalMet !== null)
      .map((s) => ({
        number: s.number,
        goal: s.goalText,
        goalMet: s.goalMet,
        cancelled: s.cancelled,
        forecast: s.forecast,
        velocity: s.velocity,
        clarifications: s.clarifications,
        shortOfDoD: [...s.shortOfDoD],
        techDebtAtStart: s.techDebtAtStart,
        stretch: s.stretch,
        reviewFormat: s.reviewFormat,
        progressSharing: s.progressSharing,
        released: s.released,
        done: [...s.done],
        notDone: [...s.notDone],
      })),
    pendingQuestion: question ? { id: question.id, asker: question.asker, text: question.text, answers: question.answers.map((a) => ({ id: a.id, label: a.label })) } : null,
    reflectionsDue: reflecting(state) ? requiredReflections(state) : [],
    log: state.log.slice(-10),
  };
}

/** Ids read "type:param:param" so logs and replays stay legible. */
function listed(id: string, action: Action, label: string, cost?: string, input?: TextInput): ListedAction {
  const { type, ...params } = action;
  const entry: ListedAction = { id, type, label, params: Object.freeze(params), action: Object.freeze(action) };
  if (cost) entry.cost = cost;
  if (input) entry.input = Object.freeze(input);
  // Listings are reused between steps, so they are read-only for every shell.
  return Object.freeze(entry);
}

/** Every legal action, once per meaningful option, in a stable order. */
/**
 * Listing blocks rebuilt only when the state they read has changed. States are immutable and
 * share unchanged parts, so comparing a few references tells whether a block can be reused.
 */
export class ListingCache {
  private blocks = new Map<ActionType, { deps: readonly unknown[]; entries: ListedAction[] }>();

  get(type: ActionType, deps: readonly unknown[]): ListedAction[] | undefined {
    const hit = this.blocks.get(type);
    return hit && hit.deps.length === deps.length && hit.deps.every((d, i) => d === deps[i]) ? hit.entries : undefined;
  }

  set(type: ActionType, deps: readonly unknown[], entries: ListedAction[]): void {
    this.blocks.set(type, { deps, entries });
  }

  private items = new Map<ActionType, WeakMap<object, ListedAction[]>>();

  /**
   * One item's entries of a per-item block, reused while the item is the same object: states
   * share the items an action left alone, so after a reorder or a change to one item only that
   * item's entries are built again.
   */
  ofItem(type: ActionType, item: object, build: () => ListedAction[]): ListedAction[] {
    let byItem = this.items.get(type);
    if (!byItem) this.items.set(type, (byItem = new WeakMap()));
    let entries = byItem.get(item);
    if (!entries) byItem.set(item, (entries = build()));
    return entries;
  }
}

/** What each large block reads; blocks not named here are small and rebuilt every time. */
function blockDeps(type: ActionType, s: GameState): readonly unknown[] | null {
  switch (type) {
    case 'moveItem':
      return [s.backlogOrder];
    case 'mapStakeholder':
      return [s.stakeholderMap];
    case 'sortEmpathyNote':
      return [s.empathy];
    case 'addVisionFragment':
      return [s.vision];
    case 'addPersonaTrait':
      return [s.persona];
    case 'flagOffVision':
    case 'splitItem':
    case 'classifyRequest':
      return [s.backlogOrder, s.items];
    case 'fixFlaw':
    case 'addCriterion':
    case 'tagMoscow':
    case 'refineItem':
    case 'testAssumption':
      return [s.backlogOrder, s.items, s.sprints, s.refinementShare, s.refinementUsed, s.poTime];
    default:
      return null;
  }
}

/** The events that ask the learner to read what the history shows: the Review and the Retrospective. */
function reflecting(state: GameState): boolean {
  return state.phase === 'sprint.review' || state.phase === 'sprint.retrospective';
}

export function listActions(state: GameState, scenario: Scenario, legal: readonly ActionType[], cache?: ListingCache): ListedAction[] {
  const out: ListedAction[] = [];
  const title = (id: string) => state.items[id]!.title;
  // An open question is a dialog: it must be answered before anything else.
  const question = pendingQuestionCard(state, scenario.questions);
  if (question) {
    for (const a of question.answers) out.push(listed(`answerQuestion:${a.id}`, { type: 'answerQuestion', answerId: a.id }, a.label));
    return inSeedOrder(state.seed, out);
  }
  const reflections = reflecting(state) ? requiredReflections(state) : [];
  /** Each backlog item's entries of `type`, in backlog order; built from the item and the scenario alone. */
  const perItem = (type: ActionType, build: (id: string, item: Item) => ListedAction[], keep?: (item: Item) => boolean): void => {
    for (const id of state.backlogOrder) {
      const item = state.items[id]!;
      if (keep && !keep(item)) continue;
      for (const e of cache ? cache.ofItem(type, item, () => build(id, item)) : build(id, item)) out.push(e);
    }
  };
  const cached = (type: ActionType, item: Item, build: () => ListedAction[]) => (cache ? cache.ofItem(type, item, build) : build());
  /** The top of the Product Backlog, where writing stories and criteria pays off now. */
  const topForWriting = (build: (id: string, item: Item) => ListedAction[]): void => {
    let n = 0;
    for (const id of state.backlogOrder) {
      const item = state.items[id]!;
      if (item.type === 'epic' || setAside(item)) continue;
      for (const e of build(id, item)) out.push(e);
      if (++n >= WRITING_TOP) break;
    }
  };
  for (const type of legal) {
    const start = out.length;
    const deps = cache ? blockDeps(type, state) : null;
    const reused = deps ? cache!.get(type, deps) : undefined;
    if (reused) {
      for (const e of reused) out.push(e);
      continue;
    }
    switch (type) {
      case 'chooseProductGoal':
        for (const g of scenario.productGoals) out.push(listed(`${type}:${g.id}`, { type, goalId: g.id }, `Choose the Product Goal: ${g.text}`));
        break;
      case 'writeProductGoal':
        out.push(listed(type, { type, text: productGoalStarter(state, scenario) }, 'Write the Product Goal in your own words', undefined, textInput('productGoal')));
        break;
      case 'writeStory':
        topForWriting((id, item) =>
          cached(type, item, () => [listed(`${type}:${id}`, { type, itemId: id, text: storyStarter(item) }, `Rewrite the story of "${item.title}" in your own words`, undefined, textInput('story'))]),
        );
        break;
      case 'writeCriteria':
        topForWriting((id, item) =>
          cached(type, item, () => [listed(`${type}:${id}`, { type, itemId: id, text: criteriaStarter(item) }, `Write acceptance criteria for "${item.title}" (Given, When, Then)`, undefined, textInput('criteria'))]),
        );
        break;
      case 'startSprints':
        out.push(listed(type, { type }, 'Start Sprint 1'));
        break;
      case 'setRefinementShare':
        for (const percent of REFINEMENT_SHARES)
          if (percent !== state.refinementShare)
            out.push(listed(`${type}:${percent}`, { type, percent }, `Set aside ${percent}% of Developer capacity for refinement`, `${percent}% less capacity for delivery`));
        break;
      case 'refineItem': {
        const left = refinementBudget(state) - state.refinementUsed;
        perItem(
          type,
          (id, item) => (item.refined ? [] : [listed(`${type}:${id}`, { type, itemId: id }, `Refine "${item.title}" with the Developers`, `${count(refinementCost(item.estimate), 'point')} of refinement time`)]),
          (item) => refinementCost(item.estimate) <= left,
        );
        break;
      }
      case 'moveItem':
        // "To the top" alone reaches every order; finer moves are sent as full actions.
        perItem(
          type,
          (id, item) => [listed(`${type}:${id}:0`, { type, itemId: id, toIndex: 0 }, `Move "${item.title}" to the top of the Product Backlog`)],
          (item) => item !== state.items[state.backlogOrder[0]!],
        );
        break;
      case 'orderBacklog':
        // Listed with the current order as its default; agents send their own itemIds.
        out.push(listed(type, { type, itemIds: [...state.backlogOrder] }, 'Put the whole Product Backlog in a new order'));
        break;
      case 'proposeSprintGoal': {
        // The PO's objective may rest on one item or combine the next few: each is a real option.
        const all = goalCandidates(state);
        const kept = all.filter((id) => !setAside(state.items[id]!));
        const ids = (kept.length ? kept : all).slice(0, 3);
        if (ids.length === 0) out.push(listed(`${type}:quality`, { type, itemIds: [] }, 'Propose a Sprint Goal of strengthening what the Increment already does (no new items)'));
        for (let k = 1; k <= ids.length; k++) {
          const focus = ids.slice(0, k);
          const points = focus.reduce((a, id) => a + state.items[id]!.estimate, 0);
          out.push(listed(`${type}:${focus.join('+')}`, { type, itemIds: focus }, `Propose a Sprint Goal built on ${quotedTitles(state, focus)} (${count(points, 'point')})`, undefined, textInput('sprintGoal', true)));
        }
        break;
      }
      case 'commitSprint': {
        const n = state.sprints[state.sprints.length - 1]?.negotiation;
        if (!n) break;
        const f = developersForecast(state);
        const agreed =
          n.answer === 'agree'
            ? 'Agree the Sprint Goal with the Developers and start the Sprint'
            : n.answer === 'unclear'
              ? 'Start the Sprint with the goal as proposed, without clarifying the item'
              : n.counter
                ? `Take the Developers' version, built on ${quotedTitles(state, n.counter)}, and start the Sprint`
                : null;
        if (agreed) out.push(listed(`${type}:agreed`, { type, scope: 'agreed' }, agreed, n.answer === 'unclear' ? 'The Developers will stop to ask during the Sprint' : undefined));
        const proposed = n.proposed.reduce((a, id) => a + state.items[id]!.estimate, 0);
        out.push(
          listed(
            `${type}:insist`,
            { type, scope: 'insist' },
            `Insist on your goal and about ${count(Math.max(Math.round(f * 1.3), proposed), 'point')} of work, and start the Sprint`,
            'The Developers lose morale when overruled',
          ),
        );
        break;
      }
      case 'cancelSprint': {
        const sprint = state.sprints[state.sprints.length - 1];
        if (sprint?.goalItemIds.length)
          out.push(listed(type, { type }, `Cancel Sprint ${state.sprint}`, 'The days left are lost; work not Done goes back to the Product Backlog'));
        break;
      }
      case 'nextDay':
        out.push(listed(type, { type }, `Go to day ${state.day + 1}`));
        break;
      case 'runToNextEvent':
        out.push(listed(type, { type }, 'Run to the next event'));
        break;
      case 'resolveEvent': {
        const card = scenario.events.find((c) => c.id === state.pendingEvent?.cardId);
        for (const c of card?.choices ?? []) out.push(listed(`${type}:${c.id}`, { type, choiceId: c.id }, c.label, c.cost));
        break;
      }
      case 'answerForecast':
        if (!state.sprints[state.sprints.length - 1]?.forecastAnswered && state.backlogOrder.length > 0) {
          out.push(listed(`${type}:date`, { type, style: 'date' }, 'Tell stakeholders a single date for the next items'));
          out.push(listed(`${type}:range`, { type, style: 'range' }, 'Give stakeholders a range with confidence from velocity history'));
          out.push(listed(`${type}:rangeWithAssumptions`, { type, style: 'rangeWithAssumptions' }, 'Give a range from velocity history and name the assumptions behind it'));
        }
        break;
      case 'endReview':
        if (reflections.length) break;
        out.push(listed(type, { type }, `Close the Sprint Review${carriedPracticesText(state)}`));
        break;
      case 'planRelease': {
        if (state.releasePlan) break;
        const last = scenario.sprints;
        const scope = remainingCapacity(state, last).scope;
        out.push(listed(`${type}:dateWithFlexibleScope`, { type, plan: 'dateWithFlexibleScope' }, `Plan the release for the end of Sprint ${last}: the top of the Product Backlog that is Done by then ships`));
        out.push(listed(`${type}:everythingByDate`, { type, plan: 'everythingByDate' }, `Promise every item in the Product Backlog (${count(scope, 'point')}) by the end of Sprint ${last}`, 'Stakeholders will hold you to it'));
        out.push(listed(`${type}:scopeWithoutDate`, { type, plan: 'scopeWithoutDate' }, 'Promise the whole scope, and set a date once it is Done'));
        break;
      }
      case 'chooseImprovement':
        if (reflections.length) break;
        for (const improvement of IMPROVEMENTS)
          out.push(
            listed(
              `${type}:${improvement}`,
              { type, improvement },
              improvement === 'strengthenDoD'
                ? 'Agree to strengthen the Definition of Done'
                : improvement === 'payDownDebt'
                  ? 'Agree to spend part of the next Sprint on technical debt'
                  : 'Keep the way of working as it is',
              improvement === 'strengthenDoD' ? 'Slower next Sprint' : improvement === 'payDownDebt' ? '15% of next Sprint' : undefined,
            ),
          );
        break;
      case 'finishScenario':
        out.push(listed(type, { type }, 'Finish the scenario and see the debrief'));
        break;
      case 'splitItem':
        // Sent with text, the slices are the PO's own stories, one per line.
        perItem(type, (id, item) =>
          (scenarioItem(scenario, id)?.splits ?? []).map((option) =>
            listed(`${type}:${id}:${option.strategy}`, { type, itemId: id, strategy: option.strategy }, `Split "${item.title}" by ${STRATEGY_LABEL[option.strategy]}`, undefined, textInput('split', true)),
          ),
        );
        break;
      case 'fixFlaw':
        // Only what the Developers raised in refinement: a story's weaknesses are theirs to find, not the PO's to guess.
        perItem(type, (id, item) =>
          item.raisedFlaws
            .filter((flaw) => !item.fixedFlaws.includes(flaw))
            .map((flaw) => listed(`${type}:${id}:${flaw}`, { type, itemId: id, flaw }, `Rework "${item.title}" so it is ${flaw}: the Developers asked ${FLAW_QUESTION[flaw]}`, 'Some of your time with the Developers')),
        );
        break;
      case 'addCriterion':
        // Any item: the PO may detail whatever they choose, not only what the next Sprint takes.
        perItem(type, (id, item) =>
          (scenarioItem(scenario, id)?.criteria ?? [])
            .filter((c) => !item.criteria.includes(c.id))
            .map((c) => listed(`${type}:${id}:${c.id}`, { type, itemId: id, criterionId: c.id }, `Add to "${item.title}": ${c.text}`)),
        );
        break;
      case 'setReadiness':
        for (const level of READINESS)
          if (level !== state.readiness)
            out.push(listed(`${type}:${level}`, { type, level }, `Agree a ${level === 'none' ? 'no' : level} Definition of Ready with the Developers`, level === 'strict' ? 'Fewer items may enter each Sprint' : level === 'none' ? 'Unclear items may enter Sprints' : undefined));
        break;
      case 'tagMoscow':
        perItem(type, (id, item) => MOSCOW.filter((tag) => item.moscow !== tag).map((tag) => listed(`${type}:${id}:${tag}`, { type, itemId: id, tag }, `Tag "${item.title}" as ${MOSCOW_LABEL[tag]} for the release`)));
        break;
      case 'setReviewFormat':
        if (!state.sprints[state.sprints.length - 1]?.reviewFormat)
          for (const format of REVIEW_FORMATS) out.push(listed(`${type}:${format}`, { type, format }, REVIEW_LABEL[format], format === 'workingSession' ? 'An hour of stakeholders\u2019 time' : undefined));
        break;
      case 'releaseIncrement': {
        const waiting = unreleasedDone(state).length;
        if (waiting)
          out.push(
            listed(
              type,
              { type },
              `Release the Done work to users now (${count(waiting, 'item')})`,
              state.phase.startsWith('sprint.execution') ? `About ${count(MID_SPRINT_RELEASE_COST, 'point')} of the Developers' time this Sprint` : undefined,
            ),
          );
        break;
      }
      case 'reflect':
        for (const topic of reflections)
          for (const finding of reflectionOptions(state, topic))
            out.push(listed(`${type}:${topic}:${finding}`, { type, topic, finding }, reflectionLabel(topic, finding, state)));
        break;
      case 'chooseVisionTechnique':
        for (const technique of VISION_TECHNIQUES)
          if (technique !== state.vision.technique) out.push(listed(`${type}:${technique}`, { type, technique }, `Shape the vision as ${VISION_LABEL[technique]}`));
        break;
      case 'addVisionFragment':
        if (state.vision.technique)
          for (const f of scenario.visionFragments ?? [])
            if (!state.vision.fragments.includes(f.id)) out.push(listed(`${type}:${f.id}`, { type, fragmentId: f.id }, `Put into the vision: "${f.text}"`));
        break;
      case 'chooseRoadmap':
        for (const format of ROADMAP_FORMATS)
          if (format !== state.roadmap.format)
            out.push(listed(`${type}:${format}`, { type, format }, ROADMAP_LABEL[format], format === 'datedFeatures' ? 'Stakeholders will hold you to the dates' : undefined));
        break;
      case 'addPersonaTrait':
        for (const p of scenario.personaSnippets ?? [])
          if (!state.persona.includes(p.id)) out.push(listed(`${type}:${p.id}`, { type, snippetId: p.id }, `Add to the persona: "${p.text}"`));
        break;
      case 'mapStakeholder':
        for (const who of scenario.stakeholders)
          for (const quadrant of MAP_QUADRANTS)
            if (state.stakeholderMap[who.id] !== quadrant) out.push(listed(`${type}:${who.id}:${quadrant}`, { type, stakeholderId: who.id, quadrant }, `Map ${who.name} (${who.role}) as ${QUADRANT_LABEL[quadrant]}`));
        break;
      case 'flagOffVision':
        perItem(type, (id, item) => (item.offVision ? [] : [listed(`${type}:${id}`, { type, itemId: id }, `Set "${item.title}" aside: it does not serve the vision`)]));
        break;
      case 'gatherFeedback':
        for (const method of FEEDBACK_METHODS)
          // Usage analytics read what users did with released work: nothing to study before a release.
          if (state.poTime >= PO_TIME_COST[method] && (method !== 'analytics' || state.releases.some((r) => r.itemIds.length > 0)))
            out.push(listed(`${type}:${method}`, { type, method }, FEEDBACK_LABEL[method], `${count(PO_TIME_COST[method], 'half-day')} of your time${method === 'usabilityTest' ? ' and 2 points of Developer time' : ''}`));
        break;
      case 'testAssumption':
        if (state.poTime >= PO_TIME_COST.assumption)
          for (const id of state.backlogOrder) {
            const source = scenarioItem(scenario, id);
            if (source?.assumption && state.items[id]!.assumptionHolds === null)
              out.push(listed(`${type}:${id}`, { type, itemId: id }, `Test "${source.assumption.text}" with a small experiment before building "${title(id)}"`, 'A fifth of the item\u2019s effort and half a day of yours'));
          }
        break;
      case 'sortEmpathyNote':
        for (const note of scenario.empathyNotes ?? [])
          if (!state.empathy[note.id])
            for (const quadrant of EMPATHY_QUADRANTS) out.push(listed(`${type}:${note.id}:${quadrant}`, { type, noteId: note.id, quadrant }, `Empathy map: "${note.text}" is what they ${quadrant}`));
        break;
      case 'classifyRequest':
        perItem(type, (id, item) =>
          scenarioItem(scenario, id)?.requestKind && !item.requestClass ? REQUEST_KINDS.map((kind) => listed(`${type}:${id}:${kind}`, { type, itemId: id, kind }, `"${item.title}" reflects ${REQUEST_LABEL[kind]}`)) : [],
        );
        break;
      case 'analyseMarket':
        // Only where the scenario has a market to analyse.
        if (state.poTime >= PO_TIME_COST.market && scenario.backlog.some((i) => i.market))
          for (const technique of MARKET_TECHNIQUES)
            if (!state.marketAnalysis.includes(technique)) out.push(listed(`${type}:${technique}`, { type, technique }, MARKET_LABEL[technique], 'Half a day of your time'));
        break;
      case 'shareProgress':
        if (!state.sprints[state.sprints.length - 1]?.progressSharing) {
          out.push(
            listed(
              `${type}:transparent`,
              { type, style: 'transparent' },
              state.sprints[state.sprints.length - 1]?.notDone.length
                ? 'Share the burn-up, the forecast range, the open risks and what is not Done'
                : 'Share the burn-up, the forecast range and the open risks',
            ),
          );
          out.push(listed(`${type}:optimistic`, { type, style: 'optimistic' }, 'Tell stakeholders everything is on track'));
        }
        break;
      case 'decidePivot':
        if (scenario.pivot && scenario.pivot.sprint === state.sprint && !state.pivot) {
          out.push(listed(`${type}:pivot`, { type, decision: 'pivot' }, 'Pivot: change the Product Goal in light of the evidence', 'Work aimed at the old goal loses its point'));
          out.push(listed(`${type}:persist`, { type, decision: 'persist' }, 'Persist: keep the Product Goal and watch the evidence'));
        }
        break;
      case 'answerQuestion':
      case 'injectEvent':
      // A batch is made of listed actions; it is not listed itself.
      case 'batch':
        break;
      default:
        assertNever(type);
    }
    // Options of a choice are listed in an order that says nothing about their quality.
    if (SHUFFLED.has(type)) out.splice(start, out.length - start, ...inSeedOrder(state.seed, out.slice(start)));
    if (deps) cache!.set(type, deps, out.slice(start));
  }
  return out;
}

function textInput(format: Format, optional = false): TextInput {
  return optional ? { kind: 'text', format, maxLength: MAX_LENGTH[format], optional } : { kind: 'text', format, maxLength: MAX_LENGTH[format] };
}

const SHUFFLED = new Set<ActionType>([
  'chooseProductGoal', 'resolveEvent', 'proposeSprintGoal', 'commitSprint', 'answerForecast', 'setReviewFormat', 'chooseImprovement',
  'planRelease', 'shareProgress', 'decidePivot', 'chooseRoadmap', 'chooseVisionTechnique', 'reflect', 'setReadiness', 'setRefinementShare',
  'gatherFeedback', 'analyseMarket', 'addVisionFragment', 'addPersonaTrait',
]);

/** FNV-1a: a tiny, stable string hash; used only to order options, never for outcomes. */
function fnv(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function inSeedOrder(seed: string, entries: ListedAction[]): ListedAction[] {
  return entries.map((e) => ({ e, k: fnv(`${seed}|${e.id}`) })).sort((a, b) => a.k - b.k || (a.e.id < b.e.id ? -1 : 1)).map((x) => x.e);
}

export function assertNever(x: never): never {
  throw new Error(`unexpected value: ${String(x)}`);
}

const MOSCOW_LABEL: Record<string, string> = { must: 'Must have', should: 'Should have', could: 'Could have', wont: "Won't have this time" };
const REVIEW_LABEL: Record<(typeof REVIEW_FORMATS)[number], string> = {
  workingSession: 'Run the Sprint Review as a working session: stakeholders try the Increment and shape what comes next',
  demo: 'Run the Sprint Review as a demo of what was built',
  statusReport: 'Send stakeholders a status report instead of meeting',
};


const VISION_LABEL: Record<(typeof VISION_TECHNIQUES)[number], string> = {
  elevatorPitch: 'an elevator pitch (for whom, what need, unlike what)',
  visionBoard: 'a vision board (target group, needs, product, business goals)',
  productBox: 'a product box (the box you would sell it in)',
};
const ROADMAP_LABEL: Record<(typeof ROADMAP_FORMATS)[number], string> = {
  nowNextLater: 'Share a Now, Next, Later roadmap',
  goalOriented: 'Share a goal-oriented roadmap: outcomes per horizon, no fixed dates',
  datedFeatures: 'Share a dated feature list: these features by these Sprints',
};
const QUADRANT_LABEL: Record<(typeof MAP_QUADRANTS)[number], string> = {
  manageClosely: 'high influence, high interest: manage closely',
  keepSatisfied: 'high influence, low interest: keep satisfied',
  keepInformed: 'low influence, high interest: keep informed',
  monitor: 'low influence, low interest: monitor',
};
const FEEDBACK_LABEL: Record<(typeof FEEDBACK_METHODS)[number], string> = {
  interviews: 'Interview a handful of users',
  survey: 'Send a survey to many customers',
  usabilityTest: 'Run a usability test on the next items',
  analytics: 'Study usage analytics of what was released',
};
const REQUEST_LABEL: Record<(typeof REQUEST_KINDS)[number], string> = {
  need: 'a genuine unmet need',
  habit: 'a habit users are used to elsewhere',
  competitor: 'matching a competitor feature',
};
const MARKET_LABEL: Record<(typeof MARKET_TECHNIQUES)[number], string> = {
  featureComparison: 'Compare features with the competitors',
  swot: 'Run a SWOT analysis',
  positioning: 'Draw a positioning map',
};
