import { beforeAll, describe, expect, it } from 'vitest';
import { GOALS } from '../../src/assessment/catalogue';
import { POLICIES } from '../../src/bots';
import { CoverageTally, DEFAULT_COVERAGE_SEEDS, decisionPoints, MIN_DECISION_POINTS, runCoverage, WORLD_MINIMUM, type CoverageResult } from '../../src/content/coverage';
import type { Evidence } from '../../src/engine';
import { sim } from '../cli/helpers';
import { shipped } from './helpers';

const ev = (goalId: string, decisionId: string, weight = 1): Evidence => ({ goalId, decisionId, weight, score: 1, rationale: 'r' });

describe('the counting rule', () => {
  it('counts distinct decision ids per goal, skipping weightless evidence', () => {
    const points = decisionPoints([ev('D1.1.1', 'a'), ev('D1.1.1', 'a'), ev('D1.1.1', 'b'), ev('D2.2.1', 'a'), ev('D3.1.1', 'c', 0)]);
    expect([...points].map(([g, ids]) => [g, [...ids]])).toEqual([
      ['D1.1.1', ['a', 'b']],
      ['D2.2.1', ['a']],
    ]);
  });

  it('takes the best single run per scenario and sums over scenarios', () => {
    const tally = new CoverageTally();
    tally.add('s1', 'random', '1', [ev('D1.1.1', 'a')]);
    tally.add('s1', 'random', '2', [ev('D1.1.1', 'b'), ev('D1.1.1', 'c')]);
    tally.add('s2', 'first', '1', [ev('D1.1.1', 'a'), ev('D7.3.3', 'z')]);
    const result = tally.result();
    const goal = (id: string) => result.goals.find((g) => g.goalId === id)!;
    expect(goal('D1.1.1')).toMatchObject({ points: 3, byScenario: { s1: 2, s2: 1 } });
    expect(goal('D7.3.3')).toMatchObject({ points: 1, byScenario: { s1: 0, s2: 1 } });
    expect(result.goals.map((g) => g.goalId)).toEqual(GOALS.map((g) => g.id));
    expect(result).toMatchObject({ runs: 3, min: 0, max: 3, scenarioIds: ['s1', 's2'], policies: ['random', 'first'] });
  });

  it('counts world decisions and knowledge checks apart, each by the same rule', () => {
    const tally = new CoverageTally();
    tally.add('s1', 'random', '1', [ev('D1.1.1', 'order-s1'), ev('D1.1.1', 'question-who'), ev('D1.1.1', 'question-what')]);
    tally.add('s1', 'random', '2', [ev('D1.1.1', 'order-s1'), ev('D1.1.1', 'event-bypass'), ev('D1.1.1', 'question-who', 0)]);
    tally.add('s2', 'first', '1', [ev('D3.2.1', 'question-moscow'), ev('D1.3.2', 'forecast-s1'), ev('D1.3.2', 'forecast-s2')]);
    const result = tally.result();
    const goal = (id: string) => result.goals.find((g) => g.goalId === id)!;
    // Best run of world decisions (seed 2: two) and best run of questions (seed 1: two), on their own.
    expect(goal('D1.1.1')).toMatchObject({ worldDecisions: 2, knowledgeChecks: 2, points: 3, worldByScenario: { s1: 2, s2: 0 }, checksByScenario: { s1: 2, s2: 0 } });
    expect(goal('D3.2.1')).toMatchObject({ level: 'describe', worldDecisions: 0, knowledgeChecks: 1, worldMinimum: 1 });
    expect(goal('D1.3.2')).toMatchObject({ level: 'apply', worldDecisions: 2, knowledgeChecks: 0, worldMinimum: 2 });
    // A question alone never satisfies a goal; an apply goal needs two world decisions.
    expect(result.worldBelow).toContain('D3.2.1');
    expect(result.worldBelow).not.toContain('D1.1.1');
    expect(result.worldBelow).not.toContain('D1.3.2');
    expect(result.worldBelow).toContain('D1.3.3');
    expect(WORLD_MINIMUM).toEqual({ describe: 1, apply: 2, analyze: 2 });
  });
});

describe(`the shipped scenarios, every bot, seeds 1..${DEFAULT_COVERAGE_SEEDS} (what "sim coverage" plays)`, () => {
  let result: CoverageResult;
  beforeAll(async () => {
    const { scenarios } = await shipped();
    result = runCoverage({ scenarios, seeds: DEFAULT_COVERAGE_SEEDS });
  }, 300_000);

  it('gives every one of the 65 goals at least three judged decision points', () => {
    expect(result.goals).toHaveLength(65);
    expect(result.goals.filter((g) => g.points < MIN_DECISION_POINTS).map((g) => `${g.goalId}: ${g.points}`)).toEqual([]);
    expect(result.failures).toEqual([]);
    expect(result.policies).toEqual(Object.keys(POLICIES));
  });

  it('judges every goal in the world, not only by questions: 1 decision for describe goals, 2 for apply and analyze', () => {
    const short = result.goals.filter((g) => g.worldDecisions < WORLD_MINIMUM[g.level]);
    expect(short.map((g) => `${g.goalId} (${g.level}): ${g.worldDecisions} world, ${g.knowledgeChecks} questions`)).toEqual([]);
    expect(result.worldBelow).toEqual([]);
  });

  it('tests every goal in at least two scenarios, so no goal hangs on one file', () => {
    const thin = result.goals.filter((g) => Object.values(g.byScenario).filter((n) => n > 0).length < 2);
    expect(thin.map((g) => g.goalId)).toEqual([]);
  });
});

