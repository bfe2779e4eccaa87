import type { ListedAction } from '../../engine';
import { el, type OptionalChild } from '../dom/el';
import { costNote, type Dispatch } from './actions';
import type { Picks } from './batch-form';
import './decision-form.css';

/*
 * Forms whose decisions are of different kinds (the Sprint Review's format, forecast, release
 * plan...; the Retrospective's findings): one group of radio buttons per decision, and one button
 * that sends every pick together. Picks are kept by the scene, by group, until they are sent.
 *
 * Marks the scripted browser player reads (tests/browser/play.ts): each group has
 * `data-pick-group="<form>"` and `data-group`, `data-required` when it must be answered; each
 * radio button has `data-action="<listed id>"`, a "no decision" choice has `data-pick-none`; the
 * button has `data-batch="<form>"` and `data-closes` naming the listed action it ends with.
 */

export interface DecisionChoice {
  action: ListedAction;
  text?: OptionalChild;
  detail?: OptionalChild;
}

export interface DecisionGroupOptions {
  /** The form's key: names its focus keys and radio groups. */
  form: string;
  /** The decision's key within the form: its pick is kept under it. */
  group: string;
  /** The id of the heading that names the group (its accessible name). */
  labelledBy: string;
  choices: readonly DecisionChoice[];
  /** The choice that decides nothing now (or keeps what was agreed), shown first and checked when nothing is picked. */
  none?: { text: OptionalChild; detail?: OptionalChild };
  /** The form cannot be sent without an answer here. */
  required?: boolean;
  picks: Picks;
  refresh: (focusKey: string) => void;
  /** A row of cards rather than a column. */
  row?: boolean;
}

const focusKey = (form: string, group: string, value: string) => `pick:${form}:${group}:${value}`;

function card(input: HTMLInputElement, id: string, text: OptionalChild, detail: OptionalChild | undefined, action: ListedAction | null): HTMLElement {
  input.id = id;
  const engineWords = action && typeof text === 'string' && text !== action.label && detail !== action.label ? el('span', { class: 'visually-hidden' }, ` (${action.label})`) : null;
  return el(
    'label',
    { class: 'decision', for: id },
    input,
    el(
      'span',
      { class: 'decision__text' },
      el('span', { class: 'decision__label' }, text ?? action?.label ?? ''),
      detail ? el('span', { class: 'decision__detail' }, detail) : null,
      action?.cost ? costNote(action.cost) : null,
      engineWords,
    ),
  );
}

/** Radio buttons, one per listed action (and a "no decision" one first when given). */
export function decisionGroup(o: DecisionGroupOptions): HTMLElement {
  const name = `${o.form}-${o.group}`;
  const picked = o.picks.get(o.group);
  const pickedListed = o.choices.some((c) => c.action.id === picked);
  const radio = (value: string, checked: boolean, onPick: () => void, action: ListedAction | null): HTMLInputElement => {
    const attrs: Record<string, string> = { type: 'radio', name, value, 'data-focus': focusKey(o.form, o.group, value) };
    if (action) attrs['data-action'] = action.id;
    else attrs['data-pick-none'] = '';
    const input = el('input', attrs);
    input.checked = checked;
    input.addEventListener('change', () => {
      if (!input.checked) return;
      onPick();
      o.refresh(focusKey(o.form, o.group, value));
    });
    return input;
  };
  const cards = [
    o.none ? card(radio('none', !pickedListed, () => o.picks.delete(o.group), null), `${name}-none`, o.none.text, o.none.detail, null) : null,
    ...o.choices.map((c) => card(radio(c.action.id, picked === c.action.id, () => o.picks.set(o.group, c.action.id), c.action), `${name}-${c.action.id.replace(/[^a-zA-Z0-9_-]/g, '-')}`, c.text, c.detail, c.action)),
  ];
  const attrs: Record<string, string> = {
    class: `decision-group${o.row ? ' decision-group--row' : ''}`,
    role: 'radiogroup',
    'aria-labelledby': o.labelledBy,
    'data-pick-group': o.form,
    'data-group': o.group,
  };
  if (o.required) {
    attrs['aria-required'] = 'true';
    attrs['data-required'] = '';
  }
  return el('div', attrs, ...cards);
}

/** The listed actions picked on a form, in the order of `groups`. */
export function pickedActions(picks: Picks, groups: readonly { group: string; choices: readonly ListedAction[] }[]): ListedAction[] {
  return groups.flatMap((g) => g.choices.filter((a) => a.id === picks.get(g.group)));
}

/**
 * Sends the parts as one step: a listed action's id when there is one part and it is listed, a
 * batch of the parts otherwise. Nothing is sent for no parts.
 */
export interface DecisionSubmitOptions {
  form: string;
  text: string;
  /** Why the form cannot be sent yet; shown next to the button and read with it. Null when it can. */
  blocked: string | null;
  /** The player tried to send while blocked: the note is announced. */
  nudged: boolean;
  /** The listed action (by type) the form ends with, for the scripted player's preferences. */
  closes?: string;
  /** What the button does besides, said next to it. */
  note?: string | null;
  onSend: () => void;
  onBlocked: () => void;
}

/** The form's one button, with the note that says why it waits when it does. */
export function decisionSubmit(o: DecisionSubmitOptions): HTMLElement {
  const noteId = `${o.form}-submit-note`;
  const attrs: Record<string, string> = { type: 'button', class: 'btn btn--primary', 'data-focus': `batch:${o.form}:submit`, 'data-batch': o.form };
  if (o.closes) attrs['data-closes'] = o.closes;
  const note = o.blocked ?? o.note ?? null;
  if (note) attrs['aria-describedby'] = noteId;
  // Left in the tab order when blocked, so the player can reach it and hear why it waits.
  if (o.blocked) attrs['aria-disabled'] = 'true';
  const button = el('button', attrs, el('span', { class: 'btn__label' }, o.text));
  button.addEventListener('click', () => (o.blocked ? o.onBlocked() : o.onSend()));
  const noteAttrs: Record<string, string> = { id: noteId, class: `decision-note${o.blocked ? ' decision-note--blocked' : ''}${o.blocked && o.nudged ? ' is-nudged' : ''}` };
  if (o.blocked && o.nudged) noteAttrs.role = 'alert';
  return el('div', { class: 'decision-submit' }, button, note ? el('p', noteAttrs, note) : null);
}

