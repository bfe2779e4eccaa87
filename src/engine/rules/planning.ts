import type { Draft } from 'immer';
import type { Scenario } from '../model/scenario';
import type { GameState, Item } from '../model/state';
import type { Rule } from './context';
import { judge, say } from './context';
import { expectedVelocity, reworkChance, round2, velocitySpread } from './formulas';
import { criteriaCoverage, isReady, scenarioItem } from './story';
import { judgeBuyerAndUser, judgeMarketUse } from './discovery';

export function currentSprint(draft: Draft<GameState>) {
  return draft.sprints[draft.sprints.length - 1]!;
}

/** What the Developers forecast they can take on: recent average velocity, or nominal before any history. */
export function developersForecast(state: GameState): number {
  const history = state.sprints.filter((s) => s.velocity > 0).slice(-3).map((s) => s.velocity);
  const base = history.length ? history.reduce((a, b) => a + b, 0) / history.length : state.team.capacity * (1 - state.refinementShare / 100) * 0.8;
  return Math.max(1, Math.round(base));
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Items that could sensibly lead the backlog: not epics, not work the PO set aside. */
function candidates(state: GameState): string[] {
  return state.backlogOrder.filter((id) => {
    const i = state.items[id]!;
    return i.type !== 'epic' && !i.offVision && i.moscow !== 'wont' && i.assumptionHolds !== false;
  });
}

/** The visible value-per-point ordering a PO could compute from what they know. */
export function visibleDensityOrder(state: GameState): string[] {
  const density = (i: Item) => i.statedValue / Math.max(1, i.estimate);
  return candidates(state).sort((a, b) => density(state.items[b]!) - density(state.items[a]!) || byId(a, b));
}

/** Weight of delay a PO can see: urgent and near deadlines first, intangible last. */
export function visibleDelayWeight(item: Item, sprint: number): number {
  switch (item.visibleCostOfDelay) {
    case 'urgent':
      return 2;
    case 'fixedDate':
      return (item.truth.deadlineSprint ?? 99) - sprint <= 1 ? 2.5 : 1;
    case 'intangible':
      return 0.8;
    default:
      return 1;
  }
}

/** Weighted shortest job first from visible signals: value times urgency per point. */
export function visibleWsjfOrder(state: GameState): string[] {
  const score = (i: Item) => (i.statedValue * visibleDelayWeight(i, state.sprint)) / Math.max(1, i.estimate);
  return candidates(state).sort((a, b) => score(state.items[b]!) - score(state.items[a]!) || byId(a, b));
}

export const proposeSprintGoal: Rule<'proposeSprintGoal'> = {
  apply(draft, a) {
    const sprint = currentSprint(draft);
    const topId = draft.backlogOrder[0];
    const top = topId === undefined ? undefined : draft.items[topId];
    sprint.goalKind = a.kind;
    sprint.goalItemId = top?.id ?? null;
    sprint.goalText = !top
      ? 'Improve what the Increment already does'
      : a.kind === 'outcome'
        ? `Deliver the outcome behind "${top.title}"`
        : `Finish: ${draft.backlogOrder.slice(0, 3).map((id) => draft.items[id]!.title).join('; ')}`;
    say(draft, `Proposed Sprint Goal: ${sprint.goalText}`);
  },
};

/** The Developers take ready items from the top until their forecast is used up; epics never fit a Sprint. */
export function selectForSprint(state: GameState, scenario: Scenario, target: number): { selected: string[]; skipped: string[]; planned: number } {
  const selected: string[] = [];
  const skipped: string[] = [];
  let planned = 0;
  for (const id of state.backlogOrder) {
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

function judgeOrdering(draft: Draft<GameState>, base: GameState, n: number): void {
  const top = base.backlogOrder.slice(0, 3);
  const overlap = (ideal: string[]) => top.filter((id) => ideal.includes(id)).length / Math.max(1, Math.min(3, ideal.length));
  const wsjf = overlap(visibleWsjfOrder(base).slice(0, 3));
  // Value per effort, with or without urgency weighed in: either reading is sound analysis.
  const density = Math.max(wsjf, overlap(visibleDensityOrder(base).slice(0, 3)));
  judge(draft, {
    goalId: 'D3.2.3',
    score: density,
    decisionId: `order-s${n}`,
    rationale:
      density >= 0.99
        ? 'The top of the backlog held the items with the most value per point of effort.'
        : 'Items with more value per point of effort sat below the ones the Developers took first.',
  });
  judge(draft, {
    goalId: 'D1.2.2',
    score: wsjf,
    decisionId: `order-s${n}`,
    rationale:
      wsjf >= 0.99
        ? 'The order weighed value, urgency and effort together: what costs most to delay came first.'
        : 'Urgent or deadline-bound value waited behind work that could have waited.',
  });
  // Dependencies and risk: nothing at the top should wait on work below it.
  const topSet = base.backlogOrder.slice(0, 5);
  let conflicts = 0;
  let known = 0;
  for (const [i, id] of topSet.entries()) {
    const item = base.items[id]!;
    if (!item.dependenciesKnown) continue;
    for (const dep of item.truth.dependsOn ?? []) {
      known++;
      const depIndex = base.backlogOrder.indexOf(dep);
      if (base.items[dep]?.status !== 'accepted' && (depIndex < 0 || depIndex > i)) conflicts++;
    }
  }
  if (known > 0)
    judge(draft, {
      goalId: 'D3.2.4',
      score: conflicts === 0 ? 1 : 0,
      decisionId: `order-s${n}`,
      rationale: conflicts === 0 ? 'Items that others depend on were ordered first.' : 'An item near the top waits on work ordered below it, so it cannot be finished.',
    });
  const topItem = base.items[base.backlogOrder[0] ?? ''];
  if (topItem?.type === 'epic')
    judge(draft, {
      goalId: 'D3.1.1',
      score: 0,
      decisionId: `order-s${n}`,
      rationale: 'An epic at the top of the backlog is too big for a Sprint; it should have been split during refinement.',
    });
}

function judgeCriteria(draft: Draft<GameState>, base: GameState, scenario: Scenario, selected: string[], n: number): void {
  for (const id of selected) {
    const source = scenarioItem(scenario, id);
    if (!source?.criteria?.length) continue;
    const cov = criteriaCoverage(base.items[id]!, source);
    const decisionId = `criteria-${id}`;
    judge(draft, {
      goalId: 'D3.1.2',
      score: cov.hasHappyPath ? 1 : cov.covered > 0 ? 0.5 : 0,
      decisionId,
      rationale: cov.hasHappyPath ? 'The story came with testable conditions of satisfaction.' : 'The story reached the Sprint without clear conditions of satisfaction.',
    });
    judge(draft, {
      goalId: 'D7.3.2',
      score: cov.covered === 0 ? 0 : cov.poor > 0 ? 0.3 : 1,
      decisionId,
      rationale:
        cov.poor > 0
          ? 'A vague criterion, or one that dictates the solution, leaves room for argument instead of a testable Given-When-Then.'
          : cov.covered > 0
            ? 'Each criterion states a situation, an action and an observable result.'
            : 'No acceptance criteria were written.',
    });
    judge(draft, {
      goalId: 'D7.3.3',
      score: cov.available ? cov.covered / cov.available : 0,
      decisionId,
      rationale:
        cov.covered >= cov.available
          ? 'Edge cases, error handling and quality conditions were all covered.'
          : 'Some edge cases, error handling or quality conditions were left unsaid; they will surface mid-Sprint.',
    });
  }
  if (selected.length)
    judge(draft, {
      goalId: 'D7.1.2',
      score: selected.filter((id) => isReady(base, id, scenario, 'strict')).length / selected.length,
      decisionId: `ready-s${n}`,
      rationale: 'Items entering a Sprint should be understood, sized, have acceptance criteria and no open dependency.',
    });
  judge(draft, {
    goalId: 'D7.1.3',
    score: base.readiness === 'light' ? 1 : base.readiness === 'strict' ? 0.4 : 0.2,
    decisionId: `ready-s${n}`,
    rationale:
      base.readiness === 'light'
        ? 'A light Definition of Ready keeps items clear without making it a gate that starves the Sprint.'
        : base.readiness === 'strict'
          ? 'A strict gate keeps surprises out but holds back work that was clear enough to start.'
          : 'Without any readiness agreement, unclear items enter Sprints and cause mid-Sprint renegotiation.',
  });
}

export const commitSprint: Rule<'commitSprint'> = {
  apply(draft, a, ctx) {
    const base = ctx.base;
    const sprint = currentSprint(draft);
    const n = base.sprint;
    const forecast = developersForecast(base);
    const stretch = a.scope === 'stretch';
    const target = stretch ? Math.round(forecast * 1.3) : forecast;

    judgeOrdering(draft, base, n);
    judgeMarketUse(draft, ctx);
    judgeBuyerAndUser(draft, ctx);
    judge(draft, {
      goalId: 'D7.2.1',
      score: sprint.goalKind === 'outcome' ? 1 : 0.2,
      decisionId: `sprintGoal-s${n}`,
      rationale:
        sprint.goalKind === 'outcome'
          ? 'A Sprint Goal that names one objective gives the Developers room to negotiate scope.'
          : 'A list of items is not a Sprint Goal: it gives no objective to keep when scope must change.',
    });
    judge(draft, {
      goalId: 'D1.3.2',
      score: stretch ? 0 : 1,
      decisionId: `forecast-s${n}`,
      rationale: stretch
        ? 'The Developers own the Sprint forecast; pushing more work on them overrides their judgement.'
        : 'The PO proposed value and let the Developers decide how much they could take on.',
    });
    judge(draft, {
      goalId: 'D7.2.2',
      score: stretch ? 0.1 : 1,
      decisionId: `forecast-s${n}`,
      rationale: stretch ? 'Urgency was met by overloading the team instead of negotiating scope.' : 'The goal balanced urgency with what the team could achieve.',
    });

    const { selected, skipped, planned } = selectForSprint(base, ctx.scenario, target);
    judgeCriteria(draft, base, ctx.scenario, selected, n);
    for (const id of selected) {
      if (!scenarioItem(ctx.scenario, id)?.assumption || base.items[id]!.assumptionHolds !== null) continue;
      judge(draft, {
        goalId: 'D4.2.2',
        score: 0.2,
        decisionId: `mvp-${id}`,
        rationale: 'The full item was built on a belief nobody tested; a small experiment first would have shown whether it holds.',
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
      if (ctx.rng.next('quality') < Math.min(0.95, p)) item.hiddenRework = Math.max(1, Math.round(seen.remaining * (unfixed.includes('small') ? 0.6 : 0.4)));
    }
    sprint.forecast = forecast;
    sprint.committed = selected;
    sprint.stretch = stretch;
    if (stretch) draft.team.morale = Math.max(0, draft.team.morale - 10);

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
    say(draft, `The Developers forecast ${forecast} points and took ${selected.length} items (${planned} points) into the Sprint.${passed.length ? ` They passed over ${passed.length} item(s) that were not ready or too big.` : ''}`);
  },
};
