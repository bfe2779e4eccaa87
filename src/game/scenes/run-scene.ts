import Phaser from '../phaser';
import type { Action, DispatchResult } from '../../engine';
import { drawBackdrop } from '../art/backdrop';
import { drawSprintRing } from '../art/sprint-ring';
import { el } from '../dom/el';
import { mountPanel } from '../dom/overlay';
import { prefersReducedMotion } from '../motion';
import { setLayout } from '../layout';
import { markSceneReady } from '../ready';
import { sceneForPhase } from '../router';
import { getStore, type RunView, type SessionStore, type StoreEvent } from '../session-store';
import { readPalette, type Palette } from '../theme/palette';
import { focusHeading, focusKeyIn, restoreFocus } from '../ui/focus';
import { actionButton, listedOf } from '../ui/actions';
import { createDialog, showDialog } from '../ui/dialog';
import { CHOICE_TEXT_FOCUS, choiceText, ignoreHeldKeys } from '../ui/deliberate';
import { stakeholderName } from '../ui/items';
import { downloadText } from '../ui/download';
import { runTools } from '../ui/menus';
import { viewsTool } from '../ui/view-links';
import { SceneKey } from './keys';
import { advanceStage } from '../stage/memory';
import { insertStageBand, stageBand, STAGE_SCENES } from '../stage/band';
import { StageView } from '../stage/view';

/** What a scene is started with when another screen of the run hands over to it. */
export interface RunSceneData {
  /** The control to focus on arrival (by data-focus key), instead of the heading. */
  focus?: string;
  /** The control to focus when the player comes back from a view. */
  returnFocus?: string;
}

/**
 * What every screen of a running game shares: it renders the store's current RunView into a DOM
 * panel over quiet canvas art, re-renders when the store changes, and hands over to another
 * scene when the engine's phase belongs to one. Subclasses only say how a RunView looks.
 */
export abstract class RunScene extends Phaser.Scene {
  protected readonly store: SessionStore = getStore();
  protected palette!: Palette;
  protected motion = false;
  protected root!: HTMLElement;
  private art: Phaser.GameObjects.GameObject[] = [];
  /** The living view of the team's world, on the screens that show it (see stage/). */
  private stage: StageView | null = null;
  private leaving = false;

  constructor(protected readonly key: SceneKey) {
    super(key);
  }

  /** The screen's DOM for this run state. */
  protected abstract render(run: RunView): HTMLElement;

  /** Focus keys to try when the focused control is gone after a re-render. */
  protected focusFallbacks(_run: RunView): string[] {
    return [];
  }

  /** Canvas art that depends on the run; redrawn after every change. */
  protected drawArt(run: RunView): Phaser.GameObjects.GameObject[] {
    const o = run.step.observation;
    if (o.sprint === 0) return [];
    return [drawSprintRing(this, this.palette, { x: 38, y: 34, radius: 17, sprints: o.sprints, current: o.sprint - 1, motion: false, thickness: 5, halo: false })];
  }

  /**
   * Called after the panel is in the page, to open a modal dialog. A question in the flow of play
   * (the coach, a stakeholder or the Developers asking) can come in any phase: it is a dialog
   * that must be answered before anything else, as the engine lists nothing else meanwhile.
   */
  protected afterRender(run: RunView): void {
    const question = run.step.observation.pendingQuestion;
    const answers = listedOf(run.step, 'answerQuestion');
    if (!question && answers.length === 0) return;
    const o = run.step.observation;
    const asker = question ? stakeholderName(o, question.asker) : null;
    const dialog = createDialog({
      title: asker ? `A question from ${asker}` : 'A question',
      className: 'dialog--question',
      body: [
        question ? choiceText('event__text', question.text) : null,
        question ? el('p', { class: 'event__rule' }, 'Answer as a Product Owner would. Your answer is final.') : choiceText('event__rule', 'Answer as a Product Owner would. Your answer is final.'),
        el('div', { class: 'choice-list' }, ...answers.map((a) => actionButton(a, this.dispatch, { variant: 'choice' }))),
      ],
      initialFocus: CHOICE_TEXT_FOCUS,
    });
    ignoreHeldKeys(dialog);
    this.root.append(dialog);
    showDialog(dialog);
  }

  /** Whether this screen stays up in `phase`; phase screens follow the router, views stay. */
  protected showsPhase(phase: string): boolean {
    return sceneForPhase(phase) === this.key;
  }

  /** Hands over to another screen of the run. */
  protected goTo(key: SceneKey, data: RunSceneData = {}): void {
    if (this.leaving) return;
    this.leaving = true;
    this.scene.start(key, data);
  }

  /** Sends a choice to the engine through the store. */
  protected dispatch = (input: { id: string } | Action): void => {
    this.store.dispatch(input);
  };

  /** Sends what the learner wrote with a listed action; the engine's answer (null while a class server decides). */
  protected sendText = (id: string, text: string): DispatchResult | null => this.store.dispatch({ id, text }, { refusalShownByCaller: true });

  /** The top bar's Views, Log and Menu buttons. */
  protected tools(run: RunView): HTMLElement[] {
    return [viewsTool(run.step, this.key, (key) => this.goTo(key, { returnFocus: 'tool:views' }), null, run.scenario.scenario), ...runTools(this.store, run, this.leave)];
  }

