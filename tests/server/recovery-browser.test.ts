import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classroomInChromium, type ClassroomInChromium } from './chromium';
import { screenshotDir } from '../browser/paths';
import { joinClass, type TestServer } from './helpers';

/**
 * Getting back into a class in real Chromium: a facilitator creates a class, loses the browser
 * (a fresh profile: no tab, no history, no storage), gets back in with the class code and the
 * recovery code, and a co-facilitator watches through the read-only link. Screenshots at
 * 1280×720 go to test-results/screenshots/.
 */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 10_000, interval: 50 });
const SHOTS = screenshotDir;

describe('getting back into a class in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  let room: ClassroomInChromium;
  const problems: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    room = await classroomInChromium();
    ({ server, browser } = room);
  }, 60_000);
  afterAll(async () => {
    await room?.close();
  });

  /** A fresh browser profile: its own storage, as on another machine. */
  async function profile(): Promise<BrowserContext> {
    return browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
  }

  async function open(context: BrowserContext, path: string): Promise<Page> {
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    // A CSP violation or a failed script is a console error; refused requests (403) are expected here.
    page.on('console', (m) => {
      if (m.type() === 'error' && !/status of 403/.test(m.text())) problems.push(`console: ${m.text()}`);
    });
    await page.goto(`${server.url}${path}`);
    return page;
  }

  it('the recovery code gets a facilitator back in; the old link stops working; the read-only link has no commands', async () => {
    // Create the class on the facilitator page.
    const first = await profile();
    const start = await open(first, '/facilitator');
    await poll(() => start.locator('#content option').count()).toBeGreaterThan(0);
    await start.fill('#title', 'Tuesday CSPO');
    await start.click('#createButton');
    await poll(() => start.isVisible('#created')).toBe(true);
    const code = (await start.textContent('[data-testid=join-code]'))!;
    const recoveryCode = (await start.textContent('[data-testid=recovery-code]'))!;
    const oldLink = (await start.textContent('[data-testid=facilitator-link]'))!;
    const viewLink = (await start.textContent('[data-testid=view-link]'))!;
    expect(recoveryCode).toMatch(/^([A-Z2-9]{5}-){3}[A-Z2-9]{5}$/);
    expect(viewLink).toMatch(/\/facilitator\/class#class=c_[\w-]+&view=[\w-]{43}$/);
    // This browser remembers the class.
    expect(await start.locator('[data-testid=my-classes] a').allTextContents()).toEqual([`Tuesday CSPO (code ${code})`]);
    await start.screenshot({ path: `${SHOTS}/class-created.png`, fullPage: true });
    await joinClass(server.url, code, 'Ada Lovelace');

    // Another browser: nothing remembered. The link on the start page leads to the recovery form.
    const second = await profile();
    const fresh = await open(second, '/facilitator');
    expect(await fresh.isVisible('[data-testid=my-classes]')).toBe(false);
    await fresh.click('[data-testid=recover-link]');
    await poll(() => fresh.url()).toBe(`${server.url}/facilitator/recover`);
    await fresh.fill('#code', code.toLowerCase());
    await fresh.fill('#recoveryCode', 'ABCDE-FGHJK-MNPQR-STWXY');
    await fresh.click('#recoverButton');
    await poll(() => fresh.textContent('#recoverError')).toContain('Could not get back in: no class has this join code, or the recovery code is wrong');
    await fresh.screenshot({ path: `${SHOTS}/recover-refused.png`, fullPage: true });
    await fresh.fill('#recoveryCode', recoveryCode.toLowerCase().replaceAll('-', ' '));
    await fresh.click('#recoverButton');
    await poll(() => fresh.isVisible('#recovered')).toBe(true);
    expect(await fresh.textContent('#recoveredTitle')).toBe('You are back in “Tuesday CSPO”');
    const newRecoveryCode = (await fresh.textContent('[data-testid=recovery-code]'))!;
    expect(newRecoveryCode).toMatch(/^([A-Z2-9]{5}-){3}[A-Z2-9]{5}$/);
    expect(newRecoveryCode).not.toBe(recoveryCode);
    const newLink = (await fresh.textContent('[data-testid=facilitator-link]'))!;
    expect(newLink).not.toBe(oldLink);
    await fresh.screenshot({ path: `${SHOTS}/recover-done.png`, fullPage: true });

    // The dashboard opens with the new link, live, with its commands.
    await fresh.click('[data-testid=open-dashboard]');
    await poll(() => fresh.textContent('#title')).toBe('Tuesday CSPO');
    await poll(() => fresh.textContent('#connection')).toBe('Live');
    expect(await fresh.textContent('[data-testid=code]')).toBe(code);
    await poll(() => fresh.locator('[data-testid=learners] tr').count()).toBe(1);
    expect(await fresh.isVisible('[data-testid=pause]')).toBe(true);
    expect(await fresh.isVisible('[data-testid=make-view-link]')).toBe(true);
    await fresh.screenshot({ path: `${SHOTS}/recover-dashboard.png`, fullPage: true });
    // The new browser now remembers the class, with the new key.
    const again = await open(second, '/facilitator');
    expect(await again.getAttribute('[data-testid=my-classes] a', 'href')).toBe(new URL(newLink).pathname + new URL(newLink).hash);

    // The old link no longer opens the dashboard.
    const stale = await open(first, new URL(oldLink).pathname + new URL(oldLink).hash);
    await poll(() => stale.textContent('#problem')).toBe('This link is not valid for this class: check the facilitator link.');

    // The co-facilitator's read-only link: the class, its learners, no command at all.
    const third = await profile();
    const viewer = await open(third, new URL(viewLink).pathname + new URL(viewLink).hash);
    await poll(() => viewer.textContent('#connection')).toBe('Live');
    await poll(() => viewer.locator('[data-testid=learners] tr[data-learner]').count()).toBe(1);
    expect(await viewer.textContent('[data-testid=view-only]')).toContain('Read-only view');
    // No command at all; reading tools (such as opening a learner's run) may stay.
    const buttons = await viewer.locator('button:visible').allTextContents();
    expect(buttons.filter((b) => /pause|resume|release|close|reopen|coach|inject|export|end\b|remove|send|timer|read-only link/i.test(b))).toEqual([]);
    for (const id of ['pause', 'resume', 'release', 'lock', 'unlock', 'coach-on', 'coach-off', 'inject', 'end', 'announce', 'timer-start', 'announce-text', 'timer-minutes', 'make-view-link'])
      expect(await viewer.isVisible(`[data-testid=${id}]`), id).toBe(false);
    for (const selector of ['#exportJson', '#exportCsv', '#card', '#timerClear']) expect(await viewer.isVisible(selector), selector).toBe(false);
    expect(await viewer.isVisible('#debriefLink')).toBe(true);
    await viewer.screenshot({ path: `${SHOTS}/view-only-dashboard.png`, fullPage: true });
    // Its lobby has no Start button; its debrief opens.
    const lobby = await open(third, `/facilitator/lobby${new URL(viewLink).hash}`);
    await poll(() => lobby.textContent('[data-testid=code]')).toBe(code);
    await poll(() => lobby.textContent('[data-testid=counter]')).toBe('1 learner has joined');
    expect(await lobby.locator('button:visible').count()).toBe(0);
    await lobby.screenshot({ path: `${SHOTS}/view-only-lobby.png` });
    const debrief = await open(third, `/facilitator/debrief${new URL(viewLink).hash}`);
    await poll(() => debrief.textContent('#title')).toBe('Debrief: Tuesday CSPO');

    // The facilitator replaces the read-only link: the co-facilitator's dashboard says so.
    fresh.on('dialog', (d) => void d.accept());
    await fresh.click('[data-testid=make-view-link]');
    await poll(() => fresh.textContent('[data-testid=new-view-link]')).toMatch(/\/facilitator\/class#class=c_[\w-]+&view=[\w-]{43}$/);
    expect(await fresh.textContent('[data-testid=new-view-link]')).not.toBe(viewLink);
    await poll(() => viewer.textContent('#problem')).toBe('The facilitator made a new read-only link, so this one no longer works. Ask them for the new one.');
    expect(await viewer.textContent('#connection')).toBe('Not connected');
    await fresh.screenshot({ path: `${SHOTS}/dashboard-new-view-link.png` });
    await viewer.screenshot({ path: `${SHOTS}/view-only-replaced.png` });

    expect(problems).toEqual([]);
    await Promise.all([first.close(), second.close(), third.close()]);
  }, 60_000);
});
