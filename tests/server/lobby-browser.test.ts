import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classroomInChromium, type ClassroomInChromium } from './chromium';
import { screenshotDir } from '../browser/paths';
import { api, createClass, joinClass, type TestServer } from './helpers';

/**
 * The projector lobby and announcements in real Chromium, with the game built into a directory of
 * its own (dist/ belongs to the browser tests). Screenshots at 1280×720 go to test-results/screenshots/.
 */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 10_000, interval: 50 });
const SHOTS = screenshotDir;

describe('the projector lobby and announcements in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  let room: ClassroomInChromium;
  const problems: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    room = await classroomInChromium({ gameDirPrefix: 'sprintwise-lobby-dist-' });
    ({ server, browser } = room);
  }, 180_000);
  afterAll(async () => {
    await room?.close();
  });

  async function open(path: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    // A CSP violation or a failed script shows up as a console error.
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    await page.goto(`${server.url}${path}`);
    return page;
  }

  it('the lobby shows the code, a QR code and a rising count; Start releases; an announcement and a timer reach the game', async () => {
    const cls = await createClass(server.url, { title: 'Tuesday CSPO', pacing: 'lockstep' });
    const fragment = `#class=${cls.id}&key=${cls.key}`;
    const lobby = await open(`/facilitator/lobby${fragment}`);
    await poll(() => lobby.textContent('[data-testid=code]')).toBe(cls.code);
    expect(await lobby.locator('[data-testid=qr] svg[role=img]').count()).toBe(1);
    expect(await lobby.textContent('[data-testid=join-url]')).toBe(`${server.url.replace(/^http:\/\//, '')}/?join=${cls.code}`);
    await poll(() => lobby.textContent('[data-testid=counter]')).toBe('Nobody has joined yet');

    // A learner joins through the join link, in the game.
    const game = await open(`/?join=${cls.code}`);
    await game.waitForFunction(() => window.__sprintwise?.scene === 'Classroom');
    await game.fill('#join-name', 'Ada Lovelace');
    await game.click('#join-submit');
    await game.waitForFunction(() => window.__sprintwise?.ready && window.__sprintwise.scene === 'Briefing', undefined, { timeout: 20_000 });
    await poll(() => lobby.textContent('[data-testid=counter]')).toBe('1 learner has joined');
    for (const name of ['Grace Hopper', 'Alan Turing', 'Katherine Johnson', 'Margaret Hamilton']) await joinClass(server.url, cls.code, name);
    await poll(() => lobby.textContent('[data-testid=counter]')).toBe('5 learners have joined');
    expect(await lobby.locator('#names li').allTextContents()).toEqual(['Ada Lovelace', 'Grace Hopper', 'Alan Turing', 'Katherine Johnson', 'Margaret Hamilton']);
    await lobby.screenshot({ path: `${SHOTS}/lobby.png` });

    // Start is the dashboard's release command.
    expect(await lobby.textContent('[data-testid=start]')).toBe('Start: Sprint 1 · Sprint Planning');
    await lobby.click('[data-testid=start]');
    await poll(() => lobby.textContent('[data-testid=start]')).toBe('Release: Sprint 1 · Sprint execution');
    expect((await api(server.url, 'GET', `/api/classes/${cls.id}`, { key: cls.key })).json.class.released.index).toBe(1);

    // The dashboard links to the lobby, sends an announcement and starts a timer.
    const dashboard = await open(`/facilitator/class${fragment}`);
    expect(await dashboard.getAttribute('[data-testid=lobby-link]', 'href')).toBe(`/facilitator/lobby${fragment}`);
    await dashboard.fill('[data-testid=announce-text]', 'Ten minutes for planning, then we talk.');
    await dashboard.click('[data-testid=announce]');
    await poll(() => dashboard.textContent('#announceMessage')).toContain('to 1 connected learner: “Ten minutes for planning, then we talk.”');
    await dashboard.fill('[data-testid=timer-minutes]', '10');
    await dashboard.click('[data-testid=timer-start]');
    await poll(() => dashboard.textContent('#timerMessage')).toContain('Suggested time for Sprint 1 · Sprint Planning: 10 minutes');
    await dashboard.locator('#notes').scrollIntoViewIfNeeded();
    await dashboard.screenshot({ path: `${SHOTS}/dashboard-notes.png` });

    const banner = game.locator('[data-testid=announcement][role=status]');
    await poll(() => banner.textContent()).toContain('From your facilitator: Ten minutes for planning, then we talk.');
    await poll(() => game.textContent('[data-testid=stage-timer]')).toMatch(/^Suggested time for Sprint 1 · Sprint Planning: (10:00|9:5\d) left/);
    await game.screenshot({ path: `${SHOTS}/game-announcement.png` });

    // Dismissed, it stays away after a reload; the timer comes back (it is still running).
    await game.click('[data-testid=announcement] button');
    expect(await banner.count()).toBe(0);
    await game.reload();
    await game.waitForFunction(() => window.__sprintwise?.ready && window.__sprintwise.scene === 'Briefing', undefined, { timeout: 20_000 });
    await game.locator('[data-testid=stage-timer]').waitFor();
    expect(await banner.count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('an announcement reaches the minimal learner page too, and the latest one comes back after a reload', async () => {
    const cls = await createClass(server.url);
    const page = await open(`/learn#code=${cls.code}`);
    await page.fill('#name', 'Lin');
    await page.click('#joinButton');
    await page.locator('[data-testid=actions] button').first().waitFor();
    const say = (text: string) => api(server.url, 'POST', `/api/classes/${cls.id}/announce`, { key: cls.key, body: { text } });
    expect((await say('Break until eleven')).status).toBe(200);
    await poll(() => page.textContent('[data-announcement][role=status]')).toBe('From your facilitator: Break until eleven');
    await say('Back to work');
    await poll(() => page.locator('[data-announcement]').allTextContents()).toEqual(['From your facilitator: Back to work']);
    await page.reload();
    await poll(() => page.locator('[data-announcement]').allTextContents()).toEqual(['From your facilitator: Back to work']);
    expect(problems).toEqual([]);
  });
});
