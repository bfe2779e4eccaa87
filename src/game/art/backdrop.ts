import type Phaser from 'phaser';
import type { Palette } from '../theme/palette';

export interface BackdropOptions {
  /** The screen's accent colour, for the rule under the top bar: screens feel related, not identical. */
  accent: number;
  motion: boolean;
  /** Height of the band behind the DOM top bar, in game units (default 68). */
  topBand?: number;
}

/**
 * The band behind the top bar and a thin accent rule under it: decoration only, it reads no game
 * state. Only the top of the canvas is used, because in windows taller than 16:9 the canvas ends
 * before the panels do. The rule breathes gently unless motion is reduced.
 */
export function drawBackdrop(scene: Phaser.Scene, palette: Palette, options: BackdropOptions): Phaser.GameObjects.Graphics {
  const { width } = scene.scale;
  const g = scene.add.graphics();
  g.fillStyle(palette.ink, 0.55);
  g.fillRect(0, 0, width, options.topBand ?? 68);
  g.fillStyle(options.accent, 0.9);
  g.fillRect(0, (options.topBand ?? 68) - 3, width, 3);
  // Two breaths as a screen opens, then still: an endless loop would keep the canvas redrawing.
  if (options.motion) scene.tweens.add({ targets: g, alpha: 0.85, duration: 4000, yoyo: true, repeat: 1, ease: 'Sine.easeInOut' });
  return g;
}
