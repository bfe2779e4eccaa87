import { createSession } from '../../engine';
import { playToEnd, PolicyError } from '../../bots';
import { describePolicies, parse, parsePolicy, parseScenario, parseSeed, required } from '../args';
import type { Command } from '../command';
import { CliError, EXIT } from '../errors';
import { formatReport } from '../format';
import { write, type Io } from '../io';
import { writeReplay } from '../replay-file';

const HELP = `Usage: sim play --scenario <id|file> --seed <seed> --policy <name> [--out <file>] [--json]

Plays one run with a built-in bot and prints its outcomes.

Options:
  --scenario <id|file>  scenario id from scenarios/ (see "sim list"), or a scenario file
  --seed <seed>         seed of the run: 1-200 letters, digits, ".", "_" or "-"
  --policy <name>       built-in bot, listed below
  --out <file>          write the replay to <file> (check it with "sim replay verify")
  --json                print {"scenarioId","seed","policy","steps","stateHash","report",...} instead
  -h, --help            show this help

Exit codes: 0 played to the end; 1 the bot failed (its replay is still written with --out);
2 bad usage, unknown scenario or policy, or the replay could not be written.
`;

function help(): string {
  return `${HELP}\nPolicies:\n${describePolicies()}\n`;
}

async function play(args: string[], io: Io): Promise<number> {
  const { values } = parse('play', args, {
    scenario: { type: 'string' },
    seed: { type: 'string' },
    policy: { type: 'string' },
    out: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (values.help) {
    await write(io.stdout, help());
    return EXIT.ok;
  }
  const ref = required('play', 'scenario', values.scenario, '<id|file>');
  const seed = parseSeed('play', required('play', 'seed', values.seed, '<seed>'));
  const policyName = required('play', 'policy', values.policy, '<name>');
  const factory = parsePolicy('play', policyName);
  if (values.out === '') throw new CliError('play: --out needs a file name');
  const { scenario, hash } = await parseScenario('play', ref, io);

  const session = createSession(scenario, seed, hash);
  let failure: string | null = null;
  try {
    playToEnd(session, factory(seed));
  } catch (e) {
    if (!(e instanceof PolicyError)) throw e;
    failure = e.message;
  }
  if (values.out) writeReplay('play', values.out, session.replayLog(), io.cwd);
  const replayFile = values.out ?? null;
  const report = session.report();
  const stateHash = session.stateHash();

  if (values.json) {
    const out = { scenarioId: scenario.id, seed, policy: policyName, steps: session.step, done: session.done, stateHash, replayFile, ...(failure ? { failure } : {}), report };
    await write(io.stdout, `${JSON.stringify(out)}\n`);
  } else {
    const lines = [
      `${scenario.title} (${scenario.id}), seed ${seed}, policy ${policyName}`,
      `${session.done ? 'Finished' : 'Stopped'} after ${session.step} steps in phase ${report.phase}`,
      formatReport(report),
      `state hash ${stateHash}`,
      ...(replayFile ? [`replay written to ${values.out}`] : []),
    ];
    await write(io.stdout, `${lines.join('\n')}\n`);
  }
  if (failure) throw new CliError(`play: ${failure}`, EXIT.failure);
  return EXIT.ok;
}

export const playCommand: Command = {
  name: 'play',
  summary: 'play one run with a built-in bot and print its outcomes',
  help,
  run: play,
};
