import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { engineObservation } from './engine-state';
import { openGame, saveScreenshot, useHarness, waitForScene } from './harness';
import { afterAction, clickAction, nextActionId, POLICY, ScreenRecorder, settle, startScenario, status, tabTo, type GameStatus } from './play';

const harness = useHarness();

const COUNCIL = 'council-apply-online';
const COUNCIL_FILE = `${COUNCIL}.yaml`;
/** Gets a council run through the briefing's questions to a chosen Product Goal (refinement and discovery open). */
const TO_READY = ['answerQuestion:', 'resolveEvent:', 'chooseProductGoal:'];
/** On from there through Sprint Planning into the Sprint's days. */
const TO_DAYS = ['answerQuestion:', 'resolveEvent:', 'startSprints', 'chooseProductGoal:', 'commitSprint:agreed', 'commitSprint:insist', 'proposeSprintGoal:'];

/** Presses Enter on the control with this focus key, reached by Tab alone. */
async function press(page: Page, focusKey: string): Promise<void> {
  await tabTo(page, `[data-focus="${focusKey}"]`);
  await page.keyboard.press('Enter');
}

/** Takes the scripted player's next choice with Tab and Enter until `stop`. */
async function keyboardUntil(page: Page, stop: (s: GameStatus) => boolean, policy: readonly string[]): Promise<void> {
  for (let i = 0; i < 60; i++) {
    const now = await status(page);
    if (stop(now)) return;
    const id = await nextActionId(page, policy);
    if (!id) throw new Error(`no action on ${now.scene} (${now.phase})`);
    await tabTo(page, `button[data-action="${id}"]`);
    await page.keyboard.press('Enter');
    await afterAction(page, now.step ?? 0);
  }
  throw new Error('the scripted player did not get there');
}

/** The same screen at the other size the game is checked at. */
async function alsoAt1024(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 1024, height: 768 });
  await settle(page);
  await saveScreenshot(page, `${name}-1024x768`);
  await page.setViewportSize({ width: 1280, height: 720 });
  await settle(page);
}

const liveRegion = (page: Page) => page.locator('#overlay > [role="status"]').textContent();

