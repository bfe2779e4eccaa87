import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryLogger } from '../../src/server/log';
import { startServer, type RunningServer } from '../../src/server/server';
import { axeViolations, seriousOrWorse } from './axe';
import { openGame, saveScreenshot, useHarness, waitForScene } from './harness';
import { distDir } from './paths';
import { clickAction, playUntil, screenshotsAtBothSizes, settle, startScenario, status } from './play';

const harness = useHarness();

// The café's first knowledge check (scenarios/corner-cafe.yaml): what is part of the PO's job?
const WRONG = 'answerQuestion:assign-tasks';
const BEST_LABEL = 'Developing the Product Goal and ordering the Product Backlog so everyone understands it';
const BEST_WHY = 'The PO develops and communicates the Product Goal, creates and orders backlog items and keeps the backlog transparent.';
const WRONG_WHY = 'The Developers plan their own work; the PO does not assign tasks.';

const card = (page: Page) => page.locator('[data-coach]');
const announced = (page: Page) => page.locator('#announcer').textContent();

/** The same screen at the other size the game is checked at. */
const shoot = (page: Page, name: string) => screenshotsAtBothSizes(page, name);

/** Answers the briefing's open questions with the first listed answer until none is open. */
async function answerOpenQuestions(page: Page): Promise<void> {
  for (let i = 0; i < 10 && (await status(page)).dialog; i++) {
    const id = await page.locator('dialog[open] button[data-action^="answerQuestion:"]').first().getAttribute('data-action');
    if (!id) return;
    await clickAction(page, id);
  }
}

