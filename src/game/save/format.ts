/**
 * The save file: a versioned envelope around the engine's replay log. A save holds no game
 * state of its own: resuming re-simulates the replay's actions, so a save can never disagree
 * with what the engine would compute.
 *
 * Engine-free on purpose (types only): the title screen reads saves before the engine's code
 * is loaded. The replay inside is checked in depth by the engine when the run is resumed.
 */
import type { ReplayLog } from '../../engine/replay-format';

export const SAVE_FORMAT = 'sprintwise-save';
/**
 * Bump when the envelope changes, and add a step to MIGRATIONS that lifts the old version.
 * 1: the replay and a summary. 2: `branch`, where a branch run came from.
 */
export const SAVE_VERSION = 2;
const REPLAY_FORMAT_NAME = 'sprintwise-replay';

/** What the title and the campaign map show about a save without loading the engine. */
export interface SaveSummary {
  scenarioTitle: string;
  phase: string;
  sprint: number;
  sprints: number;
  day: number;
  /** Actions taken so far. */
  step: number;
  done: boolean;
}

/**
 * Where a branch run came from: the run it was taken over from and the step it left it at. The
 * original's whole replay is kept, so the debrief can set the two runs side by side even after
 * the original's own save has moved on or been discarded.
 */
export interface BranchOrigin {
  /** Actions of the original run the branch kept (0 = it started over with the same seed). */
  step: number;
  from: ReplayLog;
}

export interface SaveFile {
  format: typeof SAVE_FORMAT;
  version: typeof SAVE_VERSION;
  /** ISO 8601; shown to the player, never fed to the engine. */
  savedAt: string;
  /** Null when the save came from a bare replay file: filled in once the run is resumed. */
  summary: SaveSummary | null;
  replay: ReplayLog;
  /** Set on a branch run (a run taken over from a replay at some step); null on an ordinary run. */
  branch: BranchOrigin | null;
}

export type MigrateResult = { ok: true; save: SaveFile; from: number | 'replay' } | { ok: false; message: string };

type Json = Record<string, unknown>;

/** One step per old version: MIGRATIONS[n] turns a version-n envelope into version n+1. */
const MIGRATIONS: Readonly<Record<number, (old: Json) => Json>> = {
  // Version 1 had no branches: every version 1 save is an ordinary run.
  1: (old) => ({ ...old, version: 2, branch: null }),
};

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? `"${value.slice(0, 40)}"` : `a ${typeof value}`;
}

function checkSummary(value: unknown): SaveSummary | null {
  if (!isObject(value)) return null;
  const { scenarioTitle, phase, sprint, sprints, day, step, done } = value;
  const n = (x: unknown) => typeof x === 'number' && Number.isFinite(x);
  if (typeof scenarioTitle !== 'string' || typeof phase !== 'string' || !n(sprint) || !n(sprints) || !n(day) || !n(step) || typeof done !== 'boolean') return null;
  return { scenarioTitle, phase, sprint: sprint as number, sprints: sprints as number, day: day as number, step: step as number, done };
}

/**
 * A branch origin that can be used, or null: a damaged origin costs only the side-by-side
 * comparison, never the branch run itself.
 */
function checkBranch(value: unknown): BranchOrigin | null {
  if (!isObject(value)) return null;
  const { step, from } = value;
  if (typeof step !== 'number' || !Number.isSafeInteger(step) || step < 0 || checkReplayOutline(from) !== null) return null;
  const replay = from as unknown as ReplayLog;
  return step <= replay.actions.length ? { step, from: replay } : null;
}

/** The replay's outline only (enough to file the save under its scenario); the engine checks the rest. */
function checkReplayOutline(value: unknown): string | null {
  if (!isObject(value)) return `expected a replay log object, found ${describe(value)}`;
  if (value.format !== REPLAY_FORMAT_NAME) return `replay.format: expected "${REPLAY_FORMAT_NAME}", found ${describe(value.format)}`;
  if (typeof value.scenarioId !== 'string' || value.scenarioId.length === 0) return `replay.scenarioId: expected a scenario id, found ${describe(value.scenarioId)}`;
  if (typeof value.seed !== 'string') return `replay.seed: expected a string, found ${describe(value.seed)}`;
  if (!Array.isArray(value.actions)) return `replay.actions: expected a list of actions, found ${describe(value.actions)}`;
  return null;
}

/**
 * Reads anything that claims to be a save (parsed JSON) and returns a current-version save, or a
 * message for the player saying what is wrong. A bare replay log (what the CLI writes) is accepted
 * too and wrapped in an envelope. Never throws.
 */
export function migrateSave(value: unknown): MigrateResult {
  if (!isObject(value)) return { ok: false, message: `expected a Sprintwise save (a JSON object), found ${describe(value)}` };
  if (value.format === REPLAY_FORMAT_NAME) {
    const problem = checkReplayOutline(value);
    if (problem) return { ok: false, message: problem.replace(/^replay\./, '') };
    return { ok: true, from: 'replay', save: { format: SAVE_FORMAT, version: SAVE_VERSION, savedAt: '', summary: null, replay: value as unknown as ReplayLog, branch: null } };
  }
  if (value.format !== SAVE_FORMAT) return { ok: false, message: `format: expected "${SAVE_FORMAT}" or "${REPLAY_FORMAT_NAME}", found ${describe(value.format)}` };
  const version = value.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return { ok: false, message: `version: expected a save version from 1 to ${SAVE_VERSION}, found ${describe(version)}` };
  if (version > SAVE_VERSION)
    return { ok: false, message: `this save was made by a newer version of Sprintwise (save version ${version}; this game reads versions up to ${SAVE_VERSION}): update the game to continue it` };

  let current: Json = value;
  for (let v = version; v < SAVE_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) return { ok: false, message: `no way to upgrade a version ${v} save (this is a bug, please report it)` };
    current = step(current);
  }

  const problem = checkReplayOutline(current.replay);
  if (problem) return { ok: false, message: problem.startsWith('expected') ? `replay: ${problem}` : problem };
  return {
    ok: true,
    from: version,
    save: {
      format: SAVE_FORMAT,
      version: SAVE_VERSION,
      savedAt: typeof current.savedAt === 'string' ? current.savedAt : '',
      summary: checkSummary(current.summary),
      replay: current.replay as unknown as ReplayLog,
      branch: checkBranch(current.branch),
    },
  };
}

/** Parses the text of a save (from storage or an imported file), then migrates it. */
export function readSaveText(text: string): MigrateResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, message: 'the saved data is not valid JSON: it may have been cut off or edited by hand' };
  }
  return migrateSave(value);
}
