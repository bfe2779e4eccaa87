import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = join(import.meta.dirname, '..', '..');

export interface ServerProcess {
  url: string;
  port: number;
  child: ChildProcess;
  stderr: string[];
  /** SIGKILL: no shutdown code runs, as in a crash or a pulled plug. */
  kill(): Promise<void>;
}

/** Runs `npm run classroom`'s entry point as its own process, as a facilitator would. */
export async function spawnServer(args: string[]): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', '--host', '127.0.0.1', '--dist', join(ROOT, 'no-dist'), ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  const stderr: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (l) => stderr.push(l));
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${stderr.join('\n')}`)), 20_000);
    lines.on('line', (l) => {
      const m = /^listening (\S+)$/.exec(l);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${stderr.join('\n')}`)));
  });
  return {
    url,
    port: Number(new URL(url).port),
    child,
    stderr,
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
    },
  };
}
