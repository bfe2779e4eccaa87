import { describe, expect, it } from 'vitest';
import { createSession, type Effect, type Scenario, type Session } from '../../src/engine';
import { POLICIES } from '../../src/bots';
import { productGoalProgress } from '../../src/engine/rules/product-goal';
import { shippedScenario, starterScenario } from '../helpers/scenarios';

/*
 * Every change to trust, morale, technical debt, value realised and Product Goal progress comes
 * with an effect that says by how much and why, so the game can show each consequence as it happens.
 */

interface Played {
  effects: Effect[];
  /** Per dispatch: the state's change against the sum of the effects reported for it. */
  mismatches: string[];
}

const round = (x: number) => Math.round(x * 100) / 100;

function snapshot(session: Session, scenario: Scenario) {
  const s = session.state;
  const goal = productGoalProgress(s as never, scenario);
  return { trust: { ...s.trust }, morale: s.team.morale, debt: s.team.techDebt, value: s.valueRealised, goal: goal?.measurable ? goal.released : 0 };
}

function play(scenario: Scenario, bot: string, seed: number): Played {
  const session = createSession(scenario, seed, 'h');
  const policy = POLICIES[bot]!(String(seed));
  const effects: Effect[] = [];
  const mismatches: string[] = [];
  while (!session.done) {
    const before = snapshot(session, scenario);
    const result = session.dispatch(policy.choose(session.observe()));
    if (!result.ok) throw new Error(result.error.message);
    const after = snapshot(session, scenario);
    const fx = result.changes.effects;
    effects.push(...fx);
    const sum = (kind: Effect['kind'], who?: string) => round(fx.filter((e) => e.kind === kind && (who === undefined || e.who === who)).reduce((a, e) => a + e.delta, 0));
    const check = (what: string, seen: number, told: number) => {
      if (Math.abs(round(seen) - told) > 0.011) mismatches.push(`step ${session.step} ${what}: state moved ${round(seen)}, effects say ${told}`);
    };
    for (const who of Object.keys(after.trust)) check(`trust of ${who}`, after.trust[who]! - before.trust[who]!, sum('trust', who));
    check('morale', after.morale - before.morale, sum('morale'));
    check('debt', after.debt - before.debt, sum('debt'));
    check('value', after.value - before.value, sum('value'));
    check('goal', after.goal - before.goal, sum('goal'));
  }
  return { effects, mismatches };
}

const cafe = starterScenario().scenario;
const runs = ['principled', 'random', 'hippo', 'yes', 'first'].flatMap((bot) => [0, 1, 2].map((seed) => ({ bot, seed, ...play(cafe, bot, seed) })));
const all = runs.flatMap((r) => r.effects);

