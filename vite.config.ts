import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { precompress } from './scripts/build/precompress.ts';

// Phaser's package `exports` block deep imports (`phaser/src/...`), so the custom build is
// reached through absolute paths instead.
const phaserSrc = fileURLToPath(new URL('./node_modules/phaser/src/', import.meta.url));

// Build flags Phaser's source reads, defined the way its own webpack config does.
const phaserFlags = {
  'typeof WEBGL_RENDERER': JSON.stringify(true),
  // Phaser 4 deprecates the Canvas renderer, but it is the fallback where WebGL is missing.
  'typeof CANVAS_RENDERER': JSON.stringify(true),
  'typeof WEBGL_DEBUG': JSON.stringify(false),
  'typeof FEATURE_SOUND': JSON.stringify(false),
  'typeof PLUGIN_FBINSTANT': JSON.stringify(false),
  // Left undefined, `typeof` gives "undefined" (truthy) and every scene asks for a 3D camera
  // plugin that does not exist.
  'typeof PLUGIN_CAMERA3D': JSON.stringify(false),
  // phaser-core.js ends with `global.Phaser = Phaser`.
  global: 'globalThis',
};

export default defineConfig({
  plugins: [precompress()],
  resolve: {
    alias: [
      // `import Phaser from 'phaser'` gets the core build (no physics, tilemaps, particles...):
      // about 210 KB gzip instead of 360 KB. Types still come from the package's phaser.d.ts.
      { find: /^phaser$/, replacement: `${phaserSrc}phaser-core.js` },
      // Lets src/game/phaser.ts register the few extra game objects the core build leaves out.
      { find: /^phaser-src\//, replacement: phaserSrc },
    ],
  },
  define: phaserFlags,
  // The dev server pre-bundles Phaser with Rolldown, which does not see `define` above.
  optimizeDeps: {
    rolldownOptions: { transform: { define: phaserFlags } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Phaser changes far less often than the game: its own chunk stays cached between releases.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'phaser', test: /[\\/]node_modules[\\/]phaser[\\/]/ },
            // The Gherkin parser behind the writing hints: large, and it changes even less often.
            { name: 'gherkin', test: /[\\/]node_modules[\\/]@cucumber[\\/]/ },
            // The engine's libraries (schemas, statechart, immutable state, seeded randomness, scenario files).
            { name: 'libs', test: /[\\/]node_modules[\\/](zod|xstate|immer|seedrandom|yaml)[\\/]/ },
          ],
        },
      },
    },
    // The core build alone is ~800 KB raw; the budget that matters is gzip (see tests).
    chunkSizeWarningLimit: 1000,
  },
});
