import type { Step } from '../engine';
import { listedOf, listedType, listedWhere, type Choice } from './principled';

/*
 * Habits the HiPPO-follower and the yes-to-everything PO share: both aim to please, so they run
 * Sprints and Reviews the same way and differ in whom they please.
 */

/** One survey a Sprint: asking many people feels like listening, whatever it can reveal. */
export function surveyOncePerSprint(step: Step, surveyed: Set<number>): Choice | null {
  const sprint = step.observation.sprint;
  if (surveyed.has(sprint)) return null;
  const survey = listedWhere(step, (a) => a.type === 'gatherFeedback' && a.method === 'survey');
  if (survey) surveyed.add(sprint);
  return survey;
}

/** Planning to please: everything at the top as the Sprint Goal, the Developers overruled, then the days. */
export function overloadedSprint(step: Step): Choice | null {
  const biggest = listedOf(step, 'proposeSprintGoal').reduce<{ id: string; n: number } | null>(
    (best, o) => (o.action.type === 'proposeSprintGoal' && (!best || o.action.itemIds.length > best.n) ? { id: o.id, n: o.action.itemIds.length } : best),
    null,
  );
  return (
    listedWhere(step, (a) => a.type === 'commitSprint' && a.scope === 'insist') ??
    (biggest ? inPleasingWords(step, biggest.id) : null) ??
    listedType(step, 'nextDay')
  );
}

/** The Sprint Goal worded as a pleaser words it: a list of everything promised, not one objective. */
function inPleasingWords(step: Step, id: string): Choice {
  const entry = step.actions.find((a) => a.id === id);
  if (!entry?.input || entry.action.type !== 'proposeSprintGoal' || entry.action.itemIds.length === 0) return { id };
  const titles = entry.action.itemIds.map((i) => step.observation.backlog.find((b) => b.id === i)?.title ?? '').filter(Boolean);
  return { ...entry.action, text: `Deliver everything promised: ${titles.join('; ')}` };
}

/** The end of a Review that pleases: release, a single optimistic date, good news only. */
export function goodNewsReview(step: Step): Choice | null {
  return (
    listedType(step, 'releaseIncrement') ??
    listedWhere(step, (a) => a.type === 'answerForecast' && a.style === 'date') ??
    listedWhere(step, (a) => a.type === 'shareProgress' && a.style === 'optimistic') ??
    listedWhere(step, (a) => a.type === 'planRelease' && a.plan === 'everythingByDate') ??
    listedType(step, 'endReview')
  );
}
