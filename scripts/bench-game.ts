/**
 * `npm run bench:game`: browser figures for the game shell, printed, never asserted.
 *
 *   npx tsx scripts/bench-game.ts [--no-build] [--only sizes,load,drag,heap,stage,whatif]
 *
 * Builds the game with Vite into a temp dir (or serves dist/ with --no-build), serves it
 * in-process with `vite preview`, and drives Chromium (playwright-core) to measure:
 *   1. initial JS (gzip) and the lazily loaded run chunk;
 *   2. navigation -> interactive Title vs a bare Phaser scene built with the same vite.config.ts
 *      (Phaser core alias + defines), on Phaser.AUTO and on the Canvas renderer: the median of 7
 *      fresh contexts each, loaded in turns;
 *   3. frame times while dragging a card on a backlog board of 60 cards: the bench's own build
 *      adds scripts/fixtures/bench-backlog-60.yaml to the game's scenarios (never shipped);
 *   4. JS heap after one and after three played scenarios in one tab;
 *   5. frame times while the stage plays the days "Run to the next event" skipped (motion on);
 *   6. the debrief's "what if" rollouts in a Web Worker, against the same rollouts in Node.
 * Run on a quiet machine: every timing here is sensitive to CPU load.
 */
import { ensureBrowser } from './browser/ensure';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build, preview, type Plugin, type PreviewServer } from 'vite';
import { waitForScene } from '../tests/browser/harness';
import { clickAction, nextActionId, settle, startScenario, status, type GameStatus } from '../tests/browser/play';
import { distDir, repoRoot, viteConfig } from '../tests/browser/paths';

const LOADS = 7;
/** The bench-only scenario with 60 backlog items, and the glob that adds it to the bench build. */
const BENCH_SCENARIO = 'bench-backlog-60';
const BENCH_GLOB = '/scripts/fixtures/bench-*.yaml';
const SCENARIO_GLOB = "'/scenarios/*.{yaml,yml,json}'";
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const VIEWPORT = { width: 1280, height: 720 };

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (x: number) => `${x.toFixed(1)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}
function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))] ?? Number.NaN;
}
const t0 = Date.now();
const log = (line: string) => console.log(line);
const note = (line: string) => console.log(`  [${((Date.now() - t0) / 1000).toFixed(0)}s] ${line}`);

async function serve(root: string, outDir: string, configFile: string | false): Promise<{ server: PreviewServer; url: string }> {
  const server = await preview({ root, configFile, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 0 } });
  const address = server.httpServer.address();
  if (address === null || typeof address === 'string') throw new Error(`preview server has no TCP address: ${address}`);
  return { server, url: `http://127.0.0.1:${address.port}/` };
}

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT, reducedMotion: 'reduce' });
  const page = await context.newPage();
  page.on('pageerror', (e) => note(`page error: ${e.message}`));
  return page;
}

// ---------------------------------------------------------------- 1. bundle sizes
async function bundleSizes(outDir: string): Promise<void> {
  const html = await readFile(join(outDir, 'index.html'), 'utf8');
  // Same rule as tests/browser/bundle-budget.test.ts: the entry script and its modulepreloads.
  const initial = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="\/([^"]+\.js)"/g)].map((m) => m[1] ?? '');
  const gz = async (file: string) => gzipSync(await readFile(join(outDir, file))).length;
  log('\n1. JavaScript size (gzip)');
  let total = 0;
  for (const file of initial) {
    const size = await gz(file);
    total += size;
    log(`   initial  ${file.padEnd(40)} ${kb(size)}`);
  }
  log(`   initial total (${initial.length} files)${' '.repeat(22)} ${kb(total)}`);
  const lazy = (await readdir(join(outDir, 'assets'))).filter((f) => f.endsWith('.js') && !initial.includes(`assets/${f}`));
  for (const f of lazy) log(`   lazy     ${`assets/${f}`.padEnd(40)} ${kb(await gz(`assets/${f}`))}${f.startsWith('play-') ? '   <- run chunk (loaded when a run starts)' : ''}`);
}

/**
 * Adds the bench fixtures to the catalogue's `import.meta.glob`, so the bench build loads them
 * through the game's own loader, exactly as it loads scenarios/. Runs before Vite expands globs.
 */
