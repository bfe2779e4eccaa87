import type { RuleBook } from './context';
import { chooseProductGoal, startSprints } from './briefing';
import { moveItem, orderBacklog, refineItem, setRefinementShare } from './backlog';
import { commitSprint, proposeSprintGoal } from './planning';
import { cancelSprint, injectEvent, nextDay, resolveEvent } from './execution';
import { answerForecast, endReview, releaseIncrement, setReviewFormat } from './review';
import { addCriterion, fixFlaw, setReadiness, splitItem, tagMoscow } from './story';
import { answerQuestion } from './questions';
import { reflect } from './reflection';
import { addPersonaTrait, addVisionFragment, chooseRoadmap, chooseVisionTechnique, decidePivot, mapStakeholder, shareProgress } from './product';
import { analyseMarket, classifyRequest, flagOffVision, gatherFeedback, sortEmpathyNote, testAssumption } from './discovery';
import { chooseImprovement } from './retrospective';
import { finishScenario, planRelease } from './release';
import { runToNextEvent } from './run';
import { writeCriteria, writeProductGoal, writeStory } from './writing';

/** One rule per action type; the compiler checks none is missing. */
export const RULES: RuleBook = {
  chooseProductGoal,
  writeProductGoal,
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
  writeStory,
  writeCriteria,
  setReadiness,
  tagMoscow,
  flagOffVision,
  gatherFeedback,
  testAssumption,
  sortEmpathyNote,
  classifyRequest,
  analyseMarket,
  proposeSprintGoal,
  commitSprint,
  nextDay,
  runToNextEvent,
  cancelSprint,
  resolveEvent,
  answerForecast,
  endReview,
  setReviewFormat,
  releaseIncrement,
  shareProgress,
  decidePivot,
  reflect,
  chooseImprovement,
  planRelease,
  finishScenario,
  answerQuestion,
  injectEvent,
};
