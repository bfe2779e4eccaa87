import { describe, expect, it } from 'vitest';
import { axeViolations, seriousOrWorse } from './axe';
import { openGame, saveScreenshot, useHarness } from './harness';
import { playUntil, POLICY, settle, startScenario } from './play';

const harness = useHarness();

const SAVE_KEY = 'sprintwise.save.corner-cafe';

describe('"What if…" beside the debrief’s lessons', () => {
  it('works out, in a worker after the first paint, what the other options would have led to, with bands beside "You", and never touches the save', async () => {
    const page = await openGame(harness);
    await startScenario(page, harness.baseUrl, 'whatif-1');
    // Single dates for "when?": a costly choice made at one step, with other options beside it.
    await playUntil(page, (s) => s.scene === 'Debrief', { policy: ['answerForecast:date', ...POLICY] });

    // First paint: the lessons are there with their toggles before any figure is ready.
    const lessons = page.locator('.lessons');
    const toggles = page.locator('.lesson .whatif__toggle');
    await expect(toggles.count()).resolves.toBe(await page.locator('.lesson').count());
    await expect(toggles.count()).resolves.toBeGreaterThan(0);
    const saveBefore = await page.evaluate((k) => localStorage.getItem(k), SAVE_KEY);
    expect(saveBefore).not.toBeNull();
    // Closed at first, so the first screen still fits unscrolled at 1280×720.
    await expect(page.locator('.whatif:not([hidden])').count()).resolves.toBe(0);
    const fits = await page.evaluate(() => {
      const pane = document.querySelector<HTMLElement>('[data-scroll="main"]')!;
      const top = pane.getBoundingClientRect().top;
      return Math.max(...[...document.querySelectorAll('.lesson')].map((l) => l.getBoundingClientRect().bottom - top)) <= pane.clientHeight;
    });
    expect(fits).toBe(true);

    // While it runs, the toggle shows progress; opened, the panel says it is working.
    await page.waitForFunction(() => document.querySelector('.lessons')?.getAttribute('data-whatif') !== null, undefined, { timeout: 10_000 });
    const early = await lessons.getAttribute('data-whatif');
    if (early === 'running') {
      await expect(toggles.first().locator('progress').count()).resolves.toBe(1);
      await toggles.first().click();
      await expect(page.locator('#whatif-1').textContent()).resolves.toMatch(/Playing the other options on to the end/);
      await toggles.first().click();
    }

    await page.waitForFunction(() => document.querySelector('.lessons')?.getAttribute('data-whatif') === 'done', undefined, { timeout: 240_000 });
    const ms = Number(await lessons.getAttribute('data-whatif-ms'));
    const workerMs = Number(await lessons.getAttribute('data-whatif-worker-ms'));
    const rollouts = await lessons.getAttribute('data-whatif-rollouts');
    console.info(`what-if in Chromium: ${rollouts} rollouts, ${ms} ms from the request to the figures (${workerMs} ms of rollouts in the worker)`);

    // Every lesson's panel: "You" and a row per option with a band, or a note saying why not.
    let tables = 0;
    for (let i = 0; i < (await toggles.count()); i++) {
      const toggle = toggles.nth(i);
      await toggle.click();
      await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
      const region = page.locator(`#whatif-${i + 1}`);
      await expect(region.isVisible()).resolves.toBe(true);
      await expect(region.locator('.whatif__you').textContent()).resolves.toMatch(/^You: your run ended with value \d[\d,]*, Product Goal (\d+%|not measured), trust \d+\.$/);
      if ((await region.locator('table').count()) === 0) {
        await expect(region.locator('.whatif__note').textContent()).resolves.toMatch(/no alternative to try here/);
        continue;
      }
      tables++;
      const rows = region.locator('tbody tr');
      expect(await rows.count()).toBeGreaterThanOrEqual(2);
      expect(await rows.count()).toBeLessThanOrEqual(4);
      await expect(rows.first().locator('th').textContent()).resolves.toMatch(/^Your choice: .{10,}/);
      for (const r of await rows.all()) {
        const cells = await r.locator('td').allTextContents();
        expect(cells[0]).toMatch(/^\d[\d,]*( \(\d[\d,]* to \d[\d,]*\))?$/);
        expect(cells[1]).toMatch(/^(\d+%( \(\d+% to \d+%\))?|not measured)$/);
        expect(cells[2]).toMatch(/^\d+( \(\d+ to \d+\))?$/);
      }
      await expect(region.locator('.whatif__how').textContent()).resolves.toMatch(/played 30 times the way a sound Product Owner would/);
      // Words for people: no ids, no camelCase.
      const words = await region.innerText();
      expect(words).not.toMatch(/\b[a-z]+[A-Z]\w*\b/);
      expect(words).not.toMatch(/\w:\w/);
    }
    expect(tables).toBeGreaterThan(0);
    expect(seriousOrWorse(await axeViolations(page))).toEqual([]);

    // Only the first panel open, for the screenshot.
    for (let i = 1; i < (await toggles.count()); i++) await toggles.nth(i).click();
    await page.locator('.lessons').scrollIntoViewIfNeeded();
    await page.evaluate(() => document.querySelector('.lessons')!.scrollIntoView({ block: 'start' }));
    await settle(page);
    await saveScreenshot(page, 'Debrief-whatif-1280x720');

    // The rollouts never wrote the save.
    expect(await page.evaluate((k) => localStorage.getItem(k), SAVE_KEY)).toBe(saveBefore);
  }, 600_000);
});
