/**
 * Topic and domain rollups of goal mastery.
 *
 * The rollup mean is the evidence-weighted mean of the posterior means of the goals that were
 * seen: a goal judged on many decisions counts for more than one judged once. Unseen goals do not
 * pull the mean down; they are counted separately, and a group with no seen goal is `notSeen`.
 */
import { DOMAINS, TOPICS, type DomainNumber, type TopicNumber } from './catalogue';
import { goalMastery, statusFromMean, type GoalMastery, type MasteryStatus } from './mastery';

/** How many goals of a group are in each status. */
export type StatusCounts = Readonly<Record<MasteryStatus, number>>;

/** Mastery of a group of goals. `mean` is `null` exactly when `status` is `notSeen`. */
export interface Rollup {
  readonly status: MasteryStatus;
  readonly mean: number | null;
  readonly goalCount: number;
  readonly seenCount: number;
  readonly evidenceCount: number;
  readonly totalWeight: number;
  readonly counts: StatusCounts;
}

/** Rollup of one topic. */
export interface TopicRollup extends Rollup {
  readonly topicId: string;
  readonly domain: DomainNumber;
  readonly topic: TopicNumber;
  readonly title: string;
}

/** Rollup of one domain (over its goals directly, not over its topic means). */
export interface DomainRollup extends Rollup {
  readonly domainId: string;
  readonly domain: DomainNumber;
  readonly title: string;
}

/** Rolls up the listed goals; a goal missing from `byGoal` counts as not seen. */
function rollupGoals(goalIds: readonly string[], byGoal: ReadonlyMap<string, GoalMastery>): Rollup {
  const counts: Record<MasteryStatus, number> = { shown: 0, partly: 0, missed: 0, notSeen: 0 };
  let weighted = 0;
  let totalWeight = 0;
  let evidenceCount = 0;
  for (const id of goalIds) {
    const m = byGoal.get(id) ?? goalMastery(id, undefined);
    counts[m.status] += 1;
    evidenceCount += m.evidenceCount;
    if (m.estimate === null) continue;
    weighted += m.totalWeight * m.estimate.mean;
    totalWeight += m.totalWeight;
  }
  const seenCount = goalIds.length - counts.notSeen;
  const mean = totalWeight > 0 ? weighted / totalWeight : null;
  return {
    status: mean === null ? 'notSeen' : statusFromMean(mean),
    mean,
    goalCount: goalIds.length,
    seenCount,
    evidenceCount,
    totalWeight,
    counts,
  };
}

function index(goals: readonly GoalMastery[]): Map<string, GoalMastery> {
  return new Map(goals.map((m) => [m.goalId, m]));
}

/** Rollups of all 20 topics, in catalogue order. */
export function rollupTopics(goals: readonly GoalMastery[]): TopicRollup[] {
  const byGoal = index(goals);
  return TOPICS.map((t) => ({
    topicId: t.id,
    domain: t.domain,
    topic: t.topic,
    title: t.title,
    ...rollupGoals(t.goalIds, byGoal),
  }));
}

/** Rollups of all 7 domains, in catalogue order. */
export function rollupDomains(goals: readonly GoalMastery[]): DomainRollup[] {
  const byGoal = index(goals);
  return DOMAINS.map((d) => {
    const goalIds = TOPICS.filter((t) => t.domain === d.domain).flatMap((t) => t.goalIds);
    return { domainId: d.id, domain: d.domain, title: d.title, ...rollupGoals(goalIds, byGoal) };
  });
}
