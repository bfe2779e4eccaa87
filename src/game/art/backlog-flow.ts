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
export function drawBacklogFlow(scene: Phaser.Scene, palette: Palette, options: BacklogFlowOptions): Phaser.GameObjects.Container {
  const stripes = [palette.sky, palette.orange, palette.green, palette.purple, palette.yellow];
  const period = stripes.length * spacing;
  const lane = scene.add.container(-period, options.y).setAlpha(0.55);
  const count = Math.ceil((options.width + period) / spacing) + 1;

  for (let i = 0; i < count; i += 1) {
    // A gentle wave instead of a straight row; index-based, so every load looks the same.
    const lift = Math.sin(i * 1.3) * 5;
    lane.add(makeCard(scene, palette, i * spacing + spacing / 2, lift, stripes[i % stripes.length] ?? palette.sky));
  }

  if (options.motion) {
    scene.tweens.add({ targets: lane, x: 0, duration: 40_000, repeat: -1 });
  }
  return lane;
}

function makeCard(scene: Phaser.Scene, palette: Palette, x: number, y: number, stripe: number): Phaser.GameObjects.Container {
  const card = scene.add.container(x, y);
  const left = -cardWidth / 2;
  card.add([
    scene.add.rectangle(0, 0, cardWidth, cardHeight, palette.navyLight, 1).setRounded(10),
    scene.add.rectangle(left + 5, 0, 6, cardHeight - 16, stripe, 1).setRounded(3),
    scene.add.rectangle(left + 20, -8, 84, 7, palette.text, 0.5).setOrigin(0, 0.5).setRounded(4),
    scene.add.rectangle(left + 20, 8, 56, 7, palette.text, 0.28).setOrigin(0, 0.5).setRounded(4),
  ]);
  return card;
}