describe('the stakeholder map, customers and market views', () => {
  it('are reached and played by keyboard alone; each choice changes the engine; axe finds nothing serious', async () => {
    const page = await openGame(harness);
    const screens = new ScreenRecorder(page, '1280x720', true);
    await page.goto(`${harness.baseUrl}?seed=views-1`);
    await waitForScene(page, 'Title');
    await tabTo(page, '#play');
    await page.keyboard.press('Enter');
    await waitForScene(page, 'CampaignMap');
    await press(page, `scenario:start:${COUNCIL}`);
    await settle(page);
    await keyboardUntil(page, (s) => s.scene === 'Briefing' && !s.dialog, TO_READY);

    // Briefing: the stakeholder map, from the link where its decisions used to be.
    await press(page, 'view:StakeholderMap');
    await waitForScene(page, 'StakeholderMap');
    await screens.record('StakeholderMap-briefing');
    let o = await engineObservation(page, COUNCIL_FILE);
    expect(o.stakeholders.every((s) => s.mappedAs === null)).toBe(true);

    // Select with Enter, then the quadrant's "Place here" button: placed, not yet saved.
    let before = (await status(page)).step ?? 0;
    await press(page, 'token:map:director');
    await expect.poll(() => page.locator('[data-token="director"][aria-pressed="true"]').count()).toBe(1);
    await press(page, 'place:map:keepSatisfied');
    await expect.poll(() => page.locator('[data-quadrant="keepSatisfied"] [data-token="director"].token--pending').count()).toBe(1);

    // Focus stays on the stakeholder: an arrow key moves them to the next quadrant.
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.token)).toBe('director');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.locator('[data-quadrant="manageClosely"] [data-token="director"].token--pending').count()).toBe(1);

    // A number key places a stakeholder from the tray straight into a numbered quadrant.
    await tabTo(page, '[data-focus="token:map:advice"]');
    await page.keyboard.press('4');
    await expect.poll(() => page.locator('[data-quadrant="keepInformed"] [data-token="advice"].token--pending').count()).toBe(1);
    expect((await status(page)).step).toBe(before);

    // One button saves both placements, in one step.
    await press(page, 'batch:map:submit');
    expect((await afterAction(page, before)).step).toBe(before + 1);
    o = await engineObservation(page, COUNCIL_FILE);
    expect(o.stakeholders.find((s) => s.id === 'director')?.mappedAs).toBe('manageClosely');
    expect(o.stakeholders.find((s) => s.id === 'advice')?.mappedAs).toBe('keepInformed');
    await expect.poll(() => liveRegion(page)).toMatch(/Helen Carter is now on your map as Manage closely/);
    await screens.record('StakeholderMap-placed');
    await alsoAt1024(page, 'StakeholderMap-placed');

    // The Views button leads to the customers view; the persona is built there in the briefing.
    await press(page, 'tool:views');
    await expect.poll(() => page.locator('dialog[open]').count()).toBe(1);
    await screens.record('Views-dialog');
    await press(page, 'views:Customers');
    await waitForScene(page, 'Customers');
    const trait = await page.locator('[data-focus^="persona:addPersonaTrait:"]').first().getAttribute('data-focus');
    before = (await status(page)).step ?? 0;
    await press(page, trait!);
    await afterAction(page, before);
    o = await engineObservation(page, COUNCIL_FILE);
    expect(o.persona).toHaveLength(1);
    await screens.record('Customers-briefing');

    // Back to the briefing, with focus where the player left it; on to a chosen Product Goal.
    await press(page, 'view:back');
    await waitForScene(page, 'Briefing');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.focus)).toBe('view:StakeholderMap');
    await keyboardUntil(page, (s) => s.phase === 'briefing.ready' && !s.dialog, TO_READY);

    // Before Sprint 1, discovery is open: interview notes go onto the empathy map.
    await press(page, 'view:Customers');
    await waitForScene(page, 'Customers');
    before = (await status(page)).step ?? 0;
    await tabTo(page, '[data-focus="token:empathy:qualify"]');
    await page.keyboard.press('1');
    await afterAction(page, before);
    o = await engineObservation(page, COUNCIL_FILE);
    expect(o.empathyNotes.find((n) => n.id === 'qualify')?.sortedAs).toBe('says');
    await expect.poll(() => liveRegion(page)).toMatch(/on the empathy map under Says/);

    before = (await status(page)).step ?? 0;
    await press(page, 'token:empathy:judged');
    await press(page, 'place:empathy:thinks');
    await afterAction(page, before);
    o = await engineObservation(page, COUNCIL_FILE);
    expect(o.empathyNotes.find((n) => n.id === 'judged')?.sortedAs).toBe('thinks');
    await screens.record('Customers-briefing-ready');
    await alsoAt1024(page, 'Customers-briefing-ready');

    // The market view: run a feature comparison, read the table and its summary.
    await press(page, 'tool:views');
    await press(page, 'views:Market');
    await waitForScene(page, 'Market');
    await screens.record('Market-before');
    expect(o.backlog.some((i) => i.market !== null)).toBe(false);
    before = (await status(page)).step ?? 0;
    await press(page, 'market:analyseMarket:featureComparison');
    await afterAction(page, before);
    o = await engineObservation(page, COUNCIL_FILE);
    const placed = o.backlog.filter((i) => i.market !== null);
    expect(placed.length).toBeGreaterThan(0);
    for (const item of placed) {
      const row = page.locator('.market-table tbody tr', { hasText: item.title });
      await expect(row.locator('.position').textContent()).resolves.toContain(item.market === 'differentiator' ? 'Differentiator' : item.market === 'parity' ? 'Parity' : 'Lagging');
    }
    await expect(page.locator('#market-summary').textContent()).resolves.toMatch(new RegExp(`${placed.length} (is|are) placed against the competition`));
    await expect.poll(() => liveRegion(page)).toMatch(/Newly placed against the competition/);
    await screens.record('Market-compared');
    await alsoAt1024(page, 'Market-compared');

    // Back from a view reached through another view: focus returns to the link the player first used.
    await press(page, 'view:back');
    await waitForScene(page, 'Briefing');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.focus)).toBe('view:Customers');
    expect(screens.violations).toEqual([]);
  });

  it('places a stakeholder by dragging with the mouse, and shows every view read-only where it cannot change', async () => {
    const page = await openGame(harness);
    const screens = new ScreenRecorder(page, '1280x720', true);
    await page.goto(`${harness.baseUrl}?seed=views-2`);
    await waitForScene(page, 'Title');
    await page.click('#play');
    await waitForScene(page, 'CampaignMap');
    await page.click(`[data-focus="scenario:start:${COUNCIL}"]`);
    await settle(page);
    for (let i = 0; i < 10 && ((await status(page)).scene !== 'Briefing' || (await status(page)).dialog); i++) await clickAction(page, (await nextActionId(page, TO_READY))!);
    await page.click('[data-focus="view:StakeholderMap"]');
    await waitForScene(page, 'StakeholderMap');

    const token = await page.locator('[data-token="councillor"]').boundingBox();
    const target = await page.locator('[data-quadrant="keepSatisfied"]').boundingBox();
    if (!token || !target) throw new Error('map not laid out');
    const before = (await status(page)).step ?? 0;
    await page.mouse.move(token.x + token.width / 2, token.y + token.height / 2);
    await page.mouse.down();
    const to = { x: target.x + target.width / 2, y: target.y + target.height - 20 };
    for (let i = 1; i <= 10; i++) await page.mouse.move(token.x + token.width / 2 + ((to.x - token.x - token.width / 2) * i) / 10, token.y + token.height / 2 + ((to.y - token.y - token.height / 2) * i) / 10);
    await expect(page.locator('[data-quadrant="keepSatisfied"].is-target').count()).resolves.toBe(1);
    await saveScreenshot(page, 'StakeholderMap-dragging-1280x720');
    await page.mouse.up();
    await expect.poll(() => page.locator('[data-quadrant="keepSatisfied"] [data-token="councillor"].token--pending').count()).toBe(1);
    await page.click('[data-focus="batch:map:submit"]');
    await afterAction(page, before);
    const o = await engineObservation(page, COUNCIL_FILE);
    expect(o.stakeholders.find((s) => s.id === 'councillor')?.mappedAs).toBe('keepSatisfied');

    // On to the Sprint days: refinement and discovery go on, so the screen links to the views
    // with decisions open, and the customers view takes them.
    await page.click('[data-focus="view:back"]');
    await waitForScene(page, 'Briefing');
    const at = (scene: string, phase?: string) => async () => {
      const s = await status(page);
      return s.scene === scene && (!phase || s.phase === phase) && !s.dialog;
    };
    const onDays = at('SprintDay', 'sprint.execution.working');
    for (let i = 0; i < 60 && !(await onDays()); i++) await clickAction(page, (await nextActionId(page, TO_DAYS))!);
    expect(await onDays()).toBe(true);
    await expect(page.locator('#meanwhile-title').count()).resolves.toBe(1);
    await page.click('[data-focus="view:Customers"]');
    await waitForScene(page, 'Customers');
    await expect(page.locator('[data-board="empathy"] .token--movable').count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('.notice', { hasText: 'Read only now' }).count()).resolves.toBe(0);
    await screens.record('Customers-sprint-days');
    await page.click('[data-focus="view:back"]');
    await waitForScene(page, 'SprintDay');
    await page.click('[data-focus="view:Backlog"]');
    await waitForScene(page, 'Backlog');
    await expect(page.locator('.board--reorder').count()).resolves.toBe(1);
    await expect(page.locator('.primary-bar').textContent()).resolves.toBe('Back to the Sprint →');
    await screens.record('Backlog-sprint-days');
    await page.click('[data-focus="view:back"]');
    await waitForScene(page, 'SprintDay');

    // At the Retrospective every view opens, shows how things stand, and offers nothing to change.
    const onRetro = at('Retrospective');
    for (let i = 0; i < 60 && !(await onRetro()); i++) await clickAction(page, (await nextActionId(page, [...TO_DAYS, 'nextDay', 'answerForecast:range', 'endReview']))!);
    expect(await onRetro()).toBe(true);
    for (const view of ['Backlog', 'StakeholderMap', 'Customers', 'Market']) {
      await page.click('[data-focus="tool:views"]');
      await page.click(`dialog[open] [data-focus="views:${view}"]`);
      await waitForScene(page, view);
      await expect(page.locator('#overlay [data-action]').count()).resolves.toBe(0);
      await expect(page.locator('.notice', { hasText: 'Read only now' }).count()).resolves.toBeGreaterThanOrEqual(view === 'Market' ? 0 : 1);
      await screens.record(`${view}-read-only`);
      await page.click('[data-focus="view:back"]');
      await waitForScene(page, 'Retrospective');
    }
    expect(screens.violations).toEqual([]);
  });
});

