import type { Draft } from 'immer';
import { setMorale } from './effects';
import type { Scenario } from '../model/scenario';
import type { GameState } from '../model/state';
import type { Rule } from './context';
import { judge, quotedTitles, say, unknownId } from './context';
import { expectedVelocity, reworkChance, round2, velocitySpread } from './formulas';
import { criteriaCoverage, isReady, judgeUnansweredFlaws, scenarioItem, setAside } from './story';
import { refinementBudget, refinementCost } from './backlog';
import { judgeBuyerAndUser, judgeMarketUse } from './discovery';
import { chosenProductGoal, judgeSprintGoalAgainstProductGoal } from './product-goal';
import { asSentence, emptyText, judgeWrittenSprintGoal, quoteWritten, sprintGoalJudgement, sprintGoalPushBack, written } from './writing';
import { judgeUsageGuidedOrder } from './usage';
import { judgeOrdering, unitScores, visibleWsjfOrder } from './ordering';
import { judgeReadiness } from './readiness';
import { judgePlanningGoals } from './goals-in-the-world';

export function currentSprint(draft: Draft<GameState>) {
  return draft.sprints[draft.sprints.length - 1]!;
}

/** What the Developers forecast they can take on: recent average velocity, or nominal before any history. */
export function developersForecast(state: GameState): number {
  const history = state.sprints.filter((s) => s.velocity > 0).slice(-3).map((s) => s.velocity);
  const base = history.length ? history.reduce((a, b) => a + b, 0) / history.length : state.team.capacity * (1 - state.refinementShare / 100) * 0.8;
  return Math.max(1, Math.round(base));
}

// The order's helpers live with its judgement; re-exported for callers that found them here.
export { visibleDelayWeight, visibleDensityOrder, visibleWsjfOrder } from './ordering';

/** Sprint Planning opens the Sprint: a fresh record for its goal, forecast and results. */
export function openSprint(draft: Draft<GameState>): void {
  draft.sprints.push({
    number: draft.sprint,
    goalText: '',
    goalWritten: false,
    goalItemIds: [],
    negotiation: null,
    goalSettled: null,
    forecast: 0,
    committed: [],
    stretch: false,
    velocity: 0,
    done: [],
    notDone: [],
    goalMet: null,
    cancelled: false,
    forecastAnswered: false,
    clarifications: 0,
    shortOfDoD: [],
    techDebtAtStart: draft.team.techDebt,
    reviewFormat: null,
    released: false,
    reflections: [],
    progressSharing: null,
    burndown: [],
    scope: [],
  });
}

/** Items a Sprint Goal may rest on: Product Backlog items small enough for a Sprint. */
export function goalCandidates(state: GameState): string[] {
  return state.backlogOrder.filter((id) => state.items[id]!.type !== 'epic');
}


/** The Sprint Goal's wording: one objective, tied to the Product Goal, whatever items it rests on. */
export function goalText(state: GameState, ids: readonly string[], productGoal: string | null): string {
  if (ids.length === 0) return 'Strengthen what the Increment already does: fewer defects, less technical debt';
  const what = `Get ${quotedTitles(state, ids)} Done${ids.length > 1 ? ' together' : ''}`;
  return productGoal ? `${what}, as this Sprint's step toward the Product Goal` : what;
}

/**
 * The Developers answer a proposed Sprint Goal from what they know: their forecast, the
 * dependencies they have found and whether they understand the items. They may agree, offer a
 * smaller goal, put a dependency first, or ask for a clarification.
 */