describe('sim coverage', () => {
  it('prints all 65 goals in catalogue order with their titles and exits 0 when the minimum is met', async () => {
    const out = await sim(['coverage', '--scenario', 'corner-cafe', '--policy', 'first', '--seeds', '1', '--min', '0', '--world-min', '0']);
    expect(out.code).toBe(0);
    const rows = out.stdout.split('\n').filter((l) => /^D\d\.\d\.\d/.test(l));
    expect(rows.map((r) => r.split(/\s+/)[0])).toEqual(GOALS.map((g) => g.id));
    for (const [i, g] of GOALS.entries()) expect(rows[i]).toContain(g.title);
    expect(out.stdout).toMatch(/^goal\s+world\s+checks\s+points\s+scenarios\s+title$/m);
    expect(out.stdout).toMatch(/65 goals: min \d+, max \d+ decision points; every goal has at least 0/);
    expect(out.stdout).toContain('World decisions (world column: found/needed): every goal has its minimum (0 for describe goals, 0 for apply and analyze goals)');
    expect(out.stdout).toContain('1 runs (1 scenarios x 1 bots x 1 seeds)');
  });

  it('exits 1 and names the goals below the minimum', async () => {
    const out = await sim(['coverage', '--scenario', 'corner-cafe', '--policy', 'first', '--seeds', '1']);
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(/^sim: coverage: \d+ goals have fewer than 3 decision points: D/m);
    expect(out.stdout).toMatch(/^D4\.1\.1 !/m);
  });

  it('exits 1 when a goal lacks world decisions, even with --min 0, and shows found/needed', async () => {
    const out = await sim(['coverage', '--scenario', 'corner-cafe', '--policy', 'first', '--seeds', '1', '--min', '0']);
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(/^sim: coverage: \d+ goals have too few world decisions: D/m);
    expect(out.stderr).not.toContain('decision points');
    // corner-cafe has no market to analyse: the analyze goal on market shifts gets nothing there.
    expect(out.stdout).toMatch(/^D4\.3\.3 !\s+0\/2\s+\d+\s+\d+\s+\d+\/1\s+Spot market shifts/m);
    expect(out.stdout).toMatch(/^World decisions \(world column: found\/needed\): \d+ goals have too few \(marked !\): D/m);
    const doubled = await sim(['coverage', '--scenario', 'corner-cafe', '--policy', 'first', '--seeds', '1', '--min', '0', '--world-min', '2', '--json']);
    const json = JSON.parse(doubled.stdout) as CoverageResult;
    expect(json.goals.find((g) => g.goalId === 'D4.3.3')).toMatchObject({ level: 'analyze', worldMinimum: 4 });
    expect(json.goals.find((g) => g.goalId === 'D4.1.1')).toMatchObject({ level: 'describe', worldMinimum: 2 });
  });

  it('--json gives the same counts, and --help and bad options behave', async () => {
    const out = await sim(['coverage', '--scenario', 'corner-cafe', '--policy', 'first', '--seeds', '1', '--json', '--min', '0']);
    const json = JSON.parse(out.stdout) as CoverageResult & { minimum: number; below: string[] };
    expect(json.goals).toHaveLength(65);
    expect(json).toMatchObject({ minimum: 0, below: [], runs: 1, scenarioIds: ['corner-cafe'] });
    for (const g of json.goals) {
      expect(g.worldDecisions + g.knowledgeChecks).toBeGreaterThanOrEqual(g.points);
      expect(g.worldByScenario['corner-cafe']).toBe(g.worldDecisions);
      expect(g.checksByScenario['corner-cafe']).toBe(g.knowledgeChecks);
    }
    expect(json.worldBelow).toEqual(json.goals.filter((g) => g.worldDecisions < g.worldMinimum).map((g) => g.goalId));
    expect(json.worldBelow.length).toBeGreaterThan(0);
    expect(out.code).toBe(1);
    expect((await sim(['coverage', '--help'])).code).toBe(0);
    const bad = await sim(['coverage', '--seeds', 'many']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--seeds: expected a whole number');
    expect((await sim(['coverage', '--world-min', '-1'])).code).toBe(2);
    expect((await sim(['coverage', '--policy', 'nobody'])).code).toBe(2);
  });
});