  /** Back to the campaign map; the run stays saved. */
  protected leave = (): void => {
    this.store.close();
  };

  create(data?: RunSceneData): void {
    const run = this.store.run;
    this.leaving = false;
    if (!run) {
      this.scene.start(this.store.classroom ? SceneKey.Classroom : SceneKey.CampaignMap);
      return;
    }
    setLayout('top');
    this.stage = null;
    this.palette = readPalette();
    this.motion = !prefersReducedMotion();
    drawBackdrop(this, this.palette, { accent: this.accent(), motion: this.motion });
    this.root = mountPanel(this, el('div', { class: 'panel-root' }));
    // Links to views (`data-view`) may come from any panel builder; the scene follows them.
    this.root.addEventListener('click', (event) => {
      const link = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-view]') : null;
      if (link?.dataset.view) this.goTo(link.dataset.view as SceneKey, { returnFocus: link.dataset.focus });
    });
    this.paint(run, true, data?.focus);
    const off = this.store.subscribe((event) => this.onStore(event));
    this.events.once('shutdown', off);
    markSceneReady(this, this.key);
  }

  protected accent(): number {
    return this.palette.orange;
  }

  /**
   * Re-renders this screen with the current run (for local UI state such as a selection),
   * then focuses `focusKey` if given, else whatever had focus.
   */
  protected refresh(focusKey?: string): void {
    const run = this.store.run;
    if (run && !this.leaving) this.paint(run, false, focusKey);
  }

  private onStore(event: StoreEvent): void {
    if (this.leaving) return;
    if (event.type === 'classroom') return;
    if (event.type === 'closed') {
      this.leaving = true;
      this.scene.start(event.next === 'title' ? SceneKey.Title : event.next === 'classroom' ? SceneKey.Classroom : SceneKey.CampaignMap);
      return;
    }
    if (!this.showsPhase(event.run.step.phase)) {
      this.leaving = true;
      this.scene.start(sceneForPhase(event.run.step.phase));
      return;
    }
    this.paint(event.run, false);
  }

  /**
   * Works the stage out from the run (every run screen does, so the stage's memory follows the
   * whole run), and draws it on the screens that show it.
   */
  private showStage(run: RunView): void {
    const { state, events } = advanceStage(run);
    if (!STAGE_SCENES.has(this.key)) return;
    const top = insertStageBand(this.root, stageBand(state, events));
    if (top === null) return;
    this.stage ??= new StageView(this, this.palette, top, this.motion);
    this.stage.show(state, events);
  }

  private faultPanel(run: RunView, message: string): HTMLElement {
    const back = el('button', { type: 'button', class: 'btn btn--primary' }, 'Back to the campaign map');
    back.addEventListener('click', this.leave);
    const exportButton = el('button', { type: 'button', class: 'btn btn--secondary' }, 'Download the save');
    exportButton.addEventListener('click', () => {
      const file = this.store.exportSave(run.scenario.scenario.id, this.store.runSlot);
      if (file) downloadText(file.fileName, file.text);
    });
    return el(
      'section',
      { class: 'screen screen--fault', 'aria-labelledby': 'screen-title' },
      el('div', { class: 'hud' }),
      el(
        'div',
        { class: 'screen__body screen__body--single' },
        el(
          'div',
          { class: 'pane pane--main' },
          el('h1', { id: 'screen-title', class: 'screen__title', tabindex: '-1' }, 'This screen could not be shown'),
          el('p', { class: 'notice notice--error', role: 'alert' }, `The simulation reported a problem: ${message}. Your game is saved up to your last accepted choice.`),
          el('div', { class: 'row-actions' }, back, exportButton),
        ),
      ),
    );
  }

  private paint(run: RunView, first: boolean, focusOverride?: string): void {
    const focusKey = focusOverride ?? focusKeyIn(this.root);
    const scrolls = new Map<string, number>();
    for (const node of this.root.querySelectorAll<HTMLElement>('[data-scroll]')) scrolls.set(node.dataset.scroll!, node.scrollTop);
    for (const dialog of this.root.querySelectorAll('dialog')) dialog.close();

    try {
      if (run.fault) throw new Error(run.fault);
      this.root.replaceChildren(this.render(run));
      this.showStage(run);
      for (const node of this.root.querySelectorAll<HTMLElement>('[data-scroll]')) node.scrollTop = scrolls.get(node.dataset.scroll!) ?? 0;
      for (const object of this.art) object.destroy();
      this.art = this.drawArt(run);
      this.afterRender(run);
    } catch (e) {
      // A screen that cannot be drawn (a bug, or an engine change the screen does not know)
      // says so and keeps the way out open; the game is saved up to the last accepted choice.
      this.root.replaceChildren(this.faultPanel(run, e instanceof Error ? e.message : String(e)));
      focusHeading(this.root);
      return;
    }
    if (this.root.querySelector('dialog[open]')) return;
    if (first && !focusOverride) focusHeading(this.root);
    else restoreFocus(this.root, focusKey, this.focusFallbacks(run));
  }
}
