import type { Draft } from 'immer';
import type { Scenario } from '../model/scenario';
import type { ForecastDistribution, GameState } from '../model/state';
import type { Rule } from './context';
import { judge, quotedTitles, say } from './context';
import { addValue, adjustEveryonesTrust, adjustTrust, recordGoalProgress } from './effects';
import { goalPointsIn } from './product-goal';
import { forecastMessage, judgeCalibration, judgeForecastStyle, monteCarloForecast, optimisticSprints, thinHistory } from './forecast';
import { realisedValue, round2 } from './formulas';
import { valueAvailable } from '../report';
import { currentSprint } from './planning';
import { settleProgressClaims, settleRoadmap, tendStakeholders } from './product';
import { scenarioItem } from './story';
import { requiredReflections } from './reflection';
import { judgeReviewPurpose } from './goals-in-the-world';
import { keepReviewPractices } from './review-agreements';
import { valueAfterDefects } from './defects';
import { count, percentOf100 } from '../model/words';

export const FORECAST_TRIALS = 2000;
/** How many items from the top of the backlog a stakeholder asks "when?" about. */
const FORECAST_ITEMS = 4;

/** The most influential stakeholder asks; the player can tell only from behaviour, the engine knows. */
export function forecastAsker(draft: GameState, stakeholders: { id: string; influence: number }[]): string | null {
  let best: { id: string; influence: number } | null = null;
  for (const s of stakeholders) if (!best || s.influence > best.influence) best = s;
  return best && draft.trust[best.id] !== undefined ? best.id : null;
}

/** The pace the Developers planned before any history: their first Sprint forecast, shown in the Sprint history. */
function plannedPace(state: GameState): number {
  return state.sprints[0]?.forecast ?? 0;
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
      const mc = monteCarloForecast(scope, history, FORECAST_TRIALS, ctx.rng.stream('forecast'), plannedPace(base));
      // An 80% interval: as likely to finish before it as after it.
      low = mc.p10;
      // A range from a Sprint or two is a guess: it never narrows to a single number.
      high = thinHistory(history) ? Math.max(mc.p90, low + 1) : mc.p90;
      let last = mc.histogram.length;
      while (last > 0 && mc.histogram[last - 1] === 0) last--;
      distribution = { trials: mc.trials, p50: mc.p50, p85: mc.p85, p95: mc.p95, sprintsNeeded: mc.histogram.slice(0, last) };
    } else {
      low = high = optimisticSprints(scope, history, draft.team.capacity);
    }
    draft.forecasts.push({ sprint: draft.sprint, style: a.style, low, high, itemIds, scope, judged: false, hit: null, distribution });
    currentSprint(draft).forecastAnswered = true;
    const asker = forecastAsker(draft, ctx.scenario.stakeholders);
    if (asker) adjustTrust(draft, asker, a.style === 'date' ? 5 : 2, a.style === 'date' ? 'You gave the single date they asked for' : 'You gave a forecast they can plan with');
    judgeForecastStyle(draft, a.style, history, draft.sprint);
    say(draft, forecastMessage(a.style, low, high, history));
  },
};

