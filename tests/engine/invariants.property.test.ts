import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, createSession, type GameState } from '../../src/engine';
import { starterScenario } from '../helpers/scenarios';

const { scenario, hash } = starterScenario();

function checkInvariants(s: GameState): void {
  const t = s.team;
  for (const [name, v] of Object.entries({ capacity: t.capacity, lost: t.lostThisSprint, sprintCapacity: s.sprintCapacity, refinementUsed: s.refinementUsed }))
    expect(v, name).toBeGreaterThanOrEqual(0);
  for (const v of [t.morale, t.techDebt, ...Object.values(s.trust)]) {
    expect(v).toBeGreaterThanOrEqual(0);
    expect(v).toBeLessThanOrEqual(100);
  }
  expect(Number.isFinite(s.valueRealised) && s.valueRealised >= 0).toBe(true);
  // The backlog order is exactly the items waiting in the backlog, each once.
  const waiting = Object.values(s.items).filter((i) => i.status === 'backlog').map((i) => i.id).sort();
  expect([...s.backlogOrder].sort()).toEqual(waiting);
  expect(new Set(s.backlogOrder).size).toBe(s.backlogOrder.length);
  for (const i of Object.values(s.items)) {
    expect(Number.isFinite(i.remaining) && i.remaining >= 0, i.id).toBe(true);
    expect(i.estimate).toBeGreaterThanOrEqual(1);
  }
  for (const e of s.evidence) {
    expect(e.goalId).toMatch(/^D[1-7]\.[1-3]\.[1-5]$/);
    expect(e.score >= 0 && e.score <= 1).toBe(true);
    expect(e.rationale.length).toBeGreaterThan(0);
  }
  if (s.metrics) for (const v of Object.values(s.metrics)) expect(Number.isFinite(v)).toBe(true);
}

/** Either a pick among the listed actions, or a hostile input that must be refused cleanly. */
const move = fc.oneof(
  { weight: 8, arbitrary: fc.nat().map((n) => ({ pick: n })) },
  { weight: 1, arbitrary: fc.anything().map((junk) => ({ junk })) },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constantFrom('moveItem', 'orderBacklog', 'refineItem', 'proposeSprintGoal', 'planRelease', 'releaseIncrement', 'resolveEvent', 'setRefinementShare', 'commitSprint', 'nextDay'),
      itemId: fc.oneof(fc.string(), fc.constantFrom('order-ahead', 'gift-cards', 'dark-mode')),
      toIndex: fc.integer({ min: -3, max: 40 }),
      itemIds: fc.array(fc.constantFrom('order-ahead', 'gift-cards', 'dark-mode', 'x')),
      choiceId: fc.string(),
      percent: fc.integer({ min: -5, max: 40 }),
      plan: fc.constantFrom('dateWithFlexibleScope', 'everythingByDate', 'maybe'),
      scope: fc.constantFrom('agreed', 'insist', 'stretch'),
    }, { requiredKeys: ['type'] }).map((action) => ({ action })),
  },
);

describe('random action sequences', () => {
  it('never throw, never break invariants, and refused actions change nothing', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.array(move, { minLength: 1, maxLength: 400 }), (seed, moves) => {
        const session = createSession(scenario, seed, hash);
        for (const m of moves) {
          if (session.done) break;
          const before = canonicalJson(session.state);
          const input = 'pick' in m ? { id: session.legalActions()[m.pick % session.legalActions().length]!.id } : 'junk' in m ? m.junk : m.action;
          const result = session.dispatch(input);
          if (!result.ok) {
            expect(result.error.message.length).toBeGreaterThan(0);
            expect(canonicalJson(session.state)).toBe(before);
          }
          checkInvariants(session.state as GameState);
          expect(session.legalActions().length > 0 || session.done).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});
