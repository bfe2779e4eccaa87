import Phaser from '../phaser';
import type { LoadedScenario } from '../../scenario';
import { formatProblem } from '../../scenario';
import { drawBackdrop } from '../art/backdrop';
import { announce } from '../dom/announce';
import { el } from '../dom/el';
import { mountPanel } from '../dom/overlay';
import { prefersReducedMotion } from '../motion';
import { setLayout } from '../layout';
import { markSceneReady } from '../ready';
import { phaseName, sceneForPhase } from '../router';
import type { SaveSlot, StoredSave } from '../save/storage';
import { getStore } from '../session-store';
import { play } from '../sound';
import { readPalette } from '../theme/palette';
import { confirmDialog, messageDialog } from '../ui/dialog';
import { downloadText, pickTextFile } from '../ui/download';
import { focusHeading, focusKeyIn, restoreFocus } from '../ui/focus';
import { openKeyboardHelp } from '../ui/menus';
import { page, toolButton } from '../ui/page';
import { openSettings } from '../ui/settings-dialog';
import { openFileInViewer } from '../replay/viewer-source';
import { SceneKey } from './keys';

type ScenarioState = { kind: 'locked'; after: string } | { kind: 'new' } | { kind: 'saved'; save: StoredSave } | { kind: 'finished'; save: StoredSave | null };

/**
 * The campaign map: campaigns and their scenarios in order, each with its lock or progress,
 * Continue / Start / Export, importing a save, settings and the knowledge map.
 */
export class CampaignMap extends Phaser.Scene {
  private readonly store = getStore();
  private root!: HTMLElement;

  constructor() {
    super(SceneKey.CampaignMap);
  }

  create(): void {
    setLayout('top');
    const palette = readPalette();
    drawBackdrop(this, palette, { accent: palette.orange, motion: !prefersReducedMotion() });
    this.root = mountPanel(this, el('div', { class: 'panel-root' }));
    this.paint(true);
    markSceneReady(this, SceneKey.CampaignMap);
  }

  private paint(first = false): void {
    const key = focusKeyIn(this.root);
    this.root.replaceChildren(this.render());
    if (first) focusHeading(this.root);
    else restoreFocus(this.root, key);
  }

  private stateOf(s: LoadedScenario, order: readonly string[], saves: StoredSave[], completed: string[]): ScenarioState {
    const id = s.scenario.id;
    const save = saves.find((x) => x.scenarioId === id) ?? null;
    if (save?.status === 'ok' && save.save.summary?.done) return { kind: 'finished', save };
    if (save) return { kind: 'saved', save };
    if (completed.includes(id)) return { kind: 'finished', save: null };
    const index = order.indexOf(id);
    const before = index > 0 ? order[index - 1] : undefined;
    if (before && !completed.includes(before)) return { kind: 'locked', after: this.store.findScenario(before)?.scenario.title ?? before };
    return { kind: 'new' };
  }

