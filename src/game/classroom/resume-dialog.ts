import { el } from '../dom/el';
import { closeDialog, createDialog, showDialog } from '../ui/dialog';
import type { ClassroomClient } from './client';
import { requestResumeCode } from './resume';

/**
 * "Move to another device": asks the server for a one-time resume code and shows it, with what
 * to do on the other device and what happens here once it is used.
 */
export function openResumeCodeDialog(client: ClassroomClient): void {
  const returnTo = document.activeElement;
  const close = () => closeDialog(dialog, returnTo);
  const ok = el('button', { type: 'button', class: 'btn btn--primary', 'data-focus': 'resume:close' }, 'Close');
  ok.addEventListener('click', close);
  const slot = el('div', { class: 'resume-code-slot', 'aria-live': 'polite' }, el('p', {}, 'Getting a code…'));
  const dialog = createDialog({
    title: 'Move to another device',
    className: 'dialog--resume',
    onCancel: close,
    body: [
      el('p', {}, 'On the other phone or computer, open this game, choose Join a class, then I have a resume code, and type:'),
      slot,
      el('div', { class: 'dialog__actions' }, ok),
    ],
  });
  showDialog(dialog);
  void requestResumeCode(client.saved).then((r) => {
    if (!dialog.isConnected) return;
    slot.replaceChildren(
      ...(r.ok
        ? [
            el('p', { class: 'resume-code', 'data-testid': 'resume-code', 'aria-label': `Resume code: ${r.code.split('').join(' ')}` }, r.code),
            el('p', { class: 'dialog__note' }, `The code works once, within ${r.hours} hours. Once it is used, your class goes on there and stops here. Opening this again makes a new code and the one before stops working.`),
          ]
        : [el('p', { class: 'notice notice--error', role: 'alert' }, r.message)]),
    );
  });
}
