import { z } from 'zod';
import {
  CRITERION_KINDS,
  EMPATHY_QUADRANTS,
  INVEST_FLAWS,
  MARKET_POSITIONS,
  PERSONA_KINDS,
  QUESTION_PHASES,
  REQUEST_KINDS,
  SEGMENT_KINDS,
  SPLIT_STRATEGIES,
  VISION_KINDS,
  type Scenario,
} from '../engine/model/scenario';

/**
 * The one schema for files in `scenarios/`: a scenario or a campaign, told apart by `kind`.
 * It checks shape and ranges only; meaning across fields (references, duplicates, events that
 * can never fire) is checked in `semantic.ts`. `scripts/gen-schema.ts` turns it into
 * `scenarios/schema.json` for editors, so every `describe` here is read by scenario authors.
 */

/** Goal ids as in the course outline: D<domain>.<topic>.<goal>. */
export const GOAL_ID_PATTERN = /^D[1-7]\.[1-3]\.[1-5]$/;
/** Ids are typed on command lines and in URLs, so they stay plain. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
/** The engine runs at most this many Sprints; it also caps `fromSprint` and `deadlineSprint`. */
export const MAX_SPRINTS = 20;
/** Upper bound on list lengths: far above any playable scenario, low enough to keep checks cheap. */
export const MAX_LIST = 500;

// `error` strings become the "expected ..." half of a problem message (see issues.ts).
const id = z
  .string()
  .min(1)
  .max(80)
  .regex(ID_PATTERN, { error: 'an id of letters, digits, ".", "_" or "-", starting with a letter or digit' });
const goalId = z
  .string()
  .regex(GOAL_ID_PATTERN, { error: 'a goal id like D3.2.1 (D<domain 1-7>.<topic 1-3>.<goal 1-5>)' });
const title = z.string().min(1).max(200);
const text = z.string().min(1).max(4000);
const unit = z.number().min(0).max(1);
const sprintNumber = z.int().min(1).max(MAX_SPRINTS);
const list = <T extends z.ZodType>(item: T, min = 0) => z.array(item).min(min).max(MAX_LIST);

const itemTruth = z.strictObject({
  value: z.number().min(0).max(100_000).describe('Value realised when the item reaches users, in value points.'),
  effort: z.number().gt(0).max(1000).describe('True effort in story points.'),
  costOfDelay: z.enum(['standard', 'urgent', 'fixedDate', 'intangible']),
  deadlineSprint: sprintNumber.optional().describe('Sprint by which a fixedDate item must be delivered.'),
  risk: unit.describe('0..1: chance that unrefined work hides rework.'),
  dependsOn: list(id).optional().describe('Ids of items that must be Done first; the Developers reveal these in refinement.'),
});

const criterion = z.strictObject({
  id,
  text,
  kind: z.enum(CRITERION_KINDS).describe('Hidden: what kind of condition it is. vague and implementation are poor.'),
});

const splitChild = z.strictObject({
  id,
  title,
  description: text,
  estimate: z.number().gt(0).max(1000),
  statedValue: z.number().min(0).max(100_000),
  truth: itemTruth,
});

// A split into one piece is no split; two pieces is the least that means something.
const split = z.strictObject({
  strategy: z.enum(SPLIT_STRATEGIES),
  children: list(splitChild, 2),
});

const item = z.strictObject({
  id,
  type: z.enum(['epic', 'feature', 'story', 'technical', 'defect']),
  title,
  description: text,
  requestedBy: id.optional().describe('Id of the stakeholder who asked for it.'),
  estimate: z.number().gt(0).max(1000).describe("The Developers' first estimate, before refinement."),
  statedValue: z.number().min(0).max(100_000).describe("Stakeholders' stated value, as they see it."),
  truth: itemTruth,
  criteria: list(criterion).optional().describe('Candidate acceptance criteria (Given-When-Then) for the learner to choose from.'),
  flaws: list(z.enum(INVEST_FLAWS)).optional().describe('Hidden: the INVEST qualities this story lacks as written.'),
  splits: list(split).optional().describe('Ways this item can be split.'),
  servesVision: z
    .boolean()
    .optional()
    .describe('Hidden: whether the item moves the product towards its vision. Required: setting an item aside as off-vision is judged against it, and no truth defaults. Pieces of a split share their whole item\'s answer.'),
  segments: list(id).optional().describe('Ids of the customer segments the item serves (visible).'),
  assumption: z
    .strictObject({ text, holds: z.boolean().describe('Hidden until tested with an MVP or experiment.') })
    .optional()
    .describe('A belief the item\'s value rests on; if it does not hold, building the item delivers nothing.'),
  requestKind: z.enum(REQUEST_KINDS).optional().describe('Hidden: what a feature request really reflects.'),
  market: z.enum(MARKET_POSITIONS).optional().describe('Hidden until market analysis: differentiator, parity with competitors, or lagging.'),
});

