import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ClassRoom } from '../classroom/class-room';
import type { ServerContext } from '../context';
import { hashSecret, JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, newRecoveryCode, newSecret, normaliseJoinCode, secretMatches } from '../security/secrets';
import type { ClassRow } from '../store/rows';
import { sendError } from './errors';
import { authorise } from './facilitator-auth';
import type { Limits } from './limits';

/** Both codes are cleaned (case, spaces, dashes) after parsing; the lengths only bound the raw input. */
export const RecoverBody = z.strictObject({
  code: z.string().min(1).max(32),
  recoveryCode: z.string().min(1).max(64),
});

const CODE_SHAPE = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`);
const ID = /^[A-Za-z0-9_-]{1,60}$/;

/** Page links carry secrets in the fragment, which browsers never send to a server or a Referer. */
const fragment = (id: string, name: 'key' | 'view', secret: string) => `#class=${encodeURIComponent(id)}&${name}=${encodeURIComponent(secret)}`;

export const facilitatorLinks = (id: string, key: string) => ({ facilitatorUrl: `/facilitator/class${fragment(id, 'key', key)}`, debriefUrl: `/facilitator/debrief${fragment(id, 'key', key)}` });
export const viewUrl = (id: string, viewKey: string) => `/facilitator/class${fragment(id, 'view', viewKey)}`;

/** The stored form of a recovery code: its hash without dashes, spaces or case. */
export const recoveryHash = (code: string) => hashSecret(normaliseJoinCode(code));

/**
 * Getting back into a class. `POST /api/recover` trades the join code and the recovery code for
 * a new facilitator key and a new recovery code: the old key and code stop working at once, and
 * dashboards open with the old key are closed (whoever lost the link may not be the only one who
 * has it). `POST /api/classes/:id/view-link` replaces the read-only co-facilitator key.
 */
export async function registerAccessApi(app: FastifyInstance, ctx: ServerContext, limits: Limits): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const rooms = new WeakMap<FastifyRequest, ClassRoom>();
  api.addHook('onRequest', async (_req, reply) => void reply.header('cache-control', 'no-store'));

  api.post('/api/recover', {
    schema: { body: RecoverBody },
    onRequest: async (req, reply) => {
      const wait = await limits.recoveryFailures.wait(req);
      if (wait > 0) {
        ctx.log.log('warn', 'recoveryRateLimited', { address: req.ip });
        return sendError(reply.header('retry-after', String(Math.ceil(wait / 1000))), 429, 'rateLimited', 'too many failed recoveries from this address: wait a while, then check both codes');
      }
    },
  }, async (req, reply) => {
    const code = normaliseJoinCode(req.body.code);
    const row = CODE_SHAPE.test(code) ? ctx.store.classByCode(code) : null;
    const refused = async (status: number, reason: string, message: string) => {
      await limits.recoveryFailures.hit(req);
      // Never the codes themselves: a log line must not help anyone get in.
      ctx.log.log('warn', 'recoveryFailed', { address: req.ip, reason, ...(row ? { classId: row.id } : {}) });
      // The class's facilitator sees attempts on their class in its audit trail.
      if (row) ctx.store.transaction(() => ctx.store.audit(row.id, 'recoverRefused', { reason }, ctx.clock().toISOString()));
      return sendError(reply, status, reason, message);
    };
    if (row && row.recoveryHash === null)
      return refused(409, 'noRecoveryCode', 'this class was created before recovery codes existed: only its facilitator link opens it');
    if (!row || !secretMatches(normaliseJoinCode(req.body.recoveryCode), row.recoveryHash!))
      return refused(403, 'recoveryRefused', 'no class has this join code, or the recovery code is wrong: check both (the recovery code was shown once, when the class was created)');
    const key = newSecret();
    const recoveryCode = newRecoveryCode();
    ctx.store.transaction(() => {
      ctx.store.setFacilitatorSecrets(row.id, hashSecret(key), recoveryHash(recoveryCode));
      ctx.store.audit(row.id, 'recover', { replaced: ['facilitator key', 'recovery code'] }, ctx.clock().toISOString());
    });
    dropWatchers(ctx, row, row.keyHash, 'Someone got back into this class with its recovery code, so this facilitator link no longer works. Use the new link you were given.');
    ctx.log.log('info', 'facilitatorRecovered', { classId: row.id, address: req.ip });
    return { class: { id: row.id, code: row.code, title: row.title, status: row.status }, key, recoveryCode, ...facilitatorLinks(row.id, key) };
  });

  api.post('/api/classes/:id/view-link', {
    onRequest: async (req: FastifyRequest, reply: FastifyReply) => {
      const { id } = req.params as { id: string };
      if (!ID.test(id)) return sendError(reply, 404, 'notFound', `no API at ${req.url.slice(0, 200)}`);
      const auth = authorise(ctx, req.headers.authorization, req.ip, id, 'viewLink');
      if (!auth.ok) return sendError(reply, auth.status, auth.code, auth.message);
      rooms.set(req, auth.room);
    },
  }, async (req) => {
    const room = rooms.get(req)!;
    const before = ctx.store.classById(room.row.id)!;
    const viewKey = newSecret();
    ctx.store.transaction(() => {
      ctx.store.setViewKeyHash(before.id, hashSecret(viewKey));
      ctx.store.audit(before.id, 'viewLink', { replacedOne: before.viewKeyHash !== null }, ctx.clock().toISOString());
    });
    if (before.viewKeyHash) dropWatchers(ctx, before, before.viewKeyHash, 'The facilitator made a new read-only link, so this one no longer works. Ask them for the new one.');
    ctx.log.log('info', 'facilitatorOp', { classId: before.id, op: 'viewLink' });
    return { viewKey, viewUrl: viewUrl(before.id, viewKey) };
  });
}

/** Closes the open dashboards of a replaced key; a class not in memory has none to close. */
function dropWatchers(ctx: ServerContext, row: ClassRow, keyHash: string, message: string): void {
  if (ctx.registry.loaded(row.id)) ctx.registry.byId(row.id)?.dropWatchers(keyHash, message);
}
