/**
 * `npm run bench`: speed figures for the engine, printed, never asserted. Run on a quiet
 * machine; each figure is the median of several rounds.
 */
import { spawnSync } from 'node:child_process';
import { createSession, monteCarloForecast, verifyReplay, type Scenario } from '../src/engine';
import { POLICIES, playToEnd } from '../src/bots';
import { findScenario, loadScenarioDir } from '../src/scenario/fs';
import seedrandom from 'seedrandom';

const ROUNDS = 5;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}
const now = () => Number(process.hrtime.bigint()) / 1e3; // microseconds

function runsPerSecond(scenario: Scenario, hash: string, policy: string, runs: number): { rate: number; steps: number } {
  const rates: number[] = [];
  let steps = 0;
  for (let r = 0; r < ROUNDS; r++) {
    steps = 0;
    const t0 = now();
    for (let seed = 0; seed < runs; seed++) {
      const s = createSession(scenario, seed, hash);
      playToEnd(s, POLICIES[policy]!(String(seed)));
      steps += s.step;
    }
    rates.push((runs * 1e6) / (now() - t0));
  }
  return { rate: median(rates), steps: steps / runs };
}

function dispatchLatency(scenario: Scenario, hash: string, runs: number): { median: number; p95: number; p99: number } {
  const samples: number[] = [];
  for (let seed = 0; seed < runs; seed++) {
    const s = createSession(scenario, seed, hash);
    const policy = POLICIES.random!(String(seed));
    while (!s.done) {
      const choice = policy.choose(s.observe());
      const t0 = now();
      s.dispatch(choice);
      samples.push(now() - t0);
    }
  }
  samples.sort((a, b) => a - b);
  return { median: percentile(samples, 0.5), p95: percentile(samples, 0.95), p99: percentile(samples, 0.99) };
}

/**
 * Where an action's time goes, over whole random runs: the listing (observe builds it), the
 * observation (built when the bot first reads it), the bot's choice, and dispatch.
 */
function actionSplit(scenario: Scenario, hash: string, runs: number): { listing: number; observation: number; bot: number; dispatch: number } {
  const total = { listing: 0, observation: 0, bot: 0, dispatch: 0 };
  let actions = 0;
  for (let seed = 0; seed < runs; seed++) {
    const s = createSession(scenario, seed, hash);
    const policy = POLICIES.random!(String(seed));
    while (!s.done) {
      const t0 = now();
      const step = s.observe();
      const t1 = now();
      void step.observation;
      const t2 = now();
      const choice = policy.choose(step);
      const t3 = now();
      s.dispatch(choice);
      const t4 = now();
      total.listing += t1 - t0;
      total.observation += t2 - t1;
      total.bot += t3 - t2;
      total.dispatch += t4 - t3;
      actions++;
    }
  }
  return { listing: total.listing / actions, observation: total.observation / actions, bot: total.bot / actions, dispatch: total.dispatch / actions };
}

function timeIt(fn: () => void, reps: number): number {
  const times: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = now();
    for (let i = 0; i < reps; i++) fn();
    times.push((now() - t0) / reps);
  }
  return median(times);
}

