import { describe, expect, it } from 'vitest';
import { POLICIES } from '../../../src/bots';
import { createSession, type Scenario, type Session } from '../../../src/engine';
import { STRONG_PO_WEIGHS } from '../../../src/assessment/debrief';
import { GOALS } from '../../../src/assessment/catalogue';
import { decidePivot } from '../../../src/engine/rules/product';
import { shippedScenario } from '../../helpers/scenarios';

/* Item 12: the content fixes from the audit, each checked where the learner reads it. */

const FILES = ['corner-cafe', 'cafe-regulars', 'cafe-second-city', 'council-apply-online', 'council-fewer-calls', 'council-surge', 'platform-adoption', 'platform-exit', 'platform-paved-road'];
const scenarios = FILES.map((f) => shippedScenario(`${f}.yaml`).scenario);

/** Every sentence a scenario shows or tells the learner. */
function texts(s: Scenario): string[] {
  return [
    ...s.productGoals.map((g) => g.text),
    ...s.events.flatMap((e) => [e.text, ...e.choices.flatMap((c) => [c.label, ...c.evidence.map((x) => x.rationale)])]),
    ...(s.questions ?? []).flatMap((q) => [q.text, ...q.answers.flatMap((a) => [a.label, a.rationale])]),
  ];
}
const everything = [...scenarios.flatMap(texts), ...GOALS.map((g) => g.title), ...Object.values(STRONG_PO_WEIGHS)];

function answerQuestions(s: Session): void {
  while (s.observe().observation.pendingQuestion) s.dispatch({ id: s.observe().actions[0]!.id });
}

describe('item 12: content fixes from the audit', () => {
  it('asking the Developers whether a mid-Sprint request fits the Sprint Goal earns full marks in every scenario', () => {
    const cafe = scenarios[0]!.events.find((e) => e.id === 'add-midsprint')!.choices.find((c) => c.id === 'ask-devs')!;
    expect(cafe.evidence.map((e) => e.score)).toEqual([1, 1]);
    // The rationale names what the PO had in front of them: Theo's Monday campaign.
    expect(cafe.evidence[0]!.rationale).toMatch(/Monday/);
    for (const s of scenarios)
      for (const e of s.events)
        for (const c of e.choices)
          if (/^Ask the Developers whether it fits without endangering the Sprint Goal/.test(c.label)) expect(c.evidence.every((x) => x.score === 1), `${s.id} ${e.id}`).toBe(true);
  });

  it('calls the Product Goal the long-term objective, never a medium-term target', () => {
    for (const t of everything) expect(t).not.toMatch(/medium[- ]term/i);
  });

  it('teaches no percentage of capacity for refinement', () => {
    expect(STRONG_PO_WEIGHS['D3.3.1']).not.toMatch(/\d+\s*%|per ?cent/);
    for (const t of everything.filter((x) => /refine/i.test(x))) expect(t).not.toMatch(/\d+(\s*-\s*\d+)?\s*%/);
  });

  it('says acceptance criteria are the conditions for an item to be complete, not to be accepted', () => {
    const conditions = everything.filter((t) => /conditions (an item|the story|a specific item) must (meet|satisfy)/i.test(t));
    expect(conditions.length).toBeGreaterThan(0);
    for (const t of conditions) expect(t).toMatch(/to be complete/);
    for (const t of everything) expect(t).not.toMatch(/to be accepted/);
  });

  it('worked examples: D6.3.2 about metrics guiding the order, D4.2.2 about Increments, D3.3.1 without a percentage', () => {
    expect(STRONG_PO_WEIGHS['D6.3.2']).toMatch(/reorder|order/);
    expect(STRONG_PO_WEIGHS['D6.3.2']).toMatch(/^Report what users do/);
    expect(STRONG_PO_WEIGHS['D4.2.2']).toMatch(/Increment/);
    expect(STRONG_PO_WEIGHS['D4.2.2']).not.toMatch(/fake door/);
  });

  it('a SWOT is a strategy view: it does not place every item, and scores below the feature comparison', () => {
    const run = (technique: 'swot' | 'featureComparison') => {
      const s = createSession(shippedScenario('cafe-regulars.yaml').scenario, 5, 'fair-12');
      answerQuestions(s);
      s.dispatch({ type: 'chooseProductGoal', goalId: s.observe().observation.productGoalOptions[0]!.id });
      answerQuestions(s);
      const r = s.dispatch({ type: 'analyseMarket', technique });
      if (!r.ok) throw new Error(r.error.message);
      const placed = Object.values(s.state.items).filter((i) => i.marketKnown !== null);
      return { placed, judged: r.changes.evidence.find((e) => e.goalId === 'D4.3.1')! };
    };
    const swot = run('swot');
    const comparison = run('featureComparison');
    expect(swot.placed.some((i) => i.marketKnown === 'parity')).toBe(false);
    expect(swot.placed.length).toBeLessThan(comparison.placed.length);
    expect(comparison.judged.score).toBe(1);
    expect(swot.judged.score).toBeLessThan(comparison.judged.score);
    expect(swot.judged.rationale).toMatch(/strateg/);
  });

  it('"which released item did users use most?" is asked at the Sprint Review, never at the Retrospective', () => {
    const { scenario } = shippedScenario('corner-cafe.yaml');
    const asked = new Set<string>();
    const s = createSession(scenario, '4', 'fair-12');
    const policy = POLICIES.principled!('4');
    for (let i = 0; i < 5000 && !s.done; i++) {
      const step = s.observe();
      for (const a of step.actions) if (a.action.type === 'reflect' && a.action.topic === 'metrics') asked.add(s.state.phase);
      expect(s.dispatch(policy.choose(step)).ok).toBe(true);
    }
    expect([...asked]).toEqual(['sprint.review']);
  });

  it('the pivot rationale quotes the signal this scenario showed, not one written for another', () => {
    for (const file of ['platform-adoption.yaml', 'platform-exit.yaml', 'council-surge.yaml']) {
      const { scenario } = shippedScenario(file);
      for (const decision of ['pivot', 'persist'] as const) {
        // The rule reads and writes only these fields of the state.
        const draft = { pivot: null, valueFactor: 1, evidence: [], log: [], logTotal: 0 } as unknown as Parameters<typeof decidePivot.apply>[0];
        decidePivot.apply(draft, { type: 'decidePivot', decision }, { scenario } as Parameters<typeof decidePivot.apply>[2]);
        const judged = (draft.evidence as { rationale: string }[])[0]!.rationale;
        expect(judged).toContain(scenario.pivot!.signal);
        expect(judged).not.toMatch(/thin|noise/);
      }
    }
  });
});
