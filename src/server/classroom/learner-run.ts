import { canonicalJson, createSession, type Action, type ListedAction, type ReplayLog } from '../../engine';
import { ACTION_KIND } from '../../game/ui/action-kinds';
import type { ActionRow } from '../store/rows';
import { SLICE_MS, Slicer } from './sliced';
import type { LearnerEntry } from './types';

/** One choice of a run, in words, for the dashboard's drill-down list. */
export interface RunChoice {
  /** 1-based position in the run, as the replay viewer numbers choices. */
  number: number;
  label: string;
  phase: string;
  sprint: number;
  day: number;
  /** When the server accepted it; null for one still being written. */
  at: string | null;
  byFacilitator: boolean;
}

export interface LearnerRun {
  run: number;
  scenarioId: string;
  scenarioTitle: string;
  choices: RunChoice[];
  done: boolean;
  /** The engine's replay log: it carries the seed, so it goes only to the facilitator, never in a URL; null when left out. */
  replay: ReplayLog | null;
}

export interface LearnerRuns {
  learner: { id: string; name: string; removed: boolean; done: boolean };
  runs: LearnerRun[];
}

/** The listed choice `action` was, with the learner's words for one that takes text. */
function labelOf(action: Action, offered: readonly ListedAction[], eventTitle: (cardId: string) => string): string {
  if (action.type === 'injectEvent') return `Event from the facilitator: ${eventTitle(action.cardId)}`;
  const same = canonicalJson(action);
  const exact = offered.find((a) => a.action.type === action.type && canonicalJson(a.action) === same);
  if (exact) return exact.label;
  if (action.type === 'batch') return `${action.actions.length} decisions at once: ${action.actions.map((p) => labelOf(p, offered, eventTitle)).join('; ')}`;
  const text = (action as { text?: unknown }).text;
  if (typeof text === 'string') {
    const bare = (a: Action) => {
      const rest: Record<string, unknown> = { ...a };
      delete rest.text;
      return canonicalJson(rest);
    };
    const written = offered.find((a) => a.input && bare(a.action) === bare(action));
    return `${written?.label ?? ACTION_KIND[action.type]}: “${text}”`;
  }
  return ACTION_KIND[action.type];
}

/**
 * Every run of one learner so far, for the facilitator's drill-down: each run's replay log and its
 * choices in words. Each run is re-simulated once to find the words of each choice: about a
 * millisecond a step, so the work goes in slices (sliced.ts) and learners' acks go on meanwhile.
 */
export async function learnerRuns(entry: LearnerEntry, stored: readonly ActionRow[], withReplays: boolean, sliceMs = SLICE_MS): Promise<LearnerRuns> {
  const { game } = entry;
  const slicer = new Slicer(sliceMs);
  // Taken now: the learner may act while this runs, and the answer is one moment of their game.
  const taken = game.reports().map((report, run) => ({ report, run, replay: game.sessionOf(run)!.replayLog() }));
  const runs: LearnerRun[] = [];
  for (const { report, run, replay } of taken) {
    const spec = game.runs[run]!;
    const times = stored.filter((a) => a.run === run).map((a) => a.at);
    const eventTitle = (cardId: string) => spec.scenario.events.find((e) => e.id === cardId)?.title ?? 'an event card';
    const again = createSession(spec.scenario, spec.seed, spec.hash);
    const choices: RunChoice[] = [];
    for (const [i, action] of replay.actions.entries()) {
      await slicer.turn();
      const s = again.state;
      choices.push({ number: i + 1, label: labelOf(action, again.legalActions(), eventTitle), phase: s.phase, sprint: s.sprint, day: s.day, at: times[i] ?? null, byFacilitator: action.type === 'injectEvent' });
      again.applyRecorded(action);
    }
    runs.push({ run, scenarioId: report.scenarioId, scenarioTitle: spec.scenario.title, choices, done: report.done, replay: withReplays ? replay : null });
  }
  return { learner: { id: entry.row.id, name: entry.row.name, removed: entry.row.removedAt !== null, done: game.done }, runs };
}
