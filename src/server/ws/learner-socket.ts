import type { WebSocket } from 'ws';
import type { ClassRoom, LearnerEntry, LearnerLink } from '../classroom/class-room';
import type { ServerContext } from '../context';
import { sendNotes } from '../classroom/notes';
import { CLOSE, LearnerClientMessage } from './messages';
import { guardMessages, sendJson } from './socket-guard';

export const HELLO_TIMEOUT_MS = 10_000;

/**
 * A learner's socket: `hello` with the resume token binds it to one learner's game, and from then
 * on every action is that learner's. No message names a learner, so none can reach another's game.
 */
export function learnerSocket(ctx: ServerContext, ws: WebSocket, address: string, authenticated: () => void = () => undefined): void {
  let bound: { room: ClassRoom; learner: LearnerEntry } | null = null;
  const link: LearnerLink = { send: (m) => sendJson(ws, m), close: (code, reason) => ws.close(code, reason) };
  const outOfOrder = (code: string, message: string, seq?: number) => {
    ctx.log.log('warn', 'socketMessageRefused', { kind: 'learner', address, code, ...(bound ? { learnerId: bound.learner.row.id } : {}) });
    link.send(seq === undefined ? { type: 'error', code, message } : { type: 'error', code, message, seq });
  };
  const timer = setTimeout(() => {
    if (!bound) ws.close(CLOSE.authTimeout, 'send hello first');
  }, HELLO_TIMEOUT_MS);
  timer.unref();

  guardMessages(ws, {
    kind: 'learner',
    rate: ctx.messageRate,
    address,
    log: ctx.log,
    schema: LearnerClientMessage,
    who: () => (bound ? { classId: bound.room.row.id, learnerId: bound.learner.row.id } : {}),
    handle: (m) => {
      switch (m.type) {
        case 'hello': {
          if (bound) return outOfOrder('alreadyHello', 'this socket already belongs to a learner');
          const found = ctx.registry.byLearnerToken(m.token);
          if (!found) {
            ctx.log.log('warn', 'learnerAuthFailed', { address });
            link.send({ type: 'error', code: 'forbidden', message: 'unknown learner token: join the class again' });
            return ws.close(CLOSE.forbidden, 'unknown token');
          }
          if ('unavailable' in found) {
            ctx.log.log('error', 'learnerClassUnavailable', { address, reason: found.unavailable });
            link.send({ type: 'error', code: 'unavailable', message: `your class cannot be resumed: ${found.unavailable}; tell the facilitator` });
            return ws.close(CLOSE.unavailable, 'class unavailable');
          }
          if (found.learner.row.removedAt !== null) {
            link.send({ type: 'removed', message: 'the facilitator removed you from this class' });
            return ws.close(CLOSE.removed, 'removed');
          }
          bound = found;
          authenticated();
          found.room.attach(found.learner, link);
          sendNotes(ctx.store, found.room, link, ctx.clock());
          return;
        }
        case 'action':
          if (!bound) return outOfOrder('helloFirst', 'send {"type":"hello","token":...} first', m.seq);
          return bound.room.act(bound.learner, m.seq, m.action, link.send);
        case 'sync':
          if (!bound) return outOfOrder('helloFirst', 'send {"type":"hello","token":...} first');
          return bound.room.sendPosition(bound.learner, link);
      }
    },
  });

  ws.on('close', () => {
    clearTimeout(timer);
    bound?.room.detach(bound.learner, link);
  });
}
