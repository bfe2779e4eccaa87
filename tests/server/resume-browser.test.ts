import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classroomInChromium, type ClassroomInChromium } from './chromium';
import { screenshotDir } from '../browser/paths';
import { clickAction, nextActionId, settle, status } from '../browser/play';
import { api, createClass, type TestServer } from './helpers';

/**
 * A learner moves to another device in real Chromium: two browser contexts (two devices, nothing
 * shared), the game built into a directory of its own. Screenshots go to test-results/screenshots/.
 */

describe('moving a class to another device in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  let room: ClassroomInChromium;
  const problems: string[] = [];

  beforeAll(async () => {
    mkdirSync(screenshotDir, { recursive: true });
    room = await classroomInChromium({ gameDirPrefix: 'sprintwise-resume-dist-' });
    ({ server, browser } = room);
  }, 180_000);
  afterAll(async () => {
    await room?.close();
  });

  async function device(path: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      // The old device's refused socket is expected; anything else is a problem.
      if (m.type() === 'error' && !/WebSocket|4011|401|404|400|410/.test(m.text())) problems.push(`console: ${m.text()}`);
    });
    await page.goto(`${server.url}${path}`);
    return page;
  }
  const inRun = (page: Page) => page.waitForFunction(() => window.__sprintwise?.ready && !['Title', 'Classroom'].includes(window.__sprintwise.scene), undefined, { timeout: 20_000 });

  it('plays on one device, continues on another at the same step, and signs the first one out', async () => {
    const cls = await createClass(server.url, { title: 'Tuesday CSPO' });
    const phone = await device(`/?join=${cls.code}`);
    await phone.waitForFunction(() => window.__sprintwise?.scene === 'Classroom');
    await phone.fill('#join-name', 'Ada Lovelace');
    await phone.click('#join-submit');
    await inRun(phone);
    for (let i = 0; i < 4; i++) await clickAction(phone, (await nextActionId(phone))!);
    const before = await settle(phone);
    expect(before.step).toBe(4);

    // Menu → Move to another device shows a code.
    await phone.click('[data-focus="tool:menu"]');
    await phone.click('[data-focus="menu:move"]');
    const shown = phone.locator('[data-testid=resume-code]');
    await shown.waitFor();
    const code = (await shown.textContent())!;
    expect(code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    await phone.screenshot({ path: `${screenshotDir}/resume-code-dialog.png` });
    await phone.keyboard.press('Escape');

    // A fresh device: Join a class → I have a resume code. A mistyped code is refused first.
    const laptop = await device('/');
    await laptop.waitForFunction(() => window.__sprintwise?.ready && window.__sprintwise.scene === 'Title');
    await laptop.click('#join-class');
    await laptop.waitForFunction(() => window.__sprintwise?.scene === 'Classroom');
    await laptop.screenshot({ path: `${screenshotDir}/resume-join-form.png` });
    await laptop.click('#join-resume-switch');
    expect(await laptop.evaluate(() => document.activeElement?.id)).toBe('resume-code');
    await laptop.fill('#resume-code', 'AAAAA-AAAAA');
    await laptop.click('#resume-submit');
    await laptop.waitForSelector('#join-error');
    expect(await laptop.textContent('#join-error')).toContain('This resume code does not work');
    expect(await laptop.getAttribute('#resume-code', 'aria-invalid')).toBe('true');
    await laptop.fill('#resume-code', code.toLowerCase().replace('-', ' '));
    await laptop.screenshot({ path: `${screenshotDir}/resume-code-form.png` });
    await laptop.click('#resume-submit');
    await inRun(laptop);
    const after = await settle(laptop);
    expect({ phase: after.phase, step: after.step, stateHash: after.stateHash }).toEqual({ phase: before.phase, step: before.step, stateHash: before.stateHash });

    // The run goes on here: the next choice is step 5, and the server has it.
    await clickAction(laptop, (await nextActionId(laptop))!);
    expect((await status(laptop)).step).toBe(5);
    const dash = await api(server.url, 'GET', `/api/classes/${cls.id}`, { key: cls.key });
    expect(dash.json.learners).toHaveLength(1);
    expect(dash.json.learners[0]).toMatchObject({ name: 'Ada Lovelace', steps: 5 });

    // The first device says where the class went, and its stored place is gone.
    await phone.waitForFunction(() => document.body.textContent?.includes('You moved this class to another device'));
    expect(await phone.evaluate(() => localStorage.getItem('sprintwise.classroom.game.v1'))).toBeNull();
    await phone.screenshot({ path: `${screenshotDir}/resume-old-device.png` });
    expect(problems).toEqual([]);
  }, 120_000);
});
