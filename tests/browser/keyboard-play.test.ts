import { describe, expect, it } from 'vitest';
import { openGame, useHarness, waitForScene } from './harness';
import { afterAction, keyboardAction, nextActionId, ScreenRecorder, settle, status, tabTo } from './play';

const harness = useHarness();

describe('a whole scenario, by keyboard alone', () => {
  it('plays from the title to the debrief with Tab, Enter, Space and arrows; every screen passes axe', async () => {
    const page = await openGame(harness);
    await page.goto(`${harness.baseUrl}?seed=keyboard-1`);
    await waitForScene(page, 'Title');
    const screens = new ScreenRecorder(page, '1280x720', true);
    await screens.record('Title');

    await tabTo(page, '#play');
    await page.keyboard.press('Enter');
    await waitForScene(page, 'CampaignMap');
    await screens.record('CampaignMap');
    await tabTo(page, '[data-focus="scenario:start:corner-cafe"]');
    await page.keyboard.press('Enter');
    await settle(page);

    let reordered = false;
    let typedNotes = false;
    for (let turn = 0; turn < 300; turn++) {
      const now = await status(page);
      await screens.record();
      if (now.scene === 'Debrief') break;
      const dialogOpen = await page.evaluate(() => document.querySelector('dialog[open]') !== null);

      if (now.phase === 'briefing.ready' && now.scene === 'Briefing' && !dialogOpen && !reordered) {
        reordered = true;
        // Before Sprint 1: to the Product Backlog board from the briefing's link, by keyboard.
        await tabTo(page, '[data-focus="view:Backlog"]');
        await page.keyboard.press('Enter');
        await waitForScene(page, 'Backlog');
        await screens.record('Backlog_briefing-ready');
        const order = () => page.$$eval('.board__list [role="option"]', (cards) => cards.map((c) => (c as HTMLElement).dataset.item));
        const before = await order();
        // Select the second card with an arrow, pick it up with Space, move it up, drop it.
        await tabTo(page, '.board__list [role="option"][tabindex="0"]');
        await page.keyboard.press('ArrowDown');
        await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement).dataset.item)).toBe(before[1]);
        await page.keyboard.press('Space');
        await page.keyboard.press('ArrowUp');
        await page.keyboard.press('Space');
        let after = await afterAction(page, now.step ?? 0);
        expect((await order()).slice(0, 2)).toEqual([before[1], before[0]]);
        // Alt+ArrowDown moves it straight back, in one action.
        await page.keyboard.press('Alt+ArrowDown');
        after = await afterAction(page, after.step ?? 0);
        expect((await order()).slice(0, 2)).toEqual([before[0], before[1]]);
        const last = await page.evaluate(() => JSON.parse(localStorage.getItem('sprintwise.save.corner-cafe') ?? '{}').replay.actions.slice(-2));
        expect(last).toEqual([
          { type: 'moveItem', itemId: before[1], toIndex: 0 },
          { type: 'moveItem', itemId: before[1], toIndex: 1 },
        ]);
        // The board's main button leads back to the briefing, focus on the link that was used.
        await tabTo(page, '[data-focus="view:back"]');
        await page.keyboard.press('Enter');
        await waitForScene(page, 'Briefing');
        expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.focus)).toBe('view:Backlog');
        continue;
      }

      if (now.scene === 'Retrospective' && !dialogOpen && !typedNotes) {
        typedNotes = true;
        // Typing in a DOM field must not be eaten by the game's key handling (Space, arrows).
        await tabTo(page, '#retro-notes');
        await page.keyboard.type('Good: ordering by value. Next: refine more');
        await page.keyboard.press('ArrowLeft');
        await page.keyboard.press('Space');
        await expect(page.inputValue('#retro-notes')).resolves.toBe('Good: ordering by value. Next: refine mor e');
      }

      const id = await nextActionId(page);
      if (!id) throw new Error(`no action on screen ${now.scene} (${now.phase})`);
      // A button, or a form (the Sprint Review, the Retrospective) picked with Tab, arrows and Space, sent with Enter.
      await keyboardAction(page, id);
    }

    const end = await status(page);
    expect(end.scene).toBe('Debrief');
    expect(end.phase).toBe('debrief');
    expect(reordered).toBe(true);
    expect(typedNotes).toBe(true);

    // Every decision is folded by domain; a domain opens from the keyboard.
    await expect(page.locator('#lessons-title').isVisible()).resolves.toBe(true);
    await expect(page.locator('details.domain-fold').count()).resolves.toBe(7);
    await tabTo(page, 'details.domain-fold > summary');
    await page.keyboard.press('Enter');
    await expect(page.locator('details.domain-fold[open]').count()).resolves.toBe(1);
    await screens.record('Debrief_goals');

    // The knowledge map now holds the run.
    await tabTo(page, '[data-focus="debrief:knowledge"]');
    await page.keyboard.press('Enter');
    await waitForScene(page, 'KnowledgeMap');
    await expect(page.locator('.kchip').count()).resolves.toBe(65);
    await expect(page.locator('#kcount-title').textContent()).resolves.toBe('Across 1 finished run');
    await screens.record('KnowledgeMap');

    expect(screens.violations).toEqual([]);
    console.info(`keyboard run: ${screens.seen.size} screens, ${end.step} actions`);
  });
});
