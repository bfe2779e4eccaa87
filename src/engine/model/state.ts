import type { CostOfDelay, InvestFlaw, ItemTruth, ItemType, MarketPosition, RequestKind } from './scenario';
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

/** backlog → sprint → done (finished, awaiting review) → accepted (in the Increment); split items are replaced by their pieces. */
export type ItemStatus = 'backlog' | 'sprint' | 'done' | 'accepted' | 'split';
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
  /** Set when the item is finished in a Sprint: does it meet the Definition of Done? Visible at review. */
  meetsDoD: boolean | null;
  /** Sprint in which it was accepted into the Increment. */
  acceptedInSprint: number | null;
  /** Rework hidden in an unclear item, revealed when the Developers reach it. Hidden. */
  hiddenRework: number;
  truth: ItemTruth;
  /** Visible for fixed-date items from the start, for others once refinement has revealed it. */
  visibleCostOfDelay: CostOfDelay | null;
  /** The item this one was split from. */
  parentId: string | null;
  /** Acceptance criteria the PO chose, by candidate id. */
  criteria: string[];
  /** INVEST flaws the PO found and fixed. */
  fixedFlaws: InvestFlaw[];
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

export interface PendingEvent {
  cardId: string;
  day: number;
}

export interface SprintRecord {
  number: number;
  goalKind: 'outcome' | 'itemList' | null;
  goalText: string;
  goalItemId: string | null;
  forecast: number;
  committed: string[];
  stretch: boolean;
  /** Points of work the Developers actually got through this Sprint. */
  velocity: number;
  goalMet: boolean | null;
  forecastAnswered: boolean;
  /** Times the Developers had to stop and ask what an item meant. Visible. */
  clarifications: number;
  reviewFormat: ReviewFormat | null;
  released: boolean;
  /** Retrospective reflections already given, by topic. */
  reflections: string[];
  progressSharing: 'transparent' | 'optimistic' | null;
  /** Points still open in the Sprint Backlog at the end of each day (visible estimates). */
  burndown: number[];
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
  productGoalId: string | null;
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
  released: boolean | null;
  valueRealised: number;
  metrics: { adoption: number; satisfaction: number; revenue: number } | null;
  evidence: Evidence[];
  /** Human-readable messages, newest last. */
  log: string[];
  /** Lines ever logged; the log itself keeps only the newest. */
  logTotal: number;
  rng: StreamStates;
}
