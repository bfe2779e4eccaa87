/** Exit codes of `sim`, documented in docs/cli.md. */
export const EXIT = {
  ok: 0,
  /** The command ran and the answer is "no": a replay that does not verify, a bot that failed. */
  failure: 1,
  /** Bad usage or bad input: unknown option, unknown scenario, unreadable or malformed file. */
  usage: 2,
  /** `agent` only: input ended (or the reader went away) before the scenario was over. */
  ended: 3,
} as const;

/**
 * An error the user can fix, reported as `sim: <message>` without a stack trace.
 * `exitCode` defaults to 2 (bad usage or input).
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.usage,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** Keeps messages that echo user input (a key, a JSON snippet) to a readable length. */
export function clip(text: string, max = 500): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length - max} more characters)`;
}

export function assertNever(x: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(x)}`);
}
