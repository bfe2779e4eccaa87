import { canonicalJson, createSession, hashValue, type Action, type Evidence, type ListedAction, type Observation, type ReplayLog, type Scenario, type Step } from '../engine';
import { internalProblem, readReplayValue, verifyAgainst, type ReplayProblem } from './verdict';

/** What a step produced: the phase it led to, the lines the player read, the judgements made. */
export interface StepOutcome {
  phase: string;
  messages: readonly string[];
  evidence: readonly Evidence[];
}

/** The run as the player saw it after `step` actions, and what they did next. */
export interface StepFrame {
  /** Actions applied so far: 0 (the start) to the replay's length (the end). */
  readonly step: number;
  readonly phase: string;
  /** The Sprint under way (0 during the briefing). */
  readonly sprint: number;
  readonly done: boolean;
  /** What the player saw before acting (built on first read). */
  readonly observation: Observation;
  /** The choices they were offered. */
  readonly legalActions: readonly ListedAction[];
  /** The action they took here; null at the end of the replay. */
  readonly action: Action | null;
  /** The listed choice equal to `action`, for its label; null at the end or when the action was not one of the listings (a whole new backlog order). */
  readonly listed: ListedAction | null;
  /** What `action` produced; null at the end. */
  readonly outcome: StepOutcome | null;
  /** The state hash at this point (computed on first call). */
  stateHash(): string;
}

/** A Sprint's first frame: `step` is where its Sprint Planning begins. */
export interface SprintStart {
  sprint: number;
  step: number;
}

/** A step whose action was judged: `at(step).outcome.evidence` holds the judgements. */
export interface Judgement {
  step: number;
  decisionIds: readonly string[];
  goalIds: readonly string[];
}

/** A verified replay, ready to be walked through at any speed in either direction. */
export interface ReplayStepper {
  readonly replay: ReplayLog;
  /** The scenario the replay plays, for naming its items and people. */
  readonly scenario: Scenario;
  /** Number of actions; frames run from 0 to `length`. */
  readonly length: number;
  /** The frame `goTo`, `forward` and `back` last moved to; starts at 0. */
  readonly position: number;
  /** The frame after `step` actions, without moving. Throws a RangeError for a step outside 0..length. */
  at(step: number): StepFrame;
  /** Moves to `step` (0..length). Throws a RangeError outside. */
  goTo(step: number): StepFrame;
  /** One step on; stays at the end. */
  forward(): StepFrame;
  /** One step back; stays at the start. */
  back(): StepFrame;
  /** Where each Sprint begins, in order. */
  sprintStarts(): readonly SprintStart[];
  /** Every step that produced judgements, in order. */
  judgements(): readonly Judgement[];
  /** The step that last judged `decisionId` (its judgement is the one the debrief shows), or null. */
  stepOfDecision(decisionId: string): number | null;
}

export type StepperResult = { ok: true; stepper: ReplayStepper } | ReplayProblem;

interface Kept {
  step: Step;
  sprint: number;
  state: unknown;
  hash?: string;
  action: Action | null;
  outcome: StepOutcome | null;
}

/**
 * Verifies a replay with the engine's `verifyReplay`, then simulates it once, keeping every
 * frame. States are immutable and share structure, so a frame costs little more than its list of
 * legal actions; going back is a lookup, never a re-simulation. Never throws.
 */
export function replayStepper(scenario: Scenario, scenarioHash: string, replay: unknown): StepperResult {
  try {
    const read = readReplayValue(replay);
    if (!read.ok) return read;
    const verified = verifyAgainst(read.replay, scenario, scenarioHash, read.migratedFrom);
    if (!verified.ok) return verified;
    return { ok: true, stepper: new Stepper(scenario, scenarioHash, verified.replay) };
  } catch (e) {
    return internalProblem(e);
  }
}

class Stepper implements ReplayStepper {
  readonly length: number;
  position = 0;
  private readonly records: Kept[] = [];
  private readonly frames = new Map<number, StepFrame>();
  private readonly starts: SprintStart[] = [];
  private readonly judged: Judgement[] = [];
  private readonly lastJudged = new Map<string, number>();

  constructor(
    readonly scenario: Scenario,
    scenarioHash: string,
    readonly replay: ReplayLog,
  ) {
    this.length = replay.actions.length;
    const session = createSession(scenario, replay.seed, scenarioHash);
    let previousPhase = '';
    for (let i = 0; i <= this.length; i++) {
      const step = session.observe();
      const state = session.state;
      if (step.phase === 'sprint.planning.proposing' && !previousPhase.startsWith('sprint.planning')) this.starts.push({ sprint: state.sprint, step: i });
      previousPhase = step.phase;
      const action = i < this.length ? replay.actions[i]! : null;
      let outcome: StepOutcome | null = null;
      if (action) {
        const result = session.dispatch(action);
        // verifyReplay has just accepted every action of this replay.
        if (!result.ok) throw new Error(`step ${i + 1} was refused on the second pass: ${result.error.message}`);
        outcome = { phase: result.changes.phase, messages: result.changes.messages, evidence: result.changes.evidence };
        if (outcome.evidence.length) {
          const decisionIds = unique(outcome.evidence.map((e) => e.decisionId));
          this.judged.push({ step: i, decisionIds, goalIds: unique(outcome.evidence.map((e) => e.goalId)) });
          for (const d of decisionIds) this.lastJudged.set(d, i);
        }
      }
      this.records.push({ step, sprint: state.sprint, state, action, outcome });
    }
  }

  at(step: number): StepFrame {
    if (!Number.isSafeInteger(step) || step < 0 || step > this.length) throw new RangeError(`step ${step} is outside this replay (0 to ${this.length})`);
    let frame = this.frames.get(step);
    if (!frame) {
      frame = makeFrame(step, this.records[step]!);
      this.frames.set(step, frame);
    }
    return frame;
  }

  goTo(step: number): StepFrame {
    const frame = this.at(step);
    this.position = step;
    return frame;
  }

  forward(): StepFrame {
    return this.goTo(Math.min(this.length, this.position + 1));
  }

  back(): StepFrame {
    return this.goTo(Math.max(0, this.position - 1));
  }

  sprintStarts(): readonly SprintStart[] {
    return this.starts;
  }

  judgements(): readonly Judgement[] {
    return this.judged;
  }

  stepOfDecision(decisionId: string): number | null {
    return this.lastJudged.get(decisionId) ?? null;
  }
}

function makeFrame(index: number, r: Kept): StepFrame {
  let listed: ListedAction | null | undefined;
  return {
    step: index,
    phase: r.step.phase,
    sprint: r.sprint,
    done: r.step.done,
    get observation() {
      return r.step.observation;
    },
    legalActions: r.step.actions,
    action: r.action,
    get listed() {
      if (listed === undefined) {
        const wanted = r.action ? canonicalJson(r.action) : null;
        listed = wanted === null ? null : (r.step.actions.find((a) => canonicalJson(a.action) === wanted) ?? null);
      }
      return listed;
    },
    outcome: r.outcome,
    stateHash() {
      return (r.hash ??= hashValue(r.state));
    },
  };
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/**
 * Where each Sprint begins, from the replay alone: the engine checkpoints the state when a Sprint
 * begins and when the run ends, and only a release decision ends a run. Equals
 * `replayStepper(...).sprintStarts()` steps for a verified replay (tested).
 */
export function sprintStarts(replay: Pick<ReplayLog, 'actions' | 'checkpoints'>): number[] {
  return replay.checkpoints.filter((c) => c.step > 0 && replay.actions[c.step - 1]?.type !== 'finishScenario').map((c) => c.step);
}
