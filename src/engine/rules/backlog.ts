import type { Draft } from 'immer';
import type { GameState } from '../model/state';
import type { Rule } from './context';
import { say, unknownId } from './context';
import { round2 } from './formulas';
import { flawQuestions, raiseFlaws } from './story';

/** Points of refinement capacity this Sprint: the share of capacity set aside for it. */
export function refinementBudget(state: GameState): number {
  return round2((state.team.capacity * state.refinementShare) / 100);
}

/** Refining an item takes about an eighth of its size in Developer time (half a point at least). */
export function refinementCost(estimate: number): number {
  return Math.max(0.5, round2(estimate / 8));
}

/** Refining brings the Developers' estimate close to the truth and clears hidden ambiguity. */
export function refine(draft: Draft<GameState>, itemId: string, noise: number): void {
  const item = draft.items[itemId]!;
  item.refined = true;
  item.estimate = Math.max(1, Math.round(item.truth.effort * (1 + 0.08 * noise)));
  // Talking it through surfaces what the item depends on and how its value decays.
  item.dependenciesKnown = true;
  item.visibleCostOfDelay = item.truth.costOfDelay;
}

export const setRefinementShare: Rule<'setRefinementShare'> = {
  apply(draft, a) {
    draft.refinementShare = a.percent;
    say(draft, `The Developers set aside ${a.percent}% of their capacity for refinement this Sprint.`);
  },
};

export const refineItem: Rule<'refineItem'> = {
  check(s, a) {
    const item = s.items[a.itemId];
    if (!item || item.status !== 'backlog') return unknownId('Product Backlog item', a.itemId);
    if (item.refined) return { code: 'invalidParams', message: `"${item.title}" is already refined` };
    const left = refinementBudget(s) - s.refinementUsed;
    if (left < refinementCost(item.estimate))
      return {
        code: 'notAllowedNow',
        message: `not enough refinement capacity left (${round2(left)} points; "${item.title}" needs ${refinementCost(item.estimate)}): raise the refinement share or refine a smaller item`,
      };
    return null;
  },
  apply(draft, a, ctx) {
    draft.refinementUsed = round2(draft.refinementUsed + refinementCost(draft.items[a.itemId]!.estimate));
    refine(draft, a.itemId, ctx.rng.normal('estimates'));
    const raised = raiseFlaws(draft, ctx.scenario, a.itemId);
    const item = draft.items[a.itemId]!;
    say(draft, `Refined "${item.title}": the Developers now estimate ${item.estimate} ${item.estimate === 1 ? 'point' : 'points'}.${raised.length ? ` They asked ${flawQuestions(raised)}.` : ''}`);
  },
};

export const moveItem: Rule<'moveItem'> = {
  check(s, a) {
    const from = s.backlogOrder.indexOf(a.itemId);
    if (from < 0) return unknownId('Product Backlog item', a.itemId);
    if (a.toIndex >= s.backlogOrder.length)
      return { code: 'invalidParams', message: `toIndex ${a.toIndex} is past the end of the Product Backlog (${s.backlogOrder.length} items)` };
    return null;
  },
  apply(draft, a, ctx) {
    // A fresh array is cheaper than splicing through the draft's proxy.
    const order = ctx.base.backlogOrder.filter((id) => id !== a.itemId);
    order.splice(a.toIndex, 0, a.itemId);
    draft.backlogOrder = order;
  },
};

export const orderBacklog: Rule<'orderBacklog'> = {
  check(s, a) {
    const want = new Set(s.backlogOrder);
    const got = new Set(a.itemIds);
    if (got.size !== a.itemIds.length) return { code: 'invalidParams', message: 'itemIds lists an item more than once' };
    const missing = s.backlogOrder.filter((id) => !got.has(id));
    const extra = a.itemIds.filter((id) => !want.has(id));
    if (missing.length || extra.length)
      return {
        code: 'invalidParams',
        message: `itemIds must be the whole Product Backlog in a new order${missing.length ? `; missing: ${missing.join(', ')}` : ''}${extra.length ? `; not in the backlog: ${extra.join(', ')}` : ''}`,
      };
    return null;
  },
  apply(draft, a) {
    draft.backlogOrder = [...a.itemIds];
  },
};
