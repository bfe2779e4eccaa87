/**
 * A learner's knowledge map: per-run evidence tallies accumulated across runs, as plain JSON data.
 *
 * Runs are stored, not pre-summed, so that merging is a set union keyed by `runId`: merging is
 * then commutative, associative and idempotent (a device can replay its upload, two devices can
 * sync in any order). Mastery is computed on demand by summing runs in `runId` order, a canonical
 * order, because floating-point sums depend on the order of their terms.
 */
import type { Evidence } from '../engine/model/state';
import { masteryFromTallies, type GoalMastery } from './mastery';
import { addTallies, tallyEvidence, type GoalTally, type RejectedEvidence } from './tally';

/** Schema version of the stored map. */
export const KNOWLEDGE_MAP_VERSION = 1;

/** The evidence of one finished run, reduced to per-goal tallies. */
export interface RunRecord {
  readonly runId: string;
  readonly scenarioId: string;
  /** Per-goal alpha/beta increments, in catalogue order. */
  readonly goals: readonly GoalTally[];
}

/** The stored knowledge map. `runs` is kept sorted by `runId` with no duplicate ids. */
export interface KnowledgeMap {
  readonly version: typeof KNOWLEDGE_MAP_VERSION;
  readonly runs: readonly RunRecord[];
}

/** How a run relates to a map: unseen id, same id and same content, or same id, other content. */
export type RunStatus = 'new' | 'duplicate' | 'conflict';

/** A map with no runs. */
export function emptyKnowledgeMap(): KnowledgeMap {
  return { version: KNOWLEDGE_MAP_VERSION, runs: [] };
}

/** Reduces one run's evidence to a run record; unusable records are returned, not stored. */
export function summarizeRun(
  runId: string,
  scenarioId: string,
  evidence: readonly Evidence[],
): { run: RunRecord; rejected: readonly RejectedEvidence[] } {
  const { tallies, rejected } = tallyEvidence(evidence);
  return { run: { runId, scenarioId, goals: tallies }, rejected };
}

/** Catalogue order, one tally per goal: the form in which runs are stored and compared. */
function normalizeRun(run: RunRecord): RunRecord {
  return { runId: run.runId, scenarioId: run.scenarioId, goals: addTallies([run.goals]) };
}

/** A canonical text of a normalized run: equal runs give equal keys. */
function runKey(run: RunRecord): string {
  return JSON.stringify([
    run.runId,
    run.scenarioId,
    run.goals.map((g) => [g.goalId, g.alpha, g.beta, g.count, g.weight]),
  ]);
}

function byRunId(x: RunRecord, y: RunRecord): number {
  return x.runId < y.runId ? -1 : x.runId > y.runId ? 1 : 0;
}

/** Whether `run` is new to `map`, already in it, or conflicts with a different run of the same id. */
export function classifyRun(map: KnowledgeMap, run: RunRecord): RunStatus {
  const existing = map.runs.find((r) => r.runId === run.runId);
  if (existing === undefined) return 'new';
  return runKey(normalizeRun(existing)) === runKey(normalizeRun(run)) ? 'duplicate' : 'conflict';
}

/**
 * Adds a run to the map and returns a new map (the input is not changed).
 *
 * Same `runId` with the same content: the map is returned unchanged (idempotent). Same `runId`
 * with different content (a bug or a tampered upload): the run with the smaller canonical key is
 * kept, so the result still does not depend on merge order. Use `classifyRun` first to report it.
 */
export function mergeRun(map: KnowledgeMap, run: RunRecord): KnowledgeMap {
  const incoming = normalizeRun(run);
  const existing = map.runs.find((r) => r.runId === incoming.runId);
  if (existing !== undefined) {
    const kept = normalizeRun(existing);
    if (runKey(kept) <= runKey(incoming)) return map;
  }
  const others = map.runs.filter((r) => r.runId !== incoming.runId);
  return { version: KNOWLEDGE_MAP_VERSION, runs: [...others, incoming].sort(byRunId) };
}

/** Merges two maps (for syncing devices): every run of `other` is merged into `map`. */
export function mergeMaps(map: KnowledgeMap, other: KnowledgeMap): KnowledgeMap {
  return other.runs.reduce(mergeRun, map);
}

/** Mastery of every catalogue goal over all runs in the map. */
export function masteryFromMap(map: KnowledgeMap): GoalMastery[] {
  // Re-merging from empty repairs a hand-edited map (unsorted runs, duplicate ids).
  const canonical = mergeMaps(emptyKnowledgeMap(), map);
  return masteryFromTallies(addTallies(canonical.runs.map((r) => r.goals)));
}

/** Ids of scenarios with at least one run in the map, sorted by plain `<`. */
export function completedScenarios(map: KnowledgeMap): string[] {
  return [...new Set(map.runs.map((r) => r.scenarioId))].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
}
