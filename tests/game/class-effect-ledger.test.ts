import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSession, type Effect, type Evidence, type Session } from '../../src/engine';
import { POLICIES } from '../../src/bots';
import { observationMessage } from '../../src/protocol';
import type { ClassroomClient, ClassroomEvent, ClassState } from '../../src/game/classroom/client';
import { coachCardFor } from '../../src/game/coach/for-run';
import { setClassCoach } from '../../src/game/coach/mode';
import { SessionStore } from '../../src/game/session-store';
import { ClassEffectLedger, EffectLedger } from '../../src/game/view/effect-ledger';
import { reportCard } from '../../src/game/view/report-card';
import type { LoadedCollection, LoadedScenario } from '../../src/scenario';
import { starterScenario } from '../helpers/scenarios';

/**
 * The report card and the coach in a class: the store fed by a stand-in for the class client,
 * whose acks carry what the server sends (effects always, evidence only with the coach on).
 */

const loaded = starterScenario();
const catalogue = { scenarios: [{ ...loaded, source: '' } as unknown as LoadedScenario], campaigns: [], problems: [] } as unknown as LoadedCollection;

function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    key: (i: number) => [...data.keys()][i] ?? null,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, String(v)),
    removeItem: (k: string) => void data.delete(k),
    clear: () => data.clear(),
  };
}

beforeEach(() => {
  vi.stubGlobal('window', {});
  vi.stubGlobal('localStorage', memoryStorage());
  vi.stubGlobal('sessionStorage', memoryStorage());
  vi.stubGlobal('document', { getElementById: () => null });
});
afterEach(() => {
  vi.unstubAllGlobals();
  setClassCoach(null);
});

/** The server's side: a real session, and a class client that only passes its messages on. */
class FakeClass {
  readonly session: Session;
  readonly store = new SessionStore(catalogue);
  private listener: (event: ClassroomEvent) => void = () => undefined;
  readonly client: ClassroomClient;

  constructor(seed: string, coach: boolean, steps = 0, session?: Session) {
    this.session = session ?? createSession(loaded.scenario, seed, loaded.hash);
    const classState: ClassState = { title: 'Class', status: 'live', paused: false, pacing: 'free', released: null, coach };
    this.client = {
      status: { connection: 'open', name: 'Ann', classTitle: 'Class', class: classState, waitingForRelease: false, removed: null, fatal: null, replaced: false },
      steps,
      saved: { nextSeq: steps + 1, pending: [] },
      busy: false,
      onEvent: (l: (event: ClassroomEvent) => void) => void (this.listener = l),
      start: () => undefined,
      stop: () => undefined,
      act: () => true,
    } as unknown as ClassroomClient;
    this.store.enterClassroom(this.client);
  }

  send(event: ClassroomEvent): void {
    this.listener(event);
  }

  /** The observation the server sends on (re)connection: no ack before it. */
  position(): void {
    this.send({ type: 'observation', message: observationMessage(this.session.observe()), acked: false });
  }

  /** One action taken on the server, answered (or not: `lost`) with its ack and observation. */
  act(action: unknown, coach: boolean, lost = false): { sprint: number; effects: readonly Effect[]; evidence: readonly Evidence[] } {
    const sprint = this.session.state.sprint;
    const result = this.session.dispatch(action as never);
    if (!result.ok) throw new Error(result.error.message);
    (this.client as { steps: number }).steps++;
    this.client.saved.nextSeq++;
    if (!lost) {
      const { effects, evidence } = result.changes;
      this.send({ type: 'observation', message: observationMessage(this.session.observe()), acked: true, effects, ...(coach ? { evidence } : {}) });
    }
    return { sprint, effects: result.changes.effects, evidence: result.changes.evidence };
  }
}

const retro = (s: Session) => s.observe().phase.startsWith('sprint.retro');

