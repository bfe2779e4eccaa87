/**
 * A small web server for the LMS tests: a built package unpacked under a deep folder (so only
 * relative paths work), scorm-again's SCORM 1.2 run-time for the host page, and whatever routes a
 * test adds (a host page, an xAPI endpoint).
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { repoRoot } from './paths';

/** Where the package is unpacked, as a platform would: a folder of its own, deep in the site. */
export const COURSE_PATH = '/lms/courses/42/content/';

const TYPES: Record<string, string> = { html: 'text/html', js: 'text/javascript', css: 'text/css', svg: 'image/svg+xml', xml: 'application/xml', json: 'application/json' };

export type Route = (req: IncomingMessage, res: ServerResponse, body: string) => boolean | Promise<boolean>;

export interface LmsServer {
  baseUrl: string;
  entries: Record<string, Uint8Array>;
  routes: Route[];
  close(): Promise<void>;
}

export async function startLmsServer(zip: Uint8Array): Promise<LmsServer> {
  const entries = unzipSync(zip);
  const scormAgain = await readFile(join(repoRoot, 'node_modules/scorm-again/dist/scorm12.min.js'));
  const routes: Route[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const path = new URL(req.url ?? '/', 'http://x').pathname;
        for (const route of routes) if (await route(req, res, body)) return;
        if (path === '/scorm-again/scorm12.min.js') {
          res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(scormAgain);
          return;
        }
        if (path.startsWith(COURSE_PATH)) {
          const file = entries[decodeURIComponent(path.slice(COURSE_PATH.length))];
          if (file) {
            res.writeHead(200, { 'Content-Type': TYPES[path.split('.').pop() ?? ''] ?? 'application/octet-stream' }).end(file);
            return;
          }
        }
        res.writeHead(404).end('not found');
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    entries,
    routes,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The package's entries that are not plain relative paths (absolute, drive letters, `..`). */
export function unsafeEntries(names: readonly string[]): string[] {
  return names.filter((n) => n.startsWith('/') || n.startsWith('\\') || /^[A-Za-z]:/.test(n) || n.split(/[\\/]/).includes('..'));
}

/** Absolute references (`src="/…"`, `href="/…"`, `"/assets/…"`) in the built HTML, CSS and JS. */
export function absoluteReferences(entries: Record<string, Uint8Array>): string[] {
  const found: string[] = [];
  for (const [name, bytes] of Object.entries(entries)) {
    if (!/\.(html|css|js)$/.test(name)) continue;
    const text = new TextDecoder().decode(bytes);
    for (const m of text.matchAll(/(?:src|href)="(\/[^"]*)"|["'(](\/assets\/[^"')]*)/g)) found.push(`${name}: ${m[1] ?? m[2]}`);
  }
  return found;
}