export const endReview: Rule<'endReview'> = {
  check(s) {
    const open = requiredReflections(s);
    return open.length ? { code: 'notAllowedNow', message: 'read what users did with the release first: which released item did they use most?' } : null;
  },
  apply(draft, _a, ctx) {
    keepReviewPractices(draft, ctx);
    const sprint = currentSprint(draft);
    if (!sprint.forecastAnswered && ctx.base.backlogOrder.length > 0) {
      const rationale = `At the Review of Sprint ${draft.sprint}, stakeholders asked when the next items (${quotedTitles(ctx.base, ctx.base.backlogOrder.slice(0, 2))} first) would be done and left without an answer.`;
      judge(draft, { goalId: 'D6.1.2', score: 0.1, decisionId: `forecast-answer-s${draft.sprint}`, rationale });
      judge(draft, { goalId: 'D5.2.1', score: 0.1, decisionId: `forecast-answer-s${draft.sprint}`, rationale });
    }
    // Work that is not Done is not shown as progress: silence about it is judged like spin.
    if (sprint.notDone.length && !sprint.progressSharing)
      judge(draft, {
        goalId: 'D6.2.2',
        score: 0.3,
        decisionId: `undone-s${draft.sprint}`,
        rationale: `${quotedTitles(draft, sprint.notDone)} did not meet the Definition of Done, and stakeholders left the Review without hearing it.`,
      });
    judgeForecasts(draft, draft.sprint, ctx.scenario);
    settleRoadmap(draft, ctx.scenario);
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
  let settled = false;
  for (const f of draft.forecasts) {
    if (f.judged) continue;
    let done = 0;
    let reachedIn = 0;
    for (const s of draft.sprints) {
      if (s.number <= f.sprint || s.number > now) continue;
      done += s.velocity;
      if (!reachedIn && done >= f.scope) reachedIn = s.number - f.sprint;
    }
    const late = !reachedIn && now - f.sprint >= f.high;
    if (!reachedIn && !late) continue;
    f.judged = true;
    settled = true;
    // A date holds if the work was Done by then; a range holds only if the work landed inside it.
    f.hit = !late && reachedIn <= f.high && (f.style === 'date' || reachedIn >= f.low);
    if (!late && reachedIn <= f.high) {
      if (!f.hit) say(draft, `The work forecast in Sprint ${f.sprint} was Done sooner than its range said.`);
      continue;
    }
    // A broken single date costs far more trust than a range that turned out too narrow.
    if (asker) adjustTrust(draft, asker, f.style === 'date' ? -10 : -3, f.style === 'date' ? `The date you forecast in Sprint ${f.sprint} passed with the work not Done` : `The range you forecast in Sprint ${f.sprint} did not hold`);
    say(draft, `The forecast from Sprint ${f.sprint} did not hold${f.style === 'date' ? ': the promised date passed' : ''}.`);
  }
  if (settled) judgeCalibration(draft);
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
    adjustEveryonesTrust(
      draft,
      trustDelta,
      a.format === 'workingSession'
        ? 'Stakeholders worked through the Increment with the Scrum Team'
        : a.format === 'demo'
          ? 'Stakeholders watched a demo of the Increment'
          : 'A status report took the place of inspecting the Increment',
    );
    const score = a.format === 'workingSession' ? 1 : a.format === 'demo' ? 0.5 : 0;
    const increment = sprint.done.length ? `the Increment with ${quotedTitles(ctx.base, sprint.done)}` : `what Sprint ${sprint.number} produced (nothing met the Definition of Done)`;
    const rationale =
      score === 1
        ? `Stakeholders worked through ${increment} with the Scrum Team, and their feedback went straight into the Product Backlog.`
        : score > 0
          ? `A demo showed ${increment}, but stakeholders watched rather than worked on what comes next.`
          : `A status report is not a Sprint Review: nobody inspected ${increment}, so no feedback came back.`;
    judge(draft, { goalId: 'D1.3.3', score, decisionId: `review-format-s${draft.sprint}`, rationale });
    judge(draft, { goalId: 'D5.2.3', score, decisionId: `review-format-s${draft.sprint}`, rationale });
    judgeReviewPurpose(draft, a.format);
  },
};

function scenarioItemAssumptionHolds(id: string, scenario: Scenario): boolean {
  const source = scenarioItem(scenario, id);
  return source?.assumption ? source.assumption.holds : true;
}

/** Adoption, 0..100: value realised so far against what a well-informed ordering could realise in the scenario. */
export function adoptionShare(valueRealised: number, scenario: Scenario): number {
  const available = valueAvailable(scenario);
  return available > 0 ? round2(Math.min(100, (100 * valueRealised) / available)) : 0;
}

/** Done items not yet in users' hands. Only Done work can ever be released. */
export function unreleasedDone(state: GameState): string[] {
  const out: string[] = [];
  for (const id in state.items) {
    const i = state.items[id]!;
    if (i.status === 'done' && i.releasedInSprint === null) out.push(id);
  }
  return out.sort();
}

