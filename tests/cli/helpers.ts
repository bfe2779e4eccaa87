import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { PassThrough, Readable, Writable } from 'node:stream';
import { expect } from 'vitest';
import { observationMessage } from '../../src/protocol';
import { run } from '../../src/cli/run';
import { createSession, type Scenario, type Session } from '../../src/engine';
import { formatProblem } from '../../src/scenario';
import { findScenario } from '../../src/scenario/fs';

export const ROOT = join(import.meta.dirname, '..', '..');

/** Collects what a command writes. */
export class Sink extends Writable {
  private readonly chunks: string[] = [];
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, callback: () => void): void {
    this.chunks.push(chunk.toString());
    callback();
  }
  get text(): string {
    return this.chunks.join('');
  }
}

export interface SimResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface SimOptions {
  stdin?: string | Uint8Array | (string | Uint8Array)[];
  env?: Record<string, string>;
  cwd?: string;
  tty?: boolean;
}

/** Runs `sim <args>` in-process with injected streams. */
export async function sim(args: string[], options: SimOptions = {}): Promise<SimResult> {
  const stdout = new Sink();
  const stderr = new Sink();
  const input = options.stdin === undefined ? [] : Array.isArray(options.stdin) ? options.stdin : [options.stdin];
  const code = await run(args, {
    stdin: Readable.from(input.map((c) => (typeof c === 'string' ? Buffer.from(c) : c))),
    stdout,
    stderr,
    stderrIsTTY: options.tty ?? false,
    env: options.env ?? {},
    cwd: options.cwd ?? ROOT,
  });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** Runs the real CLI as a child process, as a user or an outside agent would. */
export async function spawnSim(args: string[], stdin = ''): Promise<SimResult> {
  const child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'src', 'cli', 'main.ts'), ...args], { cwd: ROOT, stdio: 'pipe' });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdin.end(stdin);
  const [code] = (await once(child, 'close')) as [number | null];
  return { code: code ?? -1, stdout, stderr };
}

/** An agent session driven line by line, in-process. */
export function agentSession(args: string[]) {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new Sink();
  const exit = run(['agent', ...args], { stdin, stdout, stderr, stderrIsTTY: false, env: {}, cwd: ROOT }).finally(() => stdout.end());
  const lines = createInterface({ input: stdout })[Symbol.asyncIterator]();
  return {
    send(line: string | Uint8Array) {
      stdin.write(typeof line === 'string' ? `${line}\n` : line);
    },
    /** The next protocol message, parsed; fails the test when stdout ended instead. */
    async next(): Promise<Record<string, any>> {
      const r = await lines.next();
      if (r.done) throw new Error('stdout ended');
      return JSON.parse(r.value) as Record<string, any>;
    },
    /** Whatever is left on stdout once the command has returned. */
    async rest(): Promise<string[]> {
      const out: string[] = [];
      for (let r = await lines.next(); !r.done; r = await lines.next()) out.push(r.value);
      return out;
    },
    end() {
      stdin.end();
    },
    exit,
    stderr,
  };
}

/** A user-facing error: one `sim:` line first, and never a stack trace. */
export function expectCleanError(stderr: string): void {
  expect(stderr).toMatch(/^sim: /);
  expect(stderr).not.toMatch(/^\s+at /m);
  expect(stderr).not.toContain('internal error');
}

/** The starter scenario through the one loader, as the CLI sees it. */
export async function starter(): Promise<{ scenario: Scenario; hash: string }> {
  const found = await findScenario('corner-cafe');
  if (!found.ok) throw new Error(`the starter scenario does not load: ${found.problems.map(formatProblem).join('\n')}`);
  return found;
}

/** A session of the starter scenario after taking the first listed action `steps` times. */
export async function sessionAfter(seed: string, steps: number): Promise<{ session: Session; ids: string[] }> {
  const { scenario, hash } = await starter();
  const session = createSession(scenario, seed, hash);
  const ids: string[] = [];
  for (let i = 0; i < steps; i++) {
    const id = session.observe().actions[0]!.id;
    ids.push(id);
    const r = session.dispatch({ id });
    if (!r.ok) throw new Error(r.error.message);
  }
  return { session, ids };
}

/** The observation line the agent should print for a session, as parsed JSON. */
export function expectedObservation(session: Session): Record<string, any> {
  return JSON.parse(JSON.stringify(observationMessage(session.observe()))) as Record<string, any>;
}
