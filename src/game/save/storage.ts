/**
 * Where saves live: per scenario, one localStorage entry for its run and one for a branch of a
 * run (a run taken over from a replay, kept apart so the original stays as it was), plus a
 * pointer to the run played last. Engine-free, so the title screen can offer "Continue" before
 * the engine's code loads. Every access is guarded: private modes and full disks throw, and that
 * must never stop the game.
 */
import { readSaveText, type SaveFile } from './format';

/** `main`: the scenario's run. `branch`: a run branched from a replay of that scenario. */
export type SaveSlot = 'main' | 'branch';

const PREFIX: Readonly<Record<SaveSlot, string>> = { main: 'sprintwise.save.', branch: 'sprintwise.branch.' };
const LAST = 'sprintwise.last';
/** How the last-played pointer names a branch; ":" never occurs in a scenario id. */
const LAST_BRANCH = 'branch:';

export type StoredSave =
  | { scenarioId: string; slot: SaveSlot; status: 'ok'; save: SaveFile }
  | { scenarioId: string; slot: SaveSlot; status: 'corrupt'; message: string; raw: string };

export type WriteResult = { ok: true } | { ok: false; message: string };

function get(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function keys(prefix: string): string[] {
  try {
    const out: string[] = [];
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key?.startsWith(prefix)) out.push(key);
    }
    return out.sort();
  } catch {
    return [];
  }
}

function parse(scenarioId: string, slot: SaveSlot, raw: string): StoredSave {
  const result = readSaveText(raw);
  if (!result.ok) return { scenarioId, slot, status: 'corrupt', message: result.message, raw };
  if (result.save.replay.scenarioId !== scenarioId)
    return { scenarioId, slot, status: 'corrupt', message: `the save is filed under "${scenarioId}" but holds a run of "${result.save.replay.scenarioId}"`, raw };
  return { scenarioId, slot, status: 'ok', save: result.save };
}

/** The save of one scenario (its run, or its branch), a corrupt entry with its reason, or null when there is none. */
export function readSave(scenarioId: string, slot: SaveSlot = 'main'): StoredSave | null {
  const raw = get(PREFIX[slot] + scenarioId);
  return raw === null ? null : parse(scenarioId, slot, raw);
}

/** Every save of a slot in storage, corrupt ones included, by scenario id. */
export function listSaves(slot: SaveSlot = 'main'): StoredSave[] {
  return keys(PREFIX[slot]).map((key) => parse(key.slice(PREFIX[slot].length), slot, get(key) ?? ''));
}

export function writeSave(save: SaveFile, slot: SaveSlot = 'main'): WriteResult {
  try {
    localStorage.setItem(PREFIX[slot] + save.replay.scenarioId, JSON.stringify(save));
    localStorage.setItem(LAST, lastValue(save.replay.scenarioId, slot));
    return { ok: true };
  } catch (e) {
    const reason = e instanceof DOMException && e.name === 'QuotaExceededError' ? 'the browser storage is full' : 'the browser refused to store data';
    return { ok: false, message: `Could not save your progress: ${reason}. Export your save from the menu to keep it.` };
  }
}

export function removeSave(scenarioId: string, slot: SaveSlot = 'main'): void {
  try {
    localStorage.removeItem(PREFIX[slot] + scenarioId);
    if (localStorage.getItem(LAST) === lastValue(scenarioId, slot)) localStorage.removeItem(LAST);
  } catch {
    // Nothing to do: the entry stays, and the map still offers to discard it.
  }
}

/** The raw text of a save entry, for exporting even a corrupt one. */
export function rawSave(scenarioId: string, slot: SaveSlot = 'main'): string | null {
  return get(PREFIX[slot] + scenarioId);
}

function lastValue(scenarioId: string, slot: SaveSlot): string {
  return slot === 'branch' ? LAST_BRANCH + scenarioId : scenarioId;
}

/** The run played last (a scenario's run or its branch), if its save entry still exists. */
export function lastPlayed(): StoredSave | null {
  const value = get(LAST);
  if (value === null) return null;
  return value.startsWith(LAST_BRANCH) ? readSave(value.slice(LAST_BRANCH.length), 'branch') : readSave(value);
}
