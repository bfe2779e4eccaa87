import { describe, expect, it } from 'vitest';
import { axeViolations, seriousOrWorse } from './axe';
import { openGame, saveScreenshot, useHarness, waitForScene } from './harness';
import { playUntil, settle, startScenario } from './play';

const harness = useHarness();

type Page = Awaited<ReturnType<typeof openGame>>;

/** Heights of the debrief's main pane: what the first screen shows, and all of it. */
function paneHeights(page: Page) {
  return page.evaluate(() => {
    const pane = document.querySelector<HTMLElement>('[data-scroll="main"]')!;
    const top = pane.getBoundingClientRect().top;
    const lessons = [...document.querySelectorAll<HTMLElement>('.lesson')];
    return {
      visible: pane.clientHeight,
      total: pane.scrollHeight,
      scrolled: pane.scrollTop,
      lessonsEnd: lessons.length ? Math.max(...lessons.map((l) => l.getBoundingClientRect().bottom - top)) : -1,
    };
  });
}

describe('a debrief people read', () => {
  it('puts the Product Goal verdict, the score and three lessons first; folds every decision by domain; says why a goal is partly shown; recommends only scenarios that open', async () => {
    const page = await openGame(harness);
    await startScenario(page, harness.baseUrl, 'debrief-1');
    await playUntil(page, (s) => s.scene === 'Debrief');

    // First screen: verdict, score and three lessons, all inside the pane without scrolling.
    const verdict = page.locator('.verdict[data-verdict]');
    await expect(verdict.getAttribute('data-verdict')).resolves.toMatch(/^(met|notMet|unknown)$/);
    await expect(verdict.locator('.verdict__head').textContent()).resolves.toMatch(/Product Goal (met|not met|: nobody can tell)/);
    await expect(page.locator('.verdict[data-score] .verdict__head').textContent()).resolves.toMatch(/^Score: \d+%$/);
    await expect(page.locator('#lessons-title').textContent()).resolves.toBe('Three lessons');
    await expect(page.locator('.lesson').count()).resolves.toBe(3);
    for (const lesson of await page.locator('.lesson').all()) {
      await expect(lesson.locator('.lesson__title').textContent()).resolves.not.toBe('');
      await expect(lesson.locator('.lesson__weighs').textContent()).resolves.toMatch(/^A strong Product Owner weighs: .{30,}/);
    }
    const first = await paneHeights(page);
    console.info(`debrief main pane at 1280x720: ${first.visible} px visible, ${first.total} px in all (domains closed), lessons end at ${Math.round(first.lessonsEnd)} px`);
    await saveScreenshot(page, 'Debrief-first-screen-1280x720');
    expect(first.scrolled).toBe(0);
    expect(first.lessonsEnd).toBeLessThanOrEqual(first.visible);

    // Every decision, folded by domain: all seven closed, and one opens on click.
    const folds = page.locator('details.domain-fold');
    await expect(folds.count()).resolves.toBe(7);
    await expect(page.locator('details.domain-fold[open]').count()).resolves.toBe(0);
    await expect(page.locator('details.domain-fold .goal').first().isVisible()).resolves.toBe(false);
    const tested = page.locator('details.domain-fold:has(.goal)').first();
    await tested.locator(':scope > summary').click();
    await expect(tested.getAttribute('open')).resolves.not.toBeNull();
    await expect(tested.locator('.goal').first().isVisible()).resolves.toBe(true);

    // A partly shown goal says why, in this run's map and in its domain's list.
    const why = page.locator('.partly-why__item').first();
    await expect(why.textContent()).resolves.toMatch(/: (Only one decision to go on|Sound each time|Mixed: \d+ of \d+ decisions|None of the)/);
    const partly = page.locator('details.domain-fold:has(.goal--partly)').first();
    await partly.locator(':scope > summary').click();
    await expect(partly.locator('.goal--partly .goal__why').first().textContent()).resolves.toMatch(/^(Judged once|Too few to be sure|Mixed|Not yet sound)\. /);
    expect(seriousOrWorse(await axeViolations(page))).toEqual([]);

    const all = await page.evaluate(() => {
      document.querySelectorAll<HTMLDetailsElement>('details.domain-fold').forEach((d) => (d.open = true));
      return document.querySelector<HTMLElement>('[data-scroll="main"]')!.scrollHeight;
    });
    console.info(`debrief main pane with every domain open: ${all} px`);
    await page.evaluate(() => {
      document.querySelectorAll('details').forEach((d) => (d.open = false));
      document.querySelector<HTMLElement>('[data-scroll="main"]')!.scrollTop = 0;
    });

    // The recommendation names a scenario the campaign map shows open.
    const recommended = await page.locator('.rec__open').evaluateAll((bs) => bs.map((b) => (b as HTMLElement).dataset.scenario ?? ''));
    expect(recommended.length).toBeGreaterThan(0);
    expect(recommended).not.toContain('corner-cafe');

    await page.setViewportSize({ width: 1024, height: 768 });
    await settle(page);
    await saveScreenshot(page, 'Debrief-first-screen-1024x768');
    const small = await paneHeights(page);
    console.info(`debrief main pane at 1024x768: ${small.visible} px visible, lessons end at ${Math.round(small.lessonsEnd)} px`);
    await page.setViewportSize({ width: 1280, height: 720 });
    await settle(page);

    // The knowledge map: the same rule for its recommendation, and the reason beside partly shown goals.
    await page.click('[data-focus="debrief:knowledge"]');
    await waitForScene(page, 'KnowledgeMap');
    await expect(page.locator('.kchip[title*="Partly shown ("]').count()).resolves.toBeGreaterThan(0);
    await page.locator('details.partly-why summary').click();
    await expect(page.locator('.partly-why__item').first().textContent()).resolves.toMatch(/: (Only one decision to go on|Sound each time|Mixed: judged)/);
    const fromMap = await page.locator('.rec__open').evaluateAll((bs) => bs.map((b) => (b as HTMLElement).dataset.scenario ?? ''));
    expect(fromMap).toEqual(recommended);
    expect(seriousOrWorse(await axeViolations(page))).toEqual([]);
    await saveScreenshot(page, 'KnowledgeMap-1280x720');
    await page.setViewportSize({ width: 1024, height: 768 });
    await settle(page);
    await saveScreenshot(page, 'KnowledgeMap-1024x768');
    await page.setViewportSize({ width: 1280, height: 720 });

    // Every recommended scenario is open on the campaign map, and its button starts it.
    await page.click('[data-focus="tool:back"]');
    await waitForScene(page, 'Debrief');
    await page.click('[data-focus="debrief:map"]');
    await waitForScene(page, 'CampaignMap');
    for (const id of recommended) await expect(page.locator(`[data-focus="scenario:start:${id}"]`).count()).resolves.toBe(1);
    await page.goto(`${harness.baseUrl}?seed=debrief-1`);
    await waitForScene(page, 'Title');
    await page.click('#play');
    await waitForScene(page, 'CampaignMap');
    await page.click('[data-focus="map:knowledge"]');
    await waitForScene(page, 'KnowledgeMap');
    const title = await page.locator('.rec__open .btn__label').first().textContent();
    await page.locator('.rec__open').first().click();
    await page.waitForFunction(() => window.__sprintwise?.ready === true && window.__sprintwise.scene !== 'KnowledgeMap', undefined, { timeout: 15_000 });
    const after = await settle(page);
    expect(after.step).toBe(0);
    expect(after.phase).toMatch(/^briefing/);
    const started = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('sprintwise.save.')));
    expect(started).toContain(`sprintwise.save.${recommended[0]}`);
    expect(title).toMatch(/^Play: /);
  }, 600_000);
});
