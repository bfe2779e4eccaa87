import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { ensureBrowser } from '../../scripts/browser/ensure';
import { markBuilt, sourceHash } from '../../scripts/start/freshness';
import { distDir, repoRoot, viteConfig } from './paths';

declare module 'vitest' {
  export interface ProvidedContext {
    chromiumPath: string;
  }
}

/**
 * Runs once before the browser tests: finds Chromium first, or installs one (a browser that
 * cannot be had should fail with the fix in the message, not after a build), then builds the
 * game into dist/ so that every test serves the same production bundle a player gets.
 */
export default async function setup(project: TestProject): Promise<void> {
  const chromiumPath = await ensureBrowser();
  const hash = sourceHash(repoRoot);
  await build({ root: repoRoot, configFile: viteConfig, logLevel: 'warn' });
  // The same build `npm start` would make: it need not make it again.
  markBuilt(repoRoot, distDir, hash);
  project.provide('chromiumPath', chromiumPath);
}
