import type { ValidityResult } from './run';

/** Exit codes of `sim validity`, matching the CLI's: 0 pass, 1 the scoring does not separate (or a bot failed), 2 bad usage. */
export const VALIDITY_EXIT = { pass: 0, fail: 1, usage: 2 } as const;

/**
 * 0 when every targeted domain of every scenario separates the reference bot from every other bot
 * and no run failed; 1 otherwise. Goal weaknesses and outcome warnings are findings to read, not
 * failures: a goal judged once per run on a random event may never separate on its own.
 */
export function validityExitCode(result: ValidityResult): number {
  return result.pass ? VALIDITY_EXIT.pass : VALIDITY_EXIT.fail;
}