  private render(): HTMLElement {
    const { catalogue } = this.store;
    const saves = this.store.saves();
    const branches = this.store.saves('branch');
    const completed = this.store.completed();
    const corrupt = saves.filter((s): s is Extract<StoredSave, { status: 'corrupt' }> => s.status === 'corrupt');

    const inCampaign = new Set(catalogue.campaigns.flatMap((c) => c.campaign.scenarios));
    const loose = catalogue.scenarios.filter((s) => !inCampaign.has(s.scenario.id));
    const groups = [
      ...catalogue.campaigns.map((c) => ({ id: c.campaign.id, title: c.campaign.title, description: c.campaign.description, scenarios: c.campaign.scenarios.map((id) => this.store.findScenario(id)).filter((s): s is LoadedScenario => !!s), ordered: true })),
      ...(loose.length ? [{ id: 'single', title: 'Single scenarios', description: 'Scenarios outside a campaign, open to play in any order.', scenarios: loose, ordered: false }] : []),
    ];

    const main = [
      ...corrupt.map((c) => this.corruptBanner(c)),
      ...groups.map((g) =>
        el(
          'section',
          { class: 'campaign', 'aria-labelledby': `campaign-${g.id}` },
          el('h2', { class: 'campaign__title', id: `campaign-${g.id}` }, g.title),
          el('p', { class: 'campaign__text' }, g.description),
          el(
            'ol',
            { class: 'scenarios' },
            ...g.scenarios.map((s, i) =>
              this.scenarioCard(s, i, this.stateOf(s, g.ordered ? g.scenarios.map((x) => x.scenario.id) : [], saves, completed), branches.find((b) => b.scenarioId === s.scenario.id) ?? null),
            ),
          ),
        ),
      ),
      groups.length === 0 ? el('p', {}, 'No scenario could be loaded.') : null,
      catalogue.problems.length
        ? el(
            'details',
            { class: 'problems' },
            el('summary', {}, `${catalogue.problems.length} problem${catalogue.problems.length === 1 ? '' : 's'} in scenario files (for scenario authors)`),
            el('ul', {}, ...catalogue.problems.slice(0, 30).map((p) => el('li', {}, el('code', {}, formatProblem(p))))),
          )
        : null,
    ];

    const side = [
      el(
        'section',
        { class: 'block', 'aria-labelledby': 'saves-title' },
        el('h2', { class: 'block__title', id: 'saves-title' }, 'Your progress'),
        el('p', { class: 'block__hint' }, 'Every choice is saved in this browser the moment you make it. Export a save to keep it safe or to play on another device.'),
        el(
          'div',
          { class: 'choice-list' },
          this.sideButton('Knowledge map', 'All 65 learning goals across your runs', () => this.scene.start(SceneKey.KnowledgeMap), 'map:knowledge'),
          this.sideButton('Import a save', 'Open a save or replay file; it is verified first', () => void this.importSave(), 'map:import'),
          this.sideButton('Watch a replay', 'Step through a replay file, choice by choice; it is verified first', () => void this.watchReplay(), 'map:watch'),
        ),
      ),
    ];

    return page({
      key: 'campaign-map',
      title: 'Campaigns',
      lead: 'Pick a scenario. Each one is a few Sprints with a product, its people and its surprises.',
      tools: [
        toolButton('Title', '⌂', () => this.scene.start(SceneKey.Title), 'tool:title'),
        toolButton('Keyboard', '⌨', openKeyboardHelp, 'tool:keys'),
        toolButton('Settings', '⚙', openSettings, 'tool:settings'),
      ],
      main,
      side,
      sideLabel: 'Progress and saves',
    });
  }

  private sideButton(label: string, detail: string, onClick: () => void, key: string): HTMLButtonElement {
    const b = el('button', { type: 'button', class: 'btn btn--choice', 'data-focus': key }, el('span', { class: 'btn__label' }, label), el('span', { class: 'btn__detail' }, detail));
    b.addEventListener('click', onClick);
    return b;
  }

  private corruptBanner(c: Extract<StoredSave, { status: 'corrupt' }>): HTMLElement {
    const title = this.store.findScenario(c.scenarioId)?.scenario.title ?? c.scenarioId;
    const exportButton = el('button', { type: 'button', class: 'btn btn--secondary', 'data-focus': `corrupt:export:${c.scenarioId}` }, 'Download the damaged save');
    exportButton.addEventListener('click', () => downloadText(`sprintwise-${c.scenarioId}-damaged-save.json`, c.raw));
    const discard = el('button', { type: 'button', class: 'btn btn--quiet', 'data-focus': `corrupt:discard:${c.scenarioId}` }, 'Discard it');
    discard.addEventListener('click', async () => {
      if (await confirmDialog('Discard the damaged save?', [`The saved game for “${title}” cannot be read and will be deleted. Download it first if you want to keep it.`], 'Discard')) {
        this.store.discardSave(c.scenarioId);
        this.paint();
      }
    });
    return el(
      'div',
      { class: 'notice notice--error save-error', role: 'alert' },
      el('p', {}, el('strong', {}, `Your saved game for “${title}” could not be read. `), `${c.message}. Your other saves are not affected.`),
      el('div', { class: 'row-actions' }, exportButton, discard),
    );
  }

