import type { ItemTruth } from '../model/scenario';

/**
 * The numbers behind the world, as small pure functions. Golden tests pin their output, so a
 * balance change shows up as a reviewable diff.
 */

/**
 * Share of an item's value still available when it reaches users in `sprint` (1-based). A release
 * during a Sprint passes a fraction: day 3 of 5 of Sprint 2 is 1.6, the Sprint's end is 2.
 */
export function costOfDelayFactor(truth: ItemTruth, sprint: number): number {
  const late = Math.max(0, sprint - 1);
  switch (truth.costOfDelay) {
    case 'standard':
      return Math.max(0.5, 1 - 0.04 * late);
    case 'urgent':
      return Math.max(0.2, 1 - 0.25 * late);
    case 'fixedDate':
      return sprint <= (truth.deadlineSprint ?? Number.MAX_SAFE_INTEGER) ? 1 : 0.2;
    case 'intangible':
      return 1;
  }
}

/** Value a Done item realises when it reaches users in `sprint`. Only Done work is ever released. */
export function realisedValue(truth: ItemTruth, sprint: number): number {
  return round2(truth.value * costOfDelayFactor(truth, sprint));
}

/** Points of rework the Developers find when work they thought finished falls short of the Definition of Done. */
export function dodRework(effort: number): number {
  return Math.max(1, Math.round(effort * 0.2));
}

export interface VelocityInputs {
  capacity: number;
  refinementShare: number;
  techDebt: number;
  dodStrength: number;
  morale: number;
  /** Sprints since the Definition of Done was last strengthened (0 = this Sprint). */
  sprintsSinceDoDChange: number | null;
  /** One-off capacity spent paying down debt this Sprint, 0..1. */
  debtWorkShare: number;
}

/** Expected velocity before noise: what the team can deliver on average this Sprint. */
export function expectedVelocity(v: VelocityInputs): number {
  const delivery = 1 - v.refinementShare / 100;
  const debtDrag = 1 - Math.min(60, v.techDebt) / 150;
  const moraleFactor = 0.75 + 0.25 * (v.morale / 100);
  // A stronger DoD costs more work per item; the first Sprint after strengthening it costs most.
  const dodCost = 1 - 0.06 * (v.dodStrength - 1);
  const dip = v.sprintsSinceDoDChange === 0 ? 0.85 : 1;
  return round2(v.capacity * delivery * debtDrag * moraleFactor * dodCost * dip * (1 - v.debtWorkShare));
}

/** Relative spread of velocity: weak quality and debt make Sprints less predictable. */
export function velocitySpread(baseSpread: number, dodStrength: number, techDebt: number): number {
  return round2(baseSpread * (1.3 - 0.15 * dodStrength) * (1 + techDebt / 100));
}

/** Chance that a finished item truly meets the Definition of Done. */
export function doneQuality(dodStrength: number, techDebt: number): number {
  return round2(Math.min(0.97, Math.max(0.3, 0.5 + 0.15 * dodStrength - techDebt / 400)));
}

/** Refinement keeps estimates close to the truth; unrefined items hide rework in proportion to risk. */
export function reworkChance(risk: number, refined: boolean, refinementShare: number): number {
  if (refined) return round2(risk * 0.15);
  const clarity = Math.min(1, refinementShare / 8);
  return round2(risk * (1 - 0.6 * clarity));
}

/** Sprints needed to finish `scope` points, given the velocity of each simulated Sprint. */
export function sprintsToFinish(scope: number, velocities: readonly number[]): number {
  let left = scope;
  for (let i = 0; i < velocities.length; i++) {
    left -= velocities[i]!;
    if (left <= 0) return i + 1;
  }
  return velocities.length + 1;
}

/** Fixed-point rounding so figures compare exactly across runs and platforms. */
export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
