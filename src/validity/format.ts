import type { Interval } from './stats';
import { OUTCOMES, type ScenarioValidity, type ValidityResult } from './run';

/** Formatting of the validity result for people: one table per scenario, then verdicts and findings. */

const num = (x: number | null, digits = 2) => (x === null ? 'n/a' : x.toFixed(digits).replace(/^-(0\.0*)$/, '$1'));

export function formatInterval(i: Interval, digits = 2): string {
  if (i.n === 0) return 'not judged';
  return `${num(i.mean, digits)} [${num(i.lo, digits)},${num(i.hi, digits)}]`;
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

function clip(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}\u2026`;
}

function grid(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((cell, c) => pad(cell, widths[c]!)).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

function formatScenario(s: ScenarioValidity, reference: string, baseline: string): string[] {
  const lines: string[] = [];
  lines.push(`Scenario ${s.scenarioId}: ${s.title}`);
  lines.push(`${s.runsPerPolicy} seeds per bot. Cells: mean domain score per run [95% interval of the mean]; * = domain the scenario targets.`);
  lines.push('');
  lines.push(
    ...grid(
      ['domain', ...s.policies],
      s.domains.map((d) => [`${d.domainId}${d.targeted ? '*' : ' '} ${clip(d.title, 34)}`, ...s.policies.map((p) => formatInterval(s.table[p]![d.domainId]!))]),
    ),
  );
  lines.push('');
  lines.push(`Verdicts: ${reference} above every other bot, intervals apart`);
  for (const v of s.verdicts) {
    lines.push(`  ${v.pass ? 'PASS' : 'FAIL'}  ${v.domainId} ${v.title}`);
    for (const c of v.comparisons) if (!c.pass) lines.push(`        vs ${c.against}: ${c.reason}`);
  }
  if (s.verdicts.length === 0) lines.push('  FAIL  the scenario targets no domain, so nothing can be judged');
  lines.push('');
  if (s.goalWeaknesses.length === 0) {
    lines.push(`Goals: the evidence on every judged goal separates ${reference} from ${baseline}.`);
  } else {
    lines.push(`Goals whose evidence does not separate ${reference} from ${baseline}:`);
    for (const g of s.goalWeaknesses) lines.push(`  ${g.goalId}${g.targeted ? '*' : ' '} ${clip(g.title, 60)}: ${g.reason}`);
  }
  const shadowed = s.goals.filter((g) => g.notAbove.length > 0);
  if (shadowed.length) {
    lines.push('');
    lines.push(`Goals where ${reference} does not clear another scripted bot (for reading; not a verdict):`);
    for (const g of shadowed)
      lines.push(`  ${g.goalId}${g.targeted ? '*' : ' '} ${clip(g.title, 50)}: ${[reference, ...g.notAbove].map((p) => `${p} ${formatInterval(g.byPolicy[p]!)}`).join(', ')}`);
  }
  lines.push('');
  lines.push('Outcomes (mean per run [95% interval])');
  lines.push(...grid(['outcome', ...s.policies], OUTCOMES.map((o) => [`${o.label} (${o.better} is better)`, ...s.policies.map((p) => formatInterval(s.outcomes[p]![o.key], 1))])));
  if (s.outcomeWarnings.length) {
    lines.push('');
    lines.push('Warnings:');
    for (const w of s.outcomeWarnings) lines.push(`  ${w}`);
  }
  if (s.failures.length) {
    lines.push('');
    lines.push(`Runs that failed (${s.failures.length}):`);
    for (const f of s.failures.slice(0, 10)) lines.push(`  ${f.policy} seed ${f.seed}: ${f.message}`);
    if (s.failures.length > 10) lines.push(`  ... and ${s.failures.length - 10} more`);
  }
  const passed = s.verdicts.filter((v) => v.pass).length;
  lines.push('');
  lines.push(`${s.pass ? 'PASS' : 'FAIL'}: ${passed}/${s.verdicts.length} targeted domains separate${s.failures.length ? `; ${s.failures.length} runs failed` : ''}`);
  return lines;
}

/** The whole result as text, ending in a newline. */
export function formatValidity(result: ValidityResult): string {
  const blocks = result.scenarios.map((s) => formatScenario(s, result.reference, result.baseline).join('\n'));
  if (blocks.length === 0) blocks.push('No scenario was checked.');
  blocks.push(`Validity over ${result.seeds} seeds: ${result.pass ? 'PASS' : 'FAIL'}`);
  return `${blocks.join('\n\n')}\n`;
}