export function developersAnswer(state: GameState, proposed: readonly string[]): GameState['sprints'][number]['negotiation'] & object {
  const forecast = developersForecast(state);
  const ids = [...proposed];
  if (ids.length === 0)
    return { proposed: [], answer: 'agree', counter: null, message: 'The Developers agree: with no item worth taking, they will spend the Sprint on the quality of what is there.' };
  // A dependency the Developers know about and that is not Done must come first, inside the goal.
  for (const id of proposed) {
    const item = state.items[id]!;
    if (!item.dependenciesKnown) continue;
    const dep = (item.truth.dependsOn ?? []).find((d) => state.items[d] && state.items[d]!.status !== 'done' && state.items[d]!.status !== 'split' && !ids.includes(d));
    if (dep && state.backlogOrder.includes(dep)) {
      const counter = [dep, ...ids.filter((x) => x !== id)];
      const fits = counter.reduce((a, x) => a + state.items[x]!.estimate, 0) <= forecast ? counter : [dep];
      return {
        proposed: [...proposed],
        answer: 'blocked',
        counter: fits,
        message: `"${item.title}" needs "${state.items[dep]!.title}" to be Done first. The Developers propose a goal around ${quotedTitles(state, fits)} instead.`,
      };
    }
  }
  const points = ids.reduce((a, id) => a + state.items[id]!.estimate, 0);
  if (points > forecast && ids.length > 1) {
    const counter: string[] = [];
    let sum = 0;
    for (const id of ids) {
      if (counter.length && sum + state.items[id]!.estimate > forecast) break;
      counter.push(id);
      sum += state.items[id]!.estimate;
    }
    return {
      proposed: [...proposed],
      answer: 'tooBig',
      counter,
      message: `That is ${points} points and the Developers forecast ${forecast}. They propose a smaller goal: ${quotedTitles(state, counter)}.`,
    };
  }
  const unclear = ids.find((id) => !state.items[id]!.refined);
  if (unclear)
    return {
      proposed: [...proposed],
      answer: 'unclear',
      counter: null,
      message:
        `The Developers are not sure what "${state.items[unclear]!.title}" needs: they ask you to clarify it (refine it with them) before they commit to the goal.` +
        (refinementBudget(state) - state.refinementUsed < refinementCost(state.items[unclear]!.estimate)
          ? ' There is not enough refinement time left for it: agree a larger refinement share with them, or propose a goal without it.'
          : ''),
    };
  if (points > forecast) {
    // One item too big for a Sprint: the Developers suggest the first that fits, or try it if none does.
    const only = state.items[ids[0]!]!;
    const alternative = goalCandidates(state).find((id) => !setAside(state.items[id]!) && state.items[id]!.estimate <= forecast && !ids.includes(id));
    if (!alternative)
      return { proposed: [...proposed], answer: 'agree', counter: null, message: `"${only.title}" is ${points} points against a forecast of ${forecast}; nothing smaller is ready, so the Developers will try, and it may not be Done this Sprint.` };
    return {
      proposed: [...proposed],
      answer: 'tooBig',
      counter: [alternative],
      message: `"${only.title}" is ${points} points and the Developers forecast ${forecast}: too big to be Done in one Sprint (you could split it). They propose a goal built on "${state.items[alternative]!.title}" instead.`,
    };
  }
  return { proposed: [...proposed], answer: 'agree', counter: null, message: `The Developers agree: ${points} points fits their forecast of ${forecast}.` };
}

export const proposeSprintGoal: Rule<'proposeSprintGoal'> = {
  check(s, a) {
    if (a.text !== undefined && emptyText('sprintGoal', a.text)) return emptyText('sprintGoal', a.text);
    if (new Set(a.itemIds).size !== a.itemIds.length) return { code: 'invalidParams', message: 'itemIds lists an item more than once' };
    for (const id of a.itemIds) {
      const item = s.items[id];
      if (!item || !s.backlogOrder.includes(id)) return unknownId('Product Backlog item', id);
      if (item.type === 'epic') return { code: 'invalidParams', message: `"${item.title}" is an epic: too big for one Sprint; split it first` };
    }
    return null;
  },
  apply(draft, a, ctx) {
    const sprint = currentSprint(draft);
    const base = ctx.base;
    const negotiation = developersAnswer(base, a.itemIds);
    const goal = chosenProductGoal(base, ctx.scenario);
    sprint.negotiation = negotiation;
    sprint.goalItemIds = [...a.itemIds];
    if (a.text !== undefined) {
      // The PO's own words: the Developers read them, and say so when they cannot tell what the one objective is.
      sprint.goalText = written('sprintGoal', a.text);
      sprint.goalWritten = true;
      sprint.negotiation!.message += sprintGoalPushBack(sprintGoalJudgement(sprint.goalText, goal?.text ?? null, ctx.scenario));
    } else {
      sprint.goalText = goalText(base, a.itemIds, goal?.text ?? null);
      sprint.goalWritten = false;
    }
    say(draft, `You proposed a Sprint Goal: ${asSentence(sprint.goalText)} ${sprint.negotiation!.message}`);
  },
};

