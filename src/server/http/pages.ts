import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { pageHelmet } from './headers';

/** The server's own pages and their scripts: plain HTML and DOM code, no build step. */
export const PUBLIC_DIR = fileURLToPath(new URL('../public/', import.meta.url));

const PAGES: Record<string, string> = {
  '/facilitator': 'facilitator.html',
  '/facilitator/class': 'dashboard.html',
  '/facilitator/debrief': 'debrief.html',
  '/facilitator/lobby': 'lobby.html',
  '/facilitator/recover': 'recover.html',
  '/learn': 'learn.html',
};

/** Vite's hashed assets never change; pages are never cached; anything else is revalidated. */
function cacheControl(reply: FastifyReply): void {
  const path = reply.request.url.split('?')[0]!;
  const cache = path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : /\.html$|\/$|^\/[^.]*$/.test(path) ? 'no-store' : 'no-cache';
  reply.header('cache-control', cache);
}

/**
 * GET/HEAD outside /api: the server's pages (under the pages' CSP), their scripts at
 * /classroom/, and the built game in `distDir` at / (under the game's CSP), compressed copies
 * (.br, .gz, written by the build) when the browser accepts them.
 */
export async function registerPages(app: FastifyInstance, distDir: string | null): Promise<void> {
  const game = distDir && existsSync(join(distDir, 'index.html')) ? distDir : null;
  if (game) {
    await app.register(fastifyStatic, { root: game, prefix: '/', preCompressed: true, cacheControl: false, setHeaders: cacheControl, index: false, redirect: false });
  }
  await app.register(fastifyStatic, { root: PUBLIC_DIR, prefix: '/classroom/', cacheControl: false, setHeaders: cacheControl, decorateReply: !game, index: false });
  for (const [path, file] of Object.entries(PAGES)) {
    app.get(path, { helmet: pageHelmet }, (_req, reply) => reply.sendFile(file, PUBLIC_DIR));
  }
  for (const path of ['/', '/index.html']) {
    if (game) app.get(path, (_req, reply) => reply.sendFile('index.html', game));
    else app.get(path, { helmet: pageHelmet }, (_req, reply) => reply.sendFile('index.html', PUBLIC_DIR));
  }
}
