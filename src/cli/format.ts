import type { Report } from '../engine';
import { OUTCOME_KEYS, type OutcomeKey, type Summary } from './stats';

/** Up to two decimals, without trailing zeros: 61.5, 20, 0.67. */
export function num(v: number | null | undefined, digits = 2): string {
  if (v === null || v === undefined) return '-';
  return String(Number(v.toFixed(digits)));
}

function pct(part: number, whole: number): string {
  return whole > 0 ? ` (${num((100 * part) / whole, 1)}%)` : '';
}

/** The readable result of one run, for `play`. */
export function formatReport(r: Report): string {
  const o = r.outcomes;
  const rows: [string, string][] = [
    ['value realised', `${num(o.valueRealised)} of ${num(o.valueAvailable)} available (${num(o.valuePercent)}%)`],
    ['Sprint Goals met', `${o.sprintGoalsMet} of ${o.sprintsPlayed} Sprints`],
    ['forecasts', o.forecastsJudged ? `${o.forecastsHit} of ${o.forecastsJudged} came true${pct(o.forecastsHit, o.forecastsJudged)}` : 'none judged'],
    ['stakeholder trust', num(o.stakeholderTrust)],
    ['team health', num(o.teamHealth)],
    ['technical debt', num(o.techDebt)],
    ['velocity', o.velocityHistory.length ? o.velocityHistory.map((v) => num(v)).join(', ') : '-'],
    ['released', o.released === null ? 'not decided' : o.released ? 'yes' : 'held'],
    ['judged decisions', String(r.evidence.length)],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`).join('\n');
}

/** The outcome table of `batch`. */
export function formatSummary(summary: Record<OutcomeKey, Summary>): string {
  const header = ['outcome', 'n', 'mean', 'sd', 'min', 'max'];
  const rows = OUTCOME_KEYS.map((k) => {
    const s = summary[k];
    return [k, String(s.n), num(s.mean), num(s.sd), num(s.min), num(s.max)];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}
