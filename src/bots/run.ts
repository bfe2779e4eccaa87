import type { Session } from '../engine';
import type { Policy } from './policy';

export class PolicyError extends Error {}

/**
 * Plays a session to the end with a policy. A policy that sends a refused action is a bug in
 * the policy, so it is reported rather than retried forever.
 */
export function playToEnd(session: Session, policy: Policy, maxSteps = 5000): void {
  for (let i = 0; i < maxSteps && !session.done; i++) {
    const choice = policy.choose(session.observe());
    const result = session.dispatch(choice);
    if (!result.ok) throw new PolicyError(`policy ${policy.name} chose a refused action at step ${session.step + 1}: ${result.error.message}`);
  }
  if (!session.done) throw new PolicyError(`policy ${policy.name} did not finish within ${maxSteps} steps`);
}
