import { describe, expect, it } from 'vitest';
import { emptyKnowledgeMap, mergeRun, summarizeRun, type ScenarioInfo } from '../../src/assessment';
import { POLICIES, playToEnd } from '../../src/bots';
import { createSession } from '../../src/engine';
import { loadScenarioDir } from '../../src/scenario/fs';
import { openableScenarios, recommendOpenable } from '../../src/game/view/recommendations';

const order = { scenarioIds: ['a1', 'a2', 'a3', 'b1', 'b2', 'loose'], campaigns: [['a1', 'a2', 'a3'], ['b1', 'b2']] };

describe('which scenarios the player can open', () => {
  it('opens the first of each campaign and the scenarios outside campaigns at the start', () => {
    expect(openableScenarios(order, [])).toEqual(['a1', 'b1', 'loose']);
  });

  it('opens the next scenario once the one before is finished, and any scenario already started', () => {
    expect(openableScenarios(order, ['a1'])).toEqual(['a1', 'a2', 'b1', 'loose']);
    expect(openableScenarios(order, ['a1'], ['a3'])).toEqual(['a1', 'a2', 'a3', 'b1', 'loose']);
  });

  it('opens a scenario shared by two campaigns when either opens it', () => {
    expect(openableScenarios({ scenarioIds: ['x', 'y', 'z'], campaigns: [['x', 'z'], ['y', 'z']] }, ['y'])).toEqual(['x', 'y', 'z']);
  });
});

describe('the recommendation names only a scenario the player can open', () => {
  const scenarios: ScenarioInfo[] = [
    { id: 'a1', title: 'A1', targets: ['D1.1.1'] },
    { id: 'a2', title: 'A2', targets: ['D2.2.1'] },
    { id: 'b2', title: 'B2', targets: ['D3.1.1', 'D3.1.2', 'D3.1.3', 'D3.1.4'] },
  ];

  it('passes over a locked scenario that would close more gaps', () => {
    expect(recommendOpenable(emptyKnowledgeMap(), scenarios, scenarios.map((s) => s.id))?.scenarioId).toBe('b2');
    expect(recommendOpenable(emptyKnowledgeMap(), scenarios, ['a1', 'a2'], ['a1'])?.scenarioId).toBe('a2');
  });

  it('offers an open scenario again when every open one was played, and nothing when none is open', () => {
    const r = recommendOpenable(emptyKnowledgeMap(), scenarios, ['a1'], ['a1']);
    expect(r).toMatchObject({ scenarioId: 'a1', replay: true });
    expect(recommendOpenable(emptyKnowledgeMap(), scenarios, [])).toBeNull();
  });

  it('after the café, the shipped campaigns recommend a scenario the campaign map shows open', async () => {
    const catalogue = await loadScenarioDir();
    const cafe = catalogue.scenarios.find((s) => s.scenario.id === 'corner-cafe')!;
    const session = createSession(cafe.scenario, '1', cafe.hash);
    playToEnd(session, POLICIES.yes!('1'));
    const map = mergeRun(emptyKnowledgeMap(), summarizeRun('run-1', 'corner-cafe', session.report().evidence).run);
    const infos = catalogue.scenarios.map((s) => ({ id: s.scenario.id, title: s.scenario.title, targets: s.scenario.targets }));
    const open = openableScenarios({ scenarioIds: infos.map((s) => s.id), campaigns: catalogue.campaigns.map((c) => c.campaign.scenarios) }, ['corner-cafe']);
    expect(open).toContain('cafe-regulars');
    expect(open).not.toContain('platform-exit');
    const r = recommendOpenable(map, infos, open);
    expect(r).not.toBeNull();
    expect(open).toContain(r!.scenarioId);
    expect(r!.replay).toBe(false);
  });
});
