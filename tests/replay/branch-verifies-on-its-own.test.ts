import { describe, expect, it } from 'vitest';
import { POLICIES, playToEnd } from '../../src/bots';
import { canonicalJson, verifyReplay } from '../../src/engine';
import { branchAt, prefixReplay, replayStepper, sprintStarts } from '../../src/replay';
import { played, starter } from './helpers';

const cafe = starter();

describe('branchAt: take over a replayed run at any step', () => {
  it('at every Sprint start and a few steps between: the branch is the original up to there, and its replay verifies on its own', () => {
    const { replay } = played('random', '12', cafe);
    const original = canonicalJson(replay);
    const stepper = replayStepper(cafe.scenario, cafe.hash, replay);
    if (!stepper.ok) throw new Error(stepper.message);
    for (const at of [0, 1, ...sprintStarts(replay), Math.floor(replay.actions.length / 2), replay.actions.length - 1, replay.actions.length]) {
      const branch = branchAt(cafe.scenario, cafe.hash, replay, at);
      if (!branch.ok) throw new Error(branch.message);
      expect(branch.session.step).toBe(at);
      expect(branch.session.stateHash()).toBe(stepper.stepper.at(at).stateHash());
      const own = branch.session.replayLog();
      expect(own.actions).toEqual(replay.actions.slice(0, at));
      expect(own.checkpoints).toEqual(replay.checkpoints.filter((c) => c.step <= at));
      expect(verifyReplay(JSON.parse(JSON.stringify(own)), cafe.scenario, cafe.hash)).toMatchObject({ ok: true, steps: at, finalHash: own.finalHash });
    }
    // The original is untouched and still verifies.
    expect(canonicalJson(replay)).toBe(original);
    expect(verifyReplay(replay, cafe.scenario, cafe.hash)).toMatchObject({ ok: true, finalHash: replay.finalHash });
  });

  it('a player who takes over plays on to another ending; that run verifies on its own, the original still does', () => {
    const { replay } = played('hippo', '30', cafe);
    const at = sprintStarts(replay)[1]!;
    const branch = branchAt(cafe.scenario, cafe.hash, replay, at);
    if (!branch.ok) throw new Error(branch.message);
    playToEnd(branch.session, POLICIES.principled!('30'));
    const taken = branch.session.replayLog();
    expect(taken.actions.slice(0, at)).toEqual(replay.actions.slice(0, at));
    expect(taken.finalHash).not.toBe(replay.finalHash);
    expect(verifyReplay(taken, cafe.scenario, cafe.hash)).toMatchObject({ ok: true, steps: taken.actions.length });
    expect(verifyReplay(replay, cafe.scenario, cafe.hash)).toMatchObject({ ok: true, steps: replay.actions.length });
    expect(branch.from).toEqual(replay);
  });

  it('two branches at the same step are independent sessions', () => {
    const { replay } = played('random', '13', cafe);
    const a = branchAt(cafe.scenario, cafe.hash, replay, 20);
    const b = branchAt(cafe.scenario, cafe.hash, replay, 20);
    if (!a.ok || !b.ok) throw new Error('branch failed');
    expect(a.session).not.toBe(b.session);
    a.session.dispatch({ id: a.session.observe().actions[0]!.id });
    expect(a.session.step).toBe(21);
    expect(b.session.step).toBe(20);
  });

  it('prefixReplay is the branch replay, ready to write to a file', () => {
    const { replay } = played('random', '14', cafe);
    const prefix = prefixReplay(cafe.scenario, cafe.hash, replay, 33);
    const branch = branchAt(cafe.scenario, cafe.hash, replay, 33);
    expect(prefix.ok && branch.ok && canonicalJson(prefix.replay) === canonicalJson(branch.session.replayLog())).toBe(true);
  });

  it.each([-1, 1.5, Number.NaN, 10_000])('refuses the step %s with badStep', (at) => {
    const { replay } = played('first', '2', cafe);
    expect(branchAt(cafe.scenario, cafe.hash, replay, at)).toMatchObject({ ok: false, kind: 'badStep', message: expect.stringContaining(`0 to ${replay.actions.length}`) });
  });

  it('refuses to branch from a replay that does not verify, never throwing', () => {
    const { replay } = played('random', '15', cafe);
    const tampered = { ...replay, checkpoints: replay.checkpoints.map((c, i) => (i === 1 ? { ...c, hash: '0'.repeat(64) } : c)) };
    expect(branchAt(cafe.scenario, cafe.hash, tampered, 2)).toMatchObject({ ok: false, kind: 'diverged', step: replay.checkpoints[1]!.step });
    expect(branchAt(cafe.scenario, cafe.hash, { nonsense: true }, 0)).toMatchObject({ ok: false, kind: 'malformed' });
    expect(prefixReplay(cafe.scenario, cafe.hash, null, 0)).toMatchObject({ ok: false, kind: 'malformed' });
  });
});