  /** A saved branch of the scenario (a run taken over in the replay viewer): continue, export or discard it. */
  private branchLine(s: LoadedScenario, branch: StoredSave): HTMLElement {
    const id = s.scenario.id;
    const ok = branch.status === 'ok';
    const pill = ok
      ? el('span', { class: 'pill pill--progress' }, el('span', { 'aria-hidden': 'true' }, '↳ '), `Your branch: ${progressText(branch).replace(/^In progress: /, '')}`)
      : el('span', { class: 'pill pill--error' }, el('span', { 'aria-hidden': 'true' }, '⚠ '), `Your branch is damaged: ${branch.message}`);
    const discard = this.cardButton('Discard the branch', 'quiet', async () => {
      if (await confirmDialog('Discard the branch?', [`Your branch of “${s.scenario.title}” will be deleted. The scenario’s own saved game is not touched.`], 'Discard')) {
        this.store.discardSave(id, 'branch');
        this.paint();
      }
    }, `scenario:branch-discard:${id}`);
    return el(
      'div',
      { class: 'scenario__branch' },
      pill,
      el(
        'div',
        { class: 'row-actions' },
        ok ? this.cardButton(branch.save.summary?.done ? 'The branch’s debrief' : 'Continue the branch', 'secondary', () => this.resume(id, 'branch'), `scenario:branch-continue:${id}`) : null,
        this.cardButton('Export the branch', 'quiet', () => this.exportSave(id, 'branch'), `scenario:branch-export:${id}`),
        discard,
      ),
    );
  }

  private scenarioCard(s: LoadedScenario, index: number, state: ScenarioState, branch: StoredSave | null): HTMLElement {
    const id = s.scenario.id;
    const status =
      state.kind === 'locked'
        ? el('span', { class: 'pill pill--locked' }, el('span', { 'aria-hidden': 'true' }, '⊘ '), `Locked: finish “${state.after}” first`)
        : state.kind === 'new'
          ? el('span', { class: 'pill pill--new' }, el('span', { 'aria-hidden': 'true' }, '★ '), 'Not started')
          : state.kind === 'finished'
            ? el('span', { class: 'pill pill--done' }, el('span', { 'aria-hidden': 'true' }, '✓ '), 'Finished')
            : state.save.status === 'ok'
              ? el('span', { class: 'pill pill--progress' }, el('span', { 'aria-hidden': 'true' }, '▶ '), progressText(state.save))
              : el('span', { class: 'pill pill--error' }, el('span', { 'aria-hidden': 'true' }, '⚠ '), 'Saved game damaged');

    const buttons: HTMLElement[] = [];
    const save = state.kind === 'saved' || state.kind === 'finished' ? state.save : null;
    if (save?.status === 'ok') buttons.push(this.cardButton(save.save.summary?.done ? 'View the debrief' : 'Continue', 'primary', () => this.resume(id), `scenario:continue:${id}`));
    if (state.kind !== 'locked') {
      const label = state.kind === 'new' ? 'Start' : 'Start a new run';
      buttons.push(this.cardButton(label, state.kind === 'new' ? 'primary' : 'secondary', () => void this.startNew(s, save), `scenario:start:${id}`));
    }
    if (save) buttons.push(this.cardButton('Export save', 'quiet', () => this.exportSave(id), `scenario:export:${id}`));

    return el(
      'li',
      { class: `scenario scenario--${state.kind}` },
      el('span', { class: 'scenario__number', 'aria-hidden': 'true' }, String(index + 1)),
      el(
        'div',
        { class: 'scenario__body' },
        el('h3', { class: 'scenario__title' }, s.scenario.title),
        status,
        el('p', { class: 'scenario__summary' }, s.scenario.summary),
        el('p', { class: 'scenario__meta' }, `${s.scenario.sprints} Sprints · ${s.scenario.product.name}`),
        el('div', { class: 'row-actions' }, ...buttons),
        branch ? this.branchLine(s, branch) : null,
      ),
    );
  }

