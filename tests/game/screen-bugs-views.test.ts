import { describe, expect, it } from 'vitest';
import { createSession, type Session } from '../../src/engine';
import { cumulativeShares, distributionContext, distributionSummary, type Distribution } from '../../src/game/view/forecast';
import { shownViews, viewSummaries } from '../../src/game/view/views';
import { shippedScenario } from '../helpers/scenarios';

/** Plays listed actions (questions first, then the first wanted) until the phase is `phase`. */
function playTo(file: string, seed: string, phase: string): Session {
  const { scenario, hash } = shippedScenario(file);
  const s = createSession(scenario, seed, hash);
  for (let i = 0; i < 200 && !(s.observe().phase === phase && !s.state.pendingQuestion); i++) {
    const ids = s.observe().actions.map((a) => a.id);
    const id = ['answerQuestion:', 'chooseProductGoal:'].map((w) => ids.find((x) => x.startsWith(w))).find(Boolean) ?? ids[0]!;
    const r = s.dispatch({ id });
    if (!r.ok) throw new Error(r.error.message);
  }
  return s;
}

describe('screen bug a: the customers view counts each research method as a decision', () => {
  it('says as many decisions as there are methods listed', () => {
    const s = playTo('corner-cafe.yaml', 'views-a', 'briefing.ready');
    const methods = s.observe().actions.filter((a) => a.type === 'gatherFeedback').length;
    expect(methods).toBeGreaterThan(1);
    expect(viewSummaries(s.observe()).find((v) => v.key === 'Customers')!.open).toBe(methods);
  });
});

describe('screen bug b: the market view is offered only where there is a market', () => {
  it('is left out in the café, which has no competitors to compare, and kept in the council', () => {
    const cafe = playTo('corner-cafe.yaml', 'views-b', 'briefing.ready');
    expect(shownViews(cafe.observe(), cafe.scenario).map((v) => v.key)).not.toContain('Market');
    const council = playTo('council-apply-online.yaml', 'views-b', 'briefing.ready');
    expect(shownViews(council.observe(), council.scenario).map((v) => v.key)).toContain('Market');
  });
});

describe('screen bug d: the Monte Carlo words and bars share one set of numbers', () => {
  const d: Distribution = { trials: 1000, p50: 2, p85: 3, p95: 3, sprintsNeeded: [0, 800, 190, 10] };

  it('gives the share finished within each number of Sprints, rounded down', () => {
    expect(cumulativeShares(d)).toEqual([0, 80, 99, 100]);
  });

  it('says every bar’s share in words, and never a mark a bar does not reach', () => {
    const words = distributionContext(d);
    expect(words).toContain('Finished within 2 Sprints, 80%; within 3, 99%; within 4, 100%.');
    expect(words).not.toContain('within 1 Sprint');
    const shares = cumulativeShares(d);
    for (const m of distributionSummary(d).matchAll(/(\d+)% (?:of simulated futures finish )?within (\d+)/g)) expect(shares[Number(m[2]) - 1]).toBeGreaterThanOrEqual(Number(m[1]));
  });
});
