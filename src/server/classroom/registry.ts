import { ENGINE_VERSION, engineVersionProblem } from '../../engine';
import type { Logger } from '../log';
import { hashSecret, newId, newJoinCode, newRecoveryCode, newSecret, newSeed, normaliseJoinCode } from '../security/secrets';
import type { ClassRow, Pacing, SeedPolicy } from '../store/rows';
import type { Store } from '../store/store';
import { ClassRoom, type LearnerEntry } from './class-room';
import type { Content } from './content';
import type { FeedTiming } from './dashboard-feed';

export interface NewClass {
  title?: string | undefined;
  contentKind: 'scenario' | 'campaign';
  contentId: string;
  seedPolicy: SeedPolicy;
  pacing: Pacing;
  /** Coach on (verdicts after each choice) unless the facilitator chose assessment mode. */
  coach?: boolean;
}

/** Ended classes kept in memory after a debrief or export, so repeated downloads stay cheap. */
const ENDED_CACHE = 20;

/**
 * Every class the server knows: live ones in memory from the start, ended ones loaded from the
 * store when a facilitator asks for their debrief or export.
 */
export class Registry {
  private readonly rooms = new Map<string, ClassRoom>();
  /** Classes that cannot be resumed (a scenario changed), with the reason. */
  readonly unavailable = new Map<string, string>();

  constructor(
    private readonly store: Store,
    private readonly content: Content,
    private readonly log: Logger,
    private readonly clock: () => Date,
    private readonly feedTiming?: FeedTiming,
  ) {}

  /** Rebuilds every live class from the store: each learner's game re-simulated from its actions. */
  loadLive(): { classes: number; learners: number } {
    let learners = 0;
    for (const row of this.store.liveClasses()) {
      const room = this.open(row);
      if (room) learners += room.learners.size;
    }
    return { classes: this.rooms.size, learners };
  }

  private open(row: ClassRow): ClassRoom | null {
    if (row.damaged) return this.refuse(row, `class "${row.title}" (${row.id}) is damaged: ${row.damaged}`);
    const found = this.content.scenariosFor(row.scenarios);
    if (!found.ok) {
      this.unavailable.set(row.id, found.message);
      this.log.log('error', 'classUnavailable', { classId: row.id, reason: found.message });
      return null;
    }
    // The replay verifier's rule: another major.minor engine does not promise the same
    // outcomes, so the class is refused rather than re-simulated into different results.
    const versionProblem = engineVersionProblem(row.engineVersion);
    if (versionProblem) {
      const message = `this class was ${versionProblem}; a server running engine ${row.engineVersion} can still open it, and its data is kept`;
      this.unavailable.set(row.id, message);
      this.log.log('error', 'classUnavailable', { classId: row.id, reason: message });
      return null;
    }
    if (row.engineVersion !== ENGINE_VERSION)
      this.log.log('info', 'enginePatchChanged', { classId: row.id, recorded: row.engineVersion, now: ENGINE_VERSION });
    let room: ClassRoom;
    try {
      room = new ClassRoom(row, found.scenarios, this.store, this.log, this.clock, this.feedTiming);
    } catch (err) {
      // A damaged row this class cannot do without: the class stays closed, every other one runs.
      return this.refuse(row, `class "${row.title}" (${row.id}) is damaged: ${err instanceof Error ? err.message : String(err)}`);
    }
    this.rooms.set(row.id, room);
    return room;
  }

  private refuse(row: ClassRow, message: string): null {
    this.unavailable.set(row.id, message);
    this.log.log('error', 'classDamaged', { classId: row.id, reason: message });
    return null;
  }

  /** The new class with its three secrets, each handed out once here and stored only as a hash. */
  create(spec: NewClass): { ok: true; room: ClassRoom; key: string; recoveryCode: string; viewKey: string } | { ok: false; message: string } {
    const resolved = this.content.resolve(spec.contentKind, spec.contentId);
    if (!resolved.ok) return resolved;
    let code = newJoinCode();
    while (this.store.codeTaken(code)) code = newJoinCode();
    const key = newSecret();
    const recoveryCode = newRecoveryCode();
    const viewKey = newSecret();
    const row = {
      id: newId('c'),
      code,
      keyHash: hashSecret(key),
      recoveryHash: hashSecret(normaliseJoinCode(recoveryCode)),
      viewKeyHash: hashSecret(viewKey),
      title: spec.title?.trim() || resolved.title,
      contentKind: spec.contentKind,
      contentId: spec.contentId,
      scenarios: resolved.refs,
      seedPolicy: spec.seedPolicy,
      classSeed: newSeed(),
      pacing: spec.pacing,
      coach: spec.coach ?? true,
      engineVersion: ENGINE_VERSION,
      createdAt: this.clock().toISOString(),
    };
    // The class and its audit row commit together (a storage failure throws: 503 storage).
    this.store.transaction(() => {
      this.store.insertClass(row);
      this.store.audit(row.id, 'create', { contentKind: spec.contentKind, contentId: spec.contentId, seedPolicy: spec.seedPolicy, pacing: spec.pacing, coach: row.coach }, row.createdAt);
    });
    const room = this.open(this.store.classById(row.id)!);
    if (!room) return { ok: false, message: this.unavailable.get(row.id) ?? 'the class could not be opened' };
    return { ok: true, room, key, recoveryCode, viewKey };
  }

  byId(id: string): ClassRoom | null {
    const room = this.rooms.get(id);
    if (room) return room;
    const row = this.store.classById(id);
    if (!row) return null;
    const opened = this.open(row);
    if (opened && row.status === 'ended') this.trimEnded();
    return opened;
  }

  byCode(code: string): ClassRoom | null {
    const row = this.store.classByCode(code);
    return row ? this.byId(row.id) : null;
  }

  /** The learner a resume token belongs to; `unavailable` when their class cannot be opened. */
  byLearnerToken(token: string): { room: ClassRoom; learner: LearnerEntry } | { unavailable: string } | null {
    const row = this.store.learnerByTokenHash(hashSecret(token));
    if (!row) return null;
    const room = this.byId(row.classId);
    const learner = room?.learners.get(row.id);
    if (room && learner) return { room, learner };
    return { unavailable: this.unavailable.get(row.classId) ?? 'this class cannot be opened' };
  }

  private trimEnded(): void {
    const ended = [...this.rooms.values()].filter((r) => !r.live);
    // Sockets still open on an evicted class keep working: an ended class only answers reads.
    for (const r of ended.slice(0, Math.max(0, ended.length - ENDED_CACHE))) {
      r.stopFeed();
      this.rooms.delete(r.row.id);
    }
  }

  /** True when the class is in memory (live, or an ended one kept after a debrief or export). */
  loaded(id: string): boolean {
    return this.rooms.has(id);
  }

  liveRooms(): ClassRoom[] {
    return [...this.rooms.values()].filter((r) => r.live);
  }

  close(): void {
    for (const r of this.rooms.values()) r.close();
  }
}
