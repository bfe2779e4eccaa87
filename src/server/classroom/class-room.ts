import type { Action } from '../../engine';
import { observationMessage, resultMessage } from '../../protocol';
import type { Logger } from '../log';
import { distinctName } from '../security/names';
import { hashSecret, newId, newSecret, newSeed } from '../security/secrets';
import type { ClassRow, InjectionRow, LearnerRow } from '../store/rows';
import { storageRefusal } from '../store/storage-failure';
import type { Store } from '../store/store';
import { CLOSE, type LearnerClassInfo, type LearnerServerMessage } from '../ws/messages';
import type { ContentScenario } from './content';
import { DashboardFeed, type FeedTiming } from './dashboard-feed';
import { appliedInjections, deliveryOf, injectionInfo } from './injections';
import { deliverInjections, takeAction, type ActionContext } from './learner-actions';
import { LearnerGame, runSeed } from './learner-game';
import { MasteryCache, classResults, type ClassResults } from './results';
import { stagesOf, type Stage } from './stages';
import { summarise, type LearnerSummary } from './summary';
import type { ClassInfo, Dashboard, FacilitatorLink, FacilitatorServerMessage, InjectionInfo, LearnerEntry, LearnerLink, OpResult, Reply } from './types';
import { classInfo, injectedNotice, learnerClassInfo } from './views';

export type { ClassInfo, Dashboard, FacilitatorLink, FacilitatorServerMessage, InjectionInfo, LearnerEntry, LearnerLink, OpResult, Reply } from './types';

export const MAX_LEARNERS = 200;

/**
 * A live class in memory: its learners' games, pacing, and who is connected. Every change is
 * written to the store first; memory is a cache that a restart rebuilds from the store.
 */
export class ClassRoom {
  readonly stages: Stage[];
  readonly learners = new Map<string, LearnerEntry>();
  private readonly watchers = new Set<FacilitatorLink>();
  private readonly mastery = new MasteryCache();
  private readonly feed: DashboardFeed;
  private readonly actions: ActionContext;
  /** Injected event cards, oldest first (the store's rows; per-learner status is derived). */
  private readonly injectionRows: InjectionRow[];
  /** The last injection summaries the dashboards were sent, to send only changes. */
  private readonly injectionsSent = new Map<number, string>();

  constructor(
    public row: ClassRow,
    readonly scenarios: readonly ContentScenario[],
    private readonly store: Store,
    private readonly log: Logger,
    private readonly clock: () => Date,
    feedTiming?: FeedTiming,
  ) {
    this.stages = stagesOf(scenarios.map((s) => s.scenario));
    this.feed = new DashboardFeed(
      {
        hasWatchers: () => this.watchers.size > 0,
        summaries: (ids) => {
          this.publishInjectionChanges();
          return ids.flatMap((id) => (this.learners.has(id) ? [this.summary(this.learners.get(id)!)] : []));
        },
        refreshResults: (budgetMs) => this.refreshResults(budgetMs),
        publish: (m) => this.toFacilitators(m),
      },
      feedTiming,
    );
    this.injectionRows = store.injectionsOf(row.id);
    this.actions = {
      row: () => this.row,
      store,
      log,
      now: () => this.now(),
      changed: (id, evidence) => this.feed.learnerChanged(id, evidence),
      injections: () => this.injectionRows,
      injectionApplied: (e, inj, send) => {
        send(injectedNotice({ id: inj.id, cardId: inj.cardId, title: this.injectionInfo(inj).title }, { status: 'applied' }));
        this.feed.learnerChanged(e.row.id, true);
      },
    };
    for (const l of store.learnersOf(row.id)) this.restoreLearner(l);
    for (const i of this.injections()) this.injectionsSent.set(i.id, JSON.stringify(i));
    // An injection recorded just before a restart may not have reached a learner in execution yet.
    if (this.live) for (const l of this.learners.values()) deliverInjections(this.actions, l);
  }