const visionFragment = z.strictObject({ id, text, kind: z.enum(VISION_KINDS).describe('Hidden: what the fragment contributes to a vision.') });
const personaSnippet = z.strictObject({ id, text, kind: z.enum(PERSONA_KINDS).describe('Hidden: stereotype and assumption are poor material.') });
const empathyNote = z.strictObject({ id, text, quadrant: z.enum(EMPATHY_QUADRANTS).describe('Hidden: where the note belongs.') });
const segment = z.strictObject({ id, name: title, kind: z.enum(SEGMENT_KINDS), buyer: z.boolean(), user: z.boolean() });
const pivot = z.strictObject({
  sprint: sprintNumber.describe('Sprint whose Review brings the market evidence.'),
  signal: text.describe('What the market seems to say.'),
  evidence: text.describe('How strong the evidence is, in words the learner can weigh.'),
  right: z.enum(['pivot', 'persist']).describe('Hidden: which response the truth rewards.'),
});

const productGoal = z.strictObject({
  id,
  text,
  truth: z.strictObject({ measurable: z.boolean(), servesVision: z.boolean() }),
});

const stakeholder = z.strictObject({
  id,
  name: title,
  role: title,
  influence: unit.describe('0..1, hidden; the learner infers it from behaviour.'),
  interest: unit.describe('0..1, hidden.'),
});

const team = z.strictObject({
  capacity: z.number().gt(0).max(1000).describe('Nominal story points per Sprint.'),
  velocitySpread: unit.describe('Relative spread of velocity (0.1 = ±10% typical).'),
  techDebt: z.number().min(0).max(100),
  dodStrength: z.int().min(1).max(3).describe('1 (basic) .. 3 (strong).'),
  morale: z.number().min(0).max(100),
});

// Deltas are bounded so a typo (1000 instead of 10) is caught rather than played.
const delta = z.number().min(-100).max(100);
const eventChoice = z.strictObject({
  id,
  label: title,
  cost: text.optional().describe('What a real Product Owner would know it costs before choosing.'),
  effects: z.strictObject({
    trust: delta.optional(),
    morale: delta.optional(),
    techDebt: delta.optional(),
    capacityLoss: z.number().min(0).max(1000).optional().describe('Story points lost this Sprint.'),
  }),
  evidence: list(z.strictObject({ goalId, score: unit, rationale: text })),
});

const eventCard = z.strictObject({
  id,
  title,
  text,
  from: id.describe("A stakeholder id, or 'developers'."),
  fromSprint: sprintNumber.describe('Earliest Sprint it may fire in (1-based).'),
  chance: unit.describe('Chance per execution day once eligible, 0..1. Fires at most once.'),
  premise: z
    .strictObject({
      notPlanned: list(id, 1).optional().describe('Item ids the text asks to add: the event does not fire while any of them (or a piece of it) is in the Sprint or Done.'),
      untested: list(id, 1).optional().describe('Item ids whose assumption the text says nobody has tested: the event does not fire once any of them is tested.'),
    })
    .optional()
    .describe('What the event text takes for granted; while the game state says otherwise, the event does not fire.'),
  choices: list(eventChoice, 1),
});

