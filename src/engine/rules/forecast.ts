import type { Draft } from 'immer';
import type { Forecast, GameState } from '../model/state';
import { forgetJudgement, judge } from './context';
import { round2 } from './formulas';

export interface MonteCarloResult {
  trials: number;
  /** Sprints needed at 10%, 50%, 85%, 90% and 95% confidence. */
  p10: number;
  p50: number;
  p90: number;
  p85: number;
  p95: number;
  /** histogram[k] = trials that needed k+1 Sprints. */
  histogram: number[];
}

const MAX_SPRINTS = 40;
/** Fewer Sprints of velocity than this say little about the pace to come: the range is a guess. */
export const SETTLED_HISTORY = 3;
/** How far the team's true pace may sit from the mean of one Sprint, in log terms (a guess's width). */
const PACE_DOUBT = 0.3;

/**
 * Forecast how many Sprints `scope` points take by resampling past velocities (a bootstrap Monte
 * Carlo). Each trial first draws how far the team's real pace may sit from the average seen, a
 * doubt that shrinks as Sprints pass; each Sprint then resamples one past velocity, ±20%. With
 * fewer than SETTLED_HISTORY Sprints the pace the Developers planned (`planned`) counts as one
 * more Sprint, so one slow or fast Sprint does not make the range look certain.
 * `draw` returns floats in [0,1) from the session's forecast stream.
 */
export function monteCarloForecast(scope: number, history: readonly number[], trials: number, draw: () => number, planned = 0): MonteCarloResult {
  const histogram = new Array<number>(MAX_SPRINTS).fill(0);
  // A Sprint with nothing Done is part of the record; only a history with nothing Done at all says nothing.
  const usable = history.some((v) => v > 0) ? history.filter((v) => v >= 0) : [];
  const pool = usable.length < SETTLED_HISTORY && planned > 0 ? [...usable, planned] : usable;
  if (scope <= 0 || pool.length === 0) {
    histogram[0] = trials;
    const v = scope <= 0 ? 0 : MAX_SPRINTS;
    return { trials, p10: v, p50: v, p85: v, p90: v, p95: v, histogram };
  }
  const n = pool.length;
  // A uniform draw in log space with standard deviation PACE_DOUBT / sqrt(Sprints seen).
  const doubt = (PACE_DOUBT * Math.sqrt(3)) / Math.sqrt(n);
  for (let t = 0; t < trials; t++) {
    const pace = Math.exp(doubt * (2 * draw() - 1));
    let left = scope;
    let sprints = 0;
    while (left > 0 && sprints < MAX_SPRINTS) {
      left -= pace * pool[Math.floor(draw() * n)]! * (0.8 + 0.4 * draw());
      sprints++;
    }
    histogram[sprints - 1]!++;
  }
  const at = (p: number) => percentile(histogram, trials, p);
  return { trials, p10: at(0.1), p50: at(0.5), p85: at(0.85), p90: at(0.9), p95: at(0.95), histogram };
}

function percentile(histogram: readonly number[], trials: number, p: number): number {
  const target = Math.ceil(trials * p);
  let seen = 0;
  for (let k = 0; k < histogram.length; k++) {
    seen += histogram[k]!;
    if (seen >= target) return k + 1;
  }
  return histogram.length;
}

/** The optimistic single date people give when asked "when?": best Sprint so far, no spread. */
export function optimisticSprints(scope: number, history: readonly number[], nominal: number): number {
  const best = Math.max(nominal, ...history);
  return Math.max(1, Math.ceil(round2(scope / best)));
}

type Style = Forecast['style'];

/** Whether the velocity history is too short for a range to be more than a guess. */
export function thinHistory(history: readonly number[]): boolean {
  return history.length < SETTLED_HISTORY;
}

/** "1 Sprint of velocity (6 points)", "3 Sprints of velocity (6, 16 and 19 points)": what the player saw. */
export function historyWords(history: readonly number[]): string {
  if (history.length === 0) return 'no velocity yet';
  const last = history[history.length - 1]!;
  const values = history.length === 1 ? `${last}` : `${history.slice(0, -1).join(', ')} and ${last}`;
  const unit = history.length === 1 && last === 1 ? 'point' : 'points';
  return `${history.length} Sprint${history.length === 1 ? '' : 's'} of velocity (${values} ${unit})`;
}

const ASSUMPTIONS = 'assuming the team stays as it is, the order holds and no dependency slips';

/** What the stakeholders hear: a range with assumptions also says when it is only a guess. */
export function forecastMessage(style: Style, low: number, high: number, history: readonly number[]): string {
  const sprints = (k: number) => `${k} more Sprint${k === 1 ? '' : 's'}`;
  if (style === 'date') return `Forecast: done in ${sprints(low)}.`;
  const span = low === high ? sprints(high) : `${low} to ${sprints(high)}`;
  if (style === 'range') return `Forecast: ${span} (80% confidence).`;
  const guess = thinHistory(history)
    ? ` It rests on only ${historyWords(history)} and the Developers' plan: a rough guess that will narrow as Sprints pass.`
    : '';
  return `Forecast: ${span} (80% confidence), ${ASSUMPTIONS}.${guess}`;
}

