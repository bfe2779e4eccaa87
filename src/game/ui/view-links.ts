import type { Scenario, Step } from '../../engine';
import { el } from '../dom/el';
import type { SceneKey } from '../scenes/keys';
import { shownViews, type ViewKey, type ViewSummary } from '../view/views';
import { closeDialog, createDialog, showDialog } from './dialog';

const ICONS: Record<ViewKey, string> = { Backlog: '▤', StakeholderMap: '◫', Customers: '☺', Market: '⇄' };

function openText(v: ViewSummary): string {
  if (v.open > 0 && v.openText) return v.openText;
  return v.open > 0 ? `${v.open} decision${v.open === 1 ? '' : 's'} open here now` : 'Read only now';
}

/**
 * A button that opens a view. Scenes do not wire it: RunScene follows any `[data-view]` click
 * inside its panel, so panels that only build DOM (the grouped actions) can link to views too.
 */
export function viewLink(v: ViewSummary, text = `Open the ${v.title.toLowerCase()} →`): HTMLButtonElement {
  return el(
    'button',
    { type: 'button', class: 'btn btn--secondary view-link', 'data-view': v.key, 'data-focus': `view:${v.key}` },
    el('span', { class: 'btn__label' }, text),
    el('span', { class: 'btn__detail' }, `${v.status}. ${openText(v)}.`),
  );
}

/** A small link to a view inside a screen's text, e.g. above the Product Backlog on the Planning screen. */
export function inlineViewLink(key: ViewKey, text: string, focusKey = `view:${key}:inline`): HTMLButtonElement {
  return el('button', { type: 'button', class: 'btn btn--quiet view-link--inline', 'data-view': key, 'data-focus': focusKey }, text);
}

/** Where the listed decisions of a view would have been: a heading and the way to the view. */
export function viewLinkGroup(v: ViewSummary, hint: string): HTMLElement {
  const id = `group-view-${v.key}`;
  return el(
    'section',
    { class: 'action-group', 'aria-labelledby': id },
    el('h3', { class: 'action-group__title', id }, v.title),
    el('p', { class: 'block__hint' }, hint),
    viewLink(v),
  );
}

/**
 * The top bar's Views button: a dialog listing the views with what each holds now, and the
 * way back when a view is on screen.
 */
export function viewsTool(step: Step, current: SceneKey, open: (key: SceneKey) => void, back: { label: string; go: () => void } | null, scenario?: Scenario): HTMLButtonElement {
  const button = el('button', { type: 'button', class: 'btn btn--quiet hud__tool', 'data-focus': 'tool:views', 'aria-haspopup': 'dialog' }, el('span', { 'aria-hidden': 'true' }, '◫ '), 'Views');
  button.addEventListener('click', () => {
    const returnTo = document.activeElement;
    const close = () => closeDialog(dialog, returnTo);
    const choose = (go: () => void) => () => {
      closeDialog(dialog);
      go();
    };
    const views = shownViews(step, scenario);
    const entries = views.map((v) => {
      const here = v.key === current;
      const b = el(
        'button',
        { type: 'button', class: 'btn btn--choice', 'data-focus': `views:${v.key}`, ...(here ? { 'aria-current': 'page' } : {}) },
        el('span', { class: 'btn__label' }, el('span', { 'aria-hidden': 'true' }, `${ICONS[v.key]} `), v.title, here ? ' (on screen)' : ''),
        el('span', { class: 'btn__detail' }, `${v.status}. ${openText(v)}.`),
      );
      b.addEventListener('click', here ? close : choose(() => open(v.key)));
      return b;
    });
    let backButton: HTMLButtonElement | null = null;
    if (back) {
      backButton = el('button', { type: 'button', class: 'btn btn--secondary', 'data-focus': 'views:back' }, `← ${back.label}`);
      backButton.addEventListener('click', choose(back.go));
    }
    const dialog = createDialog({
      title: 'Views',
      className: 'dialog--menu',
      onCancel: close,
      body: [
        el(
          'p',
          { class: 'dialog__note' },
          `Look at the Product Backlog, the people${views.some((v) => v.key === 'Market') ? ', the customers and the market' : ' and the customers'} at any time. Where a view has decisions open, you can take them there.`,
        ),
        el('div', { class: 'choice-list' }, ...entries),
        backButton ? el('div', { class: 'dialog__actions' }, backButton) : null,
      ],
    });
    showDialog(dialog);
  });
  return button;
}
