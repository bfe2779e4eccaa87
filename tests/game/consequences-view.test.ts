import { describe, expect, it } from 'vitest';
import { createSession, type Effect, type Observation } from '../../src/engine';
import { POLICIES } from '../../src/bots';
import { effectLines, effectsSpeech } from '../../src/game/view/effects';
import { goalMeter } from '../../src/game/view/goal-progress';
import { lessonFor, reportCard } from '../../src/game/view/report-card';
import { EffectLedger } from '../../src/game/view/effect-ledger';
import { starterScenario } from '../helpers/scenarios';

const cafe = starterScenario().scenario;

describe('effect lines', () => {
  it('a trust change reads "+4 trust for <name>: <cause>."', () => {
    const lines = effectLines([{ kind: 'trust', who: 'owner', whoName: 'Rosa Marin', delta: 4, cause: 'Rosa saw her order-ahead flow working' }], 3);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ amount: '+4 trust', who: 'Rosa Marin', tone: 'good' });
    expect(lines[0]!.text).toBe('+4 trust for Rosa Marin: Rosa saw her order-ahead flow working.');
  });

  it('the same change for every stakeholder is one line; for some of them, their names', () => {
    const each = (who: string, whoName: string): Effect => ({ kind: 'trust', who, whoName, delta: 3, cause: 'Stakeholders worked through the Increment with the Scrum Team' });
    const all = effectLines([each('a', 'Ann'), each('b', 'Bo'), each('c', 'Cy')], 3);
    expect(all.map((l) => l.who)).toEqual(['every stakeholder']);
    const two = effectLines([each('a', 'Ann'), each('b', 'Bo')], 3);
    expect(two.map((l) => l.who)).toEqual(['Ann and Bo']);
  });

  it('signs, units and tone: less morale is bad, more debt is bad, less debt is good, goal points agree in number', () => {
    const lines = effectLines([
      { kind: 'morale', delta: -5, cause: 'You cancelled the Sprint' },
      { kind: 'debt', delta: 4, cause: 'A shortcut' },
      { kind: 'debt', delta: -10, cause: 'Paid down' },
      { kind: 'value', delta: 12.46, cause: '"Order ahead" reached users' },
      { kind: 'goal', delta: 1, cause: 'One point' },
      { kind: 'goal', delta: 5, cause: 'Five points' },
    ]);
    expect(lines.map((l) => `${l.amount}|${l.tone}`)).toEqual([
      '\u22125 team morale|bad',
      '+4 technical debt|bad',
      '\u221210 technical debt|good',
      '+12.5 value realised|good',
      '+1 point toward the Product Goal|good',
      '+5 points toward the Product Goal|good',
    ]);
  });

  it('drops changes too small to show, and speaks every line', () => {
    const lines = effectLines([
      { kind: 'trust', who: 'a', whoName: 'Ann', delta: 0.02, cause: 'Barely' },
      { kind: 'morale', delta: 2, cause: 'A shared vision' },
    ]);
    expect(lines).toHaveLength(1);
    expect(effectsSpeech(lines)).toBe('+2 team morale: A shared vision.');
    expect(effectsSpeech([])).toBe('');
  });
});

describe('Product Goal meter', () => {
  it('shows released points against all points, with the share in words', () => {
    const m = goalMeter({ goal: 'Half of morning orders', measurable: true, released: 6, total: 24 });
    expect(m).toMatchObject({ value: '6 of 24 points', share: 0.25 });
    expect(m!.text).toContain('(25%)');
  });

  it('says a goal without a measure cannot be read, and shows nothing before the Sprints start', () => {
    expect(goalMeter({ goal: 'Best app', measurable: false, released: 3, total: 20 })).toMatchObject({ value: 'no measure', share: null });
    expect(goalMeter(null)).toBeNull();
  });
});

