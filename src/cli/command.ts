import type { Io } from './io';

/** One `sim` command: its own file under commands/, its own options and help. */
export interface Command {
  name: string;
  /** One line for the top-level help. */
  summary: string;
  /** The full `--help` text. */
  help(): string;
  /** Returns the exit code; throws CliError for bad usage or input. */
  run(args: string[], io: Io): Promise<number>;
}
