import { GOALS, type GoalLevel } from '../assessment/catalogue';
import { playToEnd, PolicyError, POLICIES, type PolicyFactory } from '../bots';
import { createSession, type Evidence, type Scenario } from '../engine';

/*
 * Goal coverage of the shipped scenarios: how many judged decision points each of the 65 goals
 * gets when the scenarios are played.
 *
 * Counting rule:
 *  1. A decision point is a distinct `decisionId` among a run's evidence for a goal (evidence with
 *     weight 0 carries no information and is left out). A decision judged against two goals counts
 *     once for each; a decision judged again (a re-chosen Product Goal) counts once.
 *  2. Per scenario, a goal's count is the largest count in any single run of that scenario (every
 *     bot, every seed): what one playthrough can offer, as far as the bots found.
 *  3. A goal's total is the sum of its per-scenario counts over all scenarios.
 * Events fire by chance and bots choose differently, so more seeds and more bots can only raise
 * a count, never lower it.
 *
 * The same rule is applied twice more, separately: to world decisions (choices judged in the
 * simulated world: ordering, planning, events...) and to knowledge checks (questions, whose
 * decision ids start with `question-`). A question can only show that a learner knows the answer;
 * a world decision shows they act on it, so every goal needs world decisions of its own.
 */

/** Questions asked in the flow of play are judged under decision ids `question-<card id>`. */
export function isKnowledgeCheck(decisionId: string): boolean {
  return decisionId.startsWith('question-');
}

/** Fewest world decisions a goal needs, by the level of its verb: doing needs more than describing. */
export const WORLD_MINIMUM: Readonly<Record<GoalLevel, number>> = { describe: 1, apply: 2, analyze: 2 };

/** The world minimum scaled for a describe goal needing `describe` (0 turns the check off). */
export function worldMinimum(level: GoalLevel, describe: number = WORLD_MINIMUM.describe): number {
  return (WORLD_MINIMUM[level] / WORLD_MINIMUM.describe) * describe;
}

/** Distinct decision ids per goal in one run's evidence; `keep` picks which decisions count. */
export function decisionPoints(evidence: readonly Evidence[], keep: (decisionId: string) => boolean = () => true): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const e of evidence) {
    if (!(e.weight > 0) || !keep(e.decisionId)) continue;
    let set = out.get(e.goalId);
    if (!set) out.set(e.goalId, (set = new Set()));
    set.add(e.decisionId);
  }
  return out;
}

export interface GoalCoverage {
  goalId: string;
  title: string;
  level: GoalLevel;
  /** Sum over scenarios of the per-scenario counts, world decisions and knowledge checks together. */
  points: number;
  /** The same count of world decisions only (every decision that is not a question). */
  worldDecisions: number;
  /** The same count of knowledge checks only (questions). */
  knowledgeChecks: number;
  /** Fewest world decisions this goal needs: WORLD_MINIMUM for its level. */
  worldMinimum: number;
  /** Per scenario id, the largest number of decision points in one run (0 when none). */
  byScenario: Record<string, number>;
  /** Per scenario id, the largest number of world decisions in one run. */
  worldByScenario: Record<string, number>;
  /** Per scenario id, the largest number of knowledge checks in one run. */
  checksByScenario: Record<string, number>;
}

export interface RunFailure {
  scenarioId: string;
  policy: string;
  seed: string;
  message: string;
}

export interface CoverageResult {
  /** Every goal of the catalogue, in catalogue order. */
  goals: GoalCoverage[];
  scenarioIds: string[];
  policies: string[];
  seeds: string[];
  runs: number;
  failures: RunFailure[];
  min: number;
  max: number;
  /** Goals with fewer world decisions than their level needs, in catalogue order. */
  worldBelow: string[];
}

type Count = 'all' | 'world' | 'checks';
const COUNTS: readonly [Count, (decisionId: string) => boolean][] = [
  ['all', () => true],
  ['world', (id) => !isKnowledgeCheck(id)],
  ['checks', isKnowledgeCheck],
];

/** Collects runs one at a time; `result()` applies the counting rule. */
export class CoverageTally {
  /** Per scenario, per count, per goal: the best single run. */
  private readonly best = new Map<string, Record<Count, Map<string, number>>>();
  private readonly order: string[] = [];
  private readonly failures: RunFailure[] = [];
  private readonly policyNames = new Set<string>();
  private readonly seedNames = new Set<string>();
  private runs = 0;