describe('the Monte Carlo forecast', () => {
  it('shows the histogram with its 50/85/95% marks in words after a range forecast, and again with a burn-up at the release', async () => {
    const page = await openGame(harness);
    const screens = new ScreenRecorder(page, '1280x720', true);
    await startScenario(page, harness.baseUrl, 'histogram-1');
    const summary = /50% of simulated futures finish within \d+ Sprints?, 85% within \d+, 95% within \d+\./;
    let sawRetro = false;
    for (let i = 0; i < 300; i++) {
      const now = await status(page);
      if (now.scene === 'Release' && !now.dialog) break;
      // The range is answered with the Review's close; the next screen shows what it was read from.
      if (!sawRetro && now.scene === 'Retrospective' && !now.dialog && (await page.locator('.chart--histogram').count()) > 0) {
        sawRetro = true;
        const o = await engineObservation(page, 'corner-cafe.yaml');
        const f = o.forecasts.at(-1)!;
        expect(f).toMatchObject({ sprint: o.sprint, style: 'range' });
        expect(f.distribution).not.toBeNull();
        const text = await page.locator('.chart--histogram .chart__summary').textContent();
        expect(text).toMatch(summary);
        expect(text).toContain(`within ${f.distribution!.p50} Sprint`);
        await expect(page.locator('.chart--histogram .chart__mark-label').allTextContents()).resolves.toEqual(expect.arrayContaining([expect.stringContaining('50%')]));
        await page.locator('.chart--histogram').scrollIntoViewIfNeeded();
        await screens.record('Retrospective-histogram');
        await alsoAt1024(page, 'Retrospective-histogram');
      }
      await clickAction(page, (await nextActionId(page, POLICY))!);
    }
    expect(sawRetro).toBe(true);
    expect((await status(page)).scene).toBe('Release');
    await expect(page.locator('.chart--burnup .chart__range').count()).resolves.toBe(1);
    await expect(page.locator('.chart--burnup .chart__summary').textContent()).resolves.toMatch(/you forecast the next items done (between the end of Sprint \d+ and Sprint \d+|by the end of Sprint \d+) \(80% of simulated futures\)/);
    await expect(page.locator('.screen--release .chart--histogram .chart__summary').textContent()).resolves.toMatch(summary);
    await screens.record('Release-forecast');
    await alsoAt1024(page, 'Release-forecast');
    expect(screens.violations).toEqual([]);
  });
});
