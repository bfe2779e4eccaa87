/**
 * The debrief's first screen, as data: the decisions that cost the learner most, each with what
 * happened and what a strong Product Owner weighs there, and a count of sound decisions. Pure.
 */
import type { Debrief, DebriefDecision, DecisionGoal } from './debrief';
import { lessonWeighs } from './lesson-text';
import { SHOWN_THRESHOLD } from './mastery';

/** One lesson: a costly decision, what happened and what to weigh next time. */
export interface Lesson {
  readonly decisionId: string;
  /** A readable name for the decision. */
  readonly title: string;
  readonly sprint: number | null;
  /** The decision's weighted score, 0..1. */
  readonly score: number;
  /** What the decision cost: the weight it lost, summed over the goals it bears on. */
  readonly cost: number;
  /** The goal on which it lost most. */
  readonly goalId: string;
  readonly goalTitle: string;
  /** What happened there, in the engine's words. */
  readonly happened: string;
  /** What a strong Product Owner weighs at this kind of decision. */
  readonly weighs: string;
}

const lost = (g: DecisionGoal) => g.weight * (1 - g.score);

/** Weight a decision lost on all its goals; 0 when none of them fell below the "shown" bar. */
export function decisionCost(decision: DebriefDecision): number {
  if (!decision.goals.some((g) => g.score < SHOWN_THRESHOLD)) return 0;
  return decision.goals.reduce((sum, g) => sum + lost(g), 0);
}

/**
 * The `count` decisions that cost most, costliest first (ties: the lower score, then the earlier
 * decision), one per idea. Decisions that were sound on every goal they bear on are never a lesson.
 */
export function costliestDecisions(debrief: Pick<Debrief, 'decisions'>, count = 3): Lesson[] {
  const ranked = debrief.decisions
    .map((d, index) => ({ d, index, cost: decisionCost(d) }))
    .filter((x) => x.cost > 0)
    .sort((a, b) => b.cost - a.cost || a.d.score - b.d.score || a.index - b.index);
  // One lesson per idea: the same mistake on a second item would teach the same thing twice.
  const taught = new Set<string>();
  const lessons: Lesson[] = [];
  for (const lesson of ranked.map(toLesson)) {
    if (lessons.length === count) break;
    if (taught.has(lesson.weighs)) continue;
    taught.add(lesson.weighs);
    lessons.push(lesson);
  }
  return lessons;
}

function toLesson({ d, cost }: { d: DebriefDecision; cost: number }): Lesson {
  // The goal that lost most names the lesson; the first such goal on a tie.
  const worst = d.goals.reduce((w, g) => (lost(g) > lost(w) ? g : w));
  return {
    decisionId: d.decisionId,
    title: d.title,
    sprint: d.sprint,
    score: d.score,
    cost,
    goalId: worst.goalId,
    goalTitle: worst.title,
    happened: worst.rationale,
    weighs: lessonWeighs(d.decisionId, worst.goalId),
  };
}

/** How many judged decisions were sound (weighted score at or above the "shown" bar). */
export function soundDecisions(debrief: Pick<Debrief, 'decisions'>): { sound: number; judged: number } {
  return { sound: debrief.decisions.filter((d) => d.score >= SHOWN_THRESHOLD).length, judged: debrief.decisions.length };
}
