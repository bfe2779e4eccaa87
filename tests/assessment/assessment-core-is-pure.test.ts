import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src/assessment/', import.meta.url));
const files = readdirSync(SRC).filter((f) => f.endsWith('.ts'));

// Assessment must give the same report in Node, every browser and the classroom server.
const BANNED: readonly [RegExp, string][] = [
  [/Math\.random/, 'Math.random'],
  [/\bDate\b/, 'Date'],
  [/performance\.now/, 'performance.now'],
  [/\b(window|document|localStorage|navigator)\b/, 'DOM globals'],
  [/\bprocess\./, 'process'],
  [/from ['"]node:|require\(/, 'Node modules'],
  [/localeCompare|Intl\./, 'locale-dependent ordering'],
  [/from ['"]\.\.\/(game|cli|server|scenario)\b/, 'imports from an outer layer'],
];

describe('the assessment core is pure and deterministic', () => {
  it('has source files to check', () => {
    expect(files).toContain('index.ts');
  });

  it.each(files)('%s uses no clock, randomness, DOM, Node API or locale order', (file) => {
    const code = readFileSync(SRC + file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    for (const [pattern, what] of BANNED) expect(code, `${file} uses ${what}`).not.toMatch(pattern);
  });

  it('imports from the engine only as types', () => {
    for (const file of files) {
      const code = readFileSync(SRC + file, 'utf8');
      for (const line of code.split('\n').filter((l) => /from ['"]\.\.\/engine/.test(l))) {
        expect(line, file).toMatch(/^import type /);
      }
    }
  });
});
