import { describe, expect, it } from 'vitest';
import { POLICIES, playToEnd } from '../../src/bots';
import { canonicalJson, createSession, type ReplayLog } from '../../src/engine';
import { band, choiceStep, whatIf, WhatIfError, type AlternativeFigures, type Band, type WhatIfResult } from '../../src/whatif/rollouts';
import { choiceSettledBy } from '../../src/assessment/later';
import type { Action, ActionType } from '../../src/engine';
import { starterScenario } from '../helpers/scenarios';

const { scenario, hash } = starterScenario();

/** A finished café run by a bot, as the learner's run (the yes-bot's has choices worth trying again). */
function learnerRun(bot: string, seed: string) {
  const session = createSession(scenario, seed, hash);
  playToEnd(session, POLICIES[bot]!(seed));
  return session;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

function ordered(b: Band | null): void {
  if (!b) return;
  expect(b.low).toBeLessThanOrEqual(b.median);
  expect(b.median).toBeLessThanOrEqual(b.high);
}

function figures(r: WhatIfResult): AlternativeFigures[] {
  return r.decisions.flatMap((d) => [...(d.yourChoice ? [d.yourChoice] : []), ...d.alternatives]);
}

describe('what if: the other options at the costliest decisions, played on by the principled bot', () => {
  const learner = learnerRun('yes', 'whatif-1');
  const hashBefore = learner.stateHash();
  const replay: ReplayLog = deepFreeze(learner.replayLog());
  const replayBefore = canonicalJson(replay);
  const progress: [number, number][] = [];
  // Fewer rollouts than the game's 30 keep the suite quick; the figures' rules are the same.
  const ROLLOUTS = 12;
  const first = whatIf(scenario, hash, replay, { rollouts: ROLLOUTS, onProgress: (done, total) => progress.push([done, total]) });

  it('gives identical figures for the same replay, and never changes the learner’s session or replay', () => {
    const again = whatIf(scenario, hash, structuredClone(replay) as ReplayLog, { rollouts: ROLLOUTS });
    expect(canonicalJson(again)).toBe(canonicalJson(first));
    expect(canonicalJson(replay)).toBe(replayBefore);
    expect(learner.stateHash()).toBe(hashBefore);
    expect(learner.replayLog().actions.length).toBe(replay.actions.length);
    expect(learner.replayLog().finalHash).toBe(replay.finalHash);
  });

  it('reports progress up to every rollout, and rollouts differ by chance', () => {
    const total = progress.at(-1)![1];
    expect(total).toBeGreaterThanOrEqual(ROLLOUTS);
    expect(progress.map((p) => p[0])).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    const tried = figures(first);
    expect(tried.length).toBeGreaterThan(0);
    // Rollouts with their own chance: the band is not a single point for every figure.
    expect(tried.some((a) => a.value && a.value.low < a.value.high)).toBe(true);
  });

  it('orders every band (10th ≤ median ≤ 90th percentile) and plays every rollout to the end', () => {
    for (const a of figures(first)) {
      expect(a.rollouts).toBe(ROLLOUTS);
      expect(a.failed).toBe(0);
      ordered(a.value);
      ordered(a.goalPercent);
      ordered(a.trust);
    }
    expect(first.learner).toMatchObject({ value: learner.report().outcomes.valueRealised, trust: learner.report().outcomes.stakeholderTrust });
  });

  it('tries only listed actions of the kind the learner took, never the one taken, at most three', () => {
    const random = learnerRun('random', 'whatif-2');
    const result = whatIf(scenario, hash, random.replayLog(), { rollouts: 2 });
    expect(result.decisions.length).toBeGreaterThan(0);
    for (const r of [first, result]) {
      const log = r === first ? replay : random.replayLog();
      for (const d of r.decisions) {
        if (d.step === null || d.alternatives.length === 0) {
          expect(d.note).toMatch(/no alternative to try here/);
          continue;
        }
        const at = createSession(scenario, log.seed, hash);
        for (let i = 0; i < d.step; i++) expect(at.applyRecorded(log.actions[i]).ok).toBe(true);
        const listed = at.legalActions();
        const taken = log.actions[d.step]!;
        // Tried where the choice was made: never at a later step that only judged it.
        expect(choiceSettledBy(d.decisionId, taken.type as ActionType), `${d.decisionId} at step ${d.step} (${taken.type})`).toBeUndefined();
        expect(d.alternatives.length).toBeLessThanOrEqual(3);
        for (const a of d.alternatives) {
          const found = listed.find((x) => x.id === a.actionId);
          expect(found, `${a.actionId} is listed at step ${d.step}`).toBeDefined();
          expect(found!.label).toBe(a.label);
          expect(found!.action.type).toBe(taken.type);
          expect(canonicalJson(found!.action)).not.toBe(canonicalJson(taken));
        }
        expect(d.yourChoice?.actionId).toBeNull();
      }
    }
  });

  it('takes the 10th and 90th percentiles by nearest rank, and refuses a bad rollout count', () => {
    expect(band([5, 1, 3, 2, 4, 6, 7, 8, 9, 10])).toEqual({ low: 1, median: 5, high: 9 });
    expect(band([])).toBeNull();
    expect(() => whatIf(scenario, hash, replay, { rollouts: 0 })).toThrow(WhatIfError);
  });
});

describe('the step where a decision was chosen', () => {
  const actions: Action[] = [
    { type: 'addCriterion', itemId: 'pay-in-app', criterionId: 'c1' },
    { type: 'addCriterion', itemId: 'order-ahead', criterionId: 'c2' },
    { type: 'proposeSprintGoal', itemIds: ['order-ahead'] },
    { type: 'writeCriteria', itemId: 'order-ahead', text: 'Given a regular\nWhen they order\nThen they see it confirmed' },
    { type: 'commitSprint', scope: 'agreed' },
    { type: 'answerQuestion', answerId: 'a' },
  ];

  it('is the judging step when the action judged made the decision', () => {
    expect(choiceStep('question-po-job', 5, actions)).toBe(5);
    expect(choiceStep('sprintGoal-s1', 2, actions)).toBe(2);
  });

  it('is the last earlier choice for a decision judged later, about the same item', () => {
    // Criteria are judged when their item enters the Sprint: chosen before, at steps 0 and 3.
    expect(choiceStep('criteria-pay-in-app', 4, actions)).toBe(0);
    expect(choiceStep('criteria-order-ahead', 4, actions)).toBe(3);
    // The Sprint Goal proposal is judged when it is settled.
    expect(choiceStep('sprintGoal-s1', 4, actions)).toBe(2);
  });

  it('is none when no earlier step made the choice', () => {
    expect(choiceStep('criteria-loyalty-stamps', 4, actions)).toBeNull();
  });
});
