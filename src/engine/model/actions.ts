import { z } from 'zod';
import { EMPATHY_QUADRANTS, INVEST_FLAWS, REQUEST_KINDS, SPLIT_STRATEGIES } from './scenario';

/**
 * Every player action, as plain data. The schema checks shape; the rules check meaning
 * (does the item exist, is the choice offered) and return typed errors.
 */
const id = z.string().min(1).max(80);
/**
 * What a learner wrote. The schema only bounds the raw size; the rules normalise it (NFC, no
 * control characters, each format's length limit) before anything reads it.
 */
const text = z.string().max(8000);

export const REFINEMENT_SHARES = [0, 5, 10, 20, 30] as const;
export const IMPROVEMENTS = ['strengthenDoD', 'payDownDebt', 'keepAsIs'] as const;
export const READINESS = ['none', 'light', 'strict'] as const;
export const MOSCOW = ['must', 'should', 'could', 'wont'] as const;
export const REVIEW_FORMATS = ['workingSession', 'demo', 'statusReport'] as const;
export const RELEASE_PLANS = ['dateWithFlexibleScope', 'everythingByDate', 'scopeWithoutDate'] as const;
export const FORECAST_STYLES = ['date', 'range', 'rangeWithAssumptions'] as const;
export const VISION_TECHNIQUES = ['elevatorPitch', 'visionBoard', 'productBox'] as const;
export const ROADMAP_FORMATS = ['nowNextLater', 'goalOriented', 'datedFeatures'] as const;
export const MAP_QUADRANTS = ['manageClosely', 'keepSatisfied', 'keepInformed', 'monitor'] as const;
export const FEEDBACK_METHODS = ['interviews', 'survey', 'usabilityTest', 'analytics'] as const;
export const MARKET_TECHNIQUES = ['featureComparison', 'swot', 'positioning'] as const;
/**
 * Retrospective reflections: the learner reads the visible history and says what it shows.
 * For 'metrics' the finding is the id of the released item users used most.
 */
export const REFLECTIONS = {
  sprintGoals: ['tooAmbitious', 'aboutRight', 'tooConservative'],
  refinement: ['tooLittle', 'aboutRight', 'tooMuch'],
  metrics: [],
  roadmap: ['aligned', 'misaligned'],
  stakeholders: ['allGood', 'hiddenRisks', 'noCadence'],
} as const;
export type ReflectionTopic = keyof typeof REFLECTIONS;

/*
 * The decisions a player makes together on one form (criteria ticked for an item, the stakeholder
 * map, MoSCoW tags, items to refine, flaws to rework, ways of gathering feedback, the Sprint
 * Review's choices, the Retrospective's findings and improvement): sent together as one `batch`,
 * each is checked and judged exactly as if sent alone, in order.
 */
const MapStakeholder = z.strictObject({ type: z.literal('mapStakeholder'), stakeholderId: id, quadrant: z.enum(MAP_QUADRANTS) });
const RefineItem = z.strictObject({ type: z.literal('refineItem'), itemId: id });
const FixFlaw = z.strictObject({ type: z.literal('fixFlaw'), itemId: id, flaw: z.enum(INVEST_FLAWS) });
const AddCriterion = z.strictObject({ type: z.literal('addCriterion'), itemId: id, criterionId: id });
const TagMoscow = z.strictObject({ type: z.literal('tagMoscow'), itemId: id, tag: z.enum(MOSCOW) });
const Reflect = z.strictObject({ type: z.literal('reflect'), topic: z.enum(['sprintGoals', 'refinement', 'metrics', 'roadmap', 'stakeholders']), finding: id });
const GatherFeedback = z.strictObject({ type: z.literal('gatherFeedback'), method: z.enum(FEEDBACK_METHODS) });
const AnswerForecast = z.strictObject({ type: z.literal('answerForecast'), style: z.enum(FORECAST_STYLES) });
const SetReviewFormat = z.strictObject({ type: z.literal('setReviewFormat'), format: z.enum(REVIEW_FORMATS) });
const ReleaseIncrement = z.strictObject({ type: z.literal('releaseIncrement') });
const ShareProgress = z.strictObject({ type: z.literal('shareProgress'), style: z.enum(['transparent', 'optimistic']) });
const DecidePivot = z.strictObject({ type: z.literal('decidePivot'), decision: z.enum(['pivot', 'persist']) });
const EndReview = z.strictObject({ type: z.literal('endReview') });
const ChooseImprovement = z.strictObject({ type: z.literal('chooseImprovement'), improvement: z.enum(IMPROVEMENTS) });
const PlanRelease = z.strictObject({ type: z.literal('planRelease'), plan: z.enum(RELEASE_PLANS) });
const BatchPart = z.discriminatedUnion('type', [
  MapStakeholder,
  RefineItem,
  FixFlaw,
  AddCriterion,
  TagMoscow,
  Reflect,
  GatherFeedback,
  AnswerForecast,
  SetReviewFormat,
  ShareProgress,
  DecidePivot,
  EndReview,
  ChooseImprovement,
  PlanRelease,
]);
export type BatchPart = z.infer<typeof BatchPart>;
export type BatchPartType = BatchPart['type'];

