import type { Draft } from 'immer';
import type { GameState } from '../model/state';
import type { RuleContext } from './context';
import { judge, quotedTitles, say } from './context';
import { refine, refinementBudget, refinementCost } from './backlog';
import { round2 } from './formulas';
import { developersForecast } from './planning';
import { flawQuestions, raiseFlaws } from './story';
import { count } from '../model/words';

/** What the refinement before a Sprint Planning achieved, all of it visible to the player. */
export interface RefinementEffects {
  /** The items the Developers will most likely take next: the top of the order up to their forecast. */
  likely: string[];
  /** Those of them that are refined. */
  ready: string[];
  /** Refinement points left over with nothing within two Sprints of the top still to refine. */
  idle: number;
  /** Refinement points the agreed share gave this Sprint. */
  budget: number;
  /** Times the Developers stopped to ask what an item meant in the Sprint just ended. */
  stops: number;
}

/** The top of the order up to `points` of estimates: what the Developers would draw from. */
function topUpTo(state: GameState, points: number): string[] {
  const out: string[] = [];
  let sum = 0;
  for (const id of state.backlogOrder) {
    if (sum >= points) break;
    out.push(id);
    sum += state.items[id]!.estimate;
  }
  return out;
}

/**
 * Refinement time a team keeps spare for the Developers' questions during the Sprint: a point and a
 * half, or a third of the time, whichever is more. Only time idle beyond it is more than the work needed.
 */
export function refinementSlack(budget: number): number {
  return Math.max(1.5, round2(budget / 3));
}

/**
 * How well the refinement time the Developers and the PO agreed fitted the work, judged by its
 * effects, never by a percentage (the Scrum Guide sets none): the next Sprint's likely work ready,
 * few clarification stops, and no time idle that delivery could have used.
 */
export function refinementTimeScore(e: RefinementEffects): number {
  if (e.likely.length && e.ready.length < e.likely.length) return round2(0.6 * (e.ready.length / e.likely.length));
  if (e.stops >= 2) return 0.6;
  const spare = e.idle - refinementSlack(e.budget);
  if (spare <= 0) return 1;
  return spare * 2 <= e.budget ? 0.6 : 0.3;
}

function refinementTimeRationale(e: RefinementEffects, state: GameState, nextSprint: number, score: number): string {
  const time = `${count(e.budget, 'point')} of refinement time (${state.refinementShare}% of the Developers' capacity)`;
  if (e.likely.length && e.ready.length < e.likely.length)
    return `With ${time}, the time ran out before the work Sprint ${nextSprint} will most likely take was ready: ${quotedTitles(state, e.likely.filter((id) => !e.ready.includes(id)))} still unrefined. Agreeing more time with the Developers, or spending it on the top of the order, would have prepared it.`;
  if (e.stops >= 2)
    return `The next Sprint's likely work is ready, but in Sprint ${nextSprint - 1} the Developers stopped ${e.stops} times to ask what an item meant: ongoing refinement during the Sprint keeps work clear before they reach it.`;
  if (score < 1)
    return `With ${time}, ${e.idle} ${e.idle === 1 ? 'point was' : 'points were'} left with nothing within two Sprints of the top to refine: that capacity came off delivery for no gain. Agreeing less refinement time with the Developers would have kept the near work ready and left more for delivery.`;
  return `With ${time}, everything Sprint ${nextSprint} will most likely take was ready, with little time left idle: the time fitted the work.`;
}

/**
 * Refinement is ongoing: the Developers spend the refinement time agreed with the PO during the
 * Sprint (or before the first one). When that time runs out, before Sprint Planning of
 * `nextSprint`, they spend what is left on the top of the Product Backlog, within two Sprints of
 * work, and the rules judge the refinement by what it prepared and what it cost.
 */
export function closeRefinementWindow(draft: Draft<GameState>, ctx: RuleContext, nextSprint: number): void {
  const budget = refinementBudget(draft);
  let left = Math.max(0, round2(budget - draft.refinementUsed));
  const forecast = developersForecast(draft as GameState);
  // Beyond two Sprints of work the order will change before it is built: refining there is waste.
  // The forecast the share was agreed on counts too, so a slow Sprint does not make it look too much.
  const agreedOn = nextSprint > 1 ? (draft.sprints[draft.sprints.length - 1]?.forecast ?? 0) : 0;
  const reach = topUpTo(draft as GameState, 2 * Math.max(forecast, agreedOn));
  const refined: string[] = [];
  const questions: string[] = [];
  let ranOut = false;
  for (const id of reach) {
    const item = draft.items[id]!;
    if (item.refined) continue;
    const cost = refinementCost(item.estimate);
    if (cost > left) {
      ranOut = true;
      break;
    }
    left = round2(left - cost);
    refine(draft, id, ctx.rng.normal('estimates'));
    refined.push(id);
    const raised = raiseFlaws(draft, ctx.scenario, id);
    if (raised.length) questions.push(`about "${item.title}" they asked ${flawQuestions(raised)}`);
  }
  draft.refinementUsed = Math.max(budget, draft.refinementUsed);
  if (refined.length)
    say(draft, `The Developers used the rest of their refinement time on the top of the Product Backlog: ${refined.length} more ${refined.length === 1 ? 'item is' : 'items are'} refined${questions.length ? `; ${questions.join('; ')}` : ''}.`);
  const idle = ranOut ? 0 : left;
  if (idle > refinementSlack(budget)) say(draft, `${idle} ${idle === 1 ? 'point' : 'points'} of refinement time had nothing within two Sprints of the top left to refine.`);
  const likely = topUpTo(draft as GameState, forecast);
  const effects: RefinementEffects = {
    likely,
    ready: likely.filter((id) => draft.items[id]!.refined),
    idle,
    budget,
    stops: nextSprint > 1 ? (draft.sprints[draft.sprints.length - 1]?.clarifications ?? 0) : 0,
  };
  judgeReadiness(draft, effects, nextSprint, forecast);
  const score = refinementTimeScore(effects);
  judge(draft, { goalId: 'D3.3.1', score, decisionId: `refinement-s${nextSprint}`, rationale: refinementTimeRationale(effects, draft as GameState, nextSprint, score) });
}

/** Were the items the Developers will most likely take understood and sized before their Sprint Planning? */
function judgeReadiness(draft: Draft<GameState>, e: RefinementEffects, nextSprint: number, forecast: number): void {
  if (e.likely.length === 0) return;
  const unready = e.likely.filter((id) => !e.ready.includes(id));
  const top = `the top of the order up to the Developers' forecast of ${count(forecast, 'point')}`;
  judge(draft, {
    goalId: 'D3.3.2',
    score: e.ready.length / e.likely.length,
    decisionId: `refinement-s${nextSprint}`,
    rationale: unready.length
      ? `${e.ready.length === 0 ? 'None' : `Only ${e.ready.length}`} of the ${count(e.likely.length, 'item')} likely to be taken in Sprint ${nextSprint} (${top}) ${e.ready.length === 1 ? 'was' : 'were'} refined; ${quotedTitles(draft as GameState, unready)} ${unready.length === 1 ? 'arrives' : 'arrive'} at Sprint Planning unclear.`
      : `Everything the Developers are likely to take in Sprint ${nextSprint} (${top}) was understood and sized before its Sprint Planning.`,
  });
}
