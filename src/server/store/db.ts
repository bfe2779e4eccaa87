import Database from 'better-sqlite3';
import { accessSync, constants, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { migrate } from './migrations';

export const DB_FILE = 'classroom.sqlite';

/** A start-up problem with the data directory or file: its message is all a person needs (no stack). */
export class DataProblem extends Error {
  override name = 'DataProblem';
}

/** Fails with a clear message unless the directory (and the file, if it exists) can be written. */
export function checkWritable(dataDir: string, path: string): void {
  const advice = 'make it writable by the user running the server, or choose another directory with --data';
  try {
    mkdirSync(dataDir, { recursive: true });
    const probe = join(dataDir, `.write-test-${process.pid}`);
    writeFileSync(probe, 'ok');
    rmSync(probe, { force: true });
  } catch (err) {
    throw new DataProblem(`the data directory ${dataDir} cannot be written (${(err as { code?: string }).code ?? String(err)}): ${advice}`);
  }
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    if (!existsSync(file)) continue;
    try {
      accessSync(file, constants.R_OK | constants.W_OK);
    } catch (err) {
      throw new DataProblem(`the data file ${file} cannot be written (${(err as { code?: string }).code ?? String(err)}): ${advice}`);
    }
  }
}

/**
 * Opens (creating on first start) the data directory's SQLite file. WAL with synchronous=FULL:
 * a learner's action is acknowledged only after its INSERT returned, and FULL makes that commit
 * survive a power cut as well as a killed process.
 */
export function openDatabase(dataDir: string): { db: Database.Database; path: string; migrated: { from: number; to: number } } {
  const path = join(dataDir, DB_FILE);
  checkWritable(dataDir, path);
  let db: Database.Database | null = null;
  try {
    db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 2000');
    const migrated = migrate(db);
    return { db, path, migrated };
  } catch (err) {
    db?.close();
    throw damagedFile(path, err) ?? err;
  }
}

/** A clear message for SQLite's "file is not a database" / "disk image is malformed"; null for other errors. */
export function damagedFile(path: string, err: unknown): DataProblem | null {
  const code = (err as { code?: string }).code ?? '';
  if (!code.startsWith('SQLITE_CORRUPT') && code !== 'SQLITE_NOTADB') return null;
  return new DataProblem(
    `the data file ${path} is damaged (${(err as Error).message}): stop the server, keep a copy of the file (with its -wal file), then try "sqlite3 ${path} .recover" into a new file, or move it aside to start with an empty one`,
  );
}
