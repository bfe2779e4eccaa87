/**
 * A preset dictionary for the platform save's deflate stream (suspend.ts): the JSON fragments
 * every replay repeats (action types and parameter names). It lets a short stream refer back to
 * them from its first byte, about 12% smaller, which is what brings the longest bot runs under
 * SCORM 1.2's 4,096 characters. It is part of save format `sw1`: never edit it. Action types added
 * later simply are not in it (they compress a little less); a new dictionary needs a new prefix.
 */
const KEYS = 'answerId stakeholderId quadrant goalId itemId text tag percent itemIds level technique kind method flaw criterionId strategy toIndex scope choiceId format topic finding improvement noteId plan style decision eventId questionId';
const TYPES =
  'mapStakeholder refineItem fixFlaw addCriterion tagMoscow reflect chooseProductGoal writeProductGoal chooseVisionTechnique addVisionFragment chooseRoadmap addPersonaTrait startSprints setRefinementShare moveItem orderBacklog splitItem writeStory writeCriteria setReadiness flagOffVision gatherFeedback testAssumption sortEmpathyNote classifyRequest analyseMarket proposeSprintGoal commitSprint nextDay runToNextEvent cancelSprint resolveEvent answerForecast setReviewFormat releaseIncrement shareProgress decidePivot endReview chooseImprovement answerQuestion planRelease finishScenario injectEvent batch';

export const SUSPEND_DICTIONARY: Uint8Array = new TextEncoder().encode(
  KEYS.split(' ')
    .map((k) => `"${k}":"`)
    .join('') +
    TYPES.split(' ')
      .map((t) => `{"type":"${t}","`)
      .join('') +
    '{"type":"nextDay"},{"type":"nextDay"},',
);
