import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Content } from './classroom/content';
import type { FeedTiming } from './classroom/dashboard-feed';
import { Registry } from './classroom/registry';
import { SLICE_MS } from './classroom/sliced';
import type { ServerContext } from './context';
import { buildApp } from './http/app';
import { DEFAULT_LIMITS } from './http/limits';
import { streamLogger, type Logger } from './log';
import { allowedHosts } from './security/hosts';
import { damagedFile, openDatabase } from './store/db';
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
  /** Extra host names requests may name (localhost, the listen host and the address reached always may). */
  allowedHosts?: readonly string[];
  joinFailuresPerMinute?: number;
  joinsPerMinute?: number;
  classesPerHour?: number;
  recoveryFailuresPerHour?: number;
  feedTiming?: FeedTiming;
  /** Messages per second each socket may send (default 20, bursts of 40). */
  messageRate?: MessageRate;
  /** How long one slice of a class debrief or export may hold the event loop (default 2 ms). */
  sliceMs?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  ctx: ServerContext;
  http: Server;
  close(): Promise<void>;
}

export { DEFAULT_LIMITS };

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
  let resumed;
  try {
    resumed = registry.loadLive();
  } catch (err) {
    await writer.close();
    db.close();
    throw damagedFile(path, err) ?? err;
  }
  log.log('info', 'dataOpened', { path, schemaFrom: migrated.from, schemaTo: migrated.to, ...resumed });

  const ctx: ServerContext = {
    registry,
    store,
    content,
    log,
    clock,
    allowedOrigins: new Set(o.allowedOrigins ?? []),
    allowedHosts: allowedHosts(o.host, o.allowedHosts),
    messageRate: o.messageRate ?? DEFAULT_MESSAGE_RATE,
    sliceMs: o.sliceMs ?? SLICE_MS,
  };
  const distDir = o.distDir && existsSync(o.distDir) ? o.distDir : null;
  ctx.gameServed = distDir !== null && existsSync(join(distDir, 'index.html'));

  const app = await buildApp(ctx, distDir, o);
  const http = app.server;
  const upgrade = createUpgradeHandler(ctx);
  http.on('upgrade', upgrade.handle);
  await app.listen({ port: o.port, host: o.host });
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
      http.closeAllConnections();
      await app.close();
      upgrade.wss.close();
      await writer.close();
      db.close();
    },
  };
}