/**
 * Puts Done, unreleased items in users' hands; their value is realised now, at the cost of delay
 * of `when` (a Sprint number, fractional during a Sprint's days).
 */
export function release(draft: Draft<GameState>, sprintNumber: number, scenario: Scenario, when: number = sprintNumber): number {
  const ids = unreleasedDone(draft as GameState);
  let value = 0;
  const featureUse: Record<string, number> = {};
  for (const id of ids) {
    const item = draft.items[id]!;
    // Built on a belief that was false: users get nothing from it, tested or not.
    const holds = scenarioItemAssumptionHolds(item.id, scenario);
    const v = holds ? valueAfterDefects(draft, scenario, id, round2(realisedValue(item.truth, when) * draft.valueFactor)) : 0;
    value += v;
    featureUse[id] = round2(Math.min(100, v * 1.5));
    item.releasedInSprint = sprintNumber;
  }
  value = round2(value);
  const reached = ids.length ? `${quotedTitles(draft, ids)} reached users` : 'The release reached users';
  addValue(draft, value, reached);
  const toward = goalPointsIn(draft as GameState, scenario, ids);
  if (toward) recordGoalProgress(draft, toward, `${reached}, moving the Product Goal`);
  const rel = {
    sprint: sprintNumber,
    itemIds: ids,
    value,
    // The share of what the product could bring its users that they now get from it.
    adoption: adoptionShare(draft.valueRealised, scenario),
    // Done work that does what users need pleases them; a feature nobody needed does not.
    satisfaction: round2(40 + (55 * ids.filter((id) => featureUse[id]! > 0).length) / Math.max(1, ids.length)),
    revenue: round2(value * 120),
    featureUse,
  };
  draft.releases.push(rel);
  draft.metrics = { adoption: rel.adoption, satisfaction: rel.satisfaction, revenue: round2(draft.releases.reduce((a, r) => a + r.revenue, 0)) };
  return ids.length;
}

/** What a release during the Sprint costs the Developers: deploying takes time from the Sprint's work. */
export const MID_SPRINT_RELEASE_COST = 1;

export const releaseIncrement: Rule<'releaseIncrement'> = {
  check(s) {
    return unreleasedDone(s).length ? null : { code: 'notAllowedNow', message: 'no Done work is waiting to be released' };
  },
  apply(draft, _a, ctx) {
    const during = ctx.base.phase.startsWith('sprint.execution');
    // Mid-Sprint, users get the work days earlier than at the Review: urgent value decays less.
    const when = during ? round2(draft.sprint - 1 + draft.day / ctx.scenario.daysPerSprint) : draft.sprint;
    const n = release(draft, draft.sprint, ctx.scenario, when);
    const sprint = currentSprint(draft);
    sprint.released = true;
    if (during) draft.team.lostThisSprint = round2(draft.team.lostThisSprint + MID_SPRINT_RELEASE_COST);
    judge(draft, {
      goalId: 'D6.3.2',
      score: 1,
      decisionId: `release-s${draft.sprint}`,
      rationale: `${quotedTitles(draft, draft.releases[draft.releases.length - 1]!.itemIds)} ${n === 1 ? 'was' : 'were'} Done and waiting; releasing ${during ? `on day ${draft.day} of Sprint ${draft.sprint}` : `at the Review of Sprint ${draft.sprint}`} realises ${n === 1 ? 'its' : 'their'} value sooner and brings back real usage figures to steer the order.`,
    });
    const r = draft.releases[draft.releases.length - 1]!;
    say(
      draft,
      `Released ${count(n, 'Done item')} to users${during ? ` (the release took about ${count(MID_SPRINT_RELEASE_COST, 'point')} of the Developers' time)` : ''}. ` +
        `Adoption ${percentOf100(r.adoption)}, satisfaction ${r.satisfaction} out of 100, revenue ${r.revenue}.`,
    );
  },
};
