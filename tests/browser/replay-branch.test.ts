import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { POLICIES, playToEnd } from '../../src/bots';
import { createSession } from '../../src/engine';
import { replayFileName, serializeReplay } from '../../src/replay';
import { longReplay, starter } from '../replay/helpers';
import { formatProblem, loadScenarioText } from '../../src/scenario';
import { openGame, saveScreenshot, useHarness, waitForScene } from './harness';
import { clickAction, settle, startScenario, status } from './play';
import { repoRoot } from './paths';
import { chooseFile, downloaded, playUntil, toCampaignMap, verifyInNode, viewerStatus } from './replay-helpers';

const harness = useHarness();

type Page = Awaited<ReturnType<typeof openGame>>;

const saved = (page: Page, key: string) => page.evaluate((k) => localStorage.getItem(k), key);

describe('branching a run in the viewer', () => {
  it('makes a separate branch save that verifies on its own, leaves the original save unchanged, and both can be continued', async () => {
    const page = await openGame(harness);
    await startScenario(page, harness.baseUrl, 'branch-1');
    const taken = await playUntil(page, (s) => s.phase === 'sprint.planning.negotiating');
    const there = await status(page);
    const mainBefore = await saved(page, 'sprintwise.save.corner-cafe');
    const original = JSON.parse(mainBefore ?? '{}');
    expect(verifyInNode(original.replay)).toMatchObject({ ok: true, finalHash: there.stateHash });

    // Export the save from the in-run menu and open it in the viewer from the campaign map.
    await page.click('[data-focus="tool:menu"]');
    const file = await downloaded(page, () => page.click('[data-focus="menu:export"]'));
    await page.click('[data-focus="menu:map"]');
    await waitForScene(page, 'CampaignMap');
    await chooseFile(page, () => page.click('[data-focus="map:watch"]'), file.name, file.text);
    await waitForScene(page, 'ReplayViewer');
    expect(await viewerStatus(page)).toMatchObject({ length: there.step, finalHash: there.stateHash });

    // Take over before the Product Goal was chosen, and choose another one.
    const at = taken.findIndex((id) => id.startsWith('chooseProductGoal:'));
    await page.selectOption('#viewer-jump', String(at));
    await page.click('[data-focus="viewer:go"]');
    await expect(page.locator('.viewer-choice.is-chosen').getAttribute('data-chosen')).resolves.toBe(taken[at]);
    await page.click('[data-focus="viewer:branch"]');
    await page.waitForFunction(() => window.__sprintwise?.scene !== 'ReplayViewer');
    await settle(page);
    expect(await page.evaluate(() => ({ ...window.__sprintwise }))).toMatchObject({ scene: 'Briefing', step: at, seed: 'branch-1', slot: 'branch' });
    const different = await page.evaluate((chosen) => [...document.querySelectorAll<HTMLElement>('button[data-action^="chooseProductGoal:"]')].map((b) => b.dataset.action).find((id) => id !== chosen), taken[at]);
    expect(different).toBeTruthy();
    await clickAction(page, different!);
    await playUntil(page, (s) => s.scene === 'Planning' && !s.dialog);
    const branchState = await status(page);
    await saveScreenshot(page, 'Planning-branch-1280x720');

    // The original is untouched; the branch is a save of its own that verifies on its own.
    expect(await saved(page, 'sprintwise.save.corner-cafe')).toBe(mainBefore);
    const branch = JSON.parse((await saved(page, 'sprintwise.branch.corner-cafe')) ?? '{}');
    expect(branch).toMatchObject({ format: 'sprintwise-save', version: 2, branch: { step: at, from: original.replay } });
    expect(branch.replay.actions.slice(0, at)).toEqual(original.replay.actions.slice(0, at));
    expect(branch.replay.actions[at]).not.toEqual(original.replay.actions[at]);
    expect(verifyInNode(branch.replay)).toMatchObject({ ok: true, finalHash: branchState.stateHash });
    expect(verifyInNode(original.replay)).toMatchObject({ ok: true, finalHash: there.stateHash });

    // After a reload, Continue resumes the branch (played last); the map offers both runs.
    await page.reload();
    await waitForScene(page, 'Title');
    await expect(page.locator('.title__resume-detail').first().textContent()).resolves.toMatch(/your branch/);
    await page.click('#play');
    await waitForScene(page, 'CampaignMap');
    await expect(page.locator('.scenario__branch').textContent()).resolves.toMatch(/Your branch: Sprint 1 of 3/);
    await saveScreenshot(page, 'CampaignMap-branch-1280x720');
    await page.click('[data-focus="scenario:continue:corner-cafe"]');
    await settle(page);
    expect(await status(page)).toMatchObject({ phase: there.phase, stateHash: there.stateHash });
    await page.click('[data-focus="tool:menu"]');
    await page.click('[data-focus="menu:map"]');
    await waitForScene(page, 'CampaignMap');
    await page.click('[data-focus="scenario:branch-continue:corner-cafe"]');
    await settle(page);
    expect(await status(page)).toMatchObject({ scene: 'Planning', stateHash: branchState.stateHash });
    expect(await page.evaluate(() => window.__sprintwise?.slot)).toBe('branch');
  });
});

