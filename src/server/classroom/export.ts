import { DOMAINS, assessEvidence, rollupDomains } from '../../assessment';
import { ENGINE_VERSION, type ReplayLog } from '../../engine';
import type { Store } from '../store/store';
import type { ClassRoom } from './class-room';
import { classResults } from './results';
import { SEED_HIDDEN } from './summary';

export const EXPORT_FORMAT = 'sprintwise-classroom-export';
export const EXPORT_FORMAT_VERSION = 1;

/**
 * Everything a class played, for the facilitator's records. While the class runs, seeds and
 * replays are left out (a replay carries its seed); once it has ended they are included, and
 * each replay verifies with `sim replay verify`.
 */
export function exportJson(room: ClassRoom, store: Store, now: Date) {
  const open = !room.live;
  const learners = [...room.learners.values()].map((l) => ({
    id: l.row.id,
    name: l.row.name,
    joinedAt: l.row.joinedAt,
    removedAt: l.row.removedAt,
    runs: l.game.reports().map((report, run) => {
      const session = l.game.sessionOf(run)!;
      const mastery = assessEvidence(report.evidence);
      const replay: ReplayLog | null = open ? session.replayLog() : null;
      return {
        run,
        scenarioId: report.scenarioId,
        seed: open ? report.seed : SEED_HIDDEN,
        steps: session.step,
        done: report.done,
        phase: report.phase,
        outcomes: report.outcomes,
        evidence: report.evidence,
        goals: mastery.goals.filter((g) => g.status !== 'notSeen').map((g) => ({ goalId: g.goalId, status: g.status, mean: g.estimate?.mean ?? null, evidenceCount: g.evidenceCount })),
        domains: rollupDomains(mastery.goals).map((d) => ({ domainId: d.domainId, status: d.status, mean: d.mean })),
        actions: store.actionsOf(l.row.id).filter((a) => a.run === run).map((a) => ({ step: a.step, seq: a.seq, at: a.at, action: a.action })),
        replay,
        stateHash: open ? session.stateHash() : null,
      };
    }),
  }));
  const info = room.info();
  return {
    format: EXPORT_FORMAT,
    formatVersion: EXPORT_FORMAT_VERSION,
    exportedAt: now.toISOString(),
    engineVersion: ENGINE_VERSION,
    class: { ...info, seed: open && room.row.seedPolicy === 'class' ? room.row.classSeed : open ? null : SEED_HIDDEN },
    results: classResults(room.activeLearners().map((l) => assessEvidence(l.game.reports().flatMap((r) => r.evidence)))),
    injections: room.injections(),
    audit: store.auditOf(room.row.id),
    learners,
  };
}

/** Spreadsheets run cells that start with = + - @ as formulas: such text gets a leading quote. */
function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'number' ? String(Math.round(value * 1000) / 1000) : String(value);
  if (/^[=+\-@\t\r]/.test(text) && typeof value !== 'number') text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One row per learner and run: outcome figures and mastery per domain. */
export function exportCsv(room: ClassRoom): string {
  const open = !room.live;
  const header = [
    'class_id', 'learner_id', 'name', 'removed', 'run', 'scenario_id', 'seed', 'steps', 'done', 'phase', 'sprint',
    'value_percent', 'value_realised', 'value_available', 'sprint_goals_met', 'sprints_played', 'forecast_accuracy',
    'stakeholder_trust', 'team_health', 'tech_debt', 'released', 'goals_shown', 'goals_partly', 'goals_missed',
    ...DOMAINS.map((d) => `${d.id}_mean`),
  ];
  const rows: string[] = [header.join(',')];
  for (const l of room.learners.values()) {
    l.game.reports().forEach((report, run) => {
      const mastery = assessEvidence(report.evidence);
      const count = (s: string) => mastery.goals.filter((g) => g.status === s).length;
      const domains = rollupDomains(mastery.goals);
      const o = report.outcomes;
      const session = l.game.sessionOf(run)!;
      rows.push(
        [
          room.row.id, l.row.id, l.row.name, l.row.removedAt !== null, run, report.scenarioId, open ? report.seed : '', session.step, report.done, report.phase, session.state.sprint,
          o.valuePercent, o.valueRealised, o.valueAvailable, o.sprintGoalsMet, o.sprintsPlayed, o.forecastAccuracy,
          o.stakeholderTrust, o.teamHealth, o.techDebt, o.released, count('shown'), count('partly'), count('missed'),
          ...domains.map((d) => d.mean),
        ]
          .map(cell)
          .join(','),
      );
    });
  }
  return `${rows.join('\r\n')}\r\n`;
}
