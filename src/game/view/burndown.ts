import type { Observation } from '../../engine';

/** One day of a Sprint burndown: estimated points not Done, and points in the Sprint Backlog, at the end of `day`. */
export interface BurndownPoint {
  day: number;
  remaining: number;
  scope: number;
}

/** A Sprint's burndown as the board shows it: built only from what the player can see. */
export interface SprintTrack {
  sprint: number;
  /** Estimated points in the Sprint Backlog when the Sprint started. */
  start: number;
  /** Day 0 (the start), then the engine's figures at the end of each day played. */
  points: BurndownPoint[];
  /** Days on which something happened that needed the PO. */
  eventDays: number[];
}

/** What the shell remembers of a Sprint beside the observation: its size at the start and its event days. */
export interface SprintMarks {
  start: number;
  eventDays: number[];
}

/** Points of the Sprint Backlog not Done yet, by the Developers' visible estimates. */
export function openPoints(observation: Observation): number {
  return observation.sprintBacklog.filter((i) => i.status !== 'done').reduce((sum, i) => sum + i.estimate, 0);
}

export function committedPoints(observation: Observation): number {
  return observation.sprintBacklog.reduce((sum, i) => sum + i.estimate, 0);
}

/**
 * The current Sprint's burndown, read from the observation: the engine's points not Done and
 * points in the Sprint Backlog at the end of each day. `marks` holds the size at the start (the
 * Sprint Backlog grows when the Developers pull work in) and the event days, when the shell saw them.
 */
export function trackOf(o: Observation, marks: SprintMarks | null): SprintTrack | null {
  const sprint = o.currentSprint;
  if (!sprint || sprint.committed.length === 0) return null;
  const start = marks?.start ?? sprint.scope[0] ?? committedPoints(o);
  const points: BurndownPoint[] = [{ day: 0, remaining: start, scope: start }];
  sprint.burndown.forEach((remaining, i) => points.push({ day: i + 1, remaining, scope: sprint.scope[i] ?? Math.max(remaining, start) }));
  return { sprint: o.sprint, start, points, eventDays: [...(marks?.eventDays ?? [])] };
}

/** The largest figure the chart must show: no line may leave its scale. */
export function burndownMax(track: SprintTrack): number {
  return Math.max(1, track.start, ...track.points.map((p) => Math.max(p.remaining, p.scope)));
}

const r = (n: number) => Math.round(n * 10) / 10;
const pts = (n: number) => `${r(n)} ${r(n) === 1 ? 'point' : 'points'}`;

/** A short sentence that says what the burndown chart shows. */
export function burndownSummary(track: SprintTrack, days: number): string {
  const last = track.points[track.points.length - 1];
  if (!last || last.day === 0) return `The Sprint starts with ${pts(track.start)} in the Sprint Backlog; no day has been played yet.`;
  const ideal = r(Math.max(0, track.start * (1 - last.day / days)));
  const grew = last.scope > track.start;
  const state =
    last.remaining <= 0
      ? r(last.scope) === 1
        ? 'the 1 point in the Sprint Backlog is Done'
        : `all ${pts(last.scope)} in the Sprint Backlog are Done`
      : `${r(last.remaining)} of the ${pts(last.scope)} in the Sprint Backlog ${r(last.remaining) === 1 ? 'is' : 'are'} not Done yet`;
  const pulled = grew ? ` The Developers pulled ${r(last.scope - track.start)} more ${r(last.scope - track.start) === 1 ? 'point' : 'points'} into the Sprint; it started with ${pts(track.start)}.` : '';
  const line = grew
    ? ` A straight line from the start to zero would have ${ideal} open now; it counts only the work planned at the start.`
    : ` A straight line to zero would have ${ideal} open now, so the Sprint is ${last.remaining <= ideal ? 'on or ahead of' : 'behind'} that line.`;
  return `After day ${last.day} of ${days}, ${state}.${pulled}${line}`;
}
