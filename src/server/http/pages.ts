import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PAGE_CSP, sendError } from './respond';
import { serveFile } from './static';

/** The server's own pages and their scripts: plain HTML and DOM code, no build step. */
export const PUBLIC_DIR = fileURLToPath(new URL('../public/', import.meta.url));

const PAGES: Record<string, string> = {
  '/facilitator': 'facilitator.html',
  '/facilitator/class': 'dashboard.html',
  '/facilitator/debrief': 'debrief.html',
  '/learn': 'learn.html',
};

/** GET/HEAD of anything outside /api: the server's pages, then the built game in `distDir`. */
export async function handlePage(req: IncomingMessage, res: ServerResponse, path: string, distDir: string | null): Promise<void> {
  const head = req.method === 'HEAD';
  const csp = { 'Content-Security-Policy': PAGE_CSP };
  const page = PAGES[path];
  if (page) {
    if (await serveFile(res, PUBLIC_DIR, `/${page}`, head, csp)) return;
  } else if (path.startsWith('/classroom/')) {
    if (await serveFile(res, PUBLIC_DIR, path.slice('/classroom'.length), head, csp)) return;
  } else if (path === '/' || path === '/index.html') {
    if (distDir && existsSync(join(distDir, 'index.html')) && (await serveFile(res, distDir, '/index.html', head))) return;
    if (await serveFile(res, PUBLIC_DIR, '/index.html', head, csp)) return;
  } else if (distDir && (await serveFile(res, distDir, path, head))) return;
  if (!res.headersSent) sendError(res, 404, 'notFound', `nothing at ${path.slice(0, 200)}`);
}
