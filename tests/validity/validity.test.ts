import { beforeAll, describe, expect, it } from 'vitest';
import { POLICIES } from '../../src/bots';
import type { Evidence, Scenario } from '../../src/engine';
import {
  VALIDITY_EXIT,
  domainScores,
  formatValidity,
  goalScores,
  meanInterval,
  runValidity,
  separatedAbove,
  tCritical,
  validityExitCode,
  type ValidityResult,
} from '../../src/validity';
import { parseValidityArgs, validityMain } from '../../src/validity/main';
import { partTwoScenario, starterScenario } from '../bots/starter';

let scenario: Scenario;
let hash: string;
let partTwo: Scenario;
let result: ValidityResult;
beforeAll(async () => {
  ({ scenario, hash } = await starterScenario());
  const fixture = await partTwoScenario();
  partTwo = fixture.scenario;
  result = runValidity({ scenarios: [{ scenario, hash }, fixture], seeds: 60 });
}, 180_000);

const rec = (goalId: string, score: number, weight = 1): Evidence => ({ goalId, score, weight, decisionId: 'd', rationale: 'r' });

describe('validity statistics', () => {
  it('gives the mean and a Student-t 95% interval', () => {
    const i = meanInterval([1, 2, 3, 4]);
    expect(i.n).toBe(4);
    expect(i.mean).toBe(2.5);
    expect(i.sd).toBeCloseTo(1.2910, 4);
    expect(i.lo).toBeCloseTo(2.5 - (3.182 * 1.2910) / 2, 3);
    expect(i.hi).toBeCloseTo(2.5 + (3.182 * 1.2910) / 2, 3);
    expect(meanInterval([])).toEqual({ n: 0, mean: null, sd: null, lo: null, hi: null });
    expect(meanInterval([0.5])).toEqual({ n: 1, mean: 0.5, sd: 0, lo: 0.5, hi: 0.5 });
  });

  it('uses t quantiles that approach 1.96', () => {
    expect(tCritical(1)).toBe(12.706);
    expect(tCritical(30)).toBe(2.042);
    expect(tCritical(40)).toBeCloseTo(2.021, 3);
    expect(tCritical(120)).toBeCloseTo(1.98, 3);
    expect(tCritical(199)).toBeGreaterThan(1.96);
    expect(tCritical(199)).toBeLessThan(1.975);
  });

  it('calls two intervals separated only when they do not overlap', () => {
    expect(separatedAbove(meanInterval([0.9, 1, 0.95]), meanInterval([0.1, 0.2, 0.15]))).toBe(true);
    expect(separatedAbove(meanInterval([0.5, 0.9]), meanInterval([0.4, 0.8]))).toBe(false);
    expect(separatedAbove(meanInterval([1]), meanInterval([]))).toBe(false);
  });

  it('scores a run per domain and per goal as the weighted mean of its evidence', () => {
    const evidence = [rec('D1.1.1', 1), rec('D1.2.3', 0, 3), rec('D2.2.1', 1, 0.5), rec('D2.2.2', 0.4), rec('D9.9.9', 1), rec('D5.2.1', 1, 0)];
    expect(Object.fromEntries(domainScores(evidence))).toEqual({ D1: 0.25, D2: 0.6 });
    expect(Object.fromEntries(goalScores(evidence))).toEqual({ 'D1.1.1': 1, 'D1.2.3': 0, 'D2.2.1': 1, 'D2.2.2': 0.4 });
  });
});

