import { fileURLToPath } from 'node:url';

/** The repository root: tests build and serve the game from here whatever the working directory. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const viteConfig = fileURLToPath(new URL('../../vite.config.ts', import.meta.url));
export const distDir = fileURLToPath(new URL('../../dist/', import.meta.url));
export const screenshotDir = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));
