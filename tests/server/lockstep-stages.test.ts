import { describe, expect, it } from 'vitest';
import { createSession, type Scenario } from '../../src/engine';
import { findScenario } from '../../src/scenario/fs';
import { POLICIES, playToEnd } from '../../src/bots';
import { partOf, stageIndex, stagesOf } from '../../src/server/classroom/stages';
import { LearnerGame } from '../../src/server/classroom/learner-game';

async function scenario(): Promise<{ scenario: Scenario; hash: string }> {
  const found = await findScenario('corner-cafe');
  if (!found.ok) throw new Error('corner-cafe did not load');
  return found;
}

describe('lock-step stages', () => {
  it('lists briefing, four parts per Sprint (Sprint Planning first), release and debrief, for each scenario in order', async () => {
    const { scenario: s } = await scenario();
    const stages = stagesOf([s]);
    expect(stages).toHaveLength(1 + 4 * s.sprints + 2);
    expect(stages.map((x) => x.label).slice(0, 3)).toEqual(['Briefing', 'Sprint 1 · Sprint Planning', 'Sprint 1 · Sprint execution']);
    expect(stages.at(-1)!.part).toBe('debrief');
    const two = stagesOf([s, s]);
    expect(two).toHaveLength(2 * stages.length);
    expect(two[stages.length]!).toMatchObject({ run: 1, part: 'briefing' });
    expect(two[stages.length]!.label).toContain(s.title);
  });

  it('maps every phase a run passes through to a stage that never goes backwards', async () => {
    const { scenario: s, hash } = await scenario();
    const stages = stagesOf([s]);
    for (const seed of [1, 2, 3]) {
      const session = createSession(s, seed, hash);
      const policy = POLICIES.random!(String(seed));
      let last = 0;
      while (!session.done) {
        const at = stageIndex(stages, 0, session.state.phase, session.state.sprint);
        expect(at).toBeGreaterThanOrEqual(last);
        last = at;
        session.dispatch(policy.choose(session.observe()));
      }
      expect(stageIndex(stages, 0, session.state.phase, session.state.sprint)).toBe(stages.length - 1);
    }
    expect(() => partOf('nowhere')).toThrow();
  });

  it('refuses and undoes an action that would leave the released stage, then allows it after release', async () => {
    const { scenario: s, hash } = await scenario();
    const stages = stagesOf([s]);
    const game = new LearnerGame([{ scenario: s, hash, seed: 'x' }], stages);
    const policy = POLICIES.first!('x');
    let refused = 0;
    for (let limit = 0; !game.done; ) {
      const before = game.session.stateHash();
      const r = game.dispatch(policy.choose(game.observe()), limit);
      if (!r.ok) {
        expect(r.error.code).toBe('waitForRelease');
        expect(game.session.stateHash()).toBe(before);
        // The same refusal again costs no re-simulation and gives the same answer.
        expect(game.dispatch(policy.choose(game.observe()), limit).ok).toBe(false);
        refused++;
        limit++;
      }
      expect(game.stage()).toBeLessThanOrEqual(limit);
    }
    expect(refused).toBe(stages.length - 1);
    // The run is the run a free-paced learner would have played.
    const free = createSession(s, 'x', hash);
    playToEnd(free, POLICIES.first!('x'));
    expect(game.session.stateHash()).toBe(free.stateHash());
  });
});