/**
 * The game's forms: which decisions one form sends together. A batch's parts all come from one
 * form; the last entry of `closes` may only end a batch, since it moves the Sprint on.
 */
export const FORMS: Readonly<Record<string, { parts: readonly BatchPartType[]; closes?: BatchPartType }>> = {
  stakeholderMap: { parts: ['mapStakeholder'] },
  refinement: { parts: ['refineItem'] },
  rework: { parts: ['fixFlaw'] },
  criteria: { parts: ['addCriterion'] },
  moscow: { parts: ['tagMoscow'] },
  feedback: { parts: ['gatherFeedback'] },
  sprintReview: { parts: ['setReviewFormat', 'reflect', 'planRelease', 'answerForecast', 'shareProgress', 'decidePivot', 'endReview'], closes: 'endReview' },
  retrospective: { parts: ['reflect', 'chooseImprovement'], closes: 'chooseImprovement' },
};
export const BATCHABLE: ReadonlySet<string> = new Set(BatchPart.options.map((o) => o.shape.type.value));

/** The form a batch of these kinds, in this order, comes from; or why it comes from none. */
export function formOf(types: readonly string[]): { form: string } | { problem: string } {
  const kinds = [...new Set(types)];
  const form = Object.keys(FORMS).find((k) => kinds.every((t) => (FORMS[k]!.parts as readonly string[]).includes(t)));
  if (!form) return { problem: `a batch holds the decisions of one form, found ${kinds.join(', ')}` };
  const closes = FORMS[form]!.closes;
  const at = closes ? types.indexOf(closes) : -1;
  if (at >= 0 && at !== types.length - 1) return { problem: `"${closes}" closes the form, so it can only be the batch's last decision` };
  return { form };
}
/** A batch holds at most this many decisions: more than any form of a shipped scenario offers. */
export const MAX_BATCH = 40;

