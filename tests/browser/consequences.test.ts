import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, seriousOrWorse } from './axe';
import { engineObservation } from './engine-state';
import { openGame, saveScreenshot, useHarness, waitForScene } from './harness';
import { engineLastStep } from './last-step';
import { afterAction, playUntil, POLICY, screenshotsAtBothSizes, settle, startScenario, status } from './play';

const harness = useHarness();

const CAFE = 'corner-cafe.yaml';
const SEED = 'consequences-1';
/** The scripted player, who also runs the Review as a working session with stakeholders. */
const WITH_REVIEW = ['setReviewFormat:workingSession', ...POLICY];

/** The screen at both sizes the game is checked at, and no serious axe violations on it. */
const shots = (page: Page, name: string) => screenshotsAtBothSizes(page, name, async () => expect(seriousOrWorse(await axeViolations(page))).toEqual([]));

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
    const before = (await status(page)).step ?? 0;

    // The Review as a working session, sent with the Review's close: every stakeholder's trust
    // rises, and the next screen says why.
    await page.locator('input[data-action="setReviewFormat:workingSession"]').check();
    await settle(page);
    await page.click('[data-focus="batch:review:submit"]');
    await afterAction(page, before);
    expect((await status(page)).scene).toBe('Retrospective');
    const cause = 'Stakeholders worked through the Increment with the Scrum Team';
    const deltas = (await engineLastStep(page, CAFE)).effects.filter((e) => e.kind === 'trust' && e.cause === cause).map((e) => e.delta);
    expect(deltas.length).toBeGreaterThan(0);
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
    await shots(page, 'Consequences-Review-closed-trust');

    // Past the Review: the Retrospective opens with the Sprint's report card.
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
