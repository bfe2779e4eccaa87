import { el, svgIcon } from '../dom/el';
import './TitlePanel.css';

const joinIcon = '<svg viewBox="0 0 16 16"><circle cx="5" cy="5" r="2.5" fill="currentColor"/><circle cx="11" cy="5" r="2.5" fill="currentColor"/><path d="M0.5 13.5c0-3 2-4.5 4.5-4.5s4.5 1.5 4.5 4.5zM7 13.5c0-3 1.6-4.5 4-4.5s4.5 1.5 4.5 4.5z" fill="currentColor"/></svg>';
const playIcon = '<svg viewBox="0 0 16 16"><path d="M4 2.5v11l9.5-5.5z" fill="currentColor"/></svg>';

/** A message about the link the game was opened with (a damaged link, a challenge not started). */
export interface TitleNotice {
  tone: 'info' | 'error';
  title: string;
  text: string;
}

export interface TitleOptions {
  onPlay: () => void;
  onSettings: () => void;
  /** Opens the join form of the classroom. */
  onJoin: () => void;
  /** Offered when this browser holds a place in a class. */
  classroom?: { detail: string; onContinue: () => void };
  /** Offered when a readable save exists: the run and where it stands. */
  resume?: { detail: string; onContinue: () => void };
  /** Shown when the last save cannot be read (or could not be continued). */
  problem?: string;
  /** Shown after following a link (see src/game/replay/follow-link.ts). */
  notice?: TitleNotice;
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

  const join = el('button', { type: 'button', id: 'join-class', class: 'title__play title__play--secondary title__join' }, svgIcon(joinIcon), 'Join a class');
  join.addEventListener('click', options.onJoin);
  let classButton: HTMLElement | null = null;
  if (options.classroom) {
    classButton = el('button', { type: 'button', id: 'continue-class', class: 'title__play', 'aria-describedby': 'continue-class-detail' }, svgIcon(joinIcon), 'Continue your class');
    classButton.addEventListener('click', options.classroom.onContinue);
  }

  const settings = el('button', { type: 'button', id: 'title-settings', class: 'title__settings' }, el('span', { 'aria-hidden': 'true' }, '⚙ '), 'Settings');
  settings.addEventListener('click', options.onSettings);

  return el(
    'section',
    { class: 'title', 'aria-labelledby': 'title-name' },
    el('h1', { id: 'title-name', class: 'title__name', tabindex: '-1' }, 'Sprint', el('span', { class: 'title__name-accent' }, 'wise')),
    // The role the game trains, said first: a newcomer should know what this is before pressing Play.
    el('p', { class: 'title__tagline' }, 'A Scrum Product Owner training game'),
    el('p', { class: 'title__motto' }, 'Learn to own the product, one Sprint at a time'),
    el('div', { class: `title__actions${resume ? ' title__actions--row' : ''}` }, resume, play),
    detail,
    el('div', { class: 'title__actions title__actions--row title__class' }, classButton, join),
    options.classroom ? el('p', { class: 'title__resume-detail', id: 'continue-class-detail' }, options.classroom.detail) : null,
    options.problem ? el('p', { class: 'title__problem', role: 'alert' }, el('strong', {}, 'Your saved game could not be opened. '), options.problem) : null,
    options.notice
      ? el('p', { class: `title__problem title__notice--${options.notice.tone}`, id: 'title-notice', role: options.notice.tone === 'error' ? 'alert' : 'status' }, el('strong', {}, `${options.notice.title} `), options.notice.text)
      : null,
    el('p', { class: 'title__hint' }, 'Keyboard: ', el('kbd', {}, 'Tab'), ` to reach ${options.resume ? 'Continue' : 'Play'}, `, el('kbd', {}, 'Enter'), ' to start'),
    settings,
  );
}
