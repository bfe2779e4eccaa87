import type { Draft } from 'immer';
import type { GameState } from '../model/state';
import type { Rule } from './context';
import { judge, say, unknownId } from './context';
import { clamp } from './execution';
import { monteCarloForecast, optimisticSprints } from './forecast';
import { realisedValue } from './formulas';
import { currentSprint } from './planning';

export const FORECAST_TRIALS = 2000;
/** How many items from the top of the backlog a stakeholder asks "when?" about. */
const FORECAST_ITEMS = 4;

/** The most influential stakeholder asks; the player can tell only from behaviour, the engine knows. */
export function forecastAsker(draft: GameState, stakeholders: { id: string; influence: number }[]): string | null {
  let best: { id: string; influence: number } | null = null;
  for (const s of stakeholders) if (!best || s.influence > best.influence) best = s;
  return best && draft.trust[best.id] !== undefined ? best.id : null;
}

export const reviewItem: Rule<'reviewItem'> = {
  check(s, a) {
    const item = s.items[a.itemId];
    if (!item || item.status !== 'done') return unknownId('finished item awaiting review', a.itemId);
    return null;
  },
  apply(draft, a) {
    const item = draft.items[a.itemId]!;
    const meets = item.meetsDoD === true;
    const accept = a.decision === 'accept';
    judge(draft, {
      goalId: 'D6.2.2',
      score: accept === meets ? 1 : accept ? 0 : 0.3,
      decisionId: `review-${item.id}-s${draft.sprint}`,
      rationale: meets
        ? accept
          ? 'The item met the Definition of Done, so it belongs in the Increment.'
          : 'The item met the Definition of Done; sending it back wasted finished work.'
        : accept
          ? 'Work that does not meet the Definition of Done is not part of the Increment; accepting it hides debt.'
          : 'The item did not meet the Definition of Done, so it went back to the Product Backlog.',
    });
    if (accept) {
      item.status = 'accepted';
      item.acceptedInSprint = draft.sprint;
      draft.valueRealised = Math.round((draft.valueRealised + realisedValue(item.truth, draft.sprint, meets)) * 100) / 100;
      if (!meets) draft.team.techDebt = clamp(draft.team.techDebt + 8);
      if (item.requestedBy && draft.trust[item.requestedBy] !== undefined) draft.trust[item.requestedBy] = clamp(draft.trust[item.requestedBy]! + 4);
      say(draft, `Accepted "${item.title}" into the Increment.`);
    } else {
      returnToBacklog(draft, item.id, meets ? 0 : Math.max(1, Math.round(item.truth.effort * 0.2)));
      say(draft, `Returned "${item.title}" to the top of the Product Backlog.`);
    }
  },
};

function returnToBacklog(draft: Draft<GameState>, id: string, remaining: number): void {
  const item = draft.items[id]!;
  item.status = 'backlog';
  item.meetsDoD = null;
  item.remaining = remaining;
  draft.backlogOrder.unshift(id);
}

export const answerForecast: Rule<'answerForecast'> = {
  check: (s) =>
    s.sprints[s.sprints.length - 1]?.forecastAnswered
      ? { code: 'notAllowedNow', message: 'you already gave a forecast at this Sprint Review' }
      : s.backlogOrder.length === 0
        ? { code: 'notAllowedNow', message: 'the Product Backlog is empty: there is nothing left to forecast' }
        : null,
  apply(draft, a, ctx) {
    const base = ctx.base;
    const itemIds = base.backlogOrder.slice(0, FORECAST_ITEMS);
    const scope = itemIds.reduce((sum, id) => sum + base.items[id]!.estimate, 0);
    const history = base.sprints.map((s) => s.velocity);
    let low: number;
    let high: number;
    if (a.style === 'range') {
      const mc = monteCarloForecast(scope, history, FORECAST_TRIALS, ctx.rng.stream('forecast'));
      low = mc.p50;
      high = mc.p95;
    } else {
      low = high = optimisticSprints(scope, history, draft.team.capacity);
    }
    draft.forecasts.push({ sprint: draft.sprint, style: a.style, low, high, itemIds, scope, judged: false, hit: null });
    currentSprint(draft).forecastAnswered = true;
    const asker = forecastAsker(draft, ctx.scenario.stakeholders);
    if (asker) draft.trust[asker] = clamp(draft.trust[asker]! + (a.style === 'date' ? 5 : 2));
    const range = a.style === 'range';
    judge(draft, {
      goalId: 'D6.1.2',
      score: range ? 1 : 0.2,
      decisionId: `forecast-answer-s${draft.sprint}`,
      rationale: range
        ? 'A range from the velocity history tells stakeholders both the likely date and the uncertainty.'
        : 'A single optimistic date from the best Sprint hides the spread of past velocity.',
    });
    judge(draft, {
      goalId: 'D5.2.1',
      score: range ? 1 : 0.3,
      decisionId: `forecast-answer-s${draft.sprint}`,
      rationale: range ? 'Expectations about timeline were set honestly.' : 'The promise set an expectation the team may not meet.',
    });
    say(draft, range ? `Forecast: ${low} to ${high} more Sprints (50% to 95% confidence).` : `Forecast: done in ${low} more Sprint${low === 1 ? '' : 's'}.`);
  },
};

export const endReview: Rule<'endReview'> = {
  check(s) {
    const waiting = Object.values(s.items).filter((i) => i.status === 'done');
    return waiting.length
      ? { code: 'notAllowedNow', message: `decide on every finished item first: ${waiting.map((i) => i.id).join(', ')}` }
      : null;
  },
  apply(draft) {
    // Unfinished work goes back to the top of the Product Backlog, keeping what was done.
    const unfinished = currentSprint(draft).committed.filter((id) => draft.items[id]!.status === 'sprint');
    for (let i = unfinished.length - 1; i >= 0; i--) {
      const item = draft.items[unfinished[i]!]!;
      item.status = 'backlog';
      draft.backlogOrder.unshift(item.id);
    }
    judgeForecasts(draft, draft.sprint);
    say(draft, 'Sprint Review closed. Time for the Sprint Retrospective.');
  },
};

/** A forecast is judged once its items are all accepted, or once its latest Sprint has passed. */
export function judgeForecasts(draft: Draft<GameState>, now: number): void {
  for (const f of draft.forecasts) {
    if (f.judged) continue;
    const done = f.itemIds.every((id) => draft.items[id]!.status === 'accepted');
    const elapsed = now - f.sprint;
    if (done) {
      f.judged = true;
      f.hit = elapsed >= f.low && elapsed <= f.high;
    } else if (elapsed >= f.high) {
      f.judged = true;
      f.hit = false;
    }
  }
}
