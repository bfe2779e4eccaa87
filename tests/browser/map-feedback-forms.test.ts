import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createSession, type Action } from '../../src/engine';
import { shippedScenario } from '../helpers/scenarios';
import { axeViolations, seriousOrWorse } from './axe';
import { engineObservation } from './engine-state';
import { openGame, saveScreenshot, useHarness, waitForScene } from './harness';
import { afterAction, playUntil, screenshotsAtBothSizes, settle, startScenario, status, tabTo } from './play';

const harness = useHarness();

const CAFE = 'corner-cafe.yaml';
const TO_READY = ['answerQuestion:', 'chooseProductGoal:morning-orders'];

/** Presses `key` on the control with this focus key, reached by Tab alone. */
async function press(page: Page, focusKey: string, key = 'Enter'): Promise<void> {
  await tabTo(page, `[data-focus="${focusKey}"]`);
  await page.keyboard.press(key);
  await settle(page);
}

/** Opens a view from the top bar's Views dialog, by keyboard. */
async function openView(page: Page, view: string): Promise<void> {
  await press(page, 'tool:views');
  await expect.poll(() => page.locator('dialog[open]').count()).toBe(1);
  await tabTo(page, `[data-focus="views:${view}"]`);
  await page.keyboard.press('Enter');
  await waitForScene(page, view);
}

/** The run replayed in Node from the page's save: what was sent, and what the engine judged. */
async function replayed(page: Page): Promise<{ actions: Action[]; decisions: string[]; score: (decision: string) => number | undefined }> {
  const save = await page.evaluate(() => localStorage.getItem(`sprintwise.save.${window.__sprintwise?.scenarioId ?? ''}`));
  const replay = JSON.parse(save!).replay as { seed: string; actions: Action[] };
  const { scenario, hash } = shippedScenario(CAFE);
  const session = createSession(scenario, replay.seed, hash);
  for (const a of replay.actions) expect(session.dispatch(a).ok).toBe(true);
  const evidence = session.state.evidence;
  return { actions: replay.actions, decisions: evidence.map((e) => e.decisionId), score: (d) => evidence.find((e) => e.decisionId === d)?.score };
}

/** Gives the page time to send anything it was going to, then says whether the engine moved. */
async function stepAfterAWhile(page: Page): Promise<number> {
  await page.waitForTimeout(300);
  return (await settle(page)).step ?? 0;
}

const atBothSizes = (page: Page, name: string) => screenshotsAtBothSizes(page, name);

const liveRegion = (page: Page) => page.locator('#overlay > [role="status"]').textContent();
const focusedToken = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.token);

