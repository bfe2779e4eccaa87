import { el, type OptionalChild } from '../dom/el';

export interface DialogOptions {
  title: string;
  body: OptionalChild[];
  className?: string;
  /** Esc and the close button call this; without it the dialog needs a choice to close. */
  onCancel?: () => void;
  /** Focus this element (by data-focus key) when the dialog opens; else the first control. */
  initialFocus?: string;
}

let counter = 0;

/**
 * A modal dialog: a native <dialog> opened with showModal(), so focus is trapped, the page
 * behind is inert for mouse, keyboard and screen readers alike, and Esc works where allowed.
 */
export function createDialog(options: DialogOptions): HTMLDialogElement {
  const id = `dialog-title-${++counter}`;
  const close = options.onCancel
    ? el('button', { type: 'button', class: 'dialog__close btn btn--quiet', 'aria-label': 'Close' }, '✕')
    : null;
  const dialog = el(
    'dialog',
    { class: `dialog ${options.className ?? ''}`.trim(), 'aria-labelledby': id },
    el('div', { class: 'dialog__head' }, el('h2', { class: 'dialog__title', id }, options.title), close),
    el('div', { class: 'dialog__body' }, ...options.body),
  );
  close?.addEventListener('click', () => options.onCancel?.());
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault();
    options.onCancel?.();
  });
  if (options.initialFocus) dialog.dataset.initialFocus = options.initialFocus;
  return dialog;
}

/** Opens a dialog built by createDialog, mounting it in the overlay if it is not in the page yet. */
export function showDialog(dialog: HTMLDialogElement): void {
  if (!dialog.isConnected) (document.getElementById('overlay') ?? document.body).append(dialog);
  if (!dialog.open) dialog.showModal();
  const wanted = dialog.dataset.initialFocus;
  const target = (wanted && dialog.querySelector<HTMLElement>(`[data-focus="${CSS.escape(wanted)}"]`)) || dialog.querySelector<HTMLElement>('.dialog__body :is(button, [href], input, select, textarea):not([disabled])');
  target?.focus();
}

/** Closes and removes a dialog, giving focus back to `returnTo` if it is still in the page. */
export function closeDialog(dialog: HTMLDialogElement, returnTo?: Element | null): void {
  if (dialog.open) dialog.close();
  dialog.remove();
  if (returnTo instanceof HTMLElement && returnTo.isConnected) returnTo.focus();
}

/** A yes/no question with the consequence spelled out. Resolves true when confirmed. */
export function confirmDialog(title: string, text: OptionalChild[], confirmLabel: string, cancelLabel = 'Cancel'): Promise<boolean> {
  const returnTo = document.activeElement;
  return new Promise((resolve) => {
    const yes = el('button', { type: 'button', class: 'btn btn--primary', 'data-focus': 'confirm' }, confirmLabel);
    const no = el('button', { type: 'button', class: 'btn btn--secondary', 'data-focus': 'cancel' }, cancelLabel);
    const finish = (answer: boolean) => {
      closeDialog(dialog, returnTo);
      resolve(answer);
    };
    const dialog = createDialog({
      title,
      body: [...text.map((t) => (typeof t === 'string' ? el('p', {}, t) : t)), el('div', { class: 'dialog__actions' }, yes, no)],
      onCancel: () => finish(false),
      initialFocus: 'cancel',
    });
    yes.addEventListener('click', () => finish(true));
    no.addEventListener('click', () => finish(false));
    showDialog(dialog);
  });
}

/** A message with one button. */
export function messageDialog(title: string, text: OptionalChild[], buttonLabel = 'OK'): Promise<void> {
  const returnTo = document.activeElement;
  return new Promise((resolve) => {
    const ok = el('button', { type: 'button', class: 'btn btn--primary' }, buttonLabel);
    const dialog = createDialog({
      title,
      body: [...text.map((t) => (typeof t === 'string' ? el('p', {}, t) : t)), el('div', { class: 'dialog__actions' }, ok)],
      onCancel: () => finish(),
    });
    const finish = () => {
      closeDialog(dialog, returnTo);
      resolve();
    };
    ok.addEventListener('click', finish);
    showDialog(dialog);
  });
}
