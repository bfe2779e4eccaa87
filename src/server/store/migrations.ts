import type Database from 'better-sqlite3';

/**
 * Versioned schema. Each migration runs once, in a transaction, and bumps `PRAGMA user_version`;
 * a file written by a newer server (a higher version) is refused rather than guessed at.
 * Never edit a shipped migration: add the next one.
 */
export const MIGRATIONS: readonly { version: number; why: string; sql: string }[] = [
  {
    version: 1,
    why: 'classes, learners, their actions, injected events and the facilitator audit trail',
    sql: `
      CREATE TABLE classes (
        id TEXT PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        key_hash TEXT NOT NULL,
        title TEXT NOT NULL,
        content_kind TEXT NOT NULL CHECK (content_kind IN ('scenario', 'campaign')),
        content_id TEXT NOT NULL,
        scenarios TEXT NOT NULL,
        seed_policy TEXT NOT NULL CHECK (seed_policy IN ('class', 'learner')),
        class_seed TEXT NOT NULL,
        pacing TEXT NOT NULL CHECK (pacing IN ('free', 'lockstep')),
        released INTEGER NOT NULL DEFAULT 0,
        paused INTEGER NOT NULL DEFAULT 0,
        locked INTEGER NOT NULL DEFAULT 0,
        status TEXT NOT NULL DEFAULT 'live' CHECK (status IN ('live', 'ended')),
        engine_version TEXT NOT NULL,
        created_at TEXT NOT NULL,
        ended_at TEXT
      );
      CREATE TABLE learners (
        id TEXT PRIMARY KEY,
        class_id TEXT NOT NULL REFERENCES classes(id),
        token_hash TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        seed TEXT NOT NULL,
        joined_at TEXT NOT NULL,
        removed_at TEXT
      );
      CREATE INDEX learners_by_class ON learners(class_id);
      CREATE TABLE actions (
        learner_id TEXT NOT NULL REFERENCES learners(id),
        step INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        run INTEGER NOT NULL,
        action TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (learner_id, step)
      ) WITHOUT ROWID;
      CREATE UNIQUE INDEX actions_by_seq ON actions(learner_id, seq);
      CREATE TABLE injections (
        id INTEGER PRIMARY KEY,
        class_id TEXT NOT NULL REFERENCES classes(id),
        card_id TEXT NOT NULL,
        scenario_id TEXT NOT NULL,
        status TEXT NOT NULL,
        at TEXT NOT NULL
      );
      CREATE TABLE audit (
        id INTEGER PRIMARY KEY,
        class_id TEXT NOT NULL,
        at TEXT NOT NULL,
        op TEXT NOT NULL,
        detail TEXT NOT NULL
      );
      CREATE INDEX audit_by_class ON audit(class_id);
    `,
  },
  {
    version: 2,
    why: "the class's coach setting: 1 shows learners verdicts after their choices, 0 is assessment mode",
    sql: `ALTER TABLE classes ADD COLUMN coach INTEGER NOT NULL DEFAULT 1;`,
  },
  {
    version: 3,
    why: 'lock-step: the released stage at which a learner was told to wait for the next release (null: not waiting), so the dashboard still shows it after a restart',
    sql: `ALTER TABLE learners ADD COLUMN waiting_release INTEGER;`,
  },
  {
    version: 4,
    why: "getting back into a class: the hash of the facilitator's recovery code, and of the read-only co-facilitator key (null: none made yet, as in classes from before)",
    sql: `ALTER TABLE classes ADD COLUMN recovery_hash TEXT;
          ALTER TABLE classes ADD COLUMN view_key_hash TEXT;`,
  },
  {
    version: 5,
    why: "a learner's one-time resume code (moving to another device), stored only as a hash, and when it expires",
    sql: `
      ALTER TABLE learners ADD COLUMN resume_hash TEXT;
      ALTER TABLE learners ADD COLUMN resume_expires_at TEXT;
      CREATE UNIQUE INDEX learners_by_resume ON learners(resume_hash) WHERE resume_hash IS NOT NULL;
    `,
  },
];

/** In version order whatever order the entries were added in (each migration runs after every lower one). */
const ORDERED = [...MIGRATIONS].sort((a, b) => a.version - b.version);

export const SCHEMA_VERSION = ORDERED[ORDERED.length - 1]!.version;

export function migrate(db: Database.Database): { from: number; to: number } {
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > SCHEMA_VERSION)
    throw new Error(`the data file has schema version ${from}, newer than this server's ${SCHEMA_VERSION}: run a newer server or use another --data directory`);
  for (const m of ORDERED) {
    if (m.version <= from) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return { from, to: SCHEMA_VERSION };
}
