import { describe, expect, it } from 'vitest';
import { createSession, type Session } from '../../../src/engine';
import { shippedScenario } from '../../helpers/scenarios';

function answerQuestions(s: Session): void {
  while (s.observe().observation.pendingQuestion) s.dispatch({ id: s.observe().actions[0]!.id });
}

/** A session in the briefing of a shipped scenario, past its Product Goal, questions answered. */
function briefing(file: string): Session {
  const { scenario } = shippedScenario(file);
  const s = createSession(scenario, 5, 'fair');
  answerQuestions(s);
  s.dispatch({ type: 'chooseProductGoal', goalId: scenario.productGoals[0]!.id });
  answerQuestions(s);
  return s;
}

function place(s: Session, stakeholderId: string, quadrant: string) {
  const r = s.dispatch({ type: 'mapStakeholder', stakeholderId, quadrant });
  if (!r.ok) throw new Error(r.error.message);
  return r.changes.evidence.find((e) => e.decisionId === `map-${stakeholderId}`)!;
}

describe('item 5: the stakeholder map is judged on cues the player could see', () => {
  it('shows what each stakeholder did before any placement is judged', () => {
    const seen = briefing('corner-cafe.yaml').observe().observation.stakeholders;
    const theo = seen.find((x) => x.id === 'marketing')!;
    expect(theo.mappedAs).toBeNull();
    expect(theo.cues.join(' ')).toContain('"Digital loyalty stamps"');
    expect(theo.cues.join(' ')).toContain('Marketing lead');
    // Everyone has something to be read from, and no number is shown.
    for (const x of seen) {
      expect(x.cues.length).toBeGreaterThan(0);
      expect(x.cues.join(' ')).not.toMatch(/\d\.\d|influence|interest/);
    }
  });

  it('a correct interest reading with a wrong influence reading earns partial credit', () => {
    // The head barista (a user) cares a lot and cannot stop the product: keep informed.
    const judged = place(briefing('corner-cafe.yaml'), 'barista', 'manageClosely');
    expect(judged.score).toBe(0.4);
    expect(judged.rationale).toContain('interest right but not their influence');
  });

  it('near the line, either side is defensible', () => {
    // A budget holder whose interest sits close to the line: both high-influence quadrants are sound readings.
    const s = briefing('council-fewer-calls.yaml');
    expect(place(s, 'finance', 'manageClosely').score).toBe(1);
    expect(place(s, 'finance', 'keepSatisfied').score).toBe(1);
    expect(place(s, 'finance', 'monitor').score).toBe(0.4);
  });

  it('the rationale names the cues the player had', () => {
    const judged = place(briefing('corner-cafe.yaml'), 'health', 'keepSatisfied');
    expect(judged.score).toBe(1);
    expect(judged.rationale).toContain('Regulator');
    expect(judged.rationale).toContain('"Allergen information on the menu"');
  });
});
