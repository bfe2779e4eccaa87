/**
 * Sharing a run from the game: a challenge link (same scenario and seed, for someone to play
 * the same Sprints), a replay link (the whole run in the address) and a replay file. Links are
 * copied to the clipboard when the browser allows it, and always shown in a dialog, selected, so
 * they can be copied by hand too.
 */
import type { ReplayLog } from '../../engine';
import { challengeLink, MAX_LINK_LENGTH, replayFileName, replayLink, serializeReplay } from '../../replay';
import { announce } from '../dom/announce';
import { el } from '../dom/el';
import { closeDialog, createDialog, messageDialog, showDialog } from '../ui/dialog';
import { downloadText } from '../ui/download';
import './replay.css';

/** Where this game is served, without query or fragment: the base of the links it makes. */
function gameBase(): string {
  return `${location.origin}${location.pathname}`;
}

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard access (an insecure page, a refused permission): the dialog shows the link selected.
    return false;
  }
}

/** Shows a link selected in a read-only field, saying whether it is already on the clipboard. */
function linkDialog(title: string, intro: string, url: string, copied: boolean): void {
  const returnTo = document.activeElement;
  const field = el('input', { type: 'text', id: 'share-link', class: 'share__field', readonly: '', value: url, 'data-focus': 'share:link', spellcheck: 'false' });
  const close = el('button', { type: 'button', class: 'btn btn--primary' }, 'Close');
  const dialog = createDialog({
    title,
    className: 'dialog--share',
    initialFocus: 'share:link',
    onCancel: () => closeDialog(dialog, returnTo),
    body: [
      el('p', {}, intro),
      el('label', { class: 'share__label', for: 'share-link' }, 'Link'),
      field,
      el('p', { class: 'share__status', role: 'status' }, copied ? 'Copied to the clipboard.' : 'The link is selected: copy it with Ctrl+C (⌘C on a Mac).'),
      el('div', { class: 'dialog__actions' }, close),
    ],
  });
  close.addEventListener('click', () => closeDialog(dialog, returnTo));
  showDialog(dialog);
  field.select();
  announce(copied ? `${title}: copied to the clipboard.` : `${title}: selected, ready to copy.`);
}

/** A challenge link for `scenarioId` and `seed`: whoever opens it plays the same Sprints from the start. */
export async function shareChallenge(scenarioId: string, seed: string, scenarioTitle: string): Promise<void> {
  const link = challengeLink(gameBase(), scenarioId, seed);
  if (!link.ok) {
    await messageDialog('No challenge link for this run', [`A challenge link cannot be made: ${link.message}.`]);
    return;
  }
  const copied = await copy(link.url);
  linkDialog('Challenge link', `Whoever opens this link plays “${scenarioTitle}” with the same seed: the same Sprints and surprises, their own choices.`, link.url, copied);
}

/** A replay link for `replay`, or, when the run is too long for a link, the offer of the replay file instead. */
export async function shareReplay(replay: ReplayLog): Promise<void> {
  const link = await replayLink(gameBase(), replay);
  if (link.ok) {
    const copied = await copy(link.url);
    linkDialog('Replay link', 'Whoever opens this link can step through this run choice by choice, with the judgement of each. The whole run is inside the link: it is never sent to a server.', link.url, copied);
    return;
  }
  if (link.tooLarge) {
    const returnTo = document.activeElement;
    const download = el('button', { type: 'button', class: 'btn btn--primary', 'data-focus': 'share:download' }, 'Download the replay file');
    const cancel = el('button', { type: 'button', class: 'btn btn--secondary' }, 'Cancel');
    const dialog = createDialog({
      title: 'This run is too long for a link',
      className: 'dialog--share',
      initialFocus: 'share:download',
      onCancel: () => closeDialog(dialog, returnTo),
      body: [
        el('p', {}, `A link to this run would be ${link.length.toLocaleString('en')} characters long; links can carry at most ${MAX_LINK_LENGTH.toLocaleString('en')}. Share the replay as a file instead: it holds the same run, and opens with Watch a replay on the campaign map.`),
        el('div', { class: 'dialog__actions' }, download, cancel),
      ],
    });
    download.addEventListener('click', () => {
      closeDialog(dialog, returnTo);
      downloadReplay(replay);
    });
    cancel.addEventListener('click', () => closeDialog(dialog, returnTo));
    showDialog(dialog);
    return;
  }
  await messageDialog('No replay link for this run', [`A replay link cannot be made: ${link.message}.`]);
}

/** Downloads `replay` as a replay file, the same text the CLI writes and verifies. */
export function downloadReplay(replay: ReplayLog): void {
  downloadText(replayFileName(replay), serializeReplay(replay));
  announce('Replay file downloaded.');
}
