import type { WebSocket } from 'ws';
import type { ClassRoom, FacilitatorLink } from '../classroom/class-room';
import type { ServerContext } from '../context';
import { authoriseKey } from '../http/facilitator-auth';
import { CLOSE, FacilitatorClientMessage } from './messages';
import { guardMessages, sendJson } from './socket-guard';
import { HELLO_TIMEOUT_MS } from './learner-socket';

/** The live dashboard's socket: `auth` with class id and key, then updates flow one way. */
export function facilitatorSocket(ctx: ServerContext, ws: WebSocket, address: string, authenticated: () => void = () => undefined): void {
  let room: ClassRoom | null = null;
  const link: FacilitatorLink = { send: (m) => sendJson(ws, m), close: (code, reason) => ws.close(code, reason) };
  const outOfOrder = (code: string, message: string) => {
    ctx.log.log('warn', 'socketMessageRefused', { kind: 'facilitator', address, code });
    link.send({ type: 'error', code, message });
  };
  const timer = setTimeout(() => {
    if (!room) ws.close(CLOSE.authTimeout, 'send auth first');
  }, HELLO_TIMEOUT_MS);
  timer.unref();

  guardMessages(ws, {
    kind: 'facilitator',
    rate: ctx.messageRate,
    address,
    log: ctx.log,
    schema: FacilitatorClientMessage,
    who: () => (room ? { classId: room.row.id } : {}),
    handle: (m) => {
      switch (m.type) {
        case 'auth': {
          if (room) return outOfOrder('alreadyAuthenticated', 'this socket is already watching a class');
          const auth = authoriseKey(ctx, m.classId, m.key, 'dashboardSocket', address);
          if (!auth.ok) {
            link.send({ type: 'error', code: auth.code, message: auth.message });
            return ws.close(CLOSE.forbidden, auth.code);
          }
          room = auth.room;
          link.keyHash = auth.keyHash;
          authenticated();
          room.watch(link);
          return;
        }
        case 'sync':
          if (!room) return outOfOrder('authFirst', 'send {"type":"auth","classId":...,"key":...} first');
          return link.send({ type: 'dashboard', dashboard: room.dashboard() });
      }
    },
  });

  ws.on('close', () => {
    clearTimeout(timer);
    room?.unwatch(link);
  });
}
