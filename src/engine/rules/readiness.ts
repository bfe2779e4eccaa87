import type { Draft } from 'immer';
import type { Scenario } from '../model/scenario';
import type { GameState, Readiness } from '../model/state';
import { judge, quotedTitles } from './context';
import { criteriaCoverage, scenarioItem, setAside } from './story';

/*
 * Readiness is judged against the working agreement the Scrum Team chose. A Definition of Ready is
 * optional (the 2020 Guide has none): without one, items still need to be clear enough to start.
 */

/** Largest unrefined item the Developers can understand at Sprint Planning (the light agreement's bar). */
export const CLEAR_AT_A_GLANCE = 5;

const AGREEMENT: Record<Exclude<Readiness, 'none'>, string> = {
  strict: 'your strict Definition of Ready (refined, with acceptance criteria, no open dependency)',
  light: 'your light Definition of Ready (refined, or small enough to understand at Sprint Planning)',
};

/** What the items were measured against, as the start of a sentence. */
const MEASURE: Record<Readiness, string> = {
  strict: `Measured against ${AGREEMENT.strict}`,
  light: `Measured against ${AGREEMENT.light}`,
  none: 'With no Definition of Ready, which is optional, items still need to be clear enough to start (refined or small, waiting on nothing outside the Sprint)',
};

const points = (n: number) => `${n} ${n === 1 ? 'point' : 'points'}`;

/** Up to three titles, then how many more, so a long list stays readable. */
function someOf(state: GameState, ids: readonly string[]): string {
  if (ids.length <= 3) return quotedTitles(state, ids);
  const more = ids.length - 3;
  return `${ids.slice(0, 3).map((id) => `"${state.items[id]!.title}"`).join(', ')} and ${more} more ${more === 1 ? 'item' : 'items'}`;
}

/** Refined, or small enough to understand without refinement. */
function clearEnough(item: GameState['items'][string]): boolean {
  return item.refined || item.estimate <= CLEAR_AT_A_GLANCE;
}

/**
 * Why an item taken into the Sprint falls short of the agreement, or null when it meets it. A
 * dependency the Developers revealed counts under any agreement unless it is Done or planned in
 * the same Sprint.
 */
export function shortOfAgreement(state: GameState, scenario: Scenario, id: string, level: Readiness, sprint: readonly string[]): string | null {
  const item = state.items[id]!;
  const open = item.dependenciesKnown
    ? (item.truth.dependsOn ?? []).filter((d) => state.items[d] && state.items[d]!.status !== 'done' && state.items[d]!.status !== 'split' && !sprint.includes(d))
    : [];
  if (open.length) return `"${item.title}" waits on ${quotedTitles(state, open)}, which is neither Done nor in this Sprint`;
  if (level === 'strict') {
    if (!item.refined) return `"${item.title}" was not refined`;
    const source = scenarioItem(scenario, id);
    if (source?.criteria?.length && criteriaCoverage(item, source).covered === 0) return `"${item.title}" had no acceptance criteria`;
    return null;
  }
  return clearEnough(item) ? null : `"${item.title}" was not refined, and at ${points(item.estimate)} it is too big to understand at Sprint Planning`;
}

export interface Selection {
  selected: readonly string[];
  skipped: readonly string[];
}

/** D7.1.2: the items entering the Sprint, checked against the agreement the team chose. */
function judgeItemsReady(draft: Draft<GameState>, base: GameState, scenario: Scenario, n: number, selected: readonly string[]): void {
  if (!selected.length) return;
  const level = base.readiness;
  const short = selected.map((id) => shortOfAgreement(base, scenario, id, level, selected)).filter((r): r is string => r !== null);
  judge(draft, {
    goalId: 'D7.1.2',
    score: (selected.length - short.length) / selected.length,
    decisionId: `ready-s${n}`,
    rationale: short.length
      ? `${MEASURE[level]}: ${short.join('; ')}.`
      : level === 'none'
        ? `There is no Definition of Ready, which is optional, and every item entering Sprint ${n} (${someOf(base, selected)}) was clear enough to start: refined or small, waiting on nothing outside the Sprint.`
        : `Every item entering Sprint ${n} (${someOf(base, selected)}) met ${AGREEMENT[level]}.`,
  });
}

/** D7.1.3: how the chosen agreement worked this Sprint: strict gates hold work back, no agreement lets unclear work in. */
function judgeAgreement(draft: Draft<GameState>, base: GameState, scenario: Scenario, n: number, { selected, skipped }: Selection): void {
  const level = base.readiness;
  // A gate is judged by what it alone held back (clear work waiting on nothing); no agreement, by the unclear work it let in.
  const wronglyHeld = (id: string) => base.items[id]!.type !== 'epic' && !setAside(base.items[id]!) && shortOfAgreement(base, scenario, id, 'light', []) === null;
  const held = level === 'strict' ? skipped.filter(wronglyHeld) : [];
  const unclearIn = selected.filter((id) => !clearEnough(base.items[id]!));
  const unclear = level === 'none' ? unclearIn : [];
  const verb = (ids: readonly string[]) => (ids.length === 1 ? 'was' : 'were');
  const [score, rationale] = held.length
    ? [0.4, `Your strict Definition of Ready held back ${someOf(base, held)}, which ${verb(held)} clear enough to start (refined or small, waiting on nothing); the Developers took work from lower in the order instead.`]
    : unclear.length
      ? [0.2, `With no Definition of Ready, ${someOf(base, unclear)} entered the Sprint unrefined and too big to understand at a glance; expect questions and rework mid-Sprint.`]
      : level === 'strict'
        ? [1, `Your strict Definition of Ready held back nothing that was clear enough to start Sprint ${n}; ${someOf(base, selected)} met it.`]
        : level === 'light'
          ? [1, unclearIn.length
              ? `A light Definition of Ready balances flow against mid-Sprint churn, though ${someOf(base, unclearIn)} came in unrefined with the Sprint Goal.`
              : `A light Definition of Ready let ${someOf(base, selected)} into Sprint ${n} and kept unclear items out, without becoming a gate that starves the Sprint.`]
          : [1, `There is no Definition of Ready, which is optional, and every item the Developers took into Sprint ${n} (${someOf(base, selected)}) was clear enough to start.`];
  judge(draft, { goalId: 'D7.1.3', score, decisionId: `ready-s${n}`, rationale });
}

/** Readiness at Sprint Planning, judged by the agreement the Scrum Team chose and what it did this Sprint. */
export function judgeReadiness(draft: Draft<GameState>, base: GameState, scenario: Scenario, n: number, selection: Selection): void {
  judgeItemsReady(draft, base, scenario, n, selection.selected);
  judgeAgreement(draft, base, scenario, n, selection);
}