  private cardButton(label: string, variant: string, onClick: () => void, key: string): HTMLButtonElement {
    const b = el('button', { type: 'button', class: `btn btn--${variant}`, 'data-focus': key }, label);
    b.addEventListener('click', onClick);
    return b;
  }

  private resume(scenarioId: string, slot: SaveSlot = 'main'): void {
    const opened = this.store.resume(scenarioId, slot);
    if (!opened.ok) {
      play('error');
      void messageDialog('This game cannot be continued', [opened.message]).then(() => this.paint());
      return;
    }
    this.scene.start(sceneForPhase(opened.run.step.phase));
  }

  private async startNew(s: LoadedScenario, save: StoredSave | null): Promise<void> {
    if (save) {
      const what = save.status === 'ok' ? progressText(save) : 'a damaged save';
      const yes = await confirmDialog(
        'Start a new run?',
        [`You have a saved game of “${s.scenario.title}” (${what}). A new run replaces it. Export it first if you want to keep it.`],
        'Start a new run',
      );
      if (!yes) return;
    }
    const opened = this.store.start(s.scenario.id);
    if (!opened.ok) {
      void messageDialog('The scenario cannot start', [opened.message]);
      return;
    }
    play('confirm');
    this.scene.start(sceneForPhase(opened.run.step.phase));
  }

  private exportSave(scenarioId: string, slot: SaveSlot = 'main'): void {
    const file = this.store.exportSave(scenarioId, slot);
    if (file) {
      downloadText(file.fileName, file.text);
      announce('Save downloaded.');
    }
  }

  private async importSave(): Promise<void> {
    const file = await pickTextFile();
    if (!file) return;
    const check = this.store.checkImport(file.text);
    if (!check.ok) {
      play('error');
      await messageDialog('This file cannot be imported', [check.message, 'Nothing was changed.']);
      return;
    }
    if (check.replaces) {
      const what = check.slot === 'branch' ? ['Replace your saved branch?', 'a verified branch', 'the branch you have saved'] : ['Replace your saved game?', 'a verified game', 'the game you have saved'];
      const yes = await confirmDialog(what[0]!, [`“${file.name}” is ${what[1]} of “${check.scenario.scenario.title}” (${check.steps} choices). It will replace ${what[2]} for that scenario.`], 'Replace and open');
      if (!yes) return;
    }
    const opened = this.store.applyImport(check);
    if (!opened.ok) {
      await messageDialog('This file cannot be imported', [opened.message]);
      return;
    }
    announce(`Imported a game of ${check.scenario.scenario.title}.`);
    this.scene.start(sceneForPhase(opened.run.step.phase));
  }

  /** Opens a replay file (or a save) in the viewer, after the same verification as the CLI's; a refused file changes nothing. */
  private async watchReplay(): Promise<void> {
    const file = await pickTextFile();
    if (!file) return;
    const opened = openFileInViewer(this.store, file.text, file.name, 'map');
    if (!opened.ok) {
      play('error');
      await messageDialog('This replay cannot be shown', [opened.reason, 'Nothing was changed.']);
      return;
    }
    announce(`Replay of ${opened.viewer.scenario.scenario.title} opened.`);
    this.scene.start(SceneKey.ReplayViewer);
  }
}

function progressText(save: Extract<StoredSave, { status: 'ok' }>): string {
  const s = save.save.summary;
  if (!s) return 'In progress';
  if (s.done) return 'Finished';
  if (s.sprint === 0) return `In progress: ${phaseName(s.phase)}`;
  return `In progress: Sprint ${s.sprint} of ${s.sprints}, ${phaseName(s.phase)}`;
}
