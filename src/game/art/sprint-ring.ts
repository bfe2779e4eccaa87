import type Phaser from 'phaser';
import type { Palette } from '../theme/palette';

export interface SprintRingOptions {
  x: number;
  y: number;
  radius: number;
  /** How many Sprints the ring shows, and which of them is the current one (0-based). */
  sprints: number;
  current: number;
  motion: boolean;
  /** Line width of the segments (default 7) and whether to draw the faint outer halo (default yes). */
  thickness?: number;
  halo?: boolean;
}

/**
 * A ring of Sprint segments around the logo: done Sprints bright, the current one in the accent
 * colour, the rest faint. Decoration only; it reads no game state.
 */
export function drawSprintRing(scene: Phaser.Scene, palette: Palette, options: SprintRingOptions): Phaser.GameObjects.Graphics {
  const { x, y, radius, sprints, current, motion } = options;
  const thickness = options.thickness ?? 7;
  const ring = scene.add.graphics({ x, y });
  const step = (Math.PI * 2) / sprints;
  const gap = sprints > 1 ? 0.09 : 0;

  for (let i = 0; i < sprints; i += 1) {
    const [colour, alpha] = i < current ? [palette.sky, 0.9] : i === current ? [palette.orange, 1] : [palette.sky, 0.22];
    const start = -Math.PI / 2 + i * step + gap / 2;
    ring.lineStyle(thickness, colour, alpha);
    ring.beginPath();
    ring.arc(0, 0, radius, start, start + step - gap, false);
    ring.strokePath();
  }

  if (options.halo ?? true) {
    ring.lineStyle(2, palette.sky, 0.12);
    ring.strokeCircle(0, 0, radius + 22);
  }

  if (motion) {
    // A quarter turn as the screen opens, easing to rest: the canvas need not redraw forever.
    scene.tweens.add({ targets: ring, angle: 90, duration: 12_000, ease: 'Sine.easeOut' });
  }
  return ring;
}
