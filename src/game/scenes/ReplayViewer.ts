import Phaser from '../phaser';
import { drawBackdrop } from '../art/backdrop';
import { announce } from '../dom/announce';
import { el } from '../dom/el';
import { mountPanel } from '../dom/overlay';
import { setLayout } from '../layout';
import { prefersReducedMotion } from '../motion';
import { markSceneReady } from '../ready';
import { phaseName, sceneForPhase } from '../router';
import { readSave } from '../save/storage';
import { getStore } from '../session-store';
import { play } from '../sound';
import { readPalette } from '../theme/palette';
import { closeDialog, confirmDialog, createDialog, messageDialog, showDialog } from '../ui/dialog';
import { focusHeading, focusKeyIn, restoreFocus } from '../ui/focus';
import { openSettings } from '../ui/settings-dialog';
import { downloadReplay, shareReplay } from '../replay/share';
import { choiceLabel, partOf } from '../replay/viewer-frame';
import { positionText, viewerScreen, type ViewerHandlers } from '../replay/viewer-panel';
import { viewerReplay, type ViewerReplay } from '../replay/viewer-source';
import '../replay/replay.css';
import { SceneKey } from './keys';

const BACK_LABELS = { debrief: 'Back to the debrief', map: 'Campaigns', title: 'Title' } as const;

/** Keys the viewer answers to, for its keyboard help. */
const VIEWER_KEYS: readonly [string, string][] = [
  ['→ or ←', 'Next or previous choice'],
  ['Home / End', 'The start or the end of the run'],
  ['Tab / Shift+Tab', 'Move between controls'],
  ['Enter or Space', 'Press the focused button'],
  ['Esc', 'Close a dialog'],
];

/**
 * The replay viewer: a verified replay (viewer-source.ts), one frame at a time, in the DOM
 * overlay over a quiet backdrop. Moving never re-simulates: the stepper keeps every frame.
 * From any frame the learner can branch and play on in the normal run screens.
 */
export class ReplayViewer extends Phaser.Scene {
  private readonly store = getStore();
  private root!: HTMLElement;
  private viewer: ViewerReplay | null = null;
  private finalHash: string | null = null;

  constructor() {
    super(SceneKey.ReplayViewer);
  }

  create(): void {
    this.viewer = viewerReplay();
    this.finalHash = null;
    if (!this.viewer) {
      this.scene.start(SceneKey.CampaignMap);
      return;
    }
    setLayout('top');
    const palette = readPalette();
    drawBackdrop(this, palette, { accent: palette.sky, motion: !prefersReducedMotion() });
    this.root = mountPanel(this, el('div', { class: 'panel-root' }));
    this.paint(true);
    const onKey = (event: KeyboardEvent) => this.onKey(event);
    document.addEventListener('keydown', onKey);
    this.events.once('shutdown', () => {
      document.removeEventListener('keydown', onKey);
      if (window.__sprintwise) delete window.__sprintwise.viewer;
    });
    markSceneReady(this, SceneKey.ReplayViewer);
  }

  private readonly handlers: ViewerHandlers = {
    goTo: (step) => this.goTo(step),
    back: () => this.back(),
    branch: () => void this.branch(),
    download: () => this.viewer && downloadReplay(this.viewer.stepper.replay),
    shareLink: () => void (this.viewer && shareReplay(this.viewer.stepper.replay)),
    keys: () => openViewerKeys(),
    settings: openSettings,
  };

  private paint(first: boolean): void {
    const viewer = this.viewer!;
    const focusKey = focusKeyIn(this.root);
    const scrolls = new Map<string, number>();
    for (const node of this.root.querySelectorAll<HTMLElement>('[data-scroll]')) scrolls.set(node.dataset.scroll!, node.scrollTop);
    this.root.replaceChildren(viewerScreen(viewer, this.handlers, BACK_LABELS[viewer.back]));
    for (const node of this.root.querySelectorAll<HTMLElement>('[data-scroll]')) node.scrollTop = scrolls.get(node.dataset.scroll!) ?? 0;
    if (first) focusHeading(this.root);
    else restoreFocus(this.root, focusKey);
    this.publish(viewer);
  }

