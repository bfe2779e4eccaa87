import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ServerContext } from '../context';
import { addressGroup } from '../security/address-group';
import { hostAllowed } from '../security/hosts';
import { facilitatorSocket } from './facilitator-socket';
import { learnerSocket } from './learner-socket';
import { MAX_MESSAGE_BYTES } from './socket-guard';

/**
 * Browsers send Origin on every WebSocket handshake and let any page open one, so a socket from
 * another site's page is refused. Clients that are not browsers (bots, tests) send no Origin.
 */
export function originAllowed(req: IncomingMessage, allowed: ReadonlySet<string>): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  if (allowed.has(origin)) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

function reject(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/** Sockets per address (group) that have not yet sent hello or auth: above a whole class behind one NAT. */
export const MAX_UNAUTHENTICATED_PER_ADDRESS = 250;

const ROUTES: Record<string, (ctx: ServerContext, ws: WebSocket, address: string, authenticated: () => void) => void> = {
  '/ws/learner': learnerSocket,
  '/ws/facilitator': facilitatorSocket,
};

/** A laptop that sleeps or leaves the Wi-Fi never closes its socket: unanswered pings do. */
export const PING_INTERVAL_MS = 20_000;

/** Handles `upgrade` on the HTTP server: one WebSocketServer, two paths. */
export function createUpgradeHandler(ctx: ServerContext): { handle: (req: IncomingMessage, socket: Duplex, head: Buffer) => void; wss: WebSocketServer; stop: () => void } {
  // maxPayload is the hard stop (the socket is closed); messages between MAX_MESSAGE_BYTES and it
  // get an error reply instead, so an honest client learns what went wrong.
  const wss = new WebSocketServer({ noServer: true, maxPayload: 4 * MAX_MESSAGE_BYTES, perMessageDeflate: false, clientTracking: true });
  const handle = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const address = req.socket.remoteAddress ?? 'unknown';
    if (!hostAllowed(req.headers.host, ctx.allowedHosts, req.socket.localAddress)) {
      ctx.log.log('warn', 'hostRefused', { address, host: String(req.headers.host).slice(0, 200), upgrade: true });
      return reject(socket, 403, 'Forbidden');
    }
    const path = (req.url ?? '').split('?')[0]!;
    const route = ROUTES[path];
    if (!route) {
      ctx.log.log('warn', 'upgradeUnknownPath', { address, path: path.slice(0, 100) });
      return reject(socket, 404, 'Not Found');
    }
    if (!originAllowed(req, ctx.allowedOrigins)) {
      ctx.log.log('warn', 'upgradeOriginRefused', { address, origin: String(req.headers.origin).slice(0, 200) });
      return reject(socket, 403, 'Forbidden');
    }
    const group = addressGroup(address);
    if ((pending.get(group) ?? 0) >= MAX_UNAUTHENTICATED_PER_ADDRESS) {
      ctx.log.log('warn', 'upgradeTooManyPending', { address });
      return reject(socket, 429, 'Too Many Requests');
    }
    pending.set(group, (pending.get(group) ?? 0) + 1);
    let counted = true;
    const settle = () => {
      if (!counted) return;
      counted = false;
      const n = (pending.get(group) ?? 1) - 1;
      if (n > 0) pending.set(group, n);
      else pending.delete(group);
    };
    socket.once('close', settle);
    wss.handleUpgrade(req, socket, head, (ws) => {
      alive.add(ws);
      ws.on('pong', () => alive.add(ws));
      ws.on('error', (e) => ctx.log.log('warn', 'socketError', { address, error: e.message }));
      ws.once('close', settle);
      route(ctx, ws, address, settle);
    });
  };
  const alive = new WeakSet<WebSocket>();
  /** Address group → sockets not yet authenticated. */
  const pending = new Map<string, number>();
  const pinger = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.has(ws)) {
        ws.terminate();
        continue;
      }
      alive.delete(ws);
      ws.ping();
    }
  }, PING_INTERVAL_MS);
  pinger.unref();
  return { handle, wss, stop: () => clearInterval(pinger) };
}
