import type { CostOfDelay, CriterionKind, InvestFlaw, ItemTruth, ItemType, MarketPosition, RequestKind } from './scenario';
import type { StreamStates } from '../rng';

/** A judged decision, for the assessment layer. The engine never grades. */
export interface Evidence {
  goalId: string;
  /** 0..1: how well the decision matches good practice. */
  score: number;
  weight: number;
  decisionId: string;
  rationale: string;
}

/**
 * backlog → sprint → done. An item is `done` only when it meets the Definition of Done; then it is
 * part of the Increment. Work not Done at the end of a Sprint goes back to the Product Backlog.
 * Split items are replaced by their pieces.
 */
export type ItemStatus = 'backlog' | 'sprint' | 'done' | 'split';
export type Moscow = 'must' | 'should' | 'could' | 'wont';
export type Readiness = 'none' | 'light' | 'strict';
export type ReviewFormat = 'workingSession' | 'demo' | 'statusReport';
export type VisionTechnique = 'elevatorPitch' | 'visionBoard' | 'productBox';
export type RoadmapFormat = 'nowNextLater' | 'goalOriented' | 'datedFeatures';
export type MapQuadrant = 'manageClosely' | 'keepSatisfied' | 'keepInformed' | 'monitor';
export type FeedbackMethod = 'interviews' | 'survey' | 'usabilityTest' | 'analytics';
export type MarketTechnique = 'featureComparison' | 'swot' | 'positioning';

export interface Item {
  id: string;
  type: ItemType;
  title: string;
  description: string;
  requestedBy: string | null;
  /** The Developers' current estimate (visible). */
  estimate: number;
  statedValue: number;
  refined: boolean;
  status: ItemStatus;
  /** Story points of true effort still to do. Hidden. */
  remaining: number;
  /**
   * The Developers' last check against the Definition of Done: true once Done, false while work
   * they thought finished still falls short of it (they keep working on it), null before any check.
   */
  meetsDoD: boolean | null;
  /** Sprint in which it met the Definition of Done and joined the Increment. */
  doneInSprint: number | null;
  /** Title of the unfinished item this one waits on, while the Developers are blocked on it. Visible. */
  blockedBy: string | null;
  /** Sprint at whose end it went back to the Product Backlog not Done; null once taken again. */
  returnedInSprint: number | null;
  /** A fixed date that passed before the item was Done. */
  deadlineMissed: boolean;
  /** Rework hidden in an unclear item, revealed when the Developers reach it. Hidden. */
  hiddenRework: number;
  truth: ItemTruth;
  /** Visible for fixed-date items from the start, for others once refinement has revealed it. */
  visibleCostOfDelay: CostOfDelay | null;
  /** The item this one was split from. */
  parentId: string | null;
  /** For a defect found after a release: the released item it is a defect of. */
  defectOf?: string;
  /** Acceptance criteria the PO chose, by candidate id. */
  criteria: string[];
  /** The story as the PO last rewrote it, in their words; null while it reads as the scenario wrote it. Visible. */
  story: string | null;
  /** Acceptance criteria the PO wrote (Gherkin), with the kinds of condition the rubric found in them. Visible. */
  writtenCriteria: WrittenCriteria | null;
  /** INVEST flaws the PO found and fixed. */
  fixedFlaws: InvestFlaw[];
  /** INVEST weaknesses the Developers raised while refining the item, in their questions. Visible. */
  raisedFlaws: InvestFlaw[];
  moscow: Moscow | null;
  /** Dependencies become known when the Developers refine the item. */
  dependenciesKnown: boolean;
  releasedInSprint: number | null;
  /** The PO judged it does not serve the vision and set it aside. */
  offVision: boolean;
  /** Result of testing the item's assumption: null until tested. */
  assumptionHolds: boolean | null;
  /** The PO's reading of what a request reflects, and whether evidence has shown what it really is. */
  requestClass: RequestKind | null;
  /** Market position, once market analysis revealed it. */
  marketKnown: MarketPosition | null;
}

export interface WrittenCriteria {
  text: string;
  /** Kinds of condition the text covers (happy path, edge case, error handling, quality). */
  kinds: CriterionKind[];
  /** Weaknesses that make it a poor criterion: no observable outcome, or implementation detail. */
  poor: number;
}

/** A Product Goal the PO wrote; what its wording shows decides whether progress can be measured. */
/** The `productGoalId` of a Product Goal the PO wrote rather than chose. */
export const WRITTEN_GOAL_ID = 'written';

export interface WrittenProductGoal {
  text: string;
  measurable: boolean;
  servesVision: boolean;
}

export interface Release {
  sprint: number;
  itemIds: string[];
  value: number;
  /** Revealed product metrics: what users did with the released items. */
  adoption: number;
  satisfaction: number;
  revenue: number;
  /** Share of active users who used each released item, 0..100. */
  featureUse: Record<string, number>;
}

export type ReleasePlan = 'dateWithFlexibleScope' | 'everythingByDate' | 'scopeWithoutDate';

export interface PendingEvent {
  cardId: string;
  day: number;
}

/** How the Developers answered the PO's proposed Sprint Goal in Sprint Planning. */
export type GoalAnswer = 'agree' | 'tooBig' | 'blocked' | 'unclear';

