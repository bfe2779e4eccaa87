import type { Draft } from 'immer';
import type { Scenario } from '../model/scenario';
import type { ForecastDistribution, GameState } from '../model/state';
import type { Rule } from './context';
import { judge, say, unknownId } from './context';
import { clamp } from './execution';
import { monteCarloForecast, optimisticSprints } from './forecast';
import { realisedValue, round2 } from './formulas';
import { currentSprint } from './planning';
import { settleProgressClaims, settleRoadmap, tendStakeholders } from './product';
import { scenarioItem } from './story';

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
    let distribution: ForecastDistribution | null = null;
    if (a.style !== 'date') {
      const mc = monteCarloForecast(scope, history, FORECAST_TRIALS, ctx.rng.stream('forecast'));
      // An 80% interval: as likely to finish before it as after it.
      low = mc.p10;
      high = mc.p90;
      let last = mc.histogram.length;
      while (last > 0 && mc.histogram[last - 1] === 0) last--;
      distribution = { trials: mc.trials, p50: mc.p50, p85: mc.p85, p95: mc.p95, sprintsNeeded: mc.histogram.slice(0, last) };
    } else {
      low = high = optimisticSprints(scope, history, draft.team.capacity);
    }
    draft.forecasts.push({ sprint: draft.sprint, style: a.style, low, high, itemIds, scope, judged: false, hit: null, distribution });
    currentSprint(draft).forecastAnswered = true;
    const asker = forecastAsker(draft, ctx.scenario.stakeholders);
    if (asker) draft.trust[asker] = clamp(draft.trust[asker]! + (a.style === 'date' ? 5 : 2));
    const range = a.style !== 'date';
    judge(draft, {
      goalId: 'D6.1.3',
      score: a.style === 'rangeWithAssumptions' ? 1 : a.style === 'range' ? 0.5 : 0,
      decisionId: `forecast-answer-s${draft.sprint}`,
      rationale:
        a.style === 'rangeWithAssumptions'
          ? 'Naming the assumptions (a stable team, scope as ordered today, dependencies on time) tells stakeholders when to expect the forecast to move.'
          : 'A forecast without its assumptions cannot be re-read when the team, the scope or a dependency changes.',
    });
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
    say(
      draft,
      range
        ? `Forecast: ${low} to ${high} more Sprints (80% confidence)${a.style === 'rangeWithAssumptions' ? ', assuming the team stays as it is, the order holds and no dependency slips' : ''}.`
        : `Forecast: done in ${low} more Sprint${low === 1 ? '' : 's'}.`,
    );
  },
};

export const endReview: Rule<'endReview'> = {
  check(s) {
    const waiting = Object.values(s.items).filter((i) => i.status === 'done');
    return waiting.length
      ? { code: 'notAllowedNow', message: `decide on every finished item first: ${waiting.map((i) => i.id).join(', ')}` }
      : null;
  },
  apply(draft, _a, ctx) {
    // Unfinished work goes back to the top of the Product Backlog, keeping what was done.
    const unfinished = currentSprint(draft).committed.filter((id) => draft.items[id]!.status === 'sprint');
    for (let i = unfinished.length - 1; i >= 0; i--) {
      const item = draft.items[unfinished[i]!]!;
      item.status = 'backlog';
      draft.backlogOrder.unshift(item.id);
    }
    const sprint = currentSprint(draft);
    if (!sprint.forecastAnswered && ctx.base.backlogOrder.length > 0) {
      const rationale = 'Stakeholders asked when the next items would be done and left without an answer.';
      judge(draft, { goalId: 'D6.1.2', score: 0.1, decisionId: `forecast-answer-s${draft.sprint}`, rationale });
      judge(draft, { goalId: 'D5.2.1', score: 0.1, decisionId: `forecast-answer-s${draft.sprint}`, rationale });
    }
    judgeForecasts(draft, draft.sprint, ctx.scenario);
    settleRoadmap(draft);
    settleProgressClaims(draft);
    tendStakeholders(draft, ctx.scenario);
    say(draft, 'Sprint Review closed. Time for the Sprint Retrospective.');
  },
};

/**
 * A forecast says how many more Sprints the Developers need to get through `scope` points. It is
 * judged by what happened: the Sprint in which the work done since the forecast reached the
 * scope, or a miss once its latest Sprint has passed. Reordering cannot dodge the judgement.
 */
export function judgeForecasts(draft: Draft<GameState>, now: number, scenario: Scenario): void {
  const asker = forecastAsker(draft, scenario.stakeholders);
  for (const f of draft.forecasts) {
    if (f.judged) continue;
    let done = 0;
    let reachedIn = 0;
    for (const s of draft.sprints) {
      if (s.number <= f.sprint || s.number > now) continue;
      done += s.velocity;
      if (!reachedIn && done >= f.scope) reachedIn = s.number - f.sprint;
    }
    if (reachedIn) {
      f.judged = true;
      f.hit = reachedIn >= f.low && reachedIn <= f.high;
    } else if (now - f.sprint >= f.high) {
      f.judged = true;
      f.hit = false;
    }
    // A broken single date costs far more trust than a range that turned out too narrow.
    if (f.judged && !f.hit && asker) {
      draft.trust[asker] = clamp(draft.trust[asker]! - (f.style === 'date' ? 10 : 3));
      say(draft, `The forecast from Sprint ${f.sprint} did not hold${f.style === 'date' ? ': the promised date passed' : ''}.`);
    }
  }
}

