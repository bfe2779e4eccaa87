import type { PolicyFactory } from './policy';

/** Always takes the first listed action: the shortest, most predictable path through a run. */
export const firstPolicy: PolicyFactory = () => ({
  name: 'first',
  description: 'always takes the first listed action',
  choose(step) {
    return { id: step.actions[0]!.id };
  },
});