  private restoreLearner(row: LearnerRow): LearnerEntry {
    const { actions: stored, damaged } = this.store.readActions(row.id);
    const restored = LearnerGame.restore(
      this.runsFor(row.seed),
      this.stages,
      stored.map((a) => ({ run: a.run, action: a.action as Action })),
    );
    const { game } = restored;
    let problem = restored.problem;
    if (damaged) {
      // One damaged row stops this learner only: their game stays at the last readable step.
      problem = `damaged: the stored action at step ${damaged.step} of ${row.name} in class "${this.row.title}" cannot be read (${damaged.message})`;
      this.log.log('error', 'learnerDamaged', { classId: this.row.id, learnerId: row.id, name: row.name, step: damaged.step, error: damaged.message });
    } else if (problem) this.log.log('error', 'restoreDiverged', { classId: this.row.id, learnerId: row.id, problem });
    const entry: LearnerEntry = {
      row,
      game,
      seqs: new Map(stored.map((a) => [a.seq, a.step])),
      lastSeq: stored.reduce((m, a) => Math.max(m, a.seq), 0),
      lastActionAt: stored.at(-1)?.at ?? null,
      // Still waiting after a restart unless a release came since.
      waiting: this.row.pacing === 'lockstep' && row.waitingRelease === this.row.released,
      problem,
      link: null,
      writing: false,
      backlog: [],
      injected: appliedInjections(stored),
      delivering: null,
      afterWrite: [],
    };
    this.learners.set(row.id, entry);
    return entry;
  }

  private runsFor(seed: string) {
    return this.scenarios.map((s, i) => ({ scenario: s.scenario, hash: s.hash, seed: runSeed(seed, i) }));
  }

  private now(): string {
    return this.clock().toISOString();
  }

  get live(): boolean {
    return this.row.status === 'live';
  }

  // ── what each side sees ────────────────────────────────────────────────────────────────

  info(): ClassInfo {
    return classInfo(this.row, this.stages, this.scenarios, this.activeLearners().length);
  }

  learnerInfo(): LearnerClassInfo {
    return learnerClassInfo(this.row, this.stages);
  }

  summary(e: LearnerEntry): LearnerSummary {
    return summarise(e.row, e.game, this.stages, { connected: e.link !== null, lastActionAt: e.lastActionAt, waiting: e.waiting, problem: e.problem });
  }

  activeLearners(): LearnerEntry[] {
    return [...this.learners.values()].filter((l) => l.row.removedAt === null);
  }

  private evidenceOf(l: LearnerEntry) {
    return l.game.reports().flatMap((r) => r.evidence);
  }

  results(): ClassResults {
    return classResults(this.activeLearners().map((l) => this.mastery.of(l.row.id, this.evidenceOf(l))));
  }

  /** Updates stale learners' mastery within about `budgetMs`; the results once none is stale. */
  private refreshResults(budgetMs: number): ClassResults | null {
    const start = performance.now();
    for (const l of this.activeLearners()) {
      const evidence = this.evidenceOf(l);
      if (!this.mastery.stale(l.row.id, evidence.length)) continue;
      if (performance.now() - start > budgetMs) return null;
      this.mastery.of(l.row.id, evidence);
    }
    return this.results();
  }

  private injectionInfo(i: InjectionRow): InjectionInfo {
    return injectionInfo(i, this.scenarios, [...this.learners.values()]);
  }

  injections(): InjectionInfo[] {
    return this.injectionRows.map((i) => this.injectionInfo(i));
  }

  /** Sends the dashboards each injection whose counts or per-learner statuses changed. */
  private publishInjectionChanges(): void {
    if (this.watchers.size === 0) return;
    for (const info of this.injections()) {
      const text = JSON.stringify(info);
      if (this.injectionsSent.get(info.id) === text) continue;
      this.injectionsSent.set(info.id, text);
      this.toFacilitators({ type: 'injected', injection: info });
    }
  }

  dashboard(): Dashboard {
    return { class: this.info(), learners: [...this.learners.values()].map((l) => this.summary(l)), results: this.results(), injections: this.injections() };
  }

  // ── learners ───────────────────────────────────────────────────────────────────────────

