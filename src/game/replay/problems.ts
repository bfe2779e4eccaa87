import type { ReplayProblem, ReplayProblemKind } from '../../replay/verdict';

/**
 * What each verifier refusal means for a player, put before the verifier's own message (which
 * names the field, the scenario, the version or the step): the game says the same as the CLI,
 * with a word of explanation.
 */
const MEANING: Record<ReplayProblemKind, string> = {
  empty: 'the file is empty',
  tooLarge: 'the file is too large',
  notUtf8: 'the file is not text',
  notJson: 'the file is not a replay',
  unsupportedVersion: 'it was written by a newer Sprintwise',
  malformed: 'it is not a valid replay',
  unknownScenario: 'it is of a scenario this version of the game does not include',
  otherScenario: 'it is of another scenario, or of a version of the scenario that has changed since',
  engineVersion: 'it was recorded with another version of the simulation, which would not give the same run',
  inconsistent: 'it has been edited: its checkpoints do not fit its choices',
  diverged: 'it has been changed since it was recorded: re-playing it does not give the recorded run',
};

/** "it has been changed … (step 42 (nextDay) was refused: …)": the kind in words, then the verifier's message. */
export function describeReplayProblem(problem: Pick<ReplayProblem, 'kind' | 'message' | 'step'>): string {
  const where = problem.kind === 'diverged' && problem.step !== undefined && !problem.message.includes(`step ${problem.step}`) ? ` at step ${problem.step}` : '';
  return `${MEANING[problem.kind]}${where} (${problem.message})`;
}