function benchScenarios(): Plugin {
  return {
    name: 'sprintwise-bench-scenarios',
    enforce: 'pre',
    transform(code, id) {
      if (!id.endsWith('/src/game/catalogue.ts')) return null;
      if (!code.includes(SCENARIO_GLOB)) throw new Error(`bench: src/game/catalogue.ts no longer globs ${SCENARIO_GLOB}; update benchScenarios()`);
      return code.replace(SCENARIO_GLOB, `${SCENARIO_GLOB}, '${BENCH_GLOB}'`);
    },
  };
}

// ---------------------------------------------------------------- 2. time to interactive title
async function titleTimes(browser: Browser, url: string, loads = LOADS): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < loads; i++) {
    const page = await newPage(browser);
    await page.goto(url);
    times.push(await waitForScene(page, 'Title', 60_000));
    await page.context().close();
  }
  return times;
}

async function bareBuild(renderer: 'AUTO' | 'CANVAS' = 'AUTO'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'sprintwise-bare-'));
  await writeFile(
    join(dir, 'index.html'),
    `<!doctype html><html><head><meta charset="utf-8"><title>bare</title></head><body><div id="game"></div><script type="module" src="./main.ts"></script></body></html>`,
  );
  await writeFile(
    join(dir, 'main.ts'),
    `import Phaser from 'phaser';
class Empty extends Phaser.Scene {
  create() {
    this.events.once('render', () => { (window as any).__bareReady = true; performance.mark('bare:ready'); });
  }
}
new Phaser.Game({ type: Phaser.${renderer}, parent: 'game', width: 1280, height: 720, transparent: true, scene: Empty });
`,
  );
  // Same config as the game: the phaser -> phaser-core.js alias, the Phaser build flags and the chunking.
  await build({ configFile: viteConfig, root: dir, logLevel: 'warn', build: { outDir: join(dir, 'dist'), emptyOutDir: true } });
  return dir;
}

async function bareTimes(browser: Browser, url: string, loads = LOADS): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < loads; i++) {
    const page = await newPage(browser);
    await page.goto(url);
    await page.waitForFunction(() => (window as unknown as { __bareReady?: boolean }).__bareReady === true, undefined, { timeout: 60_000 });
    times.push(await page.evaluate(() => performance.getEntriesByName('bare:ready')[0]?.startTime ?? Number.NaN));
    await page.context().close();
  }
  return times;
}

// ---------------------------------------------------------------- shared driving
/** Plays POLICY by clicking the chosen action until `stop`, like tests/browser/game-flow.test.ts. */
async function playUntil(page: Page, stop: (s: GameStatus) => boolean, max = 400): Promise<number> {
  for (let i = 0; i < max; i++) {
    const s = await status(page);
    if (stop(s)) return i;
    const id = await nextActionId(page);
    if (!id) throw new Error(`no action on ${s.scene} (${s.phase})`);
    await clickAction(page, id);
  }
  throw new Error('the scripted player did not finish');
}

// ---------------------------------------------------------------- 3. drag frame times
/** Opens the 60-card scenario (or the first scenario where the build lacks it) at refinement. */
async function openBoard(page: Page, url: string): Promise<string> {
  await page.goto(`${url}?seed=bench-drag`);
  await page.waitForFunction(() => window.__sprintwise?.scene === 'Title' && window.__sprintwise.ready);
  await page.click('#play');
  await page.waitForFunction(() => window.__sprintwise?.scene === 'CampaignMap' && window.__sprintwise.ready);
  const bench = page.locator(`[data-focus="scenario:start:${BENCH_SCENARIO}"]`);
  const scenario = (await bench.count()) > 0 ? BENCH_SCENARIO : 'corner-cafe';
  await page.click(`[data-focus="scenario:start:${scenario}"]`);
  await settle(page);
  // The board is one of the Views, open from any run screen once the opening questions are answered.
  await playUntil(page, (s) => s.scene !== 'CampaignMap' && !s.dialog);
  await page.click('[data-focus="tool:views"]');
  await page.click('dialog[open] [data-focus="views:Backlog"]');
  await settle(page);
  if ((await status(page)).scene !== 'Backlog') throw new Error('the Views dialog did not open the Product Backlog board');
  return scenario;
}

