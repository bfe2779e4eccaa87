import type { Page } from 'playwright-core';
import { saveScreenshot } from './harness';
import { axeViolations, seriousOrWorse } from './axe';

/** Where the game is, as the shell publishes it on window.__sprintwise. */
export interface GameStatus {
  ready: boolean;
  scene: string;
  phase: string | null;
  step: number | null;
  stateHash: string | null;
  /** A modal dialog (a question, an event) is open. */
  dialog: boolean;
}

export function status(page: Page): Promise<GameStatus> {
  return page.evaluate(() => {
    const s = window.__sprintwise;
    return { ready: s?.ready ?? false, scene: s?.scene ?? '', phase: s?.phase ?? null, step: s?.step ?? null, stateHash: s?.stateHash ?? null, dialog: document.querySelector('dialog[open]') !== null };
  });
}

/** Waits until the scene on screen has drawn and is ready after a change. */
export async function settle(page: Page): Promise<GameStatus> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
  await page.waitForFunction(() => window.__sprintwise?.ready === true && document.body.dataset.scene === window.__sprintwise.scene, undefined, { timeout: 15_000 });
  return status(page);
}

/** Waits for the engine to accept one more action than `before`, then for the screen. */
export async function afterAction(page: Page, before: number): Promise<GameStatus> {
  await page.waitForFunction((n) => (window.__sprintwise?.step ?? -1) > n, before, { timeout: 15_000 });
  return settle(page);
}

/**
 * The choices a scripted player makes, most wanted first: a listed action id or the start of
 * one. Anything else the engine lists is taken only when none of these is on screen.
 */
export const POLICY: readonly string[] = [
  'answerQuestion:',
  'resolveEvent:',
  'startSprints',
  'chooseProductGoal:morning-orders',
  'commitSprint:agreed',
  'commitSprint:insist',
  'proposeSprintGoal:',
  'nextDay',
  'answerForecast:range',
  'endReview',
  'reflect:',
  'chooseImprovement:',
  'releaseIncrement',
  'finishScenario',
];

/** The id of the action the scripted player takes now (inside an open dialog if there is one). */
export function nextActionId(page: Page, policy: readonly string[] = POLICY): Promise<string | null> {
  return page.evaluate((wanted) => {
    const scope = document.querySelector('dialog[open]') ?? document;
    const ids = [...scope.querySelectorAll<HTMLElement>('button[data-action]')].map((b) => b.dataset.action ?? '');
    for (const w of wanted) {
      const found = ids.find((id) => (w.endsWith(':') ? id.startsWith(w) : id === w || id.startsWith(`${w}:`)));
      if (found) return found;
    }
    return ids[0] ?? null;
  }, policy);
}

/**
 * Moves focus to the element matching `selector` with Tab or Shift+Tab only, as a keyboard
 * player would. The page is asked how many presses that takes (its tab order, within an open
 * modal dialog), the keys are pressed, and the result is checked; a plain Tab walk is the fallback.
 */
export async function tabTo(page: Page, selector: string, max = 200): Promise<void> {
  const isThere = () => page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);
  if (await isThere()) return;
  const distance = await page.evaluate((s) => {
    const scope: ParentNode = document.querySelector('dialog[open]') ?? document;
    const candidates = [...scope.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex]')];
    const tabbable = candidates.filter((e) => {
      if (e.tabIndex < 0 || (e as HTMLButtonElement).disabled || e.closest('[inert]')) return false;
      const r = e.getBoundingClientRect();
      return (r.width > 0 || r.height > 0) && getComputedStyle(e).visibility !== 'hidden';
    });
    const from = tabbable.indexOf(document.activeElement as HTMLElement);
    const to = tabbable.findIndex((e) => e.matches(s));
    if (to < 0) return null;
    const forward = from < 0 ? to + 1 : (to - from + tabbable.length) % tabbable.length;
    const backward = from < 0 ? Number.POSITIVE_INFINITY : (from - to + tabbable.length) % tabbable.length;
    return forward <= backward ? forward : -backward;
  }, selector);
  if (distance !== null) {
    const key = distance < 0 ? 'Shift+Tab' : 'Tab';
    for (let i = 0; i < Math.abs(distance); i++) await page.keyboard.press(key);
    if (await isThere()) return;
  }
  for (let i = 0; i <= max; i++) {
    if (await isThere()) return;
    await page.keyboard.press('Tab');
  }
  const focused = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 160));
  throw new Error(`Tab never reached ${selector}; focus is on ${focused}`);
}

/** Takes an action by clicking its button. */
export async function clickAction(page: Page, id: string): Promise<GameStatus> {
  const before = (await status(page)).step ?? 0;
  await page.locator(`button[data-action="${id}"]`).first().click();
  return afterAction(page, before);
}

/** Opens the game at the title with a fixed seed and starts the first scenario. */
/**
 * Plays the scripted policy by mouse until `stop` says so; returns the ids taken. `onScreen`
 * runs on every screen before the stop check (to record screenshots, say).
 */
export async function playUntil(
  page: Page,
  stop: (s: GameStatus, taken: string[]) => boolean,
  options: { policy?: readonly string[]; onScreen?: () => Promise<void> } = {},
): Promise<string[]> {
  const taken: string[] = [];
  for (let i = 0; i < 300; i++) {
    const s = await status(page);
    await options.onScreen?.();
    if (stop(s, taken)) return taken;
    const id = await nextActionId(page, options.policy);
    if (!id) throw new Error(`no action on ${s.scene} (${s.phase})`);
    await clickAction(page, id);
    taken.push(id);
  }
  throw new Error('the scripted player did not finish');
}

export async function startScenario(page: Page, baseUrl: string, seed: string): Promise<void> {
  await page.goto(`${baseUrl}?seed=${encodeURIComponent(seed)}`);
  await page.waitForFunction(() => window.__sprintwise?.scene === 'Title' && window.__sprintwise.ready);
  await page.click('#play');
  await page.waitForFunction(() => window.__sprintwise?.scene === 'CampaignMap' && window.__sprintwise.ready);
  await page.click('[data-focus="scenario:start:corner-cafe"]');
  await settle(page);
}

/** A name for what is on screen: scene, phase and any open dialog. */
export async function screenKey(page: Page): Promise<string> {
  const s = await status(page);
  const dialog = await page.evaluate(() => document.querySelector('dialog[open]')?.className.replace(/^dialog\s*/, '').replace('dialog--', '') ?? '');
  return [s.scene, s.phase?.replace(/\./g, '-') ?? '', dialog].filter(Boolean).join('_');
}

/** Records each screen once: a screenshot and its serious or critical axe violations. */
export class ScreenRecorder {
  readonly seen = new Set<string>();
  readonly violations: string[] = [];
  constructor(
    private readonly page: Page,
    private readonly suffix: string,
    private readonly axe: boolean,
  ) {}

  async record(name?: string): Promise<void> {
    const key = name ?? (await screenKey(this.page));
    if (this.seen.has(key)) return;
    this.seen.add(key);
    await saveScreenshot(this.page, `${key}-${this.suffix}`);
    if (this.axe) for (const v of seriousOrWorse(await axeViolations(this.page))) this.violations.push(`${key}: ${v}`);
  }
}