export const ActionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('chooseProductGoal'), goalId: id }),
  // The Product Goal in the learner's own words; the scenario's options stay as examples.
  z.strictObject({ type: z.literal('writeProductGoal'), text }),
  z.strictObject({ type: z.literal('chooseVisionTechnique'), technique: z.enum(VISION_TECHNIQUES) }),
  z.strictObject({ type: z.literal('addVisionFragment'), fragmentId: id }),
  z.strictObject({ type: z.literal('chooseRoadmap'), format: z.enum(ROADMAP_FORMATS) }),
  z.strictObject({ type: z.literal('addPersonaTrait'), snippetId: id }),
  MapStakeholder,
  z.strictObject({ type: z.literal('startSprints') }),
  z.strictObject({ type: z.literal('setRefinementShare'), percent: z.union(REFINEMENT_SHARES.map((n) => z.literal(n))) }),
  RefineItem,
  z.strictObject({ type: z.literal('moveItem'), itemId: id, toIndex: z.int().min(0).max(10_000) }),
  z.strictObject({ type: z.literal('orderBacklog'), itemIds: z.array(id).max(10_000) }),
  // With `text`, the slices are the learner's own stories, one per line, instead of the scenario's.
  z.strictObject({ type: z.literal('splitItem'), itemId: id, strategy: z.enum(SPLIT_STRATEGIES), text: text.optional() }),
  z.strictObject({ type: z.literal('writeStory'), itemId: id, text }),
  z.strictObject({ type: z.literal('writeCriteria'), itemId: id, text }),
  FixFlaw,
  AddCriterion,
  z.strictObject({ type: z.literal('setReadiness'), level: z.enum(READINESS) }),
  TagMoscow,
  z.strictObject({ type: z.literal('flagOffVision'), itemId: id }),
  GatherFeedback,
  z.strictObject({ type: z.literal('testAssumption'), itemId: id }),
  z.strictObject({ type: z.literal('sortEmpathyNote'), noteId: id, quadrant: z.enum(EMPATHY_QUADRANTS) }),
  z.strictObject({ type: z.literal('classifyRequest'), itemId: id, kind: z.enum(REQUEST_KINDS) }),
  z.strictObject({ type: z.literal('analyseMarket'), technique: z.enum(MARKET_TECHNIQUES) }),
  // With `text`, the Sprint Goal in the learner's words; without, the game words it from the items.
  z.strictObject({ type: z.literal('proposeSprintGoal'), itemIds: z.array(id).max(5), text: text.optional() }),
  z.strictObject({ type: z.literal('commitSprint'), scope: z.enum(['agreed', 'insist']) }),
  z.strictObject({ type: z.literal('nextDay') }),
  // Days pass, exactly as repeated nextDay, until something needs the PO or the Sprint ends.
  z.strictObject({ type: z.literal('runToNextEvent') }),
  z.strictObject({ type: z.literal('cancelSprint') }),
  z.strictObject({ type: z.literal('resolveEvent'), choiceId: id }),
  AnswerForecast,
  SetReviewFormat,
  ReleaseIncrement,
  ShareProgress,
  DecidePivot,
  EndReview,
  Reflect,
  ChooseImprovement,
  z.strictObject({ type: z.literal('answerQuestion'), answerId: id }),
  PlanRelease,
  z.strictObject({ type: z.literal('finishScenario') }),
  // A facilitator's action, recorded in replays like any other but never offered to players.
  z.strictObject({ type: z.literal('injectEvent'), cardId: id }),
  // Several decisions from one form, in one step (see FORMS).
  z.strictObject({ type: z.literal('batch'), actions: z.array(BatchPart).min(1).max(MAX_BATCH) }),
]);

/** Actions only a facilitator (through `Session.injectEvent`) may take; `dispatch` refuses them. */
export const SYSTEM_ACTIONS: ReadonlySet<string> = new Set(['injectEvent']);

export type Action = z.infer<typeof ActionSchema>;
export type ActionType = Action['type'];
export type ActionOf<T extends ActionType> = Extract<Action, { type: T }>;

export const ACTION_TYPES: readonly ActionType[] = ActionSchema.options.map((o) => o.shape.type.value);

/**
 * The order actions are listed in: what moves the run forward first, so the simplest bot
 * ("take the first") always finishes; then the decisions of the phase.
 */
export const LISTING_ORDER: readonly ActionType[] = [
  'answerQuestion',
  'startSprints',
  'commitSprint',
  'proposeSprintGoal',
  'nextDay',
  'runToNextEvent',
  'resolveEvent',
  'cancelSprint',
  'endReview',
  'setReviewFormat',
  'answerForecast',
  'planRelease',
  'releaseIncrement',
  'reflect',
  'chooseImprovement',
  'finishScenario',
  'chooseProductGoal',
  'writeProductGoal',
  'chooseVisionTechnique',
  'addVisionFragment',
  'chooseRoadmap',
  'addPersonaTrait',
  'mapStakeholder',
  'decidePivot',
  'shareProgress',
  'setRefinementShare',
  'refineItem',
  'setReadiness',
  'splitItem',
  'fixFlaw',
  'addCriterion',
  'writeStory',
  'writeCriteria',
  'tagMoscow',
  'flagOffVision',
  'gatherFeedback',
  'testAssumption',
  'sortEmpathyNote',
  'classifyRequest',
  'analyseMarket',
  'moveItem',
  'orderBacklog',
  'injectEvent',
  'batch',
];
