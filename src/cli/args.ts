import { parseArgs, type ParseArgsConfig } from 'node:util';
import { POLICIES, type PolicyFactory } from '../bots';
import type { Scenario } from '../engine';
import { CliError } from './errors';
import type { Io } from './io';
import { getScenario, scenarioDir } from './scenarios';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * `node:util` parseArgs in strict mode, with its errors turned into usage errors that name the
 * command. Every command gets `--help` / `-h` for free.
 */
export function parse<O extends Options>(command: string, args: string[], options: O, positionals = false) {
  try {
    return parseArgs({
      args,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: positionals,
    });
  } catch (e) {
    // Node's messages run on with advice about `--`; the first sentence is the useful part.
    const first = (e as Error).message.split(/\.\s/)[0]!.replace(/\.$/, '');
    throw new CliError(`${command}: ${first}; see "sim ${command} --help"`);
  }
}

/** The value of a required string option, or a usage error naming it. */
export function required(command: string, name: string, value: string | boolean | undefined, what: string): string {
  if (typeof value !== 'string' || value === '') throw new CliError(`${command}: --${name} ${what} is required; see "sim ${command} --help"`);
  return value;
}

const SEED = /^[A-Za-z0-9._-]{1,200}$/;

/** Seeds are strings to the engine; `7` and `007` are different seeds. */
export function parseSeed(command: string, value: string): string {
  if (!SEED.test(value)) throw new CliError(`${command}: --seed: expected 1-200 letters, digits, ".", "_" or "-" (usually a whole number like 42), found "${value.slice(0, 40)}"`);
  return value;
}

/** A bot by name from POLICIES: the list grows without the CLI changing. */
export function parsePolicy(command: string, name: string): PolicyFactory {
  const factory = Object.hasOwn(POLICIES, name) ? POLICIES[name] : undefined;
  if (!factory) throw new CliError(`${command}: --policy: no policy "${name}" (known: ${Object.keys(POLICIES).join(', ')})`);
  return factory;
}

/** `  name  description` for every built-in bot, for help texts. */
export function describePolicies(): string {
  return Object.entries(POLICIES)
    .map(([name, make]) => `  ${name.padEnd(12)}  ${make('0').description}`)
    .join('\n');
}

/** `A..B` (inclusive) or a single `A`, whole numbers from 0. */
export function parseSeedRange(command: string, value: string, maxRuns = 1_000_000): { from: number; to: number } {
  const m = /^(\d{1,15})(?:\.\.(\d{1,15}))?$/.exec(value);
  if (!m) throw new CliError(`${command}: --seeds: expected a range like 1..200 (or one seed like 7), found "${value.slice(0, 40)}"`);
  const from = Number(m[1]);
  const to = m[2] === undefined ? from : Number(m[2]);
  if (to < from) throw new CliError(`${command}: --seeds: the range ${from}..${to} is empty: the first seed must not be above the last`);
  if (to - from + 1 > maxRuns) throw new CliError(`${command}: --seeds: ${to - from + 1} runs is more than the ${maxRuns} allowed in one batch`);
  return { from, to };
}

/** A scenario by id (or file path), or a usage error that lists the known ids. */
export async function parseScenario(command: string, ref: string, io: Io): Promise<{ scenario: Scenario; hash: string }> {
  const found = await getScenario(ref, scenarioDir(io.env), io.cwd);
  if (!found.ok) throw new CliError(`${command}: --scenario: ${found.message}`);
  return { scenario: found.scenario, hash: found.hash };
}
