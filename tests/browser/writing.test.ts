import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, seriousOrWorse } from './axe';
import { engineObservation } from './engine-state';
import { openGame, useHarness, waitForScene } from './harness';
import { screenshotDir } from './paths';
import { afterAction, playUntil, settle, startScenario, status } from './play';
import { chooseFile, downloaded, toCampaignMap, verifyInNode, viewerStatus } from './replay-helpers';

const harness = useHarness();

const CAFE = 'corner-cafe.yaml';
const SHOTS = screenshotDir;

const GOAL = 'By the end of Sprint 3, regulars of the Corner Café app order their usual coffee ahead and pick it up without queueing, measured by 150 app orders a week.';
const VAGUE_STORY = 'As a regular, I want a quick way to order ahead, so that I skip the queue.';
const STORY = 'As a regular, I want to order my usual coffee before I arrive, so that I can pick it up without queueing.';
const NO_THEN = 'Given a regular with the app open\nWhen they order a flat white for pickup';
const CRITERIA = 'Scenario: Order ahead\n  Given a regular with the app open\n  When they order a flat white for pickup at 8:10\n  Then they see the order confirmed with its pickup time\n\nScenario: Café closed\n  Given the café is closed\n  When a regular tries to order\n  Then they see the opening hours and no order is taken';
const SPRINT_GOAL = 'Regulars can order their coffee ahead in the app and pick it up without queueing.';

