import type { ClassRoom } from '../classroom/class-room';
import type { ServerContext } from '../context';
import { secretMatches } from '../security/secrets';

/** `view`: the read-only co-facilitator key, which opens only the operations in VIEW_OPS. */
export type Access = 'facilitator' | 'view';
export type AuthResult = { ok: true; room: ClassRoom; access: Access; keyHash: string } | { ok: false; status: number; code: string; message: string };

/**
 * What the read-only key may do: watch the dashboard, the projector lobby and the debrief, and
 * open a learner's run. Every other operation, including ones added later, needs the facilitator
 * key. Exports are not here: they copy every learner's name, seed and full run into a file that
 * outlives the class, a decision for the facilitator who runs it.
 */
export const VIEW_OPS: ReadonlySet<string> = new Set(['dashboard', 'dashboardSocket', 'debrief', 'lobby', 'learnerRuns']);

/** What a refused command would have done, in the read-only key's refusal. */
const OP_WORDS: Record<string, string> = {
  pause: 'pause the class',
  resume: 'resume the class',
  lock: 'close the class to new learners',
  unlock: 'reopen the class',
  release: 'release a stage',
  unrelease: 'withdraw a release',
  end: 'end the class',
  'coach-on': 'switch the coach on',
  'coach-off': 'switch the coach off',
  inject: 'inject an event',
  remove: 'remove a learner',
  exportJson: 'export the class',
  exportCsv: 'export the class',
  announce: 'send an announcement',
  timer: 'set a timer',
  viewLink: 'make a read-only link',
};

/**
 * Checks the facilitator key (or, for reading, the read-only key) of a class. The key travels in
 * `Authorization: Bearer`, never in a URL, so it stays out of logs and Referer headers. An
 * unknown class and a wrong key get the same answer: the reply tells a stranger nothing about
 * which classes exist.
 */
export function authorise(ctx: ServerContext, header: string | undefined, address: string, classId: string, op: string): AuthResult {
  const m = /^Bearer ([A-Za-z0-9_-]{1,200})$/.exec(header ?? '');
  if (!m) {
    ctx.log.log('warn', 'facilitatorAuthMissing', { op, classId: classId.slice(0, 60), address });
    return { ok: false, status: 401, code: 'keyRequired', message: 'this needs the facilitator key: send "Authorization: Bearer <key>"' };
  }
  return authoriseKey(ctx, classId, m[1]!, op, address);
}

export function authoriseKey(ctx: ServerContext, classId: string, key: string, op: string, address: string): AuthResult {
  const row = ctx.store.classById(classId);
  const access: Access | null = !row ? null : secretMatches(key, row.keyHash) ? 'facilitator' : row.viewKeyHash && secretMatches(key, row.viewKeyHash) ? 'view' : null;
  if (!row || !access) {
    ctx.log.log('warn', 'facilitatorAuthFailed', { op, classId: classId.slice(0, 60), address });
    return { ok: false, status: 403, code: 'forbidden', message: 'wrong facilitator key, or no such class' };
  }
  if (access === 'view' && !VIEW_OPS.has(op)) {
    ctx.log.log('warn', 'viewKeyRefused', { op, classId: row.id, address });
    return { ok: false, status: 403, code: 'readOnly', message: `this is the read-only co-facilitator link: it shows the dashboard, the lobby and the debrief, but cannot ${OP_WORDS[op] ?? 'change the class'}; that needs the facilitator link` };
  }
  const room = ctx.registry.byId(classId);
  if (!room) return { ok: false, status: 409, code: 'unavailable', message: ctx.registry.unavailable.get(classId) ?? 'this class cannot be opened' };
  return { ok: true, room, access, keyHash: access === 'view' ? row.viewKeyHash! : row.keyHash };
}