describe('effects: every visible consequence is reported with its cause', () => {
  it('the effects of each dispatch add up to exactly what changed in the state', () => {
    for (const r of runs) expect(r.mismatches, `${r.bot} seed ${r.seed}`).toEqual([]);
  });

  it('each kind of effect appears over a few plays of the café', () => {
    const kinds = new Set(all.map((e) => e.kind));
    expect([...kinds].sort()).toEqual(['debt', 'goal', 'morale', 'trust', 'value']);
  });

  it('causes are sentences for people: no ids, no camelCase, no empty text', () => {
    const ids = new Set<string>([...cafe.stakeholders.map((s) => s.id), ...cafe.backlog.map((i) => i.id), ...cafe.events.map((e) => e.id)]);
    for (const e of all) {
      expect(e.cause).toMatch(/^[A-Z"]/);
      expect(e.cause).not.toMatch(/\.$/);
      expect(e.cause).not.toMatch(/undefined|null|NaN/);
      expect(e.cause).not.toMatch(/\b[a-z]+[A-Z][a-z]+\b/);
      for (const word of e.cause.match(/[a-z0-9]+(?:-[a-z0-9]+)+/g) ?? []) expect(ids.has(word), `"${word}" in "${e.cause}"`).toBe(false);
      expect(e.delta).not.toBe(0);
    }
  });

  it('trust effects name the stakeholder, and the delta is what their trust moved', () => {
    const trust = all.filter((e) => e.kind === 'trust');
    expect(trust.length).toBeGreaterThan(0);
    for (const e of trust) {
      const who = cafe.stakeholders.find((s) => s.id === e.who);
      expect(who, e.cause).toBeDefined();
      expect(e.whoName).toBe(who!.name);
    }
  });

  it('a stakeholder whose requested item is Done gains 4 trust, and the cause names the item', () => {
    const thanks = all.filter((e) => e.kind === 'trust' && e.cause.endsWith(', which they asked for, is Done'));
    expect(thanks.length).toBeGreaterThan(0);
    for (const e of thanks) {
      expect(e.delta).toBeLessThanOrEqual(4);
      const title = e.cause.match(/^"(.+)"/)?.[1];
      expect(title && Object.values(cafe.backlog).some((i) => i.title === title || i.splits?.some((o) => o.children.some((c) => c.title === title)))).toBe(true);
    }
    expect(thanks.some((e) => e.delta === 4)).toBe(true);
  });

  it('a release reports the value realised and the Product Goal points, naming what reached users', () => {
    const value = all.filter((e) => e.kind === 'value');
    const goal = all.filter((e) => e.kind === 'goal');
    expect(value.length).toBeGreaterThan(0);
    expect(goal.length).toBeGreaterThan(0);
    for (const e of value) expect(e.cause).toMatch(/reached users$/);
    for (const e of goal) {
      expect(e.cause).toMatch(/reached users, moving the Product Goal$/);
      expect(e.delta).toBeGreaterThan(0);
    }
  });

  it('a working-session Review raises every stakeholder’s trust by up to 3, with one effect each', () => {
    const session = createSession(cafe, 0, 'h');
    const principled = POLICIES.principled!('0');
    let found: Effect[] | null = null;
    while (!session.done && !found) {
      const step = session.observe();
      const review = step.actions.find((a) => a.type === 'setReviewFormat' && (a.action as { format?: string }).format === 'workingSession');
      const result = session.dispatch(review ? { id: review.id } : principled.choose(step));
      if (!result.ok) throw new Error(result.error.message);
      if (review) found = result.changes.effects;
    }
    expect(found).not.toBeNull();
    const trust = found!.filter((e) => e.kind === 'trust');
    expect(trust.map((e) => e.who).sort()).toEqual(cafe.stakeholders.map((s) => s.id).filter((id) => session.state.trust[id]! < 100).sort());
    for (const e of trust) {
      expect(e.delta).toBeGreaterThan(0);
      expect(e.delta).toBeLessThanOrEqual(3);
      expect(e.cause).toBe('Stakeholders worked through the Increment with the Scrum Team');
    }
  });

  it('effects stay out of the saved state: the state hash of a run does not depend on them', () => {
    const a = createSession(cafe, 5, 'h');
    const b = createSession(cafe, 5, 'h');
    playToEndWith(a);
    playToEndWith(b);
    expect(a.stateHash()).toBe(b.stateHash());
    expect(JSON.stringify(a.state)).not.toContain('which they asked for, is Done');
  });

  it('two sessions played in turn each get only their own effects', () => {
    const sessions = [createSession(cafe, 7, 'h'), createSession(cafe, 8, 'h')];
    const bots = [POLICIES.random!('7'), POLICIES.principled!('8')];
    let checked = 0;
    while (sessions.some((x) => !x.done)) {
      sessions.forEach((session, i) => {
        if (session.done) return;
        const before = { ...session.state.trust };
        const result = session.dispatch(bots[i]!.choose(session.observe()));
        if (!result.ok) throw new Error(result.error.message);
        for (const who of Object.keys(before)) {
          const told = result.changes.effects.filter((e) => e.kind === 'trust' && e.who === who).reduce((a, e) => a + e.delta, 0);
          expect(round(told)).toBeCloseTo(round(session.state.trust[who]! - before[who]!), 2);
          checked += told !== 0 ? 1 : 0;
        }
      });
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('other scenarios report effects too (an event choice changes morale or debt with its answer as the cause)', () => {
    const council = shippedScenario('council-surge.yaml').scenario;
    const effects = [0, 1, 2, 3].flatMap((seed) => play(council, 'random', seed)).flatMap((r) => {
      expect(r.mismatches).toEqual([]);
      return r.effects;
    });
    const answers = effects.filter((e) => e.cause.startsWith('Your answer to "'));
    expect(answers.length).toBeGreaterThan(0);
  });
});

function playToEndWith(session: Session): void {
  const policy = POLICIES.principled!('x');
  while (!session.done) {
    const result = session.dispatch(policy.choose(session.observe()));
    if (!result.ok) throw new Error(result.error.message);
  }
}
