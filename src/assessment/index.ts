/**
 * Assessment: the 65-goal catalogue, evidence → mastery, rollups, the cross-run knowledge map and
 * the next-scenario recommendation. Pure data in, pure data out; no DOM, Node API, clock or RNG.
 */
export {
  DOMAINS,
  GOALS,
  TOPICS,
  goalById,
  goalIndex,
  type Domain,
  type DomainNumber,
  type Goal,
  type GoalLevel,
  type Topic,
  type TopicNumber,
} from './catalogue';
export { betaCdf, betaQuantile } from './beta';
export {
  checkEvidence,
  tallyEvidence,
  type GoalTally,
  type RejectedEvidence,
  type RejectionReason,
  type TallyResult,
} from './tally';
export {
  CREDIBLE_MASS,
  MASTERY_STATUSES,
  PARTLY_THRESHOLD,
  PRIOR_ALPHA,
  PRIOR_BETA,
  SHOWN_THRESHOLD,
  assessEvidence,
  betaEstimate,
  goalMastery,
  masteryFromTallies,
  statusFromMean,
  type GoalMastery,
  type MasteryEstimate,
  type MasteryReport,
  type MasteryStatus,
} from './mastery';
export { rollupDomains, rollupTopics, type DomainRollup, type Rollup, type StatusCounts, type TopicRollup } from './rollup';
export {
  KNOWLEDGE_MAP_VERSION,
  classifyRun,
  completedScenarios,
  emptyKnowledgeMap,
  masteryFromMap,
  mergeMaps,
  mergeRun,
  summarizeRun,
  type KnowledgeMap,
  type RunRecord,
  type RunStatus,
} from './knowledge-map';
export {
  NOT_SEEN_GAP,
  goalGap,
  rankScenarios,
  recommendNext,
  type Recommendation,
  type ScenarioInfo,
  type ScenarioScore,
  type TargetGap,
} from './recommend';
export {
  STRONG_PO_WEIGHS,
  buildDebrief,
  decisionTitle,
  strongPoWeighs,
  type Debrief,
  type DebriefDecision,
  type DebriefDomain,
  type DebriefGoal,
  type DebriefOutcomes,
  type DecisionGoal,
  type WorkOnGoal,
} from './debrief';
