import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSession, type Action, type GameState, type Session } from '../../src/engine';
import { needsThePO } from '../../src/engine/rules/run';
import { shippedScenario } from '../helpers/scenarios';

/*
 * "Run to the next event" must be exactly the loop of "next day" a player could click through:
 * the same state, bit for bit, stopping where that loop would stop. Runs are forked from the
 * Sprint days of many random plays and compared with the loop by state hash.
 */

const SCENARIOS = ['corner-cafe.yaml', 'platform-adoption.yaml'].map((file) => shippedScenario(file));

function replayed(scenario: (typeof SCENARIOS)[number], seed: string, actions: readonly Action[]): Session {
  const s = createSession(scenario.scenario, seed, scenario.hash);
  for (const a of actions) expect(s.applyRecorded(a).ok).toBe(true);
  return s;
}

/** The reference: nextDay, one at a time, until the phase changes or the day left something for the PO. */
function loopOfDays(s: Session): number {
  let days = 0;
  for (;;) {
    const before = s.state as GameState;
    expect(s.dispatch({ type: 'nextDay' }).ok).toBe(true);
    days += 1;
    const after = s.state as GameState;
    if (after.phase !== 'sprint.execution.working' || needsThePO(before, after, s.scenario)) return days;
  }
}

describe('run to the next event', () => {
  it('gives the same state hash as the loop of next day, over seeds and situations', () => {
    let compared = 0;
    let multiDay = 0;
    const stops = new Set<string>();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1 }), fc.integer({ min: 1, max: 1_000_000 }), fc.array(fc.nat(), { minLength: 400, maxLength: 400 }), (which, seedNumber, picks) => {
        const scenario = SCENARIOS[which]!;
        const seed = String(seedNumber);
        const play = createSession(scenario.scenario, seed, scenario.hash);
        // A random player, but days pass mostly by clicking "next day", so Sprints do end.
        for (let k = 0; k < picks.length && !play.done; k++) {
          const step = play.observe();
          if (step.phase === 'sprint.execution.working' && k % 3 === 0) {
            const actions = play.replayLog().actions;
            const run = replayed(scenario, seed, actions);
            const loop = replayed(scenario, seed, actions);
            const result = run.dispatch({ id: 'runToNextEvent' });
            expect(result.ok).toBe(true);
            const days = loopOfDays(loop);
            expect(run.stateHash(), `seed ${seed} step ${actions.length}`).toBe(loop.stateHash());
            // One recorded action stands for all those days, and replays to the same state.
            expect(run.replayLog().actions.at(-1)).toEqual({ type: 'runToNextEvent' });
            expect(replayed(scenario, seed, run.replayLog().actions).stateHash()).toBe(run.stateHash());
            compared += 1;
            if (days > 1) multiDay += 1;
            stops.add(run.state.phase);
          }
          const options = step.actions.filter((a) => a.type !== 'runToNextEvent');
          const nextDay = options.find((a) => a.type === 'nextDay');
          const pick = nextDay && picks[k]! % 2 === 0 ? nextDay : options[picks[k]! % options.length]!;
          expect(play.dispatch({ id: pick.id }).ok).toBe(true);
        }
      }),
      { numRuns: 12, seed: 15 },
    );
    // The property must have bitten: many runs, some over several days, stopping both at events and at the Sprint's end.
    expect(compared).toBeGreaterThan(20);
    expect(multiDay).toBeGreaterThan(3);
    expect(stops).toContain('sprint.execution.deciding');
    expect(stops).toContain('sprint.review');
  }, 240_000);

  it('is listed for people while the days run, and refused elsewhere', () => {
    const { scenario, hash } = SCENARIOS[0]!;
    const s = createSession(scenario, '1', hash);
    expect(s.dispatch({ type: 'runToNextEvent' })).toMatchObject({ ok: false, error: { code: 'illegalNow' } });
    while (s.state.phase !== 'sprint.execution.working') s.dispatch({ id: s.observe().actions[0]!.id });
    const listed = s.observe().actions.find((a) => a.type === 'runToNextEvent');
    expect(listed?.label).toBe('Run to the next event');
  });
});
