import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classroomInChromium, type ClassroomInChromium } from './chromium';
import { settle } from '../browser/play';
import type { TestServer } from './helpers';


/**
 * The game as the classroom server sends it, under its Content-Security-Policy: built into a
 * directory of its own (dist/ belongs to the browser tests), served, played in Chromium.
 */
describe('the game under the classroom server\'s CSP', () => {
  let server: TestServer;
  let browser: Browser;
  let room: ClassroomInChromium;
  let dist: string;

  beforeAll(async () => {
    room = await classroomInChromium({ gameDirPrefix: 'sprintwise-csp-dist-' });
    ({ server, browser } = room);
    dist = room.dist!;
  }, 180_000);
  afterAll(async () => {
    await room?.close();
  });

  it('writes a brotli and a gzip copy of every text asset', () => {
    const files = readdirSync(join(dist, 'assets')).filter((f) => /\.(js|css)$/.test(f));
    expect(files.length).toBeGreaterThan(2);
    for (const f of [...files.map((x) => join(dist, 'assets', x)), join(dist, 'index.html')]) {
      expect(existsSync(`${f}.br`), f).toBe(true);
      expect(existsSync(`${f}.gz`), f).toBe(true);
    }
  });

  it('loads, starts a scenario and runs the what-if worker with no CSP violation', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
    await context.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __csp: string[] }).__csp = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
    });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    const encodings: string[] = [];
    page.on('response', (r) => {
      if (r.url().includes('/assets/')) encodings.push(r.headers()['content-encoding'] ?? 'none');
    });

    const res = await page.goto(`${server.url}/?seed=csp-1`);
    expect(res!.headers()['content-security-policy']).toMatch(/default-src 'none'/);
    await page.waitForFunction(() => window.__sprintwise?.scene === 'Title' && window.__sprintwise.ready, undefined, { timeout: 30_000 });
    await page.click('#play');
    await page.waitForFunction(() => window.__sprintwise?.scene === 'CampaignMap' && window.__sprintwise.ready, undefined, { timeout: 30_000 });
    await page.click('[data-focus="scenario:start:corner-cafe"]');
    await settle(page);

    // The what-if worker, as the debrief starts it: a module worker from /assets/. A request it
    // cannot use gets its error reply, which shows that it loaded and ran.
    const worker = readdirSync(join(dist, 'assets')).find((f) => /^whatif\.worker-.*\.js$/.test(f))!;
    const reply = await page.evaluate(
      (url) =>
        new Promise<string>((resolve) => {
          const w = new Worker(url, { type: 'module' });
          w.onmessage = (e: MessageEvent<{ type: string }>) => resolve(e.data.type);
          w.onerror = (e) => resolve(`failed: ${e.message}`);
          w.postMessage({ scenario: null, hash: '', replay: null, rollouts: 1 });
        }),
      `/assets/${worker}`,
    );
    expect(reply).toBe('error');

    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
    // The worker's own violations never reach the page's listener: they reach the report-uri.
    await page.waitForTimeout(500);
    expect(server.logger.lines.filter((l) => l.event === 'cspViolation').map((l) => l.fields.report)).toEqual([]);
    expect(problems).toEqual([]);
    expect(encodings.length).toBeGreaterThan(0);
    expect(new Set(encodings)).toEqual(new Set(['br']));
    await context.close();
  });
});
