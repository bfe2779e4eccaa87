import { describe, expect, it } from 'vitest';
import type { Evidence } from '../../src/engine/model/state';
import { assessEvidence, rollupDomains, rollupTopics, type Rollup } from '../../src/assessment';

const rec = (goalId: string, score: number, weight: number): Evidence => ({ goalId, score, weight, decisionId: 'd', rationale: 'r' });
const round4 = (x: number | null) => (x === null ? null : Math.round(x * 10_000) / 10_000);

// Goal posteriors (prior Beta(1,1)):
//   D1.1.1 Beta(4,1)       mean 0.8     weight 3   shown
//   D1.1.2 Beta(1,2)       mean 0.3333  weight 1   missed
//   D1.2.1 Beta(2,2)       mean 0.5     weight 2   partly
//   D5.1.1 Beta(1.75,3.25) mean 0.35    weight 3   missed
//   D5.2.3 Beta(10,2)      mean 0.8333  weight 10  shown
const EVIDENCE: readonly Evidence[] = [
  rec('D1.1.1', 1, 1),
  rec('D1.1.1', 1, 1),
  rec('D1.1.1', 1, 1),
  rec('D1.1.2', 0, 1),
  rec('D1.2.1', 0.5, 2),
  rec('D5.2.3', 0.9, 10),
  rec('D5.1.1', 0.25, 3),
];

/** [id, status, mean (4 dp), shown/partly/missed/notSeen, seen, evidence count, total weight] */
type Row = [string, Rollup['status'], number | null, string, number, number, number];

function row(id: string, r: Rollup): Row {
  const c = r.counts;
  const counts = `${c.shown}/${c.partly}/${c.missed}/${c.notSeen}`;
  return [id, r.status, round4(r.mean), counts, r.seenCount, r.evidenceCount, round4(r.totalWeight) ?? 0];
}

const TOPIC_GOLDEN: readonly Row[] = [
  ['D1.1', 'partly', 0.6833, '1/0/1/2', 2, 4, 4], // (3*0.8 + 1*1/3) / 4
  ['D1.2', 'partly', 0.5, '0/1/0/2', 1, 1, 2],
  ['D1.3', 'notSeen', null, '0/0/0/3', 0, 0, 0],
  ['D2.1', 'notSeen', null, '0/0/0/3', 0, 0, 0],
  ['D2.2', 'notSeen', null, '0/0/0/3', 0, 0, 0],
  ['D2.3', 'notSeen', null, '0/0/0/3', 0, 0, 0],
  ['D3.1', 'notSeen', null, '0/0/0/4', 0, 0, 0],
  ['D3.2', 'notSeen', null, '0/0/0/4', 0, 0, 0],
  ['D3.3', 'notSeen', null, '0/0/0/3', 0, 0, 0],
  ['D4.1', 'notSeen', null, '0/0/0/3', 0, 0, 0],
  ['D4.2', 'notSeen', null, '0/0/0/4', 0, 0, 0],
  ['D4.3', 'notSeen', null, '0/0/0/3', 0, 0, 0],
  ['D5.1', 'missed', 0.35, '0/0/1/2', 1, 1, 3],
  ['D5.2', 'shown', 0.8333, '1/0/0/3', 1, 1, 10],
  ['D6.1', 'notSeen', null, '0/0/0/3', 0, 0, 0],
  ['D6.2', 'notSeen', null, '0/0/0/3', 0, 0, 0],
  ['D6.3', 'notSeen', null, '0/0/0/3', 0, 0, 0],
  ['D7.1', 'notSeen', null, '0/0/0/3', 0, 0, 0],
  ['D7.2', 'notSeen', null, '0/0/0/3', 0, 0, 0],
  ['D7.3', 'notSeen', null, '0/0/0/3', 0, 0, 0],
];

const DOMAIN_GOLDEN: readonly Row[] = [
  ['D1', 'partly', 0.6222, '1/1/1/7', 3, 5, 6], // (2.4 + 1/3 + 1.0) / 6
  ['D2', 'notSeen', null, '0/0/0/9', 0, 0, 0],
  ['D3', 'notSeen', null, '0/0/0/11', 0, 0, 0],
  ['D4', 'notSeen', null, '0/0/0/10', 0, 0, 0],
  ['D5', 'shown', 0.7218, '1/0/1/5', 2, 2, 13], // (3*0.35 + 10*10/12) / 13
  ['D6', 'notSeen', null, '0/0/0/9', 0, 0, 0],
  ['D7', 'notSeen', null, '0/0/0/9', 0, 0, 0],
];

describe('rollups are pinned by a golden table', () => {
  const goals = assessEvidence(EVIDENCE).goals;

  it('rolls up every topic exactly', () => {
    expect(rollupTopics(goals).map((t) => row(t.topicId, t))).toEqual(TOPIC_GOLDEN);
  });

  it('rolls up every domain exactly', () => {
    expect(rollupDomains(goals).map((d) => row(d.domainId, d))).toEqual(DOMAIN_GOLDEN);
  });

  it('weights goals by evidence, so heavy evidence dominates a domain', () => {
    // Unweighted, D5 would be (0.35 + 0.8333) / 2 = 0.59, partly; weighted it is shown.
    expect(rollupDomains(goals)[4]?.status).toBe('shown');
  });

  it('treats goals missing from the input as not seen', () => {
    const onlyOne = goals.filter((g) => g.goalId === 'D5.2.3');
    expect(row('D5.2', rollupTopics(onlyOne)[13] as Rollup)).toEqual(['D5.2', 'shown', 0.8333, '1/0/0/3', 1, 1, 10]);
    expect(rollupDomains([])[0]?.counts.notSeen).toBe(10);
  });
});
