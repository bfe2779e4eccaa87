import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ClassRoom, OpResult } from '../classroom/class-room';
import { Readable } from 'node:stream';
import { classDebriefJson } from '../classroom/class-debrief';
import { exportCsv, exportJson } from '../classroom/export';
import { learnerRuns } from '../classroom/learner-run';
import type { ServerContext } from '../context';
import { cleanText, normaliseDisplayName, TITLE_MAX } from '../security/names';
import { normaliseJoinCode, JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '../security/secrets';
import { sendError } from './errors';
import { facilitatorLinks, viewUrl } from './access';
import { authorise } from './facilitator-auth';
import type { Limits } from './limits';
import { CreateClassBody, InjectBody, JoinBody } from './schemas';

/** Facilitator operations that take no body: each maps to one method of the class. */
const OPS: Record<string, (room: ClassRoom) => OpResult> = {
  pause: (r) => r.setPaused(true),
  resume: (r) => r.setPaused(false),
  lock: (r) => r.setLocked(true),
  unlock: (r) => r.setLocked(false),
  release: (r) => r.releaseNext(),
  unrelease: (r) => r.unreleaseLast(),
  end: (r) => r.end(),
  'coach-on': (r) => r.setCoach(true),
  'coach-off': (r) => r.setCoach(false),
};

const CODE_SHAPE = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`);
const ID = /^[A-Za-z0-9_-]{1,60}$/;

type Refusal = { status: number; code: string; message: string };
const refuse = (reply: FastifyReply, r: Refusal) => sendError(reply, r.status, r.code, r.message);

function retryAfter(reply: FastifyReply, ms: number, message: string): FastifyReply {
  return sendError(reply.header('retry-after', String(Math.ceil(ms / 1000))), 429, 'rateLimited', message);
}

/**
 * The HTTP API. Checks that need no body (the facilitator key, rate limits) run on `onRequest`,
 * before the body is read; bodies are JSON of at most 16 KiB, checked with the zod schemas.
 */
export async function registerApi(app: FastifyInstance, ctx: ServerContext, limits: Limits): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const rooms = new WeakMap<FastifyRequest, ClassRoom>();
  const roomOf = (req: FastifyRequest) => rooms.get(req)!;
  /** Requests made with the read-only co-facilitator key. */
  const viewOnly = new WeakSet<FastifyRequest>();
  api.addHook('onRequest', async (_req, reply) => void reply.header('cache-control', 'no-store'));

  /** Route options that admit only the class's facilitator (ids in the path are checked too). */
  const facilitator = (op: string) => ({
    onRequest: async (req: FastifyRequest, reply: FastifyReply) => {
      const params = req.params as Record<string, string>;
      if (!Object.values(params).every((v) => ID.test(v))) return sendError(reply, 404, 'notFound', `no API at ${req.url.slice(0, 200)}`);
      const auth = authorise(ctx, req.headers.authorization, req.ip, params.id!, op);
      if (!auth.ok) return refuse(reply, auth);
      rooms.set(req, auth.room);
      if (auth.access === 'view') viewOnly.add(req);
    },
  });

  api.get('/api/health', async (_req, reply) => {
    const storage = ctx.store.health.status;
    return reply.code(storage.ok ? 200 : 503).send(storage.ok ? { ok: true, storage } : { ok: false, storage, message: `storage is failing: ${storage.message}` });
  });

  // What browsers send to the CSP's report-uri: logged (clipped, at most 30 a minute per address).
  api.addContentTypeParser('application/csp-report', { parseAs: 'string' }, (_req, body, done) => done(null, String(body).slice(0, 2000)));
  api.post('/api/csp-report', { config: { rateLimit: { max: 30, timeWindow: 60_000 } } }, async (req, reply) => {
    ctx.log.log('warn', 'cspViolation', { address: req.ip, report: typeof req.body === 'string' ? req.body : JSON.stringify(req.body).slice(0, 2000) });
    return reply.code(204).send();
  });
  api.get('/api/catalogue', async () => ctx.content.catalogue());

  api.post('/api/classes', {
    schema: { body: CreateClassBody },
    onRequest: async (req, reply) => {
      const wait = await limits.creates.wait(req);
      if (wait > 0) return retryAfter(reply, wait, 'too many classes created from this address: try again later');
    },
  }, async (req, reply) => {
    const body = req.body;
    let title: string | undefined;
    if (body.title !== undefined && body.title.trim() !== '') {
      const t = cleanText(body.title, TITLE_MAX, 'title');
      if (!t.ok) return sendError(reply, 400, 'invalid', `title: ${t.message}`);
      title = t.text;
    }
    const created = ctx.registry.create({ title, contentKind: body.content.kind, contentId: body.content.id, seedPolicy: body.seedPolicy, pacing: body.pacing, coach: body.coach });
    if (!created.ok) return sendError(reply, 400, 'unknownContent', created.message);
    await limits.creates.hit(req);
    const info = created.room.info();
    ctx.log.log('info', 'classCreated', { classId: info.id, address: req.ip });
    // The keys are in the fragments (see access.ts); the recovery code is shown this once.
    const { key, recoveryCode, viewKey } = created;
    return reply.code(201).send({ class: info, key, recoveryCode, viewKey, ...facilitatorLinks(info.id, key), viewUrl: viewUrl(info.id, viewKey), joinUrl: ctx.gameServed ? `/?join=${info.code}` : `/learn#code=${info.code}` });
  });

  api.post('/api/join', {
    schema: { body: JoinBody },
    onRequest: async (req, reply) => {
      const wait = Math.max(await limits.joinFailures.wait(req), await limits.joins.wait(req));
      if (wait > 0) {
        ctx.log.log('warn', 'joinRateLimited', { address: req.ip });
        return retryAfter(reply, wait, 'too many join attempts from this address: wait a moment and check the code');
      }
    },
  }, async (req, reply) => {
    // Every failed join counts toward the address's limit, whatever the reason.
    const failed = async (r: Refusal) => {
      await limits.joinFailures.hit(req);
      ctx.log.log('warn', r.code === 'unknownCode' ? 'joinUnknownCode' : 'joinFailed', { address: req.ip, code: r.code });
      return refuse(reply, r);
    };
    const name = normaliseDisplayName(req.body.name);
    if (!name.ok) return failed({ status: 400, code: 'invalidName', message: name.message });
    const code = normaliseJoinCode(req.body.code);
    const row = CODE_SHAPE.test(code) ? ctx.store.classByCode(code) : null;
    if (!row) return failed({ status: 404, code: 'unknownCode', message: 'no class has this code: check it with your facilitator' });
    // An ended class answers from its row: it is not loaded (and its games re-simulated) to say no.
    if (row.status === 'ended') return failed({ status: 409, code: 'ended', message: 'this class has ended' });
    const room = ctx.registry.byId(row.id);
    if (!room) return failed({ status: 409, code: 'unavailable', message: ctx.registry.unavailable.get(row.id) ?? 'this class cannot be opened' });
    const joined = room.join(name.text);
    if (!joined.ok) return failed(joined);
    await limits.joins.hit(req);
    const { learner, token } = joined.value;
    ctx.log.log('info', 'learnerJoined', { classId: room.row.id, learnerId: learner.row.id, address: req.ip });
    return reply.code(201).send({ learnerId: learner.row.id, name: learner.row.name, token, class: room.learnerInfo() });
  });

  api.get('/api/classes/:id', facilitator('dashboard'), async (req) => roomOf(req).dashboard());
  for (const op of Object.keys(OPS)) {
    api.post(`/api/classes/:id/${op}`, facilitator(op), async (req, reply) => {
      const r = OPS[op]!(roomOf(req));
      return r.ok ? { class: r.value } : refuse(reply, r);
    });
  }
  api.post('/api/classes/:id/inject', { schema: { body: InjectBody }, ...facilitator('inject') }, async (req, reply) => {
    const room = roomOf(req);
    const r = room.inject(req.body.cardId, req.body.scenarioId);
    if (!r.ok) return refuse(reply, r);
    // The answer waits (a moment at most) for the deliveries started now: it says what happened.
    const injection = await Promise.race([r.value.settled, new Promise<null>((resolve) => setTimeout(resolve, 3000, null))]);
    return { injection: injection ?? room.injections().find((i) => i.id === r.value.info.id) ?? r.value.info, class: room.info() };
  });
  api.post('/api/classes/:id/learners/:learner/remove', facilitator('remove'), async (req, reply) => {
    const r = roomOf(req).remove((req.params as { learner: string }).learner);
    return r.ok ? { class: r.value } : refuse(reply, r);
  });
  // The drill-down: a learner's runs so far. A replay log carries the seed: it goes only to the
  // facilitator key while the class runs (never in a URL); the read-only key gets the choices.
  api.get('/api/classes/:id/learners/:learner/runs', facilitator('learnerRuns'), async (req, reply) => {
    const room = roomOf(req);
    const entry = room.learners.get((req.params as { learner: string }).learner);
    if (!entry) return sendError(reply, 404, 'unknownLearner', 'no learner with this id in this class');
    const withReplays = !viewOnly.has(req) || !room.live;
    return { ...(await learnerRuns(entry, ctx.store.actionsOf(entry.row.id), withReplays, ctx.sliceMs)), viewer: ctx.gameServed === true };
  });
  // Built a slice at a time and streamed (see classroom/sliced.ts): learners' acks go on meanwhile.
  api.get('/api/classes/:id/debrief', facilitator('debrief'), async (req, reply) => reply.type('application/json; charset=utf-8').send(Readable.from(classDebriefJson(roomOf(req), ctx.sliceMs))));
  const attachment = (reply: FastifyReply, name: string) => reply.header('content-disposition', `attachment; filename="${name}"`);
  api.get('/api/classes/:id/export.json', facilitator('exportJson'), async (req, reply) => {
    const room = roomOf(req);
    return attachment(reply, `class-${room.row.id}.json`).type('application/json; charset=utf-8').send(Readable.from(exportJson(room, ctx.store, ctx.clock(), ctx.sliceMs)));
  });
  api.get('/api/classes/:id/export.csv', facilitator('exportCsv'), async (req, reply) => {
    const room = roomOf(req);
    return attachment(reply, `class-${room.row.id}.csv`).type('text/csv; charset=utf-8').send(exportCsv(room, ctx.store));
  });
}
