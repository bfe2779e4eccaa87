import { DOMAINS, TOPICS, goalById } from '../assessment/catalogue';

/**
 * Why a well-formed goal id (`D<d>.<t>.<g>`) names no goal in the assessment catalogue, or null
 * if it does. The id pattern alone would accept D5.3.1, which the course outline does not have.
 * Worded to complete "expected a goal in the course outline (...)".
 */
export function missingGoalReason(goalId: string): string | null {
  if (goalById(goalId)) return null;
  const [d, t] = goalId.slice(1).split('.');
  const domain = DOMAINS.find((x) => x.id === `D${d}`);
  if (!domain) return `there are domains 1 to ${DOMAINS.length}`;
  const topic = TOPICS.find((x) => x.id === `D${d}.${t}`);
  if (!topic) return `domain ${d} has topics 1 to ${domain.topicIds.length}`;
  return `topic ${topic.id} has goals 1 to ${topic.goalIds.length}`;
}
