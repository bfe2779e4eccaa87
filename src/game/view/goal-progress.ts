import type { Observation } from '../../engine';
import { count, percent } from '../../words';

/** The Product Goal meter of the top bar: released work that moved the goal, against all the work. */
export interface GoalMeter {
  goal: string;
  /** "12 of 40 points", or "no measure". */
  value: string;
  /** 0..1; null when the goal has no measure and nobody can say how close it is. */
  share: number | null;
  /** The whole meter in words, for assistive technology and the tooltip. */
  text: string;
}

export function goalMeter(progress: Observation['productGoalProgress']): GoalMeter | null {
  if (!progress) return null;
  if (!progress.measurable)
    return { goal: progress.goal, value: 'no measure', share: null, text: `Product Goal "${progress.goal}": it has no measure, so nobody can say how close the product is.` };
  const share = progress.total > 0 ? Math.min(1, progress.released / progress.total) : 0;
  const value = `${progress.released} of ${count(progress.total, 'point')}`;
  return {
    goal: progress.goal,
    value,
    share,
    text: `Product Goal "${progress.goal}": released work has moved it ${value} (${percent(share)}).`,
  };
}