async function main(): Promise<void> {
  const found = await findScenario('corner-cafe');
  if (!found.ok) throw new Error('starter scenario missing');
  const { scenario, hash } = found;
  const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
  console.log(`Sprintwise engine benchmark: ${scenario.id} (${scenario.sprints} Sprints), Node ${process.version}, one core\n`);
  // Warm up the JIT and the statechart's memo tables.
  runsPerSecond(scenario, hash, 'random', 200);

  for (const policy of ['random', 'first']) {
    const { rate, steps } = runsPerSecond(scenario, hash, policy, 1000);
    console.log(`full runs/s, ${policy.padEnd(6)} policy: ${fmt(rate).padStart(7)}   (${fmt(steps, 1)} actions a run, ${fmt(1e6 / rate / steps, 1)} µs an action incl. policy)`);
  }
  const lat = dispatchLatency(scenario, hash, 300);
  console.log(`dispatch latency (random play): median ${fmt(lat.median, 1)} µs, p95 ${fmt(lat.p95, 1)} µs, p99 ${fmt(lat.p99, 1)} µs`);

  const split = actionSplit(scenario, hash, 200);
  console.log(
    `µs an action (random play): listing ${fmt(split.listing, 1)}, observation ${fmt(split.observation, 1)} (built on first read), bot ${fmt(split.bot, 1)}, dispatch ${fmt(split.dispatch, 1)}`,
  );

  const s = createSession(scenario, 1, hash);
  playToEnd(s, POLICIES.random!('1'));
  console.log(`replay export with checkpoint hashes: ${fmt(timeIt(() => createSessionAndExport(scenario, hash, s.replayLog().actions), 50), 0)} µs a run (re-simulate + SHA-256 of ${s.replayLog().checkpoints.length} checkpoints and the final state)`);
  console.log(`state hash (SHA-256 of canonical JSON): ${fmt(timeIt(() => s.stateHash(), 200), 0)} µs`);
  const rng = seedrandom('bench');
  console.log(`Monte Carlo forecast, 10,000 trials: ${fmt(timeIt(() => monteCarloForecast(120, [14, 9, 17, 12, 11, 15], 10_000, rng), 20) / 1000, 2)} ms`);

  const exit = await findScenario('platform-exit');
  if (exit.ok) {
    const six = createSession(exit.scenario, 1, exit.hash);
    playToEnd(six, POLICIES.principled!('1'));
    const log = six.replayLog();
    console.log(`replay verify, ${exit.scenario.id} (${exit.scenario.sprints} Sprints, ${log.actions.length} actions): ${fmt(timeIt(() => verifyReplay(log, exit.scenario, exit.hash), 20) / 1000, 2)} ms`);
  }
  console.log(allocationLine());

  // Every shipped scenario, with the policy that plays most like a learner and the random one.
  const all = await loadScenarioDir();
  console.log(`\nfull runs/s per shipped scenario (200 runs each, median of ${ROUNDS} rounds):`);
  console.log(`${'scenario'.padEnd(24)} Sprints  ${'principled'.padStart(10)}  ${'random'.padStart(8)}  actions/run (principled, random)`);
  for (const { scenario: sc, hash: h } of all.scenarios) {
    const p = runsPerSecond(sc, h, 'principled', 200);
    const r = runsPerSecond(sc, h, 'random', 200);
    console.log(`${sc.id.padEnd(24)} ${String(sc.sprints).padStart(7)}  ${fmt(p.rate).padStart(10)}  ${fmt(r.rate).padStart(8)}  ${fmt(p.steps, 0)}, ${fmt(r.steps, 0)}`);
  }
  const others = Object.keys(POLICIES).filter((n) => n !== 'principled' && n !== 'random');
  console.log(`\nfull runs/s with the other bots (100 runs each):`);
  console.log(`${'scenario'.padEnd(24)} ${others.map((n) => n.padStart(8)).join('  ')}`);
  for (const { scenario: sc, hash: h } of all.scenarios) {
    console.log(`${sc.id.padEnd(24)} ${others.map((n) => fmt(runsPerSecond(sc, h, n, 100).rate).padStart(8)).join('  ')}`);
  }
}

/**
 * Bytes allocated per action, measured in a child Node with a young generation large enough that
 * no collection runs during one game: the heap grows by what the game allocated.
 */
function allocationLine(): string {
  const child = spawnSync(process.execPath, ['--expose-gc', '--max-semi-space-size=512', '--import', 'tsx', 'scripts/bench-alloc.ts'], { encoding: 'utf8' });
  return child.status === 0 ? child.stdout.trim() : `allocations: not measured (${(child.stderr || child.stdout).trim().split('\n')[0]})`;
}

function createSessionAndExport(scenario: Scenario, hash: string, actions: readonly unknown[]): void {
  const s = createSession(scenario, 1, hash);
  for (const a of actions) s.dispatch(a);
  s.replayLog();
}

main().catch((e: unknown) => {
  console.error(`bench: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
