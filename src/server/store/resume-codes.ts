import type { Store } from './store';

/** A learner a resume code names (only what redeeming it needs). */
export interface ResumeHolder {
  learnerId: string;
  classId: string;
  removed: boolean;
  expiresAt: string;
}

/**
 * Learners' one-time resume codes (migration 5): each learner has at most one, stored only as a
 * hash with its expiry. Kept out of Store so the classroom's main store stays about classes.
 */
export class ResumeCodes {
  private readonly s;

  constructor(private readonly store: Store) {
    const p = (sql: string) => store.db.prepare(sql);
    this.s = {
      set: p('UPDATE learners SET resume_hash = ?, resume_expires_at = ? WHERE id = ?'),
      byHash: p('SELECT id, class_id, removed_at, resume_expires_at FROM learners WHERE resume_hash = ?'),
      redeem: p('UPDATE learners SET token_hash = ?, resume_hash = NULL, resume_expires_at = NULL WHERE id = ? AND resume_hash = ?'),
      clear: p('UPDATE learners SET resume_hash = NULL, resume_expires_at = NULL WHERE id = ?'),
    };
  }

  /** Replaces the learner's code (any earlier one stops working). */
  set(learnerId: string, codeHash: string, expiresAt: string): void {
    this.store.transaction(() => this.s.set.run(codeHash, expiresAt, learnerId));
  }

  holder(codeHash: string): ResumeHolder | null {
    const r = this.s.byHash.get(codeHash) as Record<string, unknown> | undefined;
    if (!r) return null;
    return { learnerId: r.id as string, classId: r.class_id as string, removed: r.removed_at !== null, expiresAt: r.resume_expires_at as string };
  }

  /**
   * Spends the code and gives the learner a new token, with an audit row, in one transaction.
   * False when the code was spent meanwhile (two devices racing with the same code).
   */
  redeem(h: ResumeHolder, codeHash: string, newTokenHash: string, at: string): boolean {
    return this.store.transaction(() => {
      if (this.s.redeem.run(newTokenHash, h.learnerId, codeHash).changes !== 1) return false;
      this.store.audit(h.classId, 'learnerMoved', { learnerId: h.learnerId }, at);
      return true;
    });
  }

  clear(learnerId: string): void {
    this.store.transaction(() => this.s.clear.run(learnerId));
  }
}
