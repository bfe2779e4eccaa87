import type { ClassRow, InjectionRow } from '../store/rows';
import type { LearnerClassInfo, LearnerServerMessage } from '../ws/messages';
import type { ContentScenario } from './content';
import type { Stage } from './stages';
import type { ClassInfo, InjectionInfo } from './types';

/** What the facilitator sees of a class. Never the seed or the key hash. */
export function classInfo(r: ClassRow, stages: readonly Stage[], scenarios: readonly ContentScenario[], activeLearners: number): ClassInfo {
  const lock = r.pacing === 'lockstep';
  const stage = (i: number) => (stages[i] ? { index: i, label: stages[i]!.label } : null);
  return {
    id: r.id,
    title: r.title,
    code: r.code,
    contentKind: r.contentKind,
    contentId: r.contentId,
    scenarios: scenarios.map(({ scenario: s }) => ({ id: s.id, title: s.title, events: s.events.map((e) => ({ id: e.id, title: e.title })) })),
    seedPolicy: r.seedPolicy,
    pacing: r.pacing,
    status: r.status,
    paused: r.paused,
    locked: r.locked,
    released: lock ? stage(r.released) : null,
    next: lock ? stage(r.released + 1) : null,
    stages: stages.length,
    learners: activeLearners,
    engineVersion: r.engineVersion,
    createdAt: r.createdAt,
    endedAt: r.endedAt,
  };
}

/** What a learner is told about their class. */
export function learnerClassInfo(r: ClassRow, stages: readonly Stage[]): LearnerClassInfo {
  return {
    title: r.title,
    status: r.status,
    paused: r.paused,
    pacing: r.pacing,
    released: r.pacing === 'lockstep' ? { index: r.released, label: stages[r.released]?.label ?? '' } : null,
  };
}

export function injectionInfo(i: Omit<InjectionRow, 'id' | 'classId'>, scenarios: readonly ContentScenario[]): InjectionInfo {
  const card = scenarios.find((s) => s.scenario.id === i.scenarioId)?.scenario.events.find((e) => e.id === i.cardId);
  return { cardId: i.cardId, scenarioId: i.scenarioId, title: card?.title ?? i.cardId, status: i.status, at: i.at };
}

export function injectedNotice(i: InjectionInfo): LearnerServerMessage {
  return {
    type: 'eventInjected',
    cardId: i.cardId,
    title: i.title,
    status: 'queued',
    message: `The facilitator has queued the event "${i.title}" for the whole class.`,
  };
}
