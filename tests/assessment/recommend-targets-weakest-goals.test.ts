import { describe, expect, it } from 'vitest';
import type { Evidence } from '../../src/engine/model/state';
import {
  NOT_SEEN_GAP,
  emptyKnowledgeMap,
  mergeRun,
  rankScenarios,
  recommendNext,
  summarizeRun,
  type KnowledgeMap,
  type ScenarioInfo,
} from '../../src/assessment';

const rec = (goalId: string, score: number, weight = 1): Evidence => ({ goalId, score, weight, decisionId: 'd', rationale: 'r' });

function mapOf(runs: [runId: string, scenarioId: string, evidence: Evidence[]][]): KnowledgeMap {
  return runs.reduce((m, [runId, scenarioId, ev]) => mergeRun(m, summarizeRun(runId, scenarioId, ev).run), emptyKnowledgeMap());
}

// After one run the learner has shown ordering (D3.2.x), missed stakeholder balance (D5.1.3)
// and the Product Goal (D2.2.2); everything else is unseen.
const MAP = mapOf([
  [
    'run-1',
    'intro',
    [
      rec('D3.2.1', 1, 3),
      rec('D3.2.3', 1, 3),
      rec('D3.2.4', 0.9, 3),
      rec('D5.1.3', 0, 3),
      rec('D2.2.2', 0.1, 2),
    ],
  ],
]);

const SCENARIOS: readonly ScenarioInfo[] = [
  { id: 'ordering-drill', title: 'Ordering drill', targets: ['D3.2.1', 'D3.2.3', 'D3.2.4'] },
  { id: 'stakeholder-storm', title: 'Stakeholder storm', targets: ['D5.1.3', 'D2.2.2', 'D3.2.1'] },
  { id: 'fresh-ground', title: 'Fresh ground', targets: ['D6.1.2', 'D6.2.2', 'D3.2.1'] },
  { id: 'intro', title: 'Intro', targets: ['D5.1.3', 'D2.2.2', 'D2.2.1', 'D5.1.1'] },
];

describe('the recommender closes the biggest gaps', () => {
  it('picks the scenario that targets the weakest goals, and says which', () => {
    const r = recommendNext(MAP, SCENARIOS);
    expect(r?.scenarioId).toBe('stakeholder-storm');
    expect(r?.replay).toBe(false);
    expect(r?.weakGoals.map((g) => [g.goalId, g.status])).toEqual([
      ['D5.1.3', 'missed'],
      ['D2.2.2', 'missed'],
    ]);
    expect(r?.reason).toContain('D5.1.3');
    expect(r?.reason).toContain('missed');
  });

  it('pins the scores: gap = 1 - mean for seen goals, NOT_SEEN_GAP for unseen', () => {
    const scores = rankScenarios(MAP, SCENARIOS).map((s) => [s.scenarioId, Math.round(s.score * 10_000) / 10_000]);
    // D5.1.3 Beta(1,4) gap 0.8; D2.2.2 Beta(1.2,2.8) gap 0.7; D3.2.1 Beta(4,1) gap 0.2;
    // D3.2.3 gap 0.2; D3.2.4 Beta(3.7,1.3) gap 0.26; unseen goals NOT_SEEN_GAP each.
    expect(NOT_SEEN_GAP).toBe(0.5);
    expect(scores).toEqual([
      ['intro', 2.5],
      ['stakeholder-storm', 1.7],
      ['fresh-ground', 1.2],
      ['ordering-drill', 0.66],
    ]);
  });

  it('passes over completed scenarios, and offers a replay once all are done', () => {
    expect(recommendNext(MAP, SCENARIOS, [])?.scenarioId).toBe('intro');
    const all = SCENARIOS.map((s) => s.id);
    const r = recommendNext(MAP, SCENARIOS, all);
    expect(r?.scenarioId).toBe('intro');
    expect(r?.replay).toBe(true);
  });

  it('breaks ties by id with plain < comparison, not locale order', () => {
    const twins: ScenarioInfo[] = [
      { id: 'b', title: 'B', targets: ['D6.1.1'] },
      { id: 'a', title: 'A', targets: ['D6.1.2'] },
      { id: 'B', title: 'Upper B', targets: ['D6.1.3'] },
    ];
    // 'B' < 'a' < 'b' in code-unit order; localeCompare would put 'a' first.
    expect(rankScenarios(emptyKnowledgeMap(), twins).map((s) => s.scenarioId)).toEqual(['B', 'a', 'b']);
    expect(recommendNext(emptyKnowledgeMap(), twins)?.scenarioId).toBe('B');
  });

  it('ignores duplicate and unknown targets rather than inflating a score', () => {
    const padded: ScenarioInfo = { id: 'padded', title: 'Padded', targets: ['D6.1.1', 'D6.1.1', 'D9.9.9'] };
    const [s] = rankScenarios(emptyKnowledgeMap(), [padded]);
    expect(s?.score).toBe(NOT_SEEN_GAP);
    expect(s?.unknownTargets).toEqual(['D9.9.9']);
  });

  it('returns null when there is nothing to recommend', () => {
    expect(recommendNext(MAP, [])).toBeNull();
  });

  it('explains a pick whose goals are all shown', () => {
    const r = recommendNext(MAP, [SCENARIOS[0] as ScenarioInfo]);
    expect(r?.weakGoals).toEqual([]);
    expect(r?.reason).toMatch(/revisits goals you have shown/);
  });
});
