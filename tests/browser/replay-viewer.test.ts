import { describe, expect, it } from 'vitest';
import { readLink } from '../../src/replay';
import { axeViolations, seriousOrWorse } from './axe';
import { openGame, saveScreenshot, useHarness, waitForScene } from './harness';
import { settle, startScenario, status, tabTo } from './play';
import { chooseFile, downloaded, playUntil, sharedLink, toCampaignMap, verifyInNode, viewerStatus } from './replay-helpers';

const harness = useHarness();

describe('the replay viewer', () => {
  it('watches the run just played; opens its exported replay file elsewhere, re-simulated to the same final hash; each step shows the recorded choice and its judgement; a branch at the release is compared with the original in its debrief', async () => {
    const page = await openGame(harness);
    await startScenario(page, harness.baseUrl, 'viewer-1');
    const taken = await playUntil(page, (s) => s.scene === 'Debrief');
    const original = await status(page);

    // Export: a real replay file, the same the CLI writes and verifies.
    const file = await downloaded(page, () => page.click('[data-focus="debrief:export"]'));
    expect(file.name).toBe(`corner-cafe-seed-viewer-1-${taken.length}-steps.replay.json`);
    const replay = JSON.parse(file.text);
    expect(replay).toMatchObject({ format: 'sprintwise-replay', scenarioId: 'corner-cafe', seed: 'viewer-1', finalHash: original.stateHash });
    expect(replay.actions).toHaveLength(taken.length);
    expect(verifyInNode(replay)).toMatchObject({ ok: true, finalHash: original.stateHash });

    await page.locator('#replay-title').scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'Debrief-replay-this-run-1280x720');

    // The debrief's links: the same scenario and seed, and the whole run.
    await page.click('[data-focus="debrief:challenge-link"]');
    expect(await sharedLink(page)).toBe(`${harness.baseUrl}?scenario=corner-cafe&seed=viewer-1`);
    await page.click('[data-focus="debrief:replay-link"]');
    await expect(readLink(await sharedLink(page))).resolves.toMatchObject({ kind: 'replay', replay: { seed: 'viewer-1', finalHash: original.stateHash } });

    // "Watch this run" opens the run just played, and Back returns to its debrief.
    await page.click('[data-focus="debrief:watch"]');
    await waitForScene(page, 'ReplayViewer');
    expect(await viewerStatus(page)).toMatchObject({ seed: 'viewer-1', length: taken.length, finalHash: original.stateHash });
    await page.click('[data-focus="tool:back"]');
    await waitForScene(page, 'Debrief');
    expect(await status(page)).toMatchObject({ scene: 'Debrief', stateHash: original.stateHash });

    // Import it in another browser profile: the viewer opens on the first choice.
    const other = await openGame(harness);
    await toCampaignMap(other, harness.baseUrl);
    await chooseFile(other, () => other.click('[data-focus="map:watch"]'), file.name, file.text);
    await waitForScene(other, 'ReplayViewer');
    expect(await viewerStatus(other)).toEqual({ scenarioId: 'corner-cafe', seed: 'viewer-1', length: taken.length, position: 0, finalHash: original.stateHash });

    const chosen = () => other.evaluate(() => ({ id: document.querySelector<HTMLElement>('.viewer-choice.is-chosen')?.dataset.chosen ?? null, type: document.querySelector<HTMLElement>('.viewer-chosen')?.dataset.actionType ?? null }));
    const at = async () => (await viewerStatus(other))?.position;
    expect(await chosen()).toEqual({ id: taken[0], type: replay.actions[0].type });

    // Arrow keys step, and the live region says where the viewer is.
    await other.keyboard.press('ArrowRight');
    expect(await at()).toBe(1);
    expect(await chosen()).toEqual({ id: taken[1], type: replay.actions[1].type });
    await other.waitForFunction((n) => document.getElementById('announcer')?.textContent?.startsWith(`Choice 2 of ${n}.`), taken.length);
    // Choosing the Product Goal is judged: goal, title, score and rationale are shown beside it.
    expect(taken[1]).toMatch(/^chooseProductGoal:/);
    const judgement = await other.locator('.viewer-judgement').first().textContent();
    // The goal by its title, never its curriculum code.
    expect(judgement).toMatch(/^[A-Z][a-z].+Score \d\.\d\d of 1/);
    expect(judgement).not.toMatch(/D\d\.\d\.\d/);
    await saveScreenshot(other, 'ReplayViewer-1280x720');
    expect(seriousOrWorse(await axeViolations(other))).toEqual([]);

    await other.keyboard.press('End');
    expect(await at()).toBe(taken.length);
    await expect(other.locator('.viewer-chosen').textContent()).resolves.toBe('The run ends here');
    await other.keyboard.press('Home');
    expect(await at()).toBe(0);
    await other.keyboard.press('ArrowLeft');
    expect(await at()).toBe(0);

    // Buttons: the Sprint marks and the jump list land on the recorded choice too.
    await other.click('[data-focus="viewer:mark:Sprint 2"]');
    const sprint2 = (await at())!;
    expect(sprint2).toBeGreaterThan(1);
    expect(await other.getAttribute('[data-focus="viewer:mark:Sprint 2"]', 'aria-current')).toBe('step');
    expect((await chosen()).id).toBe(taken[sprint2]);
    // Starting Sprint 1 after the briefing: a frame with a hundred choices on offer (refinement
    // and discovery are open before the first Sprint).
    const start = taken.indexOf('startSprints');
    expect(start).toBeGreaterThan(0);
    await other.selectOption('#viewer-jump', String(start));
    await other.click('[data-focus="viewer:go"]');
    expect(await at()).toBe(start);
    expect((await chosen()).id).toBe(taken[start]);
    // Many choices are grouped by kind, the chosen kind open.
    await expect(other.locator('details.viewer-group[open] .viewer-choice.is-chosen').count()).resolves.toBe(1);
    await saveScreenshot(other, 'ReplayViewer-refinement-1280x720');
    expect(seriousOrWorse(await axeViolations(other))).toEqual([]);

    // Keyboard only: the Next button is reachable, shows a focus ring, and keeps focus at the end.
    await tabTo(other, '[data-focus="viewer:last"]');
    await other.keyboard.press('Enter');
    await tabTo(other, '[data-focus="viewer:next"]');
    await other.keyboard.press('Enter');
    const focus = await other.evaluate(() => {
      const active = document.activeElement as HTMLElement;
      return { key: active.dataset.focus, disabled: active.getAttribute('aria-disabled'), outline: getComputedStyle(active).outlineStyle, visible: active.matches(':focus-visible') };
    });
    expect(focus).toEqual({ key: 'viewer:next', disabled: 'true', outline: 'solid', visible: true });
    expect(await at()).toBe(taken.length);

    // Branch at the release and finish without releasing the Done work: the debrief sets both runs side by side.
    await other.click('[data-focus="viewer:mark:Release"]');
    const release = (await at())!;
    await other.click('[data-focus="viewer:branch"]');
    await other.waitForFunction(() => window.__sprintwise?.scene !== 'ReplayViewer');
    await settle(other);
    expect(await status(other)).toMatchObject({ step: release });
    expect(await other.evaluate(() => window.__sprintwise?.slot)).toBe('branch');
    await playUntil(other, (s) => s.scene === 'Debrief', { policy: ['answerQuestion:', 'resolveEvent:', 'finishScenario'] });
    const compare = other.locator('section.compare');
    await expect(compare.locator('h2').textContent()).resolves.toBe('This branch beside the original run');
    await expect(compare.locator('tr', { hasText: 'Released' }).textContent()).resolves.toMatch(/ReleasedReleasedNothing released/);
    await saveScreenshot(other, 'Debrief-branch-compare-1280x720');
    expect(seriousOrWorse(await axeViolations(other))).toEqual([]);
  });
});
