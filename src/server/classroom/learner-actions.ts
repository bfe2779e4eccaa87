import { errorMessage, observationMessage } from '../../cli/protocol';
import type { Logger } from '../log';
import type { ClassRow } from '../store/rows';
import type { Store } from '../store/store';
import { learnerDebrief } from './summary';
import type { LearnerEntry, Reply } from './types';

/** Actions a learner may have waiting behind one being written. */
const MAX_BACKLOG = 32;

/** What taking an action needs from its class. */
export interface ActionContext {
  row(): ClassRow;
  store: Store;
  log: Logger;
  now(): string;
  /** Tells the dashboard the learner changed (and whether new evidence came in). */
  changed(learnerId: string, evidenceChanged: boolean): void;
}

/**
 * One action from a learner: validated, re-simulated, written to disk, and only then
 * acknowledged through `reply`. A learner's actions are taken one at a time: while one is being
 * written, the next waits, so each is judged on a state that is already safe on disk, and a
 * failed write can be undone without touching anything built on it.
 */
export function takeAction(ctx: ActionContext, e: LearnerEntry, seq: number, input: unknown, reply: Reply): void {
  if (e.writing) {
    if (e.backlog.length >= MAX_BACKLOG) return reply({ ...errorMessage('busy', 'too many actions waiting: wait for the answers'), seq });
    e.backlog.push({ seq, input, reply });
    return;
  }
  const write = apply(ctx, e, seq, input, reply);
  if (!write) return;
  e.writing = true;
  void write.finally(() => {
    e.writing = false;
    const next = e.backlog.shift();
    if (next) takeAction(ctx, e, next.seq, next.input, next.reply);
  });
}

/** Checks and simulates an action; returns the pending write when it was accepted. */
function apply(ctx: ActionContext, e: LearnerEntry, seq: number, input: unknown, reply: Reply): Promise<void> | null {
  const refuse = (code: string, message: string) => {
    reply({ ...errorMessage(code, message), seq });
    return null;
  };
  const row = ctx.row();
  if (e.row.removedAt !== null) return refuse('removed', 'the facilitator removed you from this class');
  if (seq <= e.lastSeq) {
    const step = e.seqs.get(seq);
    if (step === undefined) return refuse('staleSeq', `sequence number ${seq} is not above the last accepted one (${e.lastSeq}): number new actions from ${e.lastSeq + 1}`);
    reply({ type: 'ack', seq, step, duplicate: true });
    return null;
  }
  if (row.status !== 'live') return refuse('ended', 'the class has ended: no more actions are accepted');
  if (row.paused) return refuse('paused', 'the facilitator has paused the class: wait until it resumes');
  if (e.problem) return refuse('internal', 'your game could not be restored on the server; tell the facilitator');

  const evidenceBefore = e.game.session.state.evidence.length;
  const runBefore = e.game.run;
  let result;
  try {
    result = e.game.dispatch(input, row.pacing === 'lockstep' ? row.released : null);
  } catch (err) {
    // An engine bug must not end the class: the engine leaves the state as it was.
    ctx.log.log('error', 'engineFailure', { classId: row.id, learnerId: e.row.id, seq, error: String(err) });
    return refuse('internal', 'the server failed on this action; nothing changed');
  }
  if (!result.ok) {
    const waiting = result.error.code === 'waitForRelease';
    if (waiting !== e.waiting) {
      e.waiting = waiting;
      ctx.changed(e.row.id, false);
    }
    return refuse(result.error.code, result.error.message);
  }
  const accepted = result;
  const at = ctx.now();
  const step = e.game.steps - 1;
  return ctx.store.writeAction(e.row.id, { step, seq, run: accepted.played.run, action: accepted.played.action, at }).then(
    () => {
      e.seqs.set(seq, step);
      e.lastSeq = seq;
      e.lastActionAt = at;
      e.waiting = false;
      reply({ type: 'ack', seq, step });
      if (accepted.runFinished) {
        const d = learnerDebrief(e.game, runBefore, true);
        if (d) reply({ type: 'finished', run: runBefore, scenarioId: e.game.runs[runBefore]!.scenario.id, report: d.report, debrief: d.debrief });
      }
      reply(observationMessage(e.game.observe()));
      ctx.changed(e.row.id, accepted.runFinished || e.game.session.state.evidence.length !== evidenceBefore);
    },
    (err: unknown) => {
      e.game.undoLast();
      ctx.log.log('error', 'storageFailure', { classId: row.id, learnerId: e.row.id, seq, error: String(err) });
      reply({ ...errorMessage('storage', 'the server could not save this action; nothing changed, send it again'), seq });
    },
  );
}
