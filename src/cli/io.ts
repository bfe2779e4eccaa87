import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** Everything a command touches outside itself, so tests can run commands in-process. */
export interface Io {
  stdin: AsyncIterable<string | Uint8Array>;
  stdout: Writable;
  stderr: Writable;
  /** A progress bar is drawn on stderr only when it is a terminal. */
  stderrIsTTY: boolean;
  env: Readonly<Record<string, string | undefined>>;
  /** Relative paths on the command line are resolved against this directory. */
  cwd: string;
}

/** Writes text, waiting when the stream asks for a pause so a slow reader never makes us buffer without bound. */
export async function write(stream: Writable, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}
