import { describe, expect, it } from 'vitest';
import { createSession, type Evidence, type Scenario, type Session } from '../../../src/engine';
import { starterScenario } from '../../helpers/scenarios';

/*
 * Item 2: the order is judged against the orders a PO could defend from what they saw: an enabler
 * and the item waiting on it count as one unit, only dependencies refinement revealed count, and
 * the rationale names the consideration that was missed.
 */

/** The café without its splash screen, which a good PO sets aside (item 1 judges that). */
function cafe(change: (s: Scenario) => Scenario = (s) => s): Scenario {
  const { scenario } = starterScenario();
  return change({ ...scenario, backlog: scenario.backlog.filter((i) => i.id !== 'splash-screen') });
}

function ok(s: Session, input: unknown): void {
  while (s.observe().observation.pendingQuestion) s.dispatch({ id: s.observe().actions[0]!.id });
  const r = s.dispatch(input);
  if (!r.ok) throw new Error(r.error.message);
}

/** Sprint 1 Planning: refine `refined`, put `top` first, propose the first item, commit; the order's judgements. */
function planWith(scenario: Scenario, refined: readonly string[], top: readonly string[]): Map<string, Evidence> {
  const s = createSession(scenario, 7, 'fair');
  ok(s, { type: 'chooseProductGoal', goalId: 'morning-orders' });
  ok(s, { type: 'startSprints' });
  ok(s, { type: 'setRefinementShare', percent: 20 });
  for (const id of refined) ok(s, { type: 'refineItem', itemId: id });
  ok(s, { type: 'orderBacklog', itemIds: [...top, ...s.state.backlogOrder.filter((id) => !top.includes(id))] });
  ok(s, { type: 'proposeSprintGoal', itemIds: [top[0]] });
  ok(s, { type: 'commitSprint', scope: 'agreed' });
  return new Map(s.state.evidence.filter((e) => e.decisionId === 'order-s1').map((e) => [e.goalId, e]));
}

const REFINED = ['pay-in-app', 'payments-sdk', 'android-crash'];

describe('item 2: ordering is judged against defensible orders', () => {
  it('credits an enabler placed with the item that waits on it, as one unit', () => {
    // Refinement showed "Pay in the app" needs the payments library: together they are worth the slots.
    const judged = planWith(cafe(), REFINED, ['allergen-menu', 'payments-sdk', 'pay-in-app']);
    expect(judged.get('D3.2.3')!.score).toBe(1);
    expect(judged.get('D1.2.2')!.score).toBe(1);
    expect(judged.get('D3.2.4')!.score).toBe(1);
  });

  it('a dependent above its prerequisite misses the dependency, and the rationale names both items', () => {
    const judged = planWith(cafe(), REFINED, ['allergen-menu', 'pay-in-app', 'android-crash']);
    const dependency = judged.get('D3.2.4')!;
    expect(dependency.score).toBe(0);
    expect(dependency.rationale).toContain('"Pay in the app"');
    expect(dependency.rationale).toContain('"Upgrade the payments library"');
    expect(dependency.rationale).toMatch(/refinement/);
  });

  it('a dependency refinement never revealed does not change the judgement', () => {
    // Nobody refined "Pay in the app": whether it hides a dependency cannot be known, so it cannot count.
    const hidden = planWith(cafe(), ['android-crash'], ['allergen-menu', 'pay-in-app', 'android-crash']);
    const none = planWith(
      cafe((s) => ({ ...s, backlog: s.backlog.map((i) => (i.id === 'pay-in-app' ? { ...i, truth: { ...i.truth, dependsOn: [] } } : i)) })),
      ['android-crash'],
      ['allergen-menu', 'pay-in-app', 'android-crash'],
    );
    for (const goal of ['D3.2.3', 'D1.2.2']) expect(hidden.get(goal)).toEqual(none.get(goal));
    expect(hidden.has('D3.2.4')).toBe(false);
  });

  it('says which consideration was missed, naming what the player could see', () => {
    // By value per point alone this top three is sound; it lets an urgent fix wait.
    const judged = planWith(cafe(), REFINED, ['loyalty-stamps', 'pickup-alerts', 'allergen-menu']);
    expect(judged.get('D3.2.3')!.score).toBe(1);
    const delay = judged.get('D1.2.2')!;
    expect(delay.score).toBeLessThan(1);
    expect(delay.rationale).toContain('"Tell me when my order is ready" (stated value 20, 2 points)');
    expect(delay.rationale).toMatch(/could wait/);
    expect(delay.rationale).toContain('"App crashes on older Android phones" (stated value 15, 2 points, urgent)');
  });

  it('names the low-value item at the top and what offered more', () => {
    const judged = planWith(cafe(), REFINED, ['dark-mode', 'allergen-menu', 'android-crash']);
    const value = judged.get('D3.2.3')!;
    expect(value.score).toBeCloseTo(2 / 3);
    expect(value.rationale).toContain('"Dark mode" (stated value 15, 3 points) offers less value per point');
  });
});
