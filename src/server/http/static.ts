import { readFile, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { BASE_HEADERS, sendError } from './respond';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** `rel` (a URL path, still encoded) as a file inside `root`, or null when it would leave it. */
export function insideRoot(root: string, rel: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rel);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const base = resolve(root);
  const full = resolve(join(base, decoded));
  return full === base || full.startsWith(base + sep) ? full : null;
}

/**
 * Sends a file from `root` if it exists; returns false (nothing sent) when it does not, so the
 * caller can try elsewhere. `extra` adds headers (a CSP for the server's own pages).
 */
export async function serveFile(res: ServerResponse, root: string, rel: string, head: boolean, extra: Record<string, string> = {}): Promise<boolean> {
  const path = insideRoot(root, rel);
  if (!path) {
    sendError(res, 400, 'badPath', 'the path is not valid');
    return true;
  }
  try {
    const info = await stat(path);
    if (!info.isFile()) return false;
    const body = await readFile(path);
    // Vite's hashed assets never change; everything else is revalidated.
    const cache = rel.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    res.writeHead(200, { ...BASE_HEADERS, 'Content-Type': TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream', 'Content-Length': body.length, 'Cache-Control': cache, ...extra });
    res.end(head ? undefined : body);
    return true;
  } catch {
    return false;
  }
}
