import { DOMAINS, GOALS, MASTERY_STATUSES, assessEvidence, rollupDomains, type MasteryReport, type MasteryStatus } from '../../assessment';
import type { Evidence } from '../../engine';

type Counts = Record<MasteryStatus, number>;

export interface GoalResult {
  goalId: string;
  title: string;
  domain: number;
  /** How many learners are in each status for this goal. */
  counts: Counts;
  /** Mean of the posterior means of the learners who were judged on it; null when nobody was. */
  mean: number | null;
}

export interface DomainResult {
  domainId: string;
  title: string;
  counts: Counts;
  mean: number | null;
}

export interface ClassResults {
  learners: number;
  goals: GoalResult[];
  domains: DomainResult[];
}

const zero = (): Counts => ({ shown: 0, partly: 0, missed: 0, notSeen: 0 });

/**
 * Per-learner mastery, cached by evidence count: assessEvidence costs about a millisecond and
 * evidence only grows, so a learner who has not been judged since the last update costs nothing.
 */
export class MasteryCache {
  private readonly byLearner = new Map<string, { count: number; report: MasteryReport }>();

  of(learnerId: string, evidence: readonly Evidence[]): MasteryReport {
    const hit = this.byLearner.get(learnerId);
    if (hit && hit.count === evidence.length) return hit.report;
    const report = assessEvidence(evidence);
    this.byLearner.set(learnerId, { count: evidence.length, report });
    return report;
  }

  /** Whether `of` would have to recompute this learner. */
  stale(learnerId: string, evidenceCount: number): boolean {
    return this.byLearner.get(learnerId)?.count !== evidenceCount;
  }

  forget(learnerId: string): void {
    this.byLearner.delete(learnerId);
  }
}

/** Class-wide results per goal and domain, from each learner's mastery report. */
export function classResults(reports: readonly MasteryReport[]): ClassResults {
  const goals = GOALS.map((g) => ({ goalId: g.id, title: g.title, domain: g.domain, counts: zero(), sum: 0, seen: 0 }));
  const domains = DOMAINS.map((d) => ({ domainId: d.id, title: d.title, counts: zero(), sum: 0, seen: 0 }));
  for (const r of reports) {
    r.goals.forEach((m, i) => {
      const g = goals[i]!;
      g.counts[m.status] += 1;
      if (m.estimate) {
        g.sum += m.estimate.mean;
        g.seen += 1;
      }
    });
    rollupDomains(r.goals).forEach((d, i) => {
      const out = domains[i]!;
      out.counts[d.status] += 1;
      if (d.mean !== null) {
        out.sum += d.mean;
        out.seen += 1;
      }
    });
  }
  const finish = <T extends { sum: number; seen: number }>({ sum, seen, ...rest }: T) => ({ ...rest, mean: seen ? sum / seen : null });
  return { learners: reports.length, goals: goals.map(finish), domains: domains.map(finish) };
}

export { MASTERY_STATUSES };
