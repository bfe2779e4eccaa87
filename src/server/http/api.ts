import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ClassRoom, OpResult } from '../classroom/class-room';
import { classDebrief } from '../classroom/class-debrief';
import { exportCsv, exportJson } from '../classroom/export';
import type { ServerContext } from '../context';
import { cleanText, normaliseDisplayName, TITLE_MAX } from '../security/names';
import { normaliseJoinCode, JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '../security/secrets';
import { readJson } from './body';
import { authorise } from './facilitator-auth';
import { addressOf, sendError, sendJson, sendText } from './respond';
import { CreateClassBody, InjectBody, JoinBody } from './schemas';

type Handler = (ctx: ServerContext, req: IncomingMessage, res: ServerResponse, params: string[]) => Promise<void> | void;

const ID = '([A-Za-z0-9_-]{1,60})';

/** Facilitator operations that take no body: each maps to one method of the class. */
const OPS: Record<string, (room: ClassRoom) => OpResult> = {
  pause: (r) => r.setPaused(true),
  resume: (r) => r.setPaused(false),
  lock: (r) => r.setLocked(true),
  unlock: (r) => r.setLocked(false),
  release: (r) => r.releaseNext(),
  end: (r) => r.end(),
  'coach-on': (r) => r.setCoach(true),
  'coach-off': (r) => r.setCoach(false),
};

function refuse(res: ServerResponse, r: { status: number; code: string; message: string }): void {
  sendError(res, r.status, r.code, r.message);
}

/** Runs `then` with the class when the request carries its facilitator key. */
function withRoom(op: string, then: (room: ClassRoom, ctx: ServerContext, req: IncomingMessage, res: ServerResponse, params: string[]) => Promise<void> | void): Handler {
  return (ctx, req, res, params) => {
    const auth = authorise(ctx, req, params[0]!, op);
    if (!auth.ok) return refuse(res, auth);
    return then(auth.room, ctx, req, res, params);
  };
}

function retryAfter(res: ServerResponse, ms: number, message: string): void {
  sendError(res, 429, 'rateLimited', message, { 'Retry-After': String(Math.ceil(ms / 1000)) });
}

const createClass: Handler = async (ctx, req, res) => {
  const address = addressOf(req);
  const wait = ctx.limits.creates.retryAfter(address);
  if (wait > 0) return retryAfter(res, wait, 'too many classes created from this address: try again later');
  const body = await readJson(req, CreateClassBody);
  if (!body.ok) return refuse(res, body);
  let title: string | undefined;
  if (body.value.title !== undefined && body.value.title.trim() !== '') {
    const t = cleanText(body.value.title, TITLE_MAX, 'title');
    if (!t.ok) return sendError(res, 400, 'invalid', `title: ${t.message}`);
    title = t.text;
  }
  const created = ctx.registry.create({ title, contentKind: body.value.content.kind, contentId: body.value.content.id, seedPolicy: body.value.seedPolicy, pacing: body.value.pacing, coach: body.value.coach });
  if (!created.ok) return sendError(res, 400, 'unknownContent', created.message);
  ctx.limits.creates.hit(address);
  const info = created.room.info();
  ctx.log.log('info', 'classCreated', { classId: info.id, address });
  // The key is in the fragment: browsers never send it to a server or put it in a Referer.
  const fragment = `#class=${encodeURIComponent(info.id)}&key=${encodeURIComponent(created.key)}`;
  sendJson(res, 201, {
    class: info,
    key: created.key,
    facilitatorUrl: `/facilitator/class${fragment}`,
    debriefUrl: `/facilitator/debrief${fragment}`,
    joinUrl: `/learn#code=${info.code}`,
  });
};

const CODE_SHAPE = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`);

const join: Handler = async (ctx, req, res) => {
  const address = addressOf(req);
  const wait = Math.max(ctx.limits.joinFailures.retryAfter(address), ctx.limits.joins.retryAfter(address));
  if (wait > 0) {
    ctx.log.log('warn', 'joinRateLimited', { address });
    return retryAfter(res, wait, 'too many join attempts from this address: wait a moment and check the code');
  }
  const body = await readJson(req, JoinBody);
  if (!body.ok) {
    ctx.log.log('warn', 'joinInvalid', { address, code: body.code });
    return refuse(res, body);
  }
  const name = normaliseDisplayName(body.value.name);
  if (!name.ok) return sendError(res, 400, 'invalidName', name.message);
  const code = normaliseJoinCode(body.value.code);
  const room = CODE_SHAPE.test(code) ? ctx.registry.byCode(code) : null;
  if (!room) {
    ctx.limits.joinFailures.hit(address);
    ctx.log.log('warn', 'joinUnknownCode', { address });
    return sendError(res, 404, 'unknownCode', 'no class has this code: check it with your facilitator');
  }
  const joined = room.join(name.text);
  if (!joined.ok) return refuse(res, joined);
  ctx.limits.joins.hit(address);
  const { learner, token } = joined.value;
  ctx.log.log('info', 'learnerJoined', { classId: room.row.id, learnerId: learner.row.id, address });
  sendJson(res, 201, { learnerId: learner.row.id, name: learner.row.name, token, class: room.learnerInfo() });
};

const opHandler = (op: string): Handler =>
  withRoom(op, (room, _ctx, req, res) => {
    req.resume();
    const r = OPS[op]!(room);
    if (!r.ok) return refuse(res, r);
    sendJson(res, 200, { class: r.value });
  });

const inject = withRoom('inject', async (room, _ctx, req, res) => {
  const body = await readJson(req, InjectBody);
  if (!body.ok) return refuse(res, body);
  const r = room.inject(body.value.cardId, body.value.scenarioId);
  if (!r.ok) return refuse(res, r);
  sendJson(res, 200, { injection: r.value, class: room.info() });
});

const removeLearner = withRoom('remove', (room, _ctx, req, res, params) => {
  req.resume();
  const r = room.remove(params[1]!);
  if (!r.ok) return refuse(res, r);
  sendJson(res, 200, { class: r.value });
});

const attachment = (name: string) => ({ 'Content-Disposition': `attachment; filename="${name}"` });

/** Routes of the HTTP API: method, path pattern, handler. */
export const API_ROUTES: [string, RegExp, Handler][] = [
  ['GET', /^\/api\/health$/, (_c, _q, res) => sendJson(res, 200, { ok: true })],
  ['GET', /^\/api\/catalogue$/, (ctx, _q, res) => sendJson(res, 200, ctx.content.catalogue())],
  ['POST', /^\/api\/classes$/, createClass],
  ['POST', /^\/api\/join$/, join],
  ['GET', new RegExp(`^/api/classes/${ID}$`), withRoom('dashboard', (room, _c, _q, res) => sendJson(res, 200, room.dashboard()))],
  ...Object.keys(OPS).map((op): [string, RegExp, Handler] => ['POST', new RegExp(`^/api/classes/${ID}/${op}$`), opHandler(op)]),
  ['POST', new RegExp(`^/api/classes/${ID}/inject$`), inject],
  ['POST', new RegExp(`^/api/classes/${ID}/learners/${ID}/remove$`), removeLearner],
  ['GET', new RegExp(`^/api/classes/${ID}/debrief$`), withRoom('debrief', (room, _c, _q, res) => sendJson(res, 200, classDebrief(room)))],
  [
    'GET',
    new RegExp(`^/api/classes/${ID}/export\\.json$`),
    withRoom('exportJson', (room, ctx, _q, res) => sendJson(res, 200, exportJson(room, ctx.store, ctx.clock()), attachment(`class-${room.row.id}.json`))),
  ],
  [
    'GET',
    new RegExp(`^/api/classes/${ID}/export\\.csv$`),
    withRoom('exportCsv', (room, _c, _q, res) => sendText(res, 200, 'text/csv; charset=utf-8', exportCsv(room), { 'Cache-Control': 'no-store', ...attachment(`class-${room.row.id}.csv`) })),
  ],
];

/** Runs the matching API route; false when none matches the path. */
export async function handleApi(ctx: ServerContext, req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
  let pathMatched = false;
  for (const [method, pattern, handler] of API_ROUTES) {
    const m = pattern.exec(path);
    if (!m) continue;
    pathMatched = true;
    if (req.method !== method && !(method === 'GET' && req.method === 'HEAD')) continue;
    await handler(ctx, req, res, m.slice(1));
    return true;
  }
  if (pathMatched) {
    req.resume();
    sendError(res, 405, 'methodNotAllowed', `${req.method ?? '?'} is not allowed on ${path}`);
    return true;
  }
  return false;
}
