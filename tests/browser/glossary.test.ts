import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { GLOSSARY } from '../../src/words/glossary';
import { axeViolations, seriousOrWorse } from './axe';
import { openGame, saveScreenshot, useHarness } from './harness';
import { clickAction, settle, startScenario, status } from './play';

const harness = useHarness();

/** Answers the briefing's open questions with the first listed answer until none is open. */
async function answerOpenQuestions(page: Page): Promise<void> {
  for (let i = 0; i < 10 && (await status(page)).dialog; i++) {
    const id = await page.locator('dialog[open] button[data-action^="answerQuestion:"]').first().getAttribute('data-action');
    if (!id) return;
    await clickAction(page, id);
  }
  // A coach card after an answer is dismissed like any dialog.
  for (let i = 0; i < 5 && (await page.locator('dialog[open]').count()); i++) {
    await page.keyboard.press('Escape');
    await settle(page);
  }
}

const glossary = (page: Page) => page.locator('dialog.dialog--glossary[open]');

describe('the glossary', () => {
  it('opens from the menu, lists every term with its definition, passes axe and gives focus back', async () => {
    const page = await openGame(harness);
    await startScenario(page, harness.baseUrl, 'glossary-1');
    await answerOpenQuestions(page);
    await page.click('[data-focus="tool:menu"]');
    await page.click('[data-focus="menu:glossary"]');
    await expect.poll(() => glossary(page).count()).toBe(1);

    const terms = await glossary(page).locator('dt').allTextContents();
    expect(terms).toEqual(GLOSSARY.map((e) => e.term));
    for (const wanted of ['Definition of Done', 'Definition of Done strength', 'Cost of delay', 'Intangible', 'Velocity', 'Increment', 'Product Goal', 'Sprint Goal', 'Refinement', 'MoSCoW', 'Technical debt'])
      expect(terms).toContain(wanted);
    const definitions = await glossary(page).locator('dd').allTextContents();
    expect(definitions.every((d) => d.length > 60)).toBe(true);

    expect(seriousOrWorse(await axeViolations(page))).toEqual([]);
    await saveScreenshot(page, 'glossary-1280x720');
    await page.setViewportSize({ width: 1024, height: 768 });
    await settle(page);
    await saveScreenshot(page, 'glossary-1024x768');

    await page.keyboard.press('Escape');
    await expect.poll(() => glossary(page).count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-focus'))).toBe('tool:menu');
  });

  it('explains terms on the screens with their definitions', async () => {
    const page = await openGame(harness);
    await startScenario(page, harness.baseUrl, 'glossary-2');
    await answerOpenQuestions(page);
    // The Product Backlog view tags items with their cost of delay and heads MoSCoW and the Definition of Ready.
    await page.locator('[data-view="Backlog"], [data-focus^="view:Backlog"]').first().click();
    await settle(page);
    const terms = page.locator('abbr.term[title]');
    await expect.poll(() => terms.count()).toBeGreaterThan(0);
    const definitions = new Map<string, string>(GLOSSARY.map((e) => [e.term, e.definition]));
    for (const t of await terms.all()) {
      const name = await t.getAttribute('data-term');
      expect(definitions.get(name ?? '')).toBe(await t.getAttribute('title'));
    }
    expect(seriousOrWorse(await axeViolations(page))).toEqual([]);
  });
});
