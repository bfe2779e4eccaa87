import { describe, expect, it } from 'vitest';
import { canonicalJson, createSession, type ReplayLog } from '../../src/engine';
import { replayStepper, sprintStarts, type ReplayStepper } from '../../src/replay';
import { played, starter } from './helpers';

const cafe = starter();

function stepperOf(replay: unknown): ReplayStepper {
  const made = replayStepper(cafe.scenario, cafe.hash, replay);
  if (!made.ok) throw new Error(made.message);
  return made.stepper;
}

/** Everything the viewer shows at `step`, computed the plain way: a fresh session, `step` actions. */
function direct(replay: ReplayLog, step: number) {
  const session = createSession(cafe.scenario, replay.seed, cafe.hash);
  for (let i = 0; i < step; i++) session.dispatch(replay.actions[i]!);
  const seen = session.observe();
  const observation = canonicalJson(seen.observation);
  const actions = canonicalJson(seen.actions);
  const hash = session.stateHash();
  const phase = seen.phase;
  const result = step < replay.actions.length ? session.dispatch(replay.actions[step]!) : null;
  if (result && !result.ok) throw new Error(result.error.message);
  return { observation, actions, hash, phase, outcome: result?.ok ? result.changes : null, sprint: session.state.sprint };
}

describe('replayStepper', () => {
  for (const [policy, seed] of [
    ['random', '3'],
    ['principled', '8'],
  ] as const) {
    it(`${policy} play, seed ${seed}: every frame equals direct simulation (observation, choices, action, judgement, hash)`, () => {
      const { replay } = played(policy, seed, cafe);
      const stepper = stepperOf(replay);
      expect(stepper.length).toBe(replay.actions.length);
      for (let step = 0; step <= replay.actions.length; step++) {
        const frame = stepper.at(step);
        const want = direct(replay, step);
        expect(frame.step).toBe(step);
        expect(frame.phase).toBe(want.phase);
        expect(canonicalJson(frame.observation), `observation at ${step}`).toBe(want.observation);
        expect(canonicalJson(frame.legalActions), `choices at ${step}`).toBe(want.actions);
        expect(frame.stateHash(), `hash at ${step}`).toBe(want.hash);
        expect(frame.action).toEqual(step < replay.actions.length ? replay.actions[step] : null);
        if (want.outcome) {
          expect(frame.outcome).toEqual({ phase: want.outcome.phase, messages: want.outcome.messages, evidence: want.outcome.evidence });
        } else expect(frame.outcome).toBeNull();
      }
      expect(stepper.at(replay.actions.length).done).toBe(true);
      expect(stepper.at(replay.actions.length).stateHash()).toBe(replay.finalHash);
    });
  }

  it('back and forth in any order gives the same frames as going forward once', () => {
    const { replay } = played('random', '21', cafe);
    const stepper = stepperOf(replay);
    const key = (f: { observation: unknown; stateHash(): string }) => canonicalJson(f.observation) + f.stateHash();
    const forward = [key(stepper.goTo(0))];
    for (let i = 1; i <= replay.actions.length; i++) forward.push(key(stepper.forward()));
    expect(stepper.position).toBe(replay.actions.length);
    const fresh = stepperOf(replay);
    let x = 17;
    for (let k = 0; k < 300; k++) {
      x = (x * 48271) % 2147483647;
      const step = x % (replay.actions.length + 1);
      const frame = k % 3 === 0 ? fresh.goTo(step) : k % 3 === 1 ? fresh.back() : fresh.forward();
      expect(key(frame)).toBe(forward[frame.step]);
      expect(fresh.position).toBe(frame.step);
    }
  });

  it('forward stops at the end, back at the start; a step outside is a RangeError', () => {
    const { replay } = played('first', '1', cafe);
    const stepper = stepperOf(replay);
    expect(stepper.back().step).toBe(0);
    stepper.goTo(replay.actions.length);
    expect(stepper.forward().step).toBe(replay.actions.length);
    for (const bad of [-1, replay.actions.length + 1, 1.5, Number.NaN]) expect(() => stepper.at(bad)).toThrow(RangeError);
  });

  it('labels each action with the listed choice it matches, when it was one', () => {
    const { replay } = played('random', '4', cafe);
    const stepper = stepperOf(replay);
    for (let step = 0; step < replay.actions.length; step++) {
      const frame = stepper.at(step);
      // The random bot only ever sends listed ids, so every action has its listing.
      expect(frame.listed, `step ${step}`).not.toBeNull();
      expect(frame.listed!.action).toEqual(frame.action);
    }
    expect(stepper.at(replay.actions.length).listed).toBeNull();
  });

  it('sprintStarts: where each Sprint begins, the same from the stepper and from the replay alone', () => {
    for (const [policy, seed] of [
      ['random', '1'],
      ['random', '2'],
      ['principled', '3'],
      ['hippo', '4'],
    ] as const) {
      const { replay } = played(policy, seed, cafe);
      const stepper = stepperOf(replay);
      const starts = stepper.sprintStarts();
      expect(starts.map((s) => s.sprint)).toEqual(Array.from({ length: cafe.scenario.sprints }, (_, i) => i + 1));
      for (const s of starts) {
        // Sprint Planning starts each Sprint.
        expect(stepper.at(s.step).phase).toBe('sprint.planning.proposing');
        expect(stepper.at(s.step - 1).phase.startsWith('sprint.planning')).toBe(false);
        expect(stepper.at(s.step).sprint).toBe(s.sprint);
      }
      expect(sprintStarts(replay)).toEqual(starts.map((s) => s.step));
    }
  });

  it('sprintStarts of an unfinished replay whose last action began a Sprint counts that Sprint', () => {
    const { replay } = played('random', '6', cafe);
    const starts = sprintStarts(replay);
    const cut = { ...replay, actions: replay.actions.slice(0, starts[1]), checkpoints: replay.checkpoints.filter((c) => c.step <= starts[1]!) };
    expect(sprintStarts(cut)).toEqual(starts.slice(0, 2));
  });

  it('judgements index every judged step; stepOfDecision finds the last judgement of a decision', () => {
    const { session, replay } = played('principled', '5', cafe);
    const stepper = stepperOf(replay);
    const judged = stepper.judgements();
    expect(judged.length).toBeGreaterThan(5);
    for (const j of judged) {
      const evidence = stepper.at(j.step).outcome!.evidence;
      expect(evidence.length).toBeGreaterThan(0);
      expect([...new Set(evidence.map((e) => e.decisionId))]).toEqual(j.decisionIds);
    }
    const judgedSteps = new Set(judged.map((j) => j.step));
    for (let step = 0; step < replay.actions.length; step++) if (!judgedSteps.has(step)) expect(stepper.at(step).outcome!.evidence).toEqual([]);
    // Every decision in the final report can be found, at a step whose outcome carries its evidence.
    for (const e of session.report().evidence) {
      const step = stepper.stepOfDecision(e.decisionId);
      expect(step, e.decisionId).not.toBeNull();
      expect(stepper.at(step!).outcome!.evidence.some((x) => x.decisionId === e.decisionId)).toBe(true);
    }
    expect(stepper.stepOfDecision('no-such-decision')).toBeNull();
  });

  it('refuses a replay that does not verify, with the verifier kind, and never throws', () => {
    const { replay } = played('random', '9', cafe);
    expect(replayStepper(cafe.scenario, cafe.hash, { ...replay, finalHash: '0'.repeat(64) })).toMatchObject({ ok: false, kind: 'diverged', step: replay.actions.length });
    expect(replayStepper(cafe.scenario, cafe.hash, { ...replay, seed: 9 })).toMatchObject({ ok: false, kind: 'malformed' });
    expect(replayStepper(cafe.scenario, cafe.hash, 'a string')).toMatchObject({ ok: false, kind: 'malformed' });
    expect(replayStepper(cafe.scenario, 'f'.repeat(64), replay)).toMatchObject({ ok: false, kind: 'otherScenario' });
  });
});
