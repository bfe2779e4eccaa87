import { DOMAINS, GOALS, assessEvidence, rollupDomains } from '../../assessment';
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

/**
 * One row per learner and run: the class, when the learner joined, last acted and finished the
 * run, outcome figures, mastery per domain, and one column per CSPO goal any learner of the class
 * has shown evidence on (its status in that run: shown, partly or missed; empty when not seen in
 * it). Statuses rather than means: they read as the debrief does, and count with COUNTIF; the
 * means are in the JSON export.
 */
export function exportCsv(room: ClassRoom, store: Store): string {
  const open = !room.live;
  const learners = [...room.learners.values()].map((l) => {
    const actions = store.actionsOf(l.row.id);
    const runs = l.game.reports().map((report, run) => {
      const last = actions.filter((a) => a.run === run).at(-1)?.at ?? null;
      return { report, run, last, mastery: assessEvidence(report.evidence) };
    });
    return { l, runs };
  });
  const seen = new Set(learners.flatMap(({ runs }) => runs.flatMap((r) => r.mastery.goals.filter((g) => g.status !== 'notSeen').map((g) => g.goalId))));
  const goals = GOALS.filter((g) => seen.has(g.id));
  const header = [
    'class_id', 'class_title', 'learner_id', 'name', 'removed', 'joined_at', 'last_action_at', 'finished_at', 'run', 'scenario_id', 'seed', 'steps', 'done', 'phase', 'sprint',
    'value_percent', 'value_realised', 'value_available', 'sprint_goals_met', 'sprints_played', 'forecast_accuracy',
    'stakeholder_trust', 'team_health', 'tech_debt', 'released', 'goals_shown', 'goals_partly', 'goals_missed',
    ...DOMAINS.map((d) => `${d.id}_mean`),
    ...goals.map((g) => `goal_${g.id}`),
  ];
  const rows: string[] = [header.map(csvCell).join(',')];
  for (const { l, runs } of learners) {
    for (const { report, run, last, mastery } of runs) {
      const count = (s: string) => mastery.goals.filter((g) => g.status === s).length;
      const status = new Map(mastery.goals.map((g) => [g.goalId, g.status === 'notSeen' ? '' : g.status]));
      const domains = rollupDomains(mastery.goals);
      const o = report.outcomes;
      const session = l.game.sessionOf(run)!;
      rows.push(
        [
          room.row.id, room.row.title, l.row.id, l.row.name, l.row.removedAt !== null, l.row.joinedAt, last, report.done ? last : '', run, report.scenarioId, open ? report.seed : '', session.step, report.done, report.phase, session.state.sprint,
          o.valuePercent, o.valueRealised, o.valueAvailable, o.sprintGoalsMet, o.sprintsPlayed, o.forecastAccuracy,
          o.stakeholderTrust, o.teamHealth, o.techDebt, o.released, count('shown'), count('partly'), count('missed'),
          ...domains.map((d) => d.mean),
          ...goals.map((g) => status.get(g.id) ?? ''),
        ]
          .map(csvCell)
          .join(','),
      );
    }
  }
  return `${rows.join('\r\n')}\r\n`;
}
