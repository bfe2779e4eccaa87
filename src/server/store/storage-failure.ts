/**
 * Storage failures (a full disk, a read-only or damaged data file) as people read them: every
 * answer that could not be saved says "storage", and nothing in memory changes.
 */
export const STORAGE_MESSAGE = 'the server could not save this to its data file (storage failed: the disk may be full or read-only); nothing changed, try again once the facilitator has fixed the disk';

export interface StorageRefusal {
  ok: false;
  status: 503;
  code: 'storage';
  message: string;
}

export function storageRefusal(err: unknown): StorageRefusal {
  return { ok: false, status: 503, code: 'storage', message: `${STORAGE_MESSAGE} (${describe(err)})` };
}

/** True for SQLite's own errors (SqliteError from better-sqlite3, code SQLITE_...). */
export function isStorageError(err: unknown): boolean {
  const e = err as { name?: string; code?: unknown } | null;
  return !!e && (e.name === 'SqliteError' || (typeof e.code === 'string' && e.code.startsWith('SQLITE_')));
}

function describe(err: unknown): string {
  const e = err as { code?: unknown; message?: unknown } | null;
  const code = typeof e?.code === 'string' ? e.code : '';
  const message = typeof e?.message === 'string' ? e.message : String(err);
  return (code && !message.includes(code) ? `${code}: ${message}` : message).slice(0, 200);
}

/** The data file's health as /api/health reports it: the last storage failure until a write succeeds. */
export class StorageHealth {
  private failure: { at: string; message: string } | null = null;

  failed(err: unknown, at = new Date().toISOString()): void {
    this.failure = { at, message: describe(err) };
  }

  succeeded(): void {
    this.failure = null;
  }

  get status(): { ok: true } | { ok: false; at: string; message: string } {
    return this.failure ? { ok: false, ...this.failure } : { ok: true };
  }
}
