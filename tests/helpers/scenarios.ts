import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Scenario } from '../../src/engine';
import { formatProblem, loadScenarioText } from '../../src/scenario';

const ROOT = join(import.meta.dirname, '..', '..');

/** A shipped scenario, loaded through the one loader the game, CLI and server use. */
export function shippedScenario(file: string): { scenario: Scenario; hash: string } {
  const loaded = loadScenarioText(readFileSync(join(ROOT, 'scenarios', file)), file);
  if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
  return { scenario: loaded.scenario, hash: loaded.hash };
}

/** The starter scenario, for engine tests. */
export function starterScenario(): { scenario: Scenario; hash: string } {
  return shippedScenario('corner-cafe.yaml');
}
