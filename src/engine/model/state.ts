import type { CostOfDelay, ItemTruth, ItemType } from './scenario';
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

export type ItemStatus = 'backlog' | 'sprint' | 'done' | 'accepted';

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
  /** Visible only for fixed-date items, where the date is public knowledge. */
  visibleCostOfDelay: CostOfDelay | null;
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
  /** Points actually completed (true effort). */
  velocity: number;
  goalMet: boolean | null;
  forecastAnswered: boolean;
}

export interface Forecast {
  sprint: number;
  style: 'date' | 'range';
  /** Sprints from now: [low, high]; equal for a single date. */
  low: number;
  high: number;
  /** The items the stakeholder asked about. */
  itemIds: string[];
  /** Their estimated points at the time of the forecast. */
  scope: number;
  judged: boolean;
  hit: boolean | null;
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
  pendingEvent: PendingEvent | null;
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
