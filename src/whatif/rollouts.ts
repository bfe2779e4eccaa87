/**
 * "What if" for the debrief: for the decisions that cost the learner most, what the other listed
 * options would probably have led to. From the step where a decision was judged, each alternative
 * is taken on a fork of the run, then the principled bot plays on to the end; over many rollouts
 * this gives value realised, Product Goal progress and stakeholder trust, each with an 80% band.
 *
 * Pure and deterministic: every rollout's chance comes from the run's seed and the rollout's place
 * (decision step, alternative, rollout number), so the same replay always gives the same figures.
 * The learner's replay is only read, never changed. No DOM, no Node APIs: the CLI and the game's
 * Web Worker share it.
 */
import { buildDebrief } from '../assessment/debrief';
import { costliestDecisions } from '../assessment/lessons';
import { POLICIES, playToEnd } from '../bots';
import { canonicalJson, createSession, type Action, type ActionType, type ListedAction, type ReplayLog, type Scenario, type Session } from '../engine';
import { choiceSettledBy } from '../assessment/later';

/** Rollouts per alternative unless asked otherwise: the fewest that give a usable 80% band. */
export const DEFAULT_ROLLOUTS = 30;
/** At most this many alternatives per decision, the first ones in listing order. */
export const MAX_ALTERNATIVES = 3;
/** How many of the costliest decisions are tried. */
export const DECISIONS = 3;
/** The most rollouts a caller may ask for (the CLI's --rollouts): a guard against runaway work. */
export const MAX_ROLLOUTS = 1000;

/** The 10th percentile, the median and the 90th percentile of a figure over the rollouts. */
export interface Band {
  readonly low: number;
  readonly median: number;
  readonly high: number;
}

/** The figures of one run's end. `goalPercent` is null when there is no measurable Product Goal. */
export interface Outcome {
  /** Value points realised. */
  readonly value: number;
  /** Share of the Product Goal's work released and moving it, 0..100. */
  readonly goalPercent: number | null;
  /** Mean stakeholder trust, 0..100. */
  readonly trust: number;
}

export interface AlternativeFigures {
  /** The listed action's id at that step (for tools; players see the label); null for the learner's own choice. */
  readonly actionId: string | null;
  /** The listed action's label: words for people. */
  readonly label: string;
  /** Rollouts that finished; fewer than asked only when the bot failed (see `failed`). */
  readonly rollouts: number;
  readonly value: Band | null;
  /** Null when no rollout ended with a measurable Product Goal. */
  readonly goalPercent: Band | null;
  readonly trust: Band | null;
  /** Rollouts the bot could not finish, with the first reason; 0 normally. */
  readonly failed: number;
  readonly failure: string | null;
}

export interface DecisionWhatIf {
  readonly decisionId: string;
  /** The lesson's title: a readable name for the decision. */
  readonly title: string;
  /**
   * The replay step (0-based index of the action) where the choice behind the decision was made:
   * the step that judged it, or for a decision judged later, the step that chose (see choiceStep).
   * Null when no single step did.
   */
  readonly step: number | null;
  /** The label of what the learner did there, when the listing showed it. */
  readonly taken: string | null;
  /**
   * The learner's own choice at that step, played on by the same bot from there: the fair yardstick
   * for the alternatives (the bot plays the rest of the run differently from the learner). Null when
   * no alternative was tried or the caller left it out.
   */
  readonly yourChoice: AlternativeFigures | null;
  readonly alternatives: readonly AlternativeFigures[];
  /** Why no alternative was tried, in words for people; null when some were. */
  readonly note: string | null;
}

export interface WhatIfResult {
  readonly scenarioId: string;
  readonly seed: string;
  readonly rolloutsPerAlternative: number;
  /** The learner's own end, from their final report. */
  readonly learner: Outcome;
  /** Whether the learner's run was finished. */
  readonly finished: boolean;
  readonly decisions: readonly DecisionWhatIf[];
}

export interface WhatIfOptions {
  /** Rollouts per alternative, 1..MAX_ROLLOUTS; DEFAULT_ROLLOUTS when left out. */
  readonly rollouts?: number;
  /** Called after each rollout with rollouts done and rollouts planned in all. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Also play the learner's own choice on with the bot (the yardstick); true unless false. */
  readonly yourChoice?: boolean;
}

export class WhatIfError extends Error {}

/** Nearest-rank percentile of sorted numbers, p in 0..1. */
function rank(sorted: readonly number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[i]!;
}

/** The 80% band (10th to 90th percentile) and the median; null for no values. */
export function band(values: readonly number[]): Band | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return { low: rank(sorted, 0.1), median: rank(sorted, 0.5), high: rank(sorted, 0.9) };
}

