import type { RuleBook } from './context';
import { chooseProductGoal, startSprints } from './briefing';
import { moveItem, orderBacklog, refineItem, setRefinementShare } from './backlog';
import { endRefinement } from './refinement';
import { commitSprint, proposeSprintGoal } from './planning';
import { injectEvent, nextDay, resolveEvent } from './execution';
import { answerForecast, endReview, releaseIncrement, reviewItem, setReviewFormat } from './review';
import { addCriterion, fixFlaw, setReadiness, splitItem, tagMoscow } from './story';
import { answerQuestion } from './questions';
import { reflect } from './reflection';
import { addPersonaTrait, addVisionFragment, chooseRoadmap, chooseVisionTechnique, decidePivot, mapStakeholder, shareProgress } from './product';
import { analyseMarket, classifyRequest, flagOffVision, gatherFeedback, sortEmpathyNote, testAssumption } from './discovery';
import { chooseImprovement } from './retrospective';
import { decideRelease } from './release';

/** One rule per action type; the compiler checks none is missing. */
export const RULES: RuleBook = {
  chooseProductGoal,
  chooseVisionTechnique,
  addVisionFragment,
  chooseRoadmap,
  addPersonaTrait,
  mapStakeholder,
  startSprints,
  setRefinementShare,
  refineItem,
  moveItem,
  orderBacklog,
  splitItem,
  fixFlaw,
  addCriterion,
  setReadiness,
  tagMoscow,
  flagOffVision,
  gatherFeedback,
  testAssumption,
  sortEmpathyNote,
  classifyRequest,
  analyseMarket,
  endRefinement,
  proposeSprintGoal,
  commitSprint,
  nextDay,
  resolveEvent,
  reviewItem,
  answerForecast,
  endReview,
  setReviewFormat,
  releaseIncrement,
  shareProgress,
  decidePivot,
  reflect,
  chooseImprovement,
  decideRelease,
  answerQuestion,
  injectEvent,
};
