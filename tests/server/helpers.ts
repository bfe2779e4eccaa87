import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { build } from 'vite';
import WebSocket from 'ws';
import type { Policy } from '../../src/bots';
import { repoRoot, viteConfig } from '../browser/paths';
import type { Step } from '../../src/engine';
import { memoryLogger } from '../../src/server/log';
import { startServer, type RunningServer, type ServerOptions } from '../../src/server/server';

export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface TestServer extends RunningServer {
  dataDir: string;
  logger: ReturnType<typeof memoryLogger>;
  stop(): Promise<void>;
}

export function tempDir(prefix = 'sprintwise-classroom-'): string {
  return mkdtempSync(joinPath(tmpdir(), prefix));
}

/** The game built into a temporary directory of its own (dist/ belongs to the browser tests), for a server to send. */
export async function buildGameInto(prefix: string): Promise<string> {
  const dir = tempDir(prefix);
  await build({ root: repoRoot, configFile: viteConfig, logLevel: 'warn', build: { outDir: dir, emptyOutDir: true } });
  return dir;
}

/** A real server on 127.0.0.1, an ephemeral port and a fresh data directory. */
export async function startTestServer(options: Partial<ServerOptions> = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? tempDir();
  const logger = memoryLogger();
  const server = await startServer({ port: 0, host: '127.0.0.1', dataDir, distDir: null, logger, feedTiming: { learnersMs: 20, resultsMs: 100 }, messageRate: { perSecond: 5000, burst: 5000 }, ...options });
  return {
    ...server,
    dataDir,
    logger,
    async stop() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function api(base: string, method: string, path: string, o: { body?: unknown; key?: string; headers?: Record<string, string>; raw?: string } = {}): Promise<{ status: number; json: Json; text: string; headers: Headers }> {
  const headers: Record<string, string> = { ...(o.headers ?? {}) };
  if (o.body !== undefined || o.raw !== undefined) headers['Content-Type'] ??= 'application/json';
  if (o.key !== undefined) headers.Authorization = `Bearer ${o.key}`;
  const send = () => fetch(`${base}${path}`, { method, headers, body: o.raw ?? (o.body === undefined ? undefined : JSON.stringify(o.body)) });
  let res: Response;
  try {
    res = await send();
  } catch (error) {
    // A pooled keep-alive connection the server closed as it was reused (seen on a loaded
    // machine): browsers retry such a GET by themselves, so the test client does too, once.
    if (method !== 'GET' || (error as { cause?: { code?: string } }).cause?.code !== 'UND_ERR_SOCKET') throw error;
    res = await send();
  }
  const text = await res.text();
  let json: Json = {};
  try {
    json = JSON.parse(text) as Json;
  } catch {
    /* CSV and pages are not JSON */
  }
  return { status: res.status, json, text, headers: res.headers };
}

export interface CreatedClass {
  id: string;
  code: string;
  key: string;
  info: Json;
}

export async function createClass(base: string, body: Json = {}): Promise<CreatedClass> {
  const r = await api(base, 'POST', '/api/classes', { body: { content: { kind: 'scenario', id: 'corner-cafe' }, ...body } });
  if (r.status !== 201) throw new Error(`create failed: ${r.status} ${r.text}`);
  return { id: r.json.class.id, code: r.json.class.code, key: r.json.key, info: r.json.class };
}

export async function joinClass(base: string, code: string, name: string): Promise<{ token: string; learnerId: string; name: string }> {
  const r = await api(base, 'POST', '/api/join', { body: { code, name } });
  if (r.status !== 201) throw new Error(`join failed: ${r.status} ${r.text}`);
  return { token: r.json.token, learnerId: r.json.learnerId, name: r.json.name };
}

export function wsUrl(base: string, path: string): string {
  return base.replace(/^http/, 'ws') + path;
}

/** A WebSocket that keeps every message it got, and waits for the next one matching a test. */
export class Socket {
  readonly ws: WebSocket;
  readonly received: Json[] = [];
  private cursor = 0;
  private waiters: (() => void)[] = [];
  closed: { code: number; reason: string } | null = null;
  readonly opened: Promise<void>;

  constructor(url: string, options: WebSocket.ClientOptions = {}) {
    this.ws = new WebSocket(url, options);
    this.opened = new Promise((resolve, reject) => {
      this.ws.once('open', () => resolve());
      this.ws.once('error', reject);
    });
    this.ws.on('message', (data) => {
      this.received.push(JSON.parse(String(data)) as Json);
      this.wake();
    });
    this.ws.on('close', (code, reason) => {
      this.closed = { code, reason: String(reason) };
      this.wake();
    });
    this.ws.on('error', () => undefined);
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  /** Any message received so far that matches, wherever the cursor is. */
  find(match: (m: Json) => boolean): Json | undefined {
    return this.received.find(match);
  }

  send(message: unknown): void {
    this.ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** The next message (after the last one returned) that matches, within `ms`. */
  async next(match: (m: Json) => boolean = () => true, ms = 10_000): Promise<Json> {
    const deadline = Date.now() + ms;
    for (;;) {
      while (this.cursor < this.received.length) {
        const m = this.received[this.cursor++]!;
        if (match(m)) return m;
      }
      if (this.closed) throw new Error(`socket closed (${this.closed.code} ${this.closed.reason}) while waiting`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for a message; last: ${JSON.stringify(this.received.at(-1))?.slice(0, 300)}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  async waitClosed(ms = 5000): Promise<{ code: number; reason: string }> {
    const deadline = Date.now() + ms;
    while (!this.closed) {
      if (Date.now() > deadline) throw new Error('socket did not close');
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, 50);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
    return this.closed;
  }

  close(): void {
    this.ws.close();
  }
}

/** A learner over the classroom protocol, numbering its actions like a real client. */
export class Learner {
  socket!: Socket;
  seq = 0;
  observation: Json | null = null;
  welcome: Json | null = null;

  constructor(
    readonly base: string,
    readonly token: string,
    readonly name = '',
  ) {}

  async connect(): Promise<this> {
    this.socket = new Socket(wsUrl(this.base, '/ws/learner'));
    await this.socket.opened;
    this.socket.send({ type: 'hello', token: this.token });
    this.welcome = await this.socket.next((m) => m.type === 'welcome');
    this.seq = Math.max(this.seq, this.welcome.lastSeq as number);
    this.observation = await this.socket.next((m) => m.type === 'observation');
    return this;
  }

  /** Sends one action and returns the server's answer to it: an ack (plus the new observation) or an error. */
  async act(action: Json, seq = ++this.seq): Promise<Json> {
    let reply: Json;
    for (;;) {
      this.socket.send({ type: 'action', seq, action });
      reply = await this.socket.next((m) => (m.type === 'ack' || m.type === 'error') && m.seq === seq);
      // A rate-limited action was not processed: a client waits and sends it again.
      if (reply.code !== 'rateLimited') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    if (reply.type === 'ack' && !reply.duplicate) this.observation = await this.socket.next((m) => m.type === 'observation');
    return reply;
  }

  step(): Step {
    const o = this.observation!;
    return { phase: o.phase, observation: o.observation, actions: o.actions, done: o.done } as Step;
  }

  /**
   * Plays with a bot until done or until `stopAfter` accepted actions. Under lock-step, a
   * refusal to move past the released stage waits for the next release and tries again.
   */
  async play(policy: Policy, o: { stopAfter?: number; onWait?: () => Promise<void> } = {}): Promise<{ accepted: Json[]; waits: number }> {
    const accepted: Json[] = [];
    let waits = 0;
    while (!this.observation!.done && (o.stopAfter === undefined || accepted.length < o.stopAfter)) {
      const action = policy.choose(this.step()) as Json;
      const reply = await this.act(action);
      if (reply.type === 'ack') accepted.push(action);
      else if (reply.code === 'waitForRelease' || reply.code === 'paused') {
        waits++;
        if (!o.onWait) throw new Error(`refused: ${reply.code}`);
        await o.onWait();
      } else throw new Error(`refused: ${reply.code} ${reply.message}`);
    }
    return { accepted, waits };
  }

  close(): void {
    this.socket?.close();
  }
}

/** Collects the dashboard's live updates. */
export class Dashboard {
  socket!: Socket;
  snapshot: Json | null = null;
  learners = new Map<string, Json>();

  constructor(
    readonly base: string,
    readonly classId: string,
    readonly key: string,
  ) {}

  async connect(): Promise<this> {
    this.socket = new Socket(wsUrl(this.base, '/ws/facilitator'));
    await this.socket.opened;
    this.socket.ws.on('message', (data) => {
      const m = JSON.parse(String(data)) as Json;
      if (m.type === 'dashboard') for (const l of m.dashboard.learners) this.learners.set(l.id, l);
      if (m.type === 'learners') for (const l of m.learners) this.learners.set(l.id, l);
    });
    this.socket.send({ type: 'auth', classId: this.classId, key: this.key });
    this.snapshot = await this.socket.next((m) => m.type === 'dashboard');
    return this;
  }

  /** Waits until the learner rows satisfy `ok`. */
  async until(ok: (learners: Map<string, Json>) => boolean, ms = 10_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!ok(this.learners)) {
      if (Date.now() > deadline) throw new Error(`dashboard never reached the expected state: ${JSON.stringify([...this.learners.values()].map((l) => [l.name, l.steps, l.phase]))}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  close(): void {
    this.socket?.close();
  }
}

/** Every string and key of a value, for "this never appears anywhere in what a learner got". */
export function deepStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) deepStrings(v, out);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      deepStrings(v, out);
    }
  return out;
}
