import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { renderSVG } from 'uqr';
import { z } from 'zod';
import type { ClassRoom } from '../classroom/class-room';
import { ANNOUNCEMENT_MAX, announce, latestNotes, setTimer, TIMER_MAX_MINUTES } from '../classroom/notes';
import type { ServerContext } from '../context';
import { cleanText } from '../security/names';
import { sendError } from './errors';
import { authorise } from './facilitator-auth';

/** 2,000 characters is only a bound on the raw input: the text is cleaned and measured after parsing. */
export const AnnounceBody = z.strictObject({ text: z.string().max(2000) });
export const TimerBody = z.strictObject({ minutes: z.int().min(1).max(TIMER_MAX_MINUTES).nullable() });

const ID = /^[A-Za-z0-9_-]{1,60}$/;

/** The join link learners open: the game when this server serves it, else the minimal learner page. */
export function joinUrl(req: FastifyRequest, code: string, game: boolean): string {
  const origin = `${req.protocol}://${req.host}`;
  return game ? `${origin}/?join=${encodeURIComponent(code)}` : `${origin}/learn#code=${encodeURIComponent(code)}`;
}

/** A QR code of `text` as an SVG document (dark modules on white, a quiet zone of 4 modules). */
export function qrSvg(text: string): string {
  return renderSVG(text, { border: 4, ecc: 'M', whiteColor: '#ffffff', blackColor: '#071521' });
}

/**
 * The projector lobby's data and the facilitator's messages to the class: announcements and
 * suggested stage times (see classroom/notes.ts). Facilitator key required, like the dashboard.
 */
export async function registerLobbyApi(app: FastifyInstance, ctx: ServerContext, o: { game: boolean }): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const rooms = new WeakMap<FastifyRequest, ClassRoom>();
  api.addHook('onRequest', async (_req, reply) => void reply.header('cache-control', 'no-store'));
  const facilitator = (op: string) => ({
    onRequest: async (req: FastifyRequest, reply: FastifyReply) => {
      const { id } = req.params as { id: string };
      if (!ID.test(id)) return sendError(reply, 404, 'notFound', `no API at ${req.url.slice(0, 200)}`);
      const auth = authorise(ctx, req.headers.authorization, req.ip, id, op);
      if (!auth.ok) return sendError(reply, auth.status, auth.code, auth.message);
      rooms.set(req, auth.room);
    },
  });

  api.get('/api/classes/:id/lobby', facilitator('lobby'), async (req) => {
    const room = rooms.get(req)!;
    const url = joinUrl(req, room.row.code, o.game);
    return { class: room.info(), joinUrl: url, qrSvg: qrSvg(url), ...latestNotes(ctx.store, room, ctx.clock()) };
  });

  api.post('/api/classes/:id/announce', { schema: { body: AnnounceBody }, ...facilitator('announce') }, async (req, reply) => {
    const room = rooms.get(req)!;
    const text = cleanText(req.body.text, ANNOUNCEMENT_MAX, 'announcement');
    if (!text.ok) return sendError(reply, 400, 'invalid', text.message);
    const r = announce(ctx.store, room, text.text, ctx.clock());
    if (r.ok) {
      ctx.log.log('info', 'facilitatorOp', { classId: room.row.id, op: 'announce' });
      return r.value;
    }
    if ('retryMs' in r) reply.header('retry-after', String(Math.ceil(r.retryMs / 1000)));
    return sendError(reply, r.status, r.code, r.message);
  });

  api.post('/api/classes/:id/timer', { schema: { body: TimerBody }, ...facilitator('timer') }, async (req, reply) => {
    const room = rooms.get(req)!;
    const r = setTimer(ctx.store, room, req.body.minutes, ctx.clock());
    if (!r.ok) return sendError(reply, r.status, r.code, r.message);
    ctx.log.log('info', 'facilitatorOp', { classId: room.row.id, op: 'timer' });
    return r.value;
  });
}
