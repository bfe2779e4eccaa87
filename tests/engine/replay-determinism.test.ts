import { describe, expect, it } from 'vitest';
import { canonicalJson, createSession, verifyReplay } from '../../src/engine';
import { POLICIES, playToEnd } from '../../src/bots';
import { starterScenario } from '../helpers/scenarios';

const { scenario, hash } = starterScenario();

describe('replays are deterministic', () => {
  it('1,000 seeds of random play: replaying the log gives the same final hash', () => {
    const hashes = new Set<string>();
    for (let seed = 0; seed < 1000; seed++) {
      const session = createSession(scenario, seed, hash);
      playToEnd(session, POLICIES.random!(String(seed)));
      const log = session.replayLog();
      const result = verifyReplay(JSON.parse(JSON.stringify(log)), scenario, hash);
      if (!result.ok) throw new Error(`seed ${seed}: ${result.message}`);
      expect(result.finalHash).toBe(log.finalHash);
      hashes.add(log.finalHash);
    }
    // Different seeds and choices must actually lead to different worlds.
    expect(hashes.size).toBeGreaterThan(990);
  }, 300_000);

  it('two sessions with the same seed and actions are equal at every step', () => {
    for (let seed = 0; seed < 50; seed++) {
      const a = createSession(scenario, seed, hash);
      const b = createSession(scenario, seed, hash);
      const policy = POLICIES.random!(`twin-${seed}`);
      while (!a.done) {
        const choice = policy.choose(a.observe());
        const ra = a.dispatch(choice);
        const rb = b.dispatch(choice);
        expect(rb).toEqual(ra);
        expect(canonicalJson(b.state)).toBe(canonicalJson(a.state));
      }
      expect(b.stateHash()).toBe(a.stateHash());
    }
  });

  it('the same choices under another seed give another world', () => {
    const a = createSession(scenario, 1, hash);
    playToEnd(a, POLICIES.first!('x'));
    const b = createSession(scenario, 2, hash);
    for (const action of a.replayLog().actions) if (!b.done) b.dispatch(action);
    expect(b.stateHash()).not.toBe(a.stateHash());
  });

  it('random streams are independent: drawing forecasts does not shift velocities', () => {
    // Two runs that differ only in answering a forecast (which draws from the forecast stream)
    // must see the same Sprint velocities.
    const velocities = (answer: boolean) => {
      const s = createSession(scenario, 7, hash);
      const first = POLICIES.first!('x');
      while (!s.done) {
        const step = s.observe();
        const forecast = step.actions.find((a) => a.id === 'answerForecast:range');
        const endReview = step.actions.find((a) => a.type === 'endReview');
        if (answer && forecast && endReview) s.dispatch({ id: forecast.id });
        else s.dispatch(first.choose(step));
      }
      return s.report().outcomes.velocityHistory;
    };
    expect(velocities(true)).toEqual(velocities(false));
  });
});
