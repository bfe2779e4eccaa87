/**
 * Mastery per goal as a Beta posterior over "the learner applies this goal well".
 *
 * Prior Beta(1, 1) (uniform: no opinion before any evidence). A goal with no weighted evidence is
 * `notSeen` and carries no estimate at all, so no screen can show it as a zero.
 */
import type { Evidence } from '../engine/model/state';
import { betaQuantile } from './beta';
import { GOALS } from './catalogue';
import { tallyEvidence, type GoalTally, type RejectedEvidence } from './tally';

/** Prior pseudo-counts: Beta(1, 1), the uniform prior. */
export const PRIOR_ALPHA = 1;
export const PRIOR_BETA = 1;
/** Posterior mean at or above which a goal counts as shown. */
export const SHOWN_THRESHOLD = 0.7;
/** Posterior mean at or above which (and below SHOWN_THRESHOLD) a goal counts as partly shown. */
export const PARTLY_THRESHOLD = 0.4;
/** Probability mass of the reported equal-tailed credible interval. */
export const CREDIBLE_MASS = 0.9;

/** Status of a goal (or a rollup) in a report. */
export type MasteryStatus = 'notSeen' | 'shown' | 'partly' | 'missed';
/** Every status in report order, for counting and display. */
export const MASTERY_STATUSES: readonly MasteryStatus[] = ['shown', 'partly', 'missed', 'notSeen'];

/** Posterior mean and the equal-tailed credible interval around it. */
export interface MasteryEstimate {
  readonly mean: number;
  readonly lower: number;
  readonly upper: number;
}

/** Mastery of one goal. `estimate` is `null` exactly when `status` is `notSeen`. */
export interface GoalMastery {
  readonly goalId: string;
  readonly status: MasteryStatus;
  readonly estimate: MasteryEstimate | null;
  /** Posterior parameters (prior included). */
  readonly alpha: number;
  readonly beta: number;
  readonly evidenceCount: number;
  readonly totalWeight: number;
}

/** Mastery of all 65 goals in catalogue order, plus the evidence that could not be used. */
export interface MasteryReport {
  readonly goals: readonly GoalMastery[];
  readonly rejected: readonly RejectedEvidence[];
}

/** Status for a posterior mean of a seen goal. */
export function statusFromMean(mean: number): Exclude<MasteryStatus, 'notSeen'> {
  if (mean >= SHOWN_THRESHOLD) return 'shown';
  if (mean >= PARTLY_THRESHOLD) return 'partly';
  return 'missed';
}

/** Mean and credible interval of Beta(alpha, beta). */
export function betaEstimate(alpha: number, beta: number): MasteryEstimate {
  const tail = (1 - CREDIBLE_MASS) / 2;
  return {
    mean: alpha / (alpha + beta),
    lower: betaQuantile(tail, alpha, beta),
    upper: betaQuantile(1 - tail, alpha, beta),
  };
}

/** Mastery of one goal from its tally (or none). */
export function goalMastery(goalId: string, tally: GoalTally | undefined): GoalMastery {
  const alpha = PRIOR_ALPHA + (tally?.alpha ?? 0);
  const beta = PRIOR_BETA + (tally?.beta ?? 0);
  const evidenceCount = tally?.count ?? 0;
  const totalWeight = tally?.weight ?? 0;
  // Zero-weight records carry no information, so they do not make a goal "seen".
  if (totalWeight <= 0) {
    return { goalId, status: 'notSeen', estimate: null, alpha, beta, evidenceCount, totalWeight };
  }
  const estimate = betaEstimate(alpha, beta);
  return { goalId, status: statusFromMean(estimate.mean), estimate, alpha, beta, evidenceCount, totalWeight };
}

/** Mastery of every catalogue goal from tallies; tallies for unknown goals are ignored. */
export function masteryFromTallies(tallies: readonly GoalTally[]): GoalMastery[] {
  const byGoal = new Map(tallies.map((t) => [t.goalId, t]));
  return GOALS.map((g) => goalMastery(g.id, byGoal.get(g.id)));
}

/** Mastery of every catalogue goal from one run's (or any list of) evidence records. */
export function assessEvidence(evidence: readonly Evidence[]): MasteryReport {
  const { tallies, rejected } = tallyEvidence(evidence);
  return { goals: masteryFromTallies(tallies), rejected };
}
