import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, rmSync, statSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { findBrowser, installPlan, notFoundMessage, type Found, type InstallMethod, type Machine } from './find';

/*
 * Finds a Chromium for the browser tests, or installs one, once per machine at a time: the
 * browser project's setup and the classroom's browser test may ask together, and two apt-get
 * runs must not race for the package lock.
 */

function thisMachine(): Machine {
  let playwrightChromium: string | null = null;
  try {
    playwrightChromium = chromium.executablePath();
  } catch {
    playwrightChromium = null;
  }
  return { platform: process.platform, env: process.env, home: homedir(), exists: existsSync, playwrightChromium };
}

const LOCK = join(tmpdir(), 'sprintwise-browser-install.lock');
/** A lock older than this was left by a run that died. */
const STALE_MS = 10 * 60_000;

async function withLock<T>(work: () => T): Promise<T> {
  mkdirSync(tmpdir(), { recursive: true });
  for (;;) {
    try {
      closeSync(openSync(LOCK, 'wx'));
      break;
    } catch {
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > STALE_MS) rmSync(LOCK, { force: true });
      } catch {
        // Released between the two calls: try again.
      }
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    return work();
  } finally {
    rmSync(LOCK, { force: true });
  }
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): { ok: boolean; detail: string } {
  const r = spawnSync(command, args, { env, timeout: timeoutMs, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.error) return { ok: false, detail: r.error.message };
  if (r.status !== 0) return { ok: false, detail: `exit ${r.status}: ${(r.stderr || r.stdout).trim().split('\n').slice(-1)[0] ?? ''}` };
  return { ok: true, detail: 'ok' };
}

function install(method: InstallMethod): { ok: boolean; detail: string } {
  if (method === 'playwright') {
    // playwright-core ships its own CLI; its download may be unreachable, so it gets a time limit.
    const cli = join(process.cwd(), 'node_modules', 'playwright-core', 'cli.js');
    return run(process.execPath, [cli, 'install', 'chromium'], process.env, 120_000);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = run('apt-get', ['update', '-qq'], env, 300_000);
  if (!update.ok) return update;
  return run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], env, 600_000);
}

const LABEL: Record<InstallMethod, string> = { playwright: "Playwright's download", 'apt-get': "Debian's chromium package" };

/** The browser to drive, found or installed; throws the one message naming both fixes otherwise. */
export async function ensureBrowser(say: (line: string) => void = (l) => console.log(l)): Promise<string> {
  const first = findBrowser(thisMachine());
  if (first.ok) return report(first.found, say);
  return withLock(() => {
    // Someone else may have installed it while this run waited for the lock.
    const again = findBrowser(thisMachine());
    if (again.ok) return report(again.found, say);
    const tried: string[] = [];
    const plan = installPlan({
      platform: process.platform,
      env: process.env,
      isRoot: typeof process.getuid === 'function' && process.getuid() === 0,
      isDebian: existsSync('/etc/debian_version'),
    });
    for (const method of plan) {
      say(`browser tests: no Chromium found; installing one with ${LABEL[method]}...`);
      const started = Date.now();
      const result = install(method);
      tried.push(`${LABEL[method]} (${result.detail}, ${((Date.now() - started) / 1000).toFixed(0)} s)`);
      const after = findBrowser(thisMachine());
      if (after.ok) return report(after.found, say, tried.join('; '));
    }
    throw new Error(notFoundMessage(again, tried));
  });
}

/** One line: which browser, and how it was found or installed (with what each attempt took). */
function report(found: Found, say: (line: string) => void, installed?: string): string {
  const how = { CHROMIUM_PATH: 'from CHROMIUM_PATH', 'a usual place': 'found where it is usually installed', Playwright: 'the one Playwright installed' }[found.how];
  say(`browser tests: Chromium at ${found.path} (${installed ? `installed: ${installed}` : how})`);
  return found.path;
}
