import { el, type OptionalChild } from '../dom/el';

/** The focus key of the text a choice dialog opens on. */
export const CHOICE_TEXT_FOCUS = 'dialog:text';

/**
 * The text a question or an event dialog opens on. Focus lands here, not on the first answer,
 * so an Enter meant for the screen before (or held down through the change) commits nothing:
 * an answer is taken only after the player has moved to it. A screen reader reads the question
 * first, as it should.
 */
export function choiceText(className: string, text: OptionalChild): HTMLElement {
  return el('p', { class: className, tabindex: '-1', 'data-focus': CHOICE_TEXT_FOCUS }, text);
}

/**
 * Final choices ignore a held-down key: the auto-repeat of Enter or Space that carried over from
 * the control the player pressed before cannot answer for them.
 */
export function ignoreHeldKeys(root: HTMLElement): void {
  root.addEventListener(
    'keydown',
    (event) => {
      if (event.repeat && (event.key === 'Enter' || event.key === ' ') && event.target instanceof HTMLButtonElement) event.preventDefault();
    },
    true,
  );
}
