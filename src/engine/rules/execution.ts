import type { Draft } from 'immer';
import type { GameState } from '../model/state';
import type { RuleContext, Rule } from './context';
import { judge, say } from './context';
import { doneQuality, round2 } from './formulas';
import { currentSprint } from './planning';
import { isReady } from './story';

/** The Developers burn down the Sprint Backlog in their own order, one day's capacity at a time. */
function work(draft: Draft<GameState>, ctx: RuleContext, capacity: number): void {
  let left = capacity;
  const sprint = currentSprint(draft);
  let k = 0;
  while (left > 0) {
    if (k >= sprint.committed.length) {
      // Finished early: the Developers pull the next ready item from the top of the Product Backlog.
      if (!pullNext(draft, ctx)) break;
    }
    const item = draft.items[sprint.committed[k++]!]!;
    if (item.status !== 'sprint') continue;
    // Work waiting on an unfinished dependency is blocked, whatever its place in the Sprint.
    const blocker = (item.truth.dependsOn ?? []).find((d) => {
      const dep = draft.items[d];
      return dep !== undefined && dep.status !== 'accepted' && dep.status !== 'done';
    });
    if (blocker) {
      if (!item.dependenciesKnown) {
        item.dependenciesKnown = true;
        say(draft, `"${item.title}" is blocked: it needs "${draft.items[blocker]!.title}" first.`);
      }
      continue;
    }
    if (item.hiddenRework > 0) {
      item.remaining += item.hiddenRework;
      sprint.clarifications += 1;
      say(draft, `The Developers found gaps in the acceptance criteria of "${item.title}": ${item.hiddenRework} points of rework and a clarification request.`);
      item.hiddenRework = 0;
    }
    const used = Math.min(left, item.remaining);
    item.remaining = round2(item.remaining - used);
    left = round2(left - used);
    sprint.velocity = round2(sprint.velocity + used);
    if (item.remaining <= 0) {
      item.status = 'done';
      item.meetsDoD = ctx.rng.next('quality') < doneQuality(draft.team.dodStrength, draft.team.techDebt);
      say(draft, `"${item.title}" is finished${item.meetsDoD ? '' : ', but the Developers say it does not yet meet the Definition of Done'}.`);
    }
  }
}

function pullNext(draft: Draft<GameState>, ctx: RuleContext): boolean {
  const next = draft.backlogOrder.find((id) => {
    const item = draft.items[id]!;
    const waiting = (item.truth.dependsOn ?? []).some((d) => draft.items[d] !== undefined && draft.items[d]!.status !== 'accepted' && draft.items[d]!.status !== 'done');
    return item.type !== 'epic' && !(item.dependenciesKnown && waiting) && isReady(draft as GameState, id, ctx.scenario, draft.readiness);
  });
  if (next === undefined) return false;
  draft.backlogOrder = draft.backlogOrder.filter((id) => id !== next);
  draft.items[next]!.status = 'sprint';
  currentSprint(draft).committed.push(next);
  say(draft, `The Developers finished early and pulled "${draft.items[next]!.title}" into the Sprint.`);
  return true;
}

function endSprint(draft: Draft<GameState>, ctx: RuleContext): void {
  const sprint = currentSprint(draft);
  const goalItem = sprint.goalItemId ? draft.items[sprint.goalItemId] : undefined;
  sprint.goalMet =
    sprint.goalKind === 'outcome'
      ? goalItem?.status === 'done'
      : sprint.committed.every((id) => draft.items[id]!.status === 'done');
  say(draft, `Sprint ${draft.sprint} ends: ${sprint.goalMet ? 'the Sprint Goal was met' : 'the Sprint Goal was not met'}.`);
  ctx.emit('sys.sprintOver');
}

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
    let open = 0;
    for (const id of sprint.committed) {
      const item = draft.items[id]!;
      // Visible figures only: an unfinished item counts at its estimate.
      if (item.status === 'sprint') open += item.estimate;
    }
    sprint.burndown.push(round2(open));
    if (draft.day >= days) {
      endSprint(draft, ctx);
      return;
    }
    const fired = ctx.base.firedEvents;
    for (const card of ctx.scenario.events) {
      if (fired.includes(card.id) || card.fromSprint > ctx.base.sprint) continue;
      // One draw per eligible card, in deck order, keeps the event stream aligned across runs.
      if (ctx.rng.next('events') < card.chance) {
        draft.pendingEvent = { cardId: card.id, day: draft.day };
        draft.firedEvents.push(card.id);
        say(draft, `${card.title}: ${card.text}`);
        ctx.emit('sys.eventRaised');
        return;
      }
    }
  },
};

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
    if (fx.trust && draft.trust[card.from] !== undefined) draft.trust[card.from] = clamp(draft.trust[card.from]! + fx.trust);
    if (fx.morale) draft.team.morale = clamp(draft.team.morale + fx.morale);
    if (fx.techDebt) draft.team.techDebt = clamp(draft.team.techDebt + fx.techDebt);
    if (fx.capacityLoss) draft.team.lostThisSprint = round2(draft.team.lostThisSprint + fx.capacityLoss);
    for (const e of choice.evidence) judge(draft, { ...e, decisionId: `event-${card.id}` });
    draft.pendingEvent = null;
    say(draft, `You chose: ${choice.label}`);
    ctx.emit('sys.eventResolved');
  },
};

export function clamp(x: number): number {
  return Math.min(100, Math.max(0, round2(x)));
}

export const injectEvent: Rule<'injectEvent'> = {
  check(s, a, scenario) {
    if (!scenario.events.some((c) => c.id === a.cardId)) return { code: 'unknownId', message: `the scenario's event deck has no card "${a.cardId}"` };
    if (s.firedEvents.includes(a.cardId)) return { code: 'notAllowedNow', message: `event "${a.cardId}" has already happened in this game` };
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
