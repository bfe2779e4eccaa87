import { ActionSchema, createSession, takeListed, type Action, type DispatchError, type Effect, type Evidence, type Report, type Scenario, type Session, type Step } from '../../engine';
import { stageIndex, type Stage } from './stages';

export interface RunSpec {
  scenario: Scenario;
  hash: string;
  seed: string;
}

/** One accepted action, as stored: which run it belongs to and the full action object. */
export interface PlayedAction {
  run: number;
  action: Action;
}

export type GameError = DispatchError | { code: 'waitForRelease'; message: string };

export type GameResult =
  /** `evidence`: the judgements the action made (none for an injection). */
  | { ok: true; played: PlayedAction; phaseBefore: string; phase: string; runFinished: boolean; done: boolean; evidence?: Evidence[]; effects?: Effect[] }
  | { ok: false; error: GameError };

/** The seed of run `run` of a campaign: the learner's seed for the first, suffixed for the next. */
export function runSeed(base: string, run: number): string {
  return run === 0 ? base : `${base}-${run + 1}`;
}

/**
 * One learner's game on the server: the runs of the class's scenarios, played one after another
 * with the engine. The engine's state only moves forward, so an action that lock-step pacing must
 * refuse after the fact is undone by re-simulating the run from its stored actions.
 */
export class LearnerGame {
  private readonly sessions: Session[] = [];
  private readonly played: PlayedAction[] = [];
  /** Refusals already paid for: the same action at the same step under the same release is refused without re-simulating. */
  private readonly refused = new Set<string>();

  constructor(
    readonly runs: readonly RunSpec[],
    private readonly stages: readonly Stage[],
  ) {
    if (runs.length === 0) throw new Error('a game needs at least one scenario');
    this.sessions.push(this.newSession(0));
  }

  /** Rebuilds a game from its stored actions; a refusal means the engine or the data changed. */
  static restore(runs: readonly RunSpec[], stages: readonly Stage[], actions: readonly PlayedAction[]): { game: LearnerGame; problem: string | null } {
    const game = new LearnerGame(runs, stages);
    for (let i = 0; i < actions.length; i++) {
      const a = actions[i]!;
      if (a.run !== game.run) return { game, problem: `stored action ${i + 1} belongs to run ${a.run + 1}, but the game is in run ${game.run + 1}` };
      const r = a.action.type === 'injectEvent' ? game.inject(a.action.cardId) : game.dispatch(a.action, null);
      if (!r.ok) return { game, problem: `stored action ${i + 1} (${a.action.type}) was refused on re-simulation: ${r.error.message}` };
    }
    return { game, problem: null };
  }

  private newSession(run: number): Session {
    const spec = this.runs[run]!;
    return createSession(spec.scenario, spec.seed, spec.hash);
  }

  /** Index of the run being played (the last one once everything is done). */
  get run(): number {
    return this.sessions.length - 1;
  }

  get session(): Session {
    return this.sessions[this.run]!;
  }

  get done(): boolean {
    return this.session.done && this.run === this.runs.length - 1;
  }

  get steps(): number {
    return this.played.length;
  }

  get actions(): readonly PlayedAction[] {
    return this.played;
  }

  observe(): Step {
    return this.session.observe();
  }

  /** The lock-step stage the learner is in. */
  stage(): number {
    const s = this.session.state;
    return stageIndex(this.stages, this.run, s.phase, s.sprint);
  }

  sessionOf(run: number): Session | undefined {
    return this.sessions[run];
  }

  reports(): Report[] {
    return this.sessions.map((s) => s.report());
  }

  /**
   * Applies an action (`{id}` of a listed action or a full action object). With `limit` (the
   * released stage under lock-step), an action that would leave it is refused and undone.
   */
  dispatch(input: unknown, limit: number | null): GameResult {
    const run = this.run;
    const session = this.session;
    if (session.done) return { ok: false, error: { code: 'finished', message: 'every scenario of this class is finished: no more actions are accepted' } };
    const action = resolveAction(session, input);
    if (limit !== null && this.stage() > limit)
      return { ok: false, error: { code: 'waitForRelease', message: 'the facilitator has not released this part of the game yet: wait for it' } };
    const key = limit === null ? '' : `${limit}|${run}|${session.step}|${JSON.stringify(action ?? input)}`;
    if (key && this.refused.has(key)) return waitForRelease();

    const result = session.dispatch(action ?? input);
    if (!result.ok) return result;
    const resolved = action ?? (ActionSchema.parse(input) as Action);

    if (limit !== null && this.stage() > limit) {
      this.sessions[run] = this.replayRun(run);
      if (this.refused.size > 200) this.refused.clear();
      this.refused.add(key);
      return waitForRelease();
    }
    const played = { run, action: resolved };
    this.played.push(played);
    const runFinished = session.done;
    if (runFinished && run + 1 < this.runs.length) this.sessions.push(this.newSession(run + 1));
    return { ok: true, played, phaseBefore: result.changes.phaseBefore, phase: result.changes.phase, runFinished, done: this.done, evidence: result.changes.evidence, effects: result.changes.effects };
  }

  /**
   * Applies a facilitator's event card now (`Session.injectEvent`): only in
   * sprint.execution.working, for a card of the current run's deck that has not fired yet. It
   * is kept in the played actions like any other, so it is stored, replayed and exported.
   */
  inject(cardId: string): GameResult {
    const run = this.run;
    const session = this.session;
    if (session.done) return { ok: false, error: { code: 'finished', message: 'every scenario of this class is finished' } };
    const result = session.injectEvent(cardId);
    if (!result.ok) return result;
    const played: PlayedAction = { run, action: { type: 'injectEvent', cardId } as Action };
    this.played.push(played);
    return { ok: true, played, phaseBefore: result.changes.phaseBefore, phase: result.changes.phase, runFinished: false, done: this.done };
  }

  /** Takes back the last accepted action: used when it could not be written to disk. */
  undoLast(): void {
    const last = this.played.pop();
    if (!last) return;
    while (this.sessions.length - 1 > last.run) this.sessions.pop();
    this.sessions[last.run] = this.replayRun(last.run);
  }

  private replayRun(run: number): Session {
    const s = this.newSession(run);
    // applyRecorded: the run's facilitator injections are re-applied too.
    for (const p of this.played) if (p.run === run) s.applyRecorded(p.action);
    return s;
  }
}

/** `{id}` → the listed full action, so the stored log holds actions, not listing positions. */
function resolveAction(session: Session, input: unknown): Action | null {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return null;
  if ('type' in input) {
    const parsed = ActionSchema.safeParse(input);
    return parsed.success ? parsed.data : null;
  }
  const { id, text } = input as { id?: unknown; text?: unknown };
  if (typeof id !== 'string' || Object.keys(input).length !== (text === undefined ? 1 : 2) || (text !== undefined && typeof text !== 'string')) return null;
  const found = session.legalActions().find((a) => a.id === id);
  return found ? takeListed(found, text as string | undefined) : null;
}

function waitForRelease(): GameResult {
  return { ok: false, error: { code: 'waitForRelease', message: 'this would move past the part of the game the facilitator has released: wait for the next release' } };
}
