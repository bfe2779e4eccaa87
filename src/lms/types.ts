/**
 * The small interface between the game and a learning platform (LMS). The game calls it where a
 * run starts, saves and ends (see launch.ts); scorm12.ts and cmi5.ts implement it. Nothing here
 * is loaded outside an LMS: the game imports launch.ts on demand when opened with `?lms=`.
 */

/** How one learning goal went in a finished run, for SCORM interactions and xAPI reporting. */
export interface GoalResult {
  goalId: string;
  /** Weighted mean of the goal's evidence scores in this run, 0..1. */
  score: number;
  /** shown → correct, partly → neutral, missed → wrong (the debrief's words for the same thing). */
  result: 'correct' | 'neutral' | 'wrong';
  /** How many judged decisions the goal had. */
  decisions: number;
  /** Seconds the learner spent on the decisions that judged this goal. */
  seconds: number;
}

/** The outcome of a finished run. */
export interface RunOutcome {
  /** The debrief's score: the share of the value available realised, 0..100. */
  scoreRaw: number;
  /** `scoreRaw / 100`. */
  scaled: number;
  /** The mastery score the pass mark comes from, 0..1; null when there is none. */
  mastery: number | null;
  /** `scaled >= mastery`, or null without a mastery score (then the run is only "completed"). */
  passed: boolean | null;
  goals: GoalResult[];
}

/** One judged decision, as it happened. */
export interface JudgedDecision {
  scenarioId: string;
  decisionId: string;
  /** The evidence it gave, one record per learning goal. */
  goals: { goalId: string; score: number; weight: number }[];
  /** Seconds from the previous choice (or the start) to this one. */
  seconds: number;
}

/** What a platform connection offers the game. Every method must be safe to call at any time. */
export interface LmsConnection {
  readonly kind: 'scorm12' | 'cmi5';
  /** The save kept on the platform (SCORM suspend data, cmi5 State), or null for a fresh attempt. */
  readonly saved: string | null;
  /** The platform's mastery score, 0..1, if it sends one (it overrides the package's). */
  readonly mastery: number | null;
  /** True when the platform already holds a final result for this attempt. */
  readonly finished: boolean;
  /** Keeps `data` (from suspend.ts) on the platform; `commit` asks for it to be stored now. */
  save(data: string, commit: boolean): void;
  /** Reports one judged decision (cmi5 sends a statement; SCORM 1.2 waits for the end). */
  decision(decision: JudgedDecision): void;
  /** Reports the finished run. */
  finish(outcome: RunOutcome): Promise<void>;
  /** Ends the session: the page is going away. Called once. */
  end(): void;
}

/** Why a platform could not be used, in words for the learner. */
export class LmsProblem extends Error {}
