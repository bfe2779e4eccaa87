/**
 * Where saves live: one localStorage entry per scenario, plus a pointer to the run played last.
 * Engine-free, so the title screen can offer "Continue" before the engine's code loads. Every
 * access is guarded: private modes and full disks throw, and that must never stop the game.
 */
import { readSaveText, type SaveFile } from './format';

const PREFIX = 'sprintwise.save.';
const LAST = 'sprintwise.last';

export type StoredSave =
  | { scenarioId: string; status: 'ok'; save: SaveFile }
  | { scenarioId: string; status: 'corrupt'; message: string; raw: string };

export type WriteResult = { ok: true } | { ok: false; message: string };

function get(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function keys(): string[] {
  try {
    const out: string[] = [];
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key?.startsWith(PREFIX)) out.push(key);
    }
    return out.sort();
  } catch {
    return [];
  }
}

function parse(scenarioId: string, raw: string): StoredSave {
  const result = readSaveText(raw);
  if (!result.ok) return { scenarioId, status: 'corrupt', message: result.message, raw };
  if (result.save.replay.scenarioId !== scenarioId)
    return { scenarioId, status: 'corrupt', message: `the save is filed under "${scenarioId}" but holds a run of "${result.save.replay.scenarioId}"`, raw };
  return { scenarioId, status: 'ok', save: result.save };
}

/** The save of one scenario, a corrupt entry with its reason, or null when there is none. */
export function readSave(scenarioId: string): StoredSave | null {
  const raw = get(PREFIX + scenarioId);
  return raw === null ? null : parse(scenarioId, raw);
}

/** Every save in storage, corrupt ones included, by scenario id. */
export function listSaves(): StoredSave[] {
  return keys().map((key) => parse(key.slice(PREFIX.length), get(key) ?? ''));
}

export function writeSave(save: SaveFile): WriteResult {
  try {
    localStorage.setItem(PREFIX + save.replay.scenarioId, JSON.stringify(save));
    localStorage.setItem(LAST, save.replay.scenarioId);
    return { ok: true };
  } catch (e) {
    const reason = e instanceof DOMException && e.name === 'QuotaExceededError' ? 'the browser storage is full' : 'the browser refused to store data';
    return { ok: false, message: `Could not save your progress: ${reason}. Export your save from the menu to keep it.` };
  }
}

export function removeSave(scenarioId: string): void {
  try {
    localStorage.removeItem(PREFIX + scenarioId);
    if (localStorage.getItem(LAST) === scenarioId) localStorage.removeItem(LAST);
  } catch {
    // Nothing to do: the entry stays, and the map still offers to discard it.
  }
}

/** The raw text of a save entry, for exporting even a corrupt one. */
export function rawSave(scenarioId: string): string | null {
  return get(PREFIX + scenarioId);
}

/** The scenario played last, if its save entry still exists. */
export function lastPlayed(): StoredSave | null {
  const id = get(LAST);
  return id === null ? null : readSave(id);
}
