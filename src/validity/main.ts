import { parseArgs } from 'node:util';
import { formatProblem } from '../scenario/load';
import { findScenario, loadScenarioDir, loadScenarioFile } from '../scenario/fs';
import { VALIDITY_EXIT, validityExitCode } from './exit';
import { formatValidity } from './format';
import { runValidity, type ValidityScenario } from './run';

export const VALIDITY_HELP = `Usage: sim validity [--seeds N] [--scenario <id|file>]... [--json]

Plays every scenario with the scripted bots (principled, hippo, yes, random) over seeds 1..N and
prints, per scenario, a table of bots x domains: the mean domain score per run (the weighted mean
evidence score over the domain's goals) with a 95% interval of the mean. A targeted domain passes
when the principled bot scores above each other bot with intervals that do not overlap. Goals
whose evidence does not separate principled from random, and outcomes where the principled bot
does not come out ahead, are listed as findings.

Options:
  --seeds N              seeds per bot and scenario (default 200)
  --scenario <id|file>   check only this scenario (repeatable); default every scenario in scenarios/
  --json                 print the result as one JSON object
  -h, --help             show this help

Exit codes: 0 every targeted domain separates; 1 a domain does not separate or a bot failed;
2 bad usage or a scenario that cannot be loaded.
`;

export const DEFAULT_SEEDS = 200;
const MAX_SEEDS = 100_000;

type Parsed = { ok: true; seeds: number; scenarios: string[]; json: boolean; help: boolean } | { ok: false; message: string };

/** Parses the options of `sim validity`. Pure: no I/O. */
export function parseValidityArgs(argv: readonly string[]): Parsed {
  let values: { seeds?: string | undefined; scenario?: string[] | undefined; json?: boolean | undefined; help?: boolean | undefined };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        seeds: { type: 'string' },
        scenario: { type: 'string', multiple: true },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
  let seeds = DEFAULT_SEEDS;
  if (values.seeds !== undefined) {
    if (!/^\d+$/.test(values.seeds) || Number(values.seeds) < 1 || Number(values.seeds) > MAX_SEEDS)
      return { ok: false, message: `--seeds: expected a whole number from 1 to ${MAX_SEEDS}, found "${values.seeds}"` };
    seeds = Number(values.seeds);
  }
  return { ok: true, seeds, scenarios: values.scenario ?? [], json: values.json === true, help: values.help === true };
}

const looksLikePath = (ref: string) => /[\\/]/.test(ref) || /\.(ya?ml|json)$/i.test(ref);

async function loadScenarios(refs: readonly string[]): Promise<{ ok: true; scenarios: ValidityScenario[] } | { ok: false; message: string }> {
  if (refs.length === 0) {
    const all = await loadScenarioDir();
    if (all.problems.length) return { ok: false, message: all.problems.map(formatProblem).join('\n') };
    if (all.scenarios.length === 0) return { ok: false, message: 'no scenario found in scenarios/' };
    return { ok: true, scenarios: all.scenarios.map((s) => ({ scenario: s.scenario, hash: s.hash })) };
  }
  const scenarios: ValidityScenario[] = [];
  for (const ref of refs) {
    const found = looksLikePath(ref) ? await loadScenarioFile(ref) : await findScenario(ref);
    if (!found.ok) return { ok: false, message: found.problems.map(formatProblem).join('\n') };
    scenarios.push({ scenario: found.scenario, hash: found.hash });
  }
  return { ok: true, scenarios };
}

/**
 * `sim validity`: parses `argv` (the arguments after the command name), runs the check and writes
 * the report through `out` (chunks of text, each ending in a newline). Returns the exit code.
 */
export async function validityMain(argv: string[], out: (s: string) => void): Promise<number> {
  const args = parseValidityArgs(argv);
  if (!args.ok) {
    out(`sim validity: ${args.message}\n\n${VALIDITY_HELP}`);
    return VALIDITY_EXIT.usage;
  }
  if (args.help) {
    out(VALIDITY_HELP);
    return VALIDITY_EXIT.pass;
  }
  const loaded = await loadScenarios(args.scenarios);
  if (!loaded.ok) {
    out(`sim validity: ${loaded.message}\n`);
    return VALIDITY_EXIT.usage;
  }
  const result = runValidity({ scenarios: loaded.scenarios, seeds: args.seeds });
  out(args.json ? `${JSON.stringify(result)}\n` : formatValidity(result));
  return validityExitCode(result);
}
