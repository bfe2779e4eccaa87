import { beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { GOALS, STRONG_PO_WEIGHS, buildDebrief, decisionTitle, goalById, strongPoWeighs, type Debrief } from '../../src/assessment';
import { POLICIES, playToEnd } from '../../src/bots';
import { createSession, type Evidence, type Report, type Scenario } from '../../src/engine';
import { starterScenario } from '../bots/starter';

let scenario: Scenario;
let hash: string;
beforeAll(async () => ({ scenario, hash } = await starterScenario()));

function report(policy: string, seed: string): Report {
  const session = createSession(scenario, seed, hash);
  playToEnd(session, POLICIES[policy]!(seed));
  return session.report();
}

const SEEDS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'];
const BOTS = ['principled', 'hippo', 'yes', 'random'];

function expectWellFormed(d: Debrief, r: Report): void {
  // Every judged decision is listed once, and names at least one catalogue goal with its title.
  expect(d.decisions.map((x) => x.decisionId)).toEqual([...new Set(r.evidence.map((e) => e.decisionId))]);
  for (const decision of d.decisions) {
    expect(decision.goals.length, decision.decisionId).toBeGreaterThan(0);
    expect(decision.happened.length).toBeGreaterThan(0);
    expect(decision.title).not.toBe('');
    expect(decision.score).toBeGreaterThanOrEqual(0);
    expect(decision.score).toBeLessThanOrEqual(1);
    for (const g of decision.goals) {
      expect(g.title).toBe(goalById(g.goalId)!.title);
      expect(g.strongPoWeighs.length).toBeGreaterThan(40);
    }
  }
  // Goals to work on: only missed or partly shown, weakest first, each with a worked example;
  // together with the goals to confirm they are exactly the missed and partly shown goals.
  for (const w of d.workOn) expect(['missed', 'partly']).toContain(w.status);
  for (let i = 1; i < d.workOn.length; i++) expect(d.workOn[i]!.mean).toBeGreaterThanOrEqual(d.workOn[i - 1]!.mean);
  const weak = d.goals.filter((g) => g.status === 'missed' || g.status === 'partly').map((g) => g.goalId);
  expect(new Set([...d.workOn, ...d.toConfirm].map((w) => w.goalId))).toEqual(new Set(weak));
  for (const w of d.workOn) expect(r.evidence.some((e) => e.goalId === w.goalId && e.score < 0.7)).toBe(true);
  for (const c of d.toConfirm) expect(r.evidence.filter((e) => e.goalId === c.goalId).every((e) => e.score >= 0.7)).toBe(true);
  expect(d.domains).toHaveLength(7);
  // Plain JSON: survives a round trip unchanged.
  expect(JSON.parse(JSON.stringify(d))).toEqual(d);
}

describe('buildDebrief', () => {
  it('names at least one goal for every judged decision, for every bot and seed', () => {
    for (const bot of BOTS)
      for (const seed of SEEDS) {
        const r = report(bot, seed);
        expectWellFormed(buildDebrief(r, scenario.targets), r);
      }
  });

  it('lists goals to work on for a yes-to-everything run, with the decision that went worst', () => {
    const d = buildDebrief(report('yes', '1'), scenario.targets);
    expect(d.workOn.length).toBeGreaterThan(3);
    const ids = d.workOn.map((w) => w.goalId);
    expect(ids).toEqual(expect.arrayContaining(['D7.2.1', 'D6.1.2', 'D3.3.1']));
    for (const w of d.workOn) {
      expect(w.weakestRationale).not.toBe('');
      expect(d.decisions.some((x) => x.decisionId === w.weakestDecisionId)).toBe(true);
    }
  });

  it('has less to work on after a principled run than after a yes run, and reports the outcome figures', () => {
    const r = report('principled', '1');
    const d = buildDebrief(r, scenario.targets);
    const yes = buildDebrief(report('yes', '1'), scenario.targets);
    expect(d.workOn.length).toBeLessThan(yes.workOn.length);
    // Where the principled bot plays by the book, there is nothing to work on.
    for (const id of ['D2.2.2', 'D6.2.2', 'D7.2.1', 'D1.3.2', 'D6.1.2']) expect(d.workOn.map((w) => w.goalId)).not.toContain(id);
    // Goals judged by a single decision are "partly" under the Beta(1,1) prior: listed to confirm, not to work on.
    expect(d.toConfirm.length).toBeGreaterThan(0);
    for (const g of d.toConfirm) {
      const judged = r.evidence.filter((e) => e.goalId === g.goalId && e.weight > 0);
      expect(new Set(judged.map((e) => e.decisionId)).size, g.goalId).toBe(1);
    }
    expect(d.outcomes.valuePercent).toBe(r.outcomes.valuePercent);
    expect(d.outcomes.sprintGoalsMet).toBe(r.outcomes.sprintGoalsMet);
    expect(d.outcomes.forecastAccuracy).toBe(r.outcomes.forecastAccuracy);
    expect(d.outcomes.stakeholderTrust).toBe(r.outcomes.stakeholderTrust);
    expect(d.outcomes.teamHealth).toBe(r.outcomes.teamHealth);
    expect(d.outcomes.techDebt).toBe(r.outcomes.techDebt);
    expect(d.finished).toBe(true);
  });

  it('reports targeted goals the run never judged as not yet seen, never as a zero', () => {
    const r = report('principled', '1');
    const d = buildDebrief({ ...r, evidence: r.evidence.filter((e) => e.goalId !== 'D1.1.3') }, ['D1.1.3', 'D4.2.2']);
    expect(d.notYetSeen.map((g) => g.goalId)).toEqual(['D1.1.3', 'D4.2.2']);
    const seen = d.goals.find((g) => g.goalId === 'D4.2.2')!;
    expect(seen.status).toBe('notSeen');
    expect(seen.mean).toBeNull();
    expect(seen.targeted).toBe(true);
    expect(d.workOn.map((w) => w.goalId)).not.toContain('D4.2.2');
  });

  it('keeps unusable evidence out of the decisions and lists it as rejected', () => {
    const base = report('principled', '2');
    const bad: Evidence[] = [
      { goalId: 'D9.9.9', score: 1, weight: 1, decisionId: 'typo', rationale: 'x' },
      { goalId: 'D1.1.1', score: 2, weight: 1, decisionId: 'overflow', rationale: 'x' },
    ];
    const d = buildDebrief({ ...base, evidence: [...base.evidence, ...bad] });
    expect(d.rejected).toEqual([
      { decisionId: 'typo', goalId: 'D9.9.9', reason: 'unknownGoal' },
      { decisionId: 'overflow', goalId: 'D1.1.1', reason: 'scoreOutOfRange' },
    ]);
    expect(d.decisions.map((x) => x.decisionId)).not.toContain('typo');
    expect(d.decisions.map((x) => x.decisionId)).not.toContain('overflow');
  });

  it('groups evidence by decision and weights the decision score', () => {
    const base = report('principled', '3');
    const evidence: Evidence[] = [
      { goalId: 'D2.2.2', score: 0.4, weight: 1, decisionId: 'productGoal', rationale: 'a' },
      { goalId: 'D2.2.1', score: 1, weight: 0.5, decisionId: 'productGoal', rationale: 'b' },
      { goalId: 'D6.2.2', score: 0, weight: 1, decisionId: 'undone-s2', rationale: 'c' },
    ];
    const d = buildDebrief({ ...base, evidence });
    expect(d.decisions).toHaveLength(2);
    expect(d.decisions[0]!.score).toBeCloseTo(0.6, 10);
    expect(d.decisions[0]!.happened).toEqual(['a', 'b']);
    expect(d.decisions[0]!.goals.map((g) => g.goalId)).toEqual(['D2.2.2', 'D2.2.1']);
    expect(d.decisions[1]!.title).toBe('Sprint 2 Review: telling stakeholders what is not Done');
    expect(d.decisions[1]!.sprint).toBe(2);
    expect(d.workOn.map((w) => w.goalId)).toEqual(['D6.2.2', 'D2.2.2']);
    expect(d.toConfirm.map((w) => w.goalId)).toEqual(['D2.2.1']);
  });

  it('has a written worked example for every goal the engine and the starter scenario judge', () => {
    const judged = new Set<string>(scenario.targets);
    for (const card of scenario.events) for (const c of card.choices) for (const e of c.evidence) judged.add(e.goalId);
    for (const bot of BOTS) for (const seed of SEEDS) for (const e of report(bot, seed).evidence) judged.add(e.goalId);
    for (const id of judged) expect(STRONG_PO_WEIGHS[id], id).toBeTypeOf('string');
  });

  it('has a written worked example for every goal the rules, the events or the questions of any scenario can judge', () => {
    // Every goal a rule judges appears in the rules as goalId: 'D..'; events and questions can name any goal.
    const RULES = fileURLToPath(new URL('../../src/engine/rules/', import.meta.url));
    const inRules = readdirSync(RULES).flatMap((f) => [...readFileSync(RULES + f, 'utf8').matchAll(/goalId: '(D\d\.\d\.\d)'/g)].map((m) => m[1]!));
    expect(inRules.length).toBeGreaterThan(40);
    for (const id of [...inRules, ...GOALS.map((g) => g.id)]) {
      expect(STRONG_PO_WEIGHS[id], id).toBeTypeOf('string');
      expect(STRONG_PO_WEIGHS[id]!.length, id).toBeGreaterThan(120);
    }
    // Written in our own words per goal: no two goals share an example.
    expect(new Set(Object.values(STRONG_PO_WEIGHS)).size).toBe(Object.keys(STRONG_PO_WEIGHS).length);
  });

  it('builds a fallback worked example from the goal id when none is written', () => {
    expect(strongPoWeighs('D9.9.9')).toContain('D9.9.9');
    expect(strongPoWeighs('D2.2.2')).toBe(STRONG_PO_WEIGHS['D2.2.2']);
    expect(strongPoWeighs('D4.2.3')).toBe(STRONG_PO_WEIGHS['D4.2.3']);
  });

  it('names decisions in words, never by their ids', () => {
    expect(decisionTitle('productGoal')).toBe('Choosing the Product Goal');
    expect(decisionTitle('order-s2')).toBe('Sprint 2: Product Backlog order at planning');
    expect(decisionTitle('review-format-s1')).toBe('Sprint 1 Review: how it was run');
    expect(decisionTitle('undone-s3')).toBe('Sprint 3 Review: telling stakeholders what is not Done');
    expect(decisionTitle('release-plan')).toBe('Release plan');
    expect(decisionTitle('vision')).toBe('Shaping the product vision');
    expect(decisionTitle('roadmap')).toBe('Sharing the roadmap');
    expect(decisionTitle('share-s2')).toBe('Sprint 2 Review: sharing progress');
    expect(decisionTitle('pivot')).toBe('Pivot or persevere');
    expect(decisionTitle('feedback-interviews-s1')).toBe('Sprint 1: gathering feedback through user interviews');
    expect(decisionTitle('feedback-usabilityTest-s2')).toBe('Sprint 2: gathering feedback through a usability test');
    expect(decisionTitle('market-order-s3')).toBe('Sprint 3: competitor insight in the order');
    expect(decisionTitle('market-swot')).toBe('Market analysis: SWOT analysis');
    expect(decisionTitle('segments-s1')).toBe('Sprint 1: buyers and users in the next work');
    expect(decisionTitle('reflect-sprintGoals-s2')).toBe('Sprint 2 Retrospective: reading the history of Sprint Goals');
    expect(decisionTitle('usage-order-s2')).toBe('Sprint 2: ordering by what users used');
    // With the scenario, ids become the titles and names the player saw.
    expect(decisionTitle('invest-order-ahead-small', scenario)).toBe('Reworking "Order ahead for pickup" to be small');
    expect(decisionTitle('split-order-ahead', scenario)).toBe('Splitting "Order ahead for pickup"');
    expect(decisionTitle('map-health', scenario)).toBe('Placing City health office on the stakeholder map');
    expect(decisionTitle('event-committee', scenario)).toBe('Event: A backlog committee?');
    expect(decisionTitle('question-po-job', scenario)).toBe("Knowledge check: Before you start: which of these is part of the Product Owner's job?");
    // Without it, general words: never the id.
    expect(decisionTitle('map-health')).toBe('Placing a stakeholder on the stakeholder map');
    expect(decisionTitle('question-po-job')).toBe('A knowledge check');
    expect(decisionTitle('deadline-health-permit')).toBe('Fixed date of an item');
    expect(decisionTitle('something-new')).toBe('A decision');
    expect(decisionTitle('something-new-s2')).toBe('A decision in Sprint 2');
  });

  it('gives every decision of a played run a title without its id', () => {
    const d = buildDebrief(report('random', '3'), scenario.targets, scenario);
    const itemIds = scenario.backlog.map((i) => i.id);
    for (const x of d.decisions) {
      // Single-word ids ("roadmap", "pivot") are words; ids with parts ("map-health") must not show.
      if (x.decisionId.includes('-')) expect(x.title, x.decisionId).not.toContain(x.decisionId);
      for (const id of itemIds) expect(x.title, x.decisionId).not.toContain(`"${id}"`);
    }
  });
});
