import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Evidence } from '../../src/engine/model/state';
import {
  assessEvidence,
  classifyRun,
  completedScenarios,
  emptyKnowledgeMap,
  masteryFromMap,
  mergeMaps,
  mergeRun,
  summarizeRun,
  type KnowledgeMap,
  type RunRecord,
} from '../../src/assessment';

// A handful of goals, so generated runs overlap on the same goals and sums really interleave.
const GOAL_IDS = ['D1.1.1', 'D2.2.2', 'D3.2.1', 'D3.2.4', 'D5.1.3', 'D7.3.3'] as const;

const evidenceArb: fc.Arbitrary<Evidence> = fc.record({
  goalId: fc.constantFrom(...GOAL_IDS),
  score: fc.double({ min: 0, max: 1, noNaN: true }),
  weight: fc.double({ min: 0, max: 5, noNaN: true }),
  decisionId: fc.constant('d'),
  rationale: fc.constant('r'),
});

function runArb(runIds: fc.Arbitrary<string>): fc.Arbitrary<RunRecord> {
  return fc
    .tuple(runIds, fc.constantFrom('s-alpha', 's-beta', 's-gamma'), fc.array(evidenceArb, { maxLength: 12 }))
    .map(([runId, scenarioId, evidence]) => summarizeRun(runId, scenarioId, evidence).run);
}

/** A list of runs and a permutation of it. */
function runsAndPermutation(runs: fc.Arbitrary<RunRecord[]>): fc.Arbitrary<[RunRecord[], RunRecord[]]> {
  return runs.chain((rs) => fc.tuple(fc.constant(rs), fc.shuffledSubarray(rs, { minLength: rs.length, maxLength: rs.length })));
}

const fold = (runs: readonly RunRecord[]): KnowledgeMap => runs.reduce(mergeRun, emptyKnowledgeMap());
const rec = (goalId: string, score: number, weight = 1): Evidence => ({ goalId, score, weight, decisionId: 'd', rationale: 'r' });

describe('the knowledge map merge is order-independent and idempotent', () => {
  it('gives bit-identical mastery for any permutation of distinct runs', () => {
    const distinctRuns = fc.uniqueArray(runArb(fc.string({ minLength: 1, maxLength: 6 })), {
      selector: (r) => r.runId,
      maxLength: 8,
    });
    fc.assert(
      fc.property(runsAndPermutation(distinctRuns), ([runs, permuted]) => {
        const a = fold(runs);
        const b = fold(permuted);
        expect(b).toEqual(a);
        expect(masteryFromMap(b)).toEqual(masteryFromMap(a));
      }),
      { numRuns: 200 },
    );
  });

  it('stays order-independent when two different runs claim the same runId', () => {
    const clashingRuns = fc.array(runArb(fc.constantFrom('r1', 'r2', 'r3')), { maxLength: 8 });
    fc.assert(
      fc.property(runsAndPermutation(clashingRuns), ([runs, permuted]) => {
        expect(fold(permuted)).toEqual(fold(runs));
      }),
      { numRuns: 200 },
    );
  });

  it('ignores a run merged again, and a map merged with itself', () => {
    fc.assert(
      fc.property(fc.array(runArb(fc.constantFrom('r1', 'r2', 'r3', 'r4')), { maxLength: 6 }), (runs) => {
        const map = fold(runs);
        for (const run of map.runs) expect(mergeRun(map, run)).toBe(map);
        expect(mergeMaps(map, map)).toEqual(map);
        expect(fold([...runs, ...runs])).toEqual(map);
      }),
    );
  });

  it('survives a JSON round trip with the same mastery', () => {
    fc.assert(
      fc.property(fc.array(runArb(fc.string({ minLength: 1, maxLength: 4 })), { maxLength: 5 }), (runs) => {
        const map = fold(runs);
        const restored = JSON.parse(JSON.stringify(map)) as KnowledgeMap;
        expect(masteryFromMap(restored)).toEqual(masteryFromMap(map));
      }),
    );
  });

  it('gives the same mastery for one run as assessing its evidence directly', () => {
    const evidence = [rec('D3.2.1', 1), rec('D3.2.1', 0.5, 2), rec('D7.1.2', 0)];
    const map = mergeRun(emptyKnowledgeMap(), summarizeRun('run-1', 'scn', evidence).run);
    expect(masteryFromMap(map)).toEqual(assessEvidence(evidence).goals);
  });

  it('accumulates evidence across runs', () => {
    const one = summarizeRun('run-1', 'scn-a', [rec('D3.2.1', 1)]).run;
    const two = summarizeRun('run-2', 'scn-b', [rec('D3.2.1', 1), rec('D3.2.1', 0)]).run;
    const g = masteryFromMap(fold([one, two])).find((m) => m.goalId === 'D3.2.1');
    expect([g?.alpha, g?.beta, g?.evidenceCount, g?.totalWeight]).toEqual([3, 2, 3, 3]);
    expect(completedScenarios(fold([two, one]))).toEqual(['scn-a', 'scn-b']);
  });

  it('classifies runs as new, duplicate or conflict, and does not mutate the map', () => {
    const run = summarizeRun('run-1', 'scn', [rec('D1.1.1', 1)]).run;
    const map = Object.freeze(mergeRun(emptyKnowledgeMap(), run));
    const clash = summarizeRun('run-1', 'scn', [rec('D1.1.1', 0)]).run;
    expect(classifyRun(emptyKnowledgeMap(), run)).toBe('new');
    expect(classifyRun(map, run)).toBe('duplicate');
    expect(classifyRun(map, clash)).toBe('conflict');
    const before = JSON.stringify(map);
    mergeRun(map, clash);
    mergeRun(map, summarizeRun('run-2', 'scn', []).run);
    expect(JSON.stringify(map)).toBe(before);
  });

  it('repairs a hand-edited map with unsorted and duplicated runs', () => {
    const a = summarizeRun('a', 's', [rec('D1.1.1', 1)]).run;
    const b = summarizeRun('b', 's', [rec('D1.1.1', 0)]).run;
    const messy: KnowledgeMap = { version: 1, runs: [b, a, b] };
    expect(masteryFromMap(messy)).toEqual(masteryFromMap(fold([a, b])));
  });
});
