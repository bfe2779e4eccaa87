/**
 * `npm run bench:classroom -- [--seconds N] [--learners N] [--interval MS] [--refresh MS]`: load figures for the
 * classroom server, printed, never asserted. The server runs as its own process (as in a real
 * class) so its CPU and memory are measured apart from the simulated learners. Each learner
 * plays with the random bot, one action every interval; a learner who finishes joins again, so
 * the load stays steady. A facilitator dashboard watches throughout.
 * `--refresh MS` adds a facilitator who downloads the class debrief and the JSON export every MS
 * (as the guide tells people to refresh the debrief during play), to measure what that costs
 * learners' acks. `npm run bench:classroom:refresh` is the issue 18 run: 200 learners, one
 * action a second each, debrief and export every 5 s.
 */
import { spawn } from 'node:child_process';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import WebSocket from 'ws';
import { POLICIES } from '../src/bots';
import type { Step } from '../src/engine';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '120' }, learners: { type: 'string', default: '60' }, interval: { type: 'string', default: '500' }, refresh: { type: 'string', default: '0' } },
});
const REFRESH = Number(values.refresh);
const SECONDS = Number(values.seconds);
const LEARNERS = Number(values.learners);
const INTERVAL = Number(values.interval);
const ROOT = join(import.meta.dirname, '..');
const now = () => performance.now();

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]! : NaN;
}
function figures(samples: number[]): string {
  const s = [...samples].sort((a, b) => a - b);
  return `p50 ${percentile(s, 0.5).toFixed(1)} ms, p95 ${percentile(s, 0.95).toFixed(1)} ms, p99 ${percentile(s, 0.99).toFixed(1)} ms, max ${(s.at(-1) ?? NaN).toFixed(1)} ms (n=${s.length})`;
}

/** CPU seconds and RSS of a process, from /proc (Linux). */
function usage(pid: number): { cpu: number; rssMiB: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]); // utime + stime
  const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return { cpu: ticks / 100, rssMiB: rss ? Number(rss[1]) / 1024 : NaN };
}