/** Plays the café with the principled bot to the first Retrospective, keeping the Sprint's effects as the game does. */
function toFirstRetro(): { o: Observation; effects: readonly Effect[] } {
  const session = createSession(cafe, 3, 'h');
  const bot = POLICIES.principled!('3');
  const ledger = new EffectLedger();
  while (!session.observe().phase.startsWith('sprint.retro')) {
    const sprint = session.state.sprint;
    const result = session.dispatch(bot.choose(session.observe()));
    if (!result.ok) throw new Error(result.error.message);
    ledger.add(sprint, result.changes.effects);
  }
  return { o: session.observe().observation, effects: ledger.of(session.state.sprint) };
}

describe('end-of-Sprint report card', () => {
  const { o, effects } = toFirstRetro();
  const card = reportCard(o, effects)!;
  const history = o.sprintHistory.find((h) => h.number === o.sprint)!;

  it('reads the Sprint from the observation: goal, forecast and Done points', () => {
    expect(card.sprint).toBe(1);
    expect(card.goal.verdict).toBe(history.goalMet ? 'met' : 'not met');
    expect(card.goal.text).toContain(history.goal);
    expect(card.forecast).toMatchObject({ forecast: history.forecast, done: history.velocity });
    expect(card.forecast.text).toMatch(/^The Developers forecast \d+ points?; \d+ points? met the Definition of Done\.$/);
    expect(card.value).toMatch(/Done|Definition of Done/);
  });

  it('stakeholders’ mood is the sum of the Sprint’s trust effects, per person', () => {
    const rosa = o.stakeholders[0]!;
    const sum = effects.filter((e) => e.kind === 'trust' && e.who === rosa.id).reduce((a, e) => a + e.delta, 0);
    expect(card.mood.people[0]).toEqual({ name: rosa.name, change: Math.round(sum * 10) / 10, trust: rosa.trust });
    expect(card.mood.text.length).toBeGreaterThan(20);
  });

  it('moods: a Sprint that raised trust reads pleased; one that lowered it, worried, and the lesson says so', () => {
    const up: Effect[] = o.stakeholders.map((s) => ({ kind: 'trust', who: s.id, whoName: s.name, delta: 5, cause: 'x' }));
    expect(reportCard(o, up)!.mood.tone).toBe('pleased');
    const down: Effect[] = o.stakeholders.map((s) => ({ kind: 'trust', who: s.id, whoName: s.name, delta: -6, cause: 'x' }));
    const worried = reportCard(o, down)!;
    expect(worried.mood.tone).toBe('worried');
    expect(worried.mood.text).toContain(`${o.stakeholders[0]!.name} \u22126`);
    expect(reportCard(o, [])!.mood.tone).toBe('steady');
  });

  it('one lesson, chosen by what mattered most in the Sprint', () => {
    const base = { ...history, cancelled: false, stretch: false, notDone: [], goalMet: true, clarifications: 0, velocity: 8, forecast: 8 };
    expect(lessonFor({ ...base, cancelled: true }, true, 0)).toMatch(/only the Product Owner may cancel/);
    expect(lessonFor({ ...base, stretch: true }, true, 0)).toMatch(/Developers decide how much work/);
    expect(lessonFor({ ...base, notDone: ['x'] }, true, 0)).toMatch(/not part of the Increment/);
    expect(lessonFor({ ...base, goalMet: false }, true, 0)).toMatch(/Sprint Goal was not met/);
    expect(lessonFor(base, true, -2)).toMatch(/trust fell/);
    expect(lessonFor({ ...base, clarifications: 2 }, true, 0)).toMatch(/Refining the Product Backlog/);
    expect(lessonFor(base, false, 0)).toMatch(/released/);
    expect(lessonFor({ ...base, velocity: 5 }, true, 0)).toMatch(/less Done than forecast/);
    expect(lessonFor(base, true, 0)).toMatch(/forecast held/);
  });

  it('no card before a Sprint has ended', () => {
    const session = createSession(cafe, 1, 'h');
    expect(reportCard(session.observe().observation, [])).toBeNull();
  });
});
