import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, seriousOrWorse } from './axe';
import { engineObservation } from './engine-state';
import { openGame, saveScreenshot, useHarness } from './harness';
import { clickAction, playUntil, screenshotsAtBothSizes, settle, startScenario, status } from './play';

const harness = useHarness();

const CAFE = 'corner-cafe.yaml';
/** A seed where the scripted player's first Sprint takes "Pay in the app" while the payments library it needs is not Done. */
const SEED = 's1';

/** The screen at both sizes the game is checked at, and no serious axe violations on it. */
const shots = (page: Page, name: string) => screenshotsAtBothSizes(page, name, async () => expect(seriousOrWorse(await axeViolations(page))).toEqual([]));

const overlayText = (page: Page) => page.locator('#overlay').innerText();

describe('a Sprint as the 2020 Scrum Guide runs it', () => {
  it('crafts the Sprint Goal with the Developers, shows blocked and Done work and a release during the days, and a Review of Done and not Done work', async () => {
    const page = await openGame(harness);
    await startScenario(page, harness.baseUrl, SEED);

    // Sprint Planning starts the Sprint: the stepper has no refinement step, and the PO proposes.
    await playUntil(page, (s) => s.phase === 'sprint.planning.proposing' && !s.dialog);
    await expect(page.locator('.stepper__label').allTextContents()).resolves.toEqual(['Planning', 'Sprint days', 'Review', 'Retrospective']);
    await expect(page.locator('#sprint-goal-title').locator('..').textContent()).resolves.toContain('The whole Scrum Team crafts the Sprint Goal');
    let o = await engineObservation(page, CAFE);
    // What the Developers would likely take is on the board and listed beside it.
    await expect(page.locator('.likely-list li').count()).resolves.toBe(o.likelySelection.length);
    await expect(page.locator('.card .tag--likely').count()).resolves.toBe(o.likelySelection.length);

    // The Developers answer the proposal, in their words, before anything is committed.
    await playUntil(page, (s) => s.phase === 'sprint.planning.negotiating' && !s.dialog);
    o = await engineObservation(page, CAFE);
    const negotiation = o.currentSprint!.negotiation!;
    await expect(page.locator('.dev-answer__text').textContent()).resolves.toBe(negotiation.message);
    const commits = await page.locator('[data-action^="commitSprint:"]').evaluateAll((buttons) => buttons.map((b) => (b as HTMLElement).dataset.action));
    expect(commits).toContain('commitSprint:insist');
    // The answer is said once, in its block, not again under "What happened".
    await expect(page.locator('.latest').filter({ hasText: negotiation.message }).count()).resolves.toBe(0);
    await shots(page, 'Flow-Planning-answer');

    // The days: an item waiting on unfinished work says so in the Sprint Backlog itself.
    let blocked = false;
    await playUntil(page, (s) => blocked && s.scene === 'SprintDay' && !s.dialog, {
      onScreen: async () => {
        blocked = (await page.locator('.task--blocked').count()) > 0;
      },
    });
    o = await engineObservation(page, CAFE);
    const waiting = o.sprintBacklog.filter((i) => i.blockedBy !== null);
    expect(waiting.length).toBeGreaterThan(0);
    for (const item of waiting) {
      await expect(page.locator(`.task[data-item="${item.id}"] .task__state`).textContent()).resolves.toBe(`⊘ Blocked: needs “${item.blockedBy}”`);
    }
    for (const item of o.sprintBacklog.filter((i) => i.status === 'done')) {
      await expect(page.locator(`.task[data-item="${item.id}"] .task__state`).textContent()).resolves.toBe(item.released ? '● Done and released' : '● Done');
    }
    // The burndown follows the engine's figures and stays within its scale.
    const sprint = o.currentSprint!;
    await expect(page.locator('.chart--burndown .chart__dot').count()).resolves.toBe(sprint.burndown.length + 1);
    const dots = await page.locator('.chart--burndown .chart__dot').evaluateAll((cs) => cs.map((c) => Number(c.getAttribute('cy'))));
    for (const cy of dots) expect(cy).toBeGreaterThanOrEqual(12 - 0.01);
    const summary = (await page.locator('.chart--burndown .chart__summary').textContent()) ?? '';
    const figures = /After day (\d+) of \d+, (\d+(?:\.\d)?) of the (\d+(?:\.\d)?) points? in the Sprint Backlog/.exec(summary);
    if (figures) {
      expect(Number(figures[1])).toBe(o.day);
      expect(Number(figures[2])).toBe(sprint.burndown.at(-1));
      expect(Number(figures[3])).toBe(sprint.scope.at(-1));
      expect(Number(figures[2])).toBeLessThanOrEqual(Number(figures[3]));
    } else expect(summary).toMatch(/are Done|is Done/);
    await shots(page, 'Flow-SprintDay-blocked');

    // Done work can be released during the days, at a cost the button states.
    let releasable = false;
    await playUntil(page, (s) => releasable && s.scene === 'SprintDay' && !s.dialog, {
      onScreen: async () => {
        releasable = (await page.locator('button[data-action="releaseIncrement"]').count()) > 0;
      },
    });
    await expect(page.locator('button[data-action="releaseIncrement"] .cost').textContent()).resolves.toBe("Cost: About 1 point of the Developers' time this Sprint");
    await shots(page, 'Flow-SprintDay-release-now');
    const before = await engineObservation(page, CAFE);
    const unreleased = before.increment.filter((i) => !i.released);
    expect(unreleased.length).toBeGreaterThan(0);
    await clickAction(page, 'releaseIncrement');
    o = await engineObservation(page, CAFE);
    expect(o.releases.length).toBe(before.releases.length + 1);
    expect(o.increment.every((i) => i.released)).toBe(true);
    await expect(page.locator('.news li').first().textContent()).resolves.toMatch(/Released \d+ Done items? to users/);
    await expect(page.locator('button[data-action="releaseIncrement"]').count()).resolves.toBe(0);
    await shots(page, 'Flow-SprintDay-released');

    // The Review: Done work is the Increment; work not Done went back to the Product Backlog.
    await playUntil(page, (s) => s.scene === 'Review' && !s.dialog);
    o = await engineObservation(page, CAFE);
    const done = o.currentSprint!.done;
    const notDone = o.currentSprint!.notDone;
    const titles = (ids: string[]) => ids.map((id) => [...o.increment, ...o.backlog].find((i) => i.id === id)!.title);
    const doneBlock = page.locator('section[aria-labelledby="done-title"]');
    for (const title of titles(done)) await expect(doneBlock.locator('.item-row', { hasText: title }).count()).resolves.toBe(1);
    if (notDone.length) {
      const notDoneBlock = page.locator('section[aria-labelledby="not-done-title"]');
      await expect(notDoneBlock.textContent()).resolves.toContain('Only Done work counts');
      for (const title of titles(notDone)) await expect(notDoneBlock.locator('.item-row', { hasText: title }).textContent()).resolves.toContain(`Back from Sprint ${o.sprint}, not Done`);
    } else await expect(page.locator('#not-done-title').count()).resolves.toBe(0);
    const history = o.sprintHistory.find((h) => h.number === o.sprint)!;
    await expect(page.locator('.goal-card__result').textContent()).resolves.toContain(history.goalMet ? 'Met' : 'Not met');
    // Nothing asks the PO to accept or approve work.
    expect(await overlayText(page)).not.toMatch(/\baccept(?!ance)|\bapprov/i);
    // After a release the Review inspects what users did with it before it can close.
    expect(o.reflectionsDue).toContain('metrics');
    await expect(page.locator('section[aria-labelledby="usage-title"]').count()).resolves.toBe(1);
    // The Review's one button waits for that answer, and says so beside it.
    const close = page.locator('[data-focus="batch:review:submit"]');
    await expect(close.getAttribute('aria-disabled')).resolves.toBe('true');
    await expect(page.locator('#review-submit-note').textContent()).resolves.toContain('What did users do with the release?');
    await shots(page, 'Flow-Review-usage');
    await page.locator('input[data-action^="reflect:metrics:"]').first().check();
    await settle(page);
    await expect(close.getAttribute('aria-disabled')).resolves.toBeNull();
    await expect(page.locator('#review-submit-note').count()).resolves.toBe(0);
    await shots(page, 'Flow-Review');
    expect((await status(page)).phase).toBe('sprint.review');

    // A fixed date that passed before the item was Done is said as missed, not as still due.
    let missed: string[] = [];
    await playUntil(page, (s) => missed.length > 0 && s.scene === 'Review' && !s.dialog, {
      onScreen: async () => {
        const now = await status(page);
        missed = now.scene === 'Review' ? (await engineObservation(page, CAFE)).backlog.filter((i) => i.deadlineMissed).map((i) => i.id) : [];
      },
    });
    o = await engineObservation(page, CAFE);
    await page.click('[data-focus="tool:views"]');
    await page.click('dialog[open] [data-focus="views:Backlog"]');
    await settle(page);
    expect((await status(page)).scene).toBe('Backlog');
    for (const id of missed) {
      const item = o.backlog.find((i) => i.id === id)!;
      const tags = (await page.locator(`#card-${id} .tags`).textContent()) ?? '';
      expect(tags).toContain(`Missed: was due by Sprint ${item.deadlineSprint}`);
      expect(tags).not.toMatch(/Fixed date, due by/);
    }
    await expect(page.locator('.primary-bar').textContent()).resolves.toBe('Back to the Sprint Review →');
    await shots(page, 'Flow-Backlog-missed-date');
  });
});
