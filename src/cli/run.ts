import { ENGINE_VERSION } from '../engine';
import type { Command } from './command';
import { agentCommand } from './commands/agent';
import { batchCommand } from './commands/batch';
import { coverageCommand } from './commands/coverage';
import { judgeTextCommand } from './commands/judge-text';
import { listCommand } from './commands/list';
import { playCommand } from './commands/play';
import { replayCommand } from './commands/replay';
import { validateCommand } from './commands/validate';
import { validityCommand } from './commands/validity';
import { whatifCommand } from './commands/whatif';
import { CliError, EXIT } from './errors';
import { write, type Io } from './io';

export const COMMANDS: readonly Command[] = [agentCommand, playCommand, replayCommand, whatifCommand, batchCommand, listCommand, validateCommand, coverageCommand, validityCommand, judgeTextCommand];

function topHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `Usage: sim <command> [options]     (npm run --silent sim -- <command> ...)

Sprintwise simulator: play, verify and measure scenario runs without a browser.

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Run "sim <command> --help" for a command's options. Docs: docs/cli.md.

Exit codes: 0 ok; 1 failure (a replay that does not verify, a bot that failed);
2 bad usage or bad input; 3 agent input ended before the scenario was over.
`;
}

async function dispatch(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    await write(io.stderr, topHelp());
    return EXIT.usage;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    const topic = rest[0];
    if (topic === undefined) {
      await write(io.stdout, topHelp());
      return EXIT.ok;
    }
    const command = COMMANDS.find((c) => c.name === topic);
    if (!command) throw new CliError(`help: no command "${topic}"; commands: ${COMMANDS.map((c) => c.name).join(', ')}`);
    await write(io.stdout, command.help());
    return EXIT.ok;
  }
  if (name === '--version') {
    await write(io.stdout, `sprintwise engine ${ENGINE_VERSION}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) throw new CliError(`unknown command "${name}"; commands: ${COMMANDS.map((c) => c.name).join(', ')} (see "sim --help")`);
  return command.run(rest, io);
}

/**
 * Runs one `sim` invocation and returns its exit code. Nothing escapes: a CliError becomes
 * `sim: <message>` on stderr, and anything else (a bug) an "internal error" line, with the
 * stack trace only when SIM_DEBUG is set.
 */
export async function run(argv: string[], io: Io): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (e) {
    if (e instanceof CliError) {
      await write(io.stderr, `sim: ${e.message}\n`);
      return e.exitCode;
    }
    const err = e instanceof Error ? e : new Error(String(e));
    const detail = io.env.SIM_DEBUG ? `\n${err.stack}` : ' (set SIM_DEBUG=1 to see where)';
    await write(io.stderr, `sim: internal error: ${err.message}${detail}\n`);
    return EXIT.failure;
  }
}