async function dragFrames(browser: Browser, url: string): Promise<void> {
  const page = await newPage(browser);
  const scenario = await openBoard(page, url);
  const cards = page.locator('li.card');
  const count = await cards.count();
  const first = await cards.first().boundingBox();
  const list = await page.evaluate(() => {
    const r = document.querySelector('li.card')?.parentElement?.getBoundingClientRect();
    return r ? { top: r.top, bottom: r.bottom } : null;
  });
  if (!first || !list) throw new Error('no backlog cards on screen');
  const x = first.x + first.width / 2;
  const y0 = first.y + first.height / 2;
  // Down to just above the list's bottom edge, where auto-scroll would start.
  const y1 = list.bottom - 40;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));

  // In the page: rAF-to-rAF frame times while the pointer is down (the drag itself), the time
  // from pointerup to the next frame (the drop: the engine takes the move, the board redraws),
  // and the time spent in pointermove listeners (a capturing listener on window starts the clock,
  // one on document ends it). A string, not a function: tsx (esbuild keepNames) would wrap a
  // named inner function in `__name`, which the page lacks.
  await page.evaluate(`(() => {
    const w = window;
    w.__drag = []; w.__drops = []; w.__moves = []; w.__collect = true;
    let down = false, upAt = 0, last = 0, start = 0;
    w.addEventListener('pointerdown', () => { down = true; last = 0; }, { capture: true });
    w.addEventListener('pointerup', () => { down = false; upAt = performance.now(); }, { capture: true });
    w.addEventListener('pointermove', () => { start = performance.now(); }, { capture: true });
    document.addEventListener('pointermove', () => { if (down) w.__moves.push(performance.now() - start); });
    const tick = (t) => {
      if (down && last) w.__drag.push(t - last);
      last = down ? t : 0;
      if (upAt) { w.__drops.push(performance.now() - upAt); upAt = 0; }
      if (w.__collect) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  const before = await metrics();
  const passes = 3;
  for (let p = 0; p < passes; p++) {
    // Drag the top card down in ~4 px steps, then drag the new top card down again.
    await page.mouse.move(x, y0);
    await page.mouse.down();
    await page.mouse.move(x, y1, { steps: Math.max(20, Math.round((y1 - y0) / 4)) });
    await page.mouse.up();
    await settle(page);
  }
  // One pass that auto-scrolls: the card held at the list's bottom edge, the pointer wiggling
  // there, so the list scrolls under it and most of the 60 cards shift.
  await page.mouse.move(x, y0);
  await page.mouse.down();
  await page.mouse.move(x, list.bottom - 10, { steps: 40 });
  for (let i = 0; i < 120; i++) await page.mouse.move(x + (i % 2 ? 3 : -3), list.bottom - 10);
  const scrolled = await page.evaluate(() => document.querySelector('.board__list')?.scrollTop ?? 0);
  await page.mouse.up();
  await settle(page);
  const after = await metrics();
  const { drag, drops, moves } = await page.evaluate(() => {
    const w = window as unknown as { __drag: number[]; __drops: number[]; __moves: number[]; __collect: boolean };
    w.__collect = false;
    return { drag: w.__drag, drops: w.__drops, moves: w.__moves };
  });
  const per = (name: string) => ms((1000 * ((after[name] ?? 0) - (before[name] ?? 0))) / Math.max(1, drag.length));
  const ms2 = (x: number) => `${x.toFixed(2)} ms`;
  log(`\n3. Frame time while dragging a backlog card (scene Backlog, scenario ${scenario})`);
  log(`   cards on the board: ${count}${count < 60 ? '  (NOT 60: this build lacks the bench scenario; run without --no-build)' : ''}`);
  log(`   drag: ${passes} passes of the top card ${Math.round(y1 - y0)} px down in ~4 px steps, then 1 pass auto-scrolling the list ${Math.round(scrolled)} px`);
  log(`   frame time while dragging (rAF to rAF, ${drag.length} frames)   p50 ${ms2(percentile(drag, 0.5))}   p95 ${ms2(percentile(drag, 0.95))}   max ${ms2(Math.max(...drag))}   over 20 ms: ${drag.filter((d) => d > 20).length}`);
  log(`   pointermove listeners (${moves.length} moves)               p50 ${ms2(percentile(moves, 0.5))}   p95 ${ms2(percentile(moves, 0.95))}   max ${ms2(Math.max(...moves))}`);
  log(`   main-thread work per drag frame (CDP)     script ${per('ScriptDuration')}   style ${per('RecalcStyleDuration')}   layout ${per('LayoutDuration')}`);
  log(`   drop -> next frame (engine move + board redraw), ${drops.length} drops: ${drops.map((d) => d.toFixed(0)).join(', ')} ms`);
  log('   (budget 16.7 ms a frame at 60 Hz: rAF deltas never go below the display interval, so the margin is the work per frame;');
  log('    frames over 20 ms are missed vsyncs, from the board or from anything else running on the machine)');
  await page.context().close();
}

// ---------------------------------------------------------------- 5. stage frame times
/**
 * Frame times while the stage plays several days at once: the café with motion on, at the first
 * Sprint's days, "Run to the next event" (or the next day, if the game does not offer it), then
 * rAF-to-rAF times until the canvas has been still for half a second.
 */
async function stageFrames(browser: Browser, url: string): Promise<void> {
  const context = await browser.newContext({ viewport: VIEWPORT, reducedMotion: 'no-preference' });
  const page = await context.newPage();
  page.on('pageerror', (e) => note(`page error: ${e.message}`));
  await startScenario(page, url, 's1');
  // Past Planning and the first day's question, so that the run skips days.
  await playUntil(page, (s) => s.scene === 'SprintDay' && !s.dialog);
  let days = 0;
  const frames: number[] = [];
  for (let attempt = 0; attempt < 6 && days < 2; attempt++) {
    while ((await status(page)).dialog) await clickAction(page, (await nextActionId(page))!);
    const s = await status(page);
    if (s.scene !== 'SprintDay') break;
    const run = (await page.locator('button[data-action="runToNextEvent"]').count()) > 0 ? 'runToNextEvent' : 'nextDay';
    const before = await page.evaluate(() => window.__sprintwise?.stage?.day ?? 0);
    await page.evaluate(`(() => {
      const w = window;
      w.__frames = []; w.__collect = true;
      let last = 0;
      const tick = (t) => { if (last) w.__frames.push(t - last); last = t; if (w.__collect) requestAnimationFrame(tick); };
      requestAnimationFrame(tick);
    })()`);
    await clickAction(page, run);
    await page.waitForTimeout(2500);
    const got = await page.evaluate(() => {
      const w = window as unknown as { __frames: number[]; __collect: boolean };
      w.__collect = false;
      return { frames: w.__frames, day: window.__sprintwise?.stage?.day ?? 0 };
    });
    days = got.day - before;
    frames.splice(0, frames.length, ...got.frames);
  }
  const ms2 = (x: number) => `${x.toFixed(2)} ms`;
  log('\n5. Frame time while the stage plays skipped days (scene SprintDay, corner-cafe, motion on)');
  log(`   days passed in one dispatch: ${days}   frames in the 2.5 s after the click: ${frames.length}`);
  if (frames.length) log(`   frame time (rAF to rAF)   p50 ${ms2(percentile(frames, 0.5))}   p95 ${ms2(percentile(frames, 0.95))}   max ${ms2(Math.max(...frames))}   over 20 ms: ${frames.filter((d) => d > 20).length}`);
  await context.close();
}

// ---------------------------------------------------------------- 4. heap after scenarios
async function heapAfterScenarios(browser: Browser, url: string): Promise<void> {
  const page = await newPage(browser);
  const cdp = await page.context().newCDPSession(page);
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  await startScenario(page, url, 'bench-heap');
  const played: string[] = [];
  const after: number[] = [];
  for (let n = 1; n <= 3; n++) {
    let scenario = 'corner-cafe';
    if (n > 1) {
      // From the campaign map: a new (primary) scenario if one is unlocked, else replay the first.
      const start = page.locator('[data-focus^="scenario:start:"].btn--primary');
      const target = (await start.count()) > 0 ? start.first() : page.locator('[data-focus^="scenario:start:"]').first();
      scenario = ((await target.getAttribute('data-focus')) ?? '').replace('scenario:start:', '');
      await target.click();
      await settle(page);
    }
    const steps = await playUntil(page, (s) => s.scene === 'Debrief');
    played.push(`${scenario} (${steps} actions)`);
    note(`scenario ${n} played: ${played.at(-1)}`);
    await page.click('[data-focus="debrief:map"]');
    await waitForScene(page, 'CampaignMap', 30_000);
    after.push(await heap());
  }
  log('\n4. JS heap (CDP Runtime.getHeapUsage.usedSize after HeapProfiler.collectGarbage, on the campaign map)');
  log(`   scenarios played: ${played.join('; ')}`);
  log(`   after 1 scenario:  ${mb(after[0]!)}`);
  log(`   after 2 scenarios: ${mb(after[1]!)}`);
  log(`   after 3 scenarios: ${mb(after[2]!)}`);
  log(`   ratio 3/1: ${(after[2]! / after[0]!).toFixed(2)}`);
  await page.context().close();
}

// ---------------------------------------------------------------- main
async function main(): Promise<void> {
  const noBuild = process.argv.includes('--no-build');
  const onlyAt = process.argv.indexOf('--only');
  const only = new Set(onlyAt > 0 ? (process.argv[onlyAt + 1] ?? '').split(',') : ['sizes', 'load', 'drag', 'heap', 'stage', 'whatif']);
  const cleanup: string[] = [];
  const servers: PreviewServer[] = [];
  let browser: Browser | undefined;
  try {
    let outDir = distDir;
    // The drag bench gets a build of its own with the 60-item scenario; the others measure the game as shipped.
    let dragDir = distDir;
    if (!noBuild) {
      const dir = await mkdtemp(join(tmpdir(), 'sprintwise-bench-'));
      cleanup.push(dir);
      outDir = join(dir, 'dist');
      dragDir = join(dir, 'dist-drag');
      note('building the game');
      await build({ root: repoRoot, configFile: viteConfig, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
      if (only.has('drag')) {
        note('building the game with the bench scenario');
        await build({ root: repoRoot, configFile: viteConfig, logLevel: 'warn', build: { outDir: dragDir, emptyOutDir: true }, plugins: [benchScenarios()] });
      }
    }
    const executablePath = await ensureBrowser(note);
    log(`Sprintwise browser bench (${noBuild ? 'dist/ as is, --no-build' : 'fresh build'}; Chromium ${executablePath})`);
    if (only.has('sizes')) await bundleSizes(outDir);

    const game = await serve(repoRoot, outDir, viteConfig);
    servers.push(game.server);
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    log(`   (Chromium ${browser.version()})`);

    if (only.has('load')) await loadTimes(browser, game.url, cleanup, servers);
    if (only.has('drag')) {
      note('dragging on the backlog board');
      const drag = dragDir === outDir ? game : await serve(repoRoot, dragDir, viteConfig);
      if (drag !== game) servers.push(drag.server);
      await dragFrames(browser, drag.url);
    }
    if (only.has('heap')) {
      note('playing three scenarios');
      await heapAfterScenarios(browser, game.url);
    }
    if (only.has('stage')) {
      note('running to the next event with the stage in motion');
      await stageFrames(browser, game.url);
    }
    if (only.has('whatif')) await whatIfBench(browser, game.url);
    log(`\nTotal bench time: ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  } finally {
    await browser?.close();
    for (const s of servers) await s.close();
    for (const d of cleanup) await rm(d, { recursive: true, force: true });
  }
}

