import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { isScenarioFileName, loadCollection, type Problem, type SourceFile } from '../scenario';
import { readLimited } from '../scenario/fs';
import { fileProblem } from '../scenario/problem';

/*
 * Validation of scenario files as an author runs it: each named file is checked with the
 * loader's own rules, in the context of the other data files in its directory, so that a
 * campaign naming a scenario (and a scenario naming its campaign) is checked too. Only the
 * named files' problems are reported; a broken neighbour matters only where it breaks a
 * reference from a named file.
 */

/** The outcome for one named file. `kind` is set when the file is fully valid. */
export interface FileVerdict {
  /** Absolute path. */
  file: string;
  kind: 'scenario' | 'campaign' | null;
  /** The scenario or campaign id, when valid. */
  id: string | null;
  problems: Problem[];
}

async function dataFilesIn(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter(isScenarioFileName).sort().map((name) => join(dir, name));
  } catch {
    return [];
  }
}

/**
 * Expands the arguments into the files to validate: a directory stands for its scenario data
 * files (`*.json|*.yaml|*.yml`, not `schema.json`, not hidden, not recursive); anything else is
 * taken as a file, whatever its name. Paths are resolved against `cwd`; repeats are dropped.
 */
export async function expandTargets(args: readonly string[], cwd: string): Promise<string[]> {
  const out: string[] = [];
  for (const arg of args) {
    const path = resolve(cwd, arg);
    const isDir = await stat(path).then(
      (s) => s.isDirectory(),
      () => false,
    );
    for (const file of isDir ? await dataFilesIn(path) : [path]) if (!out.includes(file)) out.push(file);
  }
  return out;
}

/**
 * Validates each file in the context of its directory. Never rejects: unreadable files come back
 * as a problem at line 1, column 1. Verdicts are in the order of `files`.
 */
export async function validateFiles(files: readonly string[]): Promise<FileVerdict[]> {
  const byDir = new Map<string, string[]>();
  for (const file of files) {
    const dir = dirname(file);
    byDir.set(dir, [...(byDir.get(dir) ?? []), file]);
  }
  const verdicts = new Map<string, FileVerdict>();
  for (const [dir, targets] of byDir) {
    const context = await dataFilesIn(dir);
    const sources: SourceFile[] = [];
    for (const file of [...new Set([...context, ...targets])]) {
      const read = await readLimited(file);
      if (read.ok) sources.push({ fileName: file, source: read.bytes });
      else if (targets.includes(file)) verdicts.set(file, { file, kind: null, id: null, problems: [read.problem] });
    }
    const collection = loadCollection(sources);
    for (const file of targets) {
      if (verdicts.has(file)) continue;
      const problems = collection.problems.filter((p) => p.file === file);
      const scenario = collection.scenarios.find((s) => s.file === file);
      const campaign = collection.campaigns.find((c) => c.file === file);
      verdicts.set(file, {
        file,
        kind: problems.length ? null : scenario ? 'scenario' : campaign ? 'campaign' : null,
        id: problems.length ? null : (scenario?.scenario.id ?? campaign?.campaign.id ?? null),
        problems: problems.length || scenario || campaign ? problems : [fileProblem(file, `expected a scenario or campaign file, found nothing the loader could use in ${basename(file)}`)],
      });
    }
  }
  return files.map((f) => verdicts.get(f)!);
}
