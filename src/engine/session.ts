import { enableArrayMethods, freeze, produce, setAutoFreeze, type Immutable } from 'immer';
import { z } from 'zod';
import { INITIAL_PHASE, isFinalPhase, legalActionTypes, nextPhase } from './lifecycle/phase';
import type { SystemEventType } from './lifecycle/machine';
import { ActionSchema, formOf, SYSTEM_ACTIONS, type Action, type ActionType, type BatchPart } from './model/actions';
import { initialState } from './model/initial';
import type { Scenario } from './model/scenario';
import type { Evidence, GameState } from './model/state';
import { hashValue } from './hash';
import { ListingCache, listActions, observation, takeListed, type ListedAction, type Observation } from './observe';
import { buildReport, type Report } from './report';
import { initialStreams, Rng } from './rng';
import { RULES } from './rules';
import { openNextQuestion, pendingQuestionCard } from './rules/questions';
import { maxRunDays, needsThePO } from './rules/run';
import type { Rule, RuleError } from './rules/context';
import { collectEffects, type Effect } from './rules/effects';
import { ENGINE_VERSION } from './version';
import { REPLAY_FORMAT, REPLAY_FORMAT_VERSION, type Checkpoint, type ReplayLog } from './replay-format';

enableArrayMethods();
// Freezing every new state costs about a third of a dispatch. States are still never mutated:
// the `state` getter is typed Immutable and tests check that nothing a shell reads can be changed.
setAutoFreeze(false);

export type DispatchError = {
  code: 'malformed' | 'unknownActionId' | 'illegalNow' | 'invalidParams' | 'unknownId' | 'notAllowedNow' | 'finished';
  message: string;
};

export type DispatchResult =
  | {
      ok: true;
      /**
       * What changed: the phase before and after, lines for the player, judgements made, and the
       * visible consequences (trust, morale, debt, value, Product Goal progress) with their causes.
       */
      changes: { phaseBefore: string; phase: string; messages: string[]; evidence: Evidence[]; effects: Effect[] };
      done: boolean;
    }
  | { ok: false; error: DispatchError };

export interface Step {
  phase: string;
  observation: Observation;
  actions: ListedAction[];
  done: boolean;
}

const ById = z.strictObject({ id: z.string().min(1).max(200), text: z.string().max(8000).optional() });

/** Formats zod issues as "path: message" for people (and agents) sending actions. */
export function describeIssues(error: z.ZodError, root = '(action)', input?: unknown): string {
  return error.issues
    .map((i) => {
      const where = i.path.length ? i.path.join('.') : root;
      // zod lists every action type here; name the one that was sent instead.
      if (i.code === 'invalid_union' && 'discriminator' in i && i.discriminator === 'type') {
        const sent = input && typeof input === 'object' ? (input as { type?: unknown }).type : undefined;
        return `${where}: unknown action type ${sent === undefined ? '(missing)' : JSON.stringify(sent).slice(0, 80)}; send one of the listed actions`;
      }
      return `${where}: ${i.message}`;
    })
    .join('; ');
}

/**
 * One playthrough of one scenario with one seed. The only door to the simulation: every
 * shell (game, CLI, server, bots, tests) creates a session and talks to it with plain data.
 */
export class Session {
  private current: GameState;
  private readonly actions: Action[] = [];
  /**
   * States at Sprint boundaries and at the end. Immer states are immutable and share
   * structure, so keeping them is cheap; they are hashed only when a replay is exported.
   */
  private readonly checkpointStates: { step: number; state: GameState; hash?: string }[] = [];
  private listingCache: ListedAction[] | null = null;
  private readonly blocks = new ListingCache();

  constructor(
    readonly scenario: Scenario,
    readonly scenarioHash: string,
    seed: string | number,
  ) {
    this.current = produce(initialState(scenario, String(seed), INITIAL_PHASE), (draft) => {
      openNextQuestion(draft, INITIAL_PHASE, scenario.questions ?? []);
    });
  }

  get seed(): string {
    return this.current.seed;
  }

  /**
   * A "what if" copy of this session from where it stands, its random streams re-seeded from
   * `reseed`: the same past, a different chance future. For rollouts in the debrief; it records
   * only the actions taken after the fork, so its replay log is not a replay of a run.
   */
  fork(reseed: string): Session {
    const copy = new Session(this.scenario, this.scenarioHash, this.current.seed);
    copy.current = produce(this.current, (draft) => {
      draft.rng = initialStreams(`${this.current.seed}/fork/${reseed}`);
    });
    return copy;
  }

