import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { POLICIES } from '../../../src/bots';
import { createSession, type Evidence, type Scenario, type Step } from '../../../src/engine';
import type { ItemTruth } from '../../../src/engine/model/scenario';
import { shippedScenario } from '../../helpers/scenarios';

/*
 * Judge only what the player could know. Two worlds that differ only in a hidden truth look the
 * same to the player until something reveals the difference; while they look the same, every
 * decision must get the same score in both.
 *
 * Each hidden truth is changed on its own, so the two worlds stay alike for as long as possible.
 * Actions that move time (a day passing, a Sprint starting or ending, a release) judge what
 * happened: there the scores must agree whenever the player also sees the same afterwards.
 * The scenario author's reading of text the player can read (a criterion's kind, a vision
 * fragment's kind, what a request's wording shows it reflects, a pivot's right answer) is the
 * answer key, not hidden truth, and stays.
 */

type Truths = (s: Scenario) => Scenario;

const everyTruth = (s: Scenario, f: (t: ItemTruth) => ItemTruth): Scenario => ({
  ...s,
  backlog: s.backlog.map((i) => ({
    ...i,
    truth: f({ ...i.truth }),
    splits: i.splits?.map((o) => ({ ...o, children: o.children.map((c) => ({ ...c, truth: f({ ...c.truth }) })) })),
  })),
});

/** Mirrors a reading across the middle of the grid when the cues leave it open (within 0.15 of it). */
const nearMiddle = (x: number) => (Math.abs(x - 0.5) < 0.15 ? Math.round((1 - x) * 100) / 100 : x);

const HIDDEN: Record<string, Truths> = {
  'true value': (s) => everyTruth(s, (t) => ({ ...t, value: t.value * 2 + 3 })),
  'true effort': (s) => everyTruth(s, (t) => ({ ...t, effort: t.effort + 3 })),
  'hidden risk': (s) => everyTruth(s, (t) => ({ ...t, risk: t.risk > 0.5 ? 0.05 : 0.9 })),
  // A stakeholder's role, requests and deeds are shown as cues and state where they stand; only a
  // reading near the middle of the grid is left open by them, and there either side is defensible.
  "stakeholders' influence and interest near the middle of the grid": (s) => ({
    ...s,
    stakeholders: s.stakeholders.map((h) => ({ ...h, influence: nearMiddle(h.influence), interest: nearMiddle(h.interest) })),
  }),
  'whether an assumption holds': (s) => ({
    ...s,
    backlog: s.backlog.map((i) => (i.assumption ? { ...i, assumption: { ...i.assumption, holds: !i.assumption.holds } } : i)),
  }),
  'market position': (s) => ({
    ...s,
    backlog: s.backlog.map((i) => (i.market ? { ...i, market: i.market === 'differentiator' ? ('parity' as const) : ('differentiator' as const) } : i)),
  }),
};

/** Actions after which the world has moved on; their judgements may read what then became visible. */
const MOVES_TIME = new Set(['nextDay', 'startSprints', 'commitSprint', 'endReview', 'cancelSprint', 'releaseIncrement', 'finishScenario']);

const seen = (step: Step) => JSON.stringify([step.observation, step.actions]);
const scores = (evidence: readonly Evidence[]) =>
  evidence.map((e) => `${e.goalId} ${e.decisionId} ${e.score.toFixed(3)}`).sort();

const FILES = readdirSync(join(import.meta.dirname, '..', '..', '..', 'scenarios')).filter((f) => f.endsWith('.yaml') && !f.includes('.campaign.'));
const BOTS = ['random', 'principled'] as const;

/** Plays one bot in both worlds side by side while they look the same; returns what was compared. */
function playSideBySide(shown: Scenario, hidden: Scenario, bot: string, seed: string): number {
  const a = createSession(shown, seed);
  const b = createSession(hidden, seed);
  const policy = POLICIES[bot]!(seed);
  let compared = 0;
  for (let step = 0; step < 3000 && !a.done; step++) {
    const before = a.observe();
    if (seen(before) !== seen(b.observe())) break;
    const choice = policy.choose(before);
    const action = 'type' in choice ? choice : before.actions.find((x) => x.id === choice.id)!.action;
    const ra = a.dispatch(choice);
    const rb = b.dispatch(choice);
    if (!ra.ok || !rb.ok) break;
    if (MOVES_TIME.has(action.type) && seen(a.observe()) !== seen(b.observe())) continue;
    compared++;
    expect(scores(rb.changes.evidence), `${action.type} at step ${step} (${bot}, seed ${seed}): same situation, different judgement`).toEqual(
      scores(ra.changes.evidence),
    );
  }
  return compared;
}

describe('judgements read the situation the player saw, never a hidden truth', () => {
  for (const file of FILES) {
    it.each(Object.keys(HIDDEN))(`${file}: changing %s alone changes no score while the player sees the same`, (truth) => {
      const { scenario } = shippedScenario(file);
      const hidden = HIDDEN[truth]!(scenario);
      let compared = 0;
      fc.assert(
        fc.property(fc.constantFrom(...BOTS), fc.integer({ min: 1, max: 10_000 }), (bot, seed) => {
          compared += playSideBySide(scenario, hidden, bot, String(seed));
        }),
        { numRuns: 2, seed: 14 },
      );
      // The comparison must have had something to compare: the briefing at least looks the same.
      expect(compared).toBeGreaterThan(0);
    });
  }
});
