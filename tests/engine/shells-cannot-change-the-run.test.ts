import { describe, expect, it } from 'vitest';
import { POLICIES } from '../../src/bots';
import { createSession, type Session } from '../../src/engine';
import { shippedScenario } from '../helpers/scenarios';

/*
 * What a shell receives from the engine (the state, observations, listings, dispatch results and
 * replay logs) cannot change the run: writes to it throw, or touch only the shell's own copy.
 */

const { scenario, hash } = shippedScenario('corner-cafe.yaml');

/** A session some way into Sprint 1, with judgements made and items refined. */
function midRun(): Session {
  const s = createSession(scenario, 'frozen', hash);
  const policy = POLICIES.principled!('frozen');
  while (!s.done && !s.state.phase.startsWith('sprint.execution')) expect(s.dispatch(policy.choose(s.observe())).ok).toBe(true);
  return s;
}

describe('what a shell receives cannot change the run', () => {
  it('the state is frozen: writes throw, and the run is as it was', () => {
    const s = midRun();
    const before = s.stateHash();
    const state = s.state as unknown as { sprint: number; items: Record<string, { status: string }>; evidence: { score: number }[]; backlogOrder: string[] };
    const id = state.backlogOrder[0]!;
    expect(() => (state.sprint = 9)).toThrow(TypeError);
    expect(() => (state.items[id]!.status = 'done')).toThrow(TypeError);
    expect(() => state.backlogOrder.push('x')).toThrow(TypeError);
    expect(() => (state.evidence[0]!.score = 0)).toThrow(TypeError);
    expect(s.stateHash()).toBe(before);
    // The engine goes on as before after a frozen read.
    expect(s.dispatch(POLICIES.principled!('frozen').choose(s.observe())).ok).toBe(true);
  });

  it('an observation is the shell’s own copy: changing it changes neither the state nor the next observation', () => {
    const s = midRun();
    const before = s.stateHash();
    const o = s.observe().observation as unknown as Record<string, unknown> & { backlog: { estimate: number; criteria: { chosen: boolean }[]; dependsOn: string[] | null }[]; log: string[]; team: Record<string, number> };
    const first = JSON.stringify(s.observe().observation);
    o.backlog[0]!.estimate = 999;
    o.backlog[0]!.criteria.push({ chosen: true } as never);
    o.backlog.reverse();
    o.log.push('tampered');
    for (const k of Object.keys(o.team)) o.team[k] = -1;
    expect(s.stateHash()).toBe(before);
    expect(JSON.stringify(s.observe().observation)).toBe(first);
  });

  it('listed actions, judgements in a result and recorded actions are frozen', () => {
    const s = midRun();
    const listed = s.observe().actions[0]!;
    expect(() => ((listed as { label: string }).label = 'x')).toThrow(TypeError);
    expect(() => ((listed.action as { type: string }).type = 'finishScenario')).toThrow(TypeError);
    const policy = POLICIES.principled!('frozen');
    let judged: { score: number } | undefined;
    for (let i = 0; i < 100 && !judged && !s.done; i++) {
      const r = s.dispatch(policy.choose(s.observe()));
      if (r.ok && r.changes.evidence.length) judged = r.changes.evidence[0] as { score: number };
    }
    expect(judged).toBeDefined();
    expect(() => (judged!.score = 0)).toThrow(TypeError);
    const log = s.replayLog();
    expect(() => ((log.actions[0] as { type: string }).type = 'finishScenario')).toThrow(TypeError);
    log.actions.pop();
    expect(s.replayLog().actions.length).toBe(log.actions.length + 1);
  });
});
