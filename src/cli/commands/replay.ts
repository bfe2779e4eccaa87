import { parseReplay, verifyReplay } from '../../engine';
import { parse } from '../args';
import type { Command } from '../command';
import { assertNever, CliError, EXIT } from '../errors';
import { write, type Io } from '../io';
import { MAX_REPLAY_BYTES, readJsonFile } from '../replay-file';
import { getScenario, scenarioDir } from '../scenarios';

const HELP = `Usage: sim replay verify <file> [--scenario <id|file>] [--json]

Re-simulates a replay file and checks every checkpoint hash and the final state hash.

Options:
  --scenario <id|file>  verify against this scenario instead of the one the replay names
  --json                also print the verdict as one JSON object on stdout:
                        {"ok":true,"steps","finalHash",...} or {"ok":false,"kind","step"?,"message"}
  -h, --help            show this help

Exit codes:
  0  the replay verifies: prints its steps and final hash
  1  it does not: a step diverged (named), its checkpoints do not fit its actions, it is
     of another or a changed scenario, or it was recorded by an incompatible engine version
  2  bad usage, or the file is unreadable, over ${MAX_REPLAY_BYTES / 1024 / 1024} MiB, empty, not JSON, or malformed
     (the message names the field)
`;

/**
 * `unreadable` and `malformed` (the file does not match the replay format) are bad input, exit 2.
 * The rest are well-formed replays that do not verify, exit 1: `inconsistent` is the engine's
 * check that checkpoints fit the actions (it fails when an action was removed).
 */
type Verdict =
  | { ok: true; file: string; scenarioId: string; seed: string; steps: number; finalHash: string }
  | { ok: false; kind: 'unreadable' | 'malformed' | 'unknownScenario' | 'inconsistent' | 'otherScenario' | 'engineVersion' | 'diverged'; step?: number; message: string };

function exitCodeOf(v: Verdict): number {
  if (v.ok) return EXIT.ok;
  return v.kind === 'unreadable' || v.kind === 'malformed' ? EXIT.usage : EXIT.failure;
}

async function check(file: string, scenarioRef: string | undefined, io: Io): Promise<Verdict> {
  const read = readJsonFile(file, io.cwd);
  if (!read.ok) return { ok: false, kind: 'unreadable', message: read.message };
  const parsed = parseReplay(read.value);
  if (!parsed.ok) return { ok: false, kind: 'malformed', message: `not a valid replay: ${parsed.message}` };
  const replay = parsed.replay;

  const found = await getScenario(scenarioRef ?? replay.scenarioId, scenarioDir(io.env), io.cwd);
  if (!found.ok) {
    if (scenarioRef !== undefined) throw new CliError(`replay verify: --scenario: ${found.message}`);
    return { ok: false, kind: 'unknownScenario', message: `the replay is of scenario "${replay.scenarioId}", which cannot be loaded: ${found.message}` };
  }
  const result = verifyReplay(read.value, found.scenario, found.hash);
  if (result.ok) return { ok: true, file, scenarioId: replay.scenarioId, seed: replay.seed, steps: result.steps, finalHash: result.finalHash };
  switch (result.kind) {
    case 'diverged':
      return { ok: false, kind: result.kind, step: result.step, message: result.message };
    case 'malformed':
      return { ok: false, kind: 'inconsistent', message: result.message };
    case 'otherScenario':
    case 'engineVersion':
      return { ok: false, kind: result.kind, message: result.message };
    default:
      return assertNever(result);
  }
}

async function replay(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse('replay', args, { scenario: { type: 'string' }, json: { type: 'boolean' } }, true);
  if (values.help) {
    await write(io.stdout, HELP);
    return EXIT.ok;
  }
  const [sub, file, ...extra] = positionals;
  if (sub !== 'verify') throw new CliError(sub === undefined ? 'replay: expected a subcommand: "sim replay verify <file>"' : `replay: unknown subcommand "${sub}"; expected "verify"`);
  if (file === undefined || file === '') throw new CliError('replay verify: expected a replay file: "sim replay verify <file>"');
  if (extra.length) throw new CliError(`replay verify: unexpected argument "${extra[0]}"; verify one file at a time`);

  const verdict = await check(file, values.scenario, io);
  if (values.json) await write(io.stdout, `${JSON.stringify(verdict)}\n`);
  if (verdict.ok) {
    if (!values.json)
      await write(io.stdout, `ok: ${file} verifies (scenario ${verdict.scenarioId}, seed ${verdict.seed}): ${verdict.steps} steps, final hash ${verdict.finalHash}\n`);
    return EXIT.ok;
  }
  const what = verdict.kind === 'diverged' ? `diverged at step ${verdict.step}` : verdict.kind;
  const verdictLine = exitCodeOf(verdict) === EXIT.failure ? `does not verify (${what}): ` : '';
  await write(io.stderr, `sim: replay verify: ${file}: ${verdictLine}${verdict.message}\n`);
  return exitCodeOf(verdict);
}

export const replayCommand: Command = {
  name: 'replay',
  summary: 'verify a replay file: "sim replay verify <file>"',
  help: () => HELP,
  run: replay,
};
