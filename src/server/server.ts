import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Content } from './classroom/content';
import type { FeedTiming } from './classroom/dashboard-feed';
import { Registry } from './classroom/registry';
import type { ServerContext } from './context';
import { handleApi } from './http/api';
import { handlePage } from './http/pages';
import { sendError } from './http/respond';
import { streamLogger, type Logger } from './log';
import { RateLimiter } from './security/rate-limit';
import { openDatabase } from './store/db';
import { ActionWriter } from './store/action-writer';
import { Store } from './store/store';
import { DEFAULT_MESSAGE_RATE, type MessageRate } from './ws/socket-guard';
import { createUpgradeHandler } from './ws/upgrade';

export interface ServerOptions {
  port: number;
  host: string;
  dataDir: string;
  /** The built game to serve at `/`; null or a missing directory serves the server's own index. */
  distDir?: string | null;
  /** Where scenarios and campaigns are read (default: the repository's `scenarios/`). */
  scenarioDir?: string;
  logger?: Logger;
  clock?: () => Date;
  /** Extra origins allowed to open WebSockets (the server's own origin always is). */
  allowedOrigins?: readonly string[];
  joinFailuresPerMinute?: number;
  joinsPerMinute?: number;
  classesPerHour?: number;
  feedTiming?: FeedTiming;
  /** Messages per second each socket may send (default 20, bursts of 40). */
  messageRate?: MessageRate;
}

export interface RunningServer {
  url: string;
  port: number;
  ctx: ServerContext;
  http: Server;
  close(): Promise<void>;
}

export const DEFAULT_LIMITS = { joinFailuresPerMinute: 20, joinsPerMinute: 240, classesPerHour: 30 };

/** Starts the classroom server: opens (or creates) the data file, resumes live classes, listens. */
export async function startServer(o: ServerOptions): Promise<RunningServer> {
  const log = o.logger ?? streamLogger();
  const clock = o.clock ?? (() => new Date());
  const content = await Content.load(o.scenarioDir);
  for (const p of content.problems) log.log('warn', 'scenarioProblem', { problem: p });
  const { db, path, migrated } = openDatabase(o.dataDir);
  const writer = new ActionWriter(path);
  const store = new Store(db, writer);
  const registry = new Registry(store, content, log, clock, o.feedTiming);
  const resumed = registry.loadLive();
  log.log('info', 'dataOpened', { path, schemaFrom: migrated.from, schemaTo: migrated.to, ...resumed });

  const ctx: ServerContext = {
    registry,
    store,
    content,
    log,
    clock,
    limits: {
      joinFailures: new RateLimiter(o.joinFailuresPerMinute ?? DEFAULT_LIMITS.joinFailuresPerMinute, 60_000),
      joins: new RateLimiter(o.joinsPerMinute ?? DEFAULT_LIMITS.joinsPerMinute, 60_000),
      creates: new RateLimiter(o.classesPerHour ?? DEFAULT_LIMITS.classesPerHour, 3_600_000),
    },
    allowedOrigins: new Set(o.allowedOrigins ?? []),
    messageRate: o.messageRate ?? DEFAULT_MESSAGE_RATE,
  };
  const distDir = o.distDir && existsSync(o.distDir) ? o.distDir : null;

  const onRequest = async (req: IncomingMessage, res: ServerResponse) => {
    try {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      if (path.startsWith('/api/')) {
        if (!(await handleApi(ctx, req, res, path))) {
          req.resume();
          sendError(res, 404, 'notFound', `no API at ${path.slice(0, 200)}`);
        }
      } else if (req.method === 'GET' || req.method === 'HEAD') {
        await handlePage(req, res, path, distDir);
      } else {
        req.resume();
        sendError(res, 405, 'methodNotAllowed', 'only GET and HEAD outside /api');
      }
    } catch (e) {
      log.log('error', 'requestFailed', { url: (req.url ?? '').slice(0, 200), error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
      if (!res.headersSent) sendError(res, 500, 'internal', 'the server failed on this request');
      else res.destroy();
    }
  };

  const http = createServer({ maxHeaderSize: 16 * 1024, requestTimeout: 30_000 }, (req, res) => void onRequest(req, res));
  const upgrade = createUpgradeHandler(ctx);
  http.on('upgrade', upgrade.handle);
  http.on('clientError', (_e, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(o.port, o.host, () => {
      http.off('error', reject);
      resolve();
    });
  });
  const port = (http.address() as AddressInfo).port;
  const host = o.host.includes(':') ? `[${o.host}]` : o.host;
  const url = `http://${host === '0.0.0.0' || host === '[::]' ? 'localhost' : host}:${port}`;

  let closed = false;
  return {
    url,
    port,
    ctx,
    http,
    async close() {
      if (closed) return;
      closed = true;
      registry.close();
      upgrade.stop();
      for (const ws of upgrade.wss.clients) ws.terminate();
      await new Promise<void>((resolve) => {
        http.close(() => resolve());
        http.closeAllConnections();
      });
      upgrade.wss.close();
      await writer.close();
      db.close();
    },
  };
}
