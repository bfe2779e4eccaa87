import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createSession, type Action, type GameState } from '../../src/engine';
import { needsThePO } from '../../src/engine/rules/run';
import { shippedScenario } from '../helpers/scenarios';
import { axeViolations, seriousOrWorse } from './axe';
import { engineObservation } from './engine-state';
import { openGame, saveScreenshot, useHarness } from './harness';
import { clickAction, playUntil, settle, startScenario, status } from './play';

const harness = useHarness();

const CAFE = 'corner-cafe.yaml';
const SEED = 's1';

/** The actions the game has taken so far, from its own save. */
async function savedActions(page: Page): Promise<{ seed: string; actions: Action[] }> {
  const save = await page.evaluate(() => localStorage.getItem(`sprintwise.save.${window.__sprintwise?.scenarioId ?? ''}`));
  return JSON.parse(save!).replay as { seed: string; actions: Action[] };
}

/** Where clicking "next day" again and again would stop: the engine in Node, one day at a time. */
function whereDaysStop(seed: string, actions: readonly Action[]): { hash: string; day: number; phase: string; event: string | null } {
  const { scenario, hash } = shippedScenario(CAFE);
  const s = createSession(scenario, seed, hash);
  for (const a of actions) expect(s.applyRecorded(a).ok).toBe(true);
  for (;;) {
    const before = s.state as GameState;
    expect(s.dispatch({ type: 'nextDay' }).ok).toBe(true);
    if (s.state.phase !== 'sprint.execution.working' || needsThePO(before, s.state as GameState, scenario)) break;
  }
  return { hash: s.stateHash(), day: s.state.day, phase: s.state.phase, event: s.state.pendingEvent?.cardId ?? null };
}

describe('Run to the next event', () => {
  it('sits beside "Go to day N" and stops at the next event card or the end of the Sprint, as the engine says', async () => {
    const page = await openGame(harness);
    await startScenario(page, harness.baseUrl, SEED);
    await playUntil(page, (s) => s.phase === 'sprint.execution.working' && s.scene === 'SprintDay' && !s.dialog);

    const stops: string[] = [];
    for (let run = 0; run < 8; run++) {
      const s = await status(page);
      if (s.phase !== 'sprint.execution.working' || s.dialog) break;
      const bar = page.locator('.primary-bar');
      await expect(bar.locator('[data-action="nextDay"]').count()).resolves.toBe(1);
      await expect(bar.locator('[data-action="runToNextEvent"]').textContent()).resolves.toContain('Run to the next event');
      // With nothing waiting for the PO on screen, the run is the main button.
      const releaseWaiting = (await page.locator('[data-action="releaseIncrement"]').count()) > 0;
      await expect(bar.locator('[data-action="runToNextEvent"]').getAttribute('class')).resolves.toContain(releaseWaiting ? 'btn--secondary' : 'btn--primary');
      if (run === 0) {
        await saveScreenshot(page, 'Run-to-next-event-1280x720');
        expect(seriousOrWorse(await axeViolations(page))).toEqual([]);
        await page.setViewportSize({ width: 1024, height: 768 });
        await settle(page);
        await saveScreenshot(page, 'Run-to-next-event-1024x768');
        await page.setViewportSize({ width: 1280, height: 720 });
        await settle(page);
      }

      const { seed, actions } = await savedActions(page);
      const expected = whereDaysStop(seed, actions);
      const after = await clickAction(page, 'runToNextEvent');
      // One click, one action in the replay, and exactly the state the days one by one would give.
      expect(after.step).toBe(actions.length + 1);
      expect(after.stateHash).toBe(expected.hash);
      const o = await engineObservation(page, CAFE);
      expect(o.phase).toBe(expected.phase);
      if (expected.event) {
        // Stopped at an event card: its dialog is open, with the card the engine raised.
        expect(o.pendingEvent?.id).toBe(expected.event);
        await expect(page.locator('dialog[open]').count()).resolves.toBe(1);
        await expect(page.locator('dialog[open]').innerText()).resolves.toContain(o.pendingEvent!.title);
        stops.push('event');
        if (run === 0) await saveScreenshot(page, 'Run-to-next-event-stopped-1280x720');
        // Answer it, and carry on with the Sprint.
        await clickAction(page, (await page.locator('dialog[open] button[data-action^="resolveEvent:"]').first().getAttribute('data-action'))!);
      } else if (expected.phase === 'sprint.review') {
        // The Sprint's last day passed: the Review is on screen.
        expect(o.day).toBe(o.days);
        await expect(page.evaluate(() => window.__sprintwise?.scene)).resolves.toBe('Review');
        stops.push('end');
        break;
      } else {
        // Stopped mid-Sprint for something the PO can act on, with days still to run.
        expect(o.day).toBeLessThan(o.days);
        stops.push('needs the PO');
      }
    }
    expect(stops).toContain('end');
  });
});
