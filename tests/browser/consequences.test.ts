import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, seriousOrWorse } from './axe';
import { engineObservation } from './engine-state';
import { openGame, saveScreenshot, startHarness, waitForScene, type Harness } from './harness';
import { clickAction, playUntil, POLICY, settle, startScenario, status } from './play';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

const CAFE = 'corner-cafe.yaml';
const SEED = 'consequences-1';
/** The scripted player, who also runs the Review as a working session with stakeholders. */
const WITH_REVIEW = ['setReviewFormat:workingSession', ...POLICY];

/** The screen at both sizes the game is checked at, and no serious axe violations on it. */
async function shots(page: Page, name: string): Promise<void> {
  await saveScreenshot(page, `${name}-1280x720`);
  expect(seriousOrWorse(await axeViolations(page))).toEqual([]);
  await page.setViewportSize({ width: 1024, height: 768 });
  await settle(page);
  await saveScreenshot(page, `${name}-1024x768`);
  await page.setViewportSize({ width: 1280, height: 720 });
  await settle(page);
}

const announced = (page: Page) => page.locator('#announcer').textContent().then((t) => t ?? '');

describe('visible consequences', () => {
  it('shows the Product Goal meter on every run screen, each trust change with its delta and cause (on screen and in the live region), and a report card before the Retrospective', async () => {
    const page = await openGame(harness);
    await startScenario(page, harness.baseUrl, SEED);

    // The Product Goal meter: on every run screen once the Sprints start, with the engine's figures.
    const metered = new Set<string>();
    await playUntil(page, (s) => s.phase?.startsWith('sprint.review') === true && !s.dialog, {
      policy: WITH_REVIEW,
      onScreen: async () => {
        const s = await status(page);
        if (s.dialog || !s.phase?.startsWith('sprint.') || metered.has(s.scene)) return;
        const o = await engineObservation(page, CAFE);
        const p = o.productGoalProgress!;
        const meter = page.locator('.hud [data-testid="goal-meter"]');
        await expect(meter.count()).resolves.toBe(1);
        await expect(meter.getAttribute('aria-valuetext')).resolves.toBe(`${p.released} of ${p.total} points (${Math.round((100 * p.released) / p.total)}%)`);
        await expect(meter.getAttribute('aria-label')).resolves.toBe(`Product Goal: ${p.goal}`);
        metered.add(s.scene);
      },
    });
    expect([...metered].sort()).toEqual(['Planning', 'Review', 'SprintDay']);
    await shots(page, 'Consequences-Review-goal-meter');

    // The Review as a working session: every stakeholder's trust rises, and the screen says why.
    const before = await engineObservation(page, CAFE);
    await clickAction(page, 'setReviewFormat:workingSession');
    const after = await engineObservation(page, CAFE);
    const deltas = after.stakeholders.map((s, i) => Math.round((s.trust - before.stakeholders[i]!.trust) * 10) / 10).filter((d) => d !== 0);
    expect(deltas.length).toBeGreaterThan(0);
    const cause = 'Stakeholders worked through the Increment with the Scrum Team';
    const line = page.locator('[data-testid="effects"] .effect--trust').filter({ hasText: cause });
    await expect(line.count()).resolves.toBe(new Set(deltas).size);
    const shown = (await line.first().textContent()) ?? '';
    expect(shown).toMatch(new RegExp(`^\\+${deltas[0]} trust for .+: ${cause}$`));
    await expect(announced(page)).resolves.toContain(`+${deltas[0]} trust for`);
    await expect(announced(page)).resolves.toContain(`${cause}.`);
    // Still when motion is reduced (the test's default); the lines slide in when motion is allowed.
    await expect(line.first().evaluate((e) => getComputedStyle(e).animationName)).resolves.toBe('none');
    await page.evaluate(() => (document.documentElement.dataset.motion = 'full'));
    await expect(line.first().evaluate((e) => getComputedStyle(e).animationName)).resolves.toBe('effect-in');
    await page.evaluate(() => (document.documentElement.dataset.motion = 'reduce'));
    await shots(page, 'Consequences-Review-trust');

    // Past the Review: the Retrospective opens with the Sprint's report card.
    await playUntil(page, (s) => s.phase?.startsWith('sprint.retro') === true && !s.dialog, { policy: WITH_REVIEW });
    const o = await engineObservation(page, CAFE);
    const sprint = o.sprintHistory.find((h) => h.number === o.sprint)!;
    await expect(page.locator('.hud [data-testid="goal-meter"]').count()).resolves.toBe(1);
    const card = page.locator('[data-testid="report-card"]');
    await expect(card.count()).resolves.toBe(1);
    const text = (await card.innerText()).replace(/\s+/g, ' ');
    expect(text).toContain(`Sprint ${o.sprint} report card`);
    expect(text).toContain(`Sprint Goal ${sprint.cancelled ? 'Cancelled' : sprint.goalMet ? 'Met' : 'Not met'}`);
    expect(text).toContain(`${sprint.velocity} of ${sprint.forecast}`);
    expect(text).toContain(`The Developers forecast ${sprint.forecast} point`);
    expect(text).toMatch(/Stakeholders (Pleased|Steady|Worried)/);
    // The working session raised trust this Sprint, so the stakeholders are not worried.
    expect(text).not.toContain('Worried');
    expect(text).toMatch(/Lesson: \S/);
    // The card comes first on the Retrospective screen, before the reflection.
    const order = await page.locator('.pane--main section').evaluateAll((sections) => sections.map((s) => s.className.split(' ')[0]));
    expect(order.indexOf('report-card')).toBeLessThan(order.indexOf('block'));
    await shots(page, 'Consequences-Retro-report-card');

    // A resumed save re-simulates the run, so the card (stakeholders' mood included) reads the same.
    await page.reload();
    await waitForScene(page, 'Title');
    await page.click('#continue');
    await waitForScene(page, 'Retrospective');
    await expect(card.innerText().then((t) => t.replace(/\s+/g, ' '))).resolves.toBe(text);
  }, 240_000);
});
