import type { Rule } from './context';
import { judge, quotedTitles, say } from './context';
import type { Draft } from 'immer';
import type { Scenario } from '../model/scenario';
import type { GameState } from '../model/state';
import { valueAvailable } from '../report';
import { forecastAsker, unreleasedDone } from './review';
import { adjustTrust } from './effects';
import { setAside } from './story';
import { round2 } from './formulas';
import { judgeProductGoalReached, productGoalProgressLine } from './product-goal';
import { judgeSkippedDiscovery } from './discovery';

/**
 * MoSCoW for this release: Musts should be the most valuable per point and fit well within
 * what the team delivered (about 60%), so Shoulds and Coulds leave room; Won'ts the least valuable.
 */
export function moscowScore(state: GameState): { score: number; tagged: number } {
  const items = Object.values(state.items).filter((i) => i.status !== 'split');
  const tagged = items.filter((i) => i.moscow !== null);
  if (tagged.length === 0) return { score: 0, tagged: 0 };
  const density = (i: (typeof items)[number]) => i.truth.value / i.truth.effort;
  const ranked = [...items].sort((a, b) => density(b) - density(a) || (a.id < b.id ? -1 : 1));
  const third = Math.max(1, Math.floor(ranked.length / 3));
  const top = new Set(ranked.slice(0, third).map((i) => i.id));
  const bottom = new Set(ranked.slice(-third).map((i) => i.id));
  let consistent = 0;
  for (const i of tagged) {
    // A fixed date is a legal or contractual Must, whatever its value per point.
    if (i.moscow === 'must') consistent += top.has(i.id) || i.truth.costOfDelay === 'fixedDate' ? 1 : bottom.has(i.id) ? 0 : 0.5;
    else if (i.moscow === 'wont') consistent += bottom.has(i.id) ? 1 : top.has(i.id) ? 0 : 0.5;
    else consistent += (top.has(i.id) && i.moscow === 'could') || bottom.has(i.id) ? 0.5 : 1;
  }
  // Without a single Must or Won't, nothing was actually decided about the release's scope.
  const decided = tagged.some((i) => i.moscow === 'must' || i.moscow === 'wont');
  const delivered = state.sprints.reduce((a, s) => a + s.velocity, 0);
  const mustLoad = tagged.filter((i) => i.moscow === 'must').reduce((a, i) => a + i.estimate, 0);
  const overloaded = delivered > 0 && mustLoad > 0.6 * delivered;
  return { score: round2((consistent / tagged.length) * (overloaded ? 0.5 : 1) * (decided ? 1 : 0.4)), tagged: tagged.length };
}

/** End-of-run judgements of results rather than single choices: did the ordering maximise value? */
function judgeOutcomes(draft: Draft<GameState>, scenario: Scenario): void {
  const moscow = moscowScore(draft);
  const musts = Object.values(draft.items).filter((i) => i.moscow === 'must').map((i) => i.id).sort();
  const taggedIds = Object.values(draft.items).filter((i) => i.moscow !== null).map((i) => i.id).sort();
  const mustWords = musts.length
    ? `Your Musts were ${quotedTitles(draft, musts)}.`
    : `You tagged ${quotedTitles(draft, taggedIds.slice(0, 4))}${taggedIds.length > 4 ? ` and ${taggedIds.length - 4} more` : ''} for the release but marked none a Must, so nothing said what the release could not go without.`;
  judge(draft, {
    goalId: 'D3.2.2',
    score: moscow.score,
    decisionId: 'release-moscow',
    rationale:
      moscow.tagged === 0
        ? `None of the ${Object.keys(draft.items).length} items was categorised for the release, so nobody knew what was a Must and what could wait.`
        : moscow.score >= 0.8
          ? `${mustWords} They were the most valuable items and left room in the release; the Won\u2019ts were rightly let go.`
          : musts.length
            ? `${mustWords} Some Musts were low-value or too many for the release, or valuable items were marked Won\u2019t.`
            : mustWords,
  });
  const available = valueAvailable(scenario);
  const share = available > 0 ? Math.min(1, draft.valueRealised / available) : 0;
  judge(draft, {
    goalId: 'D1.2.1',
    score: round2(share),
    decisionId: 'outcome-value',
    rationale: `You realised ${Math.round(share * 100)}% of the value a well-informed ordering could have delivered with the same effort.`,
  });
  // Were the most-used features the ones delivered first?
  const released = Object.values(draft.items).filter((i) => i.releasedInSprint !== null && i.doneInSprint !== null);
  if (released.length >= 2) {
    // Use per point of effort: the most valuable delivery is the one that bought the most use per point.
    const use = (id: string) => (draft.releases.find((r) => r.featureUse[id] !== undefined)?.featureUse[id] ?? 0) / Math.max(0.5, draft.items[id]!.truth.effort);
    const byUse = [...released].sort((a, b) => use(b.id) - use(a.id) || (a.id < b.id ? -1 : 1));
    const byDelivery = [...released].sort((a, b) => a.doneInSprint! - b.doneInSprint! || (a.id < b.id ? -1 : 1));
    const half = Math.ceil(released.length / 2);
    const early = new Set(byDelivery.slice(0, half).map((i) => i.id));
    const hits = byUse.slice(0, half).filter((i) => early.has(i.id)).length;
    judge(draft, {
      goalId: 'D6.3.3',
      score: round2(hits / half),
      decisionId: 'outcome-metrics',
      rationale:
        hits === half
          ? `The features users used most (${quotedTitles(draft, byUse.slice(0, half).map((i) => i.id))}) were the ones you delivered first: the ordering tracked real value.`
          : `Of the features users used most (${quotedTitles(draft, byUse.slice(0, half).map((i) => i.id))}), ${half - hits} came late: usage data should feed back into the order.`,
    });
  }
}

