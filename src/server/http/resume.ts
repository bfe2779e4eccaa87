import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { issueResumeCode, redeemResumeCode, RESUME_CODE_HOURS } from '../classroom/resume';
import type { ServerContext } from '../context';
import { ResumeCodes } from '../store/resume-codes';
import { sendError } from './errors';
import type { Limits } from './limits';

/** 40 characters is only a bound on the raw input: the code is normalised and checked after parsing. */
export const ResumeBody = z.strictObject({ code: z.string().max(40) });

function retryAfter(reply: FastifyReply, ms: number, message: string): FastifyReply {
  return sendError(reply.header('retry-after', String(Math.ceil(ms / 1000))), 429, 'rateLimited', message);
}

/**
 * A learner's move to another device (see classroom/resume.ts): the old device asks for a code
 * with its token, the new one redeems it. Failed attempts of both count with failed joins, so
 * guessing codes or tokens shares one per-address budget.
 */
export async function registerResumeApi(app: FastifyInstance, ctx: ServerContext, limits: Limits): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const codes = new ResumeCodes(ctx.store);
  api.addHook('onRequest', async (_req, reply) => void reply.header('cache-control', 'no-store'));
  const limited = async (req: FastifyRequest, reply: FastifyReply) => {
    const wait = Math.max(await limits.joinFailures.wait(req), await limits.joins.wait(req));
    if (wait > 0) {
      ctx.log.log('warn', 'resumeRateLimited', { address: req.ip });
      return retryAfter(reply, wait, 'too many attempts from this address: wait a moment and check the code');
    }
  };
  const failed = async (req: FastifyRequest, reply: FastifyReply, r: { status: number; code: string; message: string }) => {
    await limits.joinFailures.hit(req);
    ctx.log.log('warn', 'resumeFailed', { address: req.ip, code: r.code });
    return sendError(reply, r.status, r.code, r.message);
  };

  api.post('/api/learner/resume-code', { onRequest: limited }, async (req, reply) => {
    const m = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(req.headers.authorization ?? '');
    if (!m) return failed(req, reply, { status: 401, code: 'tokenRequired', message: 'this needs your learner token: send "Authorization: Bearer <token>"' });
    const found = ctx.registry.byLearnerToken(m[1]!);
    if (!found) return failed(req, reply, { status: 403, code: 'forbidden', message: 'unknown learner token: join the class again' });
    if ('unavailable' in found) return sendError(reply, 409, 'unavailable', `your class cannot be resumed: ${found.unavailable}`);
    if (found.learner.row.removedAt !== null) return sendError(reply, 409, 'removed', 'the facilitator removed you from this class');
    await limits.joins.hit(req);
    const issued = issueResumeCode(codes, found.learner, ctx.clock());
    ctx.log.log('info', 'resumeCodeIssued', { classId: found.room.row.id, learnerId: found.learner.row.id });
    return reply.code(201).send({ ...issued, hours: RESUME_CODE_HOURS });
  });

  api.post('/api/resume', { schema: { body: ResumeBody }, onRequest: limited }, async (req, reply) => {
    const r = redeemResumeCode(ctx.registry, codes, req.body.code, ctx.clock());
    if (!r.ok) return failed(req, reply, r);
    await limits.joins.hit(req);
    const { room, learner, token } = r.value;
    ctx.log.log('info', 'learnerMoved', { classId: room.row.id, learnerId: learner.row.id, address: req.ip });
    return { learnerId: learner.row.id, name: learner.row.name, token, class: room.learnerInfo() };
  });
}