describe('the coach', () => {
  it('shows the right answer and why after a wrong knowledge-check answer, on screen and in the live region', async () => {
    const page = await openGame(harness);
    await startScenario(page, harness.baseUrl, 'coach-1');
    expect((await status(page)).dialog).toBe(true);
    await clickAction(page, WRONG);
    const text = await card(page).textContent();
    expect(text).toContain('Not right');
    expect(text).toContain(`Your answer: ${WRONG_WHY}`);
    expect(text).toContain(`The best answer: ${BEST_LABEL}.`);
    expect(text).toContain(`Why it is best: ${BEST_WHY}`);
    expect(text).toContain('The idea: ');
    await expect.poll(() => announced(page)).toContain(`The best answer: ${BEST_LABEL}.`);
    await shoot(page, 'coach-wrong-answer');
    expect(seriousOrWorse(await axeViolations(page))).toEqual([]);
  });

  it('shows a judged decision with its verdict and reason, and says what the world will judge later', async () => {
    const page = await openGame(harness);
    await startScenario(page, harness.baseUrl, 'coach-2');
    await answerOpenQuestions(page);
    await clickAction(page, 'chooseProductGoal:morning-orders');
    const item = card(page).locator('.coach__item').first();
    await expect.poll(() => item.getAttribute('data-verdict')).toBe('strong');
    const text = await card(page).textContent();
    expect(text).toContain('Strong choice');
    // The engine's reason names what the player saw: the goal's words and the vision.
    expect(text).toMatch(/Why: "[^"]+" can be measured and serves the vision/);
    expect(text).toContain('We will see: your Product Goal is judged again at each Sprint Planning');
    await expect.poll(() => announced(page)).toContain('Strong choice: ');
    // The choice was made far down the pane: the card is brought into view.
    const inView = () =>
      card(page).evaluate((e) => {
        const pane = e.closest('[data-scroll]')!.getBoundingClientRect();
        const box = e.getBoundingClientRect();
        return box.top >= pane.top - 1 && box.top < pane.bottom - 40;
      });
    await expect.poll(inView).toBe(true);
    await shoot(page, 'coach-judged-decision');
    expect(seriousOrWorse(await axeViolations(page))).toEqual([]);
    // Keyboard: the main pane that holds the card is reachable and scrolls with the keys.
    expect(await card(page).evaluate((e) => (e.closest('[data-scroll="main"]') as HTMLElement | null)?.tabIndex)).toBe(0);

    // Sprint Planning settles the Sprint Goal: the later judgements point back to the choices behind them.
    await playUntil(page, (s) => s.phase?.startsWith('sprint.execution') ?? false);
    const later = (await card(page).textContent()) ?? '';
    expect(later).toContain('About your choice before Sprint 1: your Product Goal.');
    await shoot(page, 'coach-sprint-planning');
    const more = card(page).locator('details.coach__more > summary');
    if (await more.count()) {
      await more.focus();
      await page.keyboard.press('Enter');
      expect(await card(page).locator('details.coach__more').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
      await saveScreenshot(page, 'coach-sprint-planning-open-1280x720');
    }
    expect(seriousOrWorse(await axeViolations(page))).toEqual([]);
  });

  it('in assessment mode shows what happened but no verdict and no right answer', async () => {
    const page = await openGame(harness);
    await page.evaluate(() => localStorage.setItem('sprintwise.settings', JSON.stringify({ assessmentMode: true })));
    await startScenario(page, harness.baseUrl, 'coach-3');
    await clickAction(page, WRONG);
    const text = (await card(page).textContent()) ?? '';
    expect(text).toContain('What happened');
    expect(await card(page).locator('.coach__item').count()).toBe(0);
    for (const word of ['Not right', 'The best answer', BEST_WHY, 'Strong', 'Weak', 'Mixed']) expect(text).not.toContain(word);
    await answerOpenQuestions(page);
    await clickAction(page, 'chooseProductGoal:morning-orders');
    const after = (await card(page).textContent()) ?? '';
    expect(after).not.toMatch(/Strong|Weak|Mixed|We will see/);
    expect(await announced(page)).not.toMatch(/Strong|Weak|Mixed|best answer/);
    await shoot(page, 'coach-assessment-mode');
    expect(seriousOrWorse(await axeViolations(page))).toEqual([]);
  });

  it('turns assessment mode on from the settings dialog and remembers it', async () => {
    const page = await openGame(harness);
    await page.waitForFunction(() => window.__sprintwise?.scene === 'Title' && window.__sprintwise.ready);
    await page.locator('#title-settings').click();
    const box = page.locator('#setting-assessment');
    expect(await box.isChecked()).toBe(false);
    await box.check();
    expect(JSON.parse((await page.evaluate(() => localStorage.getItem('sprintwise.settings'))) ?? '{}')).toMatchObject({ assessmentMode: true });
    await saveScreenshot(page, 'coach-settings-1280x720');
  });
});

describe('the coach in a class', () => {
  let server: RunningServer;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'sprintwise-coach-class-'));
    server = await startServer({ port: 0, host: '127.0.0.1', dataDir, distDir, logger: memoryLogger() });
  });
  afterAll(async () => {
    await server?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  async function post(path: string, body: unknown, key?: string): Promise<any> {
    const res = await fetch(`${server.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...(key ? { Authorization: `Bearer ${key}` } : {}) }, body: JSON.stringify(body) });
    return res.json();
  }

  it("follows the facilitator's choice over the learner's own setting, both ways", async () => {
    const created = await post('/api/classes', { content: { kind: 'scenario', id: 'corner-cafe' }, coach: false });
    const { class: info, key } = created as { class: { id: string; code: string }; key: string };
    const context = await harness.browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    try {
      await page.goto(`${server.url}/?join=${info.code}`);
      await waitForScene(page, 'Classroom');
      await page.keyboard.type('Ada');
      await page.keyboard.press('Enter');
      await waitForScene(page, 'Briefing');
      await settle(page);
      // The learner's own setting has the coach on; the class has it off.
      await clickAction(page, WRONG);
      await expect.poll(async () => (await card(page).textContent()) ?? '').toContain('What happened');
      expect(await card(page).locator('.coach__item').count()).toBe(0);
      expect(await card(page).textContent()).not.toContain('The best answer');

      // The facilitator turns the coach on; the learner had chosen assessment mode for themselves.
      await post(`/api/classes/${info.id}/coach-on`, {}, key);
      await page.locator('[data-focus="tool:menu"]').click();
      await page.locator('[data-focus="menu:settings"]').click();
      await page.locator('#setting-assessment').check();
      await expect.poll(async () => (await page.locator('dialog[open]').textContent()) ?? '').toContain('Your class has the coach on');
      await saveScreenshot(page, 'coach-class-settings-1280x720');
      await page.locator('dialog[open] button:has-text("Done")').click();
      await answerOpenQuestions(page);
      await clickAction(page, 'chooseProductGoal:morning-orders');
      await expect.poll(() => card(page).locator('.coach__item').first().getAttribute('data-verdict')).toBe('strong');
      expect(await card(page).textContent()).toContain('Strong choice');
      await saveScreenshot(page, 'coach-in-class-1280x720');
    } finally {
      await context.close();
    }
  });
});
