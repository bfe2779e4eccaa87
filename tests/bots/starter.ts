import { fileURLToPath } from 'node:url';
import { findScenario, loadScenarioFile } from '../../src/scenario/fs';
import type { Scenario } from '../../src/engine';

/** The starter scenario, loaded and validated the way the CLI loads it. */
export async function starterScenario(): Promise<{ scenario: Scenario; hash: string }> {
  const found = await findScenario('corner-cafe');
  if (!found.ok) throw new Error(`cannot load corner-cafe: ${found.problems.map((p) => p.message).join('; ')}`);
  return { scenario: found.scenario, hash: found.hash };
}

/**
 * A test fixture that uses every part-2 mechanic (vision fragments, persona snippets, empathy
 * notes, segments, assumptions, request kinds, market positions, a pivot point) in a domain far
 * from the café, so the bots' reading is tried on text it was not written against.
 */
export async function partTwoScenario(): Promise<{ scenario: Scenario; hash: string }> {
  const file = fileURLToPath(new URL('./fixtures/tool-library.yaml', import.meta.url));
  const found = await loadScenarioFile(file);
  if (!found.ok) throw new Error(`cannot load the tool-library fixture: ${found.problems.map((p) => p.message).join('; ')}`);
  return { scenario: found.scenario, hash: found.hash };
}

/** The scripted bots the validity check compares, plus the registry's simplest one. */
export const BOT_NAMES = ['principled', 'hippo', 'yes', 'random', 'first'] as const;
