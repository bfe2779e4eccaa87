import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Scenario } from '../engine/model/scenario';
import { isScenarioFileName, loadCollection, type LoadedCollection, type SourceFile } from './collection';
import { MAX_FILE_BYTES } from './limits';
import { internalProblem, loadScenarioText, type LoadScenarioResult } from './load';
import { fileProblem, type Problem } from './problem';
import { quote } from './describe';

/** The repository's `scenarios/` directory, where the game, the CLI and the server look by default. */
export const DEFAULT_SCENARIO_DIR = fileURLToPath(new URL('../../scenarios/', import.meta.url));

export type ReadResult = { ok: true; bytes: Uint8Array } | { ok: false; problem: Problem };

function ioProblem(file: string, e: unknown, what = 'file'): Problem {
  const code = (e as { code?: unknown })?.code;
  const reasons: Record<string, string> = { ENOENT: 'no such file', EACCES: 'permission denied', EISDIR: 'it is a directory' };
  const reason = typeof code === 'string' ? (reasons[code] ?? code) : e instanceof Error ? e.message : String(e);
  return fileProblem(file, `cannot read the ${what}: ${reason}`);
}

/**
 * Reads at most one byte past the size limit, so a huge file, or one that grows while being
 * read, costs no more than the limit; the decoder then reports it as too large.
 */
export async function readLimited(path: string): Promise<ReadResult> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return { ok: false, problem: fileProblem(path, 'expected a regular file, found a directory or device') };
    if (info.size > MAX_FILE_BYTES) return { ok: false, problem: fileProblem(path, `file is too large: expected at most ${MAX_FILE_BYTES / 1024} KiB, found ${Math.ceil(info.size / 1024)} KiB`) };
    const handle = await open(path, 'r');
    try {
      const buffer = new Uint8Array(MAX_FILE_BYTES + 1);
      let length = 0;
      for (;;) {
        const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
        if (bytesRead === 0) break;
        length += bytesRead;
        if (length === buffer.length) break;
      }
      return { ok: true, bytes: buffer.subarray(0, length) };
    } finally {
      await handle.close();
    }
  } catch (e) {
    return { ok: false, problem: ioProblem(path, e) };
  }
}

/** Loads one scenario file from disk (problems name it by `path`). Never rejects. */
export async function loadScenarioFile(path: string): Promise<LoadScenarioResult> {
  try {
    const read = await readLimited(path);
    return read.ok ? loadScenarioText(read.bytes, path) : { ok: false, problems: [read.problem] };
  } catch (e) {
    return { ok: false, problems: [internalProblem(path, e)] };
  }
}

/**
 * Loads every scenario and campaign in a directory (`*.json|*.yaml|*.yml`, except `schema.json`;
 * not recursive) with the cross-file checks of loadCollection. Never rejects.
 */
export async function loadScenarioDir(dir: string = DEFAULT_SCENARIO_DIR): Promise<LoadedCollection> {
  try {
    const names = (await readdir(dir)).filter(isScenarioFileName).sort();
    const files: SourceFile[] = [];
    const problems: Problem[] = [];
    for (const name of names) {
      const path = join(dir, name);
      const read = await readLimited(path);
      if (read.ok) files.push({ fileName: path, source: read.bytes });
      else problems.push(read.problem);
    }
    const collection = loadCollection(files);
    return { ...collection, problems: [...problems, ...collection.problems] };
  } catch (e) {
    return { scenarios: [], campaigns: [], problems: [ioProblem(dir, e, 'directory')] };
  }
}

export type FindScenarioResult = { ok: true; scenario: Scenario; hash: string; file: string } | { ok: false; problems: Problem[] };

/**
 * Finds a valid scenario by id in a directory (default `scenarios/`). If there is none, the
 * problems say so and include the directory's other problems, since a broken file may be the
 * one that was meant. Never rejects.
 */
export async function findScenario(id: string, dir: string = DEFAULT_SCENARIO_DIR): Promise<FindScenarioResult> {
  const all = await loadScenarioDir(dir);
  const found = all.scenarios.find((s) => s.scenario.id === id);
  if (found) return { ok: true, scenario: found.scenario, hash: found.hash, file: found.file };
  const known = all.scenarios.map((s) => quote(s.scenario.id)).join(', ') || 'none';
  return { ok: false, problems: [fileProblem(dir, `expected the id of a scenario (${known}), found ${quote(id)}`), ...all.problems] };
}