  /** The full state, hidden truth included: for tests, hashing and saves, never for players. */
  get state(): Immutable<GameState> {
    // Frozen on the way out: a shell's write throws instead of changing the run. States share
    // unchanged parts, and freezing stops at parts already frozen, so this costs what changed.
    return freeze(this.current, true);
  }

  get done(): boolean {
    return isFinalPhase(this.current.phase);
  }

  get step(): number {
    return this.actions.length;
  }

  /** What the player sees now. The observation is built on first read: bots often need only the actions. */
  observe(): Step {
    const { current, scenario } = this;
    let built: Observation | undefined;
    return {
      phase: current.phase,
      get observation() {
        return (built ??= observation(current, scenario));
      },
      actions: this.legalActions(),
      done: this.done,
    };
  }

  legalActions(): ListedAction[] {
    if (!this.listingCache) this.listingCache = listActions(this.current, this.scenario, legalActionTypes(this.current.phase), this.blocks);
    return this.listingCache;
  }

  /** Takes `{ id }` of a listed action or a full action object. An error changes nothing. */
  dispatch(input: unknown): DispatchResult {
    if (this.done) return fail('finished', 'the scenario is over: no more actions are accepted');
    let action: Action;
    if (input === null || typeof input !== 'object' || Array.isArray(input))
      return fail('malformed', `expected an action object such as {"id": "..."} or {"type": "...", ...}, found ${input === null ? 'null' : Array.isArray(input) ? 'an array' : `a ${typeof input}`}`);
    if ('id' in input && !('type' in input)) {
      const { id, text } = input as { id: unknown; text?: unknown };
      // Checked by hand: this is the hot path of every bot and agent step.
      if (typeof id !== 'string' || Object.keys(input).length !== (text === undefined ? 1 : 2) || (text !== undefined && (typeof text !== 'string' || text.length > 8000))) {
        const byId = ById.safeParse(input);
        return fail('malformed', byId.success ? 'expected {"id": "<listed action id>"} or {"id": "...", "text": "..."}' : describeIssues(byId.error));
      }
      const found = this.legalActions().find((a) => a.id === id);
      if (!found) return fail('unknownActionId', `no legal action has id "${id.slice(0, 200)}" in phase ${this.current.phase}`);
      const taken = takeListed(found, text as string | undefined);
      if (!taken) return fail('malformed', `"${found.label}" takes no text: send {"id": "${found.id}"}`);
      action = taken;
    } else {
      const parsed = ActionSchema.safeParse(input);
      if (!parsed.success) return fail('malformed', describeIssues(parsed.error, '(action)', input));
      action = parsed.data;
      if (SYSTEM_ACTIONS.has(action.type)) return fail('illegalNow', `"${action.type}" is a facilitator action, not a player's`);
    }
    return this.apply(action);
  }

  /**
   * A facilitator puts a card from the scenario's event deck into play now. Allowed while the
   * Sprint's days run and no decision is open; recorded in the replay like a player's action.
   */
  injectEvent(cardId: string): DispatchResult {
    if (this.done) return fail('finished', 'the scenario is over: no more actions are accepted');
    return this.apply({ type: 'injectEvent', cardId });
  }

  /** Re-applies an action from a replay log, facilitator actions included. */
  applyRecorded(input: unknown): DispatchResult {
    if (this.done) return fail('finished', 'the scenario is over: no more actions are accepted');
    const parsed = ActionSchema.safeParse(input);
    if (!parsed.success) return fail('malformed', describeIssues(parsed.error, '(action)', input));
    return this.apply(parsed.data);
  }

  private apply(action: Action): DispatchResult {
    const phaseBefore = this.current.phase;
    const logBefore = this.current.logTotal;
    const evidenceBefore = this.current.evidence;
    const effects: Effect[] = [];
    if (action.type === 'batch') {
      const refusal = this.applyBatch(action.actions, effects);
      if (refusal) return refusal;
    } else {
      const refusal = this.refusal(action);
      if (refusal) return refusal;
      this.current = this.applyOne(action, effects);
    }
    const next = this.current;
    // Recorded actions go out in replay logs: frozen, so an exported log cannot rewrite this one.
    this.actions.push(freeze(action, true));
    this.listingCache = null;
    if (next.phase !== phaseBefore && (next.phase === 'sprint.planning.proposing' || this.done)) {
      this.checkpointStates.push({ step: this.actions.length, state: next });
    }
    return {
      ok: true,
      changes: {
        phaseBefore,
        phase: next.phase,
        messages: next.log.slice(next.log.length - Math.min(next.log.length, next.logTotal - logBefore)),
        evidence: addedEvidence(evidenceBefore, next.evidence).map((e) => Object.freeze(e)),
        effects,
      },
      done: this.done,
    };
  }

