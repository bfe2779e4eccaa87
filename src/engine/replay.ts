import type { Scenario } from './model/scenario';
import { ReplaySchema, type ReplayLog } from './replay-format';
import { createSession, describeIssues } from './session';
import { ENGINE_VERSION } from './version';

export type VerifyFailure =
  | { kind: 'malformed'; message: string }
  | { kind: 'otherScenario'; message: string }
  | { kind: 'engineVersion'; message: string }
  | { kind: 'diverged'; step: number; message: string };

export type VerifyResult = { ok: true; steps: number; finalHash: string; replay: ReplayLog } | ({ ok: false } & VerifyFailure);

/** Same major.minor: the rules promise identical outcomes; patch versions only fix non-outcome code. */
export function engineCompatible(recorded: string, current = ENGINE_VERSION): boolean {
  return recorded.split('.').slice(0, 2).join('.') === current.split('.').slice(0, 2).join('.');
}

/** Why a run recorded under `recorded` cannot be re-simulated here, in the verifier's words; null when it can. */
export function engineVersionProblem(recorded: string): string | null {
  return engineCompatible(recorded) ? null : `recorded with engine version ${recorded}; this is ${ENGINE_VERSION}, which does not promise the same results`;
}

/** Checks a replay's shape only, naming the first bad field. */
export function parseReplay(value: unknown): { ok: true; replay: ReplayLog } | { ok: false; message: string } {
  const parsed = ReplaySchema.safeParse(value);
  return parsed.success ? { ok: true, replay: parsed.data } : { ok: false, message: describeIssues(parsed.error, '(replay)') };
}

/**
 * Re-simulates a replay and compares every checkpoint and the final hash. The one verifier
 * used by the CLI, the game's import and the classroom server.
 */
export function verifyReplay(value: unknown, scenario: Scenario, scenarioHash: string): VerifyResult {
  const parsed = parseReplay(value);
  if (!parsed.ok) return { ok: false, kind: 'malformed', message: parsed.message };
  const replay = parsed.replay;
  if (replay.scenarioId !== scenario.id)
    return { ok: false, kind: 'otherScenario', message: `the replay is of scenario "${replay.scenarioId}", not "${scenario.id}"` };
  if (replay.scenarioHash !== scenarioHash)
    return {
      ok: false,
      kind: 'otherScenario',
      message: `scenario "${scenario.id}" has changed since the replay was recorded (content hash ${replay.scenarioHash.slice(0, 12)}…, now ${scenarioHash.slice(0, 12)}…)`,
    };
  const versionProblem = engineVersionProblem(replay.engineVersion);
  if (versionProblem) return { ok: false, kind: 'engineVersion', message: versionProblem };
  let previous = 0;
  for (const c of replay.checkpoints) {
    if (c.step <= previous || c.step > replay.actions.length)
      return { ok: false, kind: 'malformed', message: `checkpoints: step ${c.step} is out of order or past the last action (${replay.actions.length})` };
    previous = c.step;
  }

  const session = createSession(scenario, replay.seed, scenarioHash);
  let next = 0;
  for (let i = 0; i < replay.actions.length; i++) {
    const action = replay.actions[i]!;
    const result = session.applyRecorded(action);
    if (!result.ok)
      return { ok: false, kind: 'diverged', step: i + 1, message: `step ${i + 1} (${action.type}) was refused: ${result.error.message}` };
    const checkpoint = replay.checkpoints[next];
    if (checkpoint && checkpoint.step === i + 1) {
      next++;
      if (session.stateHash() !== checkpoint.hash)
        return { ok: false, kind: 'diverged', step: i + 1, message: `state after step ${i + 1} (${action.type}) differs from the recorded checkpoint` };
    }
  }
  const finalHash = session.stateHash();
  if (finalHash !== replay.finalHash)
    return { ok: false, kind: 'diverged', step: replay.actions.length, message: `the final state after step ${replay.actions.length} differs from the recorded final hash` };
  return { ok: true, steps: replay.actions.length, finalHash, replay };
}
