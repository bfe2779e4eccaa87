import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { preview } from 'vite';
import { afterAll, beforeAll, inject, onTestFinished } from 'vitest';
import { repoRoot, screenshotDir, viteConfig } from './paths';

/** Flags for a quiet, offline headless Chromium; `--disable-gpu` still leaves WebGL (SwiftShader). */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The built game served in-process, and one browser to look at it. */
export interface Harness {
  baseUrl: string;
  browser: Browser;
  close(): Promise<void>;
}

/** Serves dist/ (built by global-setup.ts) on a free port and launches Chromium. */
export async function startHarness(): Promise<Harness> {
  const server = await preview({
    root: repoRoot,
    configFile: viteConfig,
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port: 0 },
  });
  const address = server.httpServer.address();
  if (address === null || typeof address === 'string') throw new Error(`preview server has no TCP address: ${address}`);

  // launch() makes a fresh temporary profile itself (and rejects --user-data-dir in args).
  const browser = await chromium.launch({ executablePath: inject('chromiumPath'), args: CHROMIUM_ARGS });
  return {
    baseUrl: `http://127.0.0.1:${address.port}/`,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * The harness for a test file: started before its tests, closed after them. Read its fields
 * inside tests (they are there once `beforeAll` has run).
 */
export function useHarness(): Readonly<Harness> {
  let started: Harness | undefined;
  beforeAll(async () => {
    started = await startHarness();
  });
  afterAll(async () => {
    await started?.close();
  });
  const need = (): Harness => {
    if (!started) throw new Error('the browser harness is used before beforeAll started it');
    return started;
  };
  return {
    get baseUrl() {
      return need().baseUrl;
    },
    get browser() {
      return need().browser;
    },
    close: () => need().close(),
  };
}

export interface OpenOptions {
  viewport?: { width: number; height: number };
  /**
   * 'reduce' (the default) turns off decorative motion, so screenshots are the same on every
   * run; pass 'no-preference' to see the game as most players do.
   */
  reducedMotion?: 'reduce' | 'no-preference';
}

/**
 * Opens the game in a fresh browser context for the current test. Any uncaught page error fails
 * the test when it finishes (console warnings do not: WebGL under SwiftShader prints harmless
 * ones), and the context is closed whatever the outcome.
 */
export async function openGame(harness: Harness, options: OpenOptions = {}): Promise<Page> {
  const context = await harness.browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 720 },
    reducedMotion: options.reducedMotion ?? 'reduce',
  });
  const page = await context.newPage();
  const pageErrors: Error[] = [];
  page.on('pageerror', (error) => pageErrors.push(error));

  onTestFinished(async () => {
    await context.close();
    if (pageErrors.length > 0) {
      throw new Error(`The page threw ${pageErrors.length} error(s):\n${pageErrors.map((e) => e.stack ?? e.message).join('\n\n')}`);
    }
  });

  await page.goto(harness.baseUrl);
  return page;
}

/**
 * Waits until `scene` says it is ready (src/game/ready.ts) and returns how long that took from
 * the start of navigation, in milliseconds.
 */
export async function waitForScene(page: Page, scene: string, timeout = 20_000): Promise<number> {
  await page.waitForFunction(
    (key) => window.__sprintwise?.ready === true && window.__sprintwise.scene === key && document.body.dataset.scene === key,
    scene,
    { timeout },
  );
  return page.evaluate((key) => performance.getEntriesByName(`sprintwise:ready:${key}`)[0]?.startTime ?? Number.NaN, scene);
}

/** Saves a full-page screenshot as test-results/screenshots/<name>.png and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  await mkdir(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path });
  return path;
}