describe('replay files the game refuses', () => {
  const file = 'corner-cafe.yaml';
  const loaded = loadScenarioText(readFileSync(join(repoRoot, 'scenarios', file), 'utf8'), file);
  if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
  const session = createSession(loaded.scenario, 'refused-1', loaded.hash);
  playToEnd(session, POLICIES.principled!('refused-1'));
  const good = session.replayLog();

  it('a tampered, other-engine, other-scenario or unreadable replay is refused with the verifier’s message, and nothing changes', async () => {
    const page = await openGame(harness);
    await toCampaignMap(page, harness.baseUrl);
    const refused = async (name: string, text: string, message: RegExp, button = 'map:watch') => {
      await chooseFile(page, () => page.click(`[data-focus="${button}"]`), name, text);
      await page.waitForSelector('dialog[open]');
      await expect(page.locator('dialog[open]').textContent()).resolves.toMatch(message);
      if (name === 'tampered.replay.json' && button === 'map:watch') await saveScreenshot(page, 'CampaignMap-replay-refused-1280x720');
      await page.click('dialog[open] .dialog__actions .btn--primary');
      expect((await status(page)).scene).toBe('CampaignMap');
    };

    // An edited choice: re-played, the run leaves the recorded one at the next checkpoint.
    const edited = structuredClone(good);
    const at = edited.actions.findIndex((a) => a.type === 'setRefinementShare');
    edited.actions[at] = { type: 'setRefinementShare', percent: 30 };
    await refused('tampered.replay.json', serializeReplay(edited), /changed since it was recorded.*step \d+.*Nothing was changed/);
    await refused('tampered.replay.json', serializeReplay(edited), /did not pass verification: it has been changed since it was recorded.*step \d+/, 'map:import');
    await refused('engine.replay.json', serializeReplay({ ...good, engineVersion: '9.0.0' }), /another version of the simulation.*recorded with engine version 9\.0\.0/);
    await refused('other.replay.json', serializeReplay({ ...good, scenarioId: 'cafe-regulars' }), /another scenario.*"cafe-regulars" has changed/);
    await refused('moon.replay.json', serializeReplay({ ...good, scenarioId: 'moon-base' }), /does not include.*"moon-base"/);
    await refused('cut.replay.json', serializeReplay(good).slice(0, 500), /not a replay.*not JSON/);

    // The good one opens, and nothing was stored on the way.
    await chooseFile(page, () => page.click('[data-focus="map:watch"]'), 'good.replay.json', serializeReplay(good));
    await waitForScene(page, 'ReplayViewer');
    expect(await viewerStatus(page)).toMatchObject({ seed: 'refused-1', length: good.actions.length, finalHash: good.finalHash });
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('sprintwise.save.') || k.startsWith('sprintwise.branch.')))).toEqual([]);
  });

  it('a run too long for a link is offered as a replay file instead, and the player is told why', async () => {
    const long = longReplay(starter(), 1000);
    const page = await openGame(harness);
    await toCampaignMap(page, harness.baseUrl);
    await chooseFile(page, () => page.click('[data-focus="map:watch"]'), 'long.replay.json', serializeReplay(long));
    await waitForScene(page, 'ReplayViewer');
    await page.click('[data-focus="viewer:link"]');
    await page.waitForSelector('dialog[open]');
    await expect(page.locator('dialog[open]').textContent()).resolves.toMatch(/too long for a link.*at most 8,192.*Share the replay as a file/);
    await saveScreenshot(page, 'ReplayViewer-link-too-long-1280x720');
    const file = await downloaded(page, () => page.click('dialog[open] [data-focus="share:download"]'));
    expect(file).toEqual({ name: replayFileName(long), text: serializeReplay(long) });
  });
});
