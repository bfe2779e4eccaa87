import { performance } from 'node:perf_hooks';
import { POLICIES, type PolicyFactory } from '../../bots';
import { DEFAULT_COVERAGE_SEEDS, MIN_DECISION_POINTS, runCoverage, WORLD_MINIMUM, worldMinimum, type CoverageResult } from '../../content/coverage';
import type { Scenario } from '../../engine';
import { loadScenarioDir } from '../../scenario/fs';
import { formatProblem } from '../../scenario';
import { parse, parsePolicy, parseScenario } from '../args';
import type { Command } from '../command';
import { CliError, EXIT } from '../errors';
import { num } from '../format';
import { write, type Io } from '../io';
import { scenarioDir } from '../scenarios';

const HELP = `Usage: sim coverage [--seeds N] [--policy <name>]... [--scenario <id|file>]... [--min N]
                    [--world-min N] [--by-scenario] [--json]

Plays every scenario in scenarios/ (or $SPRINTWISE_SCENARIOS) with every built-in bot over
seeds 1..N and prints, for each of the 65 learning goals in catalogue order, how many judged
decision points the scenarios give it: world decisions (choices judged in the simulated world),
knowledge checks (questions) and both together.

Counting rule: a decision point is a distinct decisionId among a run's evidence for the goal.
Per scenario a goal counts the most decision points any single run gave it (every bot, every
seed); a goal's total is the sum of those counts over the scenarios. The rule is applied to
world decisions, to knowledge checks (decision ids starting "question-") and to both together,
each on its own. More seeds or bots can only raise a count.

Every goal needs at least ${WORLD_MINIMUM.describe} world decision, and every apply and analyze goal at least
${WORLD_MINIMUM.apply}: a question alone does not show that a learner acts on what they know.

Options:
  --seeds N              seeds 1..N per bot and scenario (default ${DEFAULT_COVERAGE_SEEDS})
  --policy <name>        play with this bot only (repeatable); default every bot
  --scenario <id|file>   count only this scenario (repeatable); default every scenario
  --min N                fewest decision points (world and questions together) a goal
                         needs (default ${MIN_DECISION_POINTS})
  --world-min N          fewest world decisions a describe goal needs; apply and analyze
                         goals need twice as many (default ${WORLD_MINIMUM.describe}; 0 checks none, for a
                         single scenario)
  --by-scenario          add one column per scenario to the table (world decisions+knowledge
                         checks)
  --json                 print the result as one JSON object
  -h, --help             show this help

Exit codes: 0 every goal has at least --min decision points and its world decisions, and every
run finished; 1 some goal has fewer, or a bot failed; 2 bad usage, or a scenario file that does
not load.
`;

function wholeNumber(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (!/^\d{1,7}$/.test(value) || Number(value) < min || Number(value) > max)
    throw new CliError(`coverage: --${name}: expected a whole number from ${min} to ${max}, found "${value.slice(0, 40)}"`);
  return Number(value);
}

async function scenariosFor(refs: readonly string[], io: Io): Promise<{ scenario: Scenario; hash: string }[]> {
  if (refs.length) {
    const out: { scenario: Scenario; hash: string }[] = [];
    for (const ref of refs) out.push(await parseScenario('coverage', ref, io));
    return out;
  }
  const all = await loadScenarioDir(scenarioDir(io.env));
  if (all.problems.length)
    throw new CliError(`coverage: some scenario files do not load; fix them first (see "sim validate"):\n${all.problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`);
  if (all.scenarios.length === 0) throw new CliError('coverage: no scenarios found');
  // Campaign by campaign, each in playing order, then any scenario outside a campaign.
  const rank = new Map<string, number>();
  for (const c of all.campaigns) for (const id of c.campaign.scenarios) if (!rank.has(id)) rank.set(id, rank.size);
  const ordered = [...all.scenarios].sort((a, b) => (rank.get(a.scenario.id) ?? Infinity) - (rank.get(b.scenario.id) ?? Infinity));
  return ordered.map((s) => ({ scenario: s.scenario, hash: s.hash }));
}

