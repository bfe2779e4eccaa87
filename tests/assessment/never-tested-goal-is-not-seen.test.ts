import { describe, expect, it } from 'vitest';
import type { Evidence } from '../../src/engine/model/state';
import { assessEvidence, emptyKnowledgeMap, masteryFromMap, rollupDomains, rollupTopics } from '../../src/assessment';

const rec = (goalId: string, score: number, weight = 1): Evidence => ({ goalId, score, weight, decisionId: 'd', rationale: 'r' });

describe('a goal never tested is not seen, never zero', () => {
  it('reports every goal as notSeen with no estimate when there is no evidence', () => {
    const { goals } = assessEvidence([]);
    expect(goals).toHaveLength(65);
    for (const g of goals) {
      expect(g.status).toBe('notSeen');
      expect(g.estimate).toBeNull();
      expect(g.evidenceCount).toBe(0);
      expect(g.totalWeight).toBe(0);
    }
  });

  it('leaves untested goals notSeen next to a goal scored zero', () => {
    const { goals } = assessEvidence([rec('D2.2.1', 0)]);
    const tested = goals.find((g) => g.goalId === 'D2.2.1');
    const untested = goals.find((g) => g.goalId === 'D2.2.2');
    expect(tested?.status).toBe('missed');
    expect(untested?.status).toBe('notSeen');
    expect(untested?.estimate).toBeNull();
  });

  it('treats zero-weight evidence as carrying no information', () => {
    const g = assessEvidence([rec('D2.2.1', 0, 0)]).goals.find((m) => m.goalId === 'D2.2.1');
    expect(g?.status).toBe('notSeen');
    expect(g?.evidenceCount).toBe(1);
  });

  it('does not drag a topic or domain down with unseen goals', () => {
    const goals = assessEvidence([rec('D1.1.1', 1), rec('D1.1.1', 1), rec('D1.1.1', 1)]).goals;
    const topic = rollupTopics(goals)[0];
    expect(topic?.status).toBe('shown');
    expect(topic?.counts).toEqual({ shown: 1, partly: 0, missed: 0, notSeen: 3 });
    const domain2 = rollupDomains(goals)[1];
    expect(domain2?.status).toBe('notSeen');
    expect(domain2?.mean).toBeNull();
  });

  it('reports an empty knowledge map as all notSeen', () => {
    expect(masteryFromMap(emptyKnowledgeMap()).every((g) => g.status === 'notSeen' && g.estimate === null)).toBe(true);
  });
});
