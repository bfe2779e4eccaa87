import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { hashValue, type Scenario } from '../../src/engine';

const ROOT = join(import.meta.dirname, '..', '..');

/** The starter scenario, loaded for engine tests. */
export function starterScenario(): { scenario: Scenario; hash: string } {
  const raw = parse(readFileSync(join(ROOT, 'scenarios', 'corner-cafe.yaml'), 'utf8')) as Scenario & { kind?: string };
  delete raw.kind;
  return { scenario: raw, hash: hashValue(raw) };
}
