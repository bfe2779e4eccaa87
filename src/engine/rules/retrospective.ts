import type { GameState } from '../model/state';
import type { Rule } from './context';
import { judge, say } from './context';
import { adjustDebt } from './effects';
import { round2 } from './formulas';
import { requiredReflections } from './reflection';
import { PO_TIME_PER_SPRINT } from '../model/initial';
import { openSprint } from './planning';

export type Improvement = 'strengthenDoD' | 'payDownDebt' | 'keepAsIs';

/** What the team saw about quality and debt by the end of the Sprint, all of it on screen. */
export interface QualitySignals {
  sprint: number;
  /** Items the Developers finished or thought finished this Sprint. */
  checked: number;
  /** Of those, the ones that fell short of the Definition of Done at first. */
  short: number;
  dodStrength: number;
  debt: number;
  /** Change in technical debt over the Sprint. */
  debtChange: number;
  /** This Sprint's velocity and the one before, when there was one. */
  velocity: number;
  previousVelocity: number | null;
  /** Sprints still to come after this one. */
  sprintsLeft: number;
}

/** The strongest Definition of Done the game knows ("strength 3 of 3" on screen). */
export const STRONGEST_DOD = 3;
/** Share of the next Sprint and points of debt that paying down debt takes and removes. */
const DEBT_WORK_SHARE = 0.15;
const DEBT_PAID = 15;

export function qualitySignals(state: GameState, sprints: number): QualitySignals {
  const record = state.sprints[state.sprints.length - 1]!;
  const previous = state.sprints[state.sprints.length - 2];
  const checked = new Set([...record.done, ...record.shortOfDoD]).size;
  return {
    sprint: record.number,
    checked,
    short: record.shortOfDoD.length,
    dodStrength: state.team.dodStrength,
    debt: state.team.techDebt,
    debtChange: round2(state.team.techDebt - record.techDebtAtStart),
    velocity: record.velocity,
    previousVelocity: previous ? previous.velocity : null,
    sprintsLeft: Math.max(0, sprints - record.number),
  };
}

/** Quality problems the Sprint showed: at least two items, and a third or more of those finished, fell short of the Definition of Done. */
export function qualityShows(s: QualitySignals): boolean {
  return s.short >= 2 && s.short * 3 >= s.checked;
}

/**
 * Whether paying down debt repays its cost before the end, by the quality model: each point of
 * debt paid gives back 1/150 of capacity in every Sprint left, against 15% of the next Sprint.
 */
export function debtWorkPays(s: QualitySignals): boolean {
  return (Math.min(DEBT_PAID, s.debt) / 150) * s.sprintsLeft > DEBT_WORK_SHARE;
}

/** How well an improvement answers what the Sprint showed: invest in quality when the evidence calls for it. */
export function improvementScore(s: QualitySignals, improvement: Improvement): number {
  const dodHelps = qualityShows(s) && s.dodStrength < STRONGEST_DOD;
  const debtHelps = debtWorkPays(s);
  switch (improvement) {
    case 'strengthenDoD':
      if (s.dodStrength >= STRONGEST_DOD) return 0.2;
      if (dodHelps) return 1;
      // Some shortfall, or a basic DoD, makes a stronger one defensible even without a clear pattern.
      return s.short > 0 || s.dodStrength <= 1 ? 0.7 : 0.5;
    case 'payDownDebt':
      if (s.debt <= 0) return 0.2;
      return debtHelps ? 1 : 0.5;
    case 'keepAsIs':
      return dodHelps || debtHelps ? 0.2 : 1;
  }
}

/** "In Sprint 3, 3 of 4 items ... ; technical debt 20, up 5; velocity 12 after 15." */
export function qualityEvidence(s: QualitySignals): string {
  const items = `${s.checked} ${s.checked === 1 ? 'item' : 'items'}`;
  const dod = s.checked
    ? `In Sprint ${s.sprint}, ${s.short} of the ${items} the Developers finished fell short of the Definition of Done at first (strength ${s.dodStrength} of ${STRONGEST_DOD})`
    : `In Sprint ${s.sprint} the Developers finished no items (Definition of Done strength ${s.dodStrength} of ${STRONGEST_DOD})`;
  const trend = s.debtChange > 0 ? `, up ${s.debtChange} this Sprint` : s.debtChange < 0 ? `, down ${-s.debtChange} this Sprint` : '';
  const velocity = s.previousVelocity === null ? `velocity ${s.velocity}` : `velocity ${s.velocity} after ${s.previousVelocity}`;
  const left = `${s.sprintsLeft} ${s.sprintsLeft === 1 ? 'Sprint' : 'Sprints'} to go`;
  return `${dod}; technical debt ${s.debt}${trend}; ${velocity}; ${left}.`;
}

