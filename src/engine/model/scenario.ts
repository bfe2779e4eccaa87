/**
 * The scenario as the engine consumes it: plain, already-validated data.
 * `src/scenario` owns parsing and validation and must produce exactly this shape.
 */

export type ItemType = 'epic' | 'feature' | 'story' | 'technical' | 'defect';
export type CostOfDelay = 'standard' | 'urgent' | 'fixedDate' | 'intangible';

export interface ItemTruth {
  /** Value realised when the item reaches users, in value points. */
  value: number;
  /** True effort in story points. */
  effort: number;
  costOfDelay: CostOfDelay;
  /** Sprint by which a fixed-date item must be delivered. */
  deadlineSprint?: number;
  /** 0..1: chance that unrefined work hides rework. */
  risk: number;
}

export interface ScenarioItem {
  id: string;
  type: ItemType;
  title: string;
  description: string;
  /** Stakeholder who asked for it, if any. */
  requestedBy?: string;
  /** The Developers' first estimate, before refinement. */
  estimate: number;
  /** Stakeholders' stated value, as they see it (may differ from the truth). */
  statedValue: number;
  truth: ItemTruth;
}

export interface ProductGoalOption {
  id: string;
  text: string;
  /** Hidden judgement of the option, used for evidence only. */
  truth: { measurable: boolean; servesVision: boolean };
}

export interface Stakeholder {
  id: string;
  name: string;
  role: string;
  /** 0..1, hidden; the learner infers it from behaviour. */
  influence: number;
  interest: number;
}

export interface TeamSpec {
  /** Nominal story points per Sprint at full focus, no debt, a basic Definition of Done. */
  capacity: number;
  /** Relative spread of Sprint-to-Sprint velocity (0.1 = ±10% typical). */
  velocitySpread: number;
  /** 0..100 */
  techDebt: number;
  /** 1 (basic) .. 3 (strong) */
  dodStrength: number;
  morale: number;
}

export type EffectKey = 'trust' | 'morale' | 'techDebt' | 'capacityLoss';

export interface EventChoice {
  id: string;
  label: string;
  /** What a real PO would know it costs before choosing. */
  cost?: string;
  effects: Partial<Record<EffectKey, number>>;
  evidence: { goalId: string; score: number; rationale: string }[];
}

export interface EventCard {
  id: string;
  title: string;
  text: string;
  /** Who raises it (a stakeholder id) or 'developers'. */
  from: string;
  /** Earliest Sprint it may fire in (1-based). */
  fromSprint: number;
  /** Chance per execution day once eligible, 0..1. Fires at most once. */
  chance: number;
  choices: EventChoice[];
}

export interface Scenario {
  id: string;
  title: string;
  campaign?: string;
  summary: string;
  product: { name: string; vision: string };
  sprints: number;
  daysPerSprint: number;
  team: TeamSpec;
  productGoals: ProductGoalOption[];
  stakeholders: Stakeholder[];
  backlog: ScenarioItem[];
  events: EventCard[];
  /** Goal ids (D<domain>.<topic>.<goal>) this scenario is built to exercise. */
  targets: string[];
}