/** Section 2: fresh loads of the game's title against a bare Phaser page. */
async function loadTimes(browser: Browser, url: string, cleanup: string[], servers: PreviewServer[]): Promise<void> {
  note('building the bare Phaser page');
  const bareDir = await bareBuild();
  cleanup.push(bareDir);
  const bare = await serve(bareDir, join(bareDir, 'dist'), false);
  servers.push(bare.server);
  // The game draws with Phaser's Canvas renderer where WebGL runs in software (src/game/main.ts),
  // as it does here: the same empty scene on that renderer is the like-for-like figure.
  const bareCanvasDir = await bareBuild('CANVAS');
  cleanup.push(bareCanvasDir);
  const bareCanvas = await serve(bareCanvasDir, join(bareCanvasDir, 'dist'), false);
  servers.push(bareCanvas.server);
  const game = { url };

  note('timing fresh loads');
  // One throwaway load each so the first measured one is not paying for process warm-up.
  await titleTimes(browser, game.url, 1).then(() => undefined, () => undefined);
  await bareTimes(browser, bare.url, 1).then(() => undefined, () => undefined);
  await bareTimes(browser, bareCanvas.url, 1).then(() => undefined, () => undefined);
  // In turns, one load of each, so that the machine's load drifting during the run weighs on
  // both sides alike: all of one then all of the other put the drift into the ratio.
  const title: number[] = [];
  const bareT: number[] = [];
  const bareC: number[] = [];
  for (let i = 0; i < LOADS; i++) {
    title.push(...(await titleTimes(browser, game.url, 1)));
    bareT.push(...(await bareTimes(browser, bare.url, 1)));
    bareC.push(...(await bareTimes(browser, bareCanvas.url, 1)));
  }
  log(`\n2. Navigation -> ready, median of ${LOADS} fresh contexts each, loaded in turns (performance mark startTime)`);
  log(`   Sprintwise Title interactive:   ${ms(median(title))}   [${title.map((t) => t.toFixed(0)).join(', ')}]`);
  log(`   bare Phaser core, empty scene:  ${ms(median(bareT))}   [${bareT.map((t) => t.toFixed(0)).join(', ')}]`);
  log(`   bare, Canvas renderer:          ${ms(median(bareC))}   [${bareC.map((t) => t.toFixed(0)).join(', ')}]`);
  log(`   ratio Title / bare: ${(median(title) / median(bareT)).toFixed(2)}   (Title / bare on the Canvas renderer: ${(median(title) / median(bareC)).toFixed(2)})`);
}

