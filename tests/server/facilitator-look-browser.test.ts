import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './chromium';
import { seriousOrWorse } from '../browser/axe';
import { screenshotDir } from '../browser/paths';
import { lowContrastText } from './contrast';
import { createClass, joinClass, startTestServer, type CreatedClass, type TestServer } from './helpers';
import { fontStack, GAME_THEME, hexToRgb, swTokens } from './theme-tokens';

/**
 * The facilitator pages look like one product with the game: the game's font stack, colours and
 * brand, the game's primary button on each page's main action, its focus ring, no serious
 * accessibility finding and AA contrast for every text, at the two screen sizes the game is tested at. Screenshots go to
 * test-results/screenshots/facilitator-<page>-<width>.png.
 */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 10_000, interval: 50 });
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1024, height: 768 },
];
const theme = swTokens(GAME_THEME);
const token = (name: string): string => {
  const value = theme.get(name);
  if (!value) throw new Error(`the game's theme (src/game/theme/styles.css) has no ${name}`);
  return value;
};
const audited = new WeakSet<Page>();
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe on the page as it is; evaluated over the DevTools protocol, which the pages' CSP allows. */
async function axeFindings(page: Page): Promise<string[]> {
  audited.add(page);
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const results = await page.evaluate(() => (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] }));
  return seriousOrWorse(results.violations);
}

interface Look {
  rootBackground: string;
  text: string;
  font: string;
  h1: string;
  brand: string;
  accent: string;
}

async function look(page: Page): Promise<Look> {
  return page.evaluate(() => {
    const style = (selector: string) => {
      const node = document.querySelector(selector);
      if (!node) throw new Error(`the page has no ${selector}`);
      return getComputedStyle(node);
    };
    return {
      rootBackground: style('html').backgroundColor,
      text: style('body').color,
      font: style('body').fontFamily,
      h1: style('h1').color,
      brand: document.querySelector('header .brand')?.textContent ?? 'no brand in the header',
      accent: style('header .brand__accent').color,
    };
  });
}

