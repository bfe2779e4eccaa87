import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './chromium';
import { startTestServer, type TestServer } from './helpers';

/** The default poll gives up after a second, too soon on a busy machine. */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 8000, interval: 50 });


describe('the classroom in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  const problems: string[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** A fresh context per person: their own localStorage, as on their own laptop. */
  async function open(path: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(8000);
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    // A CSP violation or a failed script shows up as a console error.
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    await page.goto(`${server.url}${path}`);
    return { context, page };
  }

  async function joinAs(code: string, name: string): Promise<Page> {
    const { page } = await open(`/learn#code=${code}`);
    await page.fill('#name', name);
    await page.click('#joinButton');
    await page.locator('[data-testid=actions] button').first().waitFor();
    return page;
  }

  async function takeFirstAction(page: Page, expectedSaved: number): Promise<void> {
    await page.locator('[data-testid=actions] button:not([disabled])').first().click();
    await poll(() => page.textContent('[data-testid=steps]')).toBe(`${expectedSaved} ${expectedSaved === 1 ? 'action' : 'actions'} saved on the server`);
    await page.locator('[data-testid=actions] button:not([disabled])').first().waitFor();
  }

  it('creates a class, two learners play, the dashboard follows, a reload resumes', async () => {
    const { page: facilitator } = await open('/facilitator');
    await facilitator.locator('#content option').first().waitFor({ state: 'attached' });
    await facilitator.selectOption('#content', 'scenario:corner-cafe');
    await facilitator.fill('#title', 'Browser class');
    await facilitator.click('#createButton');
    const code = (await facilitator.locator('[data-testid=join-code]').textContent())!;
    expect(code).toMatch(/^[A-Z2-9]{7}$/);
    const link = (await facilitator.textContent('[data-testid=facilitator-link]'))!;
    expect(link).toContain('#class=');
    await facilitator.click('[data-testid=open-dashboard]');
    await poll(() => facilitator.textContent('[data-testid=code]')).toBe(code);

    const hostile = '<b id="pwned">Bold</b>';
    const ann = await joinAs(code, 'Ann');
    const bob = await joinAs(code, hostile);
    await takeFirstAction(ann, 1);
    await takeFirstAction(ann, 2);
    await takeFirstAction(bob, 1);

    const rows = facilitator.locator('[data-testid=learners] tr[data-learner]');
    await poll(() => rows.count()).toBe(2);
    await poll(() => facilitator.locator('[data-testid=learners] tr[data-steps="2"] .name').textContent()).toBe('Ann');
    // The hostile name is shown as text, never turned into markup.
    await poll(() => facilitator.locator('[data-testid=learners] tr[data-steps="1"] .name').textContent()).toBe(hostile);
    expect(await facilitator.locator('#pwned').count()).toBe(0);
    expect(await bob.textContent('[data-testid=who]')).toBe(hostile);

    // A reload resumes the same game at the same place.
    const where = await ann.textContent('[data-testid=where]');
    const labels = await ann.locator('[data-testid=actions] button').allTextContents();
    await ann.reload();
    await ann.locator('[data-testid=actions] button').first().waitFor();
    expect(await ann.textContent('[data-testid=where]')).toBe(where);
    expect(await ann.locator('[data-testid=actions] button').allTextContents()).toEqual(labels);
    await takeFirstAction(ann, 3);
    await poll(() => facilitator.locator('[data-testid=learners] tr[data-steps="3"] .name').textContent()).toBe('Ann');

    // Pausing reaches the learners at once.
    await facilitator.click('[data-testid=pause]');
    await poll(() => ann.textContent('[data-testid=banner]')).toContain('paused');
    await facilitator.click('[data-testid=resume]');
    await poll(() => ann.isHidden('[data-testid=banner]')).toBe(true);

    // The debrief view shows how the class chose so far.
    const { page: debrief } = await open(new URL(link).pathname.replace('/class', '/debrief') + new URL(link).hash);
    await debrief.locator('[data-decision]').first().waitFor();
    expect(await debrief.textContent('#summary')).toContain('2 learners');

    expect(problems).toEqual([]);
  });
});
