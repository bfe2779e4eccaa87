import { el, svgIcon } from '../dom/el';
import './TitlePanel.css';

const playIcon = '<svg viewBox="0 0 16 16"><path d="M4 2.5v11l9.5-5.5z" fill="currentColor"/></svg>';

export interface TitleOptions {
  onPlay: () => void;
  onSettings: () => void;
  /** Offered when a readable save exists: the run and where it stands. */
  resume?: { detail: string; onContinue: () => void };
  /** Shown when the last save cannot be read (or could not be continued). */
  problem?: string;
}

/**
 * The words and the controls of the title screen. They live in the DOM, not the canvas, so the
 * name is a real heading, the buttons are real buttons (Tab, Enter, Space, screen readers),
 * and the text stays sharp however far the canvas is scaled.
 */
export function buildTitlePanel(options: TitleOptions): HTMLElement {
  const play = el(
    'button',
    { type: 'button', id: 'play', class: options.resume ? 'title__play title__play--secondary' : 'title__play' },
    svgIcon(playIcon),
    options.resume ? 'Campaigns' : 'Play',
  );
  play.addEventListener('click', options.onPlay);

  let resume: HTMLElement | null = null;
  let detail: HTMLElement | null = null;
  if (options.resume) {
    resume = el('button', { type: 'button', id: 'continue', class: 'title__play', 'aria-describedby': 'continue-detail' }, svgIcon(playIcon), 'Continue');
    resume.addEventListener('click', options.resume.onContinue);
    detail = el('p', { class: 'title__resume-detail', id: 'continue-detail' }, options.resume.detail);
  }

  const settings = el('button', { type: 'button', id: 'title-settings', class: 'title__settings' }, el('span', { 'aria-hidden': 'true' }, '⚙ '), 'Settings');
  settings.addEventListener('click', options.onSettings);

  return el(
    'section',
    { class: 'title', 'aria-labelledby': 'title-name' },
    el('h1', { id: 'title-name', class: 'title__name', tabindex: '-1' }, 'Sprint', el('span', { class: 'title__name-accent' }, 'wise')),
    el('p', { class: 'title__tagline' }, 'Learn to own the product, one Sprint at a time'),
    el('div', { class: `title__actions${resume ? ' title__actions--row' : ''}` }, resume, play),
    detail,
    options.problem ? el('p', { class: 'title__problem', role: 'alert' }, el('strong', {}, 'Your saved game could not be opened. '), options.problem) : null,
    el('p', { class: 'title__hint' }, 'Keyboard: ', el('kbd', {}, 'Tab'), ` to reach ${options.resume ? 'Continue' : 'Play'}, `, el('kbd', {}, 'Enter'), ' to start'),
    settings,
  );
}
