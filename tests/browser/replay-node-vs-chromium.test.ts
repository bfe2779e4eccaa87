import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { POLICIES, playToEnd } from '../../src/bots';
import { createSession, type ReplayLog } from '../../src/engine';
import { readLink, replayLink } from '../../src/replay';
import { formatProblem, loadScenarioText } from '../../src/scenario';
import { repoRoot } from './paths';

/*
 * Determinism across runtimes without the game: the engine, the scenario loader and the link
 * helpers bundled into one IIFE, injected into about:blank in headless Chromium, fed the
 * scenario text and 100 replays recorded in Node, and asked for the hashes.
 */

const SEEDS = 100;
const SCENARIO_FILE = 'corner-cafe.yaml';
const BASE = 'https://sprintwise.example/';

/** What the bundle exposes as `window.SprintwiseReplayCheck`. */
const ENTRY = `
export { createSession, verifyReplay, ENGINE_VERSION } from './src/engine';
export { loadScenarioText } from './src/scenario';
export { readLink, replayLink } from './src/replay';
`;

let browser: Browser;
let page: Page;
const scenarioText = readFileSync(join(repoRoot, 'scenarios', SCENARIO_FILE), 'utf8');
const loaded = loadScenarioText(scenarioText, SCENARIO_FILE);
if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
const { scenario, hash } = loaded;
const replays: ReplayLog[] = [];

beforeAll(async () => {
  for (let seed = 0; seed < SEEDS; seed++) {
    const session = createSession(scenario, `chromium-${seed}`, hash);
    playToEnd(session, POLICIES.random!(`chromium-${seed}`));
    replays.push(session.replayLog());
  }
  const bundle = await build({
    stdin: { contents: ENTRY, resolveDir: repoRoot, loader: 'ts', sourcefile: 'replay-check-entry.ts' },
    bundle: true,
    format: 'iife',
    globalName: 'SprintwiseReplayCheck',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  browser = await chromium.launch({
    executablePath: inject('chromiumPath'),
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('about:blank');
  await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
  expect(errors).toEqual([]);
  expect(await page.evaluate(() => typeof (window as unknown as { SprintwiseReplayCheck?: unknown }).SprintwiseReplayCheck)).toBe('object');
});

afterAll(async () => {
  await browser?.close();
});

/** The bundle's exports, typed as the modules they come from. */
type Bundle = typeof import('../../src/engine') & typeof import('../../src/scenario') & typeof import('../../src/replay');

describe('Node and Chromium compute the same hashes', () => {
  it(`${SEEDS} seeds of random play: Chromium re-simulates each replay to the final hash Node recorded, and verifies it`, async () => {
    const results = await page.evaluate(
      ({ text, file, logs }) => {
        const S = (window as unknown as { SprintwiseReplayCheck: Bundle }).SprintwiseReplayCheck;
        const loadedThere = S.loadScenarioText(text, file);
        if (!loadedThere.ok) return { error: loadedThere.problems.map((p) => p.message).join('; ') };
        const { scenario: there, hash: hashThere } = loadedThere;
        const runs = logs.map((log) => {
          const session = S.createSession(there, log.seed, hashThere);
          let refused: string | null = null;
          for (const action of log.actions) {
            const r = session.dispatch(action);
            if (!r.ok) {
              refused = r.error.message;
              break;
            }
          }
          const verdict = S.verifyReplay(log, there, hashThere);
          return { finalHash: session.stateHash(), refused, verified: verdict.ok, verdictHash: verdict.ok ? verdict.finalHash : verdict.message };
        });
        return { engineVersion: S.ENGINE_VERSION, scenarioHash: hashThere, runs };
      },
      { text: scenarioText, file: SCENARIO_FILE, logs: replays },
    );
    if ('error' in results) throw new Error(`the scenario does not load in Chromium: ${results.error}`);
    expect(results.scenarioHash).toBe(hash);
    expect(results.runs).toHaveLength(SEEDS);
    const mismatches = results.runs
      .map((r, i) => ({ seed: `chromium-${i}`, node: replays[i]!.finalHash, ...r }))
      .filter((r) => r.refused !== null || !r.verified || r.finalHash !== r.node || r.verdictHash !== r.node);
    expect(mismatches).toEqual([]);
    // Different seeds and choices lead to different worlds, so equal hashes mean something.
    expect(new Set(results.runs.map((r) => r.finalHash)).size).toBe(SEEDS);
  });

  it('a replay with one action changed gives another hash in Chromium, as in Node (the comparison can fail)', async () => {
    // The first step where the player had another option of the same kind: take that one instead.
    const log = replays[0]!;
    const session = createSession(scenario, log.seed, hash);
    let changed: ReplayLog | null = null;
    for (let i = 0; i < log.actions.length && !changed; i++) {
      const taken = JSON.stringify(log.actions[i]);
      const other = session.observe().actions.find((a) => a.type === log.actions[i]!.type && JSON.stringify(a.action) !== taken);
      if (other) changed = { ...log, actions: log.actions.map((a, j) => (j === i ? other.action : a)) };
      session.dispatch(log.actions[i]!);
    }
    if (!changed) throw new Error('no step had an alternative');
    const there = await page.evaluate(
      ({ text, file, log }) => {
        const S = (window as unknown as { SprintwiseReplayCheck: Bundle }).SprintwiseReplayCheck;
        const l = S.loadScenarioText(text, file);
        if (!l.ok) throw new Error('scenario');
        const v = S.verifyReplay(log, l.scenario, l.hash);
        return v.ok ? { ok: true as const } : { ok: false as const, kind: v.kind, message: v.message };
      },
      { text: scenarioText, file: SCENARIO_FILE, log: changed },
    );
    const here = await import('../../src/engine').then((e) => e.verifyReplay(changed, scenario, hash));
    expect(there.ok).toBe(false);
    expect(here.ok).toBe(false);
    expect(there).toEqual(here.ok ? { ok: true } : { ok: false, kind: here.kind, message: here.message });
  });

  it('replay links made in Node open in Chromium, and links made in Chromium open in Node', async () => {
    const sample = replays.slice(0, 5);
    const links: string[] = [];
    for (const log of sample) {
      const made = await replayLink(BASE, log);
      if (!made.ok) throw new Error(made.message);
      links.push(made.url);
    }
    const there = await page.evaluate(
      async ({ links, logs, base }) => {
        const S = (window as unknown as { SprintwiseReplayCheck: Bundle }).SprintwiseReplayCheck;
        const read = [];
        for (const url of links) {
          const r = await S.readLink(url);
          read.push(r.kind === 'replay' ? r.replay.finalHash : `${r.kind}: ${'message' in r ? r.message : ''}`);
        }
        const made = [];
        for (const log of logs) {
          const m = await S.replayLink(base, log);
          made.push(m.ok ? m.url : m.message);
        }
        const junk = await S.readLink(`${links[0]}AAAA`);
        return { read, made, junk: junk.kind };
      },
      { links, logs: sample, base: BASE },
    );
    expect(there.read).toEqual(sample.map((l) => l.finalHash));
    for (let i = 0; i < sample.length; i++) expect(await readLink(there.made[i]!)).toEqual({ kind: 'replay', replay: sample[i], migratedFrom: null });
    expect(there.junk).toBe('error');
  });
});
