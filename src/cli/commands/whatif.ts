import { readReplayValue, verifyAgainst } from '../../replay';
import { DEFAULT_ROLLOUTS, MAX_ROLLOUTS, whatIf, type AlternativeFigures, type Band, type Outcome } from '../../whatif/rollouts';
import { parse } from '../args';
import type { Command } from '../command';
import { CliError, EXIT } from '../errors';
import { write, type Io } from '../io';
import { readJsonFile } from '../replay-file';
import { getScenario, scenarioDir } from '../scenarios';

const HELP = `Usage: sim whatif <replay.json> [--rollouts N] [--scenario <id|file>] [--json]

"What if" for a finished run, as the game's debrief shows it: for the three decisions that cost
the run most, each other option listed at that step (up to 3, in listing order) is taken and the
principled bot plays on to the end, N times with different chance. Beside them, the run's own
choice at that step played on the same way (the fair yardstick) and the run's own end.

Each figure is the median over the rollouts with its 80% band (10th to 90th percentile): value
realised (points), Product Goal progress (share of its work released, when it has a measure) and
stakeholder trust (0-100). The rollouts are seeded from the replay's seed: the same file always
gives the same figures. The file is only read.

Options:
  --rollouts <N>        rollouts per option, 1 to ${MAX_ROLLOUTS} (default ${DEFAULT_ROLLOUTS})
  --scenario <id|file>  use this scenario instead of the one the replay names
  --json                print the figures as one JSON object instead of text
  -h, --help            show this help

Exit codes:
  0  the figures are printed
  1  the replay does not verify against its scenario
  2  bad usage, or the file is unreadable, not JSON or not a replay
`;

function figure(n: number, digits = 1): string {
  const f = 10 ** digits;
  return String(Math.round(n * f) / f);
}

function banded(b: Band | null, unit = ''): string {
  if (!b) return '-';
  return `${figure(b.median)}${unit} [${figure(b.low)}${unit}..${figure(b.high)}${unit}]`;
}

function line(label: string, a: AlternativeFigures): string {
  const failed = a.failed ? `; ${a.failed} rollouts failed: ${a.failure}` : '';
  return `     ${label}: value ${banded(a.value)}, Product Goal ${banded(a.goalPercent, '%')}, trust ${banded(a.trust)}${failed}`;
}

function own(o: Outcome): string {
  return `value ${figure(o.value)}, Product Goal ${o.goalPercent === null ? '- (no measurable goal)' : `${figure(o.goalPercent)}%`}, trust ${figure(o.trust)}`;
}

async function whatif(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse('whatif', args, { rollouts: { type: 'string' }, scenario: { type: 'string' }, json: { type: 'boolean' } }, true);
  if (values.help) {
    await write(io.stdout, HELP);
    return EXIT.ok;
  }
  const [file, ...extra] = positionals;
  if (file === undefined || file === '') throw new CliError('whatif: expected a replay file: "sim whatif <replay.json>"; see "sim whatif --help"');
  if (extra.length) throw new CliError(`whatif: unexpected argument "${extra[0]!.slice(0, 40)}"; one replay file at a time`);
  let rollouts = DEFAULT_ROLLOUTS;
  if (values.rollouts !== undefined) {
    const n = /^\d{1,9}$/.test(values.rollouts) ? Number(values.rollouts) : Number.NaN;
    if (!(n >= 1 && n <= MAX_ROLLOUTS)) throw new CliError(`whatif: --rollouts: expected a whole number from 1 to ${MAX_ROLLOUTS}, found "${values.rollouts.slice(0, 40)}"`);
    rollouts = n;
  }

  const read = readJsonFile(file, io.cwd);
  if (!read.ok) throw new CliError(`whatif: ${file}: ${read.message}`);
  const parsed = readReplayValue(read.value);
  if (!parsed.ok) throw new CliError(`whatif: ${file}: expected a replay file (docs/replays.md): ${parsed.message}`);
  const replay = parsed.replay;
  const found = await getScenario(values.scenario ?? replay.scenarioId, scenarioDir(io.env), io.cwd);
  if (!found.ok) throw new CliError(values.scenario !== undefined ? `whatif: --scenario: ${found.message}` : `whatif: ${file}: the replay is of scenario "${replay.scenarioId}", which cannot be loaded: ${found.message}`);
  const verified = verifyAgainst(replay, found.scenario, found.hash, parsed.migratedFrom);
  if (!verified.ok) {
    await write(io.stderr, `sim: whatif: ${file}: does not verify (${verified.kind}): ${verified.message}\n`);
    return EXIT.failure;
  }

  const result = whatIf(found.scenario, found.hash, verified.replay, { rollouts });
  if (values.json) {
    await write(io.stdout, `${JSON.stringify({ file, ...result })}\n`);
    return EXIT.ok;
  }
  const out: string[] = [
    `What if: ${file} (scenario ${result.scenarioId}, seed ${result.seed}, ${result.finished ? 'finished' : 'not finished'}); ${rollouts} rollouts per option, played on by the principled bot`,
    `Figures: median [80% band, 10th..90th percentile] of value realised, Product Goal progress and stakeholder trust`,
    `Your run's end: ${own(result.learner)}`,
  ];
  if (result.decisions.length === 0) out.push('', 'No decision cost this run much: there is nothing to compare.');
  result.decisions.forEach((d, i) => {
    out.push('', `${i + 1}. ${d.title}${d.step === null ? '' : ` (step ${d.step + 1})`}`);
    if (d.taken) out.push(`   You chose: ${d.taken}`);
    if (d.note) out.push(`   ${d.note}`);
    if (d.yourChoice) out.push(line('your choice, played on by the bot', d.yourChoice));
    for (const a of d.alternatives) out.push(line(`"${a.label}"`, a));
  });
  await write(io.stdout, `${out.join('\n')}\n`);
  return EXIT.ok;
}

export const whatifCommand: Command = {
  name: 'whatif',
  summary: 'what the other options at the costliest decisions of a replay would probably have led to',
  help: () => HELP,
  run: whatif,
};
