import type { RuleBook } from './context';
import { chooseProductGoal, startSprints } from './briefing';
import { moveItem, orderBacklog, refineItem, setRefinementShare } from './backlog';
import { endRefinement } from './refinement';
import { commitSprint, proposeSprintGoal } from './planning';
import { nextDay, resolveEvent } from './execution';
import { answerForecast, endReview, reviewItem } from './review';
import { chooseImprovement } from './retrospective';
import { decideRelease } from './release';

/** One rule per action type; the compiler checks none is missing. */
export const RULES: RuleBook = {
  chooseProductGoal,
  startSprints,
  setRefinementShare,
  refineItem,
  moveItem,
  orderBacklog,
  endRefinement,
  proposeSprintGoal,
  commitSprint,
  nextDay,
  resolveEvent,
  reviewItem,
  answerForecast,
  endReview,
  chooseImprovement,
  decideRelease,
};
