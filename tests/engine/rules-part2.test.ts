import { describe, expect, it } from 'vitest';
import { createSession, type Session } from '../../src/engine';
import { trueQuadrant, personaQuality, visionQuality } from '../../src/engine/rules/product';
import { splitScore } from '../../src/engine/rules/story';
import { reflectionTruth } from '../../src/engine/rules/reflection';
import type { GameState } from '../../src/engine/model/state';
import { richScenario } from '../helpers/rich-scenario';

const scenario = richScenario();

/** A session through the opening question, in the briefing. */
function briefing(): Session {
  const s = createSession(scenario, 5, 'h');
  s.dispatch({ id: 'answerQuestion:goal-and-order' });
  return s;
}

/** A session in Sprint 1 refinement, past its opening question. */
function refining(): Session {
  const s = briefing();
  s.dispatch({ id: 'chooseProductGoal:morning-orders' });
  s.dispatch({ id: 'startSprints' });
  s.dispatch({ id: 'answerQuestion:ongoing' });
  return s;
}

function ok(s: Session, input: unknown) {
  const r = s.dispatch(input);
  if (!r.ok) throw new Error(r.error.message);
  return r.changes;
}

describe('golden tables for part 2 judgements', () => {
  it('stakeholder grid quadrants', () => {
    const rows = [0, 0.49, 0.5, 1].flatMap((influence) => [0, 0.5, 1].map((interest) => `${influence}/${interest}: ${trueQuadrant(influence, interest)}`));
    expect(rows).toMatchSnapshot();
  });

  it('vision and persona quality', () => {
    const state = (fragments: string[], persona: string[]) => ({ vision: { technique: 'elevatorPitch', fragments }, persona }) as unknown as GameState;
    const rows = [
      [['who', 'need', 'unlike'], ['goal', 'pain', 'habit', 'ctx']],
      [['who', 'need'], ['goal', 'pain']],
      [['who', 'need', 'unlike', 'feature'], ['goal', 'pain', 'habit', 'ctx', 'stereo']],
      [['slogan'], ['stereo']],
      [[], []],
    ].map(([v, p]) => `${v!.join('+') || '-'} → ${visionQuality(state(v!, p!), scenario)} | ${p!.join('+') || '-'} → ${personaQuality(state(v!, p!), scenario)}`);
    expect(rows).toMatchSnapshot();
  });

  it('split strategies', () => {
    expect(['workflowStep', 'businessRule', 'dataVariation', 'interface', 'spike', 'horizontalLayer'].flatMap((s) => [false, true].map((u) => `${s}${u ? ' (seen uncertain)' : ''}=${splitScore(s as never, u)}`))).toMatchSnapshot();
  });
});

