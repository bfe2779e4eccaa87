import type { Draft } from 'immer';
import type { EventCard } from '../model/scenario';
import type { GameState } from '../model/state';
import type { RuleContext, Rule } from './context';
import { judge, say } from './context';
import { dodRework, doneQuality, round2 } from './formulas';
import { currentSprint } from './planning';
import { closeRefinementWindow } from './refinement';
import { isReady } from './story';
import { productGoalProgressLine } from './product-goal';
import { adjustDebt, adjustMorale, adjustTrust } from './effects';

/** The first dependency of `itemId` that is not Done yet, if any: the work it waits on. */
export function openDependency(state: GameState, itemId: string): string | undefined {
  return (state.items[itemId]!.truth.dependsOn ?? []).find((d) => {
    const dep = state.items[d];
    return dep !== undefined && dep.status !== 'done' && dep.status !== 'split';
  });
}

/** Adds a Done item's estimate to the Sprint: velocity counts only work that met the Definition of Done. */
function markDone(draft: Draft<GameState>, id: string): void {
  const item = draft.items[id]!;
  const sprint = currentSprint(draft);
  item.status = 'done';
  item.meetsDoD = true;
  item.doneInSprint = draft.sprint;
  item.blockedBy = null;
  sprint.done.push(id);
  sprint.velocity = round2(sprint.velocity + item.estimate);
}

/** The Developers work through the Sprint Backlog in their own order, one day's capacity at a time. */
function work(draft: Draft<GameState>, ctx: RuleContext, capacity: number): void {
  let left = capacity;
  const sprint = currentSprint(draft);
  let k = 0;
  while (left > 0) {
    if (k >= sprint.committed.length) {
      // Nothing in the Sprint Backlog they can work on: they pull the next ready item.
      if (!pullNext(draft, ctx)) break;
    }
    const item = draft.items[sprint.committed[k++]!]!;
    if (item.status !== 'sprint') continue;
    // Work waiting on an unfinished dependency is blocked, whatever its place in the Sprint.
    const blocker = openDependency(draft as GameState, item.id);
    if (blocker) {
      const title = draft.items[blocker]!.title;
      if (item.blockedBy !== title) {
        item.blockedBy = title;
        item.dependenciesKnown = true;
        say(draft, `"${item.title}" is blocked: it needs "${title}" to be Done first.`);
      }
      continue;
    }
    if (item.blockedBy) {
      say(draft, `"${item.title}" is no longer blocked: "${item.blockedBy}" is Done.`);
      item.blockedBy = null;
    }
    if (item.hiddenRework > 0) {
      item.remaining += item.hiddenRework;
      sprint.clarifications += 1;
      say(draft, `The Developers found gaps in the acceptance criteria of "${item.title}": ${item.hiddenRework} ${item.hiddenRework === 1 ? 'point' : 'points'} of rework and a question for you.`);
      item.hiddenRework = 0;
    }
    const used = Math.min(left, item.remaining);
    item.remaining = round2(item.remaining - used);
    left = round2(left - used);
    if (item.remaining <= 0) {
      if (ctx.rng.next('quality') < doneQuality(draft.team.dodStrength, draft.team.techDebt)) {
        markDone(draft, item.id);
        say(draft, `"${item.title}" is Done: it meets the Definition of Done.`);
      } else {
        // Not Done is not Done: the Developers keep working until it meets the Definition of Done.
        const rework = dodRework(item.truth.effort);
        item.meetsDoD = false;
        if (!sprint.shortOfDoD.includes(item.id)) sprint.shortOfDoD.push(item.id);
        item.remaining = rework;
        say(draft, `"${item.title}" does not meet the Definition of Done yet: about ${rework} more ${rework === 1 ? 'point' : 'points'} of work before it is Done.`);
      }
    }
  }
}

