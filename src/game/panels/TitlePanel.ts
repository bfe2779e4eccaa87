import { el, svgIcon } from '../dom/el';
import './TitlePanel.css';

const playIcon = '<svg viewBox="0 0 16 16"><path d="M4 2.5v11l9.5-5.5z" fill="currentColor"/></svg>';

/**
 * The words and the control of the title screen. They live in the DOM, not the canvas, so the
 * name is a real heading, the Play button is a real button (Tab, Enter, Space, screen readers),
 * and the text stays sharp however far the canvas is scaled.
 */
export function buildTitlePanel(onPlay: () => void): HTMLElement {
  const play = el('button', { type: 'button', id: 'play', class: 'title__play' }, svgIcon(playIcon), 'Play');
  play.addEventListener('click', onPlay);

  return el(
    'section',
    { class: 'title', 'aria-labelledby': 'title-name' },
    el('h1', { id: 'title-name', class: 'title__name' }, 'Sprint', el('span', { class: 'title__name-accent' }, 'wise')),
    el('p', { class: 'title__tagline' }, 'Learn to own the product, one Sprint at a time'),
    play,
    el('p', { class: 'title__hint' }, 'Keyboard: ', el('kbd', {}, 'Tab'), ' to reach Play, ', el('kbd', {}, 'Enter'), ' to start'),
  );
}
