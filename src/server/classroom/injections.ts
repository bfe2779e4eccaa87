import type { InjectionRow } from '../store/rows';
import type { ContentScenario } from './content';
import type { InjectionInfo, LearnerEntry } from './types';

/**
 * Where a facilitator's injected event card stands for one learner. Nothing of it is stored
 * apart from the learner's action log: an applied injection is an `injectEvent` action with
 * `seq = -injectionId` there; "pending" and "skipped" follow from the learner's game, so a
 * restart (which re-simulates every game) gives the same answer.
 */
export type DeliveryStatus = 'applied' | 'pending' | 'skipped';
export type SkipReason = 'alreadyFired' | 'finished' | 'notInScenario' | 'unavailable';
export interface Delivery {
  status: DeliveryStatus;
  reason?: SkipReason;
}

export const WORKING = 'sprint.execution.working';

/** The stored action's `seq` for injection `id`: negative, so it never meets a client's (1 and up). */
export function injectionSeq(id: number): number {
  return -id;
}

/** Injection id → when it was applied, from a learner's stored actions. */
export function appliedInjections(stored: readonly { seq: number; at: string }[]): Map<number, string> {
  return new Map(stored.filter((a) => a.seq < 0).map((a) => [-a.seq, a.at]));
}

/** True when the run has no Sprint execution ahead: past the last Sprint's execution, or over. */
function noExecutionLeft(phase: string, sprint: number, sprints: number): boolean {
  if (phase === 'release' || phase.startsWith('release.') || phase === 'debrief') return true;
  return sprint >= sprints && (phase.startsWith('sprint.review') || phase.startsWith('sprint.retrospective'));
}

export function deliveryOf(inj: InjectionRow, e: LearnerEntry): Delivery {
  if (e.injected.has(inj.id)) return { status: 'applied' };
  // Already in the game but not yet stored: the card has "fired", yet it is this injection's doing.
  if (e.delivering === inj.id) return { status: 'pending' };
  if (e.problem) return { status: 'skipped', reason: 'unavailable' };
  const g = e.game;
  const laterRun = g.runs.some((r, i) => i > g.run && r.scenario.id === inj.scenarioId);
  const current = g.runs[g.run]!;
  if (current.scenario.id === inj.scenarioId && !g.session.done) {
    const s = g.session.state;
    if (s.firedEvents.includes(inj.cardId)) return laterRun ? { status: 'pending' } : { status: 'skipped', reason: 'alreadyFired' };
    if (noExecutionLeft(s.phase, s.sprint, current.scenario.sprints)) return laterRun ? { status: 'pending' } : { status: 'skipped', reason: 'finished' };
    return { status: 'pending' };
  }
  if (laterRun) return { status: 'pending' };
  return { status: 'skipped', reason: g.runs.some((r) => r.scenario.id === inj.scenarioId) ? 'finished' : 'notInScenario' };
}

/** The first injection that can be applied to the learner's game right now, if any. */
export function nextDeliverable(injections: readonly InjectionRow[], e: LearnerEntry): InjectionRow | null {
  if (e.row.removedAt !== null || e.problem || e.game.done) return null;
  const s = e.game.session.state;
  if (s.phase !== WORKING) return null;
  const scenarioId = e.game.runs[e.game.run]!.scenario.id;
  for (const inj of injections) {
    if (inj.scenarioId !== scenarioId || e.injected.has(inj.id) || s.firedEvents.includes(inj.cardId)) continue;
    return inj;
  }
  return null;
}

export function cardTitle(i: Pick<InjectionRow, 'cardId' | 'scenarioId'>, scenarios: readonly ContentScenario[]): string {
  const card = scenarios.find((s) => s.scenario.id === i.scenarioId)?.scenario.events.find((e) => e.id === i.cardId);
  return card?.title ?? i.cardId;
}

/** The facilitator's view of one injection: counts over active learners, and each one's status. */
export function injectionInfo(i: InjectionRow, scenarios: readonly ContentScenario[], learners: readonly LearnerEntry[]): InjectionInfo {
  const counts = { applied: 0, pending: 0, skipped: 0 };
  const per: InjectionInfo['learners'] = [];
  for (const e of learners) {
    if (e.row.removedAt !== null) continue;
    const d = deliveryOf(i, e);
    counts[d.status]++;
    per.push({ learnerId: e.row.id, ...d, ...(d.status === 'applied' ? { at: e.injected.get(i.id)! } : {}) });
  }
  return {
    id: i.id,
    cardId: i.cardId,
    scenarioId: i.scenarioId,
    title: cardTitle(i, scenarios),
    status: counts.pending > 0 ? 'delivering' : 'delivered',
    at: i.at,
    ...counts,
    learners: per,
  };
}
