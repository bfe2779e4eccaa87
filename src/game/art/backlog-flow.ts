import type Phaser from 'phaser';
import type { Palette } from '../theme/palette';

export interface BacklogFlowOptions {
  /** Vertical centre of the lane, in game units. */
  y: number;
  width: number;
  motion: boolean;
}

const cardWidth = 128;
const cardHeight = 50;
const spacing = 164;

/**
 * A lane of backlog cards drifting left to right along the bottom of the screen: work flowing
 * through Sprints. The stripe colours repeat every `stripes.length` cards, and the lane moves
 * by exactly one repeat before looping, so the loop has no visible jump.
 */
export function drawBacklogFlow(scene: Phaser.Scene, palette: Palette, options: BacklogFlowOptions): Phaser.GameObjects.Graphics {
  const stripes = [palette.sky, palette.orange, palette.green, palette.purple, palette.yellow];
  const period = stripes.length * spacing;
  // One Graphics for the whole lane, not four shapes in a container per card: the title has one
  // object to draw and no per-shape rounded paths to build while it loads.
  const lane = scene.add.graphics({ x: -period, y: options.y }).setAlpha(0.55);
  const count = Math.ceil((options.width + period) / spacing) + 1;

  for (let i = 0; i < count; i += 1) {
    // A gentle wave instead of a straight row; index-based, so every load looks the same.
    const lift = Math.sin(i * 1.3) * 5;
    drawCard(lane, palette, i * spacing + spacing / 2, lift, stripes[i % stripes.length] ?? palette.sky);
  }

  if (options.motion) {
    // Two passes while the title waits, then the lane rests (the pattern repeats, so no jump) and the loop sleeps.
    scene.tweens.add({ targets: lane, x: 0, duration: 40_000, repeat: 1 });
  }
  return lane;
}

/** A card centred on (x, y): its body, a type stripe and two lines of "text". */
function drawCard(g: Phaser.GameObjects.Graphics, palette: Palette, x: number, y: number, stripe: number): void {
  const left = x - cardWidth / 2;
  g.fillStyle(palette.navyLight, 1);
  g.fillRoundedRect(left, y - cardHeight / 2, cardWidth, cardHeight, 10);
  g.fillStyle(stripe, 1);
  g.fillRoundedRect(left + 2, y - (cardHeight - 16) / 2, 6, cardHeight - 16, 3);
  g.fillStyle(palette.text, 0.5);
  g.fillRoundedRect(left + 20, y - 8 - 3.5, 84, 7, 3.5);
  g.fillStyle(palette.text, 0.28);
  g.fillRoundedRect(left + 20, y + 8 - 3.5, 56, 7, 3.5);
}
