/**
 * What the game keeps of a class the learner joined: the token (the only way back into the same
 * game), the sequence numbers and every action the server has not acknowledged yet. Small on
 * purpose: the title screen reads it before the rest of the game loads.
 */
export interface PendingAction {
  seq: number;
  action: Record<string, unknown>;
}

export interface SavedClass {
  version: 1;
  token: string;
  learnerId: string;
  name: string;
  classTitle: string;
  /** The next action's sequence number. */
  nextSeq: number;
  /** Sent, not yet acknowledged: resent after every (re)connection. */
  pending: PendingAction[];
  /** Actions the server has stored (from the last `ack`). */
  steps: number;
}

const KEY = 'sprintwise.classroom.game.v1';
/** Set in this tab while it plays the class, so a reload goes straight back in. */
const ACTIVE_KEY = 'sprintwise.classroom.active';

export function readClass(): SavedClass | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const v = JSON.parse(raw) as SavedClass;
    if (v && v.version === 1 && typeof v.token === 'string' && Array.isArray(v.pending) && Number.isInteger(v.nextSeq)) return v;
  } catch {
    // unreadable: as if no class was joined
  }
  return null;
}

/** Returns false when the browser refuses to store it (the class still works until a reload). */
export function writeClass(saved: SavedClass): boolean {
  try {
    localStorage.setItem(KEY, JSON.stringify(saved));
    return true;
  } catch {
    return false;
  }
}

export function forgetClass(): void {
  try {
    localStorage.removeItem(KEY);
    localStorage.removeItem(FINISHED_KEY);
    sessionStorage.removeItem(ACTIVE_KEY);
  } catch {
    // nothing stored
  }
}

export function classActiveInTab(): boolean {
  try {
    return sessionStorage.getItem(ACTIVE_KEY) === '1' && readClass() !== null;
  } catch {
    return false;
  }
}

export function setClassActiveInTab(active: boolean): void {
  try {
    if (active) sessionStorage.setItem(ACTIVE_KEY, '1');
    else sessionStorage.removeItem(ACTIVE_KEY);
  } catch {
    // a reload then shows the title with "Continue your class"
  }
}

/** `?join=CODE` in the address: the code a join link carries. */
export function joinCodeFromUrl(): string | null {
  const code = new URLSearchParams(location.search).get('join');
  return code && code.length <= 20 ? code : null;
}

const FINISHED_KEY = 'sprintwise.classroom.finished.v1';

/** The server's report and debrief of each scenario finished in the class (sent only once). */
export function readFinished<T>(): T[] {
  try {
    const v = JSON.parse(localStorage.getItem(FINISHED_KEY) ?? '[]') as unknown;
    return Array.isArray(v) ? (v as T[]) : [];
  } catch {
    return [];
  }
}

export function writeFinished<T>(runs: T[]): void {
  try {
    localStorage.setItem(FINISHED_KEY, JSON.stringify(runs));
  } catch {
    // the debrief is shown from memory until a reload
  }
}
