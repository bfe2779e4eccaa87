import { describe, expect, it } from 'vitest';
import { createSession } from '../../../src/engine';
import { buildDebrief } from '../../../src/assessment/debrief';
import { playToEnd, type Policy } from '../../../src/bots';
import { shippedScenario } from '../../helpers/scenarios';

const DISCOVERY = new Set(['gatherFeedback', 'testAssumption', 'sortEmpathyNote', 'classifyRequest', 'analyseMarket']);

/** Takes the first listed action that is not discovery: a PO who never looks beyond the backlog. */
const noDiscovery: Policy = {
  name: 'no-discovery',
  description: 'never gathers feedback, tests, sorts notes, reads requests or studies the market',
  choose: (step) => ({ id: step.actions.find((a) => !DISCOVERY.has(a.type))!.id }),
};

describe('item 9: discovery the scenario offered and the player skipped is missed, not unseen', () => {
  it('a run of cafe-regulars without any discovery judges each skipped D4 target, so none is "not yet seen"', () => {
    const { scenario } = shippedScenario('cafe-regulars.yaml');
    const s = createSession(scenario, 7, 'fair');
    playToEnd(s, noDiscovery);
    const debrief = buildDebrief(s.report(), scenario.targets);
    const status = (id: string) => debrief.goals.find((g) => g.goalId === id)?.status ?? 'notSeen';
    const skips = s.report().evidence.filter((e) => e.decisionId.startsWith('skipped-'));
    for (const id of ['D4.2.1', 'D4.2.3', 'D4.2.4', 'D4.3.1', 'D4.3.2']) {
      expect(status(id), id).not.toBe('notSeen');
      expect(skips.find((e) => e.goalId === id)?.score, id).toBe(0);
    }
    // Untested beliefs are judged on the work built on them, as it enters a Sprint, never as a skip.
    expect(status('D4.2.2')).not.toBe('notSeen');
    expect(s.report().evidence.some((e) => e.goalId === 'D4.2.2' && e.decisionId.startsWith('mvp-') && e.score < 1)).toBe(true);
    expect(skips.filter((e) => e.goalId === 'D4.2.2')).toEqual([]);
    expect(debrief.notYetSeen.map((g) => g.goalId).filter((id) => id.startsWith('D4.2') || id.startsWith('D4.3.1'))).toEqual([]);
    const skipped = s.report().evidence.find((e) => e.decisionId === 'skipped-feedback')!;
    expect(skipped.rationale).toContain('no feedback was gathered');
  });

  it('discovery the player did take is not judged again at the end', () => {
    const { scenario } = shippedScenario('cafe-regulars.yaml');
    const s = createSession(scenario, 7, 'fair');
    let asked = false;
    playToEnd(s, {
      ...noDiscovery,
      choose: (step) => {
        const interview = step.actions.find((a) => a.type === 'gatherFeedback' && a.id.endsWith(':interviews'));
        if (!asked && interview) {
          asked = true;
          return { id: interview.id };
        }
        return noDiscovery.choose(step);
      },
    });
    expect(asked).toBe(true);
    expect(s.report().evidence.filter((e) => e.decisionId === 'skipped-feedback')).toEqual([]);
  });
});
