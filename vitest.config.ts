import { defineConfig } from 'vitest/config';

// Two projects: fast Node tests, and browser tests that build the game and drive real Chromium.
export default defineConfig({
  test: {
    // Two workers even on a two-core machine: most files are CPU-bound simulations, and the
    // default (cores - 1) would run them one after another.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/browser/**', 'node_modules/**'],
          environment: 'node',
          testTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/browser/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
