import type { Scenario } from '../engine/model/scenario';
import { hashValue } from '../engine/hash';
import { decodeSource } from './decode';
import { pathProblem } from './locate';
import { parseSource, type ParsedSource } from './parse';
import { fileProblem, type Problem } from './problem';
import { toCampaign, toScenario, type Campaign } from './schema';
import { validateParsed } from './validate';

export { formatProblem, type Problem } from './problem';

/** A valid scenario file. `hash` is sha256 of the canonical JSON of `scenario` (replays record it). */
export interface LoadedScenario {
  kind: 'scenario';
  file: string;
  scenario: Scenario;
  hash: string;
}

/** A valid campaign file. Whether its scenarios exist is checked when loading a collection. */
export interface LoadedCampaign {
  kind: 'campaign';
  file: string;
  campaign: Campaign;
  hash: string;
}

export type LoadedFile = LoadedScenario | LoadedCampaign;
export type LoadFileResult = { ok: true; loaded: LoadedFile } | { ok: false; problems: Problem[] };
export type LoadScenarioResult = { ok: true; scenario: Scenario; hash: string } | { ok: false; problems: Problem[] };

/** File content as read from disk (bytes, checked strictly as UTF-8) or as text (e.g. a Vite `?raw` import). */
export type Source = string | Uint8Array;

/** Loaded data plus the parsed source, kept so cross-file checks can position their problems. */
export type LoadedWithSource = { ok: true; loaded: LoadedFile; parsed: ParsedSource } | { ok: false; problems: Problem[] };

// The engine's Immer state may hold references into the scenario, and the hash promises the
// content never changes after loading; freezing makes both safe.
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** A loader bug must reach the author as a problem, never as a stack trace. */
export function internalProblem(file: string, e: unknown): Problem {
  const reason = e instanceof Error ? e.message : String(e);
  return fileProblem(file, `internal error in the scenario loader (${reason.slice(0, 200)}); this is a bug, please report it with this file`);
}

/** Like loadFileText, but also returns the parsed source. For collection.ts; never throws. */
export function loadWithSource(source: Source, fileName: string): LoadedWithSource {
  try {
    const decoded = decodeSource(source, fileName);
    if (!decoded.ok) return { ok: false, problems: [decoded.problem] };
    const parsed = parseSource(decoded.text, fileName);
    if (!parsed.ok) return parsed;
    const valid = validateParsed(parsed.parsed);
    if (!valid.ok) return valid;
    const data = valid.data;
    const loaded: LoadedFile =
      data.kind === 'scenario'
        ? { kind: 'scenario', file: fileName, scenario: deepFreeze(toScenario(data)), hash: '' }
        : { kind: 'campaign', file: fileName, campaign: deepFreeze(toCampaign(data)), hash: '' };
    loaded.hash = hashValue(loaded.kind === 'scenario' ? loaded.scenario : loaded.campaign);
    return { ok: true, loaded, parsed: parsed.parsed };
  } catch (e) {
    return { ok: false, problems: [internalProblem(fileName, e)] };
  }
}

/**
 * Loads one scenario or campaign file from its content. `fileName` names the file in problems
 * and picks the format (`.json` is JSON, anything else YAML). Never throws.
 */
export function loadFileText(source: Source, fileName: string): LoadFileResult {
  const result = loadWithSource(source, fileName);
  return result.ok ? { ok: true, loaded: result.loaded } : { ok: false, problems: result.problems };
}

/**
 * Loads one scenario file from its content: the validated `Scenario` the engine consumes and its
 * hash, or every problem found, each `file:line:column path: expected ..., found ...`. A campaign
 * file is a problem here (load it with loadFileText or as part of a collection). Never throws.
 */
export function loadScenarioText(source: Source, fileName: string): LoadScenarioResult {
  const result = loadWithSource(source, fileName);
  if (!result.ok) return { ok: false, problems: result.problems };
  if (result.loaded.kind === 'campaign') {
    return { ok: false, problems: [pathProblem(result.parsed, ['kind'], 'expected "scenario", found "campaign": this file is a campaign, not a scenario')] };
  }
  return { ok: true, scenario: result.loaded.scenario, hash: result.loaded.hash };
}
