/**
 * The save a platform keeps for the learner (SCORM 1.2 `cmi.suspend_data`, cmi5 State): the
 * run's replay without its checkpoints, deflated and written in base64, so a learner resumes on
 * another computer. The deflate stream starts from a preset dictionary (suspend-dictionary.ts). SCORM 1.2 allows 4,096 characters; a run whose save does not fit is kept as
 * a marker (scenario, seed, step count, final hash) and the browser's own save carries the run.
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import type { ReplayLog } from '../engine';
import { SUSPEND_DICTIONARY } from './suspend-dictionary';

/** SCORM 1.2's limit on `cmi.suspend_data`. */
export const SUSPEND_LIMIT = 4096;
/** Marks this format; a later one can be told apart. */
const VERSION = 1;
/** What the first characters say: Sprintwise save, version 1. */
const PREFIX = 'sw1:';

/** The run the platform holds, with the seconds spent on each learning goal so far. */
export interface SuspendedRun {
  scenarioId: string;
  seed: string;
  engineVersion: string;
  /** Every action, or null when the run was too long to fit (see `steps`). */
  actions: ReplayLog['actions'] | null;
  steps: number;
  finalHash: string;
  /** Seconds per learning goal id, for the interactions' latency. */
  seconds: Record<string, number>;
}

interface Packed {
  v: number;
  e: string;
  s: string;
  d: string;
  n: number;
  f: string;
  a?: ReplayLog['actions'];
  t: Record<string, number>;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function pack(value: Packed): string {
  return PREFIX + toBase64(deflateSync(strToU8(JSON.stringify(value)), { level: 9, dictionary: SUSPEND_DICTIONARY }));
}

/**
 * The text to keep on the platform for `replay`. With `limit`, a save longer than that is
 * replaced by the marker (`fits: false`): the run then resumes only where its browser save is.
 */
export function encodeSuspend(replay: ReplayLog, seconds: Record<string, number>, limit = Number.POSITIVE_INFINITY): { text: string; fits: boolean } {
  const base: Packed = { v: VERSION, e: replay.engineVersion, s: replay.scenarioId, d: replay.seed, n: replay.actions.length, f: replay.finalHash, t: roundSeconds(seconds) };
  const full = pack({ ...base, a: replay.actions });
  if (full.length <= limit) return { text: full, fits: true };
  const marker = pack(base);
  // Even the marker too long (hundreds of goals' seconds): drop the seconds rather than the run.
  return { text: marker.length <= limit ? marker : pack({ ...base, t: {} }), fits: false };
}

function roundSeconds(seconds: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [goal, s] of Object.entries(seconds)) out[goal] = Math.round(s);
  return out;
}

/** Reads a save written by `encodeSuspend`; null for empty or unreadable text. */
export function decodeSuspend(text: string | null | undefined): SuspendedRun | null {
  if (!text || !text.startsWith(PREFIX)) return null;
  try {
    const value = JSON.parse(strFromU8(inflateSync(fromBase64(text.slice(PREFIX.length)), { dictionary: SUSPEND_DICTIONARY }))) as Packed;
    if (value.v !== VERSION || typeof value.s !== 'string' || typeof value.d !== 'string' || typeof value.f !== 'string') return null;
    return {
      scenarioId: value.s,
      seed: value.d,
      engineVersion: value.e,
      actions: Array.isArray(value.a) ? value.a : null,
      steps: value.n,
      finalHash: value.f,
      seconds: value.t && typeof value.t === 'object' ? value.t : {},
    };
  } catch {
    return null;
  }
}

/** The replay a suspended run stands for, ready for the game's import check; null for a marker. */
export function replayOf(run: SuspendedRun, scenarioHash: string): ReplayLog | null {
  if (!run.actions) return null;
  return {
    format: 'sprintwise-replay',
    formatVersion: 1,
    engineVersion: run.engineVersion,
    scenarioId: run.scenarioId,
    scenarioHash,
    seed: run.seed,
    actions: run.actions,
    checkpoints: [],
    finalHash: run.finalHash,
  };
}