async function post(base: string, path: string, body: unknown): Promise<Json> {
  const res = await fetch(`${base}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const json = (await res.json()) as Json;
  if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

function open(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

const dataDir = mkdtempSync(join(tmpdir(), 'sprintwise-bench-'));
const server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', '--port', '0', '--host', '127.0.0.1', '--data', dataDir, '--dist', join(ROOT, 'no-dist')], {
  cwd: ROOT,
  stdio: ['ignore', 'pipe', 'ignore'],
});
const base = await new Promise<string>((resolve, reject) => {
  createInterface({ input: server.stdout! }).on('line', (l) => {
    const m = /^listening (\S+)$/.exec(l);
    if (m) resolve(m[1]!);
  });
  server.once('exit', (c) => reject(new Error(`server exited with ${c}`)));
});
const wsBase = base.replace(/^http/, 'ws');
const pid = server.pid!;
const atStart = usage(pid);

const created = await post(base, '/api/classes', { content: { kind: 'scenario', id: 'corner-cafe' }, title: 'Bench' });
const classId: string = created.class.id;
const code: string = created.class.code;

// Dashboard: when does a learner's new step show up there?
const waitingForDashboard = new Map<string, { step: number; sentAt: number }[]>();
const dashboardLatency: number[] = [];
let dashboardMessages = 0;
const dashboard = await open(`${wsBase}/ws/facilitator`);
dashboard.on('message', (data) => {
  const m = JSON.parse(String(data)) as Json;
  dashboardMessages++;
  if (m.type !== 'learners') return;
  const at = now();
  for (const l of m.learners as Json[]) {
    const pending = waitingForDashboard.get(l.id);
    while (pending?.length && pending[0]!.step < l.steps) dashboardLatency.push(at - pending.shift()!.sentAt);
  }
});
dashboard.send(JSON.stringify({ type: 'auth', classId, key: created.key }));

const ackLatency: number[] = [];
/** Acks whose action was sent while a debrief or export download was in progress. */
const ackDuringRefresh: number[] = [];
const joinsRefused: string[] = [];
let refreshing = 0;
let errors = 0;
let finishedGames = 0;
let running = true;

/** One seat in the class: joins, plays one action per interval, joins again after finishing. */
async function seat(index: number): Promise<void> {
  let generation = 0;
  while (running) {
    let joined: Json;
    try {
      joined = await post(base, '/api/join', { code, name: `Learner ${index + 1}${generation ? ` (${generation + 1})` : ''}` });
    } catch (err) {
      // A class holds 200 learners, finished ones included: a seat that cannot join again stops.
      joinsRefused.push(String(err).slice(0, 120));
      return;
    }
    const id: string = joined.learnerId;
    waitingForDashboard.set(id, []);
    const ws = await open(`${wsBase}/ws/learner`);
    const policy = POLICIES.random!(`bench-${index}-${generation}`);
    let observation: Json | null = null;
    let inFlight: { seq: number; sentAt: number; refreshing: boolean } | null = null;
    let seq = 0;
    let wake: (() => void) | null = null;
    ws.on('message', (data) => {
      const m = JSON.parse(String(data)) as Json;
      if (m.type === 'observation') observation = m;
      if ((m.type === 'ack' || m.type === 'error') && inFlight && m.seq === inFlight.seq) {
        if (m.type === 'ack') {
          ackLatency.push(now() - inFlight.sentAt);
          if (inFlight.refreshing || refreshing > 0) ackDuringRefresh.push(now() - inFlight.sentAt);
          waitingForDashboard.get(id)!.push({ step: m.step, sentAt: inFlight.sentAt });
        } else errors++;
        inFlight = null;
      }
      if (m.type === 'observation' && !inFlight) wake?.();
    });
    ws.send(JSON.stringify({ type: 'hello', token: joined.token }));
    // Stagger the seats over one interval so the load is even, as in a real room.
    await new Promise((r) => setTimeout(r, generation === 0 ? (INTERVAL * index) / LEARNERS : 0));
    while (running) {
      const tick = new Promise((r) => setTimeout(r, INTERVAL));
      if (!observation) await new Promise<void>((r) => (wake = r));
      const o = observation as Json | null;
      if (o?.done) break;
      if (o && !inFlight) {
        const action = policy.choose({ phase: o.phase, observation: o.observation, actions: o.actions, done: o.done } as Step);
        inFlight = { seq: ++seq, sentAt: now(), refreshing: refreshing > 0 };
        ws.send(JSON.stringify({ type: 'action', seq, action }));
      }
      await tick;
    }
    if (observation && (observation as Json).done) finishedGames++;
    ws.close();
    generation++;
  }
}

/** What each download took (request sent → last byte read), and how big it was. */
const downloads = { debrief: [] as number[], export: [] as number[], bytes: { debrief: 0, export: 0 } };

/** The facilitator: the debrief, then the JSON export, every REFRESH ms, each read to the end. */
async function facilitatorRefreshes(): Promise<void> {
  const get = async (kind: 'debrief' | 'export', path: string) => {
    const start = now();
    refreshing++;
    try {
      const res = await fetch(`${base}/api/classes/${classId}${path}`, { headers: { Authorization: `Bearer ${created.key}` } });
      const body = await res.arrayBuffer();
      if (!res.ok) throw new Error(`${path}: ${res.status}`);
      downloads[kind].push(now() - start);
      downloads.bytes[kind] = Math.max(downloads.bytes[kind], body.byteLength);
    } finally {
      refreshing--;
    }
  };
  while (running) {
    const next = new Promise((r) => setTimeout(r, REFRESH));
    await get('debrief', '/debrief');
    await get('export', '/export.json');
    await next;
  }
}

const rss: number[] = [];
const sampler = setInterval(() => rss.push(usage(pid).rssMiB), 1000);
const loadStart = now();
const cpuStart = usage(pid).cpu;
const clientCpuStart = process.cpuUsage();
const seats = Array.from({ length: LEARNERS }, (_, i) => seat(i));
const refreshes = REFRESH > 0 ? facilitatorRefreshes() : Promise.resolve();
await new Promise((r) => setTimeout(r, SECONDS * 1000));
running = false;
await refreshes;
const cpuEnd = usage(pid).cpu;
const clientCpu = process.cpuUsage(clientCpuStart);
const wall = (now() - loadStart) / 1000;
clearInterval(sampler);
await Promise.race([Promise.all(seats), new Promise((r) => setTimeout(r, 3000))]);
const atEnd = usage(pid);
dashboard.close();
server.kill('SIGTERM');
rmSync(dataDir, { recursive: true, force: true });

console.log(`classroom bench: ${LEARNERS} learners, one action every ${INTERVAL} ms each, ${SECONDS} s, 1 dashboard${REFRESH > 0 ? `, debrief and JSON export every ${REFRESH} ms` : ''}`);
console.log(`  actions acknowledged: ${ackLatency.length} (${(ackLatency.length / wall).toFixed(1)}/s), refused: ${errors}, games finished: ${finishedGames}`);
console.log(`  ack latency:        ${figures(ackLatency)}`);
if (REFRESH > 0) {
  const mib = (n: number) => `${(n / 1048576).toFixed(1)} MiB`;
  console.log(`  ack, during a download: ${figures(ackDuringRefresh)}`);
  console.log(`  debrief download:   ${figures(downloads.debrief)}, largest ${mib(downloads.bytes.debrief)}`);
  console.log(`  JSON export:        ${figures(downloads.export)}, largest ${mib(downloads.bytes.export)}`);
}
if (joinsRefused.length) console.log(`  seats stopped:      ${joinsRefused.length} (joining again was refused: ${joinsRefused[0]})`);
console.log(`  dashboard latency:  ${figures(dashboardLatency)} (action sent → row updated on the dashboard)`);
console.log(`  dashboard messages: ${dashboardMessages} (${(dashboardMessages / wall).toFixed(1)}/s)`);
console.log(`  server CPU:         ${(cpuEnd - cpuStart).toFixed(1)} s over ${wall.toFixed(1)} s = ${((100 * (cpuEnd - cpuStart)) / wall).toFixed(1)}% of one core`);
console.log(`  bench client CPU:   ${((clientCpu.user + clientCpu.system) / 1e6).toFixed(1)} s (the simulated learners and dashboard, in this process)`);
console.log(`  machine:            ${cpus().length} cores, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} (other work on the machine inflates latency)`);
console.log(`  server RSS:         start ${atStart.rssMiB.toFixed(0)} MiB, end ${atEnd.rssMiB.toFixed(0)} MiB, peak ${Math.max(...rss).toFixed(0)} MiB`);
process.exit(0);