export interface GoalNegotiation {
  /** The items the PO's proposed objective rests on. */
  proposed: string[];
  answer: GoalAnswer;
  /** The Developers' counter-proposal (a smaller or re-ordered goal), when they made one. */
  counter: string[] | null;
  /** What they said, for the player. */
  message: string;
}

export interface SprintRecord {
  number: number;
  goalText: string;
  /** The PO wrote the Sprint Goal's words (else the game words it from its items). */
  goalWritten: boolean;
  /** The items whose Done state achieves the Sprint Goal. */
  goalItemIds: string[];
  negotiation: GoalNegotiation | null;
  /** How the goal was settled: agreed with the Developers or imposed on them. */
  goalSettled: 'agreed' | 'insisted' | null;
  forecast: number;
  committed: string[];
  stretch: boolean;
  /** Estimated points of the items that met the Definition of Done this Sprint: nothing else counts. */
  velocity: number;
  /** Items that met the Definition of Done this Sprint. */
  done: string[];
  /** Items that went back to the Product Backlog not Done at the end of the Sprint. */
  notDone: string[];
  goalMet: boolean | null;
  /** The PO cancelled the Sprint before its time-box ended. */
  cancelled: boolean;
  forecastAnswered: boolean;
  /** Times the Developers had to stop and ask what an item meant. Visible. */
  clarifications: number;
  /** Items the Developers thought finished that fell short of the Definition of Done this Sprint. Visible. */
  shortOfDoD: string[];
  /** Technical debt when the Sprint started, so the Retrospective can see its trend. Visible. */
  techDebtAtStart: number;
  reviewFormat: ReviewFormat | null;
  released: boolean;
  /** Retrospective reflections already given, by topic. */
  reflections: string[];
  progressSharing: 'transparent' | 'optimistic' | null;
  /** Points still not Done in the Sprint Backlog at the end of each day (visible estimates). */
  burndown: number[];
  /** Points in the Sprint Backlog at the end of each day: rises when the Developers pull work in. */
  scope: number[];
}

export interface Forecast {
  sprint: number;
  style: 'date' | 'range' | 'rangeWithAssumptions';
  /** Sprints from now: [low, high]; equal for a single date. */
  low: number;
  high: number;
  /** The items the stakeholder asked about. */
  itemIds: string[];
  /** Their estimated points at the time of the forecast. */
  scope: number;
  judged: boolean;
  hit: boolean | null;
  /** The Monte Carlo behind a range forecast; null for a single date, which has none. */
  distribution: ForecastDistribution | null;
}

export interface ForecastDistribution {
  trials: number;
  /** Sprints needed at 50%, 85% and 95% confidence. */
  p50: number;
  p85: number;
  p95: number;
  /** sprintsNeeded[k] = trials that needed k+1 Sprints, cut after the last non-zero count. */
  sprintsNeeded: number[];
}

export interface GameState {
  scenarioId: string;
  seed: string;
  /** Lifecycle state value, as a dotted key ("sprint.planning"). Owned by the statechart. */
  phase: string;
  sprint: number;
  day: number;
  /** A scenario option's id, or WRITTEN_GOAL_ID when the PO wrote the Product Goal. */
  productGoalId: string | null;
  writtenProductGoal: WrittenProductGoal | null;
  refinementShare: number;
  readiness: Readiness;
  backlogOrder: string[];
  items: Record<string, Item>;
  team: {
    capacity: number;
    velocitySpread: number;
    techDebt: number;
    dodStrength: number;
    morale: number;
    /** Capacity lost this Sprint to interruptions, in points. */
    lostThisSprint: number;
    /** Sprint in which the Definition of Done was last strengthened. */
    dodChangedInSprint: number | null;
    /** Share of next Sprint's capacity the team agreed to spend on technical debt. */
    debtWorkNextSprint: number;
  };
  refinementUsed: number;
  /** The current Sprint's true capacity, drawn when the Sprint starts. Hidden. */
  sprintCapacity: number;
  sprints: SprintRecord[];
  vision: { technique: VisionTechnique | null; fragments: string[] };
  roadmap: { format: RoadmapFormat | null; promises: { itemId: string; sprint: number }[]; misses: number };
  persona: string[];
  empathy: Record<string, string>;
  stakeholderMap: Record<string, MapQuadrant>;
  /** Research and analysis time the PO has left this Sprint. */
  poTime: number;
  feedback: { sprint: number; method: FeedbackMethod }[];
  insights: string[];
  marketAnalysis: MarketTechnique[];
  pivot: 'pivot' | 'persist' | null;
  /** Share of value still reachable after the pivot-or-persist decision. */
  valueFactor: number;
  pendingEvent: PendingEvent | null;
  /** A question waiting for an answer; nothing else happens until it is answered. */
  pendingQuestion: string | null;
  askedQuestions: string[];
  releases: Release[];
  firedEvents: string[];
  trust: Record<string, number>;
  forecasts: Forecast[];
  /** Set when the scenario ends: did any Done work reach users? */
  released: boolean | null;
  /** The PO's release plan, once made at a Sprint Review. */
  releasePlan: ReleasePlan | null;
  valueRealised: number;
  metrics: { adoption: number; satisfaction: number; revenue: number } | null;
  evidence: Evidence[];
  /** Human-readable messages, newest last. */
  log: string[];
  /** Lines ever logged; the log itself keeps only the newest. */
  logTotal: number;
  rng: StreamStates;
}
