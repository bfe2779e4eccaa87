/**
 * The scenario loader's browser-safe API. Node callers add `./fs` for files and directories.
 */
export { loadFileText, loadScenarioText, formatProblem } from './load';
export type { LoadedCampaign, LoadedFile, LoadedScenario, LoadFileResult, LoadScenarioResult, Problem, Source } from './load';
export { isScenarioFileName, loadCollection } from './collection';
export type { LoadedCollection, SourceFile } from './collection';
export { scenarioDataFileSchema, scenarioFileSchema, campaignFileSchema } from './schema';
export type { Campaign, CampaignFile, ScenarioDataFile, ScenarioFile } from './schema';
export { MAX_ALIASES, MAX_ALIAS_COUNT, MAX_DEPTH, MAX_FILE_BYTES, MAX_NODES, MAX_PROBLEMS } from './limits';
