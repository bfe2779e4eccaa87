import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createSession, type Session } from '../../src/engine';
import { POLICIES } from '../../src/bots';
import { SAVE_FORMAT, SAVE_VERSION } from '../../src/game/save/format';
import { shippedScenario } from '../helpers/scenarios';
import { openGame, saveScreenshot, useHarness, waitForScene } from './harness';
import { afterAction, clickAction, nextActionId, screenshotsAtBothSizes, settle, startScenario, status } from './play';

/*
 * Issue 15, item 7: the screen bugs a new player met, one test each. Each test reaches its screen
 * the quickest way: a run played in Node by the principled bot up to that point and loaded as the
 * player's save, which the game resumes exactly (the same engine, the same state hash).
 */

const harness = useHarness();

const CAFE = 'corner-cafe';

/** Plays the café with the principled bot in Node until `stop`, and opens that run in the game. */
async function resumeAt(page: Page, seed: string, stop: (s: Session) => boolean, file = `${CAFE}.yaml`, first?: (s: Session) => { id: string } | null): Promise<Session> {
  const { scenario, hash } = shippedScenario(file);
  const session = createSession(scenario, seed, hash);
  const policy = POLICIES.principled!(seed);
  for (let i = 0; i < 3000 && !session.done && !stop(session); i++) {
    const r = session.dispatch(first?.(session) ?? policy.choose(session.observe()));
    if (!r.ok) throw new Error(r.error.message);
  }
  if (!stop(session)) throw new Error('the bot never reached the screen under test');
  const save = { format: SAVE_FORMAT, version: SAVE_VERSION, savedAt: '2026-01-01T00:00:00.000Z', summary: null, replay: session.replayLog(), branch: null };
  await waitForScene(page, 'Title');
  await page.evaluate(
    ([id, text]) => {
      localStorage.setItem(`sprintwise.save.${id}`, text);
      localStorage.setItem('sprintwise.last', id);
    },
    [scenario.id, JSON.stringify(save)] as const,
  );
  await page.reload();
  await waitForScene(page, 'Title');
  await page.click('#continue');
  await page.waitForFunction(() => window.__sprintwise?.scene !== 'Title' && window.__sprintwise?.ready === true && !!window.__sprintwise.stateHash, undefined, { timeout: 20_000 });
  const s = await settle(page);
  expect(s.stateHash).toBe(session.stateHash());
  return session;
}

/** Saves the screen at both sizes the game is checked at, ending at 1280×720. */
const bothSizes = (page: Page, name: string) => screenshotsAtBothSizes(page, name);

/** Opens a view from the top bar's Views dialog. */
async function openView(page: Page, key: string): Promise<void> {
  await page.click('[data-focus="tool:views"]');
  await page.click(`dialog[open] [data-focus="views:${key}"]`);
  await waitForScene(page, key);
}

