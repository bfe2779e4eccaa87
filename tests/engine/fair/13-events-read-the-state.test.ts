import { describe, expect, it } from 'vitest';
import { POLICIES } from '../../../src/bots';
import { createSession, type Scenario, type Session } from '../../../src/engine';
import { valueAvailable } from '../../../src/engine/report';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatProblem, loadScenarioText } from '../../../src/scenario';
import { shippedScenario } from '../../helpers/scenarios';

/*
 * Item 13: events and metrics read the state they speak about. An event whose premise is false
 * now does not fire; analytics read only what released work can show; adoption is a real share.
 */

/** A shipped scenario whose deck holds only `cardId`, sure to fire on any eligible day. */
function onlyCard(file: string, cardId: string, fromSprint?: number): Scenario {
  const { scenario } = shippedScenario(file);
  const card = scenario.events.find((c) => c.id === cardId)!;
  return { ...scenario, events: [{ ...card, chance: 1, fromSprint: fromSprint ?? card.fromSprint }] };
}

/**
 * Plays a bot to the end; `first` may take a step instead of the bot (return an action or null),
 * and `watch` sees the session after every step.
 */
function play(scenario: Scenario, bot: string, seed: string, first?: (s: Session) => object | null, watch?: (s: Session) => void): Session {
  const s = createSession(scenario, seed, 'fair-13');
  const policy = POLICIES[bot]!(seed);
  for (let i = 0; i < 5000 && !s.done; i++) {
    const own = first?.(s) ?? null;
    const r = s.dispatch(own ?? policy.choose(s.observe()));
    if (!r.ok) throw new Error(`step ${i + 1}: ${r.error.message}`);
    watch?.(s);
  }
  return s;
}

describe('item 13: events whose premise is false do not fire', () => {
  it('Theo never asks to add the loyalty stamps while they are already in the Sprint or Done', () => {
    const scenario = onlyCard('corner-cafe.yaml', 'add-midsprint');
    let plannedWhileRunning = 0;
    for (const seed of ['1', '2', '3', '4'])
      play(scenario, 'hippo', seed, undefined, (s) => {
        const stamps = Object.values(s.state.items).filter((i) => i.id === 'loyalty-stamps' || i.parentId === 'loyalty-stamps');
        const planned = stamps.some((i) => i.status === 'sprint' || i.status === 'done');
        if (planned && s.state.phase.startsWith('sprint.execution')) plannedWhileRunning++;
        if (s.state.pendingEvent) expect(planned, `seed ${seed}, Sprint ${s.state.sprint}`).toBe(false);
      });
    // The hippo takes the loudest request early, so the premise was really false in some runs.
    expect(plannedWhileRunning).toBeGreaterThan(0);
  });

  it('"nobody knows yet" is never said about an assumption the player already tested', () => {
    const scenario = onlyCard('cafe-regulars.yaml', 'pass-test', 1);
    let tested = false;
    const s = play(scenario, 'hippo', '7', (s) => {
      if (tested || s.state.phase !== 'briefing.ready' || s.observe().observation.pendingQuestion) return null;
      tested = true;
      return { type: 'testAssumption', itemId: 'coffee-pass' };
    });
    expect(tested).toBe(true);
    // The run reached the Sprints' days, where the card would have fired on its first eligible day.
    expect(s.done).toBe(true);
    expect(s.state.firedEvents).not.toContain('pass-test');
  });

  it('the facilitator cannot inject an event whose premise is false, and can while it holds', () => {
    const { scenario } = shippedScenario('cafe-regulars.yaml');
    const noDeck = { ...scenario, events: scenario.events.map((c) => ({ ...c, fromSprint: scenario.sprints })) };
    const toTheDays = (testFirst: boolean): Session => {
      const s = createSession(noDeck, '3', 'fair-13');
      const policy = POLICIES.hippo!("3");
      let tested = !testFirst;
      for (let i = 0; i < 2000 && !s.state.phase.startsWith('sprint.execution'); i++) {
        const ready = s.state.phase === 'briefing.ready' && !s.observe().observation.pendingQuestion;
        const own = !tested && ready ? { type: 'testAssumption', itemId: 'coffee-pass' } : null;
        if (own) tested = true;
        expect(s.dispatch(own ?? policy.choose(s.observe())).ok).toBe(true);
      }
      expect(tested).toBe(true);
      return s;
    };
    expect(toTheDays(true).injectEvent('pass-test').ok).toBe(false);
    expect(toTheDays(false).injectEvent('pass-test').ok).toBe(true);
  });
});