/**
 * The forecast style, judged against the history the player had: a range shows the spread of
 * velocity; with few Sprints behind the team, an honest answer also says it is a guess.
 */
export function judgeForecastStyle(draft: Draft<GameState>, style: Style, history: readonly number[], sprint: number): void {
  const h = historyWords(history);
  const thin = thinHistory(history);
  const decisionId = `forecast-answer-s${sprint}`;
  const stated: Record<Style, [number, string]> = {
    rangeWithAssumptions: [
      1,
      thin
        ? `With only ${h}, the range is a rough guess: saying so, with its assumptions (a stable team, scope as ordered today, dependencies on time), tells stakeholders how far to trust it and that it will narrow as Sprints pass.`
        : `Naming the assumptions (a stable team, scope as ordered today, dependencies on time) beside a range from ${h} tells stakeholders when to expect the forecast to move.`,
    ],
    range: thin
      ? [0.3, `With only ${h}, the range is a rough guess; given without saying so or naming its assumptions, stakeholders take it for firmer than it is.`]
      : [0.5, `A range from ${h} states its confidence, but without its assumptions it cannot be re-read when the team, the scope or a dependency changes.`],
    date: [0, `A single date from ${h} states neither how confident it is nor what it assumes.`],
  };
  judge(draft, { goalId: 'D6.1.3', score: stated[style][0], decisionId, rationale: stated[style][1] });
  judge(draft, {
    goalId: 'D6.1.2',
    score: style === 'date' ? 0.2 : 1,
    decisionId,
    rationale:
      style !== 'date'
        ? thin
          ? `A range from ${h} and the Developers' plan shows how uncertain an early forecast is, instead of turning one pace into a date.`
          : `A range from ${h} tells stakeholders both the likely date and the uncertainty.`
        : thin
          ? `A single date from ${h} turns one early pace into a promise.`
          : `A single date from the best pace so far hides the spread of ${h}.`,
  });
  const honest: Record<Style, [number, string]> = {
    rangeWithAssumptions: [1, `Expectations about timeline were set honestly: a range from ${h}, with the uncertainty and its assumptions said out loud.`],
    range: thin
      ? [0.7, `A range set fairer expectations than a date, though with only ${h} it needed saying that it was a guess.`]
      : [1, `Expectations about timeline were set honestly: a range from ${h}, not a promise.`],
    date: thin
      ? [0.2, `A date promised after only ${h} set an expectation nothing yet backed.`]
      : [0.3, `The promise set an expectation the team may not meet: ${h} varied more than one date admits.`],
  };
  judge(draft, { goalId: 'D5.2.1', score: honest[style][0], decisionId, rationale: honest[style][1] });
}

/** A range claims 80%; a single date claims certainty. */
const CLAIMED: Record<Style, number> = { date: 1, range: 0.8, rangeWithAssumptions: 0.8 };

/**
 * How well a record of `held` out of `count` forecasts bears out the confidence they claimed.
 * With few forecasts chance alone explains a miss or two, so the record may fall one standard
 * error short of the claim before it costs anything.
 */
export function calibrationScore(claimed: number, held: number, count: number): number {
  if (count === 0) return 1;
  const chance = Math.sqrt((claimed * (1 - claimed)) / count);
  return round2(Math.max(0, 1 - Math.max(0, claimed - chance - held / count) / claimed));
}

/**
 * Forecasts are judged over the run on calibration, not one by one on a hit: ranges should hold
 * about as often as the 80% they claim, and every single date that slips breaks a promise.
 * Judged again whenever another forecast comes due.
 */
export function judgeCalibration(draft: Draft<GameState>): void {
  const due = draft.forecasts.filter((f) => f.judged);
  if (due.length === 0) return;
  const parts: string[] = [];
  let total = 0;
  for (const ranges of [true, false]) {
    const group = due.filter((f) => (f.style !== 'date') === ranges);
    if (group.length === 0) continue;
    const held = group.filter((f) => f.hit).length;
    const score = calibrationScore(ranges ? CLAIMED.range : CLAIMED.date, held, group.length);
    total += score * group.length;
    const what = ranges ? `range forecast${group.length === 1 ? '' : 's'}` : `single date${group.length === 1 ? '' : 's'}`;
    const record = `Of your ${group.length} ${what} that came due, ${held} held`;
    parts.push(
      ranges
        ? `${record}: ${score >= 0.99 ? 'about as often as the 80% confidence they claimed, or more' : 'less often than the 80% confidence they claimed, so stakeholders learned to discount them'}.`
        : `${record}: a date claims certainty${held < group.length ? ', so every one that slipped broke a promise' : ', and these were kept'}.`,
    );
  }
  forgetJudgement(draft, 'forecast-calibration');
  judge(draft, { goalId: 'D6.1.3', score: round2(total / due.length), decisionId: 'forecast-calibration', rationale: parts.join(' ') });
}
