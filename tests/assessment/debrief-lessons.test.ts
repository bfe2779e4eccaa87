import { beforeAll, describe, expect, it } from 'vitest';
import { buildDebrief, type Debrief, type DebriefDecision } from '../../src/assessment';
import { costliestDecisions, decisionCost, soundDecisions } from '../../src/assessment/lessons';
import { lessonWeighs } from '../../src/assessment/lesson-text';
import { POLICIES, playToEnd } from '../../src/bots';
import { createSession, type Report, type Scenario } from '../../src/engine';
import { starterScenario } from '../bots/starter';

/** A decision with one evidence record per [goalId, score, weight]. */
function decision(decisionId: string, ...goals: [string, number, number][]): DebriefDecision {
  const w = goals.reduce((a, [, , wt]) => a + wt, 0);
  return {
    decisionId,
    title: `Title of ${decisionId}`,
    sprint: null,
    score: goals.reduce((a, [, s, wt]) => a + s * wt, 0) / w,
    happened: goals.map(([g]) => `what happened on ${g}`),
    goals: goals.map(([goalId, score, weight]) => ({ goalId, title: `Goal ${goalId}`, domain: 1, topic: 1, level: 'apply', score, weight, rationale: `what happened on ${goalId} in ${decisionId}`, strongPoWeighs: 'long text' })),
  };
}

describe('costliestDecisions: the three lessons on the first screen', () => {
  it('picks the decisions that lost most weight, costliest first, and leaves sound ones out', () => {
    const decisions = [
      decision('order-s1', ['D3.2.3', 0.2, 1]), // cost 0.8
      decision('sprintGoal-s1', ['D7.2.1', 0.9, 1]), // sound: never a lesson
      decision('forecast-s1', ['D5.2.1', 0.5, 2]), // cost 1.0
      decision('criteria-order-ahead', ['D7.3.2', 0.6, 0.5]), // cost 0.2
      decision('retro-s1', ['D1.2.3', 0, 0.5]), // cost 0.5
    ];
    const lessons = costliestDecisions({ decisions });
    expect(lessons.map((l) => l.decisionId)).toEqual(['forecast-s1', 'order-s1', 'retro-s1']);
    expect(lessons[0]).toMatchObject({ title: 'Title of forecast-s1', goalId: 'D5.2.1', happened: 'what happened on D5.2.1 in forecast-s1', cost: 1 });
    expect(lessons[0]!.weighs).toBe(lessonWeighs('forecast-s1', 'D5.2.1'));
    expect(decisionCost(decisions[1]!)).toBe(0);
  });

  it('names the goal a decision lost most on, and breaks cost ties by the lower score, then by order', () => {
    const two = decision('order-s2', ['D3.2.3', 0.9, 1], ['D3.2.4', 0.1, 1]);
    expect(costliestDecisions({ decisions: [two] })[0]).toMatchObject({ goalId: 'D3.2.4', happened: 'what happened on D3.2.4 in order-s2' });
    const a = decision('ready-s1', ['D7.1.2', 0.5, 1]);
    const b = decision('refinement-s1', ['D3.3.2', 0.5, 1]);
    const c = decision('cancel-s1', ['D2.2.3', 0, 0.5]);
    expect(costliestDecisions({ decisions: [a, b, c] }).map((l) => l.decisionId)).toEqual(['cancel-s1', 'ready-s1', 'refinement-s1']);
    expect(costliestDecisions({ decisions: [b, a, c] }).map((l) => l.decisionId)).toEqual(['cancel-s1', 'refinement-s1', 'ready-s1']);
  });

  it('teaches each idea once: the same mistake on a second item gives way to the next costliest', () => {
    const decisions = [
      decision('criteria-pay-in-app', ['D7.3.2', 0, 1]),
      decision('criteria-order-ahead', ['D7.3.2', 0, 1]),
      decision('order-s1', ['D3.2.3', 0.5, 1]),
      decision('forecast-s1', ['D5.2.1', 0.6, 1]),
    ];
    expect(costliestDecisions({ decisions }).map((l) => l.decisionId)).toEqual(['criteria-pay-in-app', 'order-s1', 'forecast-s1']);
  });

  it('gives fewer than three when fewer decisions fell short, and none for a flawless run', () => {
    expect(costliestDecisions({ decisions: [decision('order-s1', ['D3.2.3', 0.3, 1])] })).toHaveLength(1);
    expect(costliestDecisions({ decisions: [decision('order-s1', ['D3.2.3', 1, 1])] })).toEqual([]);
    expect(soundDecisions({ decisions: [decision('a', ['D3.2.3', 1, 1]), decision('b', ['D3.2.3', 0.2, 1])] })).toEqual({ sound: 1, judged: 2 });
  });
});

describe('lessons from played runs', () => {
  let scenario: Scenario;
  let hash: string;
  beforeAll(async () => ({ scenario, hash } = await starterScenario()));
  const run = (bot: string, seed: string): Report => {
    const s = createSession(scenario, seed, hash);
    playToEnd(s, POLICIES[bot]!(seed));
    return s.report();
  };
  const debriefOf = (bot: string, seed: string): Debrief => buildDebrief(run(bot, seed), scenario.targets);

  it('a careless run has three lessons that cost more than the principled run’s, each with a short worked example', () => {
    for (const seed of ['1', '2', '3']) {
      const careless = costliestDecisions(debriefOf('yes', seed));
      const principled = costliestDecisions(debriefOf('principled', seed));
      expect(careless).toHaveLength(3);
      const total = (ls: typeof careless) => ls.reduce((a, l) => a + l.cost, 0);
      expect(total(careless)).toBeGreaterThan(total(principled));
      for (const l of careless) {
        expect(l.weighs.length).toBeGreaterThan(40);
        expect(l.weighs.length).toBeLessThan(260);
        expect(l.score).toBeLessThan(0.7);
      }
    }
  });

  it('every decision the bots meet has a worked example in sentences, without ids or camelCase', () => {
    const ids = new Map<string, string>();
    for (const bot of ['principled', 'yes', 'hippo', 'random'])
      for (const seed of ['1', '2']) for (const e of run(bot, seed).evidence) ids.set(e.decisionId, e.goalId);
    expect(ids.size).toBeGreaterThan(10);
    for (const [decisionId, goalId] of ids) {
      const text = lessonWeighs(decisionId, goalId);
      expect(text, decisionId).toMatch(/^[A-Z"].*[.]$/);
      expect(text, decisionId).not.toMatch(/\b[a-z]+[A-Z][a-zA-Z]*\b/);
      expect(text, decisionId).not.toMatch(/D\d\.\d\.\d/);
    }
  });
});
