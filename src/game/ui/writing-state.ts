import type { RunView } from '../session-store';

/**
 * What the learner typed in the writing fields and what the engine refused, by field key. One
 * for the run on screen, shared by its screens, so a draft survives a re-render, a refusal and a
 * visit to another view; a new run (or a restart) starts with none.
 */
export interface WritingState {
  drafts: Map<string, string>;
  errors: Map<string, string>;
}

export function writingState(): WritingState {
  return { drafts: new Map(), errors: new Map() };
}

let current = writingState();
let seen: { scenario: string; steps: number } | null = null;

/** The writing state of `run`: cleared when another scenario opens or the run starts over. */
export function writingStateFor(run: RunView): WritingState {
  const scenario = run.scenario.scenario.id;
  if (!seen || seen.scenario !== scenario || run.steps < seen.steps) current = writingState();
  seen = { scenario, steps: run.steps };
  return current;
}
