import { describe, expect, it } from 'vitest';
import { POLICIES } from '../../src/bots';
import { deliveryOf, WORKING } from '../../src/server/classroom/injections';
import { LearnerGame } from '../../src/server/classroom/learner-game';
import { stagesOf } from '../../src/server/classroom/stages';
import type { LearnerEntry } from '../../src/server/classroom/types';
import type { InjectionRow } from '../../src/server/store/rows';
import { findScenario } from '../../src/scenario/fs';

const injection: InjectionRow = { id: 7, classId: 'c', cardId: 'bypass', scenarioId: 'corner-cafe', status: 'injected', at: '2026-12-03T10:00:00.000Z' };

async function learnerAtWork(): Promise<LearnerEntry> {
  const found = await findScenario('corner-cafe');
  if (!found.ok) throw new Error('corner-cafe missing');
  const game = new LearnerGame([{ scenario: found.scenario, hash: found.hash, seed: 'delivery' }], stagesOf([found.scenario]));
  const policy = POLICIES.first!('delivery');
  while (game.session.state.phase !== WORKING || game.session.state.firedEvents.includes('bypass')) {
    const r = game.dispatch(policy.choose(game.observe()), null);
    if (!r.ok) throw new Error(r.error.message);
  }
  const row = { id: 'l', classId: 'c', tokenHash: '', name: 'L', seed: 'delivery', joinedAt: injection.at, removedAt: null };
  return { row, game, seqs: new Map(), lastSeq: 0, lastActionAt: null, waiting: false, problem: null, link: null, writing: false, backlog: [], injected: new Map(), delivering: null, afterWrite: [] };
}

describe("an injection's delivery to one learner", () => {
  it('is pending while the injected card is in the game but not yet stored, then applied; a card the game drew itself is skipped', async () => {
    const e = await learnerAtWork();
    expect(deliveryOf(injection, e)).toEqual({ status: 'pending' });

    expect(e.game.inject('bypass').ok).toBe(true);
    e.delivering = injection.id; // as the server does while the write is in flight
    expect(deliveryOf(injection, e)).toEqual({ status: 'pending' });

    e.delivering = null;
    e.injected.set(injection.id, injection.at);
    expect(deliveryOf(injection, e)).toEqual({ status: 'applied' });

    // The same card in the game with no injection of ours behind it: the deck drew it first.
    e.injected.clear();
    expect(deliveryOf(injection, e)).toEqual({ status: 'skipped', reason: 'alreadyFired' });
  });
});
