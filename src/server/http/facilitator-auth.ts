import type { ClassRoom } from '../classroom/class-room';
import type { ServerContext } from '../context';
import { secretMatches } from '../security/secrets';

export type AuthResult = { ok: true; room: ClassRoom } | { ok: false; status: number; code: string; message: string };

/**
 * Checks the facilitator key of a class. The key travels in `Authorization: Bearer`, never in a
 * URL, so it stays out of logs and Referer headers. An unknown class and a wrong key get the
 * same answer: the reply tells a stranger nothing about which classes exist.
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
  if (!row || !secretMatches(key, row.keyHash)) {
    ctx.log.log('warn', 'facilitatorAuthFailed', { op, classId: classId.slice(0, 60), address });
    return { ok: false, status: 403, code: 'forbidden', message: 'wrong facilitator key, or no such class' };
  }
  const room = ctx.registry.byId(classId);
  if (!room) return { ok: false, status: 409, code: 'unavailable', message: ctx.registry.unavailable.get(classId) ?? 'this class cannot be opened' };
  return { ok: true, room };
}