// ---------------------------------------------------------------- 6. "what if" rollouts in the debrief
/**
 * The debrief's "what if" figures in Chromium: a finished café run is put in the save (the run,
 * among a few bot runs, that gives the most options to try, up to 3 decisions x (3 alternatives
 * + the run's own choice)), the game resumes it at the debrief, and the time from the worker's
 * request to the figures is read off the page (data-whatif-ms). The same replay in Node beside it.
 */
async function whatIfBench(browser: Browser, url: string): Promise<void> {
  note('what-if rollouts: choosing a café run');
  const { createSession } = await import('../src/engine');
  const { POLICIES, playToEnd } = await import('../src/bots');
  const { findScenario } = await import('../src/scenario/fs');
  const { whatIf } = await import('../src/whatif/rollouts');
  const found = await findScenario('corner-cafe');
  if (!found.ok) throw new Error('corner-cafe does not load');
  const { scenario, hash } = found;
  let best: { replay: import('../src/engine').ReplayLog; options: number; label: string } | null = null;
  for (const bot of ['random', 'hippo', 'yes']) {
    for (let seed = 1; seed <= 4; seed++) {
      const session = createSession(scenario, `whatif-bench-${seed}`, hash);
      playToEnd(session, POLICIES[bot]!(`whatif-bench-${seed}`));
      const replay = session.replayLog();
      let options = 0;
      whatIf(scenario, hash, replay, { rollouts: 1, onProgress: (_done, total) => (options = total) });
      if (!best || options > best.options) best = { replay, options, label: `${bot} bot, seed whatif-bench-${seed}` };
    }
  }
  const chosen = best!;
  const rollouts = chosen.options * 30;
  const nodeStart = performance.now();
  whatIf(scenario, hash, chosen.replay, { rollouts: 30 });
  const nodeMs = performance.now() - nodeStart;

  const times: number[] = [];
  const workerTimes: number[] = [];
  for (let i = 0; i < 3; i++) {
    const page = await newPage(browser);
    await page.goto(url);
    await page.waitForFunction(() => window.__sprintwise?.scene === 'Title' && window.__sprintwise.ready);
    const save = { format: 'sprintwise-save', version: 2, savedAt: '', summary: null, replay: chosen.replay, branch: null };
    await page.evaluate((text) => {
      localStorage.setItem('sprintwise.save.corner-cafe', text);
      localStorage.setItem('sprintwise.last', 'corner-cafe');
    }, JSON.stringify(save));
    await page.goto(url);
    await page.waitForFunction(() => window.__sprintwise?.scene === 'Title' && window.__sprintwise.ready);
    await page.click('#continue');
    await waitForScene(page, 'Debrief', 30_000);
    await page.waitForFunction(() => ['done', 'failed'].includes(document.querySelector('.lessons')?.getAttribute('data-whatif') ?? ''), undefined, { timeout: 600_000 });
    const lessons = page.locator('.lessons');
    if ((await lessons.getAttribute('data-whatif')) !== 'done') throw new Error('the what-if rollouts failed in the browser');
    times.push(Number(await lessons.getAttribute('data-whatif-ms')));
    workerTimes.push(Number(await lessons.getAttribute('data-whatif-worker-ms')));
    await page.context().close();
  }
  log('\n6. "What if" rollouts in the debrief (Web Worker; principled bot plays each option on to the end)');
  log(`   run: corner-cafe, ${chosen.label}: ${chosen.options} options x 30 rollouts = ${rollouts} rollouts (3 decisions; alternatives plus the run's own choice)`);
  log(`   Chromium, request -> figures: ${ms(median(times))} median of ${times.length}   [${times.map((t) => t.toFixed(0)).join(', ')}]; in the worker ${ms(median(workerTimes))}`);
  log(`   Chromium per rollout: ${ms(median(workerTimes) / rollouts)}; target: under 1 s for up to 3 x 3 x 30`);
  log(`   Node (same replay, same figures): ${ms(nodeMs)}, ${ms(nodeMs / rollouts)} per rollout`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
