import { DOMAINS, assessEvidence, rollupDomains } from '../../assessment';
import { csvCell } from './csv-cell';
import { ENGINE_VERSION, type ReplayLog } from '../../engine';
import type { Store } from '../store/store';
import type { ClassRoom } from './class-room';
import { classResults } from './results';
import { jsonWithArray, SLICE_MS, Slicer } from './sliced';
import { SEED_HIDDEN } from './summary';

export const EXPORT_FORMAT = 'sprintwise-classroom-export';
export const EXPORT_FORMAT_VERSION = 1;

/**
 * Everything a class played, for the facilitator's records. While the class runs, seeds and
 * replays are left out (a replay carries its seed); once it has ended they are included, and
 * each replay verifies with `sim replay verify`.
 */
export async function* exportJson(room: ClassRoom, store: Store, now: Date, sliceMs = SLICE_MS): AsyncGenerator<string> {
  const open = !room.live;
  // Each learner is built and written in its turn (see sliced.ts): the export of a large class
  // never holds up learners' acks, and is streamed rather than held whole in memory.
  const learners = [...room.learners.values()].map((l) => () => ({
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
  const slicer = new Slicer(sliceMs);
  const results = classResults(
    await (async () => {
      const out = [];
      for (const l of room.activeLearners()) {
        await slicer.turn();
        out.push(assessEvidence(l.game.reports().flatMap((r) => r.evidence)));
      }
      return out;
    })(),
  );
  const head = {
    format: EXPORT_FORMAT,
    formatVersion: EXPORT_FORMAT_VERSION,
    exportedAt: now.toISOString(),
    engineVersion: ENGINE_VERSION,
    class: { ...info, seed: open && room.row.seedPolicy === 'class' ? room.row.classSeed : open ? null : SEED_HIDDEN },
    results,
    injections: room.injections(),
    audit: store.auditOf(room.row.id),
  };
  yield* jsonWithArray(head, 'learners', learners, sliceMs);
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
          .map(csvCell)
          .join(','),
      );
    });
  }
  return `${rows.join('\r\n')}\r\n`;
}
