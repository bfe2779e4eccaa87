import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { SAVE_VERSION } from '../../src/game/save/format';
import { axeViolations, seriousOrWorse } from './axe';
import { openGame, saveScreenshot, useHarness, waitForScene } from './harness';
import { afterAction, clickAction, nextActionId, playUntil, ScreenRecorder, settle, startScenario, status, type GameStatus } from './play';

const harness = useHarness();

type Page = Awaited<ReturnType<typeof openGame>>;

/** Mid-Sprint: two days into the first Sprint. */
const midSprint = (s: GameStatus, taken: string[]) => s.phase === 'sprint.execution.working' && taken.filter((id) => id === 'nextDay').length === 2;
/** The end of the first Sprint Review. */
const afterFirstReview = (s: GameStatus) => s.phase === 'sprint.retrospective';

describe('progress is never lost', () => {
  it('reloading mid-Sprint and pressing Continue gives the same engine state as the uninterrupted run', async () => {
    const straight = await openGame(harness);
    await startScenario(straight, harness.baseUrl, 'resume-1');
    const ids = await playUntil(straight, afterFirstReview);
    const expected = (await status(straight)).stateHash;

    const page = await openGame(harness);
    await startScenario(page, harness.baseUrl, 'resume-1');
    const before = await playUntil(page, midSprint);
    expect(before).toEqual(ids.slice(0, before.length));
    const mid = await status(page);
    expect(mid.scene).toBe('SprintDay');

    await page.reload();
    await waitForScene(page, 'Title');
    await expect(page.locator('.title__resume-detail').textContent()).resolves.toMatch(/Sprint 1 of 3, Sprint days/);
    await saveScreenshot(page, 'title-continue-1280x720');
    await page.click('#continue');
    await waitForScene(page, 'SprintDay');
    const resumed = await status(page);
    expect(resumed).toMatchObject({ scene: 'SprintDay', phase: mid.phase, step: mid.step, stateHash: mid.stateHash });
    // The burndown is rebuilt from the re-simulation, not lost.
    await expect(page.locator('.chart__dot').count()).resolves.toBe(3);

    for (const id of ids.slice(before.length)) await clickAction(page, id);
    expect((await status(page)).stateHash).toBe(expected);
  });

  it('a corrupt save shows a clear message, the game still starts, and other saves stay usable', async () => {
    const page = await openGame(harness);
    await startScenario(page, harness.baseUrl, 'corrupt-1');
    await playUntil(page, (s) => s.scene === 'Planning' && !s.dialog);
    const good = await status(page);

    // A damaged save of another scenario beside the good one.
    await page.evaluate(() => localStorage.setItem('sprintwise.save.old-scenario', '{"format":"sprintwise-save","version":1,"replay":{"format":"sprintw'));
    await page.reload();
    await waitForScene(page, 'Title');
    await page.click('#continue');
    await waitForScene(page, good.scene);
    expect(await status(page)).toMatchObject({ scene: good.scene, stateHash: good.stateHash });

    // Now the played save itself is damaged.
    await page.evaluate(() => localStorage.setItem('sprintwise.save.corner-cafe', '{"format":"sprintwise-save","version":1,"replay":{"format":"sprintw'));
    await page.reload();
    await waitForScene(page, 'Title');
    await expect(page.locator('.title__problem').textContent()).resolves.toMatch(/could not be opened.*not valid JSON/);
    await expect(page.locator('#continue').count()).resolves.toBe(0);
    await saveScreenshot(page, 'title-corrupt-save-1280x720');

    await page.click('#play');
    await waitForScene(page, 'CampaignMap');
    await expect(page.locator('.save-error').count()).resolves.toBe(2);
    await expect(page.locator('.save-error').first().textContent()).resolves.toMatch(/could not be read.*Your other saves are not affected/);
    expect(seriousOrWorse(await axeViolations(page))).toEqual([]);
    await saveScreenshot(page, 'CampaignMap-corrupt-save-1280x720');

    await page.click('[data-focus="scenario:start:corner-cafe"]');
    await saveScreenshot(page, 'CampaignMap-confirm-new-run-1280x720');
    await page.click('dialog[open] [data-focus="confirm"]');
    expect((await settle(page)).scene).toBe('Briefing');
  });

  it('exports a save to a file and imports it elsewhere after verifying it; a tampered file is refused', async () => {
    const page = await openGame(harness);
    await startScenario(page, harness.baseUrl, 'export-1');
    await playUntil(page, (s) => s.phase === 'sprint.planning.negotiating');
    const there = await status(page);
    await page.click('[data-focus="tool:menu"]');
    await saveScreenshot(page, 'Menu-1280x720');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-focus="menu:export"]')]);
    const text = await readFile((await download.path()) ?? '', 'utf8');
    expect(JSON.parse(text)).toMatchObject({ format: 'sprintwise-save', version: SAVE_VERSION, branch: null, replay: { scenarioId: 'corner-cafe', seed: 'export-1' } });

    const other = await openGame(harness);
    await other.goto(harness.baseUrl);
    await waitForScene(other, 'Title');
    await other.click('#play');
    await waitForScene(other, 'CampaignMap');

    const tampered = JSON.parse(text);
    tampered.replay.actions = tampered.replay.actions.slice(0, -1);
    const [chooser] = await Promise.all([other.waitForEvent('filechooser'), other.click('[data-focus="map:import"]')]);
    await chooser.setFiles({ name: 'tampered.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(tampered)) });
    await expect(other.locator('dialog[open]').textContent()).resolves.toMatch(/did not pass verification.*Nothing was changed/);
    await saveScreenshot(other, 'CampaignMap-import-refused-1280x720');
    await other.click('dialog[open] .btn--primary');

    const [chooser2] = await Promise.all([other.waitForEvent('filechooser'), other.click('[data-focus="map:import"]')]);
    await chooser2.setFiles({ name: 'save.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await waitForScene(other, 'Planning');
    expect(await status(other)).toMatchObject({ scene: 'Planning', phase: there.phase, stateHash: there.stateHash });
  });
});

describe('the Product Backlog board', () => {
  it('opens from the briefing, reorders by drag and drop with the mouse, and the engine takes the new order', async () => {
    const page = await openGame(harness);
    await startScenario(page, harness.baseUrl, 'drag-1');
    // Before Sprint 1 the PO prepares the Product Backlog with the Developers: the briefing links to its board.
    await playUntil(page, (s) => s.phase === 'briefing.ready' && !s.dialog);
    await expect(page.locator('#prepare-title').textContent()).resolves.toBe('Prepare the Product Backlog with the Developers');
    await page.click('[data-focus="view:Backlog"]');
    await waitForScene(page, 'Backlog');
    await expect(page.locator('.primary-bar').textContent()).resolves.toBe('Back to the briefing →');
    const order = () => page.$$eval('.board__list [role="option"]', (cards) => cards.map((c) => (c as HTMLElement).dataset.item ?? ''));
    const before = await order();
    const from = await page.locator(`#card-${before[2]}`).boundingBox();
    const to = await page.locator(`#card-${before[0]}`).boundingBox();
    if (!from || !to) throw new Error('cards not laid out');
    const start = await status(page);

    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 8; i++) await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2 + ((to.y - from.y) * i) / 8);
    await saveScreenshot(page, 'Backlog-dragging-1280x720');
    await page.mouse.up();
    const after = await afterAction(page, start.step ?? 0);

    expect(await order()).toEqual([before[2], before[0], before[1], ...before.slice(3)]);
    expect(after.stateHash).not.toBe(start.stateHash);
    const last = await page.evaluate(() => JSON.parse(localStorage.getItem('sprintwise.save.corner-cafe') ?? '{}').replay.actions.at(-1));
    expect(last).toEqual({ type: 'moveItem', itemId: before[2], toIndex: 0 });
    await expect(page.locator('.view-result').textContent()).resolves.toMatch(/is now at position 1 of \d+/);

    // The board's main button returns to the phase's screen, which starts Sprint 1.
    await page.click('[data-focus="view:back"]');
    await waitForScene(page, 'Briefing');
    expect((await clickAction(page, 'startSprints')).scene).toBe('Planning');
  });
});

describe('every screen at 1024×768', () => {
  it('lays out each screen of a run, the maps and the dialogs, without serious axe violations', async () => {
    const page = await openGame(harness, { viewport: { width: 1024, height: 768 } });
    const screens = new ScreenRecorder(page, '1024x768', false);
    await page.goto(`${harness.baseUrl}?seed=small-1`);
    await waitForScene(page, 'Title');
    await screens.record('Title');
    await page.click('#title-settings');
    await screens.record('Settings');
    // Larger text must still fit: switch to 150% and look at a busy screen later.
    await page.click('label[for="setting-text-150"]');
    await page.click('dialog[open] .btn--primary');
    await page.click('#play');
    await waitForScene(page, 'CampaignMap');
    await screens.record('CampaignMap-text150');
    await page.click('[data-focus="tool:settings"]');
    await page.click('label[for="setting-text-100"]');
    await page.click('dialog[open] .btn--primary');
    await page.click('[data-focus="scenario:start:corner-cafe"]');
    await settle(page);
    await playUntil(page, (s) => s.scene === 'Debrief', { onScreen: () => screens.record() });
    await page.locator('details.domain-fold > summary').first().click();
    await screens.record('Debrief_goals');
    await page.click('[data-focus="tool:log"]');
    await screens.record('Log');
    await page.keyboard.press('Escape');
    await page.click('[data-focus="debrief:knowledge"]');
    await waitForScene(page, 'KnowledgeMap');
    await screens.record('KnowledgeMap');
    expect(seriousOrWorse(await axeViolations(page))).toEqual([]);
    expect(screens.seen.size).toBeGreaterThanOrEqual(18);
  });
});