describe('the facilitator pages look like the game', () => {
  let server: TestServer;
  let browser: Browser;
  let cls: CreatedClass;
  const problems: string[] = [];

  beforeAll(async () => {
    mkdirSync(screenshotDir, { recursive: true });
    server = await startTestServer();
    browser = await launchChromium();
    cls = await createClass(server.url, { title: 'Tuesday CSPO', pacing: 'lockstep' });
    for (const name of ['Grace Hopper', 'Alan Turing']) await joinClass(server.url, cls.code, name);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function open(path: string, size: { width: number; height: number }): Promise<Page> {
    const context = await browser.newContext({ viewport: size, reducedMotion: 'reduce' });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (e) => problems.push(`${path}: pageerror: ${e.message}`));
    // A CSP violation (an inline style, a font from elsewhere) shows up as a console error.
    page.on('console', (m) => {
      // axe itself tries inline styles, which the CSP blocks: once it has run, those are its own.
      if (m.type() === 'error' && !(audited.has(page) && m.text().startsWith('Applying inline style violates'))) problems.push(`${path}: console: ${m.text()}`);
    });
    await page.goto(`${server.url}${path}`);
    return page;
  }

  /** The checks every page shares, then its screenshot. */
  async function checkPage(page: Page, name: string, width: number): Promise<void> {
    const seen = await look(page);
    expect(fontStack(seen.font), `${name}: font`).toBe(fontStack(token('--sw-font')));
    expect(seen.rootBackground, `${name}: page background`).toBe(hexToRgb(token('--sw-ink')));
    expect(seen.text, `${name}: text colour`).toBe(hexToRgb(token('--sw-text')));
    expect(seen.h1, `${name}: heading colour`).toBe(hexToRgb(token('--sw-text')));
    expect(seen.brand, `${name}: product name`).toBe('Sprintwise');
    expect(seen.accent, `${name}: product name accent`).toBe(hexToRgb(token('--sw-orange')));
    expect(await axeFindings(page), `${name}: axe`).toEqual([]);
    // Light text is hardest to read where the game's backdrop glows: its navy-light centre.
    expect(await lowContrastText(page, token('--sw-navy-light')), `${name}: text contrast`).toEqual([]);
    await page.screenshot({ path: `${screenshotDir}/facilitator-${name}-${width}.png`, fullPage: true });
  }

  const background = (page: Page, selector: string) => page.locator(selector).evaluate((n) => getComputedStyle(n).backgroundColor);

  for (const size of SIZES) {
    it(`at ${size.width}×${size.height}: every page has the game's type, colours, brand and buttons, axe finds nothing serious and all text meets AA contrast`, async () => {
      const fragment = `#class=${cls.id}&key=${cls.key}`;

      const index = await open('/', size);
      await checkPage(index, 'index', size.width);

      // Starting a class: the main action is the game's primary (orange) button.
      const start = await open('/facilitator', size);
      await start.locator('#content option').first().waitFor({ state: 'attached' });
      expect(await background(start, '#createButton')).toBe(hexToRgb(token('--sw-orange')));
      await checkPage(start, 'start', size.width);
      await start.fill('#title', 'Thursday workshop');
      await start.click('#createButton');
      await start.locator('#created').waitFor();
      await checkPage(start, 'created', size.width);

      // Getting back into a class with a recovery code: a form like the start page's.
      const recover = await open('/facilitator/recover', size);
      expect(await background(recover, 'form button[type=submit]')).toBe(hexToRgb(token('--sw-orange')));
      await checkPage(recover, 'recover', size.width);

      // The minimal learner page, before and after joining.
      const learn = await open(`/learn#code=${cls.code}`, size);
      expect(await background(learn, '#joinButton')).toBe(hexToRgb(token('--sw-orange')));
      await checkPage(learn, 'learn-join', size.width);
      await learn.fill('#name', `Lin ${size.width}`);
      await learn.click('#joinButton');
      await learn.locator('[data-testid=actions] button').first().waitFor();
      await checkPage(learn, 'learn', size.width);
      // One answer, so the debrief has a decision point to show.
      await learn.locator('[data-testid=actions] button').first().click();
      await poll(() => learn.textContent('[data-testid=steps]')).toMatch(/^1 action saved/);

      // The dashboard: release is the primary action; the other controls are the game's plain buttons.
      const dashboard = await open(`/facilitator/class${fragment}`, size);
      await poll(() => dashboard.textContent('[data-testid=code]')).toBe(cls.code);
      await poll(() => dashboard.locator('[data-testid=learners] tr[data-learner]').count()).toBeGreaterThanOrEqual(3);
      expect(await background(dashboard, '#release')).toBe(hexToRgb(token('--sw-orange')));
      expect(await background(dashboard, '#pause')).toBe(hexToRgb(token('--sw-navy-light')));
      // The game's focus ring: thick and light, to be seen from across a room.
      await dashboard.locator('#pause').focus();
      await dashboard.keyboard.press('Tab');
      const ring = await dashboard.evaluate(() => {
        const s = getComputedStyle(document.activeElement!);
        return { tag: document.activeElement!.tagName, style: s.outlineStyle, width: Number.parseFloat(s.outlineWidth), colour: s.outlineColor };
      });
      expect(ring).toMatchObject({ tag: 'BUTTON', style: 'solid', colour: hexToRgb(token('--sw-text')) });
      expect(ring.width).toBeGreaterThanOrEqual(3);
      await dashboard.locator('#pause').focus();
      await dashboard.evaluate(() => (document.activeElement as HTMLElement).blur());
      await checkPage(dashboard, 'dashboard', size.width);

      const debrief = await open(`/facilitator/debrief${fragment}`, size);
      await poll(() => debrief.textContent('#summary')).toContain('learners');
      await checkPage(debrief, 'debrief', size.width);

      const lobby = await open(`/facilitator/lobby${fragment}`, size);
      await poll(() => lobby.textContent('[data-testid=code]')).toBe(cls.code);
      expect(await background(lobby, '#start')).toBe(hexToRgb(token('--sw-orange')));
      await checkPage(lobby, 'lobby', size.width);

      expect(problems).toEqual([]);
    }, 120_000);
  }
});
