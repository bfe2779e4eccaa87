import { el } from '../dom/el';
import type { RunView, SessionStore } from '../session-store';
import { closeDialog, createDialog, showDialog } from './dialog';
import { downloadText } from './download';
import { openSettings } from './settings-dialog';
import { openGlossary } from './glossary';
import { shareChallenge, shareReplay } from '../replay/share';
import { openResumeCodeDialog } from '../classroom/resume-dialog';

/** The keys the game answers to, for the help dialog. */
export function keyboardHelp(): HTMLElement {
  const rows: [string, string][] = [
    ['Tab / Shift+Tab', 'Move between controls'],
    ['Enter or Space', 'Press the focused button'],
    ['↑ ↓ on the Product Backlog', 'Select the previous or next card'],
    ['Space on a card', 'Pick it up; ↑ ↓ move it; Space drops it; Esc cancels'],
    ['Alt + ↑ ↓ on a card', 'Move the card one place at once'],
    ['1 to 4 on a stakeholder or an interview note', 'Place it in that numbered quadrant of the map'],
    ['Arrows on a placed stakeholder', 'Move them to the next quadrant of the grid'],
    ['Esc', 'Close a dialog that can be closed'],
  ];
  return el('dl', { class: 'keys' }, ...rows.flatMap(([k, v]) => [el('dt', {}, el('kbd', {}, k)), el('dd', {}, v)]));
}

export function openKeyboardHelp(): void {
  const returnTo = document.activeElement;
  const ok = el('button', { type: 'button', class: 'btn btn--primary' }, 'Close');
  const dialog = createDialog({ title: 'Keyboard', body: [keyboardHelp(), el('div', { class: 'dialog__actions' }, ok)], onCancel: () => closeDialog(dialog, returnTo) });
  ok.addEventListener('click', () => closeDialog(dialog, returnTo));
  showDialog(dialog);
}

function openLog(run: RunView): void {
  const returnTo = document.activeElement;
  const lines = run.step.observation.log;
  const ok = el('button', { type: 'button', class: 'btn btn--primary' }, 'Close');
  const dialog = createDialog({
    title: 'What happened lately',
    className: 'dialog--log',
    body: [
      lines.length ? el('ol', { class: 'log-list' }, ...lines.map((l) => el('li', {}, l))) : el('p', {}, 'Nothing has happened yet.'),
      el('div', { class: 'dialog__actions' }, ok),
    ],
    onCancel: () => closeDialog(dialog, returnTo),
  });
  ok.addEventListener('click', () => closeDialog(dialog, returnTo));
  showDialog(dialog);
}

function openMenu(store: SessionStore, run: RunView, leave: () => void): void {
  const returnTo = document.activeElement;
  const id = run.scenario.scenario.id;
  const item = (label: string, detail: string, onClick: () => void, key: string) => {
    const button = el('button', { type: 'button', class: 'btn btn--choice', 'data-focus': key }, el('span', { class: 'btn__label' }, label), el('span', { class: 'btn__detail' }, detail));
    button.addEventListener('click', onClick);
    return button;
  };
  const close = () => closeDialog(dialog, returnTo);
  const inClass = store.classroom !== null;
  const dialog = createDialog({
    title: 'Menu',
    className: 'dialog--menu',
    onCancel: close,
    body: [
      el('p', { class: 'dialog__note' }, inClass ? 'Every choice is stored on the classroom server the moment it is taken.' : 'Every choice is saved the moment you make it.'),
      el(
        'div',
        { class: 'choice-list' },
        item(inClass ? 'Back to the title' : 'Back to the campaign map', inClass ? 'Your place in the class is kept: Continue your class brings you back here' : 'Leave this game; Continue brings you back here', () => {
          closeDialog(dialog);
          leave();
        }, 'menu:map'),
        inClass ? null : item('Export this save', 'Download the game as a file you can import later or elsewhere', () => {
          const file = store.exportSave(id, store.runSlot);
          if (file) downloadText(file.fileName, file.text);
        }, 'menu:export'),
        inClass ? null : item('Copy challenge link', 'Someone else plays the same Sprints from the start, with their own choices', () => {
          const replay = store.replayLog();
          // Back to the Menu button first, so the link dialog returns focus there too.
          closeDialog(dialog, returnTo);
          if (replay) void shareChallenge(replay.scenarioId, replay.seed, run.scenario.scenario.title);
        }, 'menu:challenge-link'),
        inClass ? null : item('Copy replay link', 'Someone else steps through your choices so far', () => {
          const replay = store.replayLog();
          // Back to the Menu button first, so the link dialog returns focus there too.
          closeDialog(dialog, returnTo);
          if (replay) void shareReplay(replay);
        }, 'menu:replay-link'),
        store.classroom ? item('Move to another device', 'Get a one-time code to go on with this class on another phone or computer', () => {
          closeDialog(dialog, returnTo);
          if (store.classroom) openResumeCodeDialog(store.classroom);
        }, 'menu:move') : null,
        item('Settings', 'Motion, text size, sound and the coach', () => {
          closeDialog(dialog);
          openSettings();
        }, 'menu:settings'),
        item('Keyboard', 'The keys the game answers to', () => {
          closeDialog(dialog);
          openKeyboardHelp();
        }, 'menu:keys'),
        item('Glossary', 'What the Scrum and game terms on the screens mean', () => {
          // Back to the Menu button when the glossary closes.
          closeDialog(dialog, returnTo);
          openGlossary();
        }, 'menu:glossary'),
      ),
    ],
  });
  showDialog(dialog);
}

/** The Log and Menu buttons of the top bar. */
export function runTools(store: SessionStore, run: RunView, leave: () => void): HTMLElement[] {
  const log = el('button', { type: 'button', class: 'btn btn--quiet hud__tool', 'data-focus': 'tool:log' }, el('span', { 'aria-hidden': 'true' }, '☰ '), 'Log');
  log.addEventListener('click', () => openLog(run));
  const menu = el('button', { type: 'button', class: 'btn btn--quiet hud__tool', 'data-focus': 'tool:menu' }, el('span', { 'aria-hidden': 'true' }, '⚙ '), 'Menu');
  menu.addEventListener('click', () => openMenu(store, run, leave));
  return [log, menu];
}
