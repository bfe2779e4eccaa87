import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { memoryLogger } from '../../src/server/log';
import { startServer, type RunningServer } from '../../src/server/server';
import { saveScreenshot, waitForScene } from './harness';
import { distDir } from './paths';
import { nextActionId, settle, status, tabTo, afterAction, playUntil, POLICY } from './play';

/**
 * A learner plays a class in the real game: the classroom server (in this process) serves the
 * built game, the learner joins by keyboard, plays a few choices the server simulates, reloads
 * and is back where they were, and the facilitator's API sees their progress.
 */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let server: RunningServer;
let browser: Browser;
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'sprintwise-classroom-game-'));
  server = await startServer({ port: 0, host: '127.0.0.1', dataDir, distDir, logger: memoryLogger() });
  browser = await chromium.launch({ executablePath: inject('chromiumPath'), args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function api(path: string, init: { method?: string; body?: unknown; key?: string } = {}): Promise<{ status: number; body: any }> {
  const res = await fetch(`${server.url}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: { ...(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...(init.key ? { Authorization: `Bearer ${init.key}` } : {}) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: res.status, body: await res.json() };
}

async function openPage(path: string): Promise<{ page: Page; errors: Error[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const errors: Error[] = [];
  page.on('pageerror', (e) => errors.push(e));
  await page.goto(`${server.url}${path}`);
  return { page, errors };
}

/** Takes the scripted player's next choice by keyboard (Tab to it, Enter). */
async function takeChoice(page: Page): Promise<void> {
  const id = await nextActionId(page);
  expect(id).not.toBeNull();
  const before = (await status(page)).step ?? 0;
  await tabTo(page, `button[data-action="${id}"]`);
  await page.keyboard.press('Enter');
  await afterAction(page, before);
}

describe('a learner plays a class in the game', () => {
  it('joins by keyboard, plays on the server, resumes after a reload, and the facilitator sees it', async () => {
    const created = await api('/api/classes', { body: { title: 'Tuesday CSPO', content: { kind: 'scenario', id: 'corner-cafe' } } });
    expect(created.status).toBe(201);
    const { class: info, key } = created.body as { class: { id: string; code: string }; key: string };

    const { page, errors } = await openPage('/');
    await waitForScene(page, 'Title');

    // Title → Join a class, by keyboard.
    await tabTo(page, '#join-class');
    await page.keyboard.press('Enter');
    await waitForScene(page, 'Classroom');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('join-code');

    // A wrong code is refused with a clear message, and nothing breaks.
    await page.keyboard.type('ZZZZZZZ');
    await tabTo(page, '#join-name');
    await page.keyboard.type('Ada Lovelace');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#join-error');
    expect(await page.textContent('#join-error')).toContain('No class has the code ZZZZZZZ');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('join-code');
    expect(await page.getAttribute('#join-code', 'aria-invalid')).toBe('true');

    // The right code, typed with a dash and in lower case as people do.
    await page.fill('#join-code', '');
    await page.keyboard.type(`${info.code.slice(0, 3).toLowerCase()}-${info.code.slice(3).toLowerCase()}`);
    await saveScreenshot(page, 'classroom-join-form');
    await tabTo(page, '#join-submit');
    await page.keyboard.press('Enter');
    await waitForScene(page, 'Briefing');
    let s = await settle(page);
    expect(s.phase).toMatch(/^briefing/);
    expect(s.step).toBe(0);

    // A few choices, each simulated on the server.
    for (let i = 0; i < 5; i++) await takeChoice(page);
    s = await settle(page);
    expect(s.step).toBe(5);
    await saveScreenshot(page, 'classroom-in-class');
    expect(await page.textContent('.notices')).toContain('playing as Ada Lovelace');

    // The facilitator's API sees the learner where the game is.
    const seen = await api(`/api/classes/${info.id}`, { key });
    expect(seen.status).toBe(200);
    const learner = (seen.body.learners as { name: string; steps: number; phase: string }[]).find((l) => l.name === 'Ada Lovelace');
    expect(learner).toMatchObject({ steps: 5, phase: s.phase });

    // A reload goes straight back into the class, at the same phase and step.
    await page.reload();
    await page.waitForFunction((n) => window.__sprintwise?.ready && window.__sprintwise.step === n && window.__sprintwise.scene !== 'Title' && window.__sprintwise.scene !== 'Classroom', 5);
    const resumed = await settle(page);
    expect({ phase: resumed.phase, step: resumed.step }).toEqual({ phase: s.phase, step: s.step });

    // An action sent but never acknowledged (the tab closed first) is sent again after a reload.
    const pendingId = await nextActionId(page);
    await page.evaluate((id) => {
      const k = 'sprintwise.classroom.game.v1';
      const saved = JSON.parse(localStorage.getItem(k)!);
      saved.pending.push({ seq: saved.nextSeq, action: { id } });
      saved.nextSeq += 1;
      localStorage.setItem(k, JSON.stringify(saved));
    }, pendingId);
    await page.reload();
    await page.waitForFunction(() => window.__sprintwise?.ready && window.__sprintwise.step === 6, undefined, { timeout: 15_000 });
    s = await settle(page);
    const after = await api(`/api/classes/${info.id}`, { key });
    expect(after.body.learners[0]).toMatchObject({ steps: 6, phase: s.phase });

    // The facilitator pauses: the game says so, and a choice is refused without harm.
    await api(`/api/classes/${info.id}/pause`, { key, body: {} });
    await page.waitForFunction(() => document.querySelector('.notices')?.textContent?.includes('paused the class'));
    const id = await nextActionId(page);
    await page.locator(`button[data-action="${id}"]`).first().click();
    await page.waitForFunction(() => document.querySelector('.latest--error')?.textContent?.includes('paused'));
    expect((await status(page)).step).toBe(6);
    await api(`/api/classes/${info.id}/resume`, { key, body: {} });
    await page.waitForFunction(() => !document.querySelector('.notices')?.textContent?.includes('paused the class'));
    await takeChoice(page);
    expect((await status(page)).step).toBe(7);

    expect(errors.map((e) => e.message)).toEqual([]);
    await page.context().close();
  });

  it("shows the Sprint's report card from the server's effects, and says what it does not know after a reload", async () => {
    const created = await api('/api/classes', { body: { title: 'Report cards', content: { kind: 'scenario', id: 'corner-cafe' } } });
    const { class: info } = created.body as { class: { id: string; code: string } };
    const { page, errors } = await openPage(`/?join=${info.code}`);
    await waitForScene(page, 'Classroom');
    await page.keyboard.type('Grace');
    await page.keyboard.press('Enter');
    await waitForScene(page, 'Briefing');
    await settle(page);
    // A working session at the Review moves stakeholders' trust this Sprint.
    await playUntil(page, (s) => s.phase?.startsWith('sprint.retro') === true && !s.dialog, { policy: ['setReviewFormat:workingSession', ...POLICY] });
    const card = page.locator('[data-testid="report-card"]');
    const text = (await card.innerText()).replace(/\s+/g, ' ');
    expect(text).toMatch(/Stakeholders (Pleased|Steady)/);
    expect(text).toMatch(/Trust this Sprint: .+ \+\d/);
    await saveScreenshot(page, 'classroom-report-card-1280x720');

    // Reloaded: the effects of the Sprint's earlier choices are not sent again, so the card says so
    // rather than show only part of them.
    await page.reload();
    await waitForScene(page, 'Retrospective');
    const reloaded = (await card.innerText()).replace(/\s+/g, ' ');
    expect(reloaded).toContain('How stakeholders’ trust moved this Sprint is not known here');
    expect(reloaded).toMatch(/Trust now: .+ \d/);
    expect(reloaded).not.toMatch(/Pleased|Steady|Worried|Trust this Sprint/);
    await saveScreenshot(page, 'classroom-report-card-reloaded-1280x720');
    expect(errors.map((e) => e.message)).toEqual([]);
    await page.context().close();
  }, 240_000);

  it('prefills the code from ?join= and leaves the class from the menu, keeping the place', async () => {
    const created = await api('/api/classes', { body: { title: 'Lock-step class', content: { kind: 'scenario', id: 'corner-cafe' }, pacing: 'lockstep' } });
    const { class: info } = created.body as { class: { id: string; code: string } };
    const { page, errors } = await openPage(`/?join=${info.code}`);
    await waitForScene(page, 'Classroom');
    expect(await page.inputValue('#join-code')).toBe(info.code);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('join-name');
    await page.keyboard.type('Grace');
    await page.keyboard.press('Enter');
    await waitForScene(page, 'Briefing');
    expect(await page.textContent('.notices')).toContain('released up to: Briefing');

    // Play until the server refuses a choice beyond the released stage.
    for (let i = 0; i < 40; i++) {
      const before = (await status(page)).step ?? 0;
      const id = await nextActionId(page);
      await page.locator(`button[data-action="${id}"]`).first().click();
      const waiting = await page
        .waitForFunction((n) => (window.__sprintwise?.step ?? 0) > n || document.querySelector('.latest--error') !== null, before, { timeout: 10_000 })
        .then(() => page.evaluate(() => document.querySelector('.latest--error')?.textContent ?? ''));
      if (waiting) {
        expect(waiting).toContain('Wait for your facilitator');
        break;
      }
      await settle(page);
    }
    await page.waitForFunction(() => document.querySelector('.notices')?.textContent?.includes('Waiting for your facilitator'));
    await saveScreenshot(page, 'classroom-waiting-for-release');

    await page.click('[data-focus="tool:menu"]');
    await page.click('[data-focus="menu:map"]');
    await waitForScene(page, 'Title');
    expect(await page.textContent('#continue-class')).toContain('Continue your class');
    await page.click('#continue-class');
    await page.waitForFunction(() => window.__sprintwise?.ready && window.__sprintwise.scene !== 'Title' && window.__sprintwise.scene !== 'Classroom');
    expect(errors.map((e) => e.message)).toEqual([]);
    await page.context().close();
  });
});
