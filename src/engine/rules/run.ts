import type { Scenario } from '../model/scenario';
import type { GameState } from '../model/state';
import type { Rule } from './context';
import { nextDay, openDependency } from './execution';
import { pendingQuestionCard } from './questions';

/*
 * "Run to the next event" lets days pass, one `nextDay` at a time, until something needs the
 * Product Owner. The session repeats the day's rule itself, so a run is exactly the loop of
 * `nextDay` a player could click through; this file only says where that loop stops.
 */

/** How many items at the top of the Product Backlog count as "what comes next" after a pull. */
const NEXT_ITEMS = 3;

/**
 * Whether the day that turned `before` into `after` left something for the PO. The run also stops
 * whenever the phase changes (an event card to decide, the Sprint's end).
 */
export function needsThePO(before: GameState, after: GameState, scenario: Scenario): boolean {
  if (after.phase !== before.phase || after.pendingEvent || pendingQuestionCard(after, scenario.questions)) return true;
  let pulled = false;
  for (const id in after.items) {
    const item = after.items[id]!;
    const was = before.items[id];
    // Newly blocked on work still in the Product Backlog: the PO can order or refine it.
    if (item.status === 'sprint' && item.blockedBy && !was?.blockedBy) {
      const dep = openDependency(after, id);
      if (dep && after.items[dep]!.status === 'backlog') return true;
    }
    if (item.status === 'sprint' && was?.status === 'backlog') pulled = true;
    // Urgent work just Done: releasing it now, not at the Review, is a decision worth making.
    if (item.status === 'done' && was?.status !== 'done' && item.releasedInSprint === null && item.visibleCostOfDelay === 'urgent') return true;
  }
  // The Developers pulled more work from the Product Backlog, and some of what comes next is not
  // refined: the PO may refine it now. With the next items all refined, the pull needs nobody.
  if (pulled) {
    const next = after.backlogOrder.filter((id) => after.items[id]?.status === 'backlog').slice(0, NEXT_ITEMS);
    if (next.some((id) => !after.items[id]!.refined)) return true;
  }
  return false;
}

/** A Sprint has at most this many days; the bound only guards against a run that never stops. */
export function maxRunDays(scenario: Scenario): number {
  return scenario.daysPerSprint + 1;
}

/** One day of the run; `Session` applies it again after each day until `needsThePO` says stop. */
export const runToNextEvent: Rule<'runToNextEvent'> = {
  apply(draft, _a, ctx) {
    nextDay.apply(draft, { type: 'nextDay' }, ctx);
  },
};
