import { describe, expect, it } from 'vitest';
import { createSession, type Observation, type Session } from '../../src/engine';
import { describeStage, IN_PROGRESS_LIMIT, nextStage, type Column, type StageEvent, type StageState } from '../../src/game/stage/model';
import { starterScenario } from '../helpers/scenarios';

const RUN = 'corner-cafe:stage-unit';

/** Answers questions and events first, then the first listed action starting with one of `wanted`. */
function step(session: Session, wanted: readonly string[]): void {
  const ids = session.observe().actions.map((a) => a.id);
  const id = ['answerQuestion:', 'resolveEvent:', ...wanted].map((w) => ids.find((x) => x.startsWith(w))).find(Boolean) ?? ids[0]!;
  const result = session.dispatch({ id });
  if (!result.ok) throw new Error(result.error.message);
}

const POLICY = ['startSprints', 'chooseProductGoal:', 'commitSprint:agreed', 'commitSprint:insist', 'proposeSprintGoal:', 'nextDay', 'endReview', 'reflect:', 'chooseImprovement:'];

/** A café run at the start of its first Sprint's days. */
function atSprintStart(): Session {
  const { scenario, hash } = starterScenario();
  const session = createSession(scenario, 'stage-unit', hash);
  for (let i = 0; i < 200 && !session.observe().phase.startsWith('sprint.execution'); i++) step(session, POLICY);
  return session;
}

function look(prev: StageState | null, o: Observation, phase = o.phase): { state: StageState; events: StageEvent[] } {
  return nextStage(prev, { runKey: RUN, phase, observation: o });
}

const rank: Record<Column, number> = { todo: 0, doing: 1, done: 2 };

