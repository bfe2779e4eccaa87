/**
 * The replay the viewer shows. Opening one verifies it (the stepper calls the engine's one
 * verifier) before anything is on screen, so the viewer never shows a run the engine would not
 * reproduce. Kept here, not in the scene, so the viewer survives a scene restart.
 */
import { parseReplayFile, readReplayValue, replayStepper, type ReplayProblem, type ReplayStepper } from '../../replay';
import type { LoadedScenario } from '../../scenario';
import { readSaveText } from '../save/format';
import type { SessionStore } from '../session-store';
import { describeReplayProblem } from './problems';

/** Where the viewer's Back button goes: the debrief of the run on screen, the campaign map, or the title. */
export type ViewerReturn = 'debrief' | 'map' | 'title';

export interface ViewerReplay {
  stepper: ReplayStepper;
  scenario: LoadedScenario;
  back: ViewerReturn;
  /** Where the replay came from, for the lead line: "this run", a file name, "a replay link". */
  source: string;
}

/** `message` is a sentence for a dialog; `reason` the same without its "This replay cannot be opened" lead-in. */
export type OpenResult = { ok: true; viewer: ViewerReplay } | { ok: false; message: string; reason: string };

let current: ViewerReplay | null = null;

/** The replay on the viewer, if one is open. */
export function viewerReplay(): ViewerReplay | null {
  return current;
}

export function closeViewer(): void {
  current = null;
}

/** Verifies `replay` (any value: it is read and migrated first) against the bundled scenario it names and opens it. Never throws. */
export function openInViewer(store: SessionStore, replay: unknown, back: ViewerReturn, source: string): OpenResult {
  const read = readReplayValue(replay);
  if (!read.ok) return refused(read);
  const scenario = store.findScenario(read.replay.scenarioId);
  if (!scenario) return refused({ kind: 'unknownScenario', message: `the replay is of scenario "${read.replay.scenarioId}", which is not available here` });
  const opened = replayStepper(scenario.scenario, scenario.hash, read.replay);
  if (!opened.ok) return refused(opened);
  current = { stepper: opened.stepper, scenario, back, source };
  return { ok: true, viewer: current };
}

function refused(problem: Pick<ReplayProblem, 'kind' | 'message' | 'step'>): OpenResult {
  const reason = describeReplayProblem(problem);
  return { ok: false, message: `This replay cannot be opened: ${reason}.`, reason: `${reason.charAt(0).toUpperCase()}${reason.slice(1)}.` };
}

/**
 * Opens the text of a file: a replay file (`*.replay.json`, read with the CLI's reader) or a
 * save, whose replay is shown. Never throws.
 */
export function openFileInViewer(store: SessionStore, text: string, fileName: string, back: ViewerReturn): OpenResult {
  const save = looksLikeSave(text) ? readSaveText(text) : null;
  if (save && !save.ok) return { ok: false, message: `This file cannot be opened: it is a damaged save (${save.message}).`, reason: `It is a damaged save (${save.message}).` };
  if (save?.ok) return openInViewer(store, save.save.replay, back, `“${fileName}”`);
  const parsed = parseReplayFile(text);
  if (!parsed.ok) return refused(parsed);
  return openInViewer(store, parsed.replay, back, `“${fileName}”`);
}

/** A save file says so in its first field; anything else is read as a replay file. */
function looksLikeSave(text: string): boolean {
  return /^\s*\{\s*"format"\s*:\s*"sprintwise-save"/.test(text.replace(/^\uFEFF/, ''));
}
