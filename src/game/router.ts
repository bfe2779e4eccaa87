import { SceneKey } from './scenes/keys';

/**
 * Which screen shows an engine phase. Phases are matched by prefix, so sub-states added later
 * land on their parent's screen. Product Backlog refinement is ongoing work, not a phase: its
 * board (SceneKey.Backlog) is a view the phase screens open, like the stakeholder map.
 */
const ROUTES: readonly (readonly [string, SceneKey])[] = [
  ['briefing', SceneKey.Briefing],
  ['sprint.planning', SceneKey.Planning],
  ['sprint.execution', SceneKey.SprintDay],
  ['sprint.review', SceneKey.Review],
  ['sprint.retrospective', SceneKey.Retrospective],
  ['release', SceneKey.Release],
  ['debrief', SceneKey.Debrief],
];

export function sceneForPhase(phase: string): SceneKey {
  for (const [prefix, key] of ROUTES) if (phase === prefix || phase.startsWith(`${prefix}.`)) return key;
  return SceneKey.Decision;
}

/** The steps of a Sprint, for the stepper in the top bar. */
export const SPRINT_STEPS: readonly { prefix: string; label: string }[] = [
  { prefix: 'sprint.planning', label: 'Planning' },
  { prefix: 'sprint.execution', label: 'Sprint days' },
  { prefix: 'sprint.review', label: 'Review' },
  { prefix: 'sprint.retrospective', label: 'Retrospective' },
];

/** A readable name for a phase key, for the top bar and saves. */
export function phaseName(phase: string): string {
  const names: Record<string, string> = {
    'briefing.choosingGoal': 'Briefing',
    'briefing.ready': 'Briefing',
    'sprint.planning.proposing': 'Sprint Planning',
    'sprint.planning.negotiating': 'Sprint Planning',
    'sprint.execution.working': 'Sprint days',
    'sprint.execution.deciding': 'Sprint days',
    'sprint.review': 'Sprint Review',
    'sprint.retrospective': 'Sprint Retrospective',
    release: 'Release',
    debrief: 'Debrief',
  };
  if (names[phase]) return names[phase];
  const last = phase.split('.').pop() ?? phase;
  return last.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase());
}

/** The screen of a phase as a destination, for "Back to …" buttons: "the briefing", "Sprint Planning". */
export function phasePlace(phase: string): string {
  if (phase.startsWith('briefing')) return 'the briefing';
  if (phase.startsWith('sprint.planning')) return 'Sprint Planning';
  if (phase.startsWith('sprint.execution')) return 'the Sprint';
  if (phase.startsWith('sprint.review')) return 'the Sprint Review';
  if (phase.startsWith('sprint.retrospective')) return 'the Sprint Retrospective';
  if (phase === 'release') return 'the release';
  if (phase === 'debrief') return 'the debrief';
  return phaseName(phase);
}