describe("a class game's report card", () => {
  it('sums the Sprint’s effects from the acks, keyed by the Sprint each action was taken in, as solo play does', () => {
    const c = new FakeClass('class-ledger-1', true);
    c.position();
    expect(c.store.run!.sprintEffectsPartial).toBe(false);
    const bot = POLICIES.principled!('1');
    const solo = new EffectLedger();
    let guard = 0;
    while (!retro(c.session) && guard++ < 400) {
      const { sprint, effects } = c.act(bot.choose(c.session.observe()), true);
      solo.add(sprint, effects);
    }
    const run = c.store.run!;
    const o = run.step.observation;
    expect(o.sprint).toBe(1);
    expect(run.sprintEffectsPartial).toBe(false);
    expect(run.sprintEffects).toEqual(solo.of(1));
    expect(run.sprintEffects.some((e) => e.kind === 'trust')).toBe(true);
    const card = reportCard(o, run.sprintEffects, run.sprintEffectsPartial)!;
    expect(card).toEqual(reportCard(o, solo.of(1))!);
    expect(card.partial).toBe(false);
    expect(card.mood.tone).not.toBe('unknown');

    // The Retrospective's choice starts Sprint 2: its ledger starts empty and whole.
    while (c.session.state.sprint === 1 && guard++ < 400) c.act(bot.choose(c.session.observe()), true);
    expect(c.store.run!.step.observation.sprint).toBe(2);
    expect(c.store.run!.sprintEffectsPartial).toBe(false);
  });

  it('reopened part-way through a Sprint (a reload, another device), says the trust changes are not known, until the next Sprint starts', () => {
    const played = createSession(loaded.scenario, 'class-ledger-2', loaded.hash);
    const bot = POLICIES.principled!('2');
    let steps = 0;
    while (!played.observe().phase.startsWith('sprint.execution')) {
      const r = played.dispatch(bot.choose(played.observe()) as never);
      if (!r.ok) throw new Error(r.error.message);
      steps++;
    }
    const c = new FakeClass('class-ledger-2', true, steps, played);
    c.position();
    expect(c.store.run!.sprintEffectsPartial).toBe(true);
    let guard = 0;
    while (!retro(c.session) && guard++ < 400) c.act(bot.choose(c.session.observe()), true);
    const run = c.store.run!;
    expect(run.sprintEffectsPartial).toBe(true);
    const card = reportCard(run.step.observation, run.sprintEffects, run.sprintEffectsPartial)!;
    expect(card.partial).toBe(true);
    expect(card.mood.tone).toBe('unknown');
    expect(card.mood.people.every((p) => p.change === null)).toBe(true);
    expect(card.mood.text).toMatch(/^How stakeholders’ trust moved this Sprint is not known here/);
    expect(card.mood.text).toContain(`Trust now: ${run.step.observation.stakeholders[0]!.name} `);
    expect(card.mood.text).not.toMatch(/held steady|No one’s trust moved/);
    expect(card.lesson).not.toMatch(/trust fell/);

    while (c.session.state.sprint === 1 && guard++ < 400) c.act(bot.choose(c.session.observe()), true);
    expect(c.store.run!.sprintEffectsPartial).toBe(false);
  });

  it('an answer lost with the connection (the server says it had the action already) makes the Sprint partial', () => {
    const c = new FakeClass('class-ledger-3', true);
    c.position();
    const bot = POLICIES.principled!('3');
    while (!c.session.observe().phase.startsWith('sprint.execution')) c.act(bot.choose(c.session.observe()), true);
    expect(c.store.run!.sprintEffectsPartial).toBe(false);
    c.act(bot.choose(c.session.observe()), true, true);
    // Reconnected: the position first, then the duplicate ack of the resent action.
    c.position();
    c.send({ type: 'missed' });
    expect(c.store.run!.sprintEffectsPartial).toBe(true);
  });

  it('the ledger on its own: a fresh Sprint is whole, a missed action makes none whole, a restart forgets', () => {
    const l = new ClassEffectLedger();
    const e: Effect = { kind: 'trust', who: 'a', whoName: 'A', delta: 2, cause: 'x' };
    l.restart(1);
    l.acked(1, 1, [e]);
    l.acked(1, 2, [e]);
    expect(l.of(1)).toEqual({ effects: [e, e], whole: true });
    expect(l.of(2)).toEqual({ effects: [], whole: true });
    l.missed();
    expect(l.of(2).whole).toBe(false);
    l.acked(2, 3, []);
    expect(l.of(3).whole).toBe(true);
    l.restart(null);
    expect(l.of(1)).toEqual({ effects: [], whole: false });
  });
});

describe('the coach in a class', () => {
  function answered(coach: boolean, evidenceSent = coach) {
    const c = new FakeClass('class-coach', coach);
    c.position();
    const question = c.session.observe().actions.find((a) => a.type === 'answerQuestion');
    expect(question).toBeDefined();
    const sent = c.act({ id: question!.id }, evidenceSent);
    return { c, sent };
  }

  it('with the class’s coach on, shows its verdicts from the ack’s evidence', () => {
    const { c, sent } = answered(true);
    expect(sent.evidence.length).toBeGreaterThan(0);
    const card = coachCardFor(c.store.run!)!;
    expect(card.judgements.length).toBeGreaterThan(0);
    expect(card.judgements[0]!.kind).toBe('question');
  });

  it('with the coach off (assessment mode), shows no verdict, even from a learner whose own setting has the coach on', () => {
    for (const evidenceSent of [false, true]) {
      // The server sends no evidence with the coach off; were some to come, the class's setting still hides it.
      const { c } = answered(false, evidenceSent);
      const card = coachCardFor(c.store.run!)!;
      expect(card.judgements).toEqual([]);
      expect(card.later).toBeNull();
      expect(card.happened.length).toBeGreaterThan(0);
    }
  });
});
