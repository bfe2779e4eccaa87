/**
 * The debrief of a branch run: the branch beside the run it was taken over from (compareRuns),
 * outcome by outcome and goal by goal, so the learner sees what the different choice changed.
 */
import type { Report } from '../../engine';
import { branchAt, compareRuns, type GoalChange, type OutcomeKey, type OutcomeRow } from '../../replay';
import type { LoadedScenario } from '../../scenario';
import { el } from '../dom/el';
import type { BranchOrigin } from '../save/format';
import { statusBadge } from '../ui/status';
import { describeReplayProblem } from './problems';

/** The figures worth setting side by side in the debrief (the yardstick and counts stay out). */
const SHOWN: readonly OutcomeKey[] = ['valuePercent', 'sprintGoalsMet', 'forecastsHit', 'forecastAccuracy', 'stakeholderTrust', 'teamHealth', 'techDebt', 'released'];

const CHANGE_WORDS: Record<GoalChange, string> = {
  improved: 'better in this branch',
  worsened: 'worse in this branch',
  unchanged: 'unchanged',
  newlySeen: 'only tested in this branch',
  noLongerSeen: 'only tested in the original',
};

function value(row: OutcomeRow, v: number | boolean | null): string {
  if (v === null) return '—';
  if (typeof v === 'boolean') return v ? 'Released' : 'Nothing released';
  if (row.key === 'valuePercent') return `${Math.round(v)}%`;
  if (row.key === 'forecastAccuracy') return `${Math.round(v * 100)}%`;
  return String(Math.round(v * 10) / 10);
}

function better(row: OutcomeRow): string {
  if (row.better === 'b') return 'This branch';
  if (row.better === 'a') return 'Original';
  if (row.better === 'same') return 'Same';
  return '—';
}

/** Re-simulating the original costs a run: once per origin, not on every repaint of the debrief. */
const reports = new WeakMap<object, Report | string>();

/** The original run's report, re-simulated (and verified) from the replay the branch keeps. */
function originalReport(scenario: LoadedScenario, origin: BranchOrigin): Report | string {
  const cached = reports.get(origin.from);
  if (cached !== undefined) return cached;
  const replayed = branchAt(scenario.scenario, scenario.hash, origin.from, origin.from.actions.length);
  const report = replayed.ok ? replayed.session.report() : describeReplayProblem(replayed.kind === 'badStep' ? { kind: 'malformed', message: replayed.message } : replayed);
  reports.set(origin.from, report);
  return report;
}

/** "This branch beside the original run", or a note saying why the original cannot be shown. */
export function comparePanel(scenario: LoadedScenario, origin: BranchOrigin, branch: Report): HTMLElement {
  const id = 'compare-title';
  const original = originalReport(scenario, origin);
  const head = el('h2', { class: 'block__title', id }, 'This branch beside the original run');
  const where = el('p', { class: 'block__hint' }, `You took over the original run after its first ${origin.step} choices and played on from there.`);
  if (typeof original === 'string') return el('section', { class: 'block compare', 'aria-labelledby': id }, head, where, el('p', { class: 'notice notice--warning' }, `The original run cannot be shown: ${original}.`));

  const c = compareRuns(original, branch);
  const rows = c.outcomes.filter((r) => SHOWN.includes(r.key));
  const table = el(
    'table',
    { class: 'compare__table' },
    el('caption', { class: 'visually-hidden' }, 'Outcomes of the original run and of this branch'),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Outcome'), el('th', { scope: 'col' }, 'Original'), el('th', { scope: 'col' }, 'This branch'), el('th', { scope: 'col' }, 'Better'))),
    el(
      'tbody',
      {},
      ...rows.map((r) =>
        el('tr', { class: r.better === 'b' ? 'is-better' : r.better === 'a' ? 'is-worse' : '' }, el('th', { scope: 'row' }, r.label), el('td', {}, value(r, r.a)), el('td', {}, value(r, r.b)), el('td', {}, better(r))),
      ),
    ),
  );
  const moved = c.goals.filter((g) => g.change !== 'unchanged');
  const counts = (['improved', 'worsened', 'newlySeen', 'noLongerSeen'] as const).filter((k) => c.counts[k] > 0).map((k) => `${c.counts[k]} ${CHANGE_WORDS[k]}`);
  return el(
    'section',
    { class: 'block compare', 'aria-labelledby': id },
    head,
    where,
    table,
    el('h3', { class: 'compare__subtitle' }, 'Learning goals'),
    el('p', { class: 'block__hint' }, counts.length ? `Of the goals either run tested: ${counts.join(', ')}; ${c.counts.unchanged} unchanged.` : `Every goal either run tested is where it was (${c.counts.unchanged}).`),
    moved.length
      ? el(
          'ul',
          { class: 'compare__goals' },
          ...moved.map((g) => el('li', {}, el('strong', {}, `${g.title}: `), statusBadge(g.a.status), el('span', { 'aria-hidden': 'true' }, ' → '), el('span', { class: 'visually-hidden' }, ' then '), statusBadge(g.b.status), ` (${CHANGE_WORDS[g.change]})`)),
        )
      : null,
  );
}
