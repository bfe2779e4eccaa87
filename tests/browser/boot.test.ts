import { describe, expect, it } from 'vitest';
import { axeViolations, seriousOrWorse } from './axe';
import { openGame, saveScreenshot, useHarness, waitForScene } from './harness';

const harness = useHarness();

describe('the built game boots to the title screen', () => {
  it('shows the Title scene on a 1280×720 canvas that fills a 1280×720 window', async () => {
    const page = await openGame(harness, { viewport: { width: 1280, height: 720 } });
    const readyMs = await waitForScene(page, 'Title');
    console.info(`Title ready ${Math.round(readyMs)} ms after navigation started`);

    const canvas = await page.locator('#game canvas').boundingBox();
    expect(canvas).not.toBeNull();
    expect(canvas?.width).toBe(1280);
    expect(canvas?.height).toBe(720);
    // The logo is drawn by Phaser: the same spot must look different with the canvas hidden.
    const logoArea = { x: 560, y: 80, width: 160, height: 160 };
    const withCanvas = await page.screenshot({ clip: logoArea });
    await page.locator('#game').evaluate((game: HTMLElement) => (game.style.visibility = 'hidden'));
    const withoutCanvas = await page.screenshot({ clip: logoArea });
    await page.locator('#game').evaluate((game: HTMLElement) => (game.style.visibility = ''));
    expect(withCanvas.equals(withoutCanvas)).toBe(false);

    await expect(page.locator('h1').textContent()).resolves.toBe('Sprintwise');
    // The title names the role the game trains.
    await expect(page.locator('.title__tagline').textContent()).resolves.toBe('A Scrum Product Owner training game');
    await expect(page.title()).resolves.toBe('Sprintwise: a Scrum Product Owner training game');
    await saveScreenshot(page, 'title-1280x720');
  });

  it('letterboxes the canvas and keeps Play on it in a 1024×768 window', async () => {
    const page = await openGame(harness, { viewport: { width: 1024, height: 768 } });
    await waitForScene(page, 'Title');

    const canvas = await page.locator('#game canvas').boundingBox();
    const play = await page.locator('#play').boundingBox();
    if (!canvas || !play) throw new Error('canvas or Play button not laid out');
    expect(canvas.width).toBe(1024);
    expect(canvas.height).toBe(576);
    expect(canvas.y).toBe(96);
    expect(play.y).toBeGreaterThan(canvas.y);
    expect(play.y + play.height).toBeLessThan(canvas.y + canvas.height);
    // "Join a class" stays above the lane of backlog cards (its top edge at 622 game units, Title.ts),
    // and Settings sits in the window's corner rather than inside the 16:9 box.
    const join = await page.locator('#join-class').boundingBox();
    const settings = await page.locator('#title-settings').boundingBox();
    if (!join || !settings) throw new Error('Join a class or Settings not laid out');
    expect(join.y + join.height).toBeLessThan(canvas.y + (622 * canvas.height) / 720);
    expect(settings.y).toBeLessThan(canvas.y);
    await saveScreenshot(page, 'title-1024x768');
  });

  it('reaches Play with Tab, shows a focus ring, and opens the campaign map with Enter', async () => {
    const page = await openGame(harness);
    await waitForScene(page, 'Title');

    await page.keyboard.press('Tab');
    const focus = await page.evaluate(() => {
      const active = document.activeElement as HTMLElement;
      const style = getComputedStyle(active);
      return { id: active.id, focusVisible: active.matches(':focus-visible'), outline: style.outlineStyle, width: Number.parseFloat(style.outlineWidth) };
    });
    expect(focus).toMatchObject({ id: 'play', focusVisible: true, outline: 'solid' });
    expect(focus.width).toBeGreaterThanOrEqual(3);
    await saveScreenshot(page, 'title-play-focused');

    await page.keyboard.press('Enter');
    await waitForScene(page, 'CampaignMap');
    // Focus moves to the new screen's heading, so the next Tab continues from there.
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('screen-title');
  });

  it('opens the campaign map when Play is clicked, with full motion too', async () => {
    const page = await openGame(harness, { reducedMotion: 'no-preference' });
    await waitForScene(page, 'Title');
    await page.click('#play');
    await waitForScene(page, 'CampaignMap');
    await expect(page.locator('.scenario__title').first().textContent()).resolves.toMatch(/Corner Café/);
  });

  it('has no serious or critical accessibility violations (axe-core)', async () => {
    const page = await openGame(harness);
    await waitForScene(page, 'Title');
    expect(seriousOrWorse(await axeViolations(page))).toEqual([]);
  });
});