/** The Developers take ready items from the top until their forecast is used up; epics never fit a Sprint. */
export function selectForSprint(state: GameState, scenario: Scenario, target: number, goal: readonly string[] = []): { selected: string[]; skipped: string[]; planned: number } {
  // The Sprint Goal's items come first, whatever their readiness: the Scrum Team agreed on them.
  const selected: string[] = goal.filter((id) => state.backlogOrder.includes(id));
  const skipped: string[] = [];
  let planned = selected.reduce((a, id) => a + state.items[id]!.estimate, 0);
  for (const id of state.backlogOrder) {
    if (selected.includes(id)) continue;
    const item = state.items[id]!;
    if (item.type === 'epic' || !isReady(state, id, scenario, state.readiness)) {
      skipped.push(id);
      continue;
    }
    if (selected.length > 0 && planned + item.estimate > target) break;
    selected.push(id);
    planned += item.estimate;
  }
  return { selected, skipped, planned };
}

function judgeCriteria(draft: Draft<GameState>, base: GameState, scenario: Scenario, selected: string[], n: number): void {
  for (const id of selected) {
    const source = scenarioItem(scenario, id);
    const own = base.items[id]!.writtenCriteria;
    if (!source?.criteria?.length && !own) continue;
    const cov = criteriaCoverage(base.items[id]!, source);
    const decisionId = `criteria-${id}`;
    const chosen = base.items[id]!.criteria.length;
    const title = own
      ? `"${base.items[id]!.title}" entered the Sprint with the acceptance criteria you wrote (${quoteWritten(own.text)})`
      : `"${base.items[id]!.title}" entered the Sprint with ${chosen === 0 ? 'no' : chosen} acceptance ${chosen === 1 ? 'criterion' : 'criteria'}`;
    judge(draft, {
      goalId: 'D3.1.2',
      score: cov.hasHappyPath ? 1 : cov.covered > 0 ? 0.5 : 0,
      decisionId,
      rationale: cov.hasHappyPath ? `${title}: the story came with testable conditions of satisfaction.` : `${title}: the story reached the Sprint without clear conditions of satisfaction.`,
    });
    judge(draft, {
      goalId: 'D7.3.2',
      score: cov.covered === 0 ? 0 : cov.poor > 0 ? 0.3 : 1,
      decisionId,
      rationale:
        cov.poor > 0
          ? `${title}; a vague criterion, or one that dictates the solution, leaves room for argument instead of a testable Given-When-Then.`
          : cov.covered > 0
            ? `${title}; each states a situation, an action and an observable result.`
            : `${title}.`,
    });
    judge(draft, {
      goalId: 'D7.3.3',
      score: cov.available ? cov.covered / cov.available : 0,
      decisionId,
      rationale:
        cov.covered >= cov.available
          ? `${title}, covering its edge cases, error handling and quality conditions.`
          : `${title}; ${cov.available - cov.covered} of the ${cov.available} kinds of condition on offer (happy path, edge cases, error handling, quality) were left unsaid and will surface mid-Sprint.`,
    });
  }
}

/**
 * Value per point of the goal's items against the best the visible order offered for as many
 * items; an enabler and the work waiting on it count as one unit, as in the backlog order.
 */
function goalValueShare(state: GameState, goal: readonly string[]): { share: number; best: string[] } {
  const scores = unitScores(state, 'wsjf');
  const mean = (ids: readonly string[]) => ids.reduce((a, id) => a + (scores.get(id) ?? 0), 0) / Math.max(1, ids.length);
  const best = visibleWsjfOrder(state).slice(0, Math.max(1, goal.length));
  const top = mean(best);
  return { share: top > 0 ? Math.min(1, mean(goal) / top) : 1, best };
}

