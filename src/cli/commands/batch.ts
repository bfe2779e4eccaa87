import { performance } from 'node:perf_hooks';
import { createSession } from '../../engine';
import { playToEnd, PolicyError } from '../../bots';
import { describePolicies, parse, parsePolicy, parseScenario, parseSeedRange, required } from '../args';
import type { Command } from '../command';
import { EXIT } from '../errors';
import { formatSummary, num } from '../format';
import { write, type Io } from '../io';
import { OutcomeStats, OUTCOME_KEYS } from '../stats';

const HELP = `Usage: sim batch --scenario <id|file> --seeds <A..B> --policy <name> [--json]

Plays one run per seed from A to B (inclusive) with a built-in bot and prints, for each
numeric outcome (${OUTCOME_KEYS.join(', ')}), the number of runs that had it, mean,
sample standard deviation, minimum and maximum, then the runs per second. A progress bar
is drawn on stderr when it is a terminal.

Options:
  --scenario <id|file>  scenario id from scenarios/ (see "sim list"), or a scenario file
  --seeds <A..B>        whole-number seeds, e.g. 1..200, or one seed, e.g. 7
  --policy <name>       built-in bot, listed below
  --json                print the summary as one JSON object
  -h, --help            show this help

Exit codes: 0 every run finished; 1 the bot failed on some seeds (listed, summary of the
rest still printed); 2 bad usage, unknown scenario or policy.
`;

function help(): string {
  return `${HELP}\nPolicies:\n${describePolicies()}\n`;
}

/** Draws `[#####.....] 120/200` on a terminal, at most ten times a second. */
function progressBar(io: Io, total: number) {
  let last = -Infinity;
  return {
    tick(done: number) {
      if (!io.stderrIsTTY) return;
      const now = performance.now();
      if (now - last < 100 && done < total) return;
      last = now;
      const width = 30;
      const filled = Math.round((width * done) / total);
      io.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
    },
    clear() {
      if (io.stderrIsTTY) io.stderr.write('\r\x1b[K');
    },
  };
}

async function batch(args: string[], io: Io): Promise<number> {
  const { values } = parse('batch', args, {
    scenario: { type: 'string' },
    seeds: { type: 'string' },
    policy: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (values.help) {
    await write(io.stdout, help());
    return EXIT.ok;
  }
  const ref = required('batch', 'scenario', values.scenario, '<id|file>');
  const { from, to } = parseSeedRange('batch', required('batch', 'seeds', values.seeds, '<A..B>'));
  const policyName = required('batch', 'policy', values.policy, '<name>');
  const factory = parsePolicy('batch', policyName);
  const { scenario, hash } = await parseScenario('batch', ref, io);

  const runs = to - from + 1;
  const stats = new OutcomeStats();
  const failures: { seed: string; message: string }[] = [];
  let steps = 0;
  const bar = progressBar(io, runs);
  const started = performance.now();
  for (let n = from; n <= to; n++) {
    const seed = String(n);
    const session = createSession(scenario, seed, hash);
    try {
      playToEnd(session, factory(seed));
      stats.add(session.report().outcomes);
    } catch (e) {
      if (!(e instanceof PolicyError)) throw e;
      failures.push({ seed, message: e.message });
    }
    steps += session.step;
    bar.tick(n - from + 1);
  }
  const seconds = (performance.now() - started) / 1000;
  bar.clear();
  const runsPerSecond = runs / Math.max(seconds, 1e-9);
  const summary = stats.summary();

  if (values.json) {
    const out = {
      scenarioId: scenario.id,
      policy: policyName,
      seeds: { from, to },
      runs,
      completed: runs - failures.length,
      failures,
      outcomes: summary,
      meanSteps: steps / runs,
      seconds,
      runsPerSecond,
    };
    await write(io.stdout, `${JSON.stringify(out)}\n`);
  } else {
    const lines = [
      `${scenario.title} (${scenario.id}), policy ${policyName}, seeds ${from}..${to}: ${runs} runs, ${runs - failures.length} completed`,
      '',
      formatSummary(summary),
      '',
      `${runs} runs in ${num(seconds)} s: ${num(runsPerSecond, 1)} runs/s, ${num(steps / runs, 1)} steps per run`,
    ];
    if (failures.length) {
      lines.push('', `${failures.length} runs failed:`);
      for (const f of failures.slice(0, 10)) lines.push(`  seed ${f.seed}: ${f.message}`);
      if (failures.length > 10) lines.push(`  ... and ${failures.length - 10} more (--json lists all)`);
    }
    await write(io.stdout, `${lines.join('\n')}\n`);
  }
  if (failures.length) {
    await write(io.stderr, `sim: batch: ${failures.length} of ${runs} runs failed; the first, seed ${failures[0]!.seed}: ${failures[0]!.message}\n`);
    return EXIT.failure;
  }
  return EXIT.ok;
}

export const batchCommand: Command = {
  name: 'batch',
  summary: 'play many seeds with a built-in bot and summarise the outcomes',
  help,
  run: batch,
};