describe('the stage model maps observations to the board, and diffs them', () => {
  it('shows the Sprint Backlog in To do at the start, with no events on the first look', () => {
    const o = atSprintStart().observe().observation;
    const { state, events } = look(null, o);
    expect(events).toEqual([]);
    expect(state.screen).toBe('sprint');
    expect(state.cards.map((c) => c.id)).toEqual(o.sprintBacklog.map((i) => i.id));
    if (o.day === 0) expect(state.cards.every((c) => c.column === 'todo')).toBe(true);
    expect(state.stakeholders.filter((s) => s.present && !s.says)).toEqual([]);
  });

  it('moves cards forward as days pass, never back, until Done work sits in Done', () => {
    const session = atSprintStart();
    let { state } = look(null, session.observe().observation);
    const all: StageEvent[] = [];
    const sprint = state.sprint;
    for (let i = 0; i < 80 && session.observe().observation.sprint === sprint && session.observe().phase.startsWith('sprint.'); i++) {
      step(session, ['nextDay', 'endReview']);
      const o = session.observe();
      if (!o.phase.startsWith('sprint.execution')) break;
      const next = look(state, o.observation);
      for (const c of next.state.cards) {
        const was = state.cards.find((x) => x.id === c.id);
        if (was) expect(rank[c.column], `${c.title} went back`).toBeGreaterThanOrEqual(rank[was.column]);
        const item = o.observation.sprintBacklog.find((x) => x.id === c.id)!;
        expect(c.column === 'done').toBe(item.status === 'done');
        expect(c.blocked).toBe(item.status !== 'done' && item.blockedBy !== null);
      }
      const unblockedDoing = next.state.cards.filter((c) => c.column === 'doing' && !c.blocked);
      const reworked = o.observation.sprintBacklog.filter((x) => x.meetsDoD === false).length;
      expect(unblockedDoing.length).toBeLessThanOrEqual(IN_PROGRESS_LIMIT + reworked);
      all.push(...next.events);
      state = next.state;
    }
    const days = all.filter((e) => e.kind === 'day');
    expect(days.length).toBeGreaterThan(1);
    expect(days.map((d) => d.day)).toEqual(days.map((_, i) => i + 1));
    expect(all.some((e) => e.kind === 'moved' && e.to === 'doing')).toBe(true);
    const done = all.find((e) => e.kind === 'moved' && e.to === 'done');
    expect(done?.text).toMatch(/^Card “.+” moved to Done\.$/);
  });

  it('gives the same state and no events for the same observation twice', () => {
    const session = atSprintStart();
    step(session, ['nextDay']);
    const o = session.observe().observation;
    const first = look(null, o);
    const again = look(first.state, o);
    expect(again.events).toEqual([]);
    expect(again.state).toEqual(first.state);
  });

  it('plays several days passed at once as one day event each, in order', () => {
    const session = atSprintStart();
    const start = look(null, session.observe().observation).state;
    for (let i = 0; i < 3; i++) {
      while (session.observe().actions.some((a) => a.type === 'answerQuestion' || a.type === 'resolveEvent')) step(session, []);
      step(session, ['nextDay']);
    }
    const o = session.observe().observation;
    const { events } = look(start, o);
    expect(events.filter((e) => e.kind === 'day').map((e) => e.day)).toEqual(Array.from({ length: o.day - start.day }, (_, i) => start.day + i + 1));
  });

  it('flags a blocked card with what it waits on, and says when it is free again', () => {
    const o = atSprintStart().observe().observation;
    const working = { ...o, day: 1 };
    const before = look(null, working).state;
    const target = working.sprintBacklog[working.sprintBacklog.length - 1]!;
    const blocked = { ...working, sprintBacklog: working.sprintBacklog.map((i) => (i.id === target.id ? { ...i, blockedBy: 'Upgrade the payments library' } : i)) };
    const { state, events } = look(before, blocked);
    expect(state.cards.find((c) => c.id === target.id)).toMatchObject({ blocked: true, blockedBy: 'Upgrade the payments library' });
    expect(events).toContainEqual({ kind: 'blocked', cardId: target.id, text: `Card “${target.title}” is blocked: it needs “Upgrade the payments library”.` });
    const free = look(state, working);
    expect(free.events.some((e) => e.kind === 'unblocked' && e.cardId === target.id)).toBe(true);
  });

  it('brings a stakeholder in with a speech bubble for an event, shows their reaction, then sees them out', () => {
    const o = atSprintStart().observe().observation;
    const quiet = { ...o, pendingEvent: null, pendingQuestion: null };
    const who = o.stakeholders[0]!;
    const s0 = look(null, quiet).state;
    expect(s0.stakeholders.find((s) => s.id === who.id)?.present).toBe(false);

    const event = { id: 'e', title: 'Can we add oat milk?', text: '…', from: who.id, choices: [] };
    const asked = look(s0, { ...quiet, pendingEvent: event });
    expect(asked.state.stakeholders.find((s) => s.id === who.id)).toMatchObject({ present: true, says: 'Can we add oat milk?', mood: 'neutral' });
    expect(asked.events).toContainEqual({ kind: 'arrived', stakeholderId: who.id, text: `${who.name} arrives: “Can we add oat milk?”` });

    const pleasedObs = { ...quiet, stakeholders: quiet.stakeholders.map((s) => (s.id === who.id ? { ...s, trust: s.trust + 4 } : s)) };
    const answered = look(asked.state, pleasedObs);
    expect(answered.state.stakeholders.find((s) => s.id === who.id)).toMatchObject({ present: true, mood: 'pleased', says: null });
    expect(answered.events).toContainEqual({ kind: 'reacted', stakeholderId: who.id, text: `${who.name} looks pleased.` });

    const later = look(answered.state, pleasedObs);
    expect(later.state.stakeholders.find((s) => s.id === who.id)?.present).toBe(false);
    expect(later.events).toContainEqual({ kind: 'left', stakeholderId: who.id, text: `${who.name} leaves.` });
  });

  it('gives the Developers a speech bubble when they raise an event, said in words', () => {
    const o = atSprintStart().observe().observation;
    const quiet = { ...o, pendingEvent: null, pendingQuestion: null };
    const s0 = look(null, quiet).state;
    const raised = look(s0, { ...quiet, pendingEvent: { id: 'e', title: 'The build server is down', text: '', from: 'developers', choices: [] } });
    expect(raised.state.team.says).toBe('The build server is down');
    expect(raised.state.stakeholders.some((s) => s.present)).toBe(false);
    expect(raised.events).toContainEqual({ kind: 'spoke', text: 'The Developers say: “The build server is down”' });
    expect(describeStage(raised.state)).toContain('The Developers are saying “The build server is down”.');
    expect(look(raised.state, quiet).state.team.says).toBeNull();
  });

  it('has every stakeholder at the Review, worried when their trust fell, and at a release', () => {
    const o = atSprintStart().observe().observation;
    const s0 = look(null, o).state;
    const who = o.stakeholders[1]!;
    const review = { ...o, stakeholders: o.stakeholders.map((s) => (s.id === who.id ? { ...s, trust: s.trust - 3 } : s)) };
    const { state } = look(s0, review, 'sprint.review');
    expect(state.stakeholders.every((s) => s.present)).toBe(true);
    expect(state.stakeholders.find((s) => s.id === who.id)?.mood).toBe('worried');

    const released = { ...o, releases: [...o.releases, { sprint: 1, itemIds: [], value: 0, adoption: 0, satisfaction: 0, revenue: 0, featureUse: {} }] };
    expect(look(s0, released).state.stakeholders.every((s) => s.present)).toBe(true);
  });

  it('starts fresh for another run, and clears the board for a new Sprint', () => {
    const o = atSprintStart().observe().observation;
    const s0 = look(null, { ...o, day: 2 }).state;
    expect(nextStage(s0, { runKey: 'another', phase: o.phase, observation: o }).events).toEqual([]);
    const { events } = look(s0, { ...o, sprint: o.sprint + 1 }, 'sprint.planning.proposing');
    expect(events[0]).toMatchObject({ kind: 'cleared', text: `The board is cleared for Sprint ${o.sprint + 1}.` });
    expect(events.some((e) => e.kind === 'removed')).toBe(false);
  });

  it('says the whole stage in words', () => {
    const o = atSprintStart().observe().observation;
    const { state } = look(null, { ...o, day: 0, pendingEvent: { id: 'e', title: 'A word, please', text: '', from: o.stakeholders[0]!.id, choices: [] } });
    const lines = describeStage(state);
    expect(lines[0]).toBe(`To do: ${o.sprintBacklog.map((i) => `“${i.title}”`).join(', ')}.`);
    expect(lines).toContain(`${o.stakeholders[0]!.name} is here, saying “A word, please”.`);
  });
});
