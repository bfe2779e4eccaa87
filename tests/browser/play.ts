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

/*
 * Forms (src/game/ui/decision-form.ts) send several decisions with one button: groups marked
 * `data-pick-group="<form>"` (`data-required` when an answer is needed), inputs `data-action="<listed id>"` (a "no decision" radio has
 * `data-pick-none`), a button `data-batch="<form>"` with `data-closes` naming the listed action it
 * ends with. The scripted player's move on such a form is a token, "batch:<form> <id> <id>...":
 * the ids it picks, then the button.
 */
const FORM_TOKEN = 'batch:';

/** The form and the picks a form token stands for; null for a listed action's id. */
export function parseFormToken(id: string): { form: string; picks: string[] } | null {
  if (!id.startsWith(FORM_TOKEN)) return null;
  const [head, ...picks] = id.split(' ');
  return { form: head!.slice(FORM_TOKEN.length), picks };
}

/**
 * What the scripted player takes now (inside an open dialog if there is one): a listed action's
 * id, or a form token. On a form, each group gets the option the policy prefers, else its first
 * (on an optional group that is "no decision"). POLICY keeps its meaning: an optional pick counts
 * only if the policy prefers it to the action the form closes with, as if the choices were buttons.
 */
export function nextActionId(page: Page, policy: readonly string[] = POLICY): Promise<string | null> {
  return page.evaluate(
    ({ wanted, token }) => {
      const rank = (id: string) => {
        const at = wanted.findIndex((w) => (w.endsWith(':') ? id.startsWith(w) : id === w || id.startsWith(`${w}:`)));
        return at < 0 ? Number.POSITIVE_INFINITY : at;
      };
      const scope = document.querySelector('dialog[open]') ?? document;
      const buttons = [...scope.querySelectorAll<HTMLElement>('button[data-action]')];
      let best: { id: string; rank: number; el: Element } | null = null;
      for (const b of buttons) {
        const r = rank(b.dataset.action ?? '');
        if (!best || r < best.rank) best = { id: b.dataset.action ?? '', rank: r, el: b };
      }
      for (const submit of scope.querySelectorAll<HTMLElement>('button[data-batch]')) {
        const form = submit.dataset.batch ?? '';
        const groups = [...scope.querySelectorAll<HTMLElement>(`[data-pick-group="${form}"]`)];
        if (!groups.length) continue;
        const closeRank = submit.dataset.closes ? rank(submit.dataset.closes) : Number.POSITIVE_INFINITY;
        let formRank = closeRank;
        const picks: string[] = [];
        for (const g of groups) {
          const ids = [...g.querySelectorAll<HTMLInputElement>('input[data-action]')].map((i) => i.dataset.action ?? '');
          const required = g.hasAttribute('data-required');
          const preferred = ids.filter((id) => rank(id) < (required ? Number.POSITIVE_INFINITY : closeRank)).sort((a, b) => rank(a) - rank(b))[0];
          if (preferred) {
            picks.push(preferred);
            formRank = Math.min(formRank, rank(preferred));
          } else if (required && ids[0]) picks.push(ids[0]);
        }
        const first = !best || (formRank === best.rank && (submit.compareDocumentPosition(best.el) & Node.DOCUMENT_POSITION_PRECEDING) === 0);
        if (!best || formRank < best.rank || first) return [`${token}${form}`, ...picks].join(' ');
      }
      return best?.id ?? null;
    },
    { wanted: policy, token: FORM_TOKEN },
  );
}

/** Selectors for a form's groups and its button. */
const formSelectors = (form: string) => ({
  groups: `[data-pick-group="${form}"]`,
  submit: `button[data-batch="${form}"]`,
});

