import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Action } from '../../src/engine';
import { axeViolations, seriousOrWorse } from './axe';
import { engineObservation } from './engine-state';
import { engineLastStep } from './last-step';
import { openGame, saveScreenshot, useHarness, waitForScene } from './harness';
import { afterAction, playUntil, screenshotsAtBothSizes, settle, startScenario, status, tabTo } from './play';

const harness = useHarness();

const CAFE = 'corner-cafe.yaml';
const SUBMIT = (form: string) => `[data-focus="batch:${form}:submit"]`;

const lastStep = (page: Page) => engineLastStep(page, CAFE);
const partsOf = (a: Action) => (a.type === 'batch' ? a.actions.map((p) => p.type) : [a.type]);
const step = async (page: Page) => (await status(page)).step ?? 0;
const checkedIn = (page: Page, group: string) => page.locator(`[data-pick-group][data-group="${group}"] input:checked`).getAttribute('data-action');

const shots = (page: Page, name: string) => screenshotsAtBothSizes(page, name);

describe('the Sprint Review and the Retrospective are forms sent by one button', () => {
  it('sends the Review’s picks with its close in one step, each judged; shows a kept practice; the Retrospective’s findings go in one step', async () => {
    const page = await openGame(harness);
    await startScenario(page, harness.baseUrl, 'review-form-1');
    await playUntil(page, (s) => s.scene === 'Review' && !s.dialog);
    await expect(page.locator(SUBMIT('review')).textContent()).resolves.toBe('Close the Sprint Review →');

    // Four decisions picked by mouse; nothing is sent yet.
    const before = await step(page);
    for (const id of ['setReviewFormat:workingSession', 'answerForecast:range', 'planRelease:dateWithFlexibleScope', 'shareProgress:transparent']) {
      await page.locator(`input[data-action="${id}"]`).check();
      await settle(page);
    }
    expect(await step(page)).toBe(before);
    await expect(page.locator(SUBMIT('review')).textContent()).resolves.toBe('Close the Sprint Review (4 decisions) →');
    await shots(page, 'Review-form-picked');
    expect(seriousOrWorse(await axeViolations(page))).toEqual([]);

    // The picks survive a visit to the board and back.
    await page.click('[data-focus="tool:views"]');
    await page.click('dialog[open] [data-focus="views:Backlog"]');
    await waitForScene(page, 'Backlog');
    await page.click('[data-focus="view:back"]');
    await waitForScene(page, 'Review');
    await settle(page);
    expect(await checkedIn(page, 'format')).toBe('setReviewFormat:workingSession');
    expect(await checkedIn(page, 'share')).toBe('shareProgress:transparent');

    // One press, one step: the batch in the Review's order, the close last, every part judged.
    await page.click(SUBMIT('review'));
    await afterAction(page, before);
    expect(await status(page)).toMatchObject({ scene: 'Retrospective', step: before + 1 });
    const review = await lastStep(page);
    expect(partsOf(review.action)).toEqual(['setReviewFormat', 'planRelease', 'answerForecast', 'shareProgress', 'endReview']);
    const judged = new Set(review.judged.map((e) => e.decisionId));
    for (const id of ['review-format-s1', 'forecast-answer-s1', 'share-s1']) expect(judged, id).toContain(id);
    expect((await engineObservation(page, CAFE)).releasePlan).toBe('dateWithFlexibleScope');

    // The next Review keeps the working session unless the player chooses again, and says so.
    await playUntil(page, (s) => s.scene === 'Review' && !s.dialog);
    const kept = page.locator('[data-group="format"] input[data-pick-none]');
    await expect(kept.isChecked()).resolves.toBe(true);
    await expect(page.locator('[data-group="format"] .decision', { has: page.locator('input[data-pick-none]') }).textContent()).resolves.toBe('Keep: working session (agreed at the last Review)');
    await shots(page, 'Review-form-kept');

    // The Retrospective of Sprint 2 asks two questions: both answers go in one step.
    await playUntil(page, (s) => s.scene === 'Retrospective' && !s.dialog);
    const questions = await page.locator('[data-pick-group="retro"]').count();
    expect(questions).toBe(2);
    await expect(page.locator(SUBMIT('retro')).getAttribute('aria-disabled')).resolves.toBe('true');
    await expect(page.locator('#retro-submit-note').textContent()).resolves.toContain('2 questions still have no answer');
    await expect(page.locator('button[data-action^="chooseImprovement:"]').count()).resolves.toBe(0);
    for (let i = 0; i < questions; i++) {
      await page.locator('[data-pick-group="retro"]').nth(i).locator('input').first().check();
      await settle(page);
    }
    await expect(page.locator(SUBMIT('retro')).textContent()).resolves.toBe('Share what you see (2 answers) →');
    await shots(page, 'Retrospective-form-picked');
    expect(seriousOrWorse(await axeViolations(page))).toEqual([]);
    const atRetro = await step(page);
    await page.click(SUBMIT('retro'));
    await afterAction(page, atRetro);
    expect(await step(page)).toBe(atRetro + 1);
    const retro = await lastStep(page);
    expect(partsOf(retro.action)).toEqual(['reflect', 'reflect']);
    expect(new Set(retro.judged.map((e) => e.decisionId))).toEqual(new Set(['reflect-sprintGoals-s2', 'reflect-refinement-s2']));
    // The improvement is chosen after, as before.
    await expect(page.locator('button[data-action^="chooseImprovement:"]').count()).resolves.toBeGreaterThan(0);
    await shots(page, 'Retrospective-improvement');
  });

  it('explains why the Review cannot close without the usage answer, does not close, and is played by keyboard alone', async () => {
    const page = await openGame(harness);
    await startScenario(page, harness.baseUrl, 'review-form-2');
    // The first Review with Done work waiting to be released.
    let releasable = false;
    await playUntil(page, (s) => releasable && s.scene === 'Review' && !s.dialog, {
      onScreen: async () => {
        releasable = (await page.locator('button[data-action="releaseIncrement"]').count()) > 0;
      },
    });
    const o = await engineObservation(page, CAFE);
    expect(o.increment.some((i) => !i.released)).toBe(true);

    // Release now, by keyboard: a step of its own, and the Review stays open for its reading.
    let before = await step(page);
    await tabTo(page, 'button[data-action="releaseIncrement"]');
    await page.keyboard.press('Enter');
    await afterAction(page, before);
    expect(await status(page)).toMatchObject({ scene: 'Review', phase: 'sprint.review', step: before + 1 });
    expect(partsOf((await lastStep(page)).action)).toEqual(['releaseIncrement']);

    // The usage question must be answered: the button says so next to it, and pressing it closes nothing.
    const button = page.locator(SUBMIT('review'));
    await expect(button.getAttribute('aria-disabled')).resolves.toBe('true');
    const note = page.locator('#review-submit-note');
    await expect(note.textContent()).resolves.toContain('Answer “What did users do with the release?” first');
    await expect(button.getAttribute('aria-describedby')).resolves.toBe('review-submit-note');
    before = await step(page);
    await tabTo(page, SUBMIT('review'));
    await page.keyboard.press('Enter');
    await settle(page);
    expect(await status(page)).toMatchObject({ scene: 'Review', phase: 'sprint.review', step: before });
    await expect(note.getAttribute('role')).resolves.toBe('alert');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.focus)).toBe('batch:review:submit');
    await shots(page, 'Review-form-usage-required');
    expect(seriousOrWorse(await axeViolations(page))).toEqual([]);

    // Keyboard only: Tab into the usage question, Space picks, an arrow moves the pick (focus kept);
    // a format and the forecast the same way; Enter on the button sends all with the close.
    await tabTo(page, '[data-group="usage"] input');
    await page.keyboard.press('Space');
    await settle(page);
    const usage = await page.locator('[data-group="usage"] input').count();
    if (usage > 1) {
      await page.keyboard.press('ArrowDown');
      await settle(page);
    }
    const reading = await checkedIn(page, 'usage');
    expect(reading).toMatch(/^reflect:metrics:/);
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.focus)).toBe(`pick:review:usage:${reading}`);
    await tabTo(page, '[data-group="format"] input');
    await page.keyboard.press('ArrowDown');
    await settle(page);
    const format = await checkedIn(page, 'format');
    expect(format).toMatch(/^setReviewFormat:/);
    await expect(button.getAttribute('aria-disabled')).resolves.toBeNull();
    await expect(button.textContent()).resolves.toBe('Close the Sprint Review (2 decisions) →');
    before = await step(page);
    await tabTo(page, SUBMIT('review'));
    await page.keyboard.press('Enter');
    await afterAction(page, before);
    expect(await status(page)).toMatchObject({ scene: 'Retrospective', step: before + 1 });
    const closed = await lastStep(page);
    expect(closed.action).toEqual({ type: 'batch', actions: [{ type: 'setReviewFormat', format: format!.split(':')[1] }, { type: 'reflect', topic: 'metrics', finding: reading!.split(':')[2] }, { type: 'endReview' }] });
    const judged = new Set(closed.judged.map((e) => e.decisionId));
    expect(judged).toContain(`review-format-s${o.sprint}`);
    expect(judged).toContain(`reflect-metrics-s${o.sprint}`);
  });
});
