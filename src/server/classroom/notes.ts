import type { Store } from '../store/store';
import type { ClassRoom } from './class-room';
import type { LearnerLink, OpResult } from './types';

/**
 * What the facilitator tells the whole class besides the game: a short announcement and an
 * optional suggested time for the current stage (a countdown learners see, never enforced).
 * Both are kept in the class's audit trail (ops `announce` and `timer`), so a restart or a
 * learner who reconnects gets the latest of each; memory holds only a cache and the rate window.
 */

/** Characters, after cleaning (see security/names.ts). */
export const ANNOUNCEMENT_MAX = 200;
/** Announcements per class in any minute. */
export const ANNOUNCEMENTS_PER_MINUTE = 5;
export const TIMER_MAX_MINUTES = 120;

export interface Announcement {
  text: string;
  at: string;
}

export interface StageTimer {
  minutes: number;
  /** The released stage when the timer was set (lock-step), else null. */
  label: string | null;
  startedAt: string;
  endsAt: string;
}

interface Notes {
  announcement: Announcement | null;
  timer: StageTimer | null;
  /** When each announcement of the last minute was sent (ms). */
  recent: number[];
}

const cache = new WeakMap<ClassRoom, Notes>();

function notesOf(store: Store, room: ClassRoom): Notes {
  let n = cache.get(room);
  if (n) return n;
  n = { announcement: null, timer: null, recent: [] };
  for (const a of store.auditOf(room.row.id)) {
    const d = (a.detail ?? {}) as Record<string, unknown>;
    if (a.op === 'announce' && typeof d.text === 'string') n.announcement = { text: d.text, at: a.at };
    if (a.op === 'timer') n.timer = (d.timer as StageTimer | null | undefined) ?? null;
  }
  cache.set(room, n);
  return n;
}

const toLearners = (room: ClassRoom, send: (link: LearnerLink) => void) => {
  let reached = 0;
  for (const l of room.learners.values()) {
    if (l.row.removedAt !== null || !l.link) continue;
    send(l.link);
    reached++;
  }
  return reached;
};

const timerMessage = (t: StageTimer | null, now: Date) =>
  ({ type: 'timer', timer: t && { ...t, secondsLeft: Math.max(0, Math.round((Date.parse(t.endsAt) - now.getTime()) / 1000)) } }) as const;

export function latestNotes(store: Store, room: ClassRoom, now: Date): { announcement: Announcement | null; timer: StageTimer | null } {
  const n = notesOf(store, room);
  const timer = n.timer && Date.parse(n.timer.endsAt) > now.getTime() ? n.timer : null;
  return { announcement: n.announcement, timer };
}

/** The latest announcement and a running timer, for a learner who has just said hello. */
export function sendNotes(store: Store, room: ClassRoom, link: LearnerLink, now: Date): void {
  const { announcement, timer } = latestNotes(store, room, now);
  if (announcement) link.send({ type: 'announcement', ...announcement });
  if (timer) link.send(timerMessage(timer, now));
}

/** Sends an announcement to every connected learner and keeps it for those who come later. */
export function announce(store: Store, room: ClassRoom, text: string, now: Date): OpResult<{ announcement: Announcement; reached: number }> | { ok: false; status: 429; code: 'rateLimited'; message: string; retryMs: number } {
  if (!room.live) return { ok: false, status: 409, code: 'ended', message: 'this class has ended' };
  const n = notesOf(store, room);
  const t = now.getTime();
  n.recent = n.recent.filter((s) => t - s < 60_000);
  if (n.recent.length >= ANNOUNCEMENTS_PER_MINUTE) {
    const retryMs = 60_000 - (t - n.recent[0]!);
    return { ok: false, status: 429, code: 'rateLimited', message: `at most ${ANNOUNCEMENTS_PER_MINUTE} announcements a minute: wait ${Math.ceil(retryMs / 1000)} seconds`, retryMs };
  }
  const announcement = { text, at: now.toISOString() };
  store.audit(room.row.id, 'announce', { text }, announcement.at);
  n.recent.push(t);
  n.announcement = announcement;
  const reached = toLearners(room, (link) => link.send({ type: 'announcement', ...announcement }));
  return { ok: true, value: { announcement, reached } };
}

/** Sets (minutes) or clears (null) the suggested time for the current stage. */
export function setTimer(store: Store, room: ClassRoom, minutes: number | null, now: Date): OpResult<{ timer: StageTimer | null; reached: number }> {
  if (!room.live) return { ok: false, status: 409, code: 'ended', message: 'this class has ended' };
  const n = notesOf(store, room);
  const released = room.learnerInfo().released;
  const timer: StageTimer | null =
    minutes === null ? null : { minutes, label: released?.label ?? null, startedAt: now.toISOString(), endsAt: new Date(now.getTime() + minutes * 60_000).toISOString() };
  store.audit(room.row.id, 'timer', { timer }, now.toISOString());
  n.timer = timer;
  const reached = toLearners(room, (link) => link.send(timerMessage(timer, now)));
  return { ok: true, value: { timer, reached } };
}
