import { chromium, type Browser } from 'playwright-core';
import { rmSync } from 'node:fs';
import { ensureBrowser } from '../../scripts/browser/ensure';
import { buildGameInto, startTestServer, type TestServer } from './helpers';

/** Flags for headless Chromium on this machine: no sandbox, GPU, QUIC or background traffic. */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The Chromium the classroom's browser tests drive (Debian's, or wherever ensureBrowser finds one). */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: await ensureBrowser(), args: CHROMIUM_ARGS });
}

/** A classroom server and Chromium for one test file; `dist` is set when the server serves a built game. */
export interface ClassroomInChromium {
  server: TestServer;
  browser: Browser;
  dist: string | null;
  close(): Promise<void>;
}

/**
 * Starts a classroom server, serving the game built into a directory of its own when `gameDirPrefix`
 * is given (dist/ belongs to the browser tests), and launches Chromium. `close` undoes all three.
 */
export async function classroomInChromium(o: { gameDirPrefix?: string } = {}): Promise<ClassroomInChromium> {
  const dist = o.gameDirPrefix ? await buildGameInto(o.gameDirPrefix) : null;
  const server = await startTestServer(dist ? { distDir: dist } : {});
  const browser = await launchChromium();
  return {
    server,
    browser,
    dist,
    async close() {
      await browser.close();
      await server.stop();
      if (dist) rmSync(dist, { recursive: true, force: true });
    },
  };
}
