import seedrandom from 'seedrandom';
import type { PolicyFactory } from './policy';

/** Picks uniformly among the listed actions, from its own seeded stream. */
export const randomPolicy: PolicyFactory = (seed) => {
  const rng = seedrandom(`policy/${seed}`);
  return {
    name: 'random',
    description: 'picks any listed action at random',
    choose(step) {
      const actions = step.actions;
      return { id: actions[Math.floor(rng() * actions.length)]!.id };
    },
  };
};