describe('the stakeholder map and feedback forms send several decisions in one step', () => {
  it('keeps placements pending until the map is saved, then sends them all in one step, each judged', async () => {
    const page = await openGame(harness);
    await startScenario(page, harness.baseUrl, 'map-form-1');
    await playUntil(page, (s) => s.scene === 'Briefing' && s.phase === 'briefing.ready' && !s.dialog, { policy: TO_READY });
    await openView(page, 'StakeholderMap');
    const start = (await status(page)).step ?? 0;
    await expect(page.locator('[data-focus="batch:map:submit"]').getAttribute('aria-disabled')).resolves.toBe('true');

    // Keys 1-4 place a stakeholder from the tray; focus stays on them, and nothing is sent.
    const wanted: Record<string, string> = { owner: 'manageClosely', marketing: 'keepInformed', barista: 'keepInformed', health: 'keepSatisfied' };
    await press(page, 'token:map:owner', '2');
    expect(await focusedToken(page)).toBe('owner');
    await press(page, 'token:map:marketing', '4');
    // An arrow key moves a pending card too: placed in Monitor, then up to Keep satisfied.
    await press(page, 'token:map:health', '3');
    await page.keyboard.press('ArrowUp');
    await settle(page);
    await expect(page.locator('[data-quadrant="keepSatisfied"] [data-token="health"]').count()).resolves.toBe(1);
    expect(await focusedToken(page)).toBe('health');
    // Select with Enter, then the quadrant's "Place here" button.
    await press(page, 'token:map:barista');
    await expect.poll(() => page.locator('[data-token="barista"][aria-pressed="true"]').count()).toBe(1);
    await press(page, 'place:map:keepInformed');
    expect(await stepAfterAWhile(page)).toBe(start);

    // Each shows where it is going and that it is not saved; selecting (a re-render) keeps them.
    for (const [id, q] of Object.entries(wanted)) {
      const token = page.locator(`[data-quadrant="${q}"] [data-token="${id}"]`);
      await expect(token.getAttribute('class')).resolves.toContain('token--pending');
      await expect(token.textContent()).resolves.toContain('Not saved yet');
    }
    await press(page, 'token:map:owner');
    await expect(page.locator('.token--pending').count()).resolves.toBe(4);
    await expect(page.locator('#overlay').textContent()).resolves.toContain('Placed, not saved yet');
    await expect(page.locator('[data-focus="batch:map:submit"]').textContent()).resolves.toBe('Save the map (4 placements)');
    let o = await engineObservation(page, CAFE);
    expect(o.stakeholders.every((s) => s.mappedAs === null)).toBe(true);
    // Leaving the map keeps them for the player's return: nothing was sent, nothing is lost.
    await press(page, 'tool:back');
    await waitForScene(page, 'Briefing');
    await openView(page, 'StakeholderMap');
    await expect(page.locator('.token--pending').count()).resolves.toBe(4);
    expect(await stepAfterAWhile(page)).toBe(start);
    await atBothSizes(page, 'MapForm-pending');
    expect(seriousOrWorse(await axeViolations(page))).toEqual([]);

    // One button sends the whole map: exactly one engine step, a batch the engine judges part by part.
    const before = (await status(page)).step ?? 0;
    await tabTo(page, '[data-focus="batch:map:submit"]');
    await page.keyboard.press('Enter');
    expect(((await afterAction(page, before)).step ?? 0) - before).toBe(1);
    o = await engineObservation(page, CAFE);
    for (const [id, q] of Object.entries(wanted)) expect(o.stakeholders.find((s) => s.id === id)?.mappedAs, id).toBe(q);
    const run = await replayed(page);
    const last = run.actions[run.actions.length - 1]!;
    expect(last.type).toBe('batch');
    expect(last.type === 'batch' ? last.actions.map((a) => a.type) : []).toEqual(['mapStakeholder', 'mapStakeholder', 'mapStakeholder', 'mapStakeholder']);
    for (const id of Object.keys(wanted)) expect(run.decisions, id).toContain(`map-${id}`);
    // The result says who was placed, as before; no card is pending any more.
    await expect.poll(() => liveRegion(page)).toMatch(/Rosa Marin is now on your map as Manage closely/);
    await expect(page.locator('.token--pending').count()).resolves.toBe(0);
    await expect(page.locator('[data-focus="batch:map:submit"]').getAttribute('aria-disabled')).resolves.toBe('true');
    await atBothSizes(page, 'MapForm-saved');
    expect(seriousOrWorse(await axeViolations(page))).toEqual([]);

    // One placement is sent as that listed action; Reset takes back what is not saved.
    await press(page, 'token:map:owner', '1');
    await press(page, 'token:map:barista', '3');
    await expect(page.locator('.token--pending').count()).resolves.toBe(2);
    await press(page, 'batch:map:reset');
    await expect(page.locator('.token--pending').count()).resolves.toBe(0);
    await expect(page.locator('[data-quadrant="manageClosely"] [data-token="owner"]').count()).resolves.toBe(1);
    expect(await stepAfterAWhile(page)).toBe(before + 1);
    await press(page, 'token:map:barista', '3');
    await press(page, 'batch:map:submit');
    await expect.poll(async () => (await status(page)).step).toBe(before + 2);
    const again = await replayed(page);
    expect(again.actions[again.actions.length - 1]).toEqual({ type: 'mapStakeholder', stakeholderId: 'barista', quadrant: 'monitor' });
  });

  it('gathers the ticked feedback methods in one step, and explains rather than sends a set that costs more time than is left', async () => {
    const page = await openGame(harness);
    await startScenario(page, harness.baseUrl, 'feedback-form-1');
    await playUntil(page, (s) => s.scene === 'Briefing' && s.phase === 'briefing.ready' && !s.dialog, { policy: TO_READY });
    await openView(page, 'Customers');
    let o = await engineObservation(page, CAFE);
    expect(o.poTime).toBe(3);
    const form = page.locator('[data-form="feedback"]');
    const submit = page.locator('[data-focus="batch:feedback:submit"]');
    // Each method shows its cost; the form says the costs add up.
    await expect(form.textContent()).resolves.toMatch(/Interview a handful of users \(2 half-days of your time\)/);
    await expect(form.textContent()).resolves.toContain('the costs add up');
    await expect(submit.getAttribute('aria-disabled')).resolves.toBe('true');

    // Interviews (2), a survey (1) and a usability test (1) need 4 half-days; 3 are left.
    const start = (await status(page)).step ?? 0;
    for (const m of ['interviews', 'survey', 'usabilityTest']) await press(page, `pick:feedback:gatherFeedback:${m}`, 'Space');
    await expect(form.textContent()).resolves.toContain('Ticked: 4 half-days of the 3 half-days you have left.');
    await expect(form.textContent()).resolves.toContain('Gathered in the order you ticked them: interviews, then the survey, then the usability test.');
    await expect(page.locator('.batch-form__blocked').textContent()).resolves.toMatch(/That is 4 half-days of your time, and you have 3 half-days left: untick one or more/);
    await expect(submit.getAttribute('aria-disabled')).resolves.toBe('true');
    await atBothSizes(page, 'FeedbackForm-too-much');
    expect(seriousOrWorse(await axeViolations(page))).toEqual([]);
    await press(page, 'batch:feedback:submit');
    expect(await stepAfterAWhile(page)).toBe(start);

    // Untick one: 3 of 3, sent together in one step, each method judged.
    await press(page, 'pick:feedback:gatherFeedback:usabilityTest', 'Space');
    await expect(page.locator('.batch-form__blocked').count()).resolves.toBe(0);
    await expect(submit.textContent()).resolves.toBe('Gather this feedback (2 methods)');
    await tabTo(page, '[data-focus="batch:feedback:submit"]');
    await page.keyboard.press('Enter');
    expect(((await afterAction(page, start)).step ?? 0) - start).toBe(1);
    o = await engineObservation(page, CAFE);
    expect(o.poTime).toBe(0);
    const run = await replayed(page);
    expect(run.actions[run.actions.length - 1]).toEqual({ type: 'batch', actions: [{ type: 'gatherFeedback', method: 'interviews' }, { type: 'gatherFeedback', method: 'survey' }] });
    expect(run.decisions).toEqual(expect.arrayContaining(['feedback-interviews-s0', 'feedback-survey-s0']));
    // Sent in the order ticked, so the survey came after the interviews and is judged so (whatever order the listing shows them in).
    expect(run.score('feedback-survey-s0')).toBe(1);
    // With no time left no method is offered, and the screen says why.
    await expect(form.count()).resolves.toBe(0);
    await expect(page.locator('#insights-title').count()).resolves.toBe(1);
    await atBothSizes(page, 'FeedbackForm-gathered');
    expect(seriousOrWorse(await axeViolations(page))).toEqual([]);
  });
});
