import { realpathSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { verifyReplay, type ReplayLog, type Scenario } from '../../engine';
import { MAX_LINK_LENGTH, prefixReplay, readReplayValue, replayLink, serializeReplay, verifyAgainst } from '../../replay';
import { parse } from '../args';
import type { Command } from '../command';
import { assertNever, CliError, EXIT } from '../errors';
import { write, type Io } from '../io';
import { MAX_REPLAY_BYTES, readJsonFile } from '../replay-file';
import { getScenario, scenarioDir } from '../scenarios';

/** Where `npm start` serves the game: the default base of `replay link`. */
export const DEFAULT_LINK_BASE = 'http://127.0.0.1:4173/';

const HELP = `Usage: sim replay <verify|link|branch> <file> [options]

Replay files (docs/replays.md): check one, share it as a link, or cut it short to continue the run.

Subcommands:
  verify <file>                          re-simulate it and check every checkpoint and the final hash
  link <file> [--base <url>]             print a link that carries the whole replay
  branch <file> --at <step> --out <file> write its first <step> actions as a replay of their own

Each subcommand verifies the replay first. Run "sim replay <subcommand> --help" for its options.
`;

const MALFORMED_EXIT = `2  bad usage, or the file is unreadable, over ${MAX_REPLAY_BYTES / 1024 / 1024} MiB, empty, not JSON, malformed
     (the message names the field) or of a newer replay format version`;

const VERIFY_HELP = `Usage: sim replay verify <file> [--scenario <id|file>] [--json]

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
  ${MALFORMED_EXIT}
`;

const LINK_HELP = `Usage: sim replay link <file> [--base <url>] [--scenario <id|file>]

Verifies a replay file, then prints a link that carries the whole replay in its fragment:
<base>#replay=<base64url of the raw-deflated JSON>. The game opens it in the replay viewer.
A link is at most ${MAX_LINK_LENGTH} characters; a longer replay is shared as the file itself.

Options:
  --base <url>          the game's address (default ${DEFAULT_LINK_BASE}, where "npm start" serves it)
  --scenario <id|file>  verify against this scenario instead of the one the replay names
  -h, --help            show this help

Exit codes:
  0  the link is printed on stdout
  1  the replay does not verify, or its link would be longer than ${MAX_LINK_LENGTH} characters
  ${MALFORMED_EXIT}
`;

const BRANCH_HELP = `Usage: sim replay branch <file> --at <step> --out <file> [--scenario <id|file>]

Verifies a replay file, then writes the replay of its first <step> actions to --out: a valid
replay of its own (its own checkpoints and final hash) that a player continues from by
importing it in the game. The input file is not changed.

Options:
  --at <step>           actions to keep: 0 (a fresh start with the same seed) to all of them
  --out <file>          the file to write (not the input file)
  --scenario <id|file>  verify against this scenario instead of the one the replay names
  -h, --help            show this help

Exit codes:
  0  the branch is written: prints its steps and state hash
  1  the replay does not verify
  ${MALFORMED_EXIT}, --at is out of range,
     or the branch could not be written
`;

/**
 * `unreadable`, `malformed` (the file does not match the replay format) and `unsupportedVersion`
 * (a newer format) are bad input, exit 2. The rest are well-formed replays that do not verify,
 * exit 1: `inconsistent` is the engine's check that checkpoints fit the actions (it fails when an
 * action was removed).
 */
type Verdict =
  | { ok: true; file: string; scenarioId: string; seed: string; steps: number; finalHash: string }
  | {
      ok: false;
      kind: 'unreadable' | 'malformed' | 'unsupportedVersion' | 'unknownScenario' | 'inconsistent' | 'otherScenario' | 'engineVersion' | 'diverged';
      step?: number;
      message: string;
    };

type Checked = { ok: true; verdict: Verdict & { ok: true }; replay: ReplayLog; scenario: Scenario; hash: string } | { ok: false; verdict: Verdict & { ok: false } };

function exitCodeOf(v: Verdict): number {
  if (v.ok) return EXIT.ok;
  return v.kind === 'unreadable' || v.kind === 'malformed' || v.kind === 'unsupportedVersion' ? EXIT.usage : EXIT.failure;
}

async function check(command: string, file: string, scenarioRef: string | undefined, io: Io): Promise<Checked> {
  const read = readJsonFile(file, io.cwd);
  if (!read.ok) return { ok: false, verdict: { ok: false, kind: 'unreadable', message: read.message } };
  // Older replay format versions are migrated here; newer ones are refused.
  const parsed = readReplayValue(read.value);
  if (!parsed.ok) return { ok: false, verdict: { ok: false, kind: parsed.kind === 'unsupportedVersion' ? 'unsupportedVersion' : 'malformed', message: parsed.message } };
  const replay = parsed.replay;

  const found = await getScenario(scenarioRef ?? replay.scenarioId, scenarioDir(io.env), io.cwd);
  if (!found.ok) {
    if (scenarioRef !== undefined) throw new CliError(`${command}: --scenario: ${found.message}`);
    return { ok: false, verdict: { ok: false, kind: 'unknownScenario', message: `the replay is of scenario "${replay.scenarioId}", which cannot be loaded: ${found.message}` } };
  }
  const result = verifyAgainst(replay, found.scenario, found.hash, parsed.migratedFrom);
  if (result.ok)
    return {
      ok: true,
      verdict: { ok: true, file, scenarioId: replay.scenarioId, seed: replay.seed, steps: result.steps, finalHash: result.finalHash },
      replay: result.replay,
      scenario: found.scenario,
      hash: found.hash,
    };
  switch (result.kind) {
    case 'diverged':
      return { ok: false, verdict: { ok: false, kind: result.kind, step: result.step, message: result.message } };
    case 'inconsistent':
    case 'otherScenario':
    case 'engineVersion':
      return { ok: false, verdict: { ok: false, kind: result.kind, message: result.message } };
    case 'empty':
    case 'tooLarge':
    case 'notUtf8':
    case 'notJson':
    case 'unsupportedVersion':
    case 'malformed':
    case 'unknownScenario':
      // verifyAgainst only re-simulates an already read replay of a known scenario.
      throw new Error(`unexpected verdict ${result.kind}: ${result.message}`);
    default:
      return assertNever(result.kind);
  }
}

/** Reports a replay that did not pass as `sim: replay <sub>: <file>: ...` and returns its exit code. */
async function refuse(command: string, file: string, verdict: Verdict & { ok: false }, io: Io): Promise<number> {
  const what = verdict.kind === 'diverged' ? `diverged at step ${verdict.step}` : verdict.kind;
  const verdictLine = exitCodeOf(verdict) === EXIT.failure ? `does not verify (${what}): ` : '';
  await write(io.stderr, `sim: ${command}: ${file}: ${verdictLine}${verdict.message}\n`);
  return exitCodeOf(verdict);
}

function oneFile(command: string, positionals: string[], usage: string): string {
  const [file, ...extra] = positionals;
  if (file === undefined || file === '') throw new CliError(`${command}: expected a replay file: "sim ${usage}"`);
  if (extra.length) throw new CliError(`${command}: unexpected argument "${extra[0]}"; one file at a time`);
  return file;
}

async function verifyCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse('replay verify', args, { scenario: { type: 'string' }, json: { type: 'boolean' } }, true);
  if (values.help) {
    await write(io.stdout, VERIFY_HELP);
    return EXIT.ok;
  }
  const file = oneFile('replay verify', positionals, 'replay verify <file>');
  const { verdict } = await check('replay verify', file, values.scenario, io);
  if (values.json) await write(io.stdout, `${JSON.stringify(verdict)}\n`);
  if (verdict.ok) {
    if (!values.json)
      await write(io.stdout, `ok: ${file} verifies (scenario ${verdict.scenarioId}, seed ${verdict.seed}): ${verdict.steps} steps, final hash ${verdict.finalHash}\n`);
    return EXIT.ok;
  }
  return refuse('replay verify', file, verdict, io);
}

