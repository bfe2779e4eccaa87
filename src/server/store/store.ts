import type Database from 'better-sqlite3';
import type { ActionWriter } from './action-writer';
import { StorageHealth } from './storage-failure';
import type { ActionRow, AuditRow, ClassRow, InjectionRow, LearnerRow } from './rows';

type Raw = Record<string, unknown>;

function classRow(r: Raw): ClassRow {
  return {
    id: r.id as string,
    code: r.code as string,
    keyHash: r.key_hash as string,
    recoveryHash: (r.recovery_hash as string | null) ?? null,
    viewKeyHash: (r.view_key_hash as string | null) ?? null,
    title: r.title as string,
    contentKind: r.content_kind as ClassRow['contentKind'],
    contentId: r.content_id as string,
    ...scenariosOf(r),
    seedPolicy: r.seed_policy as ClassRow['seedPolicy'],
    classSeed: r.class_seed as string,
    pacing: r.pacing as ClassRow['pacing'],
    released: r.released as number,
    paused: r.paused === 1,
    locked: r.locked === 1,
    coach: r.coach !== 0,
    status: r.status as ClassRow['status'],
    engineVersion: r.engine_version as string,
    createdAt: r.created_at as string,
    endedAt: (r.ended_at as string | null) ?? null,
  };
}

/** The class's scenario list; a damaged one leaves the class unopenable, with the reason. */
function scenariosOf(r: Raw): Pick<ClassRow, 'scenarios' | 'damaged'> {
  try {
    return { scenarios: JSON.parse(r.scenarios as string) as ClassRow['scenarios'] };
  } catch (err) {
    return { scenarios: [], damaged: `its stored list of scenarios cannot be read (${err instanceof Error ? err.message : String(err)})` };
  }
}

function readDetail(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return { damaged: text.slice(0, 200) };
  }
}

function learnerRow(r: Raw): LearnerRow {
  return {
    id: r.id as string,
    classId: r.class_id as string,
    tokenHash: r.token_hash as string,
    name: r.name as string,
    seed: r.seed as string,
    joinedAt: r.joined_at as string,
    removedAt: (r.removed_at as string | null) ?? null,
    waitingRelease: (r.waiting_release as number | null) ?? null,
  };
}

/**
 * Every read and write of the classroom's SQLite file. better-sqlite3 is synchronous: when a write
 * method returns, the row is committed. Learners' actions, the one frequent write, go through the
 * ActionWriter's thread instead, and are acknowledged when its promise resolves.
 */
export class Store {
  private readonly s;
  /** The last storage failure, until a write succeeds again (reported by /api/health). */
  readonly health = new StorageHealth();

  constructor(
    readonly db: Database.Database,
    private readonly writer: ActionWriter,
  ) {
    const p = (sql: string) => db.prepare(sql);
    this.s = {
      insertClass: p(`INSERT INTO classes (id, code, key_hash, recovery_hash, view_key_hash, title, content_kind, content_id, scenarios, seed_policy, class_seed, pacing, coach, engine_version, created_at)
                      VALUES (@id, @code, @keyHash, @recoveryHash, @viewKeyHash, @title, @contentKind, @contentId, @scenarios, @seedPolicy, @classSeed, @pacing, @coach, @engineVersion, @createdAt)`),
      setFacilitatorSecrets: p('UPDATE classes SET key_hash = ?, recovery_hash = ? WHERE id = ?'),
      setViewKeyHash: p('UPDATE classes SET view_key_hash = ? WHERE id = ?'),
      codeTaken: p('SELECT 1 FROM classes WHERE code = ?'),
      classById: p('SELECT * FROM classes WHERE id = ?'),
      classByCode: p('SELECT * FROM classes WHERE code = ?'),
      liveClasses: p("SELECT * FROM classes WHERE status = 'live' ORDER BY created_at"),
      setFlag: {
        paused: p('UPDATE classes SET paused = ? WHERE id = ?'),
        locked: p('UPDATE classes SET locked = ? WHERE id = ?'),
        coach: p('UPDATE classes SET coach = ? WHERE id = ?'),
      },
      setReleased: p('UPDATE classes SET released = ? WHERE id = ?'),
      endClass: p("UPDATE classes SET status = 'ended', ended_at = ? WHERE id = ?"),
      insertLearner: p('INSERT INTO learners (id, class_id, token_hash, name, seed, joined_at) VALUES (@id, @classId, @tokenHash, @name, @seed, @joinedAt)'),
      learnersOf: p('SELECT * FROM learners WHERE class_id = ? ORDER BY joined_at, id'),
      learnerByToken: p('SELECT * FROM learners WHERE token_hash = ?'),
      setWaiting: p('UPDATE learners SET waiting_release = ? WHERE id = ?'),
      removeLearner: p('UPDATE learners SET removed_at = ? WHERE id = ? AND removed_at IS NULL'),
      actionsOf: p('SELECT step, seq, run, action, at FROM actions WHERE learner_id = ? ORDER BY step'),
      insertInjection: p('INSERT INTO injections (class_id, card_id, scenario_id, status, at) VALUES (?, ?, ?, ?, ?)'),
      injectionsOf: p('SELECT * FROM injections WHERE class_id = ? ORDER BY id'),
      insertAudit: p('INSERT INTO audit (class_id, at, op, detail) VALUES (?, ?, ?, ?)'),
      auditOf: p('SELECT at, op, detail FROM audit WHERE class_id = ? ORDER BY id'),
    };
  }