  join(name: string): OpResult<{ learner: LearnerEntry; token: string }> {
    if (!this.live) return { ok: false, status: 409, code: 'ended', message: 'this class has ended' };
    if (this.row.locked) return { ok: false, status: 409, code: 'locked', message: 'the facilitator has closed this class to new learners' };
    if (this.activeLearners().length >= MAX_LEARNERS) return { ok: false, status: 409, code: 'full', message: `this class is full (${MAX_LEARNERS} learners)` };
    const token = newSecret();
    const row: LearnerRow = {
      id: newId('l'),
      classId: this.row.id,
      tokenHash: hashSecret(token),
      name: distinctName(name, [...this.learners.values()].map((l) => l.row.name)),
      seed: this.row.seedPolicy === 'class' ? this.row.classSeed : newSeed(),
      joinedAt: this.now(),
      removedAt: null,
    };
    this.store.insertLearner(row);
    const learner = this.restoreLearner(row);
    this.feed.learnerChanged(row.id, false);
    return { ok: true, value: { learner, token } };
  }

  /** A learner's socket says hello: it replaces any older socket (another tab, a dead connection). */
  attach(e: LearnerEntry, link: LearnerLink): void {
    const old = e.link;
    e.link = link;
    if (old && old !== link) old.close(CLOSE.replaced, 'replaced by a newer connection');
    link.send({ type: 'welcome', learnerId: e.row.id, name: e.row.name, lastSeq: e.lastSeq, steps: e.game.steps, class: this.learnerInfo() });
    for (const i of this.injectionRows) link.send(injectedNotice({ id: i.id, cardId: i.cardId, title: this.injectionInfo(i).title }, deliveryOf(i, e)));
    this.sendPosition(e, link);
    this.feed.learnerChanged(e.row.id, false);
  }

  detach(e: LearnerEntry, link: LearnerLink): void {
    if (e.link !== link) return;
    e.link = null;
    this.feed.learnerChanged(e.row.id, false);
  }

  /** The current observation, plus every result once the class has ended. */
  sendPosition(e: LearnerEntry, link: LearnerLink): void {
    // The game in memory may be ahead of the disk while a write is on its way: wait for it.
    if (e.writing) {
      e.afterWrite.push(() => this.sendPosition(e, link));
      return;
    }
    link.send(observationMessage(e.game.observe()));
    if (!this.live) this.sendResults(e, link);
  }

  private sendResults(e: LearnerEntry, link: LearnerLink): void {
    for (let run = 0; run <= e.game.run; run++) {
      const s = e.game.sessionOf(run);
      if (s) link.send({ ...resultMessage(s), run });
    }
  }

  /** One action from a learner (see learner-actions.ts): stored before it is acknowledged. */
  act(e: LearnerEntry, seq: number, input: unknown, reply: Reply): void {
    takeAction(this.actions, e, seq, input, reply);
  }

  // ── facilitator operations ─────────────────────────────────────────────────────────────

  watch(link: FacilitatorLink): void {
    this.watchers.add(link);
    link.send({ type: 'dashboard', dashboard: this.dashboard() });
  }

  unwatch(link: FacilitatorLink): void {
    this.watchers.delete(link);
  }

  /** Ends the dashboards opened with a key that was just replaced (a recovery, a new read-only link). */
  dropWatchers(keyHash: string, message: string): void {
    for (const w of [...this.watchers]) {
      if (w.keyHash !== keyHash) continue;
      this.watchers.delete(w);
      w.send({ type: 'error', code: 'keyReplaced', message });
      w.close(CLOSE.forbidden, 'keyReplaced');
    }
  }

  private toFacilitators(m: FacilitatorServerMessage): void {
    for (const w of this.watchers) w.send(m);
  }

  private toLearners(m: LearnerServerMessage): void {
    for (const l of this.learners.values()) if (l.row.removedAt === null) l.link?.send(m);
  }

  /**
   * A facilitator's change: the row change and its audit row are written in one transaction, and
   * only once it committed does memory change and does anyone hear of it. A storage failure
   * changes nothing and answers `503 storage`.
   */
  private commit(op: string, detail: unknown, write: (at: string) => void, apply: (at: string) => void): OpResult {
    const at = this.now();
    try {
      this.store.transaction(() => {
        write(at);
        this.store.audit(this.row.id, op, detail, at);
      });
    } catch (err) {
      this.log.log('error', 'storageFailure', { classId: this.row.id, op, error: String(err) });
      return storageRefusal(err);
    }
    apply(at);
    this.log.log('info', 'facilitatorOp', { classId: this.row.id, op });
    const info = this.info();
    this.toFacilitators({ type: 'class', class: info });
    this.toLearners({ type: 'class', class: this.learnerInfo() });
    return { ok: true, value: info };
  }

