import type { Action, Step } from '../engine';

/**
 * A bot: sees only what a player sees (the observation and the listed actions) and answers
 * with a listed action id or a full action object. Bots never read hidden truth.
 */
export interface Policy {
  readonly name: string;
  readonly description: string;
  choose(step: Step): { id: string } | Action;
}

/** Creates a fresh policy for one run; `seed` feeds any randomness the policy uses. */
export type PolicyFactory = (seed: string) => Policy;
