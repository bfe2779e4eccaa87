/**
 * Evidence → per-goal tallies: the sufficient statistics of the Beta posterior.
 *
 * A record adds `weight * score` to the goal's alpha and `weight * (1 - score)` to its beta, so a
 * tally is all that needs to be stored or merged across runs.
 */
import type { Evidence } from '../engine/model/state';
import { goalById, goalIndex } from './catalogue';

/** Evidence summed for one goal: alpha/beta increments over the prior, record count, total weight. */
export interface GoalTally {
  readonly goalId: string;
  readonly alpha: number;
  readonly beta: number;
  readonly count: number;
  readonly weight: number;
}

/** Why a record was left out of the tallies. */
export type RejectionReason = 'unknownGoal' | 'scoreOutOfRange' | 'invalidWeight';

/** A record the assessment could not use, kept so the caller can show or log it. */
export interface RejectedEvidence {
  readonly evidence: Evidence;
  readonly reason: RejectionReason;
}

/** Tallies in catalogue order (only goals with at least one accepted record) plus rejects. */
export interface TallyResult {
  readonly tallies: readonly GoalTally[];
  readonly rejected: readonly RejectedEvidence[];
}

/** Why `evidence` cannot be used, or `null` if it can. */
export function checkEvidence(evidence: Evidence): RejectionReason | null {
  if (goalById(evidence.goalId) === undefined) return 'unknownGoal';
  // Rejected, not clamped: an out-of-range score is an engine bug that must stay visible.
  if (!Number.isFinite(evidence.score) || evidence.score < 0 || evidence.score > 1) return 'scoreOutOfRange';
  if (!Number.isFinite(evidence.weight) || evidence.weight < 0) return 'invalidWeight';
  return null;
}

/** Sort tallies by catalogue position; unknown ids (from stored data) go last, by plain `<`. */
export function sortTallies(tallies: readonly GoalTally[]): GoalTally[] {
  return [...tallies].sort((x, y) => {
    const ix = goalIndex(x.goalId);
    const iy = goalIndex(y.goalId);
    if (ix !== iy) return (ix < 0 ? Infinity : ix) - (iy < 0 ? Infinity : iy);
    return x.goalId < y.goalId ? -1 : x.goalId > y.goalId ? 1 : 0;
  });
}

/**
 * Adds tallies with the same goal id, in the order given. Callers that need order-independent
 * results must pass a canonical order: floating-point addition is not associative.
 */
export function addTallies(groups: readonly (readonly GoalTally[])[]): GoalTally[] {
  const sums = new Map<string, { alpha: number; beta: number; count: number; weight: number }>();
  for (const group of groups) {
    for (const t of group) {
      const s = sums.get(t.goalId) ?? { alpha: 0, beta: 0, count: 0, weight: 0 };
      s.alpha += t.alpha;
      s.beta += t.beta;
      s.count += t.count;
      s.weight += t.weight;
      sums.set(t.goalId, s);
    }
  }
  return sortTallies([...sums].map(([goalId, s]) => ({ goalId, ...s })));
}

/** Validates evidence and sums it per goal, in evidence order. */
export function tallyEvidence(evidence: readonly Evidence[]): TallyResult {
  const rejected: RejectedEvidence[] = [];
  const accepted: GoalTally[] = [];
  for (const e of evidence) {
    const reason = checkEvidence(e);
    if (reason !== null) {
      rejected.push({ evidence: e, reason });
      continue;
    }
    accepted.push({
      goalId: e.goalId,
      alpha: e.weight * e.score,
      beta: e.weight * (1 - e.score),
      count: 1,
      weight: e.weight,
    });
  }
  return { tallies: addTallies([accepted]), rejected };
}
