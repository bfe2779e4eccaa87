import { describe, expect, it } from 'vitest';
import { readLink, replayLink } from '../../src/replay';
import { axeViolations, seriousOrWorse } from './axe';
import { openGame, saveScreenshot, useHarness, waitForScene } from './harness';
import { settle, startScenario, status } from './play';
import { openAddress, playUntil, sharedLink, viewerStatus } from './replay-helpers';

const harness = useHarness();

type Page = Awaited<ReturnType<typeof openGame>>;

/** What the running game says about itself: its scenario and engine seed, and the address. */
function session(page: Page): Promise<{ scenarioId?: string; seed?: string; slot?: string; step?: number; search: string; hash: string }> {
  return page.evaluate(() => ({ scenarioId: window.__sprintwise?.scenarioId, seed: window.__sprintwise?.seed, slot: window.__sprintwise?.slot, step: window.__sprintwise?.step, search: location.search, hash: location.hash }));
}

/** Opens `address` and waits for the title's message about the link. */
async function titleNotice(page: Page, address: string): Promise<string> {
  await openAddress(page, address);
  await page.waitForSelector('#title-notice');
  await waitForScene(page, 'Title');
  return (await page.locator('#title-notice').textContent()) ?? '';
}

describe('challenge links', () => {
  it('start their scenario with their seed (even a locked one), leave the address, and the in-run menu makes the same link', async () => {
    const page = await openGame(harness);
    await page.goto(`${harness.baseUrl}?scenario=cafe-regulars&seed=challenge-7`);
    await page.waitForFunction(() => window.__sprintwise?.scenarioId === 'cafe-regulars');
    await settle(page);
    expect(await session(page)).toMatchObject({ scenarioId: 'cafe-regulars', seed: 'challenge-7', slot: 'main', step: 0, search: '' });
    expect((await status(page)).scene).toBe('Briefing');

    await playUntil(page, (s, taken) => taken.length > 0 && !s.dialog);
    await page.click('[data-focus="tool:menu"]');
    await page.click('[data-focus="menu:challenge-link"]');
    const link = await sharedLink(page);
    expect(link).toBe(`${harness.baseUrl}?scenario=cafe-regulars&seed=challenge-7`);
    await expect(readLink(link)).resolves.toEqual({ kind: 'challenge', scenarioId: 'cafe-regulars', seed: 'challenge-7' });
  });

  it('ask before replacing a saved game of that scenario: keeping it changes nothing, accepting starts the challenge', async () => {
    const page = await openGame(harness);
    await startScenario(page, harness.baseUrl, 'mine-1');
    await playUntil(page, (s) => s.scene === 'Planning' && !s.dialog);
    const saved = await page.evaluate(() => localStorage.getItem('sprintwise.save.corner-cafe'));
    expect(saved).toBeTruthy();

    const challenge = `${harness.baseUrl}?scenario=corner-cafe&seed=challenge-8`;
    await page.goto(challenge);
    await page.waitForSelector('dialog[open]');
    await expect(page.locator('dialog[open]').textContent()).resolves.toMatch(/seed challenge-8.*already have a saved game.*replaces it/);
    await saveScreenshot(page, 'Title-challenge-confirm-1280x720');
    await page.click('dialog[open] [data-focus="cancel"]');
    await expect(page.locator('#title-notice').textContent()).resolves.toMatch(/challenge was not started.*kept as it was/);
    expect(await page.evaluate(() => localStorage.getItem('sprintwise.save.corner-cafe'))).toBe(saved);
    expect((await session(page)).search).toBe('');
    // The game goes on: Continue still opens the kept game.
    await page.click('#continue');
    await waitForScene(page, 'Planning');
    expect(await session(page)).toMatchObject({ seed: 'mine-1' });

    await page.goto(challenge);
    await page.waitForSelector('dialog[open]');
    await page.click('dialog[open] [data-focus="confirm"]');
    await page.waitForFunction(() => window.__sprintwise?.seed === 'challenge-8');
    await settle(page);
    expect(await session(page)).toMatchObject({ scenarioId: 'corner-cafe', seed: 'challenge-8', step: 0 });
  });
});

describe('replay links', () => {
  it('the in-run menu copies a replay link that opens the run in the viewer elsewhere, re-simulated to the same state', async () => {
    const page = await openGame(harness);
    await startScenario(page, harness.baseUrl, 'link-1');
    await playUntil(page, (s) => s.phase === 'sprint.planning.negotiating');
    const there = await status(page);
    await page.click('[data-focus="tool:menu"]');
    await page.click('[data-focus="menu:replay-link"]');
    const link = await sharedLink(page);
    expect(link.startsWith(`${harness.baseUrl}#replay=`)).toBe(true);

    const other = await openGame(harness);
    await openAddress(other, link);
    await waitForScene(other, 'ReplayViewer');
    expect(await viewerStatus(other)).toEqual({ scenarioId: 'corner-cafe', seed: 'link-1', length: there.step, position: 0, finalHash: there.stateHash });
    expect((await session(other)).hash).toBe('');
    await other.click('[data-focus="tool:back"]');
    await waitForScene(other, 'Title');
  });

  it('damaged, tampered and unknown links say what is wrong on the title screen, and the game still starts', async () => {
    const page = await openGame(harness);
    await startScenario(page, harness.baseUrl, 'link-2');
    await playUntil(page, (s) => s.scene === 'Planning' && !s.dialog);
    await page.click('[data-focus="tool:menu"]');
    await page.click('[data-focus="menu:replay-link"]');
    const link = await sharedLink(page);
    const read = await readLink(link);
    if (read.kind !== 'replay') throw new Error(`the game's own link did not read back: ${JSON.stringify(read)}`);

    const other = await openGame(harness);
    await expect(titleNotice(other, link.slice(0, -30))).resolves.toMatch(/link cannot be opened.*damaged.*Everything else works/);
    await saveScreenshot(other, 'Title-damaged-link-1280x720');
    expect(seriousOrWorse(await axeViolations(other))).toEqual([]);

    const tampered = await replayLink(harness.baseUrl, { ...read.replay, finalHash: '0'.repeat(64) });
    if (!tampered.ok) throw new Error('no link');
    await expect(titleNotice(other, tampered.url)).resolves.toMatch(new RegExp(`replay link cannot be opened.*changed since it was recorded.*step ${read.replay.actions.length}`));
    const otherEngine = await replayLink(harness.baseUrl, { ...read.replay, engineVersion: '9.0.0' });
    if (!otherEngine.ok) throw new Error('no link');
    await expect(titleNotice(other, otherEngine.url)).resolves.toMatch(/another version of the simulation.*recorded with engine version 9\.0\.0/);

    await expect(titleNotice(other, `${harness.baseUrl}?scenario=moon-base&seed=1`)).resolves.toMatch(/challenge link cannot be opened.*“moon-base”.*does not include/);
    await expect(titleNotice(other, `${harness.baseUrl}?scenario=corner-cafe&seed=`)).resolves.toMatch(/challenge link is not valid: seed/);
    await expect(titleNotice(other, `${harness.baseUrl}?scenario=corner-cafe&seed=1#replay=abc`)).resolves.toMatch(/both a challenge.*and a replay/);

    // Nothing was stored, and Play works as ever.
    expect(await other.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('sprintwise.save.') || k.startsWith('sprintwise.branch.')))).toEqual([]);
    await other.click('#play');
    await waitForScene(other, 'CampaignMap');
    await other.click('[data-focus="scenario:start:corner-cafe"]');
    expect((await settle(other)).scene).toBe('Briefing');
  });
});
