import { errorMessage, observationMessage } from '../../protocol';
import type { Logger } from '../log';
import type { ClassRow, InjectionRow } from '../store/rows';
import type { Store } from '../store/store';
import { MAX_SEQ_JUMP } from '../ws/messages';
import { injectionSeq, nextDeliverable } from './injections';
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
  /** The class's injected event cards, oldest first. */
  injections(): readonly InjectionRow[];
  /** Tells the learner (through `send`) and the dashboard that an injection reached the learner's game. */
  injectionApplied(e: LearnerEntry, injection: InjectionRow, send: Reply): void;
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
  if (write) hold(ctx, e, write);
}

/**
 * Runs `work` (a write) as the learner's one writer. When it is done, an injection that became
 * deliverable meanwhile goes first (unless `work` was a delivery that failed to be stored: it is
 * tried again after the learner's next action), then the next waiting action.
 */
function hold(ctx: ActionContext, e: LearnerEntry, work: Promise<boolean>): void {
  e.writing = true;
  void work.then(
    (mayDeliver) => release(ctx, e, mayDeliver),
    () => release(ctx, e, false),
  );
}

function release(ctx: ActionContext, e: LearnerEntry, mayDeliver: boolean): void {
  e.writing = false;
  for (const f of e.afterWrite.splice(0)) f();
  if (mayDeliver && deliverInjections(ctx, e)) return;
  const next = e.backlog.shift();
  if (next) takeAction(ctx, e, next.seq, next.input, next.reply);
}

/**
 * Applies a pending injection to a learner's game if one can be applied now (the game is in
 * sprint.execution.working) and nothing of theirs is being written; the observation follows
 * once it is stored. Answers whether a delivery was started.
 */
export function deliverInjections(ctx: ActionContext, e: LearnerEntry): boolean {
  if (e.writing) return false; // picked up when the write in progress is done
  const send: Reply = (m) => e.link?.send(m);
  const work = deliverNext(ctx, e, send);
  if (!work) return false;
  hold(
    ctx,
    e,
    work.then((applied) => {
      if (applied) send(observationMessage(e.game.observe()));
      return applied;
    }),
  );
  return true;
}

/**
 * Applies the next deliverable injection and writes it to the learner's action log (seq =
 * -injection id) before anyone hears of it. Resolves true once stored; false (game undone) when
 * it could not be. Null when there is nothing to apply.
 */
function deliverNext(ctx: ActionContext, e: LearnerEntry, send: Reply): Promise<boolean> | null {
  if (ctx.row().status !== 'live') return null;
  const injection = nextDeliverable(ctx.injections(), e);
  if (!injection) return null;
  let result;
  try {
    result = e.game.inject(injection.cardId);
  } catch (err) {
    ctx.log.log('error', 'engineFailure', { classId: ctx.row().id, learnerId: e.row.id, injection: injection.id, error: String(err) });
    return null;
  }
  // Refused (say, a question is open): it stays pending and is tried after the learner's next action.
  if (!result.ok) return null;
  const at = ctx.now();
  const step = e.game.steps - 1;
  e.delivering = injection.id;
  return ctx.store.writeAction(e.row.id, { step, seq: injectionSeq(injection.id), run: result.played.run, action: result.played.action, at }).then(
    () => {
      e.delivering = null;
      e.injected.set(injection.id, at);
      ctx.log.log('info', 'injectionApplied', { classId: ctx.row().id, learnerId: e.row.id, injection: injection.id, cardId: injection.cardId, step });
      ctx.injectionApplied(e, injection, send);
      return true;
    },
    (err: unknown) => {
      e.delivering = null;
      e.game.undoLast();
      ctx.log.log('error', 'storageFailure', { classId: ctx.row().id, learnerId: e.row.id, injection: injection.id, error: String(err) });
      return false;
    },
  );
}

/**
 * Checks and simulates an action; returns the pending write when it was accepted. It resolves
 * once the action is acknowledged and, when it brought the learner into Sprint execution with an
 * injection pending, that injection is applied and stored too: only then comes the observation.
 */
function apply(ctx: ActionContext, e: LearnerEntry, seq: number, input: unknown, reply: Reply): Promise<boolean> | null {
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
  if (seq - e.lastSeq > MAX_SEQ_JUMP) return refuse('seqTooFar', `sequence number ${seq} is too far above the last accepted one (${e.lastSeq}): number new actions from ${e.lastSeq + 1}`);
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
      rememberWaiting(ctx, e, waiting ? row.released : null);
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
      if (e.waiting) rememberWaiting(ctx, e, null);
      e.waiting = false;
      // The coach's material goes with the ack only when the class has the coach on (assessment mode otherwise).
      // Consequences are what happened, not verdicts: they are shown whether the coach is on or off.
      reply({ type: 'ack', seq, step, ...(ctx.row().coach && accepted.evidence?.length ? { evidence: accepted.evidence } : {}), ...(accepted.effects?.length ? { effects: accepted.effects } : {}) });
      if (accepted.runFinished) {
        const d = learnerDebrief(e.game, runBefore, true);
        if (d) reply({ type: 'finished', run: runBefore, scenarioId: e.game.runs[runBefore]!.scenario.id, report: d.report, debrief: d.debrief });
      }
      const done = (delivered: boolean) => {
        reply(observationMessage(e.game.observe()));
        ctx.changed(e.row.id, accepted.runFinished || e.game.session.state.evidence.length !== evidenceBefore);
        return delivered;
      };
      const delivery = deliverNext(ctx, e, reply);
      return delivery ? delivery.then(done) : done(true);
    },
    (err: unknown) => {
      e.game.undoLast();
      ctx.log.log('error', 'storageFailure', { classId: row.id, learnerId: e.row.id, seq, error: String(err) });
      reply({ ...errorMessage('storage', 'the server could not save this action; nothing changed, send it again'), seq });
      return true;
    },
  );
}

/** Keeps "waiting for release" across a restart; a failure to store it only costs the dashboard hint. */
function rememberWaiting(ctx: ActionContext, e: LearnerEntry, released: number | null): void {
  try {
    ctx.store.setWaiting(e.row.id, released);
  } catch (err) {
    ctx.log.log('error', 'storageFailure', { classId: ctx.row().id, learnerId: e.row.id, what: 'waiting', error: String(err) });
  }
}