  /** Adds one finished (or failed part-way) run of `scenarioId`. */
  add(scenarioId: string, policy: string, seed: string, evidence: readonly Evidence[]): void {
    let perCount = this.best.get(scenarioId);
    if (!perCount) {
      this.best.set(scenarioId, (perCount = { all: new Map(), world: new Map(), checks: new Map() }));
      this.order.push(scenarioId);
    }
    for (const [count, keep] of COUNTS) {
      const perGoal = perCount[count];
      for (const [goalId, ids] of decisionPoints(evidence, keep)) perGoal.set(goalId, Math.max(perGoal.get(goalId) ?? 0, ids.size));
    }
    this.policyNames.add(policy);
    this.seedNames.add(seed);
    this.runs++;
  }

  fail(failure: RunFailure): void {
    this.failures.push(failure);
  }

  /** `worldMin`: world decisions a describe goal needs; apply and analyze goals need twice as many. */
  result(worldMin: number = WORLD_MINIMUM.describe): CoverageResult {
    const perScenario = (count: Count, goalId: string) => {
      const by: Record<string, number> = {};
      let sum = 0;
      for (const id of this.order) {
        by[id] = this.best.get(id)![count].get(goalId) ?? 0;
        sum += by[id];
      }
      return { by, sum };
    };
    const goals: GoalCoverage[] = GOALS.map((g) => {
      const all = perScenario('all', g.id);
      const world = perScenario('world', g.id);
      const checks = perScenario('checks', g.id);
      return {
        goalId: g.id,
        title: g.title,
        level: g.level,
        points: all.sum,
        worldDecisions: world.sum,
        knowledgeChecks: checks.sum,
        worldMinimum: worldMinimum(g.level, worldMin),
        byScenario: all.by,
        worldByScenario: world.by,
        checksByScenario: checks.by,
      };
    });
    const counts = goals.map((g) => g.points);
    return {
      goals,
      scenarioIds: [...this.order],
      policies: [...this.policyNames],
      seeds: [...this.seedNames],
      runs: this.runs,
      failures: [...this.failures],
      min: Math.min(...counts),
      max: Math.max(...counts),
      worldBelow: goals.filter((g) => g.worldDecisions < g.worldMinimum).map((g) => g.goalId),
    };
  }
}

export interface CoverageOptions {
  scenarios: readonly { scenario: Scenario; hash?: string }[];
  /** Seeds 1..N, or the seeds themselves. */
  seeds: number | readonly string[];
  /** Bots by name; default every bot in POLICIES. */
  policies?: Readonly<Record<string, PolicyFactory>>;
  /** World decisions a describe goal needs (apply and analyze: twice as many); default 1. */
  worldMin?: number;
  onRun?: (done: number, total: number) => void;
}

export const DEFAULT_COVERAGE_SEEDS = 20;
/** Fewest decision points a goal should get over the shipped scenarios. */
export const MIN_DECISION_POINTS = 3;

export function seedList(seeds: number | readonly string[]): string[] {
  return typeof seeds === 'number' ? Array.from({ length: seeds }, (_, i) => String(i + 1)) : [...seeds];
}

/** Plays every scenario with every bot over every seed and tallies decision points per goal. */
export function runCoverage(options: CoverageOptions): CoverageResult {
  const policies = options.policies ?? POLICIES;
  const seeds = seedList(options.seeds);
  const tally = new CoverageTally();
  const total = options.scenarios.length * Object.keys(policies).length * seeds.length;
  let done = 0;
  for (const { scenario, hash } of options.scenarios) {
    for (const [name, factory] of Object.entries(policies)) {
      for (const seed of seeds) {
        const session = createSession(scenario, seed, hash);
        try {
          playToEnd(session, factory(seed));
        } catch (e) {
          if (!(e instanceof PolicyError)) throw e;
          tally.fail({ scenarioId: scenario.id, policy: name, seed, message: e.message });
        }
        tally.add(scenario.id, name, seed, session.state.evidence);
        options.onRun?.(++done, total);
      }
    }
  }
  return tally.result(options.worldMin);
}
