import Phaser from '../phaser';
import { drawBacklogFlow } from '../art/backlog-flow';
import { drawSprintRing } from '../art/sprint-ring';
import { TextureKey } from '../assets';
import { el } from '../dom/el';
import { mountPanel } from '../dom/overlay';
import { prefersReducedMotion } from '../motion';
import { buildTitlePanel, type TitleNotice, type TitleOptions } from '../panels/TitlePanel';
import { setLayout } from '../layout';
import { markSceneReady } from '../ready';
import { phaseName } from '../router';
import { lastPlayed, type SaveSlot } from '../save/storage';
import { addressHasLink, clearLinkFromAddress } from '../replay/link-intent';
import { clearDashboardParam, openedFromDashboard } from '../replay/from-dashboard';
import { classActiveInTab, joinCodeFromUrl, readClass } from '../classroom/saved';
import { readPalette } from '../theme/palette';
import { openSettings } from '../ui/settings-dialog';
import { SceneKey } from './keys';

/** Where the logo sits; TitlePanel.css leaves this band free above the name. */
const logo = { x: 640, y: 136, size: 128 };
/** The lane of backlog cards, low enough to stay clear of the class buttons (TitlePanel.css). */
const LANE_Y = 652;

type PlayModule = typeof import('../play');
let playModule: Promise<PlayModule> | null = null;

/** The engine, the scenarios and the run screens load on demand: the title paints without them. */
function loadPlay(): Promise<PlayModule> {
  return (playModule ??= import('../play'));
}

/** Once per page load: a tab that was playing a class goes back in; a join link opens the form. */
let autoOpened = false;

/** The title screen: canvas art (logo, Sprint ring, backlog lane) under a DOM panel. */
export class Title extends Phaser.Scene {
  private panel: HTMLElement | null = null;
  private busy = false;

  constructor() {
    super(SceneKey.Title);
  }

  create(data?: { problem?: string; notice?: TitleNotice }): void {
    setLayout('centred');
    const palette = readPalette();
    const motion = !prefersReducedMotion();
    const { width } = this.scale;
    this.busy = false;

    drawBacklogFlow(this, palette, { y: LANE_Y, width, motion });
    drawSprintRing(this, palette, { x: logo.x, y: logo.y, radius: 96, sprints: 10, current: 3, motion });
    const image = this.add.image(logo.x, logo.y, TextureKey.Logo).setDisplaySize(logo.size, logo.size);
    if (motion) {
      const scale = image.scaleX;
      image.setScale(scale * 0.85).setAlpha(0);
      this.tweens.add({ targets: image, scale, alpha: 1, duration: 520, ease: 'Back.easeOut' });
    }

    this.panel = mountPanel(this, el('div', { class: 'panel-root' }, buildTitlePanel(this.options(data?.problem, data?.notice))));
    markSceneReady(this, SceneKey.Title);
    // Fetch the rest of the game while the player reads the title.
    if (!autoOpened && !data?.problem) {
      autoOpened = true;
      // A packaged course (scripts/package): the learning platform's code loads only then.
      if (new URLSearchParams(location.search).has('lms')) void this.openLms();
      else if (openedFromDashboard(location.href)) void this.openFromDashboard();
      else if (classActiveInTab()) void this.start(undefined, { resume: true });
      else if (addressHasLink(location.href)) void this.followLink();
      else if (joinCodeFromUrl()) void this.start(undefined, { resume: false, code: joinCodeFromUrl() ?? '' });
    }
    const idle = window.requestIdleCallback ?? ((fn: () => void) => window.setTimeout(fn, 300));
    idle(() => void loadPlay().catch(() => undefined));
  }

