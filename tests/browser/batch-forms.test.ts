import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, seriousOrWorse } from './axe';
import { engineObservation } from './engine-state';
import { openGame, saveScreenshot, useHarness, waitForScene } from './harness';
import { afterAction, clickAction, playUntil, settle, startScenario, status, tabTo } from './play';

const harness = useHarness();

const CAFE = 'corner-cafe.yaml';
const TO_READY = ['answerQuestion:', 'chooseProductGoal:morning-orders'];

/** Ticks or picks with the keyboard, as a player would: Tab to it, Space (checkbox) or a typed choice (select). */
async function tick(page: Page, focusKey: string): Promise<void> {
  await tabTo(page, `[data-focus="${focusKey}"]`);
  await page.keyboard.press('Space');
  await settle(page);
}

/** Sends a form by keyboard and waits for the engine to take exactly one more step. */
async function submit(page: Page, form: string): Promise<number> {
  const before = (await status(page)).step ?? 0;
  await tabTo(page, `[data-focus="batch:${form}:submit"]`);
  await page.keyboard.press('Enter');
  const after = await afterAction(page, before);
  return (after.step ?? 0) - before;
}

describe('the board sends several decisions of one kind in one step', () => {
  it('refines several items, adds several criteria and tags several items, each form one step the engine judges part by part', async () => {
    const page = await openGame(harness);
    await startScenario(page, harness.baseUrl, 'forms-1');
    await playUntil(page, (s) => s.scene === 'Briefing' && s.phase === 'briefing.ready' && !s.dialog, { policy: TO_READY });
    await page.click('[data-focus="view:Backlog"]');
    await waitForScene(page, 'Backlog');
    // Refinement time first: with none set aside there is nothing to refine.
    await clickAction(page, 'setRefinementShare:20');

    // Refine several: the top two items the form offers, in one session with the Developers.
    const refineKeys = await page.locator('[data-form="refine"] input[type="checkbox"]').evaluateAll((xs) => xs.map((x) => (x as HTMLElement).dataset.focus!));
    expect(refineKeys.length).toBeGreaterThanOrEqual(2);
    await expect(page.locator('[data-focus="batch:refine:submit"]').getAttribute('aria-disabled')).resolves.toBe('true');
    await tick(page, refineKeys[0]!);
    await tick(page, refineKeys[1]!);
    await expect(page.locator('[data-focus="batch:refine:submit"]').textContent()).resolves.toContain('Refine these 2 items');
    await saveScreenshot(page, 'Forms-refine-ticked-1280x720');
    expect(await submit(page, 'refine')).toBe(1);
    let o = await engineObservation(page, CAFE);
    const refinedIds = refineKeys.slice(0, 2).map((k) => k.replace(/^pick:refine:refineItem:/, ''));
    for (const id of refinedIds) expect(o.backlog.find((i) => i.id === id)?.refined, id).toBe(true);

    // Criteria: select an item with candidates, tick two, add them together.
    const withCriteria = o.backlog.find((i) => i.criteria.length >= 2 && i.criteria.every((c) => !c.chosen))!;
    await page.click(`[data-focus="card:${withCriteria.id}"]`);
    await settle(page);
    const form = `criteria-${withCriteria.id}`;
    const criteriaKeys = await page.locator(`[data-form="${form}"] input[type="checkbox"]`).evaluateAll((xs) => xs.map((x) => (x as HTMLElement).dataset.focus!));
    await tick(page, criteriaKeys[0]!);
    await tick(page, criteriaKeys[1]!);
    await saveScreenshot(page, 'Forms-criteria-ticked-1280x720');
    expect(await submit(page, form)).toBe(1);
    o = await engineObservation(page, CAFE);
    expect(o.backlog.find((i) => i.id === withCriteria.id)!.criteria.filter((c) => c.chosen)).toHaveLength(2);
    // The criteria now on the item are listed as on it, not offered again.
    await expect(page.locator(`[data-form="${form}"] input[type="checkbox"]`).count()).resolves.toBe(criteriaKeys.length - 2);

    // Release scope: folded to where it stands; opened, MoSCoW for two of the top items in one step.
    await expect(page.locator('[data-fold="scope"] .fold__current').textContent()).resolves.toMatch(/^0 of the top \d+ items tagged$/);
    await page.click('[data-focus="fold:scope"]');
    await settle(page);
    const rows = await page.locator('[data-form="moscow"] select').evaluateAll((xs) => xs.map((x) => (x as HTMLElement).dataset.focus!));
    expect(rows.length).toBeGreaterThanOrEqual(2);
    const picked = rows.slice(0, 2).map((k) => k.replace(/^pick:moscow:/, ''));
    await page.selectOption(`[data-focus="${rows[0]}"]`, { label: 'Must' });
    await settle(page);
    await page.selectOption(`[data-focus="${rows[1]}"]`, { label: 'Should' });
    await settle(page);
    await expect(page.locator('[data-focus="batch:moscow:submit"]').textContent()).resolves.toContain('Tag these 2 items');
    expect(await submit(page, 'moscow')).toBe(1);
    o = await engineObservation(page, CAFE);
    expect(picked.map((id) => o.backlog.find((i) => i.id === id)!.moscow)).toEqual(['must', 'should']);
    await saveScreenshot(page, 'Forms-after-1280x720');
    expect(seriousOrWorse(await axeViolations(page))).toEqual([]);

    await page.setViewportSize({ width: 1024, height: 768 });
    await settle(page);
    await saveScreenshot(page, 'Forms-after-1024x768');
  });
});