/** Fills a form as the token says by mouse: the picks, "no decision" elsewhere. */
async function fillFormByMouse(page: Page, form: string, picks: readonly string[]): Promise<void> {
  const { groups } = formSelectors(form);
  const count = await page.locator(groups).count();
  for (let i = 0; i < count; i++) {
    const group = page.locator(groups).nth(i);
    const ids = await group.locator('input[data-action]').evaluateAll((inputs) => inputs.map((e) => (e as HTMLElement).dataset.action ?? ''));
    const pick = ids.find((id) => picks.includes(id));
    if (pick) await group.locator(`input[data-action="${pick}"]`).check();
    else if ((await group.locator('input[data-pick-none]').count()) > 0) await group.locator('input[data-pick-none]').check();
    else if ((await group.locator('input[type="checkbox"]').count()) > 0) await group.locator('input[type="checkbox"]').uncheck();
  }
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
      // A group of radio buttons is one Tab stop: the checked one, else the first.
      if (e instanceof HTMLInputElement && e.type === 'radio' && e.name) {
        const group = [...scope.querySelectorAll<HTMLInputElement>(`input[type="radio"][name="${CSS.escape(e.name)}"]`)];
        const stop = group.find((r) => r.checked) ?? group[0];
        if (stop !== e) return false;
      }
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

/** Takes an action by clicking its button, or fills a form (a form token) and clicks its button. */
export async function clickAction(page: Page, id: string): Promise<GameStatus> {
  const before = (await status(page)).step ?? 0;
  const token = parseFormToken(id);
  if (token) {
    await fillFormByMouse(page, token.form, token.picks);
    await page.locator(formSelectors(token.form).submit).click();
  } else await page.locator(`button[data-action="${id}"]`).first().click();
  return afterAction(page, before);
}

/**
 * Takes an action with the keyboard only: Tab to its button and Enter; on a form (a form token),
 * Tab to each group that needs a change, arrow keys (Space for a checkbox) to pick, then Tab to
 * the form's button and Enter.
 */
export async function keyboardAction(page: Page, id: string): Promise<GameStatus> {
  const before = (await status(page)).step ?? 0;
  const token = parseFormToken(id);
  if (!token) {
    await tabTo(page, `button[data-action="${id}"]`);
    await page.keyboard.press('Enter');
    return afterAction(page, before);
  }
  const { groups, submit } = formSelectors(token.form);
  const keys = await page.locator(groups).evaluateAll((gs) => gs.map((g) => (g as HTMLElement).dataset.group ?? ''));
  for (const key of keys) {
    const group = `${groups}[data-group="${key}"]`;
    const state = () =>
      page.evaluate((sel) => {
        const inputs = [...document.querySelectorAll<HTMLInputElement>(`${sel} input`)];
        return { ids: inputs.map((i) => (i.dataset.action ?? (i.hasAttribute('data-pick-none') ? '' : '?'))), checked: inputs.findIndex((i) => i.checked), focused: inputs.indexOf(document.activeElement as HTMLInputElement), checkbox: inputs[0]?.type === 'checkbox' };
      }, group);
    let now = await state();
    const pick = now.ids.findIndex((id) => token.picks.includes(id));
    const target = pick >= 0 ? pick : now.ids.indexOf('');
    if (now.checkbox) {
      if ((pick >= 0) !== (now.checked === 0)) {
        await tabTo(page, `${group} input`);
        await page.keyboard.press('Space');
      }
      continue;
    }
    if (target < 0 || target === now.checked) continue;
    await tabTo(page, `${group} input`);
    now = await state();
    if (now.checked < 0) {
      await page.keyboard.press('Space');
      now = await state();
    }
    for (let at = now.checked; at !== target; at += target > at ? 1 : -1) await page.keyboard.press(target > at ? 'ArrowDown' : 'ArrowUp');
    now = await state();
    if (now.checked !== target) throw new Error(`the keyboard did not pick ${now.ids[target]} in ${key}`);
  }
  await tabTo(page, submit);
  await page.keyboard.press('Enter');
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
    // A form's button sends the whole form as one step, so it is one entry of `taken`.
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

/** The screen at both sizes the game is checked at, 1280×720 then 1024×768, ending at 1280×720; `check` runs at the first. */
export async function screenshotsAtBothSizes(page: Page, name: string, check?: () => Promise<void>): Promise<void> {
  await saveScreenshot(page, `${name}-1280x720`);
  await check?.();
  await page.setViewportSize({ width: 1024, height: 768 });
  await settle(page);
  await saveScreenshot(page, `${name}-1024x768`);
  await page.setViewportSize({ width: 1280, height: 720 });
  await settle(page);
}
