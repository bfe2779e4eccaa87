/**
 * Was the Product Goal met? The engine measures a Product Goal by the points of released work that
 * moved it, out of all the work still planned or released. The debrief calls it met when at least
 * half of that work reached users and moved it: then most of what the Scrum Team set out to do
 * toward the goal is in users' hands. A goal without a measure can be neither met nor missed.
 */
import { count, percent } from '../words';

/** Share of the Product Backlog's points, released and moving the goal, at which the goal counts as met. */
export const GOAL_MET_SHARE = 0.5;

/** The engine's measure of the Product Goal (the observation's `productGoalProgress`). */
export interface GoalProgress {
  readonly goal: string;
  readonly measurable: boolean;
  readonly released: number;
  readonly total: number;
}

export type GoalVerdictKind = 'met' | 'notMet' | 'unknown' | 'none';

export interface GoalVerdict {
  readonly kind: GoalVerdictKind;
  /** A short verdict: "Product Goal met". */
  readonly headline: string;
  /** The goal and the measure behind the verdict, in a sentence or two. */
  readonly detail: string;
  /** Share of the points released toward the goal, 0..1; null when it cannot be measured. */
  readonly share: number | null;
}

export function productGoalVerdict(progress: GoalProgress | null): GoalVerdict {
  if (progress === null) return { kind: 'none', headline: 'No Product Goal', detail: 'No Product Goal was chosen, so no Sprint had a long-term objective to step toward.', share: null };
  if (!progress.measurable)
    return {
      kind: 'unknown',
      headline: 'Product Goal: nobody can tell',
      detail: `"${progress.goal}" has no measure, so nobody could say whether the product came closer to it.`,
      share: null,
    };
  const share = progress.total > 0 ? progress.released / progress.total : 0;
  const met = share >= GOAL_MET_SHARE;
  return {
    kind: met ? 'met' : 'notMet',
    headline: met ? 'Product Goal met' : 'Product Goal not met',
    detail: `"${progress.goal}": ${progress.released} of ${count(progress.total, 'point')} of work reached users and moved it (${percent(share)}; it counts as met from ${percent(GOAL_MET_SHARE)}).`,
    share,
  };
}
