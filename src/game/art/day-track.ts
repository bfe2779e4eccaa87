import type Phaser from 'phaser';
import type { Palette } from '../theme/palette';

export interface DayTrackOptions {
  x: number;
  y: number;
  width: number;
  days: number;
  /** Days finished (0 before day 1). */
  day: number;
  eventDays: readonly number[];
  motion: boolean;
}

/**
 * The Sprint's days as stations on a line: finished days filled, today ringed, days on which
 * an event needed the PO marked with a diamond. The DOM beside it says the same in words.
 */
export function drawDayTrack(scene: Phaser.Scene, palette: Palette, options: DayTrackOptions): Phaser.GameObjects.Container {
  const { x, y, width, days, day } = options;
  const track = scene.add.container(x, y);
  const g = scene.add.graphics();
  track.add(g);
  const step = days > 1 ? width / (days - 1) : 0;
  const at = (d: number) => (d - 1) * step;

  g.lineStyle(6, palette.navyLight, 1);
  g.lineBetween(0, 0, width, 0);
  if (day > 1) {
    g.lineStyle(6, palette.sky, 1);
    g.lineBetween(0, 0, at(Math.min(day, days)), 0);
  }
  for (let d = 1; d <= days; d++) {
    const cx = at(d);
    if (d <= day) {
      g.fillStyle(palette.sky, 1);
      g.fillCircle(cx, 0, 13);
      g.lineStyle(3, palette.ink, 1);
      g.lineBetween(cx - 5, 0, cx - 1, 5);
      g.lineBetween(cx - 1, 5, cx + 6, -5);
    } else {
      g.fillStyle(palette.navy, 1);
      g.fillCircle(cx, 0, 13);
      g.lineStyle(3, d === day + 1 ? palette.orange : palette.navyLight, 1);
      g.strokeCircle(cx, 0, 13);
    }
    if (options.eventDays.includes(d)) {
      g.fillStyle(palette.yellow, 1);
      g.fillTriangle(cx - 7, -26, cx, -33, cx + 7, -26);
      g.fillTriangle(cx - 7, -26, cx, -19, cx + 7, -26);
    }
  }
  if (day < days) {
    const halo = scene.add.graphics();
    halo.lineStyle(3, palette.orange, 0.6);
    halo.strokeCircle(0, 0, 19);
    halo.setPosition(at(day + 1), 0);
    track.add(halo);
    // A few pulses draw the eye to the next day, then it rests (the loop may sleep).
    if (options.motion) scene.tweens.add({ targets: halo, scale: 1.25, alpha: 0.2, duration: 900, yoyo: true, repeat: 3, ease: 'Sine.easeInOut' });
  }
  return track;
}
