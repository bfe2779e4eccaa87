import { findScenario } from '../../src/scenario/fs';
import type { Scenario } from '../../src/engine';

/** The starter scenario, loaded and validated the way the CLI loads it. */
export async function starterScenario(): Promise<{ scenario: Scenario; hash: string }> {
  const found = await findScenario('corner-cafe');
  if (!found.ok) throw new Error(`cannot load corner-cafe: ${found.problems.map((p) => p.message).join('; ')}`);
  return { scenario: found.scenario, hash: found.hash };
}

/** The scripted bots the validity check compares, plus the registry's simplest one. */
export const BOT_NAMES = ['principled', 'hippo', 'yes', 'random', 'first'] as const;