describe('item 13: analytics and adoption read the released product', () => {
  it('usage analytics never reveal the value of unreleased work that builds on nothing released', () => {
    const { scenario } = shippedScenario('corner-cafe.yaml');
    let checked = 0;
    for (const seed of ['1', '2', '3']) {
      const s = createSession(scenario, seed, 'fair-13');
      const policy = POLICIES.principled!(seed);
      for (let i = 0; i < 5000 && !s.done; i++) {
        const step = s.observe();
        const analytics = step.actions.find((a) => a.action.type === 'gatherFeedback' && a.action.method === 'analytics');
        if (analytics && s.state.releases.some((r) => r.itemIds.length > 0)) {
          const before = s.state;
          const r = s.dispatch({ id: analytics.id });
          expect(r.ok).toBe(true);
          for (const id of before.backlogOrder) {
            const was = before.items[id]!;
            if (s.state.items[id]!.statedValue === was.statedValue) continue;
            // A revealed item must build on released work: a released piece of its split, or a released dependency.
            const released = (x: string) => before.items[x]?.releasedInSprint !== null && before.items[x] !== undefined;
            const onReleased = (was.truth.dependsOn ?? []).some(released) || (was.parentId !== null && Object.values(before.items).some((o) => o.parentId === was.parentId && released(o.id)));
            expect(onReleased, `${seed}: analytics revealed "${was.title}", which builds on nothing released`).toBe(true);
          }
          checked++;
          continue;
        }
        const c = s.dispatch(policy.choose(step));
        if (!c.ok) throw new Error(c.error.message);
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('adoption is the share of the value available that released work has realised', () => {
    const { scenario } = shippedScenario('platform-adoption.yaml');
    const s = play(scenario, 'yes', '2');
    const available = valueAvailable(scenario);
    let realised = 0;
    for (const r of s.state.releases) {
      realised += r.value;
      expect(r.adoption).toBeCloseTo(Math.min(100, (100 * realised) / available), 1);
    }
    expect(s.state.releases.length).toBeGreaterThan(0);
  });

  it('the platform pivot states no count of teams that the adoption figure could contradict', () => {
    const { scenario } = shippedScenario('platform-adoption.yaml');
    expect(`${scenario.pivot!.signal} ${scenario.pivot!.evidence}`).not.toMatch(/\b\d+ of (the )?\d+ teams\b/);
  });
});

describe('item 13: the validator checks what a premise speaks about', () => {
  it('refuses a premise naming an item the backlog lacks, or an untested belief on an item without one', () => {
    const text = readFileSync(join(import.meta.dirname, '..', '..', '..', 'scenarios', 'corner-cafe.yaml'), 'utf8');
    expect(text).toContain('premise: { notPlanned: [loyalty-stamps] }');
    const broken = text.replace('premise: { notPlanned: [loyalty-stamps] }', 'premise: { notPlanned: [loyalty-stampz], untested: [dark-mode] }');
    const loaded = loadScenarioText(Buffer.from(broken), 'corner-cafe.yaml');
    expect(loaded.ok).toBe(false);
    const problems = loaded.ok ? '' : loaded.problems.map(formatProblem).join('\n');
    expect(problems).toMatch(/premise.*notPlanned[\s\S]*loyalty-stampz/);
    expect(problems).toMatch(/premise.*untested[\s\S]*dark-mode/);
  });
});