describe('part 2 rules', () => {
  it('a vision is judged when the Sprints start, by who, need and differentiator', () => {
    const s = briefing();
    ok(s, { type: 'chooseVisionTechnique', technique: 'elevatorPitch' });
    for (const f of ['who', 'need', 'unlike']) ok(s, { type: 'addVisionFragment', fragmentId: f });
    ok(s, { type: 'chooseProductGoal', goalId: 'morning-orders' });
    const changes = ok(s, { type: 'startSprints' });
    expect(changes.evidence.find((e) => e.goalId === 'D2.1.2')?.score).toBe(1);
  });

  it('vision fragments need a technique first', () => {
    const r = briefing().dispatch({ type: 'addVisionFragment', fragmentId: 'who' });
    expect(r.ok ? null : r.error.message).toContain('technique');
  });

  it('mapping a stakeholder is judged against the hidden grid, and re-mapping replaces the judgement', () => {
    const s = briefing();
    ok(s, { type: 'mapStakeholder', stakeholderId: 'owner', quadrant: 'monitor' });
    ok(s, { type: 'mapStakeholder', stakeholderId: 'owner', quadrant: 'manageClosely' });
    const judged = s.report().evidence.filter((e) => e.decisionId === 'map-owner');
    expect(judged.map((e) => e.score)).toEqual([1]);
  });

  it('a dated roadmap promises items; a goal roadmap does not', () => {
    const s = briefing();
    ok(s, { type: 'chooseRoadmap', format: 'datedFeatures' });
    expect(s.observe().observation.roadmap.promises.length).toBe(3);
    ok(s, { type: 'chooseRoadmap', format: 'nowNextLater' });
    expect(s.observe().observation.roadmap.promises).toEqual([]);
    // Re-choosing replaces the judgement: one score per goal the roadmap shows, the dated list forgotten.
    expect(s.report().evidence.filter((e) => e.decisionId === 'roadmap').map((e) => `${e.goalId} ${e.score}`)).toEqual(['D2.3.2 1', 'D2.3.1 1']);
  });

  it('testing a false assumption shows the item is worth nothing and sets it aside', () => {
    const s = refining();
    const before = s.state.poTime;
    const changes = ok(s, { type: 'testAssumption', itemId: 'loyalty-stamps' });
    expect(changes.evidence[0]).toMatchObject({ goalId: 'D4.2.2', score: 1 });
    const item = s.observe().observation.backlog.find((i) => i.id === 'loyalty-stamps')!;
    expect(item.assumption).toEqual({ text: 'Stamps bring regulars back more often', holds: false });
    expect(item.statedValue).toBe(0);
    expect(s.state.poTime).toBe(before - 1);
  });

  it('feedback methods cost the PO time and analytics need a release', () => {
    const s = refining();
    const changes = ok(s, { type: 'gatherFeedback', method: 'analytics' });
    expect(changes.evidence[0]).toMatchObject({ goalId: 'D4.2.1', score: 0 });
    ok(s, { type: 'gatherFeedback', method: 'interviews' });
    expect(s.state.poTime).toBe(0);
    const r = s.dispatch({ type: 'gatherFeedback', method: 'survey' });
    expect(r.ok ? null : r.error.code).toBe('notAllowedNow');
  });

  it('classifying a request correctly reveals its real worth', () => {
    const s = refining();
    const changes = ok(s, { type: 'classifyRequest', itemId: 'splash-screen', kind: 'habit' });
    expect(changes.evidence[0]).toMatchObject({ goalId: 'D4.2.4', score: 1 });
    expect(s.observe().observation.backlog.find((i) => i.id === 'splash-screen')!.statedValue).toBe(3);
  });

  it('empathy notes are judged by quadrant', () => {
    const s = refining();
    expect(ok(s, { type: 'sortEmpathyNote', noteId: 'n1', quadrant: 'says' }).evidence[0]!.score).toBe(1);
    expect(ok(s, { type: 'sortEmpathyNote', noteId: 'n2', quadrant: 'does' }).evidence[0]!.score).toBe(0);
  });

  it('flagging an item that does not serve the vision moves it to the bottom', () => {
    const s = refining();
    const changes = ok(s, { type: 'flagOffVision', itemId: 'splash-screen' });
    expect(changes.evidence[0]).toMatchObject({ goalId: 'D2.1.3', score: 1 });
    expect(s.state.backlogOrder.at(-1)).toBe('splash-screen');
    expect(ok(s, { type: 'flagOffVision', itemId: 'order-ahead' }).evidence[0]!.score).toBe(0);
  });

  it('market analysis reveals positions; positioning shows only differentiators', () => {
    const s = refining();
    ok(s, { type: 'analyseMarket', technique: 'positioning' });
    const seen = s.observe().observation.backlog.filter((i) => i.market).map((i) => `${i.id}:${i.market}`);
    expect(seen).toEqual(['order-ahead:differentiator']);
  });

  it('reflections are judged against the visible history', () => {
    const base = { sprints: [], releases: [], refinementShare: 10, roadmap: { misses: 0 }, trust: { a: 60 } } as unknown as GameState;
    expect(reflectionTruth(base, 'roadmap')).toBe('aligned');
    expect(reflectionTruth({ ...base, roadmap: { format: 'datedFeatures', promises: [], misses: 1 } }, 'roadmap')).toBe('misaligned');
    expect(reflectionTruth({ ...base, refinementShare: 30 }, 'refinement')).toBe('tooMuch');
    expect(reflectionTruth({ ...base, trust: { a: 30 } }, 'stakeholders')).toBe('noCadence');
  });
});