describe('screen bugs of issue 15', () => {
  it('a. the customers view never says there is no research while it lists findings, and counts each open method', async () => {
    const page = await openGame(harness);
    await resumeAt(page, 'bug-a', (s) => s.state.phase === 'briefing.ready' && !s.state.pendingQuestion);
    await openView(page, 'Customers');
    const methods = await page.locator('[data-focus^="pick:feedback:"]').count();
    expect(methods).toBeGreaterThan(1);
    // The Views dialog says as many decisions as there are methods to choose from.
    await page.click('[data-focus="tool:views"]');
    const detail = await page.locator('dialog[open] [data-focus="views:Customers"] .btn__detail').textContent();
    expect(detail).toContain(`${methods} decisions open`);
    await page.keyboard.press('Escape');

    const before = (await status(page)).step ?? 0;
    // The methods are a checklist: tick interviews, then gather.
    await page.click('[data-focus="pick:feedback:gatherFeedback:interviews"]');
    await page.click('[data-focus="batch:feedback:submit"]');
    await afterAction(page, before);
    await expect(page.locator('#insights-title').count()).resolves.toBe(1);
    const notes = (await page.locator('.screen--customers .notice').allTextContents()).join(' ');
    expect(notes).not.toMatch(/no customer research|interview notes/i);
    expect(notes).toMatch(/What you have learned/);
    await bothSizes(page, 'Bug-a-Customers-cafe');
  });

  it('b. the café, with no competitors to compare, offers no market view full of unknowns; where there is a market, it says how to learn it', async () => {
    const page = await openGame(harness);
    await resumeAt(page, 'bug-b', (s) => s.state.phase === 'briefing.ready' && !s.state.pendingQuestion);
    await page.click('[data-focus="tool:views"]');
    await expect(page.locator('dialog[open] [data-focus="views:Customers"]').count()).resolves.toBe(1);
    await expect(page.locator('dialog[open] [data-focus="views:Market"]').count()).resolves.toBe(0);
    await expect(page.locator('dialog[open] .dialog__note').textContent()).resolves.not.toMatch(/market/);
    await saveScreenshot(page, 'Bug-b-Views-cafe-1280x720');
    await page.keyboard.press('Escape');

    // The council has competitors: the view is there, and before any analysis it says what reveals them.
    const council = await openGame(harness);
    await resumeAt(council, 'bug-b', (s) => s.state.phase === 'briefing.ready' && !s.state.pendingQuestion, 'council-apply-online.yaml');
    await openView(council, 'Market');
    await expect(council.locator('.position--unknown').count()).resolves.toBe(0);
    await expect(council.locator('.screen--market .notice').textContent()).resolves.toMatch(/market analysis/i);
    await expect(council.locator('[data-focus^="market:analyseMarket:"]').count()).resolves.toBeGreaterThan(0);
    await bothSizes(council, 'Bug-b-Market-council');
  });

  it('c. the backlog board’s side panel fits its pane: at most one more screenful to scroll', async () => {
    const page = await openGame(harness);
    await resumeAt(page, 'bug-c', (s) => s.state.phase.startsWith('sprint.planning') && s.state.sprint === 2 && !s.state.pendingQuestion);
    await openView(page, 'Backlog');
    const measure = () =>
      page.evaluate(() => {
        const side = document.querySelector<HTMLElement>('.screen--backlog .side-scroll')!;
        const pane = document.querySelector<HTMLElement>('.screen--backlog .pane--side')!;
        return {
          content: side.scrollHeight,
          visible: side.clientHeight,
          pane: pane.getBoundingClientRect().height,
          parts: [...side.children].map((c) => `${c.className}:${Math.round(c.getBoundingClientRect().height)}`),
        };
      });
    const m = await measure();
    await bothSizes(page, 'Bug-c-Backlog-side');
    await page.locator('.screen--backlog .side-scroll').evaluate((e) => e.scrollTo(0, e.scrollHeight));
    await saveScreenshot(page, 'Bug-c-Backlog-side-scrolled-1280x720');
    await page.setViewportSize({ width: 1024, height: 768 });
    await settle(page);
    const small = await measure();
    console.info('backlog side panel', JSON.stringify({ m, small }));
    expect(m.pane).toBeLessThanOrEqual(720);
    expect(m.content).toBeLessThanOrEqual(2 * m.visible);
    expect(small.content).toBeLessThanOrEqual(2 * small.visible);
  });

  it('d. the Monte Carlo chart’s words and bars tell the same numbers, and no two labels overlap', async () => {
    const page = await openGame(harness);
    // The forecast answered on its own at the Review (the bot sends it with the close), so the
    // Review shows the simulation behind it.
    const range = (s: Session) => (s.state.phase === 'sprint.review' && !s.state.pendingQuestion && s.observe().actions.some((a) => a.id === 'answerForecast:range') ? { id: 'answerForecast:range' } : null);
    await resumeAt(page, 'bug-d', (s) => s.state.phase === 'sprint.review' && s.state.forecasts.some((f) => f.distribution && f.sprint === s.state.sprint) && !s.state.pendingQuestion, undefined, range);
    const chart = page.locator('.chart--histogram').first();
    await chart.scrollIntoViewIfNeeded();
    const read = await chart.evaluate((fig) => {
      const boxes = [...fig.querySelectorAll('svg text')].map((t) => {
        const r = t.getBoundingClientRect();
        return { text: t.textContent ?? '', bar: t.classList.contains('chart__value'), x: r.left + r.width / 2, left: r.left, right: r.right, top: r.top, bottom: r.bottom };
      });
      const bars = [...fig.querySelectorAll<SVGElement>('[data-share]')].map((b) => ({ sprints: Number(b.dataset.sprints), share: Number(b.dataset.share) }));
      return { boxes, bars, summary: fig.querySelector('.chart__summary')?.textContent ?? '' };
    });
    // Every bar's share appears in the words, and every share the words give is a bar's.
    expect(read.bars.length).toBeGreaterThan(0);
    const said = [...read.summary.matchAll(/(\d+)% (?:of simulated futures )?(?:finish )?within (\d+)/g)].map((m) => ({ share: Number(m[1]), sprints: Number(m[2]) }));
    for (const s of said) {
      const bar = read.bars.find((b) => b.sprints === s.sprints);
      expect(bar, `no bar for ${s.sprints} Sprints`).toBeDefined();
      // "x% within n" is true of the bar at n: at least x% of futures finish by then.
      expect(bar!.share).toBeGreaterThanOrEqual(s.share);
    }
    // Each bar's label, where it has one, is its own share, and the words give the same number.
    const barLabels = read.boxes.filter((x) => x.bar).map((x) => x.text);
    expect(barLabels.length).toBeGreaterThan(0);
    for (const text of barLabels) expect(read.bars.map((b) => `${b.share}%`)).toContain(text);
    for (const b of read.bars) expect(read.summary).toMatch(new RegExp(`within ${b.sprints}( Sprints?)?, ${b.share}%`));
    const overlaps: string[] = [];
    read.boxes.forEach((a, i) =>
      read.boxes.slice(i + 1).forEach((b) => {
        if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) overlaps.push(`"${a.text}" and "${b.text}"`);
      }),
    );
    expect(overlaps).toEqual([]);
    await bothSizes(page, 'Bug-d-Review-histogram');
  });

  it('e. an event whose options carry no cost does not say that each one does', async () => {
    const page = await openGame(harness);
    const { scenario } = shippedScenario(`${CAFE}.yaml`);
    const free = scenario.events.filter((e) => e.choices.every((c) => !c.cost)).map((e) => e.id);
    expect(free.length).toBeGreaterThan(0);
    await resumeAt(page, 'bug-e', (s) => free.includes(s.state.pendingEvent?.cardId ?? ''));
    await expect(page.locator('dialog.dialog--event[open]').count()).resolves.toBe(1);
    await expect(page.locator('dialog[open] .cost').count()).resolves.toBe(0);
    await expect(page.locator('dialog[open] .event__rule').textContent()).resolves.not.toMatch(/what it costs/);
    await bothSizes(page, 'Bug-e-event-no-cost');
  });

  it('f. the last step does not count forecasts still to be judged', async () => {
    const page = await openGame(harness);
    await resumeAt(page, 'bug-f', (s) => s.state.phase === 'release' && !s.state.pendingQuestion);
    expect((await status(page)).scene).toBe('Release');
    const text = await page.locator('#overlay').textContent();
    expect(text).not.toMatch(/still to be judged/i);
    await bothSizes(page, 'Bug-f-Release');
  });

  it('g. usage analytics are not offered before anything was released', async () => {
    const page = await openGame(harness);
    await resumeAt(page, 'bug-g', (s) => s.state.phase === 'briefing.ready' && !s.state.pendingQuestion);
    await openView(page, 'Customers');
    await expect(page.locator('[data-focus^="pick:feedback:"]').count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('[data-focus="pick:feedback:gatherFeedback:analytics"]').count()).resolves.toBe(0);
    await expect(page.locator('.screen--customers').textContent()).resolves.not.toMatch(/usage analytics/i);
  });

  it('h. the Definition of Ready question is not asked once the player agreed one', async () => {
    const page = await openGame(harness);
    const { scenario } = shippedScenario(`${CAFE}.yaml`);
    const card = scenario.questions!.find((q) => q.text.includes('Definition of Ready'))!;
    // A light Definition of Ready agreed before Sprint 1; then on to the Sprint Planning where the question is due.
    await resumeAt(page, 'bug-h', (s) => s.state.sprint === card.sprint && s.state.phase.startsWith('sprint.planning'), `${CAFE}.yaml`, (s) =>
      s.state.phase === 'briefing.ready' && !s.state.pendingQuestion && !s.state.evidence.some((e) => e.decisionId.startsWith('readiness-agreement-')) ? { id: 'setReadiness:light' } : null,
    );
    const questions: string[] = [];
    for (let i = 0; i < 10 && (await status(page)).dialog; i++) {
      questions.push((await page.locator('dialog[open] .event__text').textContent()) ?? '');
      await clickAction(page, (await nextActionId(page, ['answerQuestion:']))!);
    }
    expect(questions.length).toBeGreaterThan(0);
    expect(questions).not.toContain(card.text);
    expect((await status(page)).phase).toMatch(/^sprint\.planning/);
  });

  it('i. Enter does not answer a question that has just opened: the player moves to an answer first', async () => {
    const page = await openGame(harness);
    await startScenario(page, harness.baseUrl, 'bug-i');
    await expect(page.locator('dialog.dialog--question[open]').count()).resolves.toBe(1);
    const before = (await status(page)).step;
    // Enter straight away, as a player pressing on from the screen before would.
    await page.keyboard.press('Enter');
    await page.keyboard.down('Enter');
    await page.keyboard.down('Enter'); // held: the browser repeats it
    await page.keyboard.up('Enter');
    await settle(page);
    expect((await status(page)).step).toBe(before);
    await expect(page.locator('dialog.dialog--question[open]').count()).resolves.toBe(1);
    await expect(page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.focus)).resolves.toBe('dialog:text');
    await saveScreenshot(page, 'Bug-i-question-opened-1280x720');
    // Tab reaches the first answer; Enter there is a deliberate answer and is taken.
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.action ?? '');
    expect(id).toMatch(/^answerQuestion:/);
    await page.keyboard.press('Enter');
    await afterAction(page, before ?? 0);
  });
});