describe('the validity check on the starter scenario (60 seeds)', () => {
  it('ranks principled above hippo, yes and random in every targeted domain', () => {
    const s = result.scenarios[0]!;
    expect(s.failures).toEqual([]);
    expect(s.targetedDomains).toEqual(['D1', 'D2', 'D3', 'D5', 'D6', 'D7']);
    for (const v of s.verdicts) expect(v.comparisons.filter((c) => !c.pass).map((c) => `${v.domainId} vs ${c.against}: ${c.reason}`)).toEqual([]);
    expect(s.pass).toBe(true);
    expect(result.pass).toBe(true);
    expect(validityExitCode(result)).toBe(VALIDITY_EXIT.pass);
  });

  it('has a cell for every bot and shown domain, with runs counted', () => {
    const s = result.scenarios[0]!;
    expect(s.policies).toEqual(['principled', 'hippo', 'yes', 'random']);
    for (const p of s.policies) for (const d of s.domains) expect(s.table[p]![d.domainId]).toBeDefined();
    expect(s.table.principled!.D2!.n).toBe(60);
    expect(s.runsPerPolicy).toBe(60);
  });

  it('checks every targeted goal against random', () => {
    const s = result.scenarios[0]!;
    for (const id of scenario.targets) expect(s.goals.map((g) => g.goalId)).toContain(id);
    for (const g of s.goalWeaknesses) expect(g.separated).toBe(false);
  });

  it('ranks principled above the others in every domain of the part-2 fixture, vision to Definition of Ready', () => {
    const s = result.scenarios[1]!;
    expect(s.scenarioId).toBe(partTwo.id);
    expect(s.failures).toEqual([]);
    expect(s.targetedDomains).toEqual(['D1', 'D2', 'D3', 'D4', 'D5', 'D6', 'D7']);
    for (const v of s.verdicts) expect(v.comparisons.filter((c) => !c.pass).map((c) => `${v.domainId} vs ${c.against}: ${c.reason}`)).toEqual([]);
    // The part-2 goals separate principled from random one by one, not only inside their domains.
    const weak = new Set(s.goalWeaknesses.map((g) => g.goalId));
    for (const id of ['D2.1.2', 'D2.2.3', 'D2.3.2', 'D4.1.2', 'D4.2.1', 'D4.2.2', 'D4.2.3', 'D4.2.4', 'D5.1.2', 'D5.2.2', 'D5.2.4']) expect(weak.has(id), id).toBe(false);
  });

  it('formats a table of bots by domains, the verdicts and the findings', () => {
    const text = formatValidity(result);
    expect(text).toMatch(/^Scenario corner-cafe: /);
    expect(text).toMatch(/domain\s+principled\s+hippo\s+yes\s+random/);
    expect(text).toMatch(/D3\* Product Backlog Management\s+\d\.\d\d \[\d\.\d\d,\d\.\d\d\]/);
    expect(text).toContain('PASS  D7 Sprint Collaboration and Definition of Ready');
    expect(text).toContain('Outcomes (mean per run [95% interval])');
    expect(text.endsWith('Validity over 60 seeds: PASS\n')).toBe(true);
  });
});

describe('the verdict can fail', () => {
  it('fails when the reference bot plays no better than the others', () => {
    const fake = runValidity({
      scenarios: [{ scenario, hash }],
      seeds: 20,
      policies: { principled: POLICIES.random!, random: POLICIES.random! },
    });
    const s = fake.scenarios[0]!;
    expect(s.pass).toBe(false);
    expect(s.verdicts.every((v) => !v.pass)).toBe(true);
    expect(s.goalWeaknesses.length).toBeGreaterThan(0);
    expect(validityExitCode(fake)).toBe(VALIDITY_EXIT.fail);
    expect(formatValidity(fake)).toContain('FAIL  D1');
  });

  it('fails, and names the bot, when a bot sends a refused action', () => {
    const broken = runValidity({
      scenarios: [{ scenario, hash }],
      seeds: 3,
      policies: { principled: POLICIES.principled!, stuck: () => ({ name: 'stuck', description: 'sends nonsense', choose: () => ({ id: 'no-such-action' }) }) },
    });
    const s = broken.scenarios[0]!;
    expect(s.failures.map((f) => f.policy)).toEqual(['stuck', 'stuck', 'stuck']);
    expect(validityExitCode(broken)).toBe(VALIDITY_EXIT.fail);
  });
});

describe('validityMain', () => {
  it('parses --seeds and --scenario with defaults', () => {
    expect(parseValidityArgs([])).toEqual({ ok: true, seeds: 200, scenarios: [], json: false, help: false });
    expect(parseValidityArgs(['--seeds', '12', '--scenario', 'corner-cafe'])).toEqual({ ok: true, seeds: 12, scenarios: ['corner-cafe'], json: false, help: false });
    expect(parseValidityArgs(['--seeds=7'])).toMatchObject({ ok: true, seeds: 7 });
    for (const bad of [['--seeds', 'abc'], ['--seeds', '0'], ['--seeds', '1.5'], ['--nope'], ['extra']]) expect(parseValidityArgs(bad).ok, bad.join(' ')).toBe(false);
  });

  it('returns 2 for bad usage and for an unknown scenario, with a message', async () => {
    let out = '';
    expect(await validityMain(['--seeds', 'many'], (s) => (out += s))).toBe(2);
    expect(out).toContain('--seeds');
    out = '';
    expect(await validityMain(['--scenario', 'no-such-scenario', '--seeds', '2'], (s) => (out += s))).toBe(2);
    expect(out).toContain('no-such-scenario');
  });

  it('prints help and returns 0', async () => {
    let out = '';
    expect(await validityMain(['--help'], (s) => (out += s))).toBe(0);
    expect(out).toContain('Usage: sim validity');
  });

  it('runs the check and returns the exit code of its verdict', async () => {
    let out = '';
    const code = await validityMain(['--seeds', '8', '--scenario', 'corner-cafe'], (s) => (out += s));
    expect(out).toContain('Scenario corner-cafe');
    expect(code).toBe(out.includes('Validity over 8 seeds: PASS') ? 0 : 1);
    let json = '';
    await validityMain(['--seeds', '3', '--scenario', 'corner-cafe', '--json'], (s) => (json += s));
    expect((JSON.parse(json) as ValidityResult).seeds).toBe(3);
  });
});