function pullNext(draft: Draft<GameState>, ctx: RuleContext): boolean {
  const next = draft.backlogOrder.find((id) => {
    const item = draft.items[id]!;
    return item.type !== 'epic' && !(item.dependenciesKnown && openDependency(draft as GameState, id)) && isReady(draft as GameState, id, ctx.scenario, draft.readiness);
  });
  if (next === undefined) return false;
  const sprint = currentSprint(draft);
  const blocked = sprint.committed.filter((id) => draft.items[id]!.status === 'sprint');
  draft.backlogOrder = draft.backlogOrder.filter((id) => id !== next);
  const item = draft.items[next]!;
  item.status = 'sprint';
  item.returnedInSprint = null;
  sprint.committed.push(next);
  // Say why, truthfully: everything finished, or the rest is waiting on other work.
  say(
    draft,
    blocked.length === 0
      ? `The Developers finished the Sprint Backlog early and pulled "${item.title}" into the Sprint.`
      : `The rest of the Sprint Backlog is blocked, so the Developers pulled "${item.title}" into the Sprint to keep working.`,
  );
  return true;
}

/** Points in the Sprint Backlog and points not yet Done, from the visible estimates. */
function sprintPoints(draft: Draft<GameState>): { scope: number; open: number } {
  let scope = 0;
  let open = 0;
  for (const id of currentSprint(draft).committed) {
    const item = draft.items[id]!;
    scope += item.estimate;
    if (item.status !== 'done') open += item.estimate;
  }
  return { scope: round2(scope), open: round2(open) };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The Sprint's time-box is over. The Sprint Goal is met only when the Done work achieves it;
 * what is not Done goes back to the Product Backlog for the PO to order; the stakeholders who
 * asked for Done work will see it at the Review.
 */
function endSprint(draft: Draft<GameState>, ctx: RuleContext): void {
  const sprint = currentSprint(draft);
  // A goal with no items is about quality: the Developers spend the Sprint on debt, and meet it.
  if (sprint.goalItemIds.length === 0) adjustDebt(draft, -5, 'The Developers spent a Sprint with no items in its goal on quality work');
  sprint.goalMet = !sprint.cancelled && sprint.goalItemIds.every((id) => draft.items[id]!.status === 'done');
  const notDone = sprint.committed.filter((id) => draft.items[id]!.status === 'sprint');
  for (let i = notDone.length - 1; i >= 0; i--) {
    const item = draft.items[notDone[i]!]!;
    item.status = 'backlog';
    item.blockedBy = null;
    item.returnedInSprint = draft.sprint;
    draft.backlogOrder.unshift(item.id);
  }
  sprint.notDone = notDone;
  say(
    draft,
    `Sprint ${draft.sprint} ${sprint.cancelled ? 'is cancelled' : 'ends'}: the Sprint Goal was ${sprint.goalMet ? 'met' : 'not met'}. ` +
      `${plural(sprint.done.length, 'item', 'items')} Done (${plural(sprint.velocity, 'point', 'points')})` +
      (notDone.length ? `; not Done and back in the Product Backlog: ${notDone.map((id) => `"${draft.items[id]!.title}"`).join(', ')}.` : '.'),
  );
  settleDeadlines(draft, ctx);
  // The Review looks at the Product Goal: how far the released product has come toward it.
  const progress = productGoalProgressLine(draft as GameState, ctx.scenario);
  if (progress) say(draft, progress);
  // Stakeholders react at the Review to what the Increment now does for them.
  for (const id of sprint.done) {
    const item = draft.items[id]!;
    // Work that arrives after its fixed date has passed earns no thanks.
    if (item.requestedBy && !item.deadlineMissed) adjustTrust(draft, item.requestedBy, 4, `"${item.title}", which they asked for, is Done`);
  }
  if (draft.sprint < ctx.scenario.sprints) closeRefinementWindow(draft, ctx, draft.sprint + 1);
  ctx.emit('sys.sprintOver');
}

/**
 * Fixed dates fall due at the end of their Sprint. A missed date is flagged on the item, costs the
 * trust of whoever depends on it (and the item most of its value), and is tied back to the order.
 */
function settleDeadlines(draft: Draft<GameState>, ctx: RuleContext): void {
  const sprint = currentSprint(draft);
  for (const item of Object.values(draft.items)) {
    if (item.truth.costOfDelay !== 'fixedDate' || item.truth.deadlineSprint !== draft.sprint || item.status === 'split') continue;
    const who = item.requestedBy ?? ctx.scenario.stakeholders.reduce((a, b) => (b.influence > a.influence ? b : a)).id;
    const name = ctx.scenario.stakeholders.find((s) => s.id === who)?.name ?? 'The stakeholders';
    const decisionId = `deadline-${item.id}`;
    if (item.status === 'done') {
      judge(draft, { goalId: 'D1.2.2', score: 1, decisionId, rationale: `"${item.title}" had to be Done by Sprint ${draft.sprint} and was: its fixed date was ordered for.` });
      continue;
    }
    item.deadlineMissed = true;
    adjustTrust(draft, who, -15, `"${item.title}" had to be Done by Sprint ${draft.sprint}, and it is not`);
    const inSprint = sprint.committed.includes(item.id);
    judge(draft, {
      goalId: 'D1.2.2',
      score: 0,
      decisionId,
      rationale: inSprint
        ? `"${item.title}" had to be Done by Sprint ${draft.sprint}; it entered that Sprint but was not Done in time. Fixed-date work needs to be ordered early enough to absorb surprises.`
        : `"${item.title}" had to be Done by Sprint ${draft.sprint}, but the Product Backlog was ordered so that it was not taken into any Sprint in time.`,
    });
    say(draft, `Missed date: "${item.title}" had to be Done by Sprint ${draft.sprint} and is not. ${name} loses trust, and most of its value is gone.`);
  }
}

/** Why the Sprint Goal no longer makes sense, from what the PO can see; null while it still does. */
export function goalObsolete(state: GameState): string | null {
  const sprint = state.sprints[state.sprints.length - 1];
  for (const id of sprint?.goalItemIds ?? []) {
    const item = state.items[id]!;
    if (item.assumptionHolds === false) return `the belief behind "${item.title}" turned out to be false`;
    if (item.offVision) return `you set "${item.title}" aside as not serving the vision`;
    if (item.moscow === 'wont') return `you decided "${item.title}" will not be in this release`;
  }
  return null;
}

/**
 * Only the PO may cancel a Sprint, and only an obsolete Sprint Goal justifies it. The time-box
 * ends now: Done work stays in the Increment, everything else goes back to the Product Backlog,
 * and the days left are lost to the Developers' work.
 */
export const cancelSprint: Rule<'cancelSprint'> = {
  apply(draft, _a, ctx) {
    const why = goalObsolete(ctx.base);
    const sprint = currentSprint(draft);
    sprint.cancelled = true;
    adjustMorale(draft, -5, 'You cancelled the Sprint, and the Developers\u2019 work stopped');
    judge(draft, {
      goalId: 'D2.2.3',
      score: why ? 1 : 0,
      decisionId: `cancel-s${draft.sprint}`,
      rationale: why
        ? `The Sprint Goal had become obsolete (${why}), so cancelling the Sprint freed the Developers for work that still matters.`
        : `The Sprint Goal ("${ctx.base.sprints[ctx.base.sprints.length - 1]!.goalText}") still made sense on day ${ctx.base.day}: cancelling the Sprint threw away the days left and the Developers\u2019 focus for nothing.`,
    });
    say(draft, `You cancelled Sprint ${draft.sprint} on day ${draft.day} of ${ctx.scenario.daysPerSprint}${why ? `: ${why}` : ''}.`);
    endSprint(draft, ctx);
  },
};

export const nextDay: Rule<'nextDay'> = {
  apply(draft, _a, ctx) {
    const days = ctx.scenario.daysPerSprint;
    draft.day += 1;
    const daily = ctx.base.sprintCapacity / days;
    // Interruptions already paid for (events, clarifications) come out of today's work first.
    const lost = Math.min(daily, draft.team.lostThisSprint);
    draft.team.lostThisSprint = round2(draft.team.lostThisSprint - lost);
    // Without refinement the Developers keep stopping to ask what an item means.
    if (ctx.base.refinementShare < 5 && ctx.rng.next('quality') < 0.3) {
      draft.team.lostThisSprint = round2(draft.team.lostThisSprint + daily * 0.5);
      currentSprint(draft).clarifications += 1;
      say(draft, 'The Developers lost half a day waiting for the PO to clarify an item.');
    }
    work(draft, ctx, round2(daily - lost));
    const sprint = currentSprint(draft);
    const { scope, open } = sprintPoints(draft);
    sprint.burndown.push(open);
    sprint.scope.push(scope);
    if (draft.day >= days) {
      endSprint(draft, ctx);
      return;
    }
    const fired = ctx.base.firedEvents;
    for (const card of ctx.scenario.events) {
      if (fired.includes(card.id) || card.fromSprint > ctx.base.sprint) continue;
      // One draw per eligible card, in deck order, keeps the event stream aligned across runs.
      if (ctx.rng.next('events') < card.chance && premiseHolds(ctx.base, card)) {
        draft.pendingEvent = { cardId: card.id, day: draft.day };
        draft.firedEvents.push(card.id);
        say(draft, `${card.title}: ${card.text}`);
        ctx.emit('sys.eventRaised');
        return;
      }
    }
  },
};

/**
 * Whether what the event's text takes for granted is still true: a request to add work already
 * in the Sprint or Done, or "nobody knows" about a belief already tested, would ring false.
 */
export function premiseHolds(state: GameState, card: EventCard): boolean {
  const p = card.premise;
  if (!p) return true;
  // A split item lives on in its pieces.
  const planned = (id: string) => Object.values(state.items).some((i) => (i.id === id || i.parentId === id) && (i.status === 'sprint' || i.status === 'done'));
  if ((p.notPlanned ?? []).some(planned)) return false;
  return !(p.untested ?? []).some((id) => state.items[id]?.assumptionHolds != null);
}

export const resolveEvent: Rule<'resolveEvent'> = {
  check(s, a, scenario) {
    const card = scenario.events.find((c) => c.id === s.pendingEvent?.cardId);
    if (!card) return { code: 'notAllowedNow', message: 'no event is waiting for a decision' };
    if (!card.choices.some((c) => c.id === a.choiceId))
      return { code: 'unknownId', message: `event "${card.id}" has no choice "${a.choiceId}" (choices: ${card.choices.map((c) => c.id).join(', ')})` };
    return null;
  },
  apply(draft, a, ctx) {
    const card = ctx.scenario.events.find((c) => c.id === draft.pendingEvent!.cardId)!;
    const choice = card.choices.find((c) => c.id === a.choiceId)!;
    const fx = choice.effects;
    const why = `Your answer to "${card.title}": ${choice.label}`;
    if (fx.trust) adjustTrust(draft, card.from, fx.trust, why);
    if (fx.morale) adjustMorale(draft, fx.morale, why);
    if (fx.techDebt) adjustDebt(draft, fx.techDebt, why);
    if (fx.capacityLoss) draft.team.lostThisSprint = round2(draft.team.lostThisSprint + fx.capacityLoss);
    for (const e of choice.evidence) judge(draft, { ...e, decisionId: `event-${card.id}` });
    draft.pendingEvent = null;
    say(draft, `You chose: ${choice.label}`);
    ctx.emit('sys.eventResolved');
  },
};

export const injectEvent: Rule<'injectEvent'> = {
  check(s, a, scenario) {
    if (!scenario.events.some((c) => c.id === a.cardId)) return { code: 'unknownId', message: `the scenario's event deck has no card "${a.cardId}"` };
    if (s.firedEvents.includes(a.cardId)) return { code: 'notAllowedNow', message: `event "${a.cardId}" has already happened in this game` };
    if (!premiseHolds(s, scenario.events.find((c) => c.id === a.cardId)!))
      return { code: 'notAllowedNow', message: `event "${a.cardId}" no longer fits the game: what it speaks about is already planned, Done or tested` };
    return null;
  },
  apply(draft, a, ctx) {
    const card = ctx.scenario.events.find((c) => c.id === a.cardId)!;
    draft.pendingEvent = { cardId: card.id, day: ctx.base.day };
    draft.firedEvents.push(card.id);
    say(draft, `${card.title}: ${card.text}`);
    ctx.emit('sys.eventRaised');
  },
};
