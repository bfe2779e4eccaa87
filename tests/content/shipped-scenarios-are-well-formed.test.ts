import { beforeAll, describe, expect, it } from 'vitest';
import { expandTargets, validateFiles } from '../../src/content/validate-files';
import type { Scenario } from '../../src/engine';
import { DEFAULT_SCENARIO_DIR } from '../../src/scenario/fs';
import { shipped, type Shipped } from './helpers';

/*
 * The authoring rules of docs/scenarios.md, checked on every shipped file: sizes, a mix of
 * good and poor options, hidden truth that differs from what stakeholders say, and campaigns
 * that get harder.
 */

let all: Shipped;
beforeAll(async () => {
  all = await shipped();
});

const GOOD_KINDS = ['happyPath', 'edgeCase', 'errorHandling', 'nonFunctional'];
const GIVEN_WHEN_THEN = /^Given .+, when .+, then .+$/;

function eachScenario(check: (s: Scenario) => void): void {
  for (const { scenario } of all.scenarios) {
    try {
      check(scenario);
    } catch (e) {
      (e as Error).message = `${scenario.id}: ${(e as Error).message}`;
      throw e;
    }
  }
}

describe('the shipped scenario files', () => {
  it('all validate, each in the context of its directory', async () => {
    const verdicts = await validateFiles(await expandTargets([DEFAULT_SCENARIO_DIR], DEFAULT_SCENARIO_DIR));
    expect(verdicts.flatMap((v) => v.problems)).toEqual([]);
    expect(verdicts.filter((v) => v.kind === 'scenario')).toHaveLength(all.scenarios.length);
  });

  it('form three campaigns of at least three scenarios, each in a different product, every scenario in one', () => {
    expect(all.campaigns.length).toBeGreaterThanOrEqual(3);
    const products = new Set<string>();
    for (const { campaign } of all.campaigns) {
      expect(campaign.scenarios.length).toBeGreaterThanOrEqual(3);
      const scenarios = campaign.scenarios.map((id) => all.scenarios.find((s) => s.scenario.id === id)!.scenario);
      products.add(scenarios[0]!.product.name);
      // The campaign gets harder: more Sprints each time.
      const sprints = scenarios.map((s) => s.sprints);
      expect(sprints, campaign.id).toEqual([...sprints].sort((a, b) => a - b));
      expect(new Set(sprints).size, campaign.id).toBe(sprints.length);
    }
    expect(products.size).toBe(all.campaigns.length);
    for (const { scenario } of all.scenarios) expect(all.campaigns.some((c) => c.campaign.scenarios.includes(scenario.id)), scenario.id).toBe(true);
  });

  it('last scenarios of each campaign hold conflicting stakeholders, a pivot-or-persevere call and a false assumption', () => {
    for (const { campaign } of all.campaigns) {
      const last = all.scenarios.find((s) => s.scenario.id === campaign.scenarios[campaign.scenarios.length - 1])!.scenario;
      const goals = new Set(last.events.flatMap((e) => e.choices.flatMap((c) => c.evidence.map((x) => x.goalId))));
      expect(goals.has('D5.1.3'), last.id).toBe(true);
      // The pivot-or-persevere call: the engine's pivot point, or an event that asks it.
      expect(last.pivot !== undefined || goals.has('D2.2.3'), last.id).toBe(true);
      // A false assumption: something stakeholders value far above (or below) its true worth.
      expect(last.backlog.some((i) => Math.abs(i.statedValue - i.truth.value) >= 40), last.id).toBe(true);
    }
  });
});

