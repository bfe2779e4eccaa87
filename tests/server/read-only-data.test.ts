import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DB_FILE } from '../../src/server/store/db';
import { tempDir } from './helpers';

const ROOT = join(import.meta.dirname, '..', '..');

/** Starts main.ts and waits for it to exit (it must not start listening). */
async function startFails(dataDir: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', '--host', '127.0.0.1', '--port', '0', '--data', dataDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += String(d)));
  child.stderr.on('data', (d) => (stderr += String(d)));
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  const [code] = (await once(child, 'exit')) as [number | null];
  clearTimeout(timer);
  return { code, stdout, stderr };
}

describe('the data directory at start-up', () => {
  // /sys is read-only even for root (the tests may run as root, where chmod changes nothing).
  it('a read-only directory stops the server with a message naming it, and no stack trace', async () => {
    const r = await startFails('/sys');
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(/listening/);
    expect(r.stderr).toMatch(/the data directory \/sys cannot be written/);
    expect(r.stderr).toMatch(/--data/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 30_000);

  it('a damaged database file gets a message naming the file and what to do', async () => {
    const dir = tempDir();
    try {
      writeFileSync(join(dir, DB_FILE), 'this is not a database, it is a shopping list'.repeat(200));
      const r = await startFails(dir);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`the data file ${join(dir, DB_FILE)} is damaged`);
      expect(r.stderr).toMatch(/keep a copy/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
