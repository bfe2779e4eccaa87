import { parse } from '../args';
import type { Command } from '../command';
import { EXIT } from '../errors';
import { write, type Io } from '../io';
import { listScenarios, scenarioDir } from '../scenarios';

const HELP = `Usage: sim list [--json]

Lists the scenarios and campaigns in scenarios/ (or $SPRINTWISE_SCENARIOS). Files that
do not load are named on stderr, one line each.

Options:
  --json      print {"scenarios":[{"id","title","campaign","summary","sprints","file"}],
              "campaigns":[{"id","title","scenarios"}],"problems":[...]}
  -h, --help  show this help

Exit codes: 0 listed (even when some files have problems); 2 bad usage.
`;

async function list(args: string[], io: Io): Promise<number> {
  const { values } = parse('list', args, { json: { type: 'boolean' } });
  if (values.help) {
    await write(io.stdout, HELP);
    return EXIT.ok;
  }
  const catalogue = await listScenarios(scenarioDir(io.env), io.cwd);
  for (const p of catalogue.problems) await write(io.stderr, `sim: list: ${p}\n`);
  if (values.json) {
    await write(io.stdout, `${JSON.stringify(catalogue)}\n`);
    return EXIT.ok;
  }
  const lines: string[] = ['Scenarios:'];
  const idWidth = Math.max(0, ...catalogue.scenarios.map((s) => s.id.length), ...catalogue.campaigns.map((c) => c.id.length));
  if (!catalogue.scenarios.length) lines.push('  (none)');
  for (const s of catalogue.scenarios)
    lines.push(`  ${s.id.padEnd(idWidth)}  ${s.title} (${s.sprints} Sprints${s.campaign ? `, campaign ${s.campaign}` : ''})`);
  lines.push('', 'Campaigns:');
  if (!catalogue.campaigns.length) lines.push('  (none)');
  for (const c of catalogue.campaigns) lines.push(`  ${c.id.padEnd(idWidth)}  ${c.title}: ${c.scenarios.join(', ') || '(no scenarios)'}`);
  await write(io.stdout, `${lines.join('\n')}\n`);
  return EXIT.ok;
}

export const listCommand: Command = {
  name: 'list',
  summary: 'list scenarios and campaigns',
  help: () => HELP,
  run: list,
};
