import { el, type OptionalChild } from '../dom/el';

export interface PageOptions {
  key: string;
  title: string;
  lead?: string;
  /** Buttons in the top bar (Back, Settings...). */
  tools: HTMLElement[];
  main: OptionalChild[];
  side?: OptionalChild[];
  sideLabel?: string;
}

/** The frame of the screens outside a run (campaign map, knowledge map). */
export function page(options: PageOptions): HTMLElement {
  return el(
    'section',
    { class: `screen screen--${options.key}`, 'aria-labelledby': 'screen-title' },
    el('header', { class: 'hud' }, el('p', { class: 'hud__brand' }, 'Sprint', el('span', { class: 'hud__brand-accent' }, 'wise')), el('div', { class: 'hud__tools' }, ...options.tools)),
    el(
      'div',
      { class: `screen__body${options.side ? '' : ' screen__body--single'}` },
      el(
        'div',
        { class: 'pane pane--main', 'data-scroll': 'main', tabindex: '0', role: 'region', 'aria-labelledby': 'screen-title' },
        el('div', { class: 'screen__head' }, el('h1', { id: 'screen-title', class: 'screen__title', tabindex: '-1' }, options.title), options.lead ? el('p', { class: 'screen__lead' }, options.lead) : null),
        ...options.main,
      ),
      options.side ? el('aside', { class: 'pane pane--side', 'aria-label': options.sideLabel ?? 'More' }, ...options.side) : null,
    ),
  );
}

export function toolButton(label: string, icon: string, onClick: () => void, key: string): HTMLButtonElement {
  const b = el('button', { type: 'button', class: 'btn btn--quiet hud__tool', 'data-focus': key }, el('span', { 'aria-hidden': 'true' }, `${icon} `), label);
  b.addEventListener('click', onClick);
  return b;
}