  private requireLive(): { ok: false; status: number; code: string; message: string } | null {
    return this.live ? null : { ok: false, status: 409, code: 'ended', message: 'this class has ended: an ended class is final and cannot change' };
  }

  private setFlag(flag: 'paused' | 'locked' | 'coach', value: boolean, op: string): OpResult {
    const refused = this.requireLive();
    if (refused) return refused;
    const write = { paused: () => this.store.setPaused(this.row.id, value), locked: () => this.store.setLocked(this.row.id, value), coach: () => this.store.setCoach(this.row.id, value) }[flag];
    return this.commit(op, {}, write, () => (this.row = { ...this.row, [flag]: value }));
  }

  setPaused(paused: boolean): OpResult {
    return this.setFlag('paused', paused, paused ? 'pause' : 'resume');
  }

  setLocked(locked: boolean): OpResult {
    return this.setFlag('locked', locked, locked ? 'lock' : 'unlock');
  }

  /** Coach on: learners get their judgements with each acknowledged action; off: assessment mode. */
  setCoach(coach: boolean): OpResult {
    return this.setFlag('coach', coach, coach ? 'coachOn' : 'coachOff');
  }

  releaseNext(): OpResult {
    const refused = this.requireLive();
    if (refused) return refused;
    if (this.row.pacing !== 'lockstep') return { ok: false, status: 409, code: 'notLockstep', message: 'this class has free pacing: there is nothing to release' };
    if (this.row.released >= this.stages.length - 1) return { ok: false, status: 409, code: 'allReleased', message: 'every stage is already released' };
    const released = this.row.released + 1;
    const result = this.commit(
      'release',
      { index: released, label: this.stages[released]!.label },
      () => this.store.setReleased(this.row.id, released),
      () => {
        this.row = { ...this.row, released };
        for (const l of this.learners.values()) l.waiting = false;
      },
    );
    if (result.ok) for (const id of this.learners.keys()) this.feed.learnerChanged(id, false);
    return result;
  }

  /**
   * Lock-step: withdraws the last released stage (released by mistake), only while no learner
   * still in the class has entered it; an action on its way into it is refused when it is taken.
   */
  unreleaseLast(): OpResult {
    const refused = this.requireLive();
    if (refused) return refused;
    if (this.row.pacing !== 'lockstep') return { ok: false, status: 409, code: 'notLockstep', message: 'this class has free pacing: there is nothing to withdraw' };
    const index = this.row.released;
    const stage = this.stages[index]!;
    if (index === 0) return { ok: false, status: 409, code: 'nothingReleased', message: `no stage has been released yet: "${stage.label}" is always open` };
    const entered = this.activeLearners().filter((l) => l.game.stage() >= index);
    if (entered.length > 0) {
      const names = entered.slice(0, 3).map((l) => l.row.name);
      const who = entered.length > 3 ? `${names.join(', ')} and ${entered.length - 3} more` : names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names[0];
      return { ok: false, status: 409, code: 'stageEntered', message: `"${stage.label}" cannot be withdrawn: ${who} ${entered.length === 1 ? 'has' : 'have'} already entered it` };
    }
    const released = index - 1;
    const result = this.commit(
      'unrelease',
      { index, label: stage.label },
      () => this.store.setReleased(this.row.id, released),
      () => (this.row = { ...this.row, released }),
    );
    if (result.ok) for (const id of this.learners.keys()) this.feed.learnerChanged(id, false);
    return result;
  }

