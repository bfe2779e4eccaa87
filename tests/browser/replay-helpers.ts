import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { verifyReplay, type ReplayLog } from '../../src/engine';
import { formatProblem, loadScenarioText } from '../../src/scenario';
import { waitForScene } from './harness';
import { clickAction, nextActionId, status, type GameStatus } from './play';

export { playUntil } from './play';
import { repoRoot } from './paths';

/** The text of a file the page offered for download, and its suggested name. */
export async function downloaded(page: Page, click: () => Promise<unknown>): Promise<{ name: string; text: string }> {
  const [download] = (await Promise.all([page.waitForEvent('download'), click()])) as [Download, unknown];
  return { name: download.suggestedFilename(), text: await readFile((await download.path()) ?? '', 'utf8') };
}

/** Picks `text` as the file in the chooser that `click` opens. */
export async function chooseFile(page: Page, click: () => Promise<unknown>, name: string, text: string): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), click()]);
  await chooser.setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

/** From the title to the campaign map. */
export async function toCampaignMap(page: Page, baseUrl: string): Promise<void> {
  await page.goto(baseUrl);
  await waitForScene(page, 'Title');
  await page.click('#play');
  await waitForScene(page, 'CampaignMap');
}

/**
 * Loads the game at `address`. Through a blank page: from the game's own address, going to one
 * that differs only in its #fragment (a replay link) would not load the game again.
 */
export async function openAddress(page: Page, address: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(address);
}

/** What the viewer publishes on window.__sprintwise.viewer. */
export function viewerStatus(page: Page): Promise<{ scenarioId: string; seed: string; length: number; position: number; finalHash: string } | null> {
  return page.evaluate(() => window.__sprintwise?.viewer ?? null);
}

/** The link shown in the share dialog (copied or not), after closing the dialog. */
export async function sharedLink(page: Page): Promise<string> {
  await page.waitForSelector('dialog[open] #share-link');
  const url = await page.inputValue('dialog[open] #share-link');
  await page.click('dialog[open] .dialog__actions .btn--primary');
  return url;
}

const starter = (() => {
  const file = 'corner-cafe.yaml';
  const loaded = loadScenarioText(readFileSync(join(repoRoot, 'scenarios', file), 'utf8'), file);
  if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
  return loaded;
})();

/** Verifies a replay in Node against the shipped starter scenario, with the engine's one verifier. */
export function verifyInNode(replay: unknown): ReturnType<typeof verifyReplay> {
  return verifyReplay(replay, starter.scenario, starter.hash);
}

export type { ReplayLog };
