import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import type axe from 'axe-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './chromium';
import { seriousOrWorse } from '../browser/axe';
import { screenshotDir } from '../browser/paths';
import { api, buildGameInto, createClass, joinClass, Learner, startTestServer, type Json, type TestServer } from './helpers';

/**
 * The dashboard's drill-down, sorting, filter and counts per stage in real Chromium, with the
 * game built into a directory of its own. Screenshots go to test-results/screenshots/.
 */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 10_000, interval: 50 });
const SHOTS = screenshotDir;
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Plays `n` listed choices (the k-th offered one, cycling) and returns their labels. */
async function playListed(l: Learner, n: number, k = 0): Promise<string[]> {
  const labels: string[] = [];
  for (let i = 0; i < n; i++) {
    const offered = l.step().actions as unknown as Json[];
    const pick = offered[(k + i) % offered.length]!;
    const reply = await l.act({ id: pick.id });
    if (reply.type !== 'ack') throw new Error(`refused: ${reply.code} ${reply.message}`);
    labels.push(pick.label);
  }
  return labels;
}

/** Plays the first listed choice until the learner is in Sprint Planning. */
async function playToPlanning(l: Learner): Promise<void> {
  for (let i = 0; i < 200 && !String(l.step().phase).startsWith('sprint.planning'); i++) await playListed(l, 1);
  expect(l.step().phase).toMatch(/^sprint\.planning/);
}

