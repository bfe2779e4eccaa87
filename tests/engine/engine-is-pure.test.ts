import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ENGINE = join(import.meta.dirname, '..', '..', 'src', 'engine');

/** APIs that make a simulation depend on the machine, the clock or the screen. */
export const BANNED: { name: string; pattern: RegExp }[] = [
  { name: 'Math.random', pattern: /\bMath\.random\b/ },
  { name: 'Date', pattern: /\bDate\b(?!\w)/ },
  { name: 'performance', pattern: /\bperformance\./ },
  { name: 'timers', pattern: /\b(setTimeout|setInterval|setImmediate|requestAnimationFrame|queueMicrotask)\b/ },
  { name: 'Intl', pattern: /\bIntl\b/ },
  { name: 'localeCompare', pattern: /\blocaleCompare\b/ },
  { name: 'toLocaleString', pattern: /\btoLocale\w*String\b/ },
  { name: 'phaser', pattern: /from\s+['"]phaser/ },
  { name: 'window/document', pattern: /\b(window|document|navigator|localStorage)\b/ },
  { name: 'node: imports', pattern: /from\s+['"](node:|fs['"]|path['"]|os['"]|crypto['"])/ },
  { name: 'process', pattern: /\bprocess\.\w/ },
  { name: 'upward import', pattern: /from\s+['"]\.\.\/\.\.\// },
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Strips comments so prose may mention what the code must not use. */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
}

export function violations(text: string): string[] {
  const body = code(text);
  return BANNED.filter((b) => b.pattern.test(body)).map((b) => b.name);
}

describe('src/engine is pure and deterministic', () => {
  it('uses no banned API in any file', () => {
    const found = sourceFiles(ENGINE).flatMap((file) => violations(readFileSync(file, 'utf8')).map((v) => `${relative(ENGINE, file)}: ${v}`));
    expect(found).toEqual([]);
  });

  it('judges written texts with a rubric that is as pure (src/engine/text.ts is its door)', () => {
    const RUBRIC = join(ENGINE, '..', 'rubric');
    const found = sourceFiles(RUBRIC).flatMap((file) => violations(readFileSync(file, 'utf8')).map((v) => `${relative(RUBRIC, file)}: ${v}`));
    expect(found).toEqual([]);
    expect(readFileSync(join(ENGINE, 'text.ts'), 'utf8')).toContain("from '../rubric'");
  });

  it('the scan catches each banned API (the check can fail)', () => {
    const samples: Record<string, string> = {
      'Math.random': 'const x = Math.random();',
      Date: 'const t = Date.now();',
      performance: 'performance.now()',
      timers: 'setTimeout(f, 1)',
      Intl: 'new Intl.Collator()',
      localeCompare: "a.localeCompare(b)",
      toLocaleString: 'n.toLocaleString()',
      phaser: "import Phaser from 'phaser';",
      'window/document': 'document.body',
      'node: imports': "import { readFileSync } from 'node:fs';",
      process: 'process.env.X',
      'upward import': "import { x } from '../../game/main';",
    };
    for (const [name, sample] of Object.entries(samples)) expect(violations(sample), name).toContain(name);
    expect(violations('// Math.random is banned here\nconst y = 1;')).toEqual([]);
  });
});
