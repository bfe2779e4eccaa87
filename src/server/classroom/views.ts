import type { ClassRow } from '../store/rows';
import type { Delivery } from './injections';
import type { LearnerClassInfo, LearnerServerMessage } from '../ws/messages';
import type { ContentScenario } from './content';
import type { Stage } from './stages';
import type { ClassInfo } from './types';

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
    coach: r.coach,
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
    coach: r.coach,
  };
}

/** What a learner is told about an injection: queued (comes at their next Sprint execution), applied, or skipped. */
export function injectedNotice(i: { id: number; cardId: string; title: string }, d: Delivery): LearnerServerMessage {
  const status = d.status === 'pending' ? 'queued' : d.status;
  const message =
    status === 'applied'
      ? `The facilitator's event "${i.title}" has happened in your game: decide how to respond.`
      : status === 'queued'
        ? `The facilitator has injected the event "${i.title}": it will happen in your game during Sprint execution.`
        : `The facilitator injected the event "${i.title}"; it does not apply to your game (${d.reason === 'alreadyFired' ? 'it has already happened' : d.reason === 'finished' ? 'no Sprint execution is left' : 'not available'}).`;
  return { type: 'eventInjected', id: i.id, cardId: i.cardId, title: i.title, status, ...(d.reason ? { reason: d.reason } : {}), message };
}
