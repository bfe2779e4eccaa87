import { isAbsolute, relative } from 'node:path';
import { expandTargets, validateFiles } from '../../content/validate-files';
import { formatProblem } from '../../scenario';
import { parse } from '../args';
import type { Command } from '../command';
import { EXIT } from '../errors';
import { write, type Io } from '../io';
import { scenarioDir } from '../scenarios';

const HELP = `Usage: sim validate [<file|dir>...]

Checks scenario and campaign files with the loader the game, the CLI and the server use. Each
file is checked in the context of the other data files in its directory, so a campaign that
names a missing scenario, or a scenario whose campaign does not list it, is caught. A directory
stands for its *.yaml, *.yml and *.json files (not schema.json). With no arguments, every file
in scenarios/ (or $SPRINTWISE_SCENARIOS) is checked.

Output: when every file is valid, one line saying how many files were checked. Otherwise one
line per problem on stdout,

  file:line:column path: expected ..., found ...

(the path inside the data, such as backlog[3].truth.effort, is left out when the problem is
about the file as a whole), and a count on stderr.

Options:
  -h, --help  show this help

Exit codes: 0 every file is valid; 1 some file has a problem (including a file that cannot
be read); 2 bad usage.
`;

function shortPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

async function validate(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse('validate', args, {}, true);
  if (values.help) {
    await write(io.stdout, HELP);
    return EXIT.ok;
  }
  const targets = await expandTargets(positionals.length ? positionals : [scenarioDir(io.env)], io.cwd);
  if (targets.length === 0) {
    await write(io.stderr, `sim: validate: no scenario or campaign files in ${positionals.join(', ') || shortPath(scenarioDir(io.env), io.cwd)}\n`);
    return EXIT.failure;
  }
  const verdicts = await validateFiles(targets);
  const bad = verdicts.filter((v) => v.problems.length > 0);
  if (bad.length === 0) {
    const scenarios = verdicts.filter((v) => v.kind === 'scenario').length;
    const campaigns = verdicts.filter((v) => v.kind === 'campaign').length;
    await write(io.stdout, `${plural(verdicts.length, 'file')} valid: ${plural(scenarios, 'scenario')}, ${plural(campaigns, 'campaign')}\n`);
    return EXIT.ok;
  }
  const lines = bad.flatMap((v) => v.problems.map((p) => formatProblem({ ...p, file: shortPath(p.file, io.cwd) })));
  await write(io.stdout, `${lines.join('\n')}\n`);
  await write(io.stderr, `sim: validate: ${plural(lines.length, 'problem')} in ${bad.length} of ${plural(verdicts.length, 'file')}\n`);
  return EXIT.failure;
}

export const validateCommand: Command = {
  name: 'validate',
  summary: 'check scenario and campaign files; one line per problem',
  help: () => HELP,
  run: validate,
};