export const setReviewFormat: Rule<'setReviewFormat'> = {
  check: (s) => (s.sprints[s.sprints.length - 1]?.reviewFormat ? { code: 'notAllowedNow', message: 'this Sprint Review already has its format' } : null),
  apply(draft, a, ctx) {
    const sprint = currentSprint(draft);
    sprint.reviewFormat = a.format;
    // Collaborative inspection surfaces what stakeholders really value; a status show does not.
    const reveals = a.format === 'workingSession' ? 2 : a.format === 'demo' ? 1 : 0;
    const misjudged = [...ctx.base.backlogOrder]
      .map((id) => ctx.base.items[id]!)
      .filter((i) => i.statedValue !== i.truth.value && i.assumptionHolds !== false)
      .sort((x, y) => Math.abs(y.statedValue - y.truth.value) - Math.abs(x.statedValue - x.truth.value) || (x.id < y.id ? -1 : 1))
      .slice(0, reveals);
    for (const i of misjudged) {
      draft.items[i.id]!.statedValue = i.truth.value;
      say(draft, `Feedback at the Review changed what "${i.title}" is worth: stakeholders now value it at ${i.truth.value}.`);
    }
    const trustDelta = a.format === 'workingSession' ? 3 : a.format === 'demo' ? 1 : -2;
    for (const id of Object.keys(draft.trust)) draft.trust[id] = clamp(draft.trust[id]! + trustDelta);
    const score = a.format === 'workingSession' ? 1 : a.format === 'demo' ? 0.5 : 0;
    const rationale =
      score === 1
        ? 'Stakeholders inspected the Increment with the Scrum Team and their feedback went straight into the Product Backlog.'
        : score > 0
          ? 'A demo shows the Increment, but stakeholders watched rather than worked on what comes next.'
          : 'A status report is not a Sprint Review: nobody inspected the Increment, so no feedback came back.';
    judge(draft, { goalId: 'D1.3.3', score, decisionId: `review-format-s${draft.sprint}`, rationale });
    judge(draft, { goalId: 'D5.2.3', score, decisionId: `review-format-s${draft.sprint}`, rationale });
  },
};

/** Puts accepted, unreleased items in users' hands; their value is realised now, at this Sprint's cost of delay. */
function scenarioItemAssumptionHolds(draft: Draft<GameState>, id: string, scenario: Scenario): boolean {
  const source = scenarioItem(scenario, id);
  return source?.assumption ? source.assumption.holds : true;
}

export function release(draft: Draft<GameState>, sprintNumber: number, scenario: Scenario): number {
  const ids = Object.values(draft.items).filter((i) => i.status === 'accepted' && i.releasedInSprint === null).map((i) => i.id);
  let value = 0;
  const featureUse: Record<string, number> = {};
  let clean = 0;
  for (const id of ids) {
    const item = draft.items[id]!;
    const meets = item.meetsDoD !== false;
    // Built on a belief that was false: users get nothing from it, tested or not.
    const holds = scenarioItemAssumptionHolds(draft, item.id, scenario);
    const v = holds ? round2(realisedValue(item.truth, sprintNumber, meets) * draft.valueFactor) : 0;
    value += v;
    if (meets) clean++;
    featureUse[id] = round2(Math.min(100, v * 1.5));
    item.releasedInSprint = sprintNumber;
  }
  value = round2(value);
  draft.valueRealised = round2(draft.valueRealised + value);
  const rel = {
    sprint: sprintNumber,
    itemIds: ids,
    value,
    adoption: round2(Math.min(100, draft.valueRealised / 4)),
    satisfaction: round2(40 + (55 * clean) / Math.max(1, ids.length)),
    revenue: round2(value * 120),
    featureUse,
  };
  draft.releases.push(rel);
  draft.metrics = { adoption: rel.adoption, satisfaction: rel.satisfaction, revenue: round2(draft.releases.reduce((a, r) => a + r.revenue, 0)) };
  return ids.length;
}

export const releaseIncrement: Rule<'releaseIncrement'> = {
  check(s) {
    if (s.sprints[s.sprints.length - 1]?.released) return { code: 'notAllowedNow', message: 'the Increment was already released this Sprint' };
    const waiting = Object.values(s.items).some((i) => i.status === 'accepted' && i.releasedInSprint === null);
    return waiting ? null : { code: 'notAllowedNow', message: 'nothing accepted is waiting to be released' };
  },
  apply(draft, _a, ctx) {
    const n = release(draft, draft.sprint, ctx.scenario);
    currentSprint(draft).released = true;
    judge(draft, {
      goalId: 'D6.3.2',
      score: 1,
      decisionId: `release-s${draft.sprint}`,
      rationale: 'Releasing a Done Increment early realises its value sooner and brings back real usage figures to steer the order.',
    });
    const r = draft.releases[draft.releases.length - 1]!;
    say(draft, `Released ${n} item(s). Adoption ${r.adoption}%, satisfaction ${r.satisfaction}/100, revenue ${r.revenue}.`);
  },
};