describe("the dashboard's learner list and drill-down in a real browser", () => {
  let server: TestServer;
  let plain: TestServer;
  let browser: Browser;
  let dist: string;
  const problems: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    dist = await buildGameInto('sprintwise-drill-dist-');
    server = await startTestServer({ distDir: dist });
    plain = await startTestServer();
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await plain?.stop();
    if (dist) rmSync(dist, { recursive: true, force: true });
  });

  async function open(base: string, path: string, viewport = { width: 1280, height: 720 }): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport, reducedMotion: 'reduce' });
    const watch = (page: Page) => {
      page.setDefaultTimeout(10_000);
      page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(`console: ${m.text()}`);
      });
    };
    context.on('page', watch);
    const page = await context.newPage();
    await page.goto(`${base}${path}`);
    return { context, page };
  }

  const rowNames = (page: Page) => page.locator('#learners tr[data-learner] .name').allTextContents();
  const counts = (page: Page) => page.locator('[data-testid=stage-counts] li').allTextContents();

  it('sorts, filters and counts live; the facilitator opens one learner’s run in the replay viewer', async () => {
    const cls = await createClass(server.url, { title: 'Thursday CSPO', seedPolicy: 'learner' });
    const people = await Promise.all(['Ada Lovelace', 'Grace Hopper', 'Zoë Quinn'].map(async (n) => new Learner(server.url, (await joinClass(server.url, cls.code, n)).token, n).connect()));
    const [ada, grace, zoe] = people as [Learner, Learner, Learner];
    const adaLabels = await playListed(ada, 5);
    await playListed(grace, 2, 1);

    const { context, page } = await open(server.url, `/facilitator/class#class=${cls.id}&key=${cls.key}`);
    await poll(() => rowNames(page)).toEqual(['Ada Lovelace', 'Grace Hopper', 'Zoë Quinn']);
    await poll(() => counts(page)).toEqual(['3 Briefing', '0 Finished']);
    expect(await page.textContent('[data-testid=list-status]')).toBe('3 learners');

    // Counts follow the class live.
    await playToPlanning(zoe);
    await poll(() => counts(page)).toEqual(['2 Briefing', '1 Sprint 1 · Sprint Planning', '0 Finished']);

    // The filter and the sort, from the keyboard: case and accents do not matter.
    await page.focus('[data-testid=learner-filter]');
    await page.keyboard.type('zoe');
    await poll(() => rowNames(page)).toEqual(['Zoë Quinn']);
    expect(await page.textContent('[data-testid=list-status]')).toBe('Showing 1 of 3 learners');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await poll(() => rowNames(page)).toHaveLength(3);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('learnerSort');
    await page.keyboard.press('ArrowDown');
    await poll(() => rowNames(page)).toEqual(['Ada Lovelace', 'Grace Hopper', 'Zoë Quinn']);
    expect(await page.inputValue('[data-testid=learner-sort]')).toBe('nameAsc');
    expect(await page.getAttribute('#learnerTable th[data-column=name]', 'aria-sort')).toBe('ascending');
    await page.selectOption('[data-testid=learner-sort]', 'progressDesc');
    await poll(() => rowNames(page)).toEqual(['Zoë Quinn', 'Ada Lovelace', 'Grace Hopper']);
    expect(await page.getAttribute('#learnerTable th[data-column=where]', 'aria-sort')).toBe('descending');
    expect(await page.getAttribute('#learnerTable th[data-column=name]', 'aria-sort')).toBe('none');
    await page.screenshot({ path: `${SHOTS}/dashboard-list-1280.png`, fullPage: true });

    // View run, from the keyboard: the drill-down lists Ada's choices, and only hers.
    const adaId = ada.welcome!.learnerId as string;
    await page.locator(`tr[data-learner="${adaId}"] [data-focus=view]`).focus();
    await page.keyboard.press('Enter');
    const drill = page.locator('[data-testid=drill]');
    await poll(() => drill.locator('[data-testid=drill-choices] li').count()).toBe(5);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('drillTitle');
    expect(await drill.locator('h2').textContent()).toBe('Ada Lovelace’s run');
    const listed = await drill.locator('[data-testid=drill-choices] li > span:first-child').allTextContents();
    expect(listed).toEqual(adaLabels);
    expect(await drill.textContent()).toContain('5 choices so far.');
    await drill.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/dashboard-drill-1280.png` });

    // The replay viewer opens in a new tab with Ada's run; neither the seed nor the key is in its address.
    const api1 = await api(server.url, 'GET', `/api/classes/${cls.id}/learners/${adaId}/runs`, { key: cls.key });
    const replay = api1.json.runs[0].replay as Json;
    const [viewer] = await Promise.all([context.waitForEvent('page'), drill.locator('[data-testid=open-viewer]').click()]);
    await viewer.waitForFunction(() => window.__sprintwise?.ready && window.__sprintwise.scene === 'ReplayViewer', undefined, { timeout: 30_000 });
    const shown = await viewer.evaluate(() => window.__sprintwise?.viewer);
    expect(shown).toMatchObject({ scenarioId: 'corner-cafe', length: 5, finalHash: replay.finalHash });
    expect(viewer.url()).toBe(`${server.url}/`);
    expect(viewer.url()).not.toContain(replay.seed as string);
    expect(await viewer.textContent('body')).toContain('from Ada Lovelace’s run');
    await viewer.screenshot({ path: `${SHOTS}/drill-replay-viewer.png` });
    await viewer.close();

    // Close gives the focus back to the row's button.
    await drill.locator('button', { hasText: 'Close' }).click();
    await poll(() => drill.isHidden()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('View run of Ada Lovelace');

    // The same dashboard at 1024×768.
    const small = await open(server.url, `/facilitator/class#class=${cls.id}&key=${cls.key}`, { width: 1024, height: 768 });
    await poll(() => rowNames(small.page)).toHaveLength(3);
    await small.page.locator(`tr[data-learner="${grace.welcome!.learnerId as string}"] [data-focus=view]`).click();
    await poll(() => small.page.locator('[data-testid=drill-choices] li').count()).toBe(2);
    await small.page.screenshot({ path: `${SHOTS}/dashboard-list-1024.png`, fullPage: true });
    for (const l of people) l.close();
    expect(problems).toEqual([]);
  });

  it('without the game, the drill-down lists the choices in plain HTML and offers no viewer', async () => {
    const cls = await createClass(plain.url);
    const lin = await new Learner(plain.url, (await joinClass(plain.url, cls.code, 'Lin')).token, 'Lin').connect();
    const labels = await playListed(lin, 3);
    const { page } = await open(plain.url, `/facilitator/class#class=${cls.id}&key=${cls.key}`);
    await page.locator('[data-focus=view]').click();
    const drill = page.locator('[data-testid=drill]');
    await poll(() => drill.locator('[data-testid=drill-choices] li > span:first-child').allTextContents()).toEqual(labels);
    expect(await drill.locator('[data-testid=drill-choices]').isVisible()).toBe(true);
    expect(await drill.locator('[data-testid=open-viewer]').count()).toBe(0);
    expect(await drill.textContent()).toContain('The replay viewer is available when the server also serves the game.');
    await drill.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/dashboard-drill-plain-1280.png` });
    lin.close();
    expect(problems).toEqual([]);
    // axe on the dashboard with the list tools, the counts and the drill-down open (run last: its
    // own inline styles are refused by the page's CSP, which shows up as console errors).
    await page.evaluate(axeSource);
    const results = await page.evaluate(() => (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] }));
    expect(seriousOrWorse(results.violations)).toEqual([]);
  });
});
