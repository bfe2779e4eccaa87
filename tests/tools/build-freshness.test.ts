import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildInputFiles, markBuilt, needsBuild, sourceHash } from '../../scripts/start/freshness';

let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A small project: a page, a source file, a scenario, a built dist/ and things the build never reads. */
function project(): string {
  root = mkdtempSync(join(tmpdir(), 'sprintwise-fresh-'));
  for (const dir of ['src/engine', 'scenarios', 'dist', 'node_modules/x', 'tests']) mkdirSync(join(root, dir), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html>');
  writeFileSync(join(root, 'src/engine/a.ts'), 'export const a = 1;');
  writeFileSync(join(root, 'scenarios/s.yaml'), 'kind: scenario');
  writeFileSync(join(root, 'dist/index.html'), '<!doctype html>built');
  writeFileSync(join(root, 'node_modules/x/index.js'), '1');
  writeFileSync(join(root, 'tests/t.test.ts'), '1');
  return root;
}

describe('npm start builds only what changed', () => {
  it('reads the page, the sources and the scenarios, never dist/, node_modules or tests', () => {
    expect(buildInputFiles(project())).toEqual(['index.html', 'scenarios/s.yaml', 'src/engine/a.ts']);
  });

  it('needs a build with no stamp, not after marking, and again when a source or scenario changes', () => {
    const dist = join(project(), 'dist');
    expect(needsBuild(root, dist)).toBe(true);
    markBuilt(root, dist);
    expect(needsBuild(root, dist)).toBe(false);
    writeFileSync(join(root, 'tests/t.test.ts'), '2');
    writeFileSync(join(root, 'dist/extra.js'), 'x');
    expect(needsBuild(root, dist)).toBe(false);
    writeFileSync(join(root, 'src/engine/a.ts'), 'export const a = 2;');
    expect(needsBuild(root, dist)).toBe(true);
    markBuilt(root, dist);
    writeFileSync(join(root, 'scenarios/new.yaml'), 'kind: scenario');
    expect(needsBuild(root, dist)).toBe(true);
  });

  it('needs a build when dist/ lost its page, whatever the stamp says', () => {
    const dist = join(project(), 'dist');
    markBuilt(root, dist);
    rmSync(join(dist, 'index.html'));
    expect(needsBuild(root, dist)).toBe(true);
  });

  it('hashes a renamed file differently from the same bytes under the old name', () => {
    project();
    const before = sourceHash(root);
    rmSync(join(root, 'src/engine/a.ts'));
    writeFileSync(join(root, 'src/engine/b.ts'), 'export const a = 1;');
    expect(sourceHash(root)).not.toBe(before);
  });
});
