import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { findChromium } from './chromium';
import { repoRoot, viteConfig } from './paths';

declare module 'vitest' {
  export interface ProvidedContext {
    chromiumPath: string;
  }
}

/**
 * Runs once before the browser tests: checks for Chromium first (a missing browser should fail
 * in a second with the fix in the message, not after a build), then builds the game into dist/
 * so that every test serves the same production bundle a player gets.
 */
export default async function setup(project: TestProject): Promise<void> {
  const chromiumPath = findChromium();
  await build({ root: repoRoot, configFile: viteConfig, logLevel: 'warn' });
  project.provide('chromiumPath', chromiumPath);
}
