import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { POLICIES } from '../../src/bots';
import { createSession, type Scenario, type Step } from '../../src/engine';
import { BOT_NAMES, partTwoScenario, starterScenario } from './starter';

let scenario: Scenario;
let hash: string;
let partTwo: { scenario: Scenario; hash: string };
beforeAll(async () => {
  ({ scenario, hash } = await starterScenario());
  partTwo = await partTwoScenario();
});

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * What a bot gets here is what crosses the agent protocol: plain JSON of the phase, observation
 * and listed actions, deep-frozen. No getter, no prototype, no path back to the session.
 */
function protocolCopy(step: Step): Step {
  const copy = JSON.parse(JSON.stringify({ phase: step.phase, observation: step.observation, actions: step.actions, done: step.done })) as Step;
  return deepFreeze(copy);
}

describe('bots see only the observation and the listed actions', () => {
  it.each(BOT_NAMES)('%s plays the same run from frozen protocol copies as from live steps', (name) => {
    const runs = [
      ...['1', '2', '3', '17', '42'].map((seed) => ({ seed, scenario, hash })),
      // The part-2 fixture: vision, persona, empathy notes, segments, assumptions, a pivot.
      ...['1', '2'].map((seed) => ({ seed, ...partTwo })),
    ];
    for (const { seed, scenario, hash } of runs) {
      const live = createSession(scenario, seed, hash);
      const copied = createSession(scenario, seed, hash);
      const livePolicy = POLICIES[name]!(seed);
      const copiedPolicy = POLICIES[name]!(seed);
      for (let i = 0; i < 5000 && !live.done; i++) {
        const a = livePolicy.choose(live.observe());
        const b = copiedPolicy.choose(protocolCopy(copied.observe()));
        expect(b, `${name} ${scenario.id} seed ${seed} step ${i}`).toEqual(a);
        expect(live.dispatch(a).ok).toBe(true);
        expect(copied.dispatch(b).ok).toBe(true);
      }
      expect(copied.done).toBe(true);
      expect(copied.stateHash()).toBe(live.stateHash());
    }
  });

  const DIR = fileURLToPath(new URL('../../src/bots/', import.meta.url));
  const files = readdirSync(DIR).filter((f) => f.endsWith('.ts'));
  const code = (file: string) => readFileSync(DIR + file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');

  it('has bot sources to scan', () => {
    expect(files).toEqual(expect.arrayContaining(['principled.ts', 'hippo.ts', 'yes.ts', 'random.ts', 'first.ts']));
  });

  it.each(files)('%s never reads session state or hidden truth', (file) => {
    const src = code(file);
    expect(src, `${file} reads .state`).not.toMatch(/\.state\b|\[\s*['"]state['"]\s*\]/);
    expect(src, `${file} mentions truth`).not.toMatch(/truth/i);
    // Only the runner holds a session, and only to observe it and send actions.
    expect(src, `${file} reaches into the session`).not.toMatch(/\bsession\.(?!observe\(|dispatch\(|done\b|step\b)/);
  });

  // The rubric is allowed: it reads only the text a bot passes it, as the game's hints do for a player.
  it.each(files)('%s imports the engine only through its public door', (file) => {
    for (const [, from] of code(file).matchAll(/from\s+['"]([^'"]+)['"]/g)) {
      expect(from!, `${file} imports ${from}`).toMatch(/^(\.\/[\w-]+|\.\.\/engine|\.\.\/rubric|seedrandom)$/);
    }
  });
});
