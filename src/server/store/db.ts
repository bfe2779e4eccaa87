import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { migrate } from './migrations';

export const DB_FILE = 'classroom.sqlite';

/**
 * Opens (creating on first start) the data directory's SQLite file. WAL with synchronous=FULL:
 * a learner's action is acknowledged only after its INSERT returned, and FULL makes that commit
 * survive a power cut as well as a killed process.
 */
export function openDatabase(dataDir: string): { db: Database.Database; path: string; migrated: { from: number; to: number } } {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, DB_FILE);
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 2000');
  const migrated = migrate(db);
  return { db, path, migrated };
}
