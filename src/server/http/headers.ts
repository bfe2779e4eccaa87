import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

type Directives = Record<string, string[]>;

/**
 * The game's policy: its own scripts and styles only, no inline code. Phaser makes its textures
 * from data: and blob: images; the what-if panel runs a module worker from /assets/; the
 * classroom client talks to its own origin (HTTP and WebSocket).
 */
export const GAME_CSP: Directives = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'worker-src': ["'self'"],
  'connect-src': ["'self'"],
  'form-action': ["'self'"],
  'base-uri': ["'none'"],
  'frame-ancestors': ["'none'"],
  // Violations (of the page and of its worker) are logged by the server: see api.ts.
  'report-uri': ['/api/csp-report'],
};

/** The server's own pages run only their own scripts and talk only to their own origin. */
export const PAGE_CSP: Directives = { ...GAME_CSP, 'img-src': ["'self'", 'data:'], 'worker-src': ["'none'"] };

/** Route option for a page of the server's own. */
export const pageHelmet = { contentSecurityPolicy: { useDefaults: false, directives: PAGE_CSP } };

/**
 * Security headers on every response: the CSP, no sniffing, no referrer (a facilitator URL must
 * not leak), no framing. No HSTS and no upgrade-insecure-requests: a classroom server usually
 * runs on plain HTTP on a LAN address.
 */
export async function registerHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: GAME_CSP },
    strictTransportSecurity: false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
  });
}