  private options(problem?: string, notice?: TitleNotice): TitleOptions {
    const options: TitleOptions = { onPlay: () => void this.start(), onSettings: openSettings, onJoin: () => void this.start(undefined, { resume: false, code: joinCodeFromUrl() ?? '' }) };
    const inClass = readClass();
    if (inClass) options.classroom = { detail: `${inClass.classTitle || 'Your class'} · as ${inClass.name}`, onContinue: () => void this.start(undefined, { resume: true }) };
    const last = lastPlayed();
    if (last?.status === 'corrupt') {
      options.problem = `It is kept unchanged, and your other saves are not affected: open Campaigns to download or discard it. (${last.message})`;
    } else if (last?.status === 'ok') {
      const s = last.save.summary;
      const where = !s ? 'imported game' : s.done ? 'finished: view the debrief' : s.sprint > 0 ? `Sprint ${s.sprint} of ${s.sprints}, ${phaseName(s.phase)}` : phaseName(s.phase);
      const what = `${s?.scenarioTitle ?? last.scenarioId}${last.slot === 'branch' ? ' (your branch)' : ''}`;
      options.resume = { detail: `${what} · ${where}`, onContinue: () => void this.start(last.scenarioId, undefined, last.slot) };
    }
    if (problem) options.problem = problem;
    if (notice) options.notice = notice;
    return options;
  }

  /**
   * Follows the challenge or replay link the game was opened with (src/game/replay/follow-link.ts),
   * then takes it out of the address so a reload does not follow it again. What went wrong, or a
   * challenge the player chose not to start, is said on this screen; the game works as usual.
   */
  private followLink(): Promise<void> {
    return this.withPlay(async (play) => {
      const outcome = await play.followLink(location.href);
      clearLinkFromAddress();
      // A challenge the player declined leaves them here, free to press Play.
      this.idle();
      if (outcome.kind === 'go') this.scene.start(outcome.scene);
      else if (outcome.notice) this.scene.restart({ notice: outcome.notice });
    });
  }

  /** Shows the learner's run the class dashboard sends in the replay viewer, or says why it cannot. */
  private openFromDashboard(): Promise<void> {
    return this.withPlay(async (play) => {
      const outcome = await play.openFromDashboard();
      clearDashboardParam();
      this.idle();
      if (outcome.kind === 'go') this.scene.start(outcome.scene);
      else if (outcome.notice) this.scene.restart({ notice: outcome.notice });
    });
  }

  /**
   * Connects to the learning platform the game was launched from (src/lms/launch.ts) and opens
   * the packaged scenario; when it cannot connect, says why here and the game plays as usual.
   */
  private openLms(): Promise<void> {
    return this.withPlay(async (play) => {
      const { launchInLms } = await import('../../lms/launch');
      const outcome = await launchInLms(play.installPlay(this.game));
      this.idle();
      if (outcome.kind === 'go') this.scene.start(outcome.scene);
      else this.scene.restart({ notice: outcome.notice });
    });
  }

  /** Loads the rest of the game, then opens the campaign map or continues `scenarioId`. */
  private start(scenarioId?: string, classroom?: { resume: boolean; code?: string }, slot: SaveSlot = 'main'): Promise<void> {
    return this.withPlay((play) => {
      if (classroom) {
        const next = play.openClassroom(this.game, classroom);
        this.scene.start(next.scene, next.data);
        return;
      }
      if (!scenarioId) {
        this.scene.start(SceneKey.CampaignMap);
        return;
      }
      const next = play.continueLast(scenarioId, slot);
      if (next.error) this.scene.restart({ problem: next.error });
      else this.scene.start(next.scene);
    });
  }

  /**
   * Loads and installs the rest of the game, then hands it to `go`. One at a time: a second
   * press while loading (or leaving) does nothing. A failed load is said on this screen.
   */
  private async withPlay(go: (play: PlayModule) => void | Promise<void>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.panel?.setAttribute('aria-busy', 'true');
    try {
      const play = await loadPlay();
      play.installPlay(this.game);
      await go(play);
    } catch {
      this.idle();
      this.scene.restart({ problem: 'The game could not load the rest of its files. Check the connection and try again.' });
    }
  }

  private idle(): void {
    this.busy = false;
    this.panel?.removeAttribute('aria-busy');
  }
}