/** The screen at both sizes, saved for a person to look at, and no serious axe findings on it. */
async function shots(page: Page, name: string, show?: string): Promise<void> {
  await mkdir(SHOTS, { recursive: true });
  for (const size of [
    { width: 1280, height: 720 },
    { width: 1024, height: 768 },
  ]) {
    await page.setViewportSize(size);
    await settle(page);
    // The whole field with its hints in view when it fits, else its end (the hints).
    // Only the pane scrolls, as a player scrolls it: the whole field in view when it fits, else its end (the hints).
    if (show)
      await page.locator(show).first().evaluate((e) => {
        const pane = e.closest<HTMLElement>('[data-scroll]');
        if (!pane) return;
        const box = e.getBoundingClientRect();
        const view = pane.getBoundingClientRect();
        const fits = box.height <= view.height;
        pane.scrollTop += fits ? box.top - view.top - (view.height - box.height) / 2 : box.bottom - view.bottom;
      });
    await page.screenshot({ path: `${SHOTS}/${name}-${size.width}x${size.height}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
  await settle(page);
  expect(seriousOrWorse(await axeViolations(page))).toEqual([]);
}

/** The coach's hints under a field, once the typing pause has passed. */
async function hints(page: Page, field: string): Promise<string[]> {
  await page.waitForTimeout(500);
  return page.locator(`#${field}-hints li`).allInnerTexts();
}

async function openFold(page: Page, key: string): Promise<void> {
  const open = await page.locator(`details[data-fold="${key}"]`).evaluate((d) => (d as HTMLDetailsElement).open);
  if (!open) await page.click(`[data-focus="fold:${key}"]`);
}

async function submit(page: Page, field: string): Promise<void> {
  const before = (await status(page)).step ?? 0;
  await page.click(`[data-focus="write:${field}:submit"]`);
  await afterAction(page, before);
}

async function toView(page: Page, view: string): Promise<void> {
  await page.click('[data-focus="tool:views"]');
  await page.click(`dialog[open] [data-focus="views:${view}"]`);
  await waitForScene(page, view);
}

/** From the start to the Product Backlog board with a Product Goal the player wrote. */
async function writeGoalAndOpenBoard(page: Page, seed: string): Promise<void> {
  await startScenario(page, harness.baseUrl, seed);
  await playUntil(page, (s) => s.phase === 'briefing.choosingGoal' && !s.dialog);
  await openFold(page, 'write-goal');
  await page.fill('#write-product-goal', GOAL);
  expect((await hints(page, 'write-product-goal')).length).toBeGreaterThan(2);
  await shots(page, 'Writing-Briefing-product-goal', '[data-field="product-goal"]');
  await submit(page, 'product-goal');
  expect((await engineObservation(page, CAFE)).productGoal).toBe(GOAL);
  await expect(page.locator('.written').first().innerText()).resolves.toContain(GOAL);
  await toView(page, 'Backlog');
}

describe('writing in your own words', () => {
  it('shows the coach’s hints while a story is typed, and keeps criteria with no Then in the field with the engine’s reason', async () => {
    const page = await openGame(harness);
    await writeGoalAndOpenBoard(page, 'write-1');
    const item = (await engineObservation(page, CAFE)).backlog[0]!;

    // A vague word in a story: the hint names it while the player types.
    await openFold(page, `story-${item.id}`);
    const story = `#write-story-${item.id}`;
    // Typed key by key, as a player types: nothing on the page takes the keys (Space, Enter) away.
    await page.fill(story, '');
    await page.locator(story).pressSequentially(VAGUE_STORY);
    await expect(page.inputValue(story)).resolves.toBe(VAGUE_STORY);
    const said = await hints(page, `write-story-${item.id}`);
    expect(said.some((h) => h.includes('✗') && h.includes('"quick" is vague'))).toBe(true);
    expect(said.some((h) => h.startsWith('✓'))).toBe(true);
    await expect(page.locator(`${story}`).getAttribute('aria-describedby')).resolves.toContain(`write-story-${item.id}-hints`);
    const max = await page.locator(story).getAttribute('maxlength');
    await expect(page.locator(`#write-story-${item.id}-count`).innerText()).resolves.toBe(`${VAGUE_STORY.length} of ${max} characters`);
    await shots(page, 'Writing-Backlog-story-hints', `[data-field="story-${item.id}"]`);

    // Criteria with no Then: refused, the reason beside the field, the words still in it.
    await openFold(page, `criteria-${item.id}`);
    const criteria = `#write-criteria-${item.id}`;
    await page.fill(criteria, NO_THEN);
    const before = await status(page);
    // Ctrl+Enter sends from the field, as the button does.
    await page.locator(criteria).press('Control+Enter');
    await settle(page);
    const reason = page.locator(`#write-criteria-${item.id}-error`);
    await expect(reason.innerText()).resolves.toMatch(/not a Given-When-Then yet.*has no Then/);
    // Said once: beside the field (which points to it), announced by the page's live region, and not again in the screen's box.
    await expect(page.locator(criteria).getAttribute('aria-describedby')).resolves.toContain(`write-criteria-${item.id}-error`);
    await expect.poll(() => page.locator('#announcer').innerText()).toMatch(/^Not possible: .*has no Then/);
    await expect(page.locator('.latest--error').count()).resolves.toBe(0);
    await expect(page.inputValue(criteria)).resolves.toBe(NO_THEN);
    await expect(page.locator(criteria).getAttribute('aria-invalid')).resolves.toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`write-criteria-${item.id}`);
    expect((await status(page)).step).toBe(before.step);
    // The story typed before is still there too.
    await expect(page.inputValue(story)).resolves.toBe(VAGUE_STORY);
    await shots(page, 'Writing-Backlog-criteria-refused', `#write-criteria-${item.id}-error`);

    // Nothing a person reads on the board names an id or is written in camelCase.
    const text = await page.locator('#overlay').innerText();
    expect(text).not.toMatch(/\b[a-z]+[A-Z][a-zA-Z]*\b/);
    expect(text).not.toContain(item.id);
  });

  it('gives no hints in assessment mode: the field, its count and its submit stay', async () => {
    const page = await openGame(harness);
    await page.evaluate(() => localStorage.setItem('sprintwise.settings', JSON.stringify({ motion: 'system', textSize: 100, sound: false, assessmentMode: true })));
    await startScenario(page, harness.baseUrl, 'write-3');
    await playUntil(page, (s) => s.phase === 'briefing.choosingGoal' && !s.dialog);
    await openFold(page, 'write-goal');
    await page.fill('#write-product-goal', GOAL);
    await page.waitForTimeout(500);
    await expect(page.locator('#write-product-goal-hints').count()).resolves.toBe(0);
    await expect(page.locator('#write-product-goal').getAttribute('aria-describedby')).resolves.not.toContain('hints');
    await expect(page.locator('#write-product-goal-count').innerText()).resolves.toBe(`${GOAL.length} of 400 characters`);
    await submit(page, 'product-goal');
    expect((await engineObservation(page, CAFE)).productGoal).toBe(GOAL);
  });

  it('a run with a written Product Goal, story, criteria, slices and Sprint Goal exports a replay that verifies in Chromium and in Node to the same hash', async () => {
    const page = await openGame(harness);
    await writeGoalAndOpenBoard(page, 'write-2');
    const item = (await engineObservation(page, CAFE)).backlog[0]!;

    await openFold(page, `story-${item.id}`);
    await page.fill(`#write-story-${item.id}`, STORY);
    await submit(page, `story-${item.id}`);
    await openFold(page, `criteria-${item.id}`);
    await page.fill(`#write-criteria-${item.id}`, CRITERIA);
    await submit(page, `criteria-${item.id}`);
    let o = await engineObservation(page, CAFE);
    const written = o.backlog.find((i) => i.id === item.id)!;
    expect(written.story).toBe(STORY);
    expect(written.writtenCriteria).toContain('Then they see the order confirmed');
    // Shown on the item: its card and the panel.
    await expect(page.locator(`[data-item="${item.id}"] .tag--written`).count()).resolves.toBe(2);
    await expect(page.locator('.detail .written').first().innerText()).resolves.toContain(STORY);
    await shots(page, 'Writing-Backlog-written', '.detail');

    // Slices written by the player, on an item the Developers would split.
    const big = o.backlog.find((i) => i.splitOptions.length > 0);
    if (big) {
      await page.click(`[data-focus="card:${big.id}"]`);
      await settle(page);
      await openFold(page, `split-${big.id}`);
      await page.fill(`#write-split-${big.id}`, `As a regular, I want to buy a gift card in the app, so that I can treat a friend.\nAs a friend, I want to pay with a gift card at the counter, so that the treat is easy to use.`);
      await hints(page, `write-split-${big.id}`);
      await shots(page, 'Writing-Backlog-split', `details[data-fold="split-${big.id}"]`);
      const before = (await status(page)).step ?? 0;
      await page.locator(`details[data-fold="split-${big.id}"] button`).first().click();
      await afterAction(page, before);
      o = await engineObservation(page, CAFE);
      expect(o.backlog.some((i) => i.parentId === big.id)).toBe(true);
    }

    // Sprint Planning: the Sprint Goal in the player's words, sent with a proposal.
    await page.click('[data-focus="view:back"]');
    await waitForScene(page, 'Briefing');
    await playUntil(page, (s) => s.phase === 'sprint.planning.proposing' && !s.dialog);
    const field = `#write-sprint-goal-1`;
    await page.fill(field, SPRINT_GOAL);
    expect((await hints(page, 'write-sprint-goal-1')).length).toBeGreaterThan(2);
    await shots(page, 'Writing-Planning-sprint-goal', '[data-field="sprint-goal-1"]');
    const before = (await status(page)).step ?? 0;
    await page.locator('button[data-action^="proposeSprintGoal:"]').first().click();
    await afterAction(page, before);
    o = await engineObservation(page, CAFE);
    expect(o.currentSprint?.goal).toBe(SPRINT_GOAL);
    await expect(page.locator('.written').first().innerText()).resolves.toContain(SPRINT_GOAL);
    await expect(page.inputValue(field)).resolves.toBe(SPRINT_GOAL);
    await shots(page, 'Writing-Planning-answer', '.goal-card');
    await playUntil(page, (s) => s.phase?.startsWith('sprint.execution') === true && !s.dialog);
    // The board shows the story as the player wrote it.
    expect((await engineObservation(page, CAFE)).sprintBacklog.map((i) => i.id)).toContain(item.id);
    await expect(page.locator(`.task[data-item="${item.id}"] .task__story`).innerText()).resolves.toBe(`“${STORY}”`);
    await shots(page, 'Writing-SprintDay-story', '.task-list');
    const there = await status(page);

    // The save, exported, verifies in Node and opens in the viewer in another profile, to the same hash.
    await page.click('[data-focus="tool:menu"]');
    const file = await downloaded(page, () => page.click('[data-focus="menu:export"]'));
    const replay = JSON.parse(file.text).replay;
    const types = replay.actions.map((a: { type: string }) => a.type);
    for (const t of ['writeProductGoal', 'writeStory', 'writeCriteria', 'proposeSprintGoal']) expect(types).toContain(t);
    expect(replay.actions.find((a: { type: string; text?: string }) => a.type === 'proposeSprintGoal').text).toBe(SPRINT_GOAL);
    expect(verifyInNode(replay)).toMatchObject({ ok: true, finalHash: there.stateHash });

    const other = await openGame(harness);
    await toCampaignMap(other, harness.baseUrl);
    await chooseFile(other, () => other.click('[data-focus="map:watch"]'), file.name, file.text);
    await waitForScene(other, 'ReplayViewer');
    expect(await viewerStatus(other)).toMatchObject({ scenarioId: 'corner-cafe', seed: 'write-2', length: replay.actions.length, finalHash: there.stateHash });
    // The viewer shows what the player wrote as their choice.
    for (let i = 0; i < 10 && (await other.locator('.viewer-chosen').getAttribute('data-action-type')) !== 'writeProductGoal'; i++) {
      await other.keyboard.press('ArrowRight');
      await settle(other);
    }
    await expect(other.locator('.viewer-chosen').innerText()).resolves.toContain(GOAL);
    await expect(other.locator('.viewer-choice.is-chosen').innerText()).resolves.toContain('Write the Product Goal in your own words');
    await shots(other, 'Writing-ReplayViewer-product-goal', '.viewer-chosen');
  });
});
