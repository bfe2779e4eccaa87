import { GOALS } from '../assessment/catalogue';
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
 */

/** Distinct decision ids per goal in one run's evidence. */
export function decisionPoints(evidence: readonly Evidence[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const e of evidence) {
    if (!(e.weight > 0)) continue;
    let set = out.get(e.goalId);
    if (!set) out.set(e.goalId, (set = new Set()));
    set.add(e.decisionId);
  }
  return out;
}

export interface GoalCoverage {
  goalId: string;
  title: string;
  /** Sum over scenarios of the per-scenario counts. */
  points: number;
  /** Per scenario id, the largest number of decision points in one run (0 when none). */
  byScenario: Record<string, number>;
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
}

/** Collects runs one at a time; `result()` applies the counting rule. */
export class CoverageTally {
  private readonly best = new Map<string, Map<string, number>>();
  private readonly order: string[] = [];
  private readonly failures: RunFailure[] = [];
  private readonly policyNames = new Set<string>();
  private readonly seedNames = new Set<string>();
  private runs = 0;

  /** Adds one finished (or failed part-way) run of `scenarioId`. */
  add(scenarioId: string, policy: string, seed: string, evidence: readonly Evidence[]): void {
    let perGoal = this.best.get(scenarioId);
    if (!perGoal) {
      this.best.set(scenarioId, (perGoal = new Map()));
      this.order.push(scenarioId);
    }
    for (const [goalId, ids] of decisionPoints(evidence)) perGoal.set(goalId, Math.max(perGoal.get(goalId) ?? 0, ids.size));
    this.policyNames.add(policy);
    this.seedNames.add(seed);
    this.runs++;
  }

  fail(failure: RunFailure): void {
    this.failures.push(failure);
  }

  result(): CoverageResult {
    const goals = GOALS.map((g) => {
      const byScenario: Record<string, number> = {};
      let points = 0;
      for (const id of this.order) {
        const n = this.best.get(id)!.get(g.id) ?? 0;
        byScenario[id] = n;
        points += n;
      }
      return { goalId: g.id, title: g.title, points, byScenario };
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
    };
  }
}

export interface CoverageOptions {
  scenarios: readonly { scenario: Scenario; hash?: string }[];
  /** Seeds 1..N, or the seeds themselves. */
  seeds: number | readonly string[];
  /** Bots by name; default every bot in POLICIES. */
  policies?: Readonly<Record<string, PolicyFactory>>;
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
  return tally.result();
}
