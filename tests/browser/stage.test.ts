import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, seriousOrWorse } from './axe';
import { engineObservation } from './engine-state';
import { openGame, saveScreenshot, useHarness } from './harness';
import { clickAction, nextActionId, playUntil, settle, startScenario, status } from './play';

const harness = useHarness();

/** A seed whose first Sprint has an event on day 1 and a blocked item (see sprint-flow.test.ts). */
const SEED = 's1';

type Stage = NonNullable<NonNullable<Window['__sprintwise']>['stage']>;

function stage(page: Page): Promise<Stage> {
  return page.evaluate(() => {
    const s = window.__sprintwise?.stage;
    if (!s) throw new Error('the game publishes no stage');
    return s;
  });
}

const columns = (s: Stage) => Object.fromEntries(s.cards.map((c) => [c.id, c.column]));

/** The screen at both sizes, with the stage, and no serious axe findings. */
async function shots(page: Page, name: string): Promise<void> {
  await saveScreenshot(page, `Stage-${name}-1280x720`);
  expect(seriousOrWorse(await axeViolations(page))).toEqual([]);
  await page.setViewportSize({ width: 1024, height: 768 });
  await settle(page);
  await saveScreenshot(page, `Stage-${name}-1024x768`);
  await page.setViewportSize({ width: 1280, height: 720 });
  await settle(page);
}

/** The stage band leaves the panels below it: the main pane starts under the stage's bottom edge. */
async function panelsClearOfStage(page: Page): Promise<void> {
  const { band, main } = await page.evaluate(() => ({
    band: document.querySelector('.stage-band')!.getBoundingClientRect().toJSON() as DOMRect,
    main: document.querySelector('.pane--main')!.getBoundingClientRect().toJSON() as DOMRect,
  }));
  expect(band.height).toBeGreaterThan(80);
  expect(main.top).toBeGreaterThanOrEqual(band.bottom - 1);
}

/** Takes days (answering anything that comes up) until `stop`; returns the stage before and after each day. */
async function playDays(page: Page, stop: (before: Stage, after: Stage) => boolean): Promise<{ before: Stage; after: Stage }> {
  for (let i = 0; i < 40; i++) {
    const s = await status(page);
    if (s.scene !== 'SprintDay') throw new Error(`the Sprint ended on ${s.scene}`);
    const id = await nextActionId(page, ['answerQuestion:', 'resolveEvent:', 'nextDay']);
    const before = await stage(page);
    await clickAction(page, id!);
    const after = await stage(page);
    if (id === 'nextDay' && stop(before, after)) return { before, after };
  }
  throw new Error('no day did that');
}

describe('the stage: the team’s world beside the panels', () => {
  it('shows cards moving as days pass, a stakeholder arriving with an event, and reactions at the Review, with motion reduced', async () => {
    const page = await openGame(harness);
    await startScenario(page, harness.baseUrl, SEED);

    await playUntil(page, (s) => s.phase === 'sprint.planning.proposing' && !s.dialog);
    let s = await stage(page);
    expect(s.screen).toBe('planning');
    expect(s.cards.length).toBeGreaterThan(0);
    expect(s.cards.every((c) => c.column === 'todo')).toBe(true);
    await panelsClearOfStage(page);
    await shots(page, 'Planning');

    await playUntil(page, (st) => st.scene === 'SprintDay');
    s = await stage(page);
    expect(s.screen).toBe('sprint');
    expect(s.cards.every((c) => c.column === 'todo')).toBe(true);

    // The first day: work starts, cards go to In progress, said in words too.
    const { before, after } = await playDays(page, (a, b) => b.day > a.day);
    expect(after.day).toBe(before.day + 1);
    const moved = after.cards.filter((c) => columns(before)[c.id] !== c.column);
    expect(moved.length).toBeGreaterThan(0);
    expect(after.lastEvents.map((e) => e.text)).toContain(`Card “${moved[0]!.title}” moved to ${moved[0]!.column === 'done' ? 'Done' : 'In progress'}.`);
    await expect(page.locator('[data-stage-events]').innerText()).resolves.toContain(`Card “${moved[0]!.title}” moved to`);

    // An event brings its stakeholder on stage with a speech bubble.
    const eventOpen = () => page.locator('dialog[open] [data-action^="resolveEvent:"]').count().then((n) => n > 0);
    for (let i = 0; i < 12 && !(await eventOpen()); i++) {
      await clickAction(page, (await nextActionId(page, ['answerQuestion:', 'nextDay']))!);
    }
    expect(await eventOpen()).toBe(true);
    const event = (await engineObservation(page, 'corner-cafe.yaml')).pendingEvent!;
    s = await stage(page);
    // The seed's first event comes from the Developers: they speak from their desk; a stakeholder would walk in.
    const speaker = s.stakeholders.find((p) => p.id === event.from);
    if (speaker) {
      expect(speaker).toMatchObject({ present: true, says: event.title });
      expect(s.lastEvents.some((e) => e.kind === 'arrived' && e.text.includes(speaker.name))).toBe(true);
    } else {
      expect(s.team.says).toBe(event.title);
      expect(s.lastEvents.map((e) => e.text)).toContain(`The Developers say: “${event.title}”`);
    }
    await expect(page.locator('[data-stage-text]').innerText()).resolves.toContain(`“${event.title}”`);
    await shots(page, 'SprintDay-event');

    // A later day moves a card to Done.
    await playDays(page, (a, b) => b.cards.some((c) => c.column === 'done' && columns(a)[c.id] !== 'done'));
    await shots(page, 'SprintDay');

    // At the Review every stakeholder is there.
    await playUntil(page, (st) => st.scene === 'Review' && !st.dialog);
    s = await stage(page);
    expect(s.screen).toBe('review');
    expect(s.stakeholders.every((p) => p.present)).toBe(true);
    expect(s.cards.some((c) => c.column === 'done')).toBe(true);
    await panelsClearOfStage(page);
    await shots(page, 'Review');
  });

  it('plays the same changes with motion on', async () => {
    const page = await openGame(harness, { reducedMotion: 'no-preference' });
    await startScenario(page, harness.baseUrl, SEED);
    await playUntil(page, (st) => st.scene === 'SprintDay' && !st.dialog);
    const { after } = await playDays(page, (a, b) => b.cards.some((c) => columns(a)[c.id] !== c.column));
    expect(after.lastEvents.some((e) => e.kind === 'moved')).toBe(true);
    await page.waitForTimeout(1500);
    await saveScreenshot(page, 'Stage-SprintDay-motion-1280x720');

    // Several days in one go: the stage plays each skipped day, in order, as one short sequence.
    while ((await status(page)).dialog) await clickAction(page, (await nextActionId(page, ['answerQuestion:', 'resolveEvent:']))!);
    expect((await status(page)).scene).toBe('SprintDay');
    {
      const from = await stage(page);
      await clickAction(page, 'runToNextEvent');
      const to = await stage(page);
      const fresh = to.lastEvents.slice(-(to.eventCount - from.eventCount));
      const days = fresh.filter((e) => e.kind === 'day').map((e) => e.text);
      if (to.screen === 'sprint') expect(days).toEqual(Array.from({ length: to.day - from.day }, (_, i) => `Day ${from.day + i + 1} of 5 is over.`));
      else expect(days.length).toBeGreaterThan(0);
    }
  });
});