/** The figures at a session's end (or where it stands). */
export function outcomeOf(session: Session): Outcome {
  const o = session.report().outcomes;
  const progress = session.observe().observation.productGoalProgress;
  const goalPercent = progress && progress.measurable ? (progress.total > 0 ? Math.round((1000 * progress.released) / progress.total) / 10 : 0) : null;
  return { value: o.valueRealised, goalPercent, trust: o.stakeholderTrust };
}

/** Replays `replay` on a fresh session; throws WhatIfError naming the step that was refused. */
function replayTo(scenario: Scenario, hash: string, replay: ReplayLog, stop: number, visit?: (step: number, session: Session) => void): Session {
  const session = createSession(scenario, replay.seed, hash);
  for (let i = 0; i < stop; i++) {
    visit?.(i, session);
    const result = session.applyRecorded(replay.actions[i]);
    if (!result.ok) throw new WhatIfError(`step ${i + 1} of the replay (${replay.actions[i]?.type ?? 'unknown'}) was refused: ${result.error.message}`);
  }
  return session;
}

/** The decision type an action stands for: a batch is judged by the kind of its parts. */
function kindOf(action: Action): string {
  return action.type === 'batch' ? (action.actions[0]?.type ?? 'batch') : action.type;
}

/** The listed actions a batch or single action matched, by canonical JSON. */
function takenKeys(action: Action): Set<string> {
  return new Set((action.type === 'batch' ? action.actions : [action]).map((a) => canonicalJson(a)));
}

/** The items an action is about (a batch: its parts'), empty when it names none. */
function itemsOf(action: Action): string[] {
  const parts = action.type === 'batch' ? action.actions : [action];
  return parts.flatMap((a) => ('itemId' in a && typeof a.itemId === 'string' ? [a.itemId] : []));
}

/**
 * The step where the choice behind a decision was made. Most decisions are judged by the action
 * that makes them; some are judged later (acceptance criteria when their item enters a Sprint, a
 * Sprint Goal proposal when it is settled: see assessment/later.ts), and the options listed then
 * are not that decision's options. For those it is the last earlier step that took one of the
 * choices the judgement settles (about the same item, when the decision names one); null when
 * there is none.
 */
export function choiceStep(decisionId: string, judgedAt: number, actions: readonly Action[]): number | null {
  const later = choiceSettledBy(decisionId, kindOf(actions[judgedAt]!) as ActionType);
  if (!later) return judgedAt;
  for (let j = judgedAt - 1; j >= 0; j--) {
    const a = actions[j]!;
    if (!later.choices.includes(kindOf(a) as ActionType)) continue;
    const items = itemsOf(a);
    if (items.length === 0 || items.some((id) => decisionId.endsWith(`-${id}`))) return j;
  }
  return null;
}

/**
 * The other listed options of the same kind as `action`, up to MAX_ALTERNATIVES in listing order
 * (the listing's own order is the order the game shows them in), and the label of the one taken.
 */
export function alternativesAt(listed: readonly ListedAction[], action: Action): { taken: string | null; others: ListedAction[] } {
  const kind = kindOf(action);
  const keys = takenKeys(action);
  // Options for the same item, when the choice was about one: other criteria for this item, not another's.
  const items = new Set(itemsOf(action));
  const same = listed.filter((a) => a.action.type === kind && (items.size === 0 || !('itemId' in a.action) || items.has(a.action.itemId as string)));
  const taken = same.find((a) => keys.has(canonicalJson(a.action)));
  return { taken: taken?.label ?? null, others: same.filter((a) => !keys.has(canonicalJson(a.action))).slice(0, MAX_ALTERNATIVES) };
}

/**
 * Works out the what-if figures for a learner's replay: the three costliest decisions of its
 * debrief, each alternative played on by the principled bot `rollouts` times.
 */
