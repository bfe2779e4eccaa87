import type { Draft } from 'immer';
import type { GameState } from '../model/state';
import type { RuleContext } from './context';
import { shareProgress } from './product';
import { answerForecast, setReviewFormat } from './review';

/*
 * How the Scrum Team holds its Sprint Review is a working agreement, not a fresh decision every
 * Sprint: the format, how progress is shown and how forecasts are given carry over from the last
 * Review that chose them, unless the PO chooses again. The Review itself still happens every
 * Sprint, and each carried practice is applied and judged again at that Review.
 */

export interface ReviewAgreements {
  format: NonNullable<GameState['sprints'][number]['reviewFormat']> | null;
  sharing: NonNullable<GameState['sprints'][number]['progressSharing']> | null;
  forecast: GameState['forecasts'][number]['style'] | null;
}

/** What the current Review would keep from earlier ones: each practice not chosen at this Review yet. */
export function carriedReviewPractices(state: GameState): ReviewAgreements {
  const now = state.sprints[state.sprints.length - 1];
  const earlier = state.sprints.filter((s) => s.number < state.sprint);
  const last = <T>(pick: (s: GameState['sprints'][number]) => T | null): T | null => {
    for (let i = earlier.length - 1; i >= 0; i--) {
      const v = pick(earlier[i]!);
      if (v) return v;
    }
    return null;
  };
  const forecast = [...state.forecasts].reverse().find((f) => f.sprint < state.sprint)?.style ?? null;
  return {
    format: now?.reviewFormat ? null : last((s) => s.reviewFormat),
    sharing: now?.progressSharing ? null : last((s) => s.progressSharing),
    forecast: now?.forecastAnswered || state.backlogOrder.length === 0 ? null : forecast,
  };
}

/** Words for the close-the-Review choice, so the player sees what will be kept. */
export function carriedPracticesText(state: GameState): string {
  const c = carriedReviewPractices(state);
  const parts: string[] = [];
  if (c.format) parts.push(c.format === 'workingSession' ? 'a working session with stakeholders' : c.format === 'demo' ? 'a demo' : 'a status report');
  if (c.forecast) parts.push(c.forecast === 'date' ? 'a single date' : c.forecast === 'range' ? 'a forecast range' : 'a forecast range with its assumptions');
  if (c.sharing) parts.push(c.sharing === 'transparent' ? 'the burn-up and open risks shared' : 'everything said to be on track');
  if (parts.length === 0) return '';
  const list = parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  return ` as agreed at the last Review: ${list}`;
}

/** Applies, at this Review's close, each practice carried over: the same rules as choosing it again. */
export function keepReviewPractices(draft: Draft<GameState>, ctx: RuleContext): void {
  const c = carriedReviewPractices(ctx.base);
  if (c.format) setReviewFormat.apply(draft, { type: 'setReviewFormat', format: c.format }, ctx);
  if (c.forecast) answerForecast.apply(draft, { type: 'answerForecast', style: c.forecast }, ctx);
  if (c.sharing) shareProgress.apply(draft, { type: 'shareProgress', style: c.sharing }, ctx);
}
