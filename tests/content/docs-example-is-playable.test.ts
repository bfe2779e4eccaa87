import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { POLICIES, playToEnd } from '../../src/bots';
import { createSession } from '../../src/engine';
import { formatProblem, loadScenarioText } from '../../src/scenario';
import { ROOT } from '../cli/helpers';

/** The complete example in docs/scenarios.md: the first YAML block that is a scenario. */
function docsExample(): string {
  const doc = readFileSync(join(ROOT, 'docs', 'scenarios.md'), 'utf8');
  const block = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!).find((b) => /^kind: scenario$/m.test(b));
  if (!block) throw new Error('docs/scenarios.md has no scenario example');
  return block;
}

describe('the example in docs/scenarios.md', () => {
  const loaded = loadScenarioText(docsExample(), 'docs-example.yaml');

  it('validates', () => {
    expect(loaded.ok ? [] : loaded.problems.map(formatProblem)).toEqual([]);
  });

  it('uses every optional kind of field the guide explains', () => {
    if (!loaded.ok) return;
    const s = loaded.scenario;
    const items = s.backlog;
    expect(items.some((i) => i.criteria?.length && i.splits === undefined)).toBe(true);
    expect(items.some((i) => i.splits?.some((o) => o.strategy === 'horizontalLayer'))).toBe(true);
    for (const key of ['flaws', 'requestedBy', 'servesVision', 'segments', 'assumption', 'requestKind', 'market'] as const) expect(items.some((i) => i[key] !== undefined), key).toBe(true);
    for (const key of ['questions', 'visionFragments', 'personaSnippets', 'empathyNotes', 'segments', 'pivot', 'roadmapPromises'] as const) expect(s[key], key).toBeDefined();
  });

  it('plays to the end with every built-in bot', () => {
    if (!loaded.ok) return;
    for (const [name, factory] of Object.entries(POLICIES))
      for (const seed of ['1', '2', '3', '4', '5']) {
        const session = createSession(loaded.scenario, seed, loaded.hash);
        playToEnd(session, factory(seed));
        expect(session.done, `${name} seed ${seed}`).toBe(true);
      }
  });
});
