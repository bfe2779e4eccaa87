/**
 * Sprintwise's xAPI activity ids (see docs/lms.md). URNs, so they name the same thing on every
 * platform and do not depend on where the game is hosted:
 *
 *   urn:sprintwise:goal:<goal id>                         a CSPO learning goal, e.g. urn:sprintwise:goal:D3.3.1
 *   urn:sprintwise:decision:<scenario id>:<decision id>   one judged decision of a scenario
 *   urn:sprintwise:extension:goal-scores                  result extension: { goal id: score 0..1 }
 */
export const ACTIVITY_PREFIX = 'urn:sprintwise:';

export function goalActivityId(goalId: string): string {
  return `${ACTIVITY_PREFIX}goal:${encodeURIComponent(goalId)}`;
}

export function decisionActivityId(scenarioId: string, decisionId: string): string {
  return `${ACTIVITY_PREFIX}decision:${encodeURIComponent(scenarioId)}:${encodeURIComponent(decisionId)}`;
}

export const GOAL_SCORES_EXTENSION = `${ACTIVITY_PREFIX}extension:goal-scores`;