function improvementRationale(s: QualitySignals, chosen: Improvement, score: number): string {
  const evidence = qualityEvidence(s);
  if (score >= 0.99)
    return chosen === 'strengthenDoD'
      ? `${evidence} A stronger Definition of Done builds that quality in: a slower Sprint now, fewer items falling short after.`
      : chosen === 'payDownDebt'
        ? `${evidence} With that much debt and time left, 15% of a Sprint on debt buys back more speed than it costs.`
        : `${evidence} Nothing there called for a change in how the team works, so delivering value came first.`;
  if (chosen === 'keepAsIs')
    return `${evidence} ${qualityShows(s) && s.dodStrength < STRONGEST_DOD ? 'Items keep falling short of the Definition of Done' : 'The debt keeps slowing every Sprint still to come'}: keeping the way of working leaves that in place.`;
  if (chosen === 'strengthenDoD')
    return s.dodStrength >= STRONGEST_DOD
      ? `${evidence} The Definition of Done was already at its strongest, so there was nothing to strengthen.`
      : `${evidence} A stronger Definition of Done is sound practice, but this Sprint showed no pattern of work falling short${debtWorkPays(s) ? ', while the debt was the bigger drag' : ''}.`;
  return s.debt <= 0
    ? `${evidence} There was no technical debt to pay down.`
    : `${evidence} With that debt and so few Sprints left, 15% of a Sprint on it buys back less speed than it costs${qualityShows(s) ? '; the items falling short called for a stronger Definition of Done' : ''}.`;
}

/** The Definition of Done as a lever: strengthened when work keeps falling short of it, kept when it holds. */
export function dodScore(s: QualitySignals, chosen: Improvement): number {
  const strengthen = chosen === 'strengthenDoD';
  if (s.dodStrength >= STRONGEST_DOD) return strengthen ? 0.3 : 1;
  if (qualityShows(s)) return strengthen ? 1 : 0.2;
  return strengthen ? (s.short > 0 || s.dodStrength <= 1 ? 0.7 : 0.5) : 1;
}

function dodRationale(s: QualitySignals, chosen: Improvement, score: number): string {
  const evidence = qualityEvidence(s);
  if (s.dodStrength >= STRONGEST_DOD)
    return `${evidence} The Definition of Done was already at its strongest${chosen === 'strengthenDoD' ? ', so strengthening it changed nothing' : ''}.`;
  if (score >= 0.99)
    return chosen === 'strengthenDoD'
      ? `${evidence} Strengthening the Definition of Done when work keeps falling short of it costs a slower Sprint, then more of the work is Done the first time and Sprints become more predictable.`
      : `${evidence} The Definition of Done held, so it was kept as it is.`;
  if (chosen !== 'strengthenDoD')
    return `${evidence} Work falling short of the Definition of Done is the signal to strengthen it; without that, the rework keeps coming back every Sprint.`;
  return `${evidence} Strengthening the Definition of Done costs a slower Sprint and pays back most when work keeps falling short of it, which this Sprint did not clearly show.`;
}

export const chooseImprovement: Rule<'chooseImprovement'> = {
  check(s) {
    const open = requiredReflections(s);
    return open.length ? { code: 'notAllowedNow', message: `reflect on the Sprint first: ${open.join(', ')}` } : null;
  },
  apply(draft, a, ctx) {
    const signals = qualitySignals(ctx.base, ctx.scenario.sprints);
    const score = improvementScore(signals, a.improvement);
    judge(draft, { goalId: 'D1.2.3', score, decisionId: `retro-s${draft.sprint}`, rationale: improvementRationale(signals, a.improvement, score) });
    const dod = dodScore(signals, a.improvement);
    judge(draft, { goalId: 'D6.2.3', score: dod, decisionId: `retro-s${draft.sprint}`, rationale: dodRationale(signals, a.improvement, dod) });
    if (a.improvement === 'strengthenDoD') {
      if (draft.team.dodStrength < STRONGEST_DOD) {
        draft.team.dodStrength += 1;
        draft.team.dodChangedInSprint = draft.sprint;
        say(draft, 'The Scrum Team strengthened the Definition of Done: expect a slower Sprint, then steadier ones.');
      } else say(draft, 'The Definition of Done is already as strong as this team makes it; nothing changes.');
    } else if (a.improvement === 'payDownDebt') {
      adjustDebt(draft, -DEBT_PAID, 'The Scrum Team chose to pay down technical debt');
      draft.team.debtWorkNextSprint = DEBT_WORK_SHARE;
      say(draft, 'The Developers will spend part of the next Sprint paying down technical debt.');
    } else {
      say(draft, 'The Scrum Team keeps its way of working as it is.');
    }
    if (draft.sprint < ctx.scenario.sprints) {
      draft.sprint += 1;
      draft.day = 0;
      draft.refinementUsed = 0;
      draft.poTime = PO_TIME_PER_SPRINT;
      openSprint(draft);
      say(draft, `Sprint ${draft.sprint} begins with Sprint Planning.`);
      ctx.emit('sys.nextSprint');
    } else {
      say(draft, 'The last Sprint is over. Release any Done work that has not reached users, then see how you did.');
      ctx.emit('sys.lastSprintDone');
    }
  },
};