describe('every shipped scenario', () => {
  it('has 3-6 Sprints, 12-18 backlog items, 5-8 events and 6-10 questions', () => {
    eachScenario((s) => {
      expect(s.sprints).toBeGreaterThanOrEqual(3);
      expect(s.sprints).toBeLessThanOrEqual(6);
      expect(s.backlog.length).toBeGreaterThanOrEqual(12);
      expect(s.backlog.length).toBeLessThanOrEqual(18);
      expect(s.events.length).toBeGreaterThanOrEqual(5);
      expect(s.events.length).toBeLessThanOrEqual(8);
      expect(s.questions?.length ?? 0).toBeGreaterThanOrEqual(6);
      expect(s.questions?.length ?? 0).toBeLessThanOrEqual(10);
      expect(s.stakeholders.length).toBeGreaterThanOrEqual(4);
    });
  });

  it('offers three Product Goals, exactly one of them measurable and serving the vision', () => {
    eachScenario((s) => {
      expect(s.productGoals).toHaveLength(3);
      expect(s.productGoals.filter((g) => g.truth.measurable && g.truth.servesVision)).toHaveLength(1);
    });
  });

  it('hides a truth worth finding: stated values that mislead, several cost-of-delay profiles, dependencies', () => {
    eachScenario((s) => {
      expect(s.backlog.filter((i) => Math.abs(i.statedValue - i.truth.value) >= 15).length).toBeGreaterThanOrEqual(3);
      expect(new Set(s.backlog.map((i) => i.truth.costOfDelay)).size).toBeGreaterThanOrEqual(3);
      expect(s.backlog.some((i) => i.truth.dependsOn?.length)).toBe(true);
    });
  });

  it('has epics that split into thin slices, and a poor split by technical layer to tempt', () => {
    eachScenario((s) => {
      const epics = s.backlog.filter((i) => i.type === 'epic');
      expect(epics.length).toBeGreaterThanOrEqual(1);
      for (const epic of epics) {
        const strategies = (epic.splits ?? []).map((o) => o.strategy);
        expect(strategies, epic.id).toContain('horizontalLayer');
        expect(strategies.some((x) => x !== 'horizontalLayer' && x !== 'spike'), epic.id).toBe(true);
      }
    });
  });

  it('has acceptance criteria of every good kind in Given-When-Then, poor ones beside them, and INVEST flaws', () => {
    eachScenario((s) => {
      const criteria = s.backlog.flatMap((i) => i.criteria ?? []);
      for (const kind of GOOD_KINDS) expect(criteria.some((c) => c.kind === kind), kind).toBe(true);
      expect(criteria.some((c) => c.kind === 'vague')).toBe(true);
      expect(criteria.some((c) => c.kind === 'implementation')).toBe(true);
      for (const c of criteria.filter((x) => GOOD_KINDS.includes(x.kind))) expect(c.text).toMatch(GIVEN_WHEN_THEN);
      expect(s.backlog.filter((i) => i.flaws?.length).length).toBeGreaterThanOrEqual(2);
    });
  });

  it('scores each event choice on the same goals, with one best choice', () => {
    eachScenario((s) => {
      for (const e of s.events) {
        const goalSets = e.choices.map((c) => c.evidence.map((x) => x.goalId).sort().join(','));
        expect(new Set(goalSets).size, e.id).toBe(1);
        expect(goalSets[0], e.id).not.toBe('');
        expect(e.choices.length, e.id).toBeGreaterThanOrEqual(2);
        expect(e.choices.some((c) => c.evidence.every((x) => x.score === 1)), e.id).toBe(true);
      }
    });
  });

  it('asks questions with exactly one best answer, not always in the same place', () => {
    eachScenario((s) => {
      const places = new Set<number>();
      for (const q of s.questions ?? []) {
        expect(q.answers.filter((a) => a.score === 1), q.id).toHaveLength(1);
        expect(q.answers.length, q.id).toBeGreaterThanOrEqual(3);
        places.add(q.answers.findIndex((a) => a.score === 1));
      }
      // The starter scenario is a tutorial; every other scenario mixes up the right answer's place.
      if (s.id !== 'corner-cafe') expect(places.size).toBeGreaterThan(1);
    });
  });

  it('keeps the text tidy', () => {
    eachScenario((s) => {
      const texts = [
        s.title,
        s.summary,
        s.product.vision,
        ...s.productGoals.map((g) => g.text),
        ...s.backlog.flatMap((i) => [i.title, i.description, ...(i.criteria ?? []).map((c) => c.text)]),
        ...s.events.flatMap((e) => [e.title, e.text, ...e.choices.flatMap((c) => [c.label, ...c.evidence.map((x) => x.rationale)])]),
        ...(s.questions ?? []).flatMap((q) => [q.text, ...q.answers.flatMap((a) => [a.label, a.rationale])]),
      ];
      for (const t of texts) {
        expect(t, t).not.toMatch(/ {2}|^\s|\s$|TODO|lorem/i);
        expect(t, t).not.toMatch(/\bSprint 0\b|\bSprint Zero\b|\bhardening Sprint\b/i);
      }
    });
  });
});
