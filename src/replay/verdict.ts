import { parseReplay, verifyReplay, type ReplayLog, type Scenario } from '../engine';
import { migrateReplay } from './migrate';

/**
 * Why a replay was refused, from reading the file to re-simulating it:
 * - `empty`, `tooLarge`, `notUtf8`, `notJson`: the file is not a JSON document we read;
 * - `unsupportedVersion`: a replay format version this Sprintwise cannot read (a newer one);
 * - `malformed`: JSON, but not a replay (the message names the first bad field);
 * - `unknownScenario`: a replay of a scenario this build does not have;
 * - `otherScenario`: of another scenario than the one asked for, or of a changed scenario;
 * - `engineVersion`: recorded with an engine of another major.minor version;
 * - `inconsistent`: its checkpoints do not fit its actions (an action was removed);
 * - `diverged`: re-simulation refused an action or reached another hash, at `step`.
 */
export type ReplayProblemKind =
  | 'empty'
  | 'tooLarge'
  | 'notUtf8'
  | 'notJson'
  | 'unsupportedVersion'
  | 'malformed'
  | 'unknownScenario'
  | 'otherScenario'
  | 'engineVersion'
  | 'inconsistent'
  | 'diverged';

export interface ReplayProblem {
  ok: false;
  kind: ReplayProblemKind;
  message: string;
  /** For `diverged`: the step (1-based action number) where the run left the recorded one. */
  step?: number;
}

/** A replay that re-simulates bit for bit; `migratedFrom` is the older format version it was upgraded from, if any. */
export interface VerifiedReplay {
  ok: true;
  replay: ReplayLog;
  steps: number;
  finalHash: string;
  migratedFrom: number | null;
}

export type ReplayVerdict = VerifiedReplay | ReplayProblem;

/** The scenario a replay names, as the caller has it (the game's catalogue, the CLI's directory). */
export type ScenarioResolver = (scenarioId: string) => { scenario: Scenario; hash: string } | null | undefined;

/** Migrates and shape-checks a value: the typed replay, or a `malformed`/`unsupportedVersion` problem. */
export function readReplayValue(value: unknown): { ok: true; replay: ReplayLog; migratedFrom: number | null } | ReplayProblem {
  const migrated = migrateReplay(value);
  if (!migrated.ok) return { ok: false, kind: migrated.kind, message: migrated.message };
  const parsed = parseReplay(migrated.value);
  if (!parsed.ok) return { ok: false, kind: 'malformed', message: `not a valid replay: ${parsed.message}` };
  return { ok: true, replay: parsed.replay, migratedFrom: migrated.migratedFrom };
}

/**
 * Verifies a typed (already read) replay against a known scenario with the engine's one
 * verifier, `verifyReplay`, and names the result in this module's kinds.
 */
export function verifyAgainst(replay: ReplayLog, scenario: Scenario, scenarioHash: string, migratedFrom: number | null = null): ReplayVerdict {
  const result = verifyReplay(replay, scenario, scenarioHash);
  if (result.ok) return { ok: true, replay: result.replay, steps: result.steps, finalHash: result.finalHash, migratedFrom };
  switch (result.kind) {
    case 'diverged':
      return { ok: false, kind: 'diverged', step: result.step, message: result.message };
    // The shape was checked before, so the engine's "malformed" here is its checkpoint check.
    case 'malformed':
      return { ok: false, kind: 'inconsistent', message: result.message };
    case 'otherScenario':
    case 'engineVersion':
      return { ok: false, kind: result.kind, message: result.message };
    default:
      return assertNever(result);
  }
}

/**
 * Reads, migrates and verifies a replay value (a link's replay, a parsed file), looking its
 * scenario up with `resolve`. Never throws.
 */
export function verifyReplayValue(value: unknown, resolve: ScenarioResolver): ReplayVerdict {
  try {
    const read = readReplayValue(value);
    if (!read.ok) return read;
    const found = resolve(read.replay.scenarioId);
    if (!found) return { ok: false, kind: 'unknownScenario', message: `the replay is of scenario "${read.replay.scenarioId}", which is not available here` };
    return verifyAgainst(read.replay, found.scenario, found.hash, read.migratedFrom);
  } catch (e) {
    return internalProblem(e);
  }
}

/** A bug, not bad input; reported rather than thrown so that an import never crashes a screen. */
export function internalProblem(e: unknown): ReplayProblem {
  return { ok: false, kind: 'malformed', message: `the replay could not be checked (internal error: ${e instanceof Error ? e.message : String(e)})` };
}

export function assertNever(x: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(x)}`);
}
