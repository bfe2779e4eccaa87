import type { Action, ReplayLog } from '../engine';
import { clip } from './ids';
import { internalProblem, readReplayValue, verifyReplayValue, type ReplayProblem, type ReplayVerdict, type ScenarioResolver } from './verdict';

/** Replay files larger than this are refused before they are parsed (the CLI uses the same limit). */
export const MAX_REPLAY_FILE_BYTES = 16 * 1024 * 1024;

export type ParsedReplayFile = { ok: true; replay: ReplayLog; migratedFrom: number | null } | ReplayProblem;

/**
 * Reads a replay file's content (text, or the raw bytes of a file): size, UTF-8, JSON, format
 * version (migrating older ones), shape. It does not re-simulate: see `verifyReplayFile`.
 * Never throws; a problem's message names the first bad field.
 */
export function parseReplayFile(source: string | Uint8Array, maxBytes = MAX_REPLAY_FILE_BYTES): ParsedReplayFile {
  try {
    const text = decode(source, maxBytes);
    if (typeof text !== 'string') return text;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      return { ok: false, kind: 'notJson', message: `the file is not JSON: ${clip(e instanceof Error ? e.message : String(e))}` };
    }
    return readReplayValue(value);
  } catch (e) {
    return internalProblem(e);
  }
}

/** Reads a replay file and verifies it against the scenario it names. Never throws. */
export function verifyReplayFile(source: string | Uint8Array, resolve: ScenarioResolver, maxBytes = MAX_REPLAY_FILE_BYTES): ReplayVerdict {
  const parsed = parseReplayFile(source, maxBytes);
  return parsed.ok ? verifyReplayValue(parsed.replay, resolve) : parsed;
}

function tooLarge(bytes: number | null, maxBytes: number): ReplayProblem {
  const limit = `at most ${maxBytes} bytes (${Math.round((maxBytes / 1024 / 1024) * 100) / 100} MiB) accepted`;
  return { ok: false, kind: 'tooLarge', message: `the file is too large: ${bytes === null ? 'more than that' : `${bytes} bytes`}, ${limit}` };
}

function decode(source: string | Uint8Array, maxBytes: number): string | ReplayProblem {
  let text: string;
  if (typeof source === 'string') {
    // UTF-8 takes at least one byte per UTF-16 unit and at most three.
    if (source.length > maxBytes) return tooLarge(null, maxBytes);
    if (source.length * 3 > maxBytes) {
      const bytes = utf8Length(source);
      if (bytes > maxBytes) return tooLarge(bytes, maxBytes);
    }
    text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  } else {
    if (source.byteLength > maxBytes) return tooLarge(source.byteLength, maxBytes);
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(source);
    } catch {
      return { ok: false, kind: 'notUtf8', message: 'the file is not UTF-8 text' };
    }
  }
  if (text.trim() === '') return { ok: false, kind: 'empty', message: 'the file is empty: expected a replay (a JSON object)' };
  return text;
}

function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Object keys sorted at every level, except an action's `type`, which leads. */
function ordered(value: unknown, typeFirst = false): unknown {
  if (Array.isArray(value)) return value.map((v) => ordered(v));
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  const out: Record<string, unknown> = {};
  if (typeFirst && 'type' in record) out.type = record.type;
  for (const k of keys) if (!(typeFirst && k === 'type') && record[k] !== undefined) out[k] = ordered(record[k]);
  return out;
}

function orderedAction(action: Action): unknown {
  return ordered(action, true);
}

/** The replay with its fields in the documented order and every action's keys in a fixed order. */
export function orderedReplay(replay: ReplayLog): ReplayLog {
  return {
    format: replay.format,
    formatVersion: replay.formatVersion,
    engineVersion: replay.engineVersion,
    scenarioId: replay.scenarioId,
    scenarioHash: replay.scenarioHash,
    seed: replay.seed,
    actions: replay.actions.map(orderedAction) as Action[],
    checkpoints: replay.checkpoints.map((c) => ({ step: c.step, hash: c.hash })),
    finalHash: replay.finalHash,
  };
}

/**
 * A replay as file text: the same replay always gives the same text (fields in the documented
 * order, action keys in a fixed order, one action and one checkpoint per line, a final newline).
 * `parseReplayFile` reads it back to an equal replay.
 */
export function serializeReplay(replay: ReplayLog): string {
  const r = orderedReplay(replay);
  const list = (items: readonly unknown[]) => (items.length === 0 ? '[]' : `[\n${items.map((i) => `    ${JSON.stringify(i)}`).join(',\n')}\n  ]`);
  return [
    '{',
    `  "format": ${JSON.stringify(r.format)},`,
    `  "formatVersion": ${JSON.stringify(r.formatVersion)},`,
    `  "engineVersion": ${JSON.stringify(r.engineVersion)},`,
    `  "scenarioId": ${JSON.stringify(r.scenarioId)},`,
    `  "scenarioHash": ${JSON.stringify(r.scenarioHash)},`,
    `  "seed": ${JSON.stringify(r.seed)},`,
    `  "actions": ${list(r.actions)},`,
    `  "checkpoints": ${list(r.checkpoints)},`,
    `  "finalHash": ${JSON.stringify(r.finalHash)}`,
    '}',
    '',
  ].join('\n');
}

/** A file name for downloading a replay: `corner-cafe-seed-42-115-steps.replay.json`. */
export function replayFileName(replay: Pick<ReplayLog, 'scenarioId' | 'seed' | 'actions'>): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 60) || 'x';
  return `${safe(replay.scenarioId)}-seed-${safe(replay.seed)}-${replay.actions.length}-steps.replay.json`;
}
