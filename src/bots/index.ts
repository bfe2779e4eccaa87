import { firstPolicy } from './first';
import { hippoPolicy } from './hippo';
import type { PolicyFactory } from './policy';
import { principledPolicy } from './principled';
import { randomPolicy } from './random';
import { yesPolicy } from './yes';

export type { Policy, PolicyFactory } from './policy';
export { playToEnd, PolicyError } from './run';

/** Built-in bots by name, for `play`, `batch`, tests and the validity check. */
export const POLICIES: Record<string, PolicyFactory> = {
  random: randomPolicy,
  first: firstPolicy,
  principled: principledPolicy,
  hippo: hippoPolicy,
  yes: yesPolicy,
};

export function policyNames(): string[] {
  return Object.keys(POLICIES);
}
