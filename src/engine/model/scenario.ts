/**
 * The scenario as the engine consumes it: plain, already-validated data.
 * `src/scenario` owns parsing and validation and must produce exactly this shape.
 */

export const ITEM_TYPES = ['epic', 'feature', 'story', 'technical', 'defect'] as const;
export type ItemType = (typeof ITEM_TYPES)[number];
export const COSTS_OF_DELAY = ['standard', 'urgent', 'fixedDate', 'intangible'] as const;
export type CostOfDelay = (typeof COSTS_OF_DELAY)[number];

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
  /** Items that must be Done first; the Developers reveal these in refinement. */
  dependsOn?: string[];
}

/** The INVEST qualities a story can lack. */
export const INVEST_FLAWS = ['independent', 'negotiable', 'valuable', 'estimable', 'small', 'testable'] as const;
export type InvestFlaw = (typeof INVEST_FLAWS)[number];

export const CRITERION_KINDS = ['happyPath', 'edgeCase', 'errorHandling', 'nonFunctional', 'vague', 'implementation'] as const;
export type CriterionKind = (typeof CRITERION_KINDS)[number];

/** A candidate acceptance criterion; the learner picks which ones the item gets. */
export interface CriterionOption {
  id: string;
  text: string;
  /** Hidden: what kind of condition it is. Vague and implementation-prescribing ones are poor. */
  kind: CriterionKind;
}

export const SPLIT_STRATEGIES = ['workflowStep', 'businessRule', 'dataVariation', 'interface', 'spike', 'horizontalLayer'] as const;
export type SplitStrategy = (typeof SPLIT_STRATEGIES)[number];

export interface SplitChild {
  id: string;
  title: string;
  description: string;
  estimate: number;
  statedValue: number;
  truth: ItemTruth;
}

/** One way to split a large item, and the pieces it gives. */
export interface SplitOption {
  strategy: SplitStrategy;
  children: SplitChild[];
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
  /** Candidate acceptance criteria (Given-When-Then) for the learner to choose from. */
  criteria?: CriterionOption[];
  /** Hidden: the INVEST qualities this story lacks as written. */
  flaws?: InvestFlaw[];
  /** Ways this item can be split. */
  splits?: SplitOption[];
  /**
   * Hidden: whether the item advances the product vision. The validator requires it on every
   * item (no truth defaults); optional here only so that split pieces, which share it, type-check.
   */
  servesVision?: boolean;
  /** Customer segments the item serves (visible). */
  segments?: string[];
  /** A belief the item's value rests on; `holds` is hidden until tested with an MVP or experiment. */
  assumption?: { text: string; holds: boolean };
  /** Hidden: what a feature request really reflects. */
  requestKind?: RequestKind;
  /** Hidden until market analysis: does it differentiate, match competitors, or close a gap? */
  market?: MarketPosition;
}

export const REQUEST_KINDS = ['need', 'habit', 'competitor'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];
export const MARKET_POSITIONS = ['differentiator', 'parity', 'lagging'] as const;
export type MarketPosition = (typeof MARKET_POSITIONS)[number];

export const VISION_KINDS = ['targetCustomer', 'need', 'differentiator', 'feature', 'vague'] as const;
export const PERSONA_KINDS = ['goal', 'painPoint', 'behaviour', 'context', 'stereotype', 'assumption'] as const;
export const EMPATHY_QUADRANTS = ['says', 'thinks', 'feels', 'does'] as const;
export const SEGMENT_KINDS = ['demographic', 'behavioural', 'needsBased'] as const;

/** A piece the learner may put into the product vision; its kind is hidden. */
export interface VisionFragment {
  id: string;
  text: string;
  kind: (typeof VISION_KINDS)[number];
}

/** A research snippet for persona building; stereotypes and untested assumptions are poor material. */
export interface PersonaSnippet {
  id: string;
  text: string;
  kind: (typeof PERSONA_KINDS)[number];
}

/** An interview note to sort into an empathy map. */
export interface EmpathyNote {
  id: string;
  text: string;
  quadrant: (typeof EMPATHY_QUADRANTS)[number];
}

export interface Segment {
  id: string;
  name: string;
  kind: (typeof SEGMENT_KINDS)[number];
  /** Who pays, and who uses the product: they differ in some markets. */
  buyer: boolean;
  user: boolean;
}

/** Market evidence that challenges the Product Goal at a Sprint Review; the truth says which response was right. */
export interface PivotPoint {
  sprint: number;
  signal: string;
  /** What the learner can judge from: the evidence's size and source. */
  evidence: string;
  right: 'pivot' | 'persist';
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

export const EFFECT_KEYS = ['trust', 'morale', 'techDebt', 'capacityLoss'] as const;
export type EffectKey = (typeof EFFECT_KEYS)[number];

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
  /** What the event's text takes for granted; while the state says otherwise, it does not fire. */
  premise?: EventPremise;
  choices: EventChoice[];
}

export interface EventPremise {
  /** Items (with their split pieces) that are neither in the Sprint nor Done: a request to add them makes sense. */
  notPlanned?: string[];
  /** Items whose assumption nobody has tested yet: doubt about it makes sense. */
  untested?: string[];
}

export const QUESTION_PHASES = ['briefing', 'refinement', 'planning', 'review', 'retrospective', 'release'] as const;
export type QuestionPhase = (typeof QUESTION_PHASES)[number];

/**
 * A question someone asks in the flow of play (a knowledge check). It opens when its phase
 * begins in its Sprint, and must be answered before anything else happens.
 */
export interface QuestionCard {
  id: string;
  phase: QuestionPhase;
  /** Sprint in which it is asked; ignored for briefing and release. */
  sprint: number;
  /** Who asks: a stakeholder id, 'developers' or 'coach'. */
  asker: string;
  text: string;
  goalIds: string[];
  answers: { id: string; label: string; score: number; rationale: string }[];
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
  questions?: QuestionCard[];
  visionFragments?: VisionFragment[];
  personaSnippets?: PersonaSnippet[];
  empathyNotes?: EmpathyNote[];
  segments?: Segment[];
  pivot?: PivotPoint;
  /** Items a dated feature roadmap would promise, one per Sprint in order; default: the top three. */
  roadmapPromises?: string[];
  /** Goal ids (D<domain>.<topic>.<goal>) this scenario is built to exercise. */
  targets: string[];
}
