import seedrandom from 'seedrandom';
import type { PolicyFactory } from './policy';

/**
 * A player who clicks about at random: first a kind of action, then one of its options, both
 * uniformly from its own seeded stream. Picking by kind first keeps a grid of many similar
 * options (every stakeholder × every quadrant) from drowning out the rest of the game.
 */
export const randomPolicy: PolicyFactory = (seed) => {
  const rng = seedrandom(`policy/${seed}`);
  return {
    name: 'random',
    description: 'picks a kind of action, then one of its options, at random',
    choose(step) {
      const types: string[] = [];
      for (const a of step.actions) if (!types.includes(a.type)) types.push(a.type);
      const type = types[Math.floor(rng() * types.length)];
      const options = step.actions.filter((a) => a.type === type);
      return { id: options[Math.floor(rng() * options.length)]!.id };
    },
  };
};