async function linkCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse('replay link', args, { base: { type: 'string' }, scenario: { type: 'string' } }, true);
  if (values.help) {
    await write(io.stdout, LINK_HELP);
    return EXIT.ok;
  }
  const file = oneFile('replay link', positionals, 'replay link <file> [--base <url>]');
  const base = values.base ?? DEFAULT_LINK_BASE;
  if (!/^https?:\/\//i.test(base) || !URL.canParse(base)) throw new CliError(`replay link: --base: expected an http(s) address like https://example.org/sprintwise/, found "${base.slice(0, 80)}"`);
  const checked = await check('replay link', file, values.scenario, io);
  if (!checked.ok) return refuse('replay link', file, checked.verdict, io);
  const link = await replayLink(base, checked.replay);
  if (link.ok) {
    await write(io.stdout, `${link.url}\n`);
    return EXIT.ok;
  }
  if (!link.tooLarge) throw new CliError(`replay link: ${link.message}`);
  await write(io.stderr, `sim: replay link: ${file}: too large for a link: ${link.message}\n`);
  return EXIT.failure;
}

async function branchCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse('replay branch', args, { at: { type: 'string' }, out: { type: 'string' }, scenario: { type: 'string' } }, true);
  if (values.help) {
    await write(io.stdout, BRANCH_HELP);
    return EXIT.ok;
  }
  const file = oneFile('replay branch', positionals, 'replay branch <file> --at <step> --out <file>');
  if (values.at === undefined || values.at === '') throw new CliError('replay branch: --at <step> is required; see "sim replay branch --help"');
  if (!/^\d{1,9}$/.test(values.at)) throw new CliError(`replay branch: --at: expected a whole number of steps (0 or more), found "${values.at.slice(0, 40)}"`);
  if (values.out === undefined || values.out === '') throw new CliError('replay branch: --out <file> is required; see "sim replay branch --help"');
  const out = values.out;
  if (samePath(resolve(io.cwd, out), resolve(io.cwd, file))) throw new CliError('replay branch: --out names the input file; write the branch to another file');
  const at = Number(values.at);

  const checked = await check('replay branch', file, values.scenario, io);
  if (!checked.ok) return refuse('replay branch', file, checked.verdict, io);
  const total = checked.replay.actions.length;
  if (at > total) throw new CliError(`replay branch: --at: ${at} is past the end of ${file}, which has ${total} steps (0 to ${total})`);
  const prefix = prefixReplay(checked.scenario, checked.hash, checked.replay, at);
  if (!prefix.ok) throw new Error(`the verified replay did not branch: ${prefix.message}`);
  const own = verifyReplay(prefix.replay, checked.scenario, checked.hash);
  if (!own.ok) throw new Error(`the branch does not verify on its own: ${own.message}`);
  try {
    writeFileSync(resolve(io.cwd, out), serializeReplay(prefix.replay));
  } catch (e) {
    throw new CliError(`replay branch: cannot write the replay to ${out}: ${(e as Error).message}`);
  }
  await write(
    io.stdout,
    `wrote ${out}: the first ${at} of ${total} steps of ${file} (scenario ${prefix.replay.scenarioId}, seed ${prefix.replay.seed}), state hash ${prefix.replay.finalHash}; it verifies on its own: import it in the game to continue\n`,
  );
  return EXIT.ok;
}

/** The same file, following symbolic links when both exist. */
function samePath(a: string, b: string): boolean {
  if (a === b) return true;
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
}

const SUBCOMMANDS: Record<string, (args: string[], io: Io) => Promise<number>> = { verify: verifyCommand, link: linkCommand, branch: branchCommand };

async function replay(args: string[], io: Io): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === '--help' || sub === '-h') {
    await write(io.stdout, HELP);
    return EXIT.ok;
  }
  const names = Object.keys(SUBCOMMANDS).map((n) => `"${n}"`).join(', ');
  if (sub === undefined) throw new CliError(`replay: expected a subcommand (${names}): "sim replay verify <file>"; see "sim replay --help"`);
  const run = Object.hasOwn(SUBCOMMANDS, sub) ? SUBCOMMANDS[sub] : undefined;
  if (!run) throw new CliError(sub.startsWith('-') ? `replay: put the subcommand first: "sim replay verify <file> ${sub}"` : `replay: unknown subcommand "${sub.slice(0, 40)}"; expected ${names}`);
  return run(rest, io);
}

export const replayCommand: Command = {
  name: 'replay',
  summary: 'replay files: "sim replay verify|link|branch <file>"',
  help: () => HELP,
  run: replay,
};
