import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/*
 * Whether dist/ was built from the sources as they are now: a content hash of everything the
 * build reads, kept next to the build. `npm start` builds only when it differs.
 */

/** What the build reads: the page, the game's sources, its assets and scenarios, and the build's own settings. */
export const BUILD_INPUTS = ['index.html', 'vite.config.ts', 'tsconfig.json', 'package-lock.json', 'src', 'assets', 'scenarios'] as const;
export const STAMP = '.build-hash';

function walk(root: string, path: string, out: string[]): void {
  if (!existsSync(path)) return;
  if (statSync(path).isDirectory()) {
    for (const name of readdirSync(path).sort()) walk(root, join(path, name), out);
  } else {
    out.push(relative(root, path).split(sep).join('/'));
  }
}

/** Every input file, relative to `root`, with forward slashes, in a fixed order. */
export function buildInputFiles(root: string): string[] {
  const out: string[] = [];
  for (const input of BUILD_INPUTS) walk(root, join(root, input), out);
  return out.sort();
}

/** SHA-256 over each input's path and bytes. */
export function sourceHash(root: string): string {
  const h = createHash('sha256');
  for (const file of buildInputFiles(root)) {
    h.update(file);
    h.update('\0');
    h.update(readFileSync(join(root, file)));
    h.update('\0');
  }
  return h.digest('hex');
}

/** True when `distDir` holds no build, or a build of other sources. */
export function needsBuild(root: string, distDir: string): boolean {
  const stamp = join(distDir, STAMP);
  if (!existsSync(join(distDir, 'index.html')) || !existsSync(stamp)) return true;
  return readFileSync(stamp, 'utf8').trim() !== sourceHash(root);
}

/** Records that `distDir` now holds a build of the current sources. */
export function markBuilt(root: string, distDir: string, hash = sourceHash(root)): void {
  writeFileSync(join(distDir, STAMP), `${hash}\n`);
}