export const commitSprint: Rule<'commitSprint'> = {
  check(s, a) {
    const n = s.sprints[s.sprints.length - 1]?.negotiation;
    if (!n) return { code: 'notAllowedNow', message: 'propose a Sprint Goal to the Developers first' };
    if (a.scope === 'agreed' && n.answer === 'tooBig' && !n.counter)
      return { code: 'notAllowedNow', message: 'the Developers doubt this goal fits one Sprint: propose a smaller one, or insist' };
    return null;
  },
  apply(draft, a, ctx) {
    const base = ctx.base;
    const sprint = currentSprint(draft);
    const n = base.sprint;
    const negotiation = base.sprints[base.sprints.length - 1]!.negotiation!;
    const forecast = developersForecast(base);
    const stretch = a.scope === 'insist';
    const target = stretch ? Math.max(Math.round(forecast * 1.3), negotiation.proposed.reduce((x, id) => x + base.items[id]!.estimate, 0)) : forecast;
    const goalIds = stretch ? negotiation.proposed : (negotiation.counter ?? negotiation.proposed);
    const goal = chosenProductGoal(base, ctx.scenario);
    sprint.goalItemIds = [...goalIds];
    const wrote = base.sprints[base.sprints.length - 1]!.goalWritten;
    if (!wrote) sprint.goalText = goalText(base, goalIds, goal?.text ?? null);
    else judgeWrittenSprintGoal(draft, sprint.goalText, goal?.text ?? null, ctx.scenario, n);
    sprint.goalSettled = stretch ? 'insisted' : 'agreed';

    judgeOrdering(draft, base, n);
    judgeMarketUse(draft, ctx);
    judgeBuyerAndUser(draft, ctx);
    judgeSprintGoalAgainstProductGoal(draft, base, ctx.scenario, goalIds);
    judgeUsageGuidedOrder(draft, base, ctx.scenario);
    const value = goalValueShare(base, goalIds);
    const names = (ids: readonly string[]) => (ids.length ? ids.map((id) => `"${base.items[id]!.title}"`).join(', ') : 'no item');
    const valueWords = !goalIds.length
      ? `In Sprint ${n} the Sprint Goal rested on no Product Backlog item`
      : value.share >= 0.99
        ? `The Sprint Goal rests on ${names(goalIds)}, the work with the most visible value per point toward the Product Goal`
        : `The Sprint Goal rests on ${names(goalIds)}, while ${names(value.best)} offered more visible value per point toward the Product Goal`;
    judge(draft, {
      goalId: 'D7.2.1',
      score: (stretch ? 0.2 : 0.5) + (stretch ? 0.3 : 0.5) * value.share,
      decisionId: `sprintGoal-s${n}`,
      rationale: stretch
        ? `${valueWords}; it was imposed on the Developers rather than crafted with them.`
        : `${valueWords}; the Scrum Team crafted it together from your objective and the Developers' answer.`,
    });
    const unclear = !stretch && negotiation.answer === 'unclear';
    judge(draft, {
      goalId: 'D7.2.2',
      score: stretch ? 0.1 : unclear ? 0.5 : 1,
      decisionId: `sprintGoal-s${n}`,
      rationale: stretch
        ? negotiation.answer === 'agree'
          ? `The Developers agreed to the goal at their forecast of ${forecast} ${forecast === 1 ? 'point' : 'points'}, and you still pushed ${target} on them.`
          : `The Developers said: ${negotiation.message} You overruled them instead of negotiating the scope.`
        : negotiation.answer === 'agree'
          ? `You proposed ${names(negotiation.proposed)} against the Developers' forecast of ${forecast} ${forecast === 1 ? 'point' : 'points'}, and they agreed: the goal balanced what matters now with what they can do.`
          : unclear
            ? `The Developers said: ${negotiation.message} The Sprint started before it was clarified.`
            : `The Developers said: ${negotiation.message} You took their smaller or re-ordered goal: urgency was met by negotiating scope.`,
    });
    judge(draft, {
      goalId: 'D1.3.2',
      score: stretch ? 0 : unclear ? 0.4 : 1,
      decisionId: `forecast-s${n}`,
      rationale: stretch
        ? `The Developers forecast ${forecast} ${forecast === 1 ? 'point' : 'points'}; they own the Sprint forecast and how they work, and pushing ${target} on them overrode their judgement.`
        : unclear
          ? `In Sprint Planning the PO answers the Developers\u2019 questions; this one was left open. They said: ${negotiation.message}`
          : `You brought the objective, answered the Developers and let them decide how much they could take on (they forecast ${forecast} ${forecast === 1 ? 'point' : 'points'}).`,
    });

    const { selected, skipped, planned } = selectForSprint(base, ctx.scenario, target, goalIds);
    judgeCriteria(draft, base, ctx.scenario, selected, n);
    judgePlanningGoals(draft, ctx, a.scope, selected);
    judgeReadiness(draft, base, ctx.scenario, n, { selected, skipped });
    judgeUnansweredFlaws(draft, base, selected, n);
    for (const id of selected) {
      if (!scenarioItem(ctx.scenario, id)?.assumption || base.items[id]!.assumptionHolds !== null) continue;
      judge(draft, {
        goalId: 'D4.2.2',
        score: 0.2,
        decisionId: `mvp-${id}`,
        rationale: `"${base.items[id]!.title}" went into Sprint ${n} built on a belief nobody tested ("${scenarioItem(ctx.scenario, id)!.assumption!.text}"); a small experiment first would have shown whether it holds.`,
      });
    }
    draft.backlogOrder = base.backlogOrder.filter((id) => !selected.includes(id));
    for (const id of selected) {
      const seen = base.items[id]!;
      const source = scenarioItem(ctx.scenario, id);
      const cov = criteriaCoverage(seen, source);
      const unfixed = (source?.flaws ?? []).filter((f) => !seen.fixedFlaws.includes(f));
      // Good acceptance criteria and fixed INVEST flaws make hidden rework less likely.
      let p = reworkChance(seen.truth.risk, seen.refined, base.refinementShare);
      if (cov.available) p *= 1 - 0.6 * (cov.covered / cov.available);
      if (unfixed.includes('testable') || unfixed.includes('estimable')) p += 0.2;
      const item = draft.items[id]!;
      item.status = 'sprint';
      item.returnedInSprint = null;
      if (ctx.rng.next('quality') < Math.min(0.95, p)) item.hiddenRework = Math.max(1, Math.round(seen.remaining * (unfixed.includes('small') ? 0.6 : 0.4)));
    }
    sprint.forecast = forecast;
    sprint.committed = selected;
    sprint.stretch = stretch;
    if (stretch) setMorale(draft, Math.max(0, draft.team.morale - 10), 'The Developers were pushed to take on more than they forecast');

    const t = base.team;
    const expected = expectedVelocity({
      capacity: t.capacity,
      refinementShare: base.refinementShare,
      techDebt: t.techDebt,
      dodStrength: t.dodStrength,
      morale: draft.team.morale,
      sprintsSinceDoDChange: t.dodChangedInSprint === null ? null : n - t.dodChangedInSprint - 1,
      debtWorkShare: t.debtWorkNextSprint,
    });
    const spread = velocitySpread(t.velocitySpread, t.dodStrength, t.techDebt);
    draft.sprintCapacity = round2(Math.max(0.2 * expected, expected * (1 + spread * ctx.rng.normal('velocity'))));
    draft.team.debtWorkNextSprint = 0;
    draft.team.lostThisSprint = 0;
    draft.day = 0;
    const passed = skipped.filter((id) => base.backlogOrder.indexOf(id) < base.backlogOrder.indexOf(selected[selected.length - 1] ?? ''));
    const items = (k: number) => `${k} ${k === 1 ? 'item' : 'items'}`;
    say(
      draft,
      `Sprint Goal: ${asSentence(sprint.goalText)} The Developers forecast ${forecast} points and took ${items(selected.length)} (${planned} points) into the Sprint.` +
        (passed.length ? ` They passed over ${items(passed.length)} that ${passed.length === 1 ? 'was' : 'were'} not ready or too big.` : ''),
    );
  },
};
