import { join } from 'node:path';
import { build, preview } from 'vite';
import { markBuilt, needsBuild, sourceHash } from './freshness';

/* `npm start`: build the game only when its sources changed since the last build, then serve it. */

const root = join(import.meta.dirname, '..', '..');
const dist = join(root, 'dist');
const configFile = join(root, 'vite.config.ts');
const started = Date.now();

if (needsBuild(root, dist)) {
  console.log('Building the game (sources changed since the last build)...');
  const hash = sourceHash(root);
  await build({ root, configFile, logLevel: 'warn' });
  markBuilt(root, dist, hash);
} else {
  console.log('The build in dist/ is current: serving it as it is.');
}
const server = await preview({ root, configFile, logLevel: 'warn', preview: { host: '127.0.0.1', port: 4173, strictPort: true } });
console.log(`Sprintwise is ready at http://127.0.0.1:4173/ (${((Date.now() - started) / 1000).toFixed(1)} s). Press Ctrl+C to stop.`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void server.close().then(() => process.exit(0)));
