import type { RunView } from '../session-store';
import { nextStage, type StageEvent, type StageState } from './model';

/** How many recent stage events the test hook and the text equivalent keep. */
const KEPT_EVENTS = 20;

let last: StageState | null = null;
let lastSteps = -1;
let recent: StageEvent[] = [];
let count = 0;

/**
 * The stage as of `run`, and what changed since the stage was last worked out. The memory
 * outlives the scenes, so that going from Planning to the Sprint to the Review is one story.
 * A run whose step count went backwards (another run, or a reload) starts a fresh stage.
 */
export function advanceStage(run: RunView): { state: StageState; events: StageEvent[] } {
  const runKey = `${run.scenario.scenario.id}:${window.__sprintwise?.seed ?? ''}:${window.__sprintwise?.slot ?? ''}`;
  const prev = last && run.steps >= lastSteps ? last : null;
  const { state, events } = nextStage(prev, { runKey, phase: run.step.phase, observation: run.step.observation });
  last = state;
  lastSteps = run.steps;
  if (events.length) {
    recent = [...recent, ...events].slice(-KEPT_EVENTS);
    count += events.length;
  }
  publish(state);
  return { state, events };
}

/** The latest stage events, oldest first. */
export function recentStageEvents(): readonly StageEvent[] {
  return recent;
}

/** Tells tests (and the curious) what the stage shows: `window.__sprintwise.stage`, no pixels needed. */
function publish(state: StageState): void {
  const status = window.__sprintwise ?? { ready: false, scene: '' };
  window.__sprintwise = {
    ...status,
    stage: {
      screen: state.screen,
      sprint: state.sprint,
      day: state.day,
      cards: state.cards.map((c) => ({ id: c.id, title: c.title, column: c.column, blocked: c.blocked })),
      stakeholders: state.stakeholders.map((s) => ({ id: s.id, name: s.name, present: s.present, mood: s.mood, says: s.says })),
      team: { says: state.team.says },
      lastEvents: recent.map((e) => ({ kind: e.kind, text: e.text })),
      eventCount: count,
    },
  };
}
