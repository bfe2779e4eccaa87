import { beforeAll, describe, expect, it } from 'vitest';
import { POLICIES, playToEnd } from '../../src/bots';
import { createSession, type Evidence, type Report, type Scenario } from '../../src/engine';
import { BOT_NAMES, partTwoScenario } from './starter';

/*
 * The part-2 mechanics (vision, roadmap, persona, stakeholder map, discovery, progress sharing,
 * pivot or persist) played on a fixture in a domain the bots' reading was not written against.
 */

let scenario: Scenario;
let hash: string;
beforeAll(async () => ({ scenario, hash } = await partTwoScenario()));

const SEEDS = Array.from({ length: 30 }, (_, i) => String(i + 1));

const reports = new Map<string, Report[]>();
function runs(name: string): Report[] {
  let list = reports.get(name);
  if (!list) {
    list = SEEDS.map((seed) => {
      const session = createSession(scenario, seed, hash);
      playToEnd(session, POLICIES[name]!(seed));
      return session.report();
    });
    reports.set(name, list);
  }
  return list;
}

function byGoal(name: string): Map<string, Evidence[]> {
  const out = new Map<string, Evidence[]>();
  for (const r of runs(name)) for (const e of r.evidence) out.set(e.goalId, [...(out.get(e.goalId) ?? []), e]);
  return out;
}

const scores = (list: Evidence[] | undefined) => (list ?? []).map((e) => e.score);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

describe('the bots on the part-2 fixture', () => {
  it.each(BOT_NAMES)('%s plays it to the end on 30 seeds without a refused action', (name) => {
    for (const r of runs(name)) {
      expect(r.done).toBe(true);
      expect(r.outcomes.sprintsPlayed).toBe(scenario.sprints);
    }
  });

  it('principled: a vision of customer, need and difference, a persona from research, Now-Next-Later, a right map', () => {
    const by = byGoal('principled');
    for (const goal of ['D2.1.2', 'D4.1.2', 'D2.3.2', 'D5.1.2']) {
      expect(scores(by.get(goal)).length, goal).toBeGreaterThan(0);
      expect(Math.min(...scores(by.get(goal))), goal).toBe(1);
    }
  });

  it('principled: interviews then analytics, experiments before building, empathy notes and requests read right', () => {
    const by = byGoal('principled');
    for (const goal of ['D4.2.1', 'D4.2.2', 'D4.2.3', 'D4.2.4', 'D4.3.1', 'D4.1.3']) {
      expect(scores(by.get(goal)).length, goal).toBeGreaterThan(0);
      expect(Math.min(...scores(by.get(goal))), goal).toBe(1);
    }
    // Every item resting on an assumption was tested before the Developers took it.
    expect(by.get('D4.2.2')!.every((e) => e.decisionId.startsWith('mvp-'))).toBe(true);
  });

  it('principled: transparent progress, persisting on two anecdotes, and a Retrospective read from the history', () => {
    const by = byGoal('principled');
    for (const goal of ['D5.2.2', 'D2.2.3', 'D2.3.3', 'D5.2.4']) expect(Math.min(...scores(by.get(goal))), goal).toBe(1);
  });

  it('principled: sets aside the tote bags, whose only benefit is the charity\u2019s image', () => {
    const flags = byGoal('principled').get('D2.1.3') ?? [];
    expect(flags.map((e) => e.decisionId)).toContain('vision-tote-bags');
    expect(Math.min(...scores(flags))).toBe(1);
  });

  it('hippo: the sponsor\u2019s vision and persona, a dated roadmap, good news, a survey, no experiments', () => {
    const by = byGoal('hippo');
    expect(new Set(scores(by.get('D2.1.2')))).toEqual(new Set([0]));
    expect(new Set(scores(by.get('D4.1.2')))).toEqual(new Set([0]));
    expect(new Set(scores(by.get('D2.3.2')))).toEqual(new Set([0.2]));
    expect(new Set(scores(by.get('D5.2.2')))).toEqual(new Set([0]));
    expect(new Set(scores(by.get('D4.2.1')))).toEqual(new Set([0.6]));
    // Each item built on an untested belief.
    expect(new Set(scores(by.get('D4.2.2')))).toEqual(new Set([0.2]));
    // Seniors close, everyone else watched from afar: right for some, wrong for others.
    expect(mean(scores(by.get('D5.1.2')))).toBeLessThan(0.7);
  });

  it('yes: every idea and snippet taken, every request a need, notes taken at their word, a pivot on two anecdotes', () => {
    const by = byGoal('yes');
    expect(Math.max(...scores(by.get('D2.1.2')))).toBeLessThan(1);
    expect(Math.max(...scores(by.get('D4.1.2')))).toBeLessThan(1);
    expect(new Set(scores(by.get('D2.2.3')))).toEqual(new Set([0]));
    expect(new Set(scores(by.get('D5.2.2')))).toEqual(new Set([0]));
    expect(mean(scores(by.get('D4.2.4')))).toBeLessThan(0.5);
    expect(mean(scores(by.get('D4.2.3')))).toBeLessThan(0.5);
  });

  it('principled realises more value than the personas and the random player', () => {
    const value = (name: string) => mean(runs(name).map((r) => r.outcomes.valuePercent));
    for (const other of ['hippo', 'yes', 'random']) expect(value('principled'), other).toBeGreaterThan(value(other) + 15);
  });
});
