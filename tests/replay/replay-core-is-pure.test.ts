import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src/replay/', import.meta.url));
const files = readdirSync(SRC).filter((f) => f.endsWith('.ts'));

// src/replay runs in the game, the CLI and the server alike: standard APIs only.
const BANNED: readonly [RegExp, string][] = [
  [/Math\.random/, 'Math.random'],
  [/\bDate\b/, 'Date'],
  [/performance\.now/, 'performance.now'],
  [/\b(window|document|localStorage|sessionStorage|navigator|location|fetch|Blob|Response)\b/, 'DOM globals'],
  [/\b(process|Buffer|require)\b/, 'Node globals'],
  [/from ['"]node:|from ['"](fs|path|zlib|url|os)['"]/, 'Node modules'],
  [/localeCompare|Intl\./, 'locale-dependent ordering'],
  [/from ['"]\.\.\/(game|cli|server|bots)\b/, 'imports from an outer layer'],
  [/from ['"]\.\.\/engine\//, 'engine internals (use src/engine/index.ts)'],
];

describe('src/replay is pure', () => {
  it('has source files to check', () => {
    expect(files).toContain('index.ts');
  });

  it.each(files)('%s uses no clock, randomness, DOM, Node API or outer layer', (file) => {
    const code = readFileSync(SRC + file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    for (const [pattern, what] of BANNED) expect(code, `${file} uses ${what}`).not.toMatch(pattern);
  });
});
