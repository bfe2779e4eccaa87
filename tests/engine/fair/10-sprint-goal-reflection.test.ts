import { describe, expect, it } from 'vitest';
import { produce } from 'immer';
import type { Evidence, GameState } from '../../../src/engine';
import { REFLECTIONS, type ReflectionTopic } from '../../../src/engine/model/actions';
import type { RuleContext } from '../../../src/engine/rules/context';
import { reflect } from '../../../src/engine/rules/reflection';
import { starterScenario } from '../../helpers/scenarios';

/*
 * Issue 14, item 10: a reflection at the Retrospective is judged on the evidence the
 * Retrospective shows. Every reading that evidence supports earns credit, the best-supported
 * in full, and the rationale names the figures.
 */

const { scenario } = starterScenario();

type SprintRecord = GameState['sprints'][number];

function sprint(number: number, goalMet: boolean, forecast: number, velocity: number, more: Partial<SprintRecord> = {}): SprintRecord {
  return { number, goalMet, forecast, velocity, clarifications: 0, progressSharing: null, reflections: [], ...more } as unknown as SprintRecord;
}

/** Just the parts of a state the Retrospective shows: the Sprint history, trust, refinement, roadmap, releases. */
function state(sprints: SprintRecord[], more: Partial<GameState> = {}): GameState {
  return {
    sprint: sprints.length,
    sprints,
    releases: [],
    items: {},
    refinementShare: 10,
    roadmap: { format: 'nowNextLater', promises: [], misses: 0 },
    trust: { owner: 60, regular: 55 },
    evidence: [],
    log: [],
    logTotal: 0,
    ...more,
  } as unknown as GameState;
}

/** The judgement of one reading, as the reflect rule records it. */
function judged(base: GameState, topic: ReflectionTopic, finding: string): Evidence {
  const ctx = { scenario, base, rng: undefined as never, emit: () => {} } as unknown as RuleContext;
  const after = produce(base, (draft) => reflect.apply(draft, { type: 'reflect', topic, finding }, ctx));
  const e = after.evidence.find((x) => x.decisionId === `reflect-${topic}-s${base.sprint}`);
  expect(e, `${topic}:${finding} was judged`).toBeDefined();
  return e!;
}

const scores = (base: GameState, topic: ReflectionTopic) => Object.fromEntries((REFLECTIONS[topic] as readonly string[]).map((f) => [f, judged(base, topic, f).score]));

describe('Sprint Goal reflection', () => {
  it('one of two goals missed while delivery beat the forecast: "about right" is a sound reading', () => {
    const base = state([sprint(1, true, 10, 12), sprint(2, false, 10, 11)]);
    const s = scores(base, 'sprintGoals');
    expect(s.aboutRight).toBe(1);
    // Half the goals were missed: reading them as too ambitious is defensible too.
    expect(s.tooAmbitious).toBeGreaterThanOrEqual(0.5);
    // A missed goal contradicts "too cautious".
    expect(s.tooConservative).toBe(0);
    const rationale = judged(base, 'sprintGoals', 'aboutRight').rationale;
    expect(rationale).toContain('1 of 2 Sprint Goals met');
    expect(rationale).toContain('23 points Done against the 20 points the Developers forecast');
  });

  it('goals missed with less Done than forecast read as too ambitious; "about right" earns little', () => {
    const base = state([sprint(1, false, 12, 7), sprint(2, false, 10, 8)]);
    const s = scores(base, 'sprintGoals');
    expect(s.tooAmbitious).toBe(1);
    expect(s.aboutRight).toBeLessThan(0.5);
    expect(judged(base, 'sprintGoals', 'aboutRight').rationale).toMatch(/^The Sprint history shows 0 of 2 Sprint Goals met.*too ambitious/);
  });

  it('every goal met with plenty to spare: too cautious is best, "about right" partly supported', () => {
    const s = scores(state([sprint(1, true, 10, 13), sprint(2, true, 10, 12)]), 'sprintGoals');
    expect(s.tooConservative).toBe(1);
    expect(s.aboutRight).toBeGreaterThan(0);
    expect(s.aboutRight).toBeLessThan(1);
    expect(s.tooAmbitious).toBe(0);
  });

  it('in every situation some reading earns full marks, so the reflection can be won', () => {
    for (const [a, b] of [[true, true], [true, false], [false, true], [false, false]] as const)
      for (const [f, v] of [[10, 6], [10, 10], [10, 12], [10, 20]] as const) {
        const s = scores(state([sprint(1, a, f, v), sprint(2, b, f, v)]), 'sprintGoals');
        expect(Math.max(...Object.values(s)), JSON.stringify({ a, b, f, v })).toBe(1);
      }
  });
});

describe('the other reflection topics', () => {
  it('refinement: Developers still stopping to ask at a heavy refinement share supports "too little" as well as "too much"', () => {
    const base = state([sprint(1, true, 10, 10, { clarifications: 3 }), sprint(2, true, 10, 10, { clarifications: 2 })], { refinementShare: 20 });
    const s = scores(base, 'refinement');
    expect(s.tooLittle).toBe(1);
    expect(s.tooMuch).toBe(1);
    expect(s.aboutRight).toBeLessThan(0.5);
    expect(judged(base, 'refinement', 'tooLittle').rationale).toContain('2.5 times a Sprint on average, with 20% of their capacity agreed for refinement');
  });

  it('stakeholders: trust fell low after a contradicted Review; "drifting away" is partly supported', () => {
    const base = state([sprint(1, true, 10, 10, { progressSharing: 'optimistic' }), sprint(2, false, 10, 6)], { trust: { owner: 30, regular: 55 } });
    const s = scores(base, 'stakeholders');
    expect(s.hiddenRisks).toBe(1);
    expect(s.noCadence).toBeGreaterThan(0);
    expect(s.allGood).toBe(0);
    const rationale = judged(base, 'stakeholders', 'noCadence').rationale;
    expect(rationale).toContain('trust runs from 30 to 55 out of 100');
    expect(rationale).toContain('The Sprint 1 Review said all was on track, and Sprint 2 then missed its goal');
  });

  it('roadmap: the rationale names the promises that fell due', () => {
    const base = state([sprint(1, true, 10, 10)], { roadmap: { format: 'datedFeatures', promises: [], misses: 2 } } as Partial<GameState>);
    const e = judged(base, 'roadmap', 'aligned');
    expect(e.score).toBe(0);
    expect(e.rationale).toContain('2 dated roadmap promises fell due without being delivered');
  });
});