const question = z.strictObject({
  id,
  phase: z.enum(QUESTION_PHASES),
  sprint: sprintNumber.describe('Sprint in which it is asked; ignored for briefing and release.'),
  asker: id.describe("Who asks: a stakeholder id, 'developers' or 'coach'."),
  text,
  goalIds: list(goalId, 1),
  answers: list(z.strictObject({ id, label: title, score: unit, rationale: text }), 2),
});

/** A scenario file: the engine's `Scenario` plus the `kind` tag (and an optional `$schema` for editors). */
export const scenarioFileSchema = z.strictObject({
  $schema: z.string().optional().describe('Path or URL of scenarios/schema.json, for editors.'),
  kind: z.literal('scenario'),
  id,
  title,
  campaign: id.optional().describe('Id of the campaign this scenario belongs to.'),
  summary: text,
  product: z.strictObject({ name: title, vision: text }),
  sprints: z.int().min(1).max(MAX_SPRINTS),
  daysPerSprint: z.int().min(1).max(15),
  team,
  productGoals: list(productGoal, 1),
  stakeholders: list(stakeholder),
  backlog: list(item, 1),
  events: list(eventCard),
  questions: list(question).optional().describe('Knowledge checks asked in the flow of play.'),
  visionFragments: list(visionFragment).optional().describe('Pieces the learner may build the product vision from.'),
  personaSnippets: list(personaSnippet).optional().describe('Research snippets for building a persona.'),
  empathyNotes: list(empathyNote).optional().describe('Interview notes to sort into an empathy map.'),
  segments: list(segment).optional().describe('Customer segments; buyers and users may differ.'),
  pivot: pivot.optional().describe('Market evidence that calls the Product Goal into question.'),
  roadmapPromises: list(id).optional().describe('Items a dated feature roadmap would promise, one per Sprint; default the top three.'),
  targets: list(goalId, 1).describe('Goal ids this scenario is built to exercise.'),
});

/** A campaign file: an ordered run of scenarios. */
export const campaignFileSchema = z.strictObject({
  $schema: z.string().optional().describe('Path or URL of scenarios/schema.json, for editors.'),
  kind: z.literal('campaign'),
  id,
  title,
  description: text,
  scenarios: list(id, 1).describe('Scenario ids, in playing order.'),
});

/** Every file in `scenarios/` (except schema.json) matches this. */
export const scenarioDataFileSchema = z.discriminatedUnion('kind', [scenarioFileSchema, campaignFileSchema]);

export type ScenarioFile = z.output<typeof scenarioFileSchema>;
export type CampaignFile = z.output<typeof campaignFileSchema>;
export type ScenarioDataFile = z.output<typeof scenarioDataFileSchema>;

/** A validated campaign, without the file-only keys. */
export type Campaign = Omit<CampaignFile, 'kind' | '$schema'>;
type ScenarioFromFile = Omit<ScenarioFile, 'kind' | '$schema'>;

/** Drops the file-only keys, leaving exactly what the engine consumes. */
export function toScenario(file: ScenarioFile): Scenario {
  const { kind: _kind, $schema: _schema, ...scenario } = file;
  return scenario;
}

/** Drops the file-only keys of a campaign file. */
export function toCampaign(file: CampaignFile): Campaign {
  const { kind: _kind, $schema: _schema, ...campaign } = file;
  return campaign;
}

// Compile-time guard: if the engine's Scenario gains, loses or retypes a field, this stops
// type-checking until the schema follows. Both directions, so neither side can drift alone.
type Assert<T extends true> = T;
type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type SameKeys<A, B> = [Exclude<keyof A, keyof B> | Exclude<keyof B, keyof A>] extends [never] ? true : false;
type DeepSameKeys<A, B> = A extends readonly (infer X)[]
  ? B extends readonly (infer Y)[]
    ? DeepSameKeys<X, Y>
    : false
  : A extends object
    ? SameKeys<A, B> extends true
      ? { [K in keyof A & keyof B]-?: DeepSameKeys<NonNullable<A[K]>, NonNullable<B[K]>> }[keyof A & keyof B]
      : false
    : true;
export type SchemaMatchesEngine = Assert<Mutual<ScenarioFromFile, Scenario>> & Assert<DeepSameKeys<ScenarioFromFile, Scenario>>;