export function formatCoverage(result: CoverageResult, minimum: number, byScenario: boolean, worldMin: number = WORLD_MINIMUM.describe): string {
  const ids = result.scenarioIds;
  const short = ids.map((_, i) => `s${i + 1}`);
  const header = ['goal', 'world', 'checks', 'points', 'scenarios', ...(byScenario ? short : []), 'title'];
  const rows = result.goals.map((g) => {
    const from = ids.filter((id) => (g.byScenario[id] ?? 0) > 0).length;
    const lacking = g.points < minimum || g.worldDecisions < g.worldMinimum;
    return [
      `${g.goalId}${lacking ? ' !' : ''}`,
      `${g.worldDecisions}/${g.worldMinimum}`,
      String(g.knowledgeChecks),
      String(g.points),
      `${from}/${ids.length}`,
      ...(byScenario ? ids.map((id) => `${g.worldByScenario[id] ?? 0}+${g.checksByScenario[id] ?? 0}`) : []),
      g.title,
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const last = header.length - 1;
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 || i === last ? c.padEnd(i === last ? 0 : widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  const below = result.goals.filter((g) => g.points < minimum);
  const out = [line(header), ...rows.map(line), ''];
  if (byScenario) out.push(...ids.map((id, i) => `${short[i]} = ${id}`), '');
  out.push(
    `${result.goals.length} goals: min ${result.min}, max ${result.max} decision points; ` +
      (below.length ? `${below.length} below ${minimum} (marked !): ${below.map((g) => g.goalId).join(', ')}` : `every goal has at least ${minimum}`),
    `World decisions (world column: found/needed): ` +
      (result.worldBelow.length
        ? `${result.worldBelow.length} goals have too few (marked !): ${result.worldBelow.join(', ')}`
        : `every goal has its minimum (${worldMinimum('describe', worldMin)} for describe goals, ${worldMinimum('apply', worldMin)} for apply and analyze goals)`),
  );
  return out.join('\n');
}

async function coverage(args: string[], io: Io): Promise<number> {
  const { values } = parse('coverage', args, {
    seeds: { type: 'string' },
    policy: { type: 'string', multiple: true },
    scenario: { type: 'string', multiple: true },
    min: { type: 'string' },
    'world-min': { type: 'string' },
    'by-scenario': { type: 'boolean' },
    json: { type: 'boolean' },
  });
  if (values.help) {
    await write(io.stdout, HELP);
    return EXIT.ok;
  }
  const seeds = wholeNumber('seeds', values.seeds, DEFAULT_COVERAGE_SEEDS, 1, 100_000);
  const minimum = wholeNumber('min', values.min, MIN_DECISION_POINTS, 0, 1_000_000);
  const worldMin = wholeNumber('world-min', values['world-min'], WORLD_MINIMUM.describe, 0, 1_000_000);
  const names = values.policy?.length ? [...new Set(values.policy)] : Object.keys(POLICIES);
  const policies: Record<string, PolicyFactory> = Object.fromEntries(names.map((n) => [n, parsePolicy('coverage', n)]));
  const scenarios = await scenariosFor(values.scenario ?? [], io);

  const started = performance.now();
  let shown = -Infinity;
  const result = runCoverage({
    scenarios,
    seeds,
    policies,
    worldMin,
    onRun(done, total) {
      if (!io.stderrIsTTY) return;
      const now = performance.now();
      if (now - shown < 100 && done < total) return;
      shown = now;
      io.stderr.write(`\r${done}/${total} runs`);
    },
  });
  if (io.stderrIsTTY) io.stderr.write('\r\x1b[K');
  const seconds = (performance.now() - started) / 1000;
  const below = result.goals.filter((g) => g.points < minimum);

  if (values.json) {
    await write(io.stdout, `${JSON.stringify({ ...result, minimum, below: below.map((g) => g.goalId), seconds })}\n`);
  } else {
    const lines = [
      formatCoverage(result, minimum, values['by-scenario'] === true, worldMin),
      `${result.runs} runs (${result.scenarioIds.length} scenarios x ${result.policies.length} bots x ${result.seeds.length} seeds) in ${num(seconds)} s`,
    ];
    if (result.failures.length) {
      lines.push(`${result.failures.length} runs failed:`);
      for (const f of result.failures.slice(0, 10)) lines.push(`  ${f.scenarioId}, ${f.policy}, seed ${f.seed}: ${f.message}`);
    }
    await write(io.stdout, `${lines.join('\n')}\n`);
  }
  if (result.failures.length) {
    await write(io.stderr, `sim: coverage: ${result.failures.length} runs failed\n`);
    return EXIT.failure;
  }
  if (below.length)
    await write(io.stderr, `sim: coverage: ${below.length} goals have fewer than ${minimum} decision points: ${below.map((g) => g.goalId).join(', ')}\n`);
  if (result.worldBelow.length)
    await write(io.stderr, `sim: coverage: ${result.worldBelow.length} goals have too few world decisions: ${result.worldBelow.join(', ')}\n`);
  return below.length || result.worldBelow.length ? EXIT.failure : EXIT.ok;
}

export const coverageCommand: Command = {
  name: 'coverage',
  summary: 'play every scenario with every bot and count decision points per learning goal',
  help: () => HELP,
  run: coverage,
};
