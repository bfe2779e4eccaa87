import type { Draft } from 'immer';
import type { GameState, Item } from '../model/state';
import type { Rule } from './context';
import { judge, say } from './context';
import { expectedVelocity, reworkChance, round2, velocitySpread } from './formulas';

export function currentSprint(draft: Draft<GameState>) {
  return draft.sprints[draft.sprints.length - 1]!;
}

/** What the Developers forecast they can take on: recent average velocity, or nominal before any history. */
export function developersForecast(state: GameState): number {
  const history = state.sprints.filter((s) => s.velocity > 0).slice(-3).map((s) => s.velocity);
  const base = history.length ? history.reduce((a, b) => a + b, 0) / history.length : state.team.capacity * (1 - state.refinementShare / 100) * 0.8;
  return Math.max(1, Math.round(base));
}

/** The visible value-per-point ordering a PO could compute from what they know. */
export function visibleDensityOrder(state: GameState): string[] {
  const density = (i: Item) => i.statedValue / Math.max(1, i.estimate);
  return [...state.backlogOrder].sort((a, b) => density(state.items[b]!) - density(state.items[a]!) || (a < b ? -1 : a > b ? 1 : 0));
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

export const commitSprint: Rule<'commitSprint'> = {
  apply(draft, a, ctx) {
    const base = ctx.base;
    const sprint = currentSprint(draft);
    const n = base.sprint;
    const forecast = developersForecast(base);
    const target = a.scope === 'stretch' ? Math.round(forecast * 1.3) : forecast;

    // Ordering is judged at the moment it matters: when the Developers take from the top.
    const ideal = visibleDensityOrder(base).slice(0, 3);
    const top = base.backlogOrder.slice(0, 3);
    const overlap = top.filter((id) => ideal.includes(id)).length / Math.max(1, Math.min(3, ideal.length));
    judge(draft, {
      goalId: 'D3.2.3',
      score: overlap,
      decisionId: `order-s${n}`,
      rationale:
        overlap >= 0.99
          ? 'The top of the backlog held the items with the most value per point of effort.'
          : 'Items with more value per point of effort sat below the ones the Developers took first.',
    });
    judge(draft, {
      goalId: 'D7.2.1',
      score: sprint.goalKind === 'outcome' ? 1 : 0.2,
      decisionId: `sprintGoal-s${n}`,
      rationale:
        sprint.goalKind === 'outcome'
          ? 'A Sprint Goal that names one objective gives the Developers room to negotiate scope.'
          : 'A list of items is not a Sprint Goal: it gives no objective to keep when scope must change.',
    });
    const stretch = a.scope === 'stretch';
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

    // The Developers select from the top of the backlog until their forecast is used up.
    const selected: string[] = [];
    let planned = 0;
    for (const id of base.backlogOrder) {
      const est = base.items[id]!.estimate;
      if (selected.length > 0 && planned + est > target) break;
      selected.push(id);
      planned += est;
    }
    draft.backlogOrder = base.backlogOrder.slice(selected.length);
    for (const id of selected) {
      const seen = base.items[id]!;
      const p = reworkChance(seen.truth.risk, seen.refined, base.refinementShare);
      const item = draft.items[id]!;
      item.status = 'sprint';
      if (ctx.rng.next('quality') < p) item.hiddenRework = Math.max(1, Math.round(seen.remaining * 0.4));
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
    say(draft, `The Developers forecast ${forecast} points and took ${selected.length} items (${planned} points) into the Sprint.`);
  },
};
