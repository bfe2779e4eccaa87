import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLICIES } from '../../src/bots';
import { classroomInChromium, type ClassroomInChromium } from './chromium';
import { screenshotDir } from '../browser/paths';
import { createClass, joinClass, Learner, type Json, type TestServer } from './helpers';

/** The dashboard's Withdraw button in real Chromium. Screenshot: test-results/screenshots/dashboard-unrelease.png. */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 10_000, interval: 50 });

describe('withdrawing a release from the dashboard', () => {
  let server: TestServer;
  let browser: Browser;
  let room: ClassroomInChromium;
  beforeAll(async () => {
    mkdirSync(screenshotDir, { recursive: true });
    room = await classroomInChromium();
    ({ server, browser } = room);
  }, 60_000);
  afterAll(async () => {
    await room?.close();
  });

  it('takes a release back while nobody has entered it, and says who has once someone did', async () => {
    const cls = await createClass(server.url, { title: 'Tuesday CSPO', pacing: 'lockstep' });
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
    const page: Page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${server.url}/facilitator/class#class=${cls.id}&key=${cls.key}`);
    const withdraw = page.locator('[data-testid=unrelease]');
    await poll(() => withdraw.textContent()).toBe('Withdraw the last release');
    expect(await withdraw.isDisabled()).toBe(true);

    await page.click('[data-testid=release]');
    await poll(() => withdraw.textContent()).toBe('Withdraw: Sprint 1 · Sprint Planning');
    await withdraw.click();
    await poll(() => page.textContent('[data-testid=status]')).toContain('released: Briefing');
    expect(await withdraw.isDisabled()).toBe(true);

    // Released again; Ada enters Sprint Planning; withdrawing is refused, naming her.
    await page.click('[data-testid=release]');
    await poll(() => withdraw.isDisabled()).toBe(false);
    const ada = await new Learner(server.url, (await joinClass(server.url, cls.code, 'Ada')).token).connect();
    const policy = POLICIES.first!('dash');
    while (String(ada.observation!.phase).startsWith('briefing')) expect((await ada.act(policy.choose(ada.step()) as Json)).type).toBe('ack');
    await withdraw.click();
    await poll(() => page.textContent('#opMessage')).toBe('"Sprint 1 · Sprint Planning" cannot be withdrawn: Ada has already entered it');
    expect(await page.textContent('[data-testid=status]')).toContain('released: Sprint 1 · Sprint Planning');
    await page.screenshot({ path: `${screenshotDir}/dashboard-unrelease.png` });
    ada.close();
    expect(problems).toEqual([]);
  });
});
