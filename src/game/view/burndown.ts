import type { Observation } from '../../engine';

/** One point of a Sprint burndown: estimated points not yet finished at the end of `day`. */
export interface BurndownPoint {
  day: number;
  remaining: number;
}

/** A Sprint's burndown as the board shows it: built only from what the player can see. */
export interface SprintTrack {
  sprint: number;
  /** Estimated points taken into the Sprint. */
  total: number;
  points: BurndownPoint[];
  /** Days on which something happened that needed the PO. */
  eventDays: number[];
}

/** Points of the Sprint Backlog still open, by the Developers' visible estimates. */
export function openPoints(observation: Observation): number {
  return observation.sprintBacklog.filter((i) => i.status === 'sprint').reduce((sum, i) => sum + i.estimate, 0);
}

export function committedPoints(observation: Observation): number {
  return observation.sprintBacklog.reduce((sum, i) => sum + i.estimate, 0);
}

/** A short sentence that says what the burndown chart shows. */
export function burndownSummary(track: SprintTrack, days: number): string {
  const last = track.points[track.points.length - 1];
  if (!last) return `The Sprint has ${track.total} points of work and no days played yet.`;
  const ideal = Math.round((track.total * (1 - last.day / days)) * 10) / 10;
  const where = last.remaining <= ideal ? 'on or ahead of' : 'behind';
  const dayText = last.day === 0 ? 'At the start of the Sprint' : `After day ${last.day} of ${days}`;
  const r = (n: number) => Math.round(n * 10) / 10;
  return `${dayText}, ${r(last.remaining)} of ${r(track.total)} points are still open; a straight line to zero would have ${ideal} open, so the Sprint is ${where} that line.`;
}