  /**
   * Injects an event card from the class's deck into every learner's game. Learners in
   * sprint.execution.working get it applied now; the others when they next enter it (unless it
   * already fired in their game, or no Sprint execution is left: skipped). Each application is
   * stored in the learner's action log before they hear of it (see learner-actions.ts).
   * `settled` resolves once the deliveries started now are stored (or failed): the answer then
   * says what happened, as the dashboard will.
   */
  inject(cardId: string, scenarioId: string | undefined): OpResult<{ info: InjectionInfo; settled: Promise<InjectionInfo> }> {
    const refused = this.requireLive();
    if (refused) return refused;
    const candidates = this.scenarios.filter((s) => scenarioId === undefined || s.scenario.id === scenarioId);
    const owner = candidates.find((s) => s.scenario.events.some((e) => e.id === cardId));
    if (!owner) {
      const known = candidates.flatMap((s) => s.scenario.events.map((e) => e.id));
      return { ok: false, status: 400, code: 'unknownCard', message: `no event card "${cardId.slice(0, 80)}" in this class's deck (cards: ${known.join(', ') || 'none'})` };
    }
    const at = this.now();
    let id: number;
    try {
      id = this.store.transaction(() => {
        const inserted = this.store.insertInjection(this.row.id, cardId, owner.scenario.id, 'injected', at);
        this.store.audit(this.row.id, 'inject', { injection: inserted, cardId, scenarioId: owner.scenario.id }, at);
        return inserted;
      });
    } catch (err) {
      this.log.log('error', 'storageFailure', { classId: this.row.id, op: 'inject', error: String(err) });
      return storageRefusal(err);
    }
    const row: InjectionRow = { id, classId: this.row.id, cardId, scenarioId: owner.scenario.id, status: 'injected', at };
    this.injectionRows.push(row);
    this.log.log('info', 'facilitatorOp', { classId: this.row.id, op: 'inject', cardId });
    const title = this.injectionInfo(row).title;
    const writes: Promise<void>[] = [];
    for (const l of this.learners.values()) {
      if (l.row.removedAt !== null) continue;
      // Learners in execution: the "applied" notice and the observation follow once it is stored.
      if (deliverInjections(this.actions, l)) {
        writes.push(new Promise((resolve) => l.afterWrite.push(resolve)));
        continue;
      }
      l.link?.send(injectedNotice({ id, cardId, title }, deliveryOf(row, l)));
    }
    const info = this.injectionInfo(row);
    this.injectionsSent.set(id, JSON.stringify(info));
    this.toFacilitators({ type: 'injected', injection: info });
    const settled = Promise.all(writes).then(() => {
      this.publishInjectionChanges();
      return this.injectionInfo(row);
    });
    return { ok: true, value: { info, settled } };
  }

  /** Removes a learner for good; refused once the class has ended (its results are final). */
  remove(learnerId: string): OpResult {
    const refused = this.requireLive();
    if (refused) return refused;
    const e = this.learners.get(learnerId);
    if (!e) return { ok: false, status: 404, code: 'unknownLearner', message: 'no learner with this id in this class' };
    if (e.row.removedAt !== null) return { ok: true, value: this.info() };
    return this.commit(
      'remove',
      { learnerId },
      (at) => this.store.removeLearner(learnerId, at),
      (at) => {
        e.row = { ...e.row, removedAt: at };
        e.link?.send({ type: 'removed', message: 'the facilitator removed you from this class' });
        e.link?.close(CLOSE.removed, 'removed');
        e.link = null;
        this.mastery.forget(learnerId);
        this.feed.learnerChanged(learnerId, true);
      },
    );
  }

  /** Ends the class for good: no more joins or actions; seeds and replays open to everyone. */
  end(): OpResult {
    if (!this.live) return { ok: true, value: this.info() };
    const result = this.commit(
      'end',
      {},
      (at) => this.store.endClass(this.row.id, at),
      (at) => (this.row = { ...this.row, status: 'ended', endedAt: at }),
    );
    if (result.ok) for (const l of this.learners.values()) if (l.row.removedAt === null && l.link) this.sendResults(l, l.link);
    return result;
  }

  stopFeed(): void {
    this.feed.stop();
  }

  close(): void {
    this.feed.stop();
    for (const l of this.learners.values()) l.link?.close(CLOSE.shuttingDown, 'server shutting down');
    for (const w of this.watchers) w.close(CLOSE.shuttingDown, 'server shutting down');
  }
}