export function whatIf(scenario: Scenario, hash: string, replay: ReplayLog, options: WhatIfOptions = {}): WhatIfResult {
  const rollouts = options.rollouts ?? DEFAULT_ROLLOUTS;
  if (!Number.isInteger(rollouts) || rollouts < 1 || rollouts > MAX_ROLLOUTS) throw new WhatIfError(`rollouts: expected a whole number from 1 to ${MAX_ROLLOUTS}, found ${rollouts}`);
  const actions = replay.actions;

  // Pass 1: the learner's run, and the step at which each decision was first judged.
  const judgedAt = new Map<string, number>();
  const learnerSession = createSession(scenario, replay.seed, hash);
  for (let i = 0; i < actions.length; i++) {
    const result = learnerSession.applyRecorded(actions[i]);
    if (!result.ok) throw new WhatIfError(`step ${i + 1} of the replay (${actions[i]?.type ?? 'unknown'}) was refused: ${result.error.message}`);
    for (const e of result.changes.evidence) if (!judgedAt.has(e.decisionId)) judgedAt.set(e.decisionId, i);
  }
  const report = learnerSession.report();
  const learner = outcomeOf(learnerSession);
  const lessons = costliestDecisions(buildDebrief(report, scenario.targets, scenario), DECISIONS);

  // The options at each lesson's step, read from a replay to just before it.
  type Plan = { lesson: (typeof lessons)[number]; step: number | null; taken: string | null; others: ListedAction[]; note: string | null };
  const plans: Plan[] = lessons.map((lesson) => {
    const judged = judgedAt.get(lesson.decisionId);
    const step = judged === undefined ? null : choiceStep(lesson.decisionId, judged, actions as Action[]);
    if (step === null) {
      // Judged later with no earlier choice of the learner's (criteria never written, say): nothing to replay differently at one step.
      const later = judged === undefined ? undefined : choiceSettledBy(lesson.decisionId, kindOf(actions[judged] as Action) as ActionType);
      const note = later ? `This is judged ${later.when.replace(/:.*$/, '')}, and no earlier choice of yours decided it, so there is no alternative to try here.` : 'No single choice of yours decided this, so there is no alternative to try here.';
      return { lesson, step, taken: null, others: [], note };
    }
    return { lesson, step, taken: null, others: [], note: null };
  });
  const wanted = new Map<number, Plan[]>();
  for (const p of plans) if (p.step !== null) wanted.set(p.step, [...(wanted.get(p.step) ?? []), p]);
  const lastStep = Math.max(-1, ...wanted.keys());
  const forks = new Map<number, Session>();
  replayTo(scenario, hash, replay, lastStep + 1, (i, session) => {
    const at = wanted.get(i);
    if (!at) return;
    const listed = session.legalActions();
    for (const p of at) {
      const found = alternativesAt(listed, actions[i]!);
      p.taken = found.taken;
      p.others = found.others;
      if (found.others.length === 0) p.note = 'There was no other option of this kind at that moment, so there is no alternative to try here.';
    }
    forks.set(i, session.fork('whatif-base'));
  });

  // One set of rollouts per distinct (step, option): two lessons judged at one step share them.
  type Work = { step: number; key: string; label: string; first: { id: string } | Action; recorded: boolean };
  const works = new Map<string, Work>();
  const workOf = (w: Work) => works.get(`${w.step}/${w.key}`) ?? (works.set(`${w.step}/${w.key}`, w), w);
  const planned = plans.map((p) => {
    if (p.step === null || p.others.length === 0) return { p, yours: null, others: [] as Work[] };
    const step = p.step;
    const yours = options.yourChoice === false ? null : workOf({ step, key: 'yours', label: p.taken ?? 'Your choice', first: actions[step]!, recorded: true });
    return { p, yours, others: p.others.map((alt) => workOf({ step, key: alt.id, label: alt.label, first: { id: alt.id }, recorded: false })) };
  });
  const total = works.size * rollouts;
  let done = 0;
  const figures = new Map<Work, AlternativeFigures>();
  for (const w of works.values()) {
    const base = forks.get(w.step)!;
    const value: number[] = [];
    const goal: number[] = [];
    const trust: number[] = [];
    let failed = 0;
    let failure: string | null = null;
    for (let r = 0; r < rollouts; r++) {
      const reseed = `${w.step}/${w.key}/${r}`;
      const rollout = base.fork(reseed);
      try {
        const first = w.recorded ? rollout.applyRecorded(w.first) : rollout.dispatch(w.first);
        if (!first.ok) throw new WhatIfError(`the option was refused: ${first.error.message}`);
        playToEnd(rollout, POLICIES.principled!(`${replay.seed}/whatif/${reseed}`));
        const end = outcomeOf(rollout);
        value.push(end.value);
        trust.push(end.trust);
        if (end.goalPercent !== null) goal.push(end.goalPercent);
      } catch (e) {
        failed++;
        failure ??= e instanceof Error ? e.message : String(e);
      }
      done++;
      options.onProgress?.(done, total);
    }
    const actionId = w.recorded ? null : w.key;
    figures.set(w, { actionId, label: w.label, rollouts: value.length, value: band(value), goalPercent: band(goal), trust: band(trust), failed, failure });
  }
  const decisions: DecisionWhatIf[] = planned.map(({ p, yours, others }) => ({
    decisionId: p.lesson.decisionId,
    title: p.lesson.title,
    step: p.step,
    taken: p.taken,
    yourChoice: yours ? figures.get(yours)! : null,
    alternatives: others.map((w) => figures.get(w)!),
    note: p.note,
  }));

  return { scenarioId: replay.scenarioId, seed: replay.seed, rolloutsPerAlternative: rollouts, learner, finished: report.done, decisions };
}
