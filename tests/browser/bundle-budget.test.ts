import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { distDir } from './paths';

/** Initial JS budget, gzip: Phaser's core build is ~210 KB of it. */
const BUDGET_KB = 250;

describe('the initial page load stays small', () => {
  it(`loads at most ${BUDGET_KB} KB of gzipped JavaScript before the first scene`, async () => {
    const html = await readFile(join(distDir, 'index.html'), 'utf8');
    // Everything index.html fetches up front: the entry script and its modulepreloads.
    const scripts = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="\/([^"]+\.js)"/g)].map((m) => m[1] ?? '');
    expect(scripts.length).toBeGreaterThan(0);

    const sizes = await Promise.all(scripts.map(async (file) => gzipSync(await readFile(join(distDir, file))).length));
    const totalKb = sizes.reduce((a, b) => a + b, 0) / 1024;
    expect(totalKb).toBeLessThanOrEqual(BUDGET_KB);
  });
});
