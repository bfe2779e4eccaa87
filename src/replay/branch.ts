import { createSession, type ReplayLog, type Scenario, type Session } from '../engine';
import { internalProblem, readReplayValue, verifyAgainst, type ReplayProblem } from './verdict';

export type BranchProblem = ReplayProblem | { ok: false; kind: 'badStep'; message: string };
export type BranchResult = { ok: true; session: Session; from: ReplayLog } | BranchProblem;

/**
 * A live session that has replayed the first `step` actions of a verified replay, for a player
 * to take over from there. The session's own `replayLog()` is a complete replay (it verifies on
 * its own); the original replay is not touched. `step` runs from 0 (a fresh start with the
 * same seed) to the replay's length (at the end of a finished run the session is done).
 * Never throws.
 */
export function branchAt(scenario: Scenario, scenarioHash: string, replay: unknown, step: number): BranchResult {
  try {
    const read = readReplayValue(replay);
    if (!read.ok) return read;
    const n = read.replay.actions.length;
    if (typeof step !== 'number' || !Number.isSafeInteger(step) || step < 0 || step > n)
      return { ok: false, kind: 'badStep', message: `the step to branch at must be a whole number from 0 to ${n}, found ${String(step).slice(0, 40)}` };
    const verified = verifyAgainst(read.replay, scenario, scenarioHash, read.migratedFrom);
    if (!verified.ok) return verified;
    const session = createSession(scenario, verified.replay.seed, scenarioHash);
    for (let i = 0; i < step; i++) {
      const result = session.dispatch(verified.replay.actions[i]!);
      if (!result.ok) throw new Error(`step ${i + 1} was refused after the replay verified: ${result.error.message}`);
    }
    return { ok: true, session, from: verified.replay };
  } catch (e) {
    return internalProblem(e);
  }
}

/** The replay of the first `step` actions: a valid replay of its own, to continue from. Never throws. */
export function prefixReplay(scenario: Scenario, scenarioHash: string, replay: unknown, step: number): { ok: true; replay: ReplayLog } | BranchProblem {
  const branch = branchAt(scenario, scenarioHash, replay, step);
  return branch.ok ? { ok: true, replay: branch.session.replayLog() } : branch;
}