/** Points the Developers can be expected to deliver in the Sprints after this one, from Done work so far. */
export function remainingCapacity(state: GameState, sprints: number): { capacity: number; scope: number; left: number } {
  const history = state.sprints.filter((s) => s.goalMet !== null).map((s) => s.velocity);
  const mean = history.length ? history.reduce((a, b) => a + b, 0) / history.length : 0;
  const left = Math.max(0, sprints - state.sprint);
  const scope = state.backlogOrder.reduce((a, id) => {
    const i = state.items[id]!;
    return setAside(i) ? a : a + i.estimate;
  }, 0);
  return { capacity: round2(mean * left), scope, left };
}

/**
 * Release planning: which subset of the Product Backlog ships by the date. Judged on what the PO
 * could see at the Review: the velocity of Done work so far, the Sprints left and the scope.
 */
export const planRelease: Rule<'planRelease'> = {
  check: (s) => (s.releasePlan ? { code: 'notAllowedNow', message: 'the release plan is already made' } : null),
  apply(draft, a, ctx) {
    const { capacity, scope, left } = remainingCapacity(ctx.base, ctx.scenario.sprints);
    const fits = scope <= capacity;
    draft.releasePlan = a.plan;
    const date = `the end of Sprint ${ctx.scenario.sprints}`;
    const seen = `About ${Math.round(capacity)} points of Done work can be expected in the ${left} ${left === 1 ? 'Sprint' : 'Sprints'} left, against ${scope} points in the Product Backlog`;
    const score = a.plan === 'dateWithFlexibleScope' ? 1 : a.plan === 'everythingByDate' ? (fits ? 0.6 : 0.1) : 0.4;
    judge(draft, {
      goalId: 'D6.1.1',
      score,
      decisionId: 'release-plan',
      rationale:
        a.plan === 'dateWithFlexibleScope'
          ? `${seen}: fixing the date and letting scope follow the order means the most valuable Done work ships by ${date}.`
          : a.plan === 'everythingByDate'
            ? fits
              ? `${seen}: it may fit, but promising every item by a date leaves no room for what the Sprints will teach.`
              : `${seen}: promising all of it by ${date} sets a promise the velocity says will break.`
            : `${seen}: a release with no date gives stakeholders nothing to plan by; release planning picks what ships by a date.`,
    });
    say(
      draft,
      a.plan === 'dateWithFlexibleScope'
        ? `Release plan: release by ${date}; what ships is the top of the Product Backlog that is Done by then.`
        : a.plan === 'everythingByDate'
          ? `Release plan: every item in the Product Backlog by ${date}.`
          : 'Release plan: the whole scope, with a date once it is Done.',
    );
  },
};

/** Closes the scenario: Done work never released is value that never reached users. */
export const finishScenario: Rule<'finishScenario'> = {
  apply(draft, _a, ctx) {
    const waiting = unreleasedDone(draft as GameState);
    if (waiting.length) {
      judge(draft, {
        goalId: 'D6.3.2',
        score: 0.2,
        decisionId: 'release-final',
        rationale: `${quotedTitles(draft, waiting)} ${waiting.length === 1 ? 'was' : 'were'} Done but never released: value that never reached users, and no usage figures came back.`,
      });
      say(draft, `${waiting.length} Done ${waiting.length === 1 ? 'item was' : 'items were'} never released.`);
    }
    draft.released = draft.releases.some((r) => r.itemIds.length > 0);
    if (draft.releasePlan === 'everythingByDate' && draft.backlogOrder.some((id) => !draft.items[id]!.offVision && draft.items[id]!.moscow !== 'wont')) {
      const asker = forecastAsker(draft, ctx.scenario.stakeholders);
      if (asker) adjustTrust(draft, asker, -10, 'The release plan promised the whole Product Backlog by the last Sprint, and it is not all Done');
      say(draft, 'The release plan promised the whole Product Backlog by the last Sprint, and it is not all Done: the promise is broken.');
    }
    judgeOutcomes(draft, ctx.scenario);
    judgeProductGoalReached(draft, ctx.scenario);
    judgeSkippedDiscovery(draft, ctx.base, ctx.scenario);
    const progress = productGoalProgressLine(draft as GameState, ctx.scenario);
    if (progress) say(draft, progress);
  },
};
