/**
 * `npm run bench:game`: browser figures for the game shell, printed, never asserted.
 *
 *   npx tsx scripts/bench-game.ts [--no-build]
 *
 * Builds the game with Vite into a temp dir (or serves dist/ with --no-build), serves it
 * in-process with `vite preview`, and drives Chromium (playwright-core) to measure:
 *   1. initial JS (gzip) and the lazily loaded run chunk;
 *   2. navigation -> interactive Title (median of 5 fresh contexts) vs a bare Phaser scene
 *      built with the same vite.config.ts (Phaser core alias + defines);
 *   3. rAF frame times while dragging a card on the backlog board;
 *   4. JS heap after one and after three played scenarios in one tab.
 * Run on a quiet machine: every timing here is sensitive to CPU load.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { waitForScene } from '../tests/browser/harness';
import { clickAction, nextActionId, settle, startScenario, status, type GameStatus } from '../tests/browser/play';
import { distDir, repoRoot, viteConfig } from '../tests/browser/paths';

const LOADS = 5;
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

async function bareBuild(): Promise<string> {
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
new Phaser.Game({ type: Phaser.AUTO, parent: 'game', width: 1280, height: 720, transparent: true, scene: Empty });
`,
  );
  // Same config as the game: the phaser -> phaser-core.js alias, the Phaser build flags and the chunking.
  await build({ configFile: viteConfig, root: dir, logLevel: 'warn', build: { outDir: join(dir, 'dist'), emptyOutDir: true } });
  return dir;
}

async function bareTimes(browser: Browser, url: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < LOADS; i++) {
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
async function dragFrames(browser: Browser, url: string): Promise<void> {
  const page = await newPage(browser);
  await startScenario(page, url, 'bench-drag');
  await playUntil(page, (s) => s.scene === 'Backlog' && !s.dialog);
  const cards = page.locator('li.card');
  const count = await cards.count();
  const scenario = await page.evaluate(() => window.__sprintwise?.scene);
  const first = await cards.first().boundingBox();
  const last = await cards.nth(count - 1).boundingBox();
  const list = await page.evaluate(() => {
    const r = document.querySelector('li.card')?.parentElement?.getBoundingClientRect();
    return r ? { top: r.top, bottom: r.bottom } : null;
  });
  if (!first || !last || !list) throw new Error('no backlog cards on screen');
  const x = first.x + first.width / 2;
  const y0 = first.y + first.height / 2;
  // Down to the last card (or just above the list's bottom edge, where auto-scroll kicks in).
  const y1 = Math.min(last.y + last.height / 2, list.bottom - 40);

  // A string, not a function: tsx (esbuild keepNames) would wrap a named inner function in `__name`, which the page lacks.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__collect = true;
    const tick = (t) => { window.__frames.push(t); if (window.__collect) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  })()`);
  const passes = 3;
  for (let p = 0; p < passes; p++) {
    // Drag the top card down in ~4 px steps, then drag the new top card down again.
    await page.mouse.move(x, y0);
    await page.mouse.down();
    await page.mouse.move(x, y1, { steps: Math.max(20, Math.round((y1 - y0) / 4)) });
    await page.mouse.up();
    await settle(page);
  }
  const stamps = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __collect: boolean };
    w.__collect = false;
    return w.__frames;
  });
  const deltas = stamps.slice(1).map((t, i) => t - stamps[i]!);
  log(`\n3. Frame time while dragging a backlog card (scene ${scenario}, scenario corner-cafe)`);
  log(`   cards on the board: ${count}  (NOT 60: no scenario has 60 items and the bench does not inject one; this is the opening scenario's backlog)`);
  log(`   drag: ${passes} passes, top card -> ${Math.round(y1 - y0)} px down in ~4 px steps; ${deltas.length} frames`);
  log(`   frame time p50 ${ms(percentile(deltas, 0.5))}   p95 ${ms(percentile(deltas, 0.95))}   max ${ms(Math.max(...deltas))}`);
  await page.context().close();
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
  const cleanup: string[] = [];
  const servers: PreviewServer[] = [];
  let browser: Browser | undefined;
  try {
    let outDir = distDir;
    if (!noBuild) {
      const dir = await mkdtemp(join(tmpdir(), 'sprintwise-bench-'));
      cleanup.push(dir);
      outDir = join(dir, 'dist');
      note('building the game');
      await build({ root: repoRoot, configFile: viteConfig, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
    }
    log(`Sprintwise browser bench (${noBuild ? 'dist/ as is, --no-build' : 'fresh build'}; Chromium ${process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'})`);
    await bundleSizes(outDir);

    note('building the bare Phaser page');
    const bareDir = await bareBuild();
    cleanup.push(bareDir);
    const game = await serve(repoRoot, outDir, viteConfig);
    const bare = await serve(bareDir, join(bareDir, 'dist'), false);
    servers.push(game.server, bare.server);

    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    log(`   (Chromium ${browser.version()})`);

    note('timing fresh loads');
    // One throwaway load each so the first measured one is not paying for process warm-up.
    await titleTimes(browser, game.url, 1).then(() => undefined, () => undefined);
    const title = await titleTimes(browser, game.url);
    const bareT = await bareTimes(browser, bare.url);
    log(`\n2. Navigation -> ready, median of ${LOADS} fresh contexts (performance mark startTime)`);
    log(`   Sprintwise Title interactive:   ${ms(median(title))}   [${title.map((t) => t.toFixed(0)).join(', ')}]`);
    log(`   bare Phaser core, empty scene:  ${ms(median(bareT))}   [${bareT.map((t) => t.toFixed(0)).join(', ')}]`);
    log(`   ratio Title / bare: ${(median(title) / median(bareT)).toFixed(2)}`);

    note('dragging on the backlog board');
    await dragFrames(browser, game.url);
    note('playing three scenarios');
    await heapAfterScenarios(browser, game.url);
    log(`\nTotal bench time: ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  } finally {
    await browser?.close();
    for (const s of servers) await s.close();
    for (const d of cleanup) await rm(d, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