  /** Runs `f` in one SQLite transaction: every write in it commits together, or none does. */
  transaction<T>(f: () => T): T {
    try {
      const value = this.db.transaction(f)();
      this.health.succeeded();
      return value;
    } catch (err) {
      this.health.failed(err);
      throw err;
    }
  }

  insertClass(c: Omit<ClassRow, 'released' | 'paused' | 'locked' | 'status' | 'endedAt'>): void {
    this.s.insertClass.run({ ...c, scenarios: JSON.stringify(c.scenarios), coach: c.coach ? 1 : 0 });
  }

  codeTaken(code: string): boolean {
    return this.s.codeTaken.get(code) !== undefined;
  }

  classById(id: string): ClassRow | null {
    const r = this.s.classById.get(id) as Raw | undefined;
    return r ? classRow(r) : null;
  }

  classByCode(code: string): ClassRow | null {
    const r = this.s.classByCode.get(code) as Raw | undefined;
    return r ? classRow(r) : null;
  }

  liveClasses(): ClassRow[] {
    return (this.s.liveClasses.all() as Raw[]).map(classRow);
  }

  /** A recovery: the new facilitator key and recovery code replace the old ones (stored as hashes). */
  setFacilitatorSecrets(id: string, keyHash: string, recoveryHash: string): void {
    this.s.setFacilitatorSecrets.run(keyHash, recoveryHash, id);
  }

  setViewKeyHash(id: string, viewKeyHash: string): void {
    this.s.setViewKeyHash.run(viewKeyHash, id);
  }

  setPaused(id: string, paused: boolean): void {
    this.s.setFlag.paused.run(paused ? 1 : 0, id);
  }

  setLocked(id: string, locked: boolean): void {
    this.s.setFlag.locked.run(locked ? 1 : 0, id);
  }

  setCoach(id: string, coach: boolean): void {
    this.s.setFlag.coach.run(coach ? 1 : 0, id);
  }

  setReleased(id: string, released: number): void {
    this.s.setReleased.run(released, id);
  }

  endClass(id: string, at: string): void {
    this.s.endClass.run(at, id);
  }

  insertLearner(l: Omit<LearnerRow, 'removedAt'>): void {
    this.s.insertLearner.run(l);
  }

  learnersOf(classId: string): LearnerRow[] {
    return (this.s.learnersOf.all(classId) as Raw[]).map(learnerRow);
  }

  learnerByTokenHash(tokenHash: string): LearnerRow | null {
    const r = this.s.learnerByToken.get(tokenHash) as Raw | undefined;
    return r ? learnerRow(r) : null;
  }

  /** Lock-step: the learner waits for the release after `released` (null: not waiting). */
  setWaiting(id: string, released: number | null): void {
    this.s.setWaiting.run(released, id);
  }

  removeLearner(id: string, at: string): boolean {
    return this.s.removeLearner.run(at, id).changes > 0;
  }

  /** Resolves once the action is committed to disk; rejects when it could not be written. */
  writeAction(learnerId: string, a: ActionRow): Promise<void> {
    return this.writer.write(learnerId, a).then(
      () => this.health.succeeded(),
      (err: unknown) => {
        this.health.failed(err);
        throw err;
      },
    );
  }

  actionsOf(learnerId: string): ActionRow[] {
    return this.readActions(learnerId).actions;
  }

  /**
   * A learner's stored actions up to the first row that cannot be read (a damaged row), and what
   * is wrong with that row: one damaged row must not take anything else down with it.
   */
  readActions(learnerId: string): { actions: ActionRow[]; damaged: { step: number; message: string } | null } {
    const actions: ActionRow[] = [];
    for (const r of this.s.actionsOf.all(learnerId) as Raw[]) {
      try {
        actions.push({ step: r.step as number, seq: r.seq as number, run: r.run as number, action: JSON.parse(r.action as string) as unknown, at: r.at as string });
      } catch (err) {
        return { actions, damaged: { step: r.step as number, message: err instanceof Error ? err.message : String(err) } };
      }
    }
    return { actions, damaged: null };
  }

  /** Records an injection; answers its id (learners' stored injectEvent actions carry seq = -id). */
  insertInjection(classId: string, cardId: string, scenarioId: string, status: string, at: string): number {
    return Number(this.s.insertInjection.run(classId, cardId, scenarioId, status, at).lastInsertRowid);
  }

  injectionsOf(classId: string): InjectionRow[] {
    return (this.s.injectionsOf.all(classId) as Raw[]).map((r) => ({
      id: r.id as number,
      classId: r.class_id as string,
      cardId: r.card_id as string,
      scenarioId: r.scenario_id as string,
      status: r.status as string,
      at: r.at as string,
    }));
  }

  audit(classId: string, op: string, detail: unknown, at: string): void {
    this.s.insertAudit.run(classId, at, op, JSON.stringify(detail ?? {}));
  }

  auditOf(classId: string): AuditRow[] {
    return (this.s.auditOf.all(classId) as Raw[]).map((r) => ({ at: r.at as string, op: r.op as string, detail: readDetail(r.detail as string) }));
  }
}
