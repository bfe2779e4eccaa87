import type { Action, ListedAction, Step } from '../../engine';
import { el, type OptionalChild } from '../dom/el';

/** How panels hand a choice to the scene: a listed action's id, or a full action object. */
export type Dispatch = (input: { id: string } | Action) => void;

export function listedOf(step: Step, type: string): ListedAction[] {
  return step.actions.filter((a) => a.type === type);
}

/** One parameter of a listed action, whatever its type (new action types carry their own). */
export function paramOf(action: ListedAction, name: string): unknown {
  return (action.params as Record<string, unknown>)[name];
}

/** "Cost: …" as text: a choice's price is never shown by colour or an icon alone. */
export function costNote(cost: string): HTMLElement {
  return el('span', { class: 'cost' }, el('span', { class: 'cost__label' }, 'Cost: '), cost);
}

export interface ActionButtonOptions {
  variant?: 'primary' | 'secondary' | 'choice' | 'quiet';
  /** Replaces the engine's label as the visible text (the engine's label stays in the accessible name). */
  text?: string;
  /** Extra line under the label, e.g. what the choice means. */
  detail?: OptionalChild;
  focusKey?: string;
  pressed?: boolean;
  /** Leave the cost out of the visible text (a shared note says it); it stays in the accessible name. */
  hideCost?: boolean;
}

/** A button for one listed action: its label, and its cost when the engine lists one. */
export function actionButton(action: ListedAction, dispatch: Dispatch, options: ActionButtonOptions = {}): HTMLButtonElement {
  const variant = options.variant ?? 'secondary';
  const attrs: Record<string, string> = {
    type: 'button',
    class: `btn btn--${variant}`,
    'data-focus': options.focusKey ?? `action:${action.id}`,
    'data-action': action.id,
  };
  if (options.pressed !== undefined) attrs['aria-pressed'] = String(options.pressed);
  const button = el(
    'button',
    attrs,
    el('span', { class: 'btn__label' }, options.text ?? action.label),
    options.detail ? el('span', { class: 'btn__detail' }, options.detail) : null,
    action.cost && !options.hideCost ? costNote(action.cost) : null,
    // The engine's own words (and a hidden cost) stay in the accessible name, after the visible text.
    options.text && options.text !== action.label ? el('span', { class: 'visually-hidden' }, ` (${action.label})`) : null,
    action.cost && options.hideCost ? el('span', { class: 'visually-hidden' }, ` Cost: ${action.cost}`) : null,
  );
  button.addEventListener('click', () => dispatch({ id: action.id }));
  return button;
}

export { groupedActions as otherActions } from './grouped-actions';
