import { el } from '../dom/el';
import { SceneKey } from '../scenes/keys';
import { describeStage, type StageEvent, type StageState } from './model';
import './stage.css';

/** The run screens that show the stage above their panels. */
export const STAGE_SCENES: ReadonlySet<string> = new Set([SceneKey.Planning, SceneKey.SprintDay, SceneKey.Review]);

/**
 * The DOM side of the stage: a band that keeps the panels clear of the canvas drawing, and the
 * stage in words for people who cannot see it: what is on the board and who is there, then what
 * just happened on it. Not a live region: the screen's own announcement already says each change.
 */
export function stageBand(state: StageState, latest: readonly StageEvent[]): HTMLElement {
  return el(
    'div',
    { class: 'stage-band' },
    el(
      'div',
      { class: 'visually-hidden', 'data-stage-text': '' },
      el('p', {}, 'The team’s board and the people around it:'),
      el('ul', {}, ...describeStage(state).map((line) => el('li', {}, line))),
      latest.length ? el('p', {}, 'Just now:') : null,
      latest.length ? el('ul', { 'data-stage-events': '' }, ...latest.map((e) => el('li', {}, e.text))) : null,
    ),
  );
}

/**
 * Puts `band` into the screen under the top bar (and under the day track, if the screen has
 * one); returns the band's top edge in game units, where the canvas stage is drawn.
 */
export function insertStageBand(root: HTMLElement, band: HTMLElement): number | null {
  const screen = root.querySelector<HTMLElement>(':scope > .screen');
  const hud = screen?.querySelector<HTMLElement>(':scope > .hud');
  if (!screen || !hud) return null;
  const dayTrack = screen.querySelector<HTMLElement>(':scope > .band');
  (dayTrack ?? hud).after(band);
  screen.classList.add('screen--staged');
  return dayTrack ? HUD_HEIGHT + DAY_TRACK_HEIGHT : HUD_HEIGHT;
}

/** Heights of the top bar and of the day track band, in game units: see screens.css. */
const HUD_HEIGHT = 68;
const DAY_TRACK_HEIGHT = 80;
