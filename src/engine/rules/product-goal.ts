import type { Draft } from 'immer';
import type { ProductGoalOption, Scenario } from '../model/scenario';
import { WRITTEN_GOAL_ID, type GameState } from '../model/state';
import { judge, quotedTitles } from './context';
import { setAside, sourceItem } from './story';

/**
 * The Product Goal read again after the briefing: Sprint Goals are judged on whether they move
 * toward it, and the world measures how far the released product has come at each Sprint Review.
 */

/** The Product Goal in force: a scenario option, or the one the PO wrote (its truth read from its wording). */
export function chosenProductGoal(state: GameState, scenario: Scenario): ProductGoalOption | undefined {
  const w = state.writtenProductGoal;
  if (state.productGoalId === WRITTEN_GOAL_ID && w) return { id: WRITTEN_GOAL_ID, text: w.text, truth: { measurable: w.measurable, servesVision: w.servesVision } };
  return scenario.productGoals.find((g) => g.id === state.productGoalId);
}

/** Whether an item moves the product toward its vision; split pieces share their epic's purpose. */
export function itemServesVision(state: GameState, scenario: Scenario, id: string): boolean {
  return sourceItem(state, scenario, id)?.servesVision ?? true;
}

/** Work that moves the Product Goal: what serves the vision, or everything for a goal that ignores it. */
function countsToward(state: GameState, scenario: Scenario, goal: ProductGoalOption, id: string): boolean {
  return !goal.truth.servesVision || itemServesVision(state, scenario, id);
}

export interface ProductGoalProgress {
  goal: string;
  /** False when the goal has no measure: nobody can say how close the product is. */
  measurable: boolean;
  /** Points of released work that moved the goal, and of all the work still planned or released. */
  released: number;
  total: number;
}

/**
 * How far the released product has come toward the chosen Product Goal. Only released work reveals
 * whether it moved the goal; the whole is every point not set aside, all of it visible. Nothing
 * is shown before the Sprints start, while the goal can still be chosen again.
 */
export function productGoalProgress(state: GameState, scenario: Scenario): ProductGoalProgress | null {
  const goal = chosenProductGoal(state, scenario);
  if (!goal || state.sprint < 1) return null;
  let released = 0;
  let total = 0;
  for (const item of Object.values(state.items)) {
    if (item.status === 'split' || (item.releasedInSprint === null && setAside(item))) continue;
    total += item.estimate;
    if (item.releasedInSprint !== null && countsToward(state, scenario, goal, item.id)) released += item.estimate;
  }
  return { goal: goal.text, measurable: goal.truth.measurable, released, total };
}

/** Points among `ids` that count toward a measurable Product Goal: what a release of them moves it by. */
export function goalPointsIn(state: GameState, scenario: Scenario, ids: readonly string[]): number {
  const goal = chosenProductGoal(state, scenario);
  if (!goal || !goal.truth.measurable) return 0;
  let points = 0;
  for (const id of ids) if (countsToward(state, scenario, goal, id)) points += state.items[id]!.estimate;
  return points;
}

const points = (n: number) => `${n} ${n === 1 ? 'point' : 'points'}`;

/** What the Sprint Review shows about the Product Goal. */
export function productGoalProgressLine(state: GameState, scenario: Scenario): string | null {
  const p = productGoalProgress(state, scenario);
  if (!p) return null;
  if (!p.measurable) return `Product Goal "${p.goal}": it has no measure, so nobody at the Sprint Review can say whether the product came closer to it.`;
  const share = p.total ? Math.round((100 * p.released) / p.total) : 0;
  return `Product Goal "${p.goal}": ${points(p.released)} of the ${points(p.total)} in the Product Backlog and the Increment ${p.released === 1 ? 'has' : 'have'} reached users and moved it (${share}%).`;
}

/**
 * Sprint Planning: does the Sprint Goal the Scrum Team crafted move toward the Product Goal?
 * Judged only when the Product Goal can guide it (measurable and serving the vision); a poor
 * Product Goal was judged when it was chosen, and shows its cost at every Review.
 */
export function judgeSprintGoalAgainstProductGoal(draft: Draft<GameState>, base: GameState, scenario: Scenario, goalIds: readonly string[]): void {
  const goal = chosenProductGoal(base, scenario);
  if (!goal || !goal.truth.measurable || !goal.truth.servesVision || goalIds.length === 0) return;
  const off = goalIds.filter((id) => !itemServesVision(base, scenario, id));
  // With nothing toward the Product Goal left to take, no Sprint Goal could have done better.
  const anyToward = base.backlogOrder.some((id) => base.items[id]!.type !== 'epic' && itemServesVision(base, scenario, id));
  if (off.length && !anyToward) return;
  judge(draft, {
    goalId: 'D2.2.2',
    score: Math.round((100 * (goalIds.length - off.length)) / goalIds.length) / 100,
    decisionId: `productGoal-s${base.sprint}`,
    rationale: off.length
      ? `The Sprint Goal rests on ${quotedTitles(base, off)}, which ${off.length === 1 ? 'does' : 'do'} nothing for the Product Goal "${goal.text}" or the vision it serves; the Product Goal is the target Sprint Goals step toward.`
      : `The Sprint Goal rests on ${quotedTitles(base, goalIds)}, each a step toward the Product Goal "${goal.text}": the Sprint's work links back to the vision.`,
  });
}

/** The end of the scenario: how far the Product Goal came, and whether the team could even tell. */
export function judgeProductGoalReached(draft: Draft<GameState>, scenario: Scenario): void {
  const goal = chosenProductGoal(draft as GameState, scenario);
  if (!goal) return;
  const p = productGoalProgress(draft as GameState, scenario)!;
  const share = p.total ? p.released / p.total : 0;
  const planned = draft.sprints.filter((s) => s.goalItemIds.length > 0);
  const toward = planned.filter((s) => s.goalItemIds.every((id) => countsToward(draft as GameState, scenario, goal, id))).length;
  const score = !goal.truth.measurable ? 0.2 : !goal.truth.servesVision ? 0.3 : planned.length ? toward / planned.length : 0;
  const rationale = !goal.truth.measurable
    ? `After ${draft.sprints.length} ${draft.sprints.length === 1 ? 'Sprint' : 'Sprints'} nobody could say how close the product came to "${goal.text}": a Product Goal without a measure gives the team no future state to plan against.`
    : !goal.truth.servesVision
      ? `Released work moved "${goal.text}" by ${Math.round(share * 100)}% of the Product Backlog's points, but that goal does not lead to the vision: the Sprints planned against a target that was not worth reaching.`
      : `${toward} of ${planned.length} Sprint Goals stepped toward "${goal.text}", and released work moved it by ${Math.round(share * 100)}% of the Product Backlog's points: the Product Goal is the future state every Sprint plans against.`;
  judge(draft, { goalId: 'D2.2.1', score: Math.round(score * 100) / 100, decisionId: 'productGoal-final', rationale });
}
