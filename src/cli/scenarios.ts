import { isAbsolute, relative, resolve } from 'node:path';
import type { Scenario } from '../engine';
import { formatProblem, isScenarioFileName, type Problem } from '../scenario';
import { DEFAULT_SCENARIO_DIR, findScenario, loadScenarioDir, loadScenarioFile } from '../scenario/fs';

/*
 * The CLI's view of scenario files, over the one loader in src/scenario: listings shaped for
 * `sim list --json`, lookups by id or path, and problems as readable lines.
 */

export interface ScenarioSummary {
  id: string;
  title: string;
  campaign: string | null;
  summary: string;
  sprints: number;
  /** The file, relative to the working directory when it is inside it. */
  file: string;
  /** Content hash: replays record it and verify against it. */
  hash: string;
}

export interface CampaignSummary {
  id: string;
  title: string;
  description: string;
  scenarios: string[];
  file: string;
}

export interface Catalogue {
  scenarios: ScenarioSummary[];
  campaigns: CampaignSummary[];
  /** One line per problem (`file:line:column path: message`) of files that did not load. */
  problems: string[];
}

export type Found = { ok: true; scenario: Scenario; hash: string; file: string } | { ok: false; message: string };

type Env = Readonly<Record<string, string | undefined>>;

/** `scenarios/` at the repository root, or `$SPRINTWISE_SCENARIOS`. */
export function scenarioDir(env: Env = {}): string {
  return env.SPRINTWISE_SCENARIOS || DEFAULT_SCENARIO_DIR;
}

function shortPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

function problemLine(p: Problem, cwd: string): string {
  return formatProblem({ ...p, file: shortPath(p.file, cwd) });
}

/** Every valid scenario and campaign in `dir`, and the problems of files that are not. */
export async function listScenarios(dir: string, cwd: string): Promise<Catalogue> {
  const loaded = await loadScenarioDir(dir);
  return {
    scenarios: loaded.scenarios.map(({ scenario: s, file, hash }) => ({
      id: s.id,
      title: s.title,
      campaign: s.campaign ?? null,
      summary: s.summary,
      sprints: s.sprints,
      file: shortPath(file, cwd),
      hash,
    })),
    campaigns: loaded.campaigns.map(({ campaign: c, file }) => ({ id: c.id, title: c.title, description: c.description, scenarios: [...c.scenarios], file: shortPath(file, cwd) })),
    problems: loaded.problems.map((p) => problemLine(p, cwd)),
  };
}

/** A path rather than an id: has a slash, or names a scenario data file. */
export function isPathRef(ref: string): boolean {
  return /[\\/]/.test(ref) || isScenarioFileName(ref);
}

/**
 * A scenario by id from `dir`, or from a file when `ref` is a path (then only that file is read,
 * so an author can play a scenario before it joins a campaign). The failure message lists
 * every problem, one per line, since a broken file may be the one that was meant.
 */
export async function getScenario(ref: string, dir: string, cwd: string): Promise<Found> {
  if (isPathRef(ref)) {
    const path = resolve(cwd, ref);
    const loaded = await loadScenarioFile(path);
    if (!loaded.ok) return { ok: false, message: `${ref} is not a playable scenario:\n${loaded.problems.map((p) => `  ${problemLine(p, cwd)}`).join('\n')}` };
    return { ok: true, scenario: loaded.scenario, hash: loaded.hash, file: path };
  }
  const found = await findScenario(ref, dir);
  if (found.ok) return found;
  const [first, ...rest] = found.problems;
  const head = first ? first.message : `no scenario "${ref}"`;
  const more = rest.length ? `\n${shortPath(dir, cwd)} has files that did not load:\n${rest.map((p) => `  ${problemLine(p, cwd)}`).join('\n')}` : '';
  return { ok: false, message: `no scenario "${ref}" in ${shortPath(dir, cwd)}: ${head}${more}` };
}
