/**
 * Why a goal is only partly shown (or missed): too little to go on, or decisions that disagree.
 * A learner who made one sound decision should read "judged once", not a verdict on their skill.
 */
import type { Debrief } from './debrief';
import { PRIOR_ALPHA, SHOWN_THRESHOLD, type GoalMastery } from './mastery';
import { count } from '../words';

export type PartlyReasonKind = 'once' | 'few' | 'mixed' | 'weak';

export interface PartlyReason {
  readonly kind: PartlyReasonKind;
  /** A short label: "Judged once". */
  readonly label: string;
  /** One sentence saying what it means and what would change it. */
  readonly text: string;
}

const ONCE_SOUND: PartlyReason = {
  kind: 'once',
  label: 'Judged once',
  text: 'Only one decision to go on, and it was sound: one more sound decision on this goal will confirm it.',
};
const ONCE_WEAK: PartlyReason = {
  kind: 'once',
  label: 'Judged once',
  text: 'Only one decision to go on, and it was not fully sound.',
};

function few(n: number): PartlyReason {
  return { kind: 'few', label: 'Too few to be sure', text: `Sound each time, but ${count(n, 'decision')} ${n === 1 ? 'is' : 'are'} not yet enough to be sure.` };
}

/** Why `goalId` is not shown in this run's debrief, from its decisions' scores. */
export function partlyReason(debrief: Pick<Debrief, 'decisions'>, goalId: string): PartlyReason {
  const scores = debrief.decisions.flatMap((d) => d.goals.filter((g) => g.goalId === goalId && g.weight > 0).map((g) => g.score));
  const strong = scores.filter((s) => s >= SHOWN_THRESHOLD).length;
  const weak = scores.length - strong;
  if (scores.length <= 1) return strong === 1 || scores.length === 0 ? ONCE_SOUND : ONCE_WEAK;
  if (weak === 0) return few(scores.length);
  if (strong > 0) return { kind: 'mixed', label: 'Mixed', text: `Mixed: ${strong} of ${count(scores.length, 'decision')} on it ${strong === 1 ? 'was' : 'were'} sound, ${weak} fell short.` };
  return { kind: 'weak', label: 'Not yet sound', text: `None of the ${count(scores.length, 'decision')} on it was fully sound.` };
}

/**
 * The same reason across runs, from a goal's posterior: the map keeps sums, not single decisions,
 * so "mixed" there means the decisions on it averaged below the "shown" bar.
 */
export function partlyReasonFromMastery(m: GoalMastery): PartlyReason {
  const n = m.evidenceCount;
  const average = m.totalWeight > 0 ? (m.alpha - PRIOR_ALPHA) / m.totalWeight : 0;
  if (n <= 1) return average >= SHOWN_THRESHOLD ? ONCE_SOUND : ONCE_WEAK;
  if (average >= SHOWN_THRESHOLD) return few(n);
  return { kind: 'mixed', label: 'Mixed', text: `Mixed: judged ${count(n, 'time')}, and not every decision on it was sound.` };
}