  /** Tells tests (and the curious) what the viewer shows: `window.__sprintwise.viewer`. */
  private publish(viewer: ViewerReplay): void {
    const { stepper } = viewer;
    const finalHash = (this.finalHash ??= stepper.at(stepper.length).stateHash());
    const status = window.__sprintwise ?? { ready: false, scene: '' };
    window.__sprintwise = { ...status, viewer: { scenarioId: stepper.replay.scenarioId, seed: stepper.replay.seed, length: stepper.length, position: stepper.position, finalHash } };
  }

  private goTo(step: number): void {
    const viewer = this.viewer;
    if (!viewer) return;
    const target = Math.max(0, Math.min(viewer.stepper.length, Math.trunc(step)));
    if (!Number.isFinite(target)) return;
    viewer.stepper.goTo(target);
    this.paint(false);
    const frame = viewer.stepper.at(target);
    const judged = frame.outcome?.evidence.length ?? 0;
    announce(
      `${positionText(viewer.stepper, target)}. ${partOf(frame)}, ${phaseName(frame.phase)}. ${frame.action ? `Chosen: ${choiceLabel(frame)}.` : 'No more choices.'}${judged ? ` ${judged} judgement${judged === 1 ? '' : 's'}.` : ''}`,
    );
  }

  /** Arrow keys step, Home and End jump, unless a form control or a dialog has the keys. */
  private onKey(event: KeyboardEvent): void {
    if (!this.viewer || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (document.querySelector('dialog[open]')) return;
    const target = event.target;
    if (target instanceof HTMLElement && target.closest('input, select, textarea, [contenteditable="true"]')) return;
    const at = this.viewer.stepper.position;
    const moves: Record<string, number> = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: this.viewer.stepper.length };
    const to = moves[event.key];
    if (to === undefined) return;
    event.preventDefault();
    this.goTo(to);
  }

  private back(): void {
    const where = this.viewer?.back ?? 'map';
    const run = this.store.run;
    if (where === 'debrief' && run) this.scene.start(sceneForPhase(run.step.phase));
    else this.scene.start(where === 'title' ? SceneKey.Title : SceneKey.CampaignMap);
  }

  /** Takes over the run at the frame on screen, in the scenario's branch slot (asking before it replaces an earlier branch). */
  private async branch(): Promise<void> {
    const viewer = this.viewer;
    if (!viewer) return;
    const step = viewer.stepper.position;
    const { scenario } = viewer;
    const existing = readSave(scenario.scenario.id, 'branch');
    if (existing) {
      const yes = await confirmDialog(
        'Replace your saved branch?',
        [`You already have a branch of “${scenario.scenario.title}” saved. A new branch replaces it. The scenario’s own saved game is not touched either way.`],
        'Replace the branch',
      );
      if (!yes) return;
    }
    const opened = this.store.branchFrom(viewer.stepper.replay, step);
    if (!opened.ok) {
      play('error');
      await messageDialog('This run cannot be branched', [opened.message]);
      return;
    }
    play('confirm');
    announce(`Branch started after ${step} choices. It is your run now: choose differently.`);
    this.scene.start(sceneForPhase(opened.run.step.phase));
  }
}

function openViewerKeys(): void {
  const returnTo = document.activeElement;
  const ok = el('button', { type: 'button', class: 'btn btn--primary' }, 'Close');
  const dialog = createDialog({
    title: 'Keyboard',
    body: [el('dl', { class: 'keys' }, ...VIEWER_KEYS.flatMap(([k, v]) => [el('dt', {}, el('kbd', {}, k)), el('dd', {}, v)])), el('div', { class: 'dialog__actions' }, ok)],
    onCancel: () => closeDialog(dialog, returnTo),
  });
  ok.addEventListener('click', () => closeDialog(dialog, returnTo));
  showDialog(dialog);
}
