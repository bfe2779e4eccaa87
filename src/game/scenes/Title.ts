import Phaser from '../phaser';
import { drawBacklogFlow } from '../art/backlog-flow';
import { drawSprintRing } from '../art/sprint-ring';
import { TextureKey } from '../assets';
import { mountPanel } from '../dom/overlay';
import { prefersReducedMotion } from '../motion';
import { buildTitlePanel } from '../panels/TitlePanel';
import { markSceneReady } from '../ready';
import { readPalette } from '../theme/palette';
import { SceneKey } from './keys';

/** Where the logo sits; TitlePanel.css leaves this band free above the name. */
const logo = { x: 640, y: 158, size: 144 };

/** The title screen: canvas art (logo, Sprint ring, backlog lane) under a DOM panel. */
export class Title extends Phaser.Scene {
  constructor() {
    super(SceneKey.Title);
  }

  create(): void {
    const palette = readPalette();
    const motion = !prefersReducedMotion();
    const { width } = this.scale;

    drawBacklogFlow(this, palette, { y: 636, width, motion });
    drawSprintRing(this, palette, { x: logo.x, y: logo.y, radius: 106, sprints: 10, current: 3, motion });
    const image = this.add.image(logo.x, logo.y, TextureKey.Logo).setDisplaySize(logo.size, logo.size);
    if (motion) {
      const scale = image.scaleX;
      image.setScale(scale * 0.85).setAlpha(0);
      this.tweens.add({ targets: image, scale, alpha: 1, duration: 520, ease: 'Back.easeOut' });
    }

    mountPanel(this, buildTitlePanel(() => this.play()));
    markSceneReady(this, SceneKey.Title);
  }

  /**
   * No scene follows the title yet: Play says so with a DOM event that main.ts (or a test) can
   * listen to. When the first game scene exists, start it here instead.
   */
  private play(): void {
    window.dispatchEvent(new CustomEvent('sprintwise:play'));
  }
}