  /** Why `action` may not be applied to the current state, or null when it may. */
  private refusal(action: Exclude<Action, { type: 'batch' }>): DispatchResult | null {
    if (!legalActionTypes(this.current.phase).includes(action.type))
      return fail('illegalNow', `"${action.type}" is not allowed in phase ${this.current.phase}`);
    const question = pendingQuestionCard(this.current, this.scenario.questions);
    if (question && action.type !== 'answerQuestion') return fail('notAllowedNow', `answer the open question first: "${question.text}"`);
    const rule = RULES[action.type] as Rule<typeof action.type>;
    const refused: RuleError | null = rule.check ? rule.check(this.current, action as never, this.scenario) : null;
    return refused ? fail(refused.code, refused.message) : null;
  }

  /** The state after a checked action, a run to the next event being its days one by one. */
  private applyOne(action: Exclude<Action, { type: 'batch' }>, effects: Effect[]): GameState {
    const rule = RULES[action.type] as Rule<ActionType>;
    let next = this.advance(rule, action, effects);
    if (action.type === 'runToNextEvent') {
      // The same day again, as a player clicking "next day" would: identical states by construction.
      // The chart stays the judge: another day runs only while it still allows one.
      for (let day = 1; day < maxRunDays(this.scenario) && legalActionTypes(next.phase).includes('nextDay') && !needsThePO(this.current, next, this.scenario); day++) {
        this.current = next;
        next = this.advance(rule, action, effects);
      }
    }
    return next;
  }

  /**
   * Applies a batch's parts in order, each checked against the state the ones before it left,
   * exactly as if sent one by one. All or nothing: a refused part leaves the state as it was.
   */
  private applyBatch(parts: readonly BatchPart[], effects: Effect[]): DispatchResult | null {
    const form = formOf(parts.map((p) => p.type));
    if ('problem' in form) return fail('malformed', form.problem);
    const start = this.current;
    for (let i = 0; i < parts.length; i++) {
      const refused = this.refusal(parts[i]!);
      if (refused && !refused.ok) {
        this.current = start;
        effects.length = 0;
        return fail(refused.error.code, `decision ${i + 1} of ${parts.length} in the batch: ${refused.error.message}; nothing in the batch was applied`);
      }
      this.current = this.applyOne(parts[i]!, effects);
    }
    return null;
  }

  /** The state after applying `rule` once to the current state, with the lifecycle moved on. */
  private advance(rule: Rule<ActionType>, action: Action, effects: Effect[]): GameState {
    const phaseBefore = this.current.phase;
    const emitted: SystemEventType[] = [];
    const rng = new Rng(this.current.rng);
    let phase = nextPhase(phaseBefore, action.type);
    return produce(this.current, (draft) => {
      collectEffects(draft, this.scenario, effects);
      rule.apply(draft, action as never, { scenario: this.scenario, base: this.current, rng, emit: (e) => emitted.push(e) });
      for (const type of emitted) phase = nextPhase(phase, type);
      draft.phase = phase;
      if (phase !== phaseBefore) openNextQuestion(draft, phase, this.scenario.questions ?? []);
      rng.commit(draft.rng);
    });
  }

  private checkpoints(): Checkpoint[] {
    return this.checkpointStates.map((c) => ({ step: c.step, hash: (c.hash ??= hashValue(c.state)) }));
  }

  /** SHA-256 of the canonical JSON of the whole state. */
  stateHash(): string {
    return hashValue(this.current);
  }

  replayLog(): ReplayLog {
    return {
      format: REPLAY_FORMAT,
      formatVersion: REPLAY_FORMAT_VERSION,
      engineVersion: ENGINE_VERSION,
      scenarioId: this.scenario.id,
      scenarioHash: this.scenarioHash,
      seed: this.current.seed,
      actions: [...this.actions],
      checkpoints: this.checkpoints(),
      finalHash: this.stateHash(),
    };
  }

  report(): Report {
    return buildReport(this.current, this.scenario, this.done);
  }
}

/** Evidence is appended, except when a decision is judged again; both cases stay cheap. */
function addedEvidence(before: readonly Evidence[], after: readonly Evidence[]): Evidence[] {
  const n = before.length;
  if (after.length >= n && (n === 0 || after[n - 1] === before[n - 1])) return after.slice(n);
  return after.filter((e) => !before.includes(e));
}

function fail(code: DispatchError['code'], message: string): DispatchResult {
  return { ok: false, error: { code, message } };
}

export function createSession(scenario: Scenario, seed: string | number, scenarioHash = hashValue(scenario)): Session {
  return new Session(scenario, scenarioHash, seed);
}
