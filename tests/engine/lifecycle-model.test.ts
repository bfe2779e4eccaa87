import { describe, expect, it } from 'vitest';
import { getShortestPaths } from 'xstate/graph';
import { lifecycleMachine } from '../../src/engine/lifecycle/machine';
import { legalActionTypes, nextPhase, phaseKey } from '../../src/engine/lifecycle/phase';
import { ACTION_TYPES, createSession } from '../../src/engine';
import { starterScenario } from '../helpers/scenarios';

type Node = { key: string; states: Record<string, Node>; parent?: Node; transitions: Map<string, { target?: { id: string }[] }[]> };

/** Every atomic state of the chart, as the dotted keys the engine uses. */
function atomicNodes(): { key: string; node: Node }[] {
  const out: { key: string; node: Node }[] = [];
  const walk = (node: Node, prefix: string) => {
    const children = Object.values(node.states);
    if (children.length === 0) out.push({ key: prefix, node });
    for (const c of children) walk(c, prefix ? `${prefix}.${c.key}` : c.key);
  };
  walk(lifecycleMachine.root as unknown as Node, '');
  return out;
}
const atomicStates = () => atomicNodes().map((n) => n.key);

/** Declared transitions an atomic state takes, its own and its ancestors'. */
function declaredTransitions(): { from: string; event: string }[] {
  const out: { from: string; event: string }[] = [];
  for (const { key, node } of atomicNodes()) {
    const events = new Set<string>();
    for (let n: Node | undefined = node; n; n = n.parent) for (const e of n.transitions.keys()) events.add(e);
    for (const event of events) out.push({ from: key, event });
  }
  return out;
}

const SYSTEM_EVENTS = ['sys.goalChosen', 'sys.eventRaised', 'sys.eventResolved', 'sys.sprintOver', 'sys.nextSprint', 'sys.lastSprintDone'];
const EVENTS = [...ACTION_TYPES, ...SYSTEM_EVENTS];

describe('the scenario lifecycle statechart', () => {
  const shortest = () => getShortestPaths(lifecycleMachine, { events: EVENTS.map((type) => ({ type })) as never });

  it('reaches every state by some path', () => {
    const reached = new Set(shortest().map((p) => phaseKey(p.state.value)));
    expect([...reached].sort()).toEqual(atomicStates().sort());
  });

  it('takes every declared transition from a reachable state', () => {
    const paths = new Map(shortest().map((p) => [phaseKey(p.state.value), p]));
    const declared = declaredTransitions();
    expect(declared.length).toBeGreaterThan(20);
    const table: string[] = [];
    for (const { from, event } of declared) {
      expect(paths.has(from), `no path reaches ${from}`).toBe(true);
      const to = nextPhase(from, event as never);
      const legal = (legalActionTypes(from) as readonly string[]).includes(event);
      // A player event is either legal (the rules apply it) or it moves the phase; never silently dropped.
      if (!event.startsWith('sys.')) expect(legal, `${from} declares ${event} but does not list it`).toBe(true);
      else expect(to, `${from} --${event}--> goes nowhere`).not.toBe(from);
      table.push(`${from} --${event}--> ${to}`);
    }
    // The whole transition table, pinned: a change to the lifecycle shows up as a reviewable diff.
    expect(table.sort()).toMatchSnapshot();
  });

  it('model paths replay through the engine: a real session can reach debrief through every phase', () => {
    const { scenario, hash } = starterScenario();
    const session = createSession(scenario, 3, hash);
    const seen = new Set<string>([session.state.phase]);
    let guard = 0;
    while (!session.done && guard++ < 2000) {
      const step = session.observe();
      // Prefer an event's first choice; otherwise move forward.
      const r = session.dispatch({ id: step.actions[0]!.id });
      expect(r.ok).toBe(true);
      seen.add(session.state.phase);
    }
    for (const phase of ['briefing.choosingGoal', 'briefing.ready', 'sprint.planning.proposing', 'sprint.planning.negotiating', 'sprint.execution.working', 'sprint.review', 'sprint.retrospective', 'release', 'debrief'])
      expect(seen, phase).toContain(phase);
  });

  it('a run to the next event is legal only while the days run, and leaves through the same doors as a day', () => {
    const where = atomicStates().filter((k) => (legalActionTypes(k) as readonly string[]).includes('runToNextEvent'));
    expect(where).toEqual(['sprint.execution.working']);
    // The chart keeps the phase on the action itself; the rules' events move it on, as after a day.
    expect(nextPhase('sprint.execution.working', 'runToNextEvent')).toBe('sprint.execution.working');
    const { scenario, hash } = starterScenario();
    const session = createSession(scenario, 3, hash);
    const leftTo = new Set<string>();
    let guard = 0;
    while (!session.done && guard++ < 2000) {
      const step = session.observe();
      const run = step.actions.find((a) => a.type === 'runToNextEvent');
      const r = session.dispatch({ id: (run ?? step.actions[0]!).id });
      expect(r.ok).toBe(true);
      if (run && r.ok) leftTo.add(r.changes.phase);
      if (run && r.ok) expect(legalActionTypes(r.changes.phaseBefore)).toContain('nextDay');
    }
    expect(session.done).toBe(true);
    expect(leftTo).toContain('sprint.execution.deciding');
    expect(leftTo).toContain('sprint.review');
  });

  it('only the phase decides what is legal: nothing is legal after the debrief', () => {
    expect(legalActionTypes('debrief')).toEqual([]);
    expect(legalActionTypes('sprint.execution.deciding')).toEqual(['resolveEvent']);
  });
});
