import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { FORMATS, judgeText, MAX_LENGTH, type Context, type Format } from '../../rubric';
import { contextFromScenario } from '../../rubric/scenario';
import { parse, parseScenario } from '../args';
import type { Command } from '../command';
import { CliError, clip, EXIT } from '../errors';
import { write, type Io } from '../io';

const HELP = `Usage: sim judge-text --format <format> (--text "..." | --file <f>) [--scenario <id>] [--json]

Judges a written text with the rubric the game uses (src/rubric) and prints its score (0..1,
the share of criteria met) and one finding per criterion: what is wrong in the text's own words
and how to improve it. For authors and facilitators.

Formats:
  story        a user story: "As a …, I want …, so that …"
  criteria     acceptance criteria in Given-When-Then (Feature/Scenario lines optional)
  productGoal  a Product Goal: one outcome, with a measure and a horizon
  sprintGoal   a Sprint Goal (with --scenario, checked for a link to its Product Goal)
  split        the original story on the first line, then one slice per line

Options:
  --format <format>  one of: ${FORMATS.join(', ')}
  --text "..."       the text to judge
  --file <f>         read the text from a file instead (UTF-8)
  --scenario <id>    a scenario id (or file) for context: its Product Backlog (for "unique"),
                     its Product Goal (for a Sprint Goal) and its product terms (segments,
                     vision words) for "tied to the product"
  --json             print {"format","scenarioId","score","findings":[{"criterion","ok","message"}]}
  -h, --help         show this help

Exit codes: 0 judged (whatever the score); 2 bad usage or an unreadable file.
`;

function parseFormat(value: string | boolean | undefined): Format {
  if (typeof value !== 'string' || value === '') throw new CliError(`judge-text: --format <format> is required (one of ${FORMATS.join(', ')}); see "sim judge-text --help"`);
  const found = FORMATS.find((f) => f === value) ?? FORMATS.find((f) => f.toLowerCase() === value.toLowerCase());
  if (!found) throw new CliError(`judge-text: --format: expected one of ${FORMATS.join(', ')}, found "${clip(value, 40)}"`);
  return found;
}

async function readText(text: string | undefined, file: string | undefined, io: Io): Promise<string> {
  if (text !== undefined && file !== undefined) throw new CliError('judge-text: give the text with --text or with --file, not both');
  if (text !== undefined) return text;
  if (file === undefined || file === '') throw new CliError('judge-text: the text is required: give --text "..." or --file <path>; see "sim judge-text --help"');
  try {
    return await readFile(resolve(io.cwd, file), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'there is no such file' : code === 'EISDIR' ? 'it is a directory, not a file' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    throw new CliError(`judge-text: --file: cannot read "${clip(file, 200)}": expected a readable text file, but ${why}`);
  }
}

async function judge(args: string[], io: Io): Promise<number> {
  const { values } = parse('judge-text', args, {
    format: { type: 'string' },
    text: { type: 'string' },
    file: { type: 'string' },
    scenario: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (values.help) {
    await write(io.stdout, HELP);
    return EXIT.ok;
  }
  const format = parseFormat(values.format);
  const text = await readText(values.text, values.file, io);
  let context: Context = {};
  let scenarioId: string | null = null;
  if (values.scenario !== undefined) {
    const { scenario } = await parseScenario('judge-text', values.scenario, io);
    context = contextFromScenario(scenario);
    scenarioId = scenario.id;
  }
  const judgement = judgeText(format, text, context);
  if (values.json) {
    await write(io.stdout, `${JSON.stringify({ format, scenarioId, score: judgement.score, findings: judgement.findings })}\n`);
    return EXIT.ok;
  }
  const met = judgement.findings.filter((f) => f.ok);
  const missed = judgement.findings.filter((f) => !f.ok);
  const lines = [`Score: ${judgement.score.toFixed(2)} (${met.length} of ${judgement.findings.length} ${judgement.findings.length === 1 ? 'criterion' : 'criteria'} met)`];
  if ([...text].length > MAX_LENGTH[format]) lines.push(`Only the first ${MAX_LENGTH[format]} characters were judged: the text is longer than a ${format === 'productGoal' || format === 'sprintGoal' ? 'goal' : format === 'criteria' ? 'set of criteria' : format} may be.`);
  if (missed.length) lines.push('', 'To improve:', ...missed.map((f) => `  ${f.criterion}: ${f.message}`));
  if (met.length) lines.push('', 'Met:', ...met.map((f) => `  ${f.criterion}: ${f.message}`));
  await write(io.stdout, `${lines.join('\n')}\n`);
  return EXIT.ok;
}

export const judgeTextCommand: Command = {
  name: 'judge-text',
  summary: 'judge a written story, criteria, goal or split and print its findings',
  help: () => HELP,
  run: judge,
};
