import { closeSync, fstatSync, openSync, readSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ReplayLog } from '../engine';
import { CliError, clip } from './errors';

/** Replay files larger than this are refused before reading: a real replay is well under 1 MiB. */
export const MAX_REPLAY_BYTES = 16 * 1024 * 1024;

export function writeReplay(command: string, file: string, replay: ReplayLog, cwd: string): void {
  const path = resolve(cwd, file);
  try {
    writeFileSync(path, `${JSON.stringify(replay, null, 2)}\n`);
  } catch (e) {
    throw new CliError(`${command}: cannot write the replay to ${file}: ${(e as Error).message}`);
  }
}

export type ReadResult = { ok: true; value: unknown } | { ok: false; message: string };

function describe(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err?.code === 'ENOENT') return 'no such file';
  if (err?.code === 'EACCES') return 'permission denied';
  if (err?.code === 'EISDIR') return 'it is a directory';
  return err?.message ?? String(e);
}

/**
 * Reads a JSON file, refusing what is not a regular file, too large, empty, not UTF-8 or not
 * JSON. Messages do not repeat the file name: the caller puts it first.
 */
export function readJsonFile(file: string, cwd: string, maxBytes = MAX_REPLAY_BYTES): ReadResult {
  const path = resolve(cwd, file);
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    return { ok: false, message: `cannot read the file: ${describe(e)}` };
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return { ok: false, message: 'cannot read the file: it is a directory' };
    if (!stat.isFile()) return { ok: false, message: 'cannot read the file: it is not a regular file' };
    if (stat.size > maxBytes) return { ok: false, message: `the file is too large: ${stat.size} bytes, at most ${maxBytes} (${maxBytes / 1024 / 1024} MiB) accepted` };
    // Read at most one byte past the limit, in case the file grew after fstat.
    const buffer = Buffer.alloc(Math.min(stat.size, maxBytes) + 1);
    let length = 0;
    for (let n = 1; n > 0 && length < buffer.length; length += n) n = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > maxBytes) return { ok: false, message: `the file is too large: more than ${maxBytes} bytes (${maxBytes / 1024 / 1024} MiB)` };
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(0, length));
    } catch {
      return { ok: false, message: 'the file is not UTF-8 text' };
    }
    if (text.trim() === '') return { ok: false, message: 'the file is empty: expected a JSON object' };
    try {
      return { ok: true, value: JSON.parse(text) };
    } catch (e) {
      return { ok: false, message: `the file is not JSON: ${clip((e as Error).message, 200)}` };
    }
  } catch (e) {
    return { ok: false, message: `cannot read the file: ${describe(e)}` };
  } finally {
    closeSync(fd);
  }
}
