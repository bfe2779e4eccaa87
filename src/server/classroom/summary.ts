import { buildDebrief } from '../../assessment';
import type { Report } from '../../engine';
import type { LearnerGame } from './learner-game';
import type { Stage } from './stages';

/** Where one learner is and how they are doing: one row of the live dashboard. */
export interface LearnerSummary {
  id: string;
  name: string;
  connected: boolean;
  removed: boolean;
  joinedAt: string;
  lastActionAt: string | null;
  run: number;
  runs: number;
  scenarioId: string;
  phase: string;
  sprint: number;
  day: number;
  stage: number;
  stageLabel: string;
  steps: number;
  done: boolean;
  /** Lock-step: the last action was refused until the next release. */
  waiting: boolean;
  /** Outcome figures of the run being played. */
  outcomes: Pick<Report['outcomes'], 'valuePercent' | 'sprintGoalsMet' | 'sprintsPlayed' | 'forecastAccuracy' | 'stakeholderTrust' | 'teamHealth' | 'techDebt' | 'released'>;
  /** Set when the stored actions no longer re-simulate (the engine or a scenario changed). */
  problem: string | null;
  /** True when the learner's game cannot go on (a damaged row, or actions that no longer re-simulate): shown as "damaged". */
  damaged: boolean;
}

export function summarise(
  l: { id: string; name: string; joinedAt: string; removedAt: string | null },
  game: LearnerGame,
  stages: readonly Stage[],
  extra: { connected: boolean; lastActionAt: string | null; waiting: boolean; problem: string | null },
): LearnerSummary {
  const s = game.session.state;
  const o = game.session.report().outcomes;
  const stage = game.stage();
  return {
    id: l.id,
    name: l.name,
    connected: extra.connected,
    removed: l.removedAt !== null,
    joinedAt: l.joinedAt,
    lastActionAt: extra.lastActionAt,
    run: game.run,
    runs: game.runs.length,
    scenarioId: s.scenarioId,
    phase: s.phase,
    sprint: s.sprint,
    day: s.day,
    stage,
    stageLabel: stages[stage]?.label ?? '',
    steps: game.steps,
    done: game.done,
    waiting: extra.waiting,
    outcomes: {
      valuePercent: o.valuePercent,
      sprintGoalsMet: o.sprintGoalsMet,
      sprintsPlayed: o.sprintsPlayed,
      forecastAccuracy: o.forecastAccuracy,
      stakeholderTrust: o.stakeholderTrust,
      teamHealth: o.teamHealth,
      techDebt: o.techDebt,
      released: o.released,
    },
    problem: extra.problem,
    damaged: extra.problem !== null,
  };
}

export const SEED_HIDDEN = '(hidden until the class ends)';

/**
 * A report or debrief with the seed taken out: while the class runs, the seed is the server's
 * secret, so nobody can rehearse the Sprints offline, even after finishing early.
 */
export function withoutSeed<T extends { seed: string }>(value: T): T {
  return { ...value, seed: SEED_HIDDEN };
}

export function learnerDebrief(game: LearnerGame, run: number, hideSeed: boolean): { report: Report; debrief: ReturnType<typeof buildDebrief> } | null {
  const session = game.sessionOf(run);
  if (!session) return null;
  const report = session.report();
  const debrief = buildDebrief(report, game.runs[run]!.scenario.targets, game.runs[run]!.scenario);
  return hideSeed ? { report: withoutSeed(report), debrief: withoutSeed(debrief) } : { report, debrief };
}
