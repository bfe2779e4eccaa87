import { describe, expect, it } from 'vitest';
import { createSession, type Evidence, type Session } from '../../../src/engine';
import type { Readiness } from '../../../src/engine/model/state';
import { starterScenario } from '../../helpers/scenarios';

/*
 * Item 8: readiness is judged against the working agreement the Scrum Team chose, and a Definition
 * of Ready is optional (the 2020 Guide has none): without one, items need only be clear enough.
 */

function ok(s: Session, input: unknown): void {
  while (s.observe().observation.pendingQuestion) s.dispatch({ id: s.observe().actions[0]!.id });
  const r = s.dispatch(input);
  if (!r.ok) throw new Error(r.error.message);
}

/**
 * Sprint 1 Planning under a readiness agreement: `refined` items refined (with their happy-path
 * criterion), `top` first in the order, `goal` as the Sprint Goal; the readiness judgements.
 */
function planWith(level: Readiness, refined: readonly string[], goal: readonly string[], top: readonly string[] = goal): Map<string, Evidence> {
  const { scenario } = starterScenario();
  const s = createSession(scenario, 3, 'fair');
  ok(s, { type: 'chooseProductGoal', goalId: 'morning-orders' });
  ok(s, { type: 'startSprints' });
  ok(s, { type: 'setRefinementShare', percent: 30 });
  ok(s, { type: 'setReadiness', level });
  for (const id of refined) {
    ok(s, { type: 'refineItem', itemId: id });
    if (scenario.backlog.find((i) => i.id === id)?.criteria?.some((c) => c.id === 'happy')) ok(s, { type: 'addCriterion', itemId: id, criterionId: 'happy' });
  }
  ok(s, { type: 'orderBacklog', itemIds: [...top, ...s.state.backlogOrder.filter((id) => !top.includes(id))] });
  ok(s, { type: 'proposeSprintGoal', itemIds: [...goal] });
  ok(s, { type: 'commitSprint', scope: 'agreed' });
  return new Map(s.state.evidence.filter((e) => e.decisionId === 'ready-s1').map((e) => [e.goalId, e]));
}

describe('item 8: readiness is judged against the agreement the team chose', () => {
  it('under a light Definition of Ready, small unrefined items are ready', () => {
    // Both are small enough to understand at Sprint Planning: that is what the team agreed.
    const judged = planWith('light', [], ['allergen-menu', 'android-crash']).get('D7.1.2')!;
    expect(judged.score).toBe(1);
    expect(judged.rationale).toMatch(/light Definition of Ready/);
  });

  it('under a light Definition of Ready, a large unrefined item falls short, and the rationale says why', () => {
    const judged = planWith('light', [], ['order-ahead']).get('D7.1.2')!;
    expect(judged.score).toBeLessThan(1);
    expect(judged.rationale).toContain('"Order ahead for pickup" was not refined, and at 8 points');
    expect(judged.rationale).toMatch(/light Definition of Ready/);
  });

  it('a strict agreement still asks for refinement and acceptance criteria', () => {
    const judged = planWith('strict', [], ['allergen-menu']).get('D7.1.2')!;
    expect(judged.score).toBe(0);
    expect(judged.rationale).toContain('"Allergen information on the menu" was not refined');
  });

  it('a Definition of Ready is optional: without one, clear work entering the Sprint is not marked down', () => {
    // Whatever else the Developers take is refined or small.
    const judged = planWith('none', ['order-ahead', 'pickup-alerts'], ['allergen-menu', 'android-crash']);
    expect(judged.get('D7.1.2')!.score).toBe(1);
    expect(judged.get('D7.1.3')!.score).toBe(1);
    expect(judged.get('D7.1.3')!.rationale).toMatch(/optional/);
  });

  it('a strict gate is marked down only when it held back work that was clear enough to start', () => {
    const held = planWith('strict', [], ['allergen-menu']).get('D7.1.3')!;
    expect(held.score).toBeLessThan(1);
    expect(held.rationale).toMatch(/held back "/);
    // Everything the Developers reach is refined, with criteria: the strict gate costs nothing here.
    const ready = ['allergen-menu', 'android-crash', 'payments-sdk', 'pickup-alerts', 'order-ahead'];
    const fine = planWith('strict', ready, ['allergen-menu'], ready).get('D7.1.3')!;
    expect(fine.score).toBe(1);
  });
});
