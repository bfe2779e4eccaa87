import type { BatchPart, ListedAction } from '../../engine';
import { announce } from '../dom/announce';
import { el, type OptionalChild } from '../dom/el';
import type { Dispatch } from './actions';

/*
 * Forms that gather several decisions of one kind (criteria for an item, flaws to rework, items
 * to refine, MoSCoW tags) and send them as one step: a listed action's id when one is chosen, a
 * batch of the listed actions otherwise. The engine checks and judges each one as if sent alone.
 */

/** What the player has ticked or picked on a form, kept by the scene across re-renders. */
export type Picks = Map<string, string>;

/**
 * Sends a form's decisions as one step: a lone listed action by its id, several as a batch of their
 * actions (a form's own closing part, such as the Review's close, may come as an action).
 */
export function sendParts(parts: readonly (ListedAction | BatchPart)[], dispatch: Dispatch): void {
  const only = parts.length === 1 ? parts[0]! : null;
  if (only && 'id' in only) dispatch({ id: only.id });
  else if (parts.length) dispatch({ type: 'batch', actions: parts.map((p) => ('id' in p ? (p.action as BatchPart) : p)) });
}

/**
 * The form both kinds share: a fieldset with its legend and hint, the rows, and one submit button
 * that sends `chosen` together (nothing when nothing is chosen).
 */
function batchForm(o: { key: string; legend: OptionalChild; hint?: OptionalChild; submit: (n: number) => string; picks: Picks; dispatch: Dispatch; blocked?: string | null }, rows: HTMLElement[], chosen: readonly ListedAction[]): HTMLFormElement {
  const blockedId = `batch-${o.key}-blocked`;
  const button = submitButton(o.key, o.submit(chosen.length), o.blocked ? 0 : chosen.length);
  if (o.blocked) button.setAttribute('aria-describedby', blockedId);
  const form = el(
    'form',
    { class: 'batch-form', 'data-form': o.key },
    el(
      'fieldset',
      { class: 'batch-form__set' },
      el('legend', { class: 'sub__title' }, o.legend),
      o.hint ? el('p', { class: 'block__hint' }, o.hint) : null,
      el('ul', { class: 'batch-form__list' }, ...rows),
      o.blocked ? el('p', { class: 'notice notice--warning batch-form__blocked', id: blockedId }, o.blocked) : null,
      button,
    ),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    // What the engine would refuse is not sent: the reason beside the button says what to change.
    if (o.blocked) {
      announce(o.blocked);
      return;
    }
    if (chosen.length === 0) return;
    o.picks.clear();
    sendParts(chosen, o.dispatch);
  });
  return form;
}

function submitButton(key: string, text: string, count: number): HTMLButtonElement {
  const button = el('button', { type: 'submit', class: 'btn btn--secondary', 'data-focus': `batch:${key}:submit`, 'data-batch': key }, el('span', { class: 'btn__label' }, text));
  // Left in the tab order when nothing is chosen, so the player can find it and hear why it waits.
  if (count === 0) button.setAttribute('aria-disabled', 'true');
  return button;
}

export interface ChecklistOptions {
  /** Unique on the screen: names the form's focus keys and its picks. */
  key: string;
  /** The heading the checkboxes are grouped under (shown, and the group's name). */
  legend: OptionalChild;
  choices: readonly { action: ListedAction; label: OptionalChild; detail?: string }[];
  /** The submit button's words for `n` ticked. */
  submit: (n: number) => string;
  picks: Picks;
  dispatch: Dispatch;
  /** Re-renders the screen after a tick, keeping focus on `focusKey`. */
  refresh: (focusKey: string) => void;
  hint?: OptionalChild;
  /** Why the ticked ones cannot be sent as they are (they cost more than is left): shown, and the button waits. */
  blocked?: string | null;
  /**
   * 'ticked' sends them in the order the player ticked them, for decisions whose order is itself
   * judged (interviews before a survey); the default is the order listed.
   */
  order?: 'listed' | 'ticked';
}

/** Checkboxes, one per listed action, and one button that sends the ticked ones together. */
export function checklistForm(o: ChecklistOptions): HTMLFormElement {
  const rows = o.choices.map((c) => {
    const input = el('input', { type: 'checkbox', id: `pick-${o.key}-${c.action.id}`, 'data-focus': `pick:${o.key}:${c.action.id}` });
    input.checked = o.picks.has(c.action.id);
    input.addEventListener('change', () => {
      if (input.checked) o.picks.set(c.action.id, c.action.id);
      else o.picks.delete(c.action.id);
      o.refresh(`pick:${o.key}:${c.action.id}`);
    });
    return el('li', { class: 'batch-form__row' }, input, el('label', { for: `pick-${o.key}-${c.action.id}` }, c.label, c.detail ? el('span', { class: 'batch-form__detail' }, ` ${c.detail}`) : null));
  });
  const ticked = o.order === 'ticked' ? [...o.picks.keys()].flatMap((id) => o.choices.filter((c) => c.action.id === id)) : o.choices.filter((c) => o.picks.has(c.action.id));
  return batchForm(o, rows, ticked.map((c) => c.action));
}

export interface PickRow {
  /** What the row is about (an item): the key of its pick. */
  id: string;
  label: string;
  /** The listed actions to choose among, with the words for each. */
  options: readonly { action: ListedAction; text: string }[];
  /** Words for the row's value now, shown as the empty choice ("not tagged", "Must"). */
  current: string;
}

export interface PicklistOptions {
  key: string;
  legend: OptionalChild;
  rows: readonly PickRow[];
  submit: (n: number) => string;
  picks: Picks;
  dispatch: Dispatch;
  refresh: (focusKey: string) => void;
  hint?: OptionalChild;
}

/** One choice per row (a select), and one button that sends every row changed, together. */
export function picklistForm(o: PicklistOptions): HTMLFormElement {
  const rows = o.rows.map((r) => {
    const select = el('select', { id: `pick-${o.key}-${r.id}`, 'data-focus': `pick:${o.key}:${r.id}` }, el('option', { value: '' }, r.current), ...r.options.map((x) => el('option', { value: x.action.id }, x.text)));
    select.value = o.picks.get(r.id) ?? '';
    select.addEventListener('change', () => {
      if (select.value) o.picks.set(r.id, select.value);
      else o.picks.delete(r.id);
      o.refresh(`pick:${o.key}:${r.id}`);
    });
    return el('li', { class: 'batch-form__row batch-form__row--pick' }, el('label', { for: `pick-${o.key}-${r.id}` }, r.label), select);
  });
  return batchForm(o, rows, o.rows.flatMap((r) => r.options.filter((x) => x.action.id === o.picks.get(r.id)).map((x) => x.action)));
}
