import { describe, expect, it } from 'vitest';
import { createSession, type Session } from '../../src/engine';
import { burnup, burnupSummary, distributionSummary, latestDistribution } from '../../src/game/view/forecast';
import { marketRows, marketSummary } from '../../src/game/view/market';
import { viewSummaries } from '../../src/game/view/views';
import { shippedScenario } from '../helpers/scenarios';

/** Takes listed actions whose id starts with one of `wanted` (answering questions first) until `stop`. */
function playUntil(session: Session, wanted: readonly string[], stop: (phase: string) => boolean): void {
  for (let i = 0; i < 400 && !stop(session.observe().phase); i++) {
    const ids = session.observe().actions.map((a) => a.id);
    const id = ['answerQuestion:', ...wanted].map((w) => ids.find((x) => x.startsWith(w))).find(Boolean) ?? ids[0]!;
    const result = session.dispatch({ id });
    if (!result.ok) throw new Error(result.error.message);
  }
}

/** A question in the flow of play blocks every other action: answer whatever is asked. */
function answerQuestions(session: Session): Session {
  for (let q = session.observe().actions.find((a) => a.type === 'answerQuestion'); q; q = session.observe().actions.find((a) => a.type === 'answerQuestion')) session.dispatch({ id: q.id });
  return session;
}

function council(seed: string): Session {
  const { scenario, hash } = shippedScenario('council-apply-online.yaml');
  return createSession(scenario, seed, hash);
}

describe('the views read only observations and listed actions', () => {
  it('counts open decisions per view: the map and customers in the briefing, the market at Sprint Planning', () => {
    const session = answerQuestions(council('views-unit-1'));
    const briefing = Object.fromEntries(viewSummaries(session.observe()).map((v) => [v.key, v]));
    // Five stakeholders to place and one roadmap choice; six snippets for the persona.
    expect(briefing.StakeholderMap).toMatchObject({ open: 6, status: '0 of 5 stakeholders on your map' });
    expect(briefing.Customers!.open).toBe(6);
    expect(briefing.Market).toMatchObject({ open: 0, status: 'Nothing known about the competition yet' });

    playUntil(session, ['startSprints', 'chooseProductGoal:'], (p) => p === 'sprint.planning.proposing');
    answerQuestions(session);
    const refinement = Object.fromEntries(viewSummaries(session.observe()).map((v) => [v.key, v]));
    // One decision per technique the engine still offers.
    expect(refinement.Market!.open).toBe(3);
    expect(refinement.Customers!.open).toBeGreaterThanOrEqual(4);
  });

  it('puts market analysis into a comparison that says in words what the table shows', () => {
    const session = council('views-unit-2');
    playUntil(session, ['startSprints', 'chooseProductGoal:'], (p) => p === 'sprint.planning.proposing');
    expect(marketSummary(session.observe().observation, marketRows(session.observe().observation))).toMatch(/^Nothing is known yet/);
    answerQuestions(session);
    expect(session.dispatch({ type: 'analyseMarket', technique: 'featureComparison' }).ok).toBe(true);
    const o = session.observe().observation;
    const rows = marketRows(o);
    const known = rows.filter((r) => r.position);
    expect(known.map((r) => r.item.id).sort()).toEqual(o.backlog.filter((i) => i.market).map((i) => i.id).sort());
    expect(marketSummary(o, rows)).toContain(`Of the ${rows.length} items you can see, ${known.length} are placed against the competition`);
  });
});

describe('the Monte Carlo forecast in words', () => {
  it('names the 50, 85 and 95% marks of the engine’s distribution, and a burn-up of what was done', () => {
    const { scenario, hash } = shippedScenario('corner-cafe.yaml');
    const session = createSession(scenario, 'views-unit-3', hash);
    playUntil(session, ['startSprints', 'chooseProductGoal:morning-orders', 'commitSprint:agreed', 'proposeSprintGoal:', 'nextDay', 'resolveEvent:'], (p) => p === 'sprint.review');
    expect(answerQuestions(session).dispatch({ type: 'answerForecast', style: 'range' }).ok).toBe(true);
    const o = session.observe().observation;
    const f = latestDistribution(o)!;
    const d = f.distribution;
    expect(d.sprintsNeeded.reduce((a, b) => a + b, 0)).toBe(d.trials);
    expect(d.p50).toBeLessThanOrEqual(d.p85);
    expect(d.p85).toBeLessThanOrEqual(d.p95);
    expect(distributionSummary(d)).toBe(`50% of simulated futures finish within ${d.p50} Sprint${d.p50 === 1 ? '' : 's'}, 85% within ${d.p85}, 95% within ${d.p95}.`);

    const b = burnup(o);
    expect(b.done).toEqual([0, o.sprintHistory[0]!.velocity]);
    expect(burnupSummary(b, f)).toContain(f.low === f.high ? `by the end of Sprint ${f.sprint + f.low} (80% of simulated futures)` : `between the end of Sprint ${f.sprint + f.low} and Sprint ${f.sprint + f.high}`);
  });

  it('has no simulation for a single date', () => {
    const { scenario, hash } = shippedScenario('corner-cafe.yaml');
    const session = createSession(scenario, 'views-unit-4', hash);
    playUntil(session, ['startSprints', 'chooseProductGoal:morning-orders', 'commitSprint:agreed', 'proposeSprintGoal:', 'nextDay', 'resolveEvent:'], (p) => p === 'sprint.review');
    expect(answerQuestions(session).dispatch({ type: 'answerForecast', style: 'date' }).ok).toBe(true);
    expect(latestDistribution(session.observe().observation)).toBeNull();
  });
});
