import { firstPolicy } from './first';
import type { PolicyFactory } from './policy';
import { randomPolicy } from './random';

export type { Policy, PolicyFactory } from './policy';
export { playToEnd, PolicyError } from './run';

/** Built-in bots by name, for `play`, `batch`, tests and the validity check. */
export const POLICIES: Record<string, PolicyFactory> = {
  random: randomPolicy,
  first: firstPolicy,
};

export function policyNames(): string[] {
  return Object.keys(POLICIES);
}
