import type { Draft } from 'immer';
import type { GameState } from '../model/state';
import type { Rule, RuleContext, RuleError } from './context';
import { judge, say, unknownId } from './context';
import { round2 } from './formulas';
import { scenarioItem } from './story';

/** PO time each discovery activity takes, in half-days. */
export const PO_TIME_COST = { interviews: 2, survey: 1, usabilityTest: 1, analytics: 1, market: 1, assumption: 1 } as const;

function needTime(s: GameState, cost: number): RuleError | null {
  return s.poTime >= cost ? null : { code: 'notAllowedNow', message: `not enough of your time left this Sprint (${s.poTime} half-days; this needs ${cost})` };
}

function backlogItem(s: GameState, id: string): RuleError | null {
  return s.items[id]?.status === 'backlog' ? null : unknownId('Product Backlog item', id);
}

/** Sets an item's stated value to its real worth: the evidence has spoken. */
function revealValue(draft: Draft<GameState>, id: string, why: string): void {
  const item = draft.items[id]!;
  if (item.statedValue === item.truth.value) return;
  item.statedValue = item.truth.value;
  draft.insights.push(`${why}: "${item.title}" is worth about ${item.truth.value}.`);
}

/** Backlog items whose stated value is furthest from the truth, in a stable order. */
function misjudged(state: GameState, n: number): string[] {
  return state.backlogOrder
    .map((id) => state.items[id]!)
    .filter((i) => i.statedValue !== i.truth.value && i.assumptionHolds !== false)
    .sort((a, b) => Math.abs(b.statedValue - b.truth.value) - Math.abs(a.statedValue - a.truth.value) || (a.id < b.id ? -1 : 1))
    .slice(0, n)
    .map((i) => i.id);
}

export const gatherFeedback: Rule<'gatherFeedback'> = {
  check: (s, a) => needTime(s, PO_TIME_COST[a.method]),
  apply(draft, a, ctx) {
    const base = ctx.base;
    draft.poTime -= PO_TIME_COST[a.method];
    draft.feedback.push({ sprint: base.sprint, method: a.method });
    const released = base.releases.some((r) => r.itemIds.length > 0);
    let score = 1;
    let rationale = '';
    switch (a.method) {
      case 'interviews':
        for (const id of misjudged(base, 2)) revealValue(draft, id, 'Interviews showed what users really need');
        rationale = 'Interviews reveal needs and the reasons behind requests, at the cost of your time.';
        break;
      case 'survey':
        for (const id of misjudged(base, 2)) {
          const item = draft.items[id]!;
          item.statedValue = round2((item.statedValue + item.truth.value) / 2);
        }
        draft.insights.push('The survey hinted at which requests matter, but surveys capture opinions, not behaviour.');
        score = 0.6;
        rationale = 'Surveys are cheap and broad, but they tell you what people say, not what they do.';
        break;
      case 'usabilityTest':
        draft.team.lostThisSprint = round2(draft.team.lostThisSprint + 2);
        for (const id of base.backlogOrder.slice(0, 2)) {
          draft.items[id]!.truth.risk = round2(draft.items[id]!.truth.risk * 0.5);
          draft.insights.push(`A usability test found problems in "${base.items[id]!.title}" early, while they are cheap to fix.`);
        }
        rationale = 'Watching users try the product finds usability problems before they are built in.';
        break;
      case 'analytics':
        if (released) for (const id of misjudged(base, 3)) revealValue(draft, id, 'Usage analytics showed');
        else draft.insights.push('Analytics found nothing yet: no one has used a released Increment.');
        score = released ? 1 : 0;
        rationale = released ? 'Analytics show what real users do with what was released.' : 'Analytics need a released Increment and real users; there was none yet.';
        break;
    }
    judge(draft, { goalId: 'D4.2.1', score, decisionId: `feedback-${a.method}-s${base.sprint}`, rationale });
    say(draft, draft.insights[draft.insights.length - 1] ?? `You gathered feedback (${{ interviews: 'interviews', survey: 'a survey', usabilityTest: 'a usability test', analytics: 'usage analytics' }[a.method]}).`);
  },
};

export const testAssumption: Rule<'testAssumption'> = {
  check(s, a, scenario) {
    const err = backlogItem(s, a.itemId);
    if (err) return err;
    if (!scenarioItem(scenario, a.itemId)?.assumption) return { code: 'invalidParams', message: `"${s.items[a.itemId]!.title}" rests on no assumption to test` };
    if (s.items[a.itemId]!.assumptionHolds !== null) return { code: 'invalidParams', message: 'that assumption was already tested' };
    return needTime(s, PO_TIME_COST.assumption);
  },
  apply(draft, a, ctx) {
    const source = scenarioItem(ctx.scenario, a.itemId)!;
    const item = draft.items[a.itemId]!;
    const holds = source.assumption!.holds;
    draft.poTime -= PO_TIME_COST.assumption;
    // A thin MVP or experiment costs a fifth of building the real thing.
    draft.team.lostThisSprint = round2(draft.team.lostThisSprint + Math.max(1, Math.round(item.truth.effort * 0.2)));
    item.assumptionHolds = holds;
    if (!holds) item.statedValue = 0;
    judge(draft, {
      goalId: 'D4.2.2',
      score: 1,
      decisionId: `mvp-${a.itemId}`,
      rationale: 'A small experiment tested the riskiest belief before the full build.',
    });
    const msg = holds
      ? `The experiment supports "${source.assumption!.text}": "${item.title}" is worth building.`
      : `The experiment disproved "${source.assumption!.text}": building "${item.title}" would deliver nothing.`;
    draft.insights.push(msg);
    say(draft, msg);
  },
};

export const sortEmpathyNote: Rule<'sortEmpathyNote'> = {
  check(s, a, scenario) {
    if (!scenario.empathyNotes?.some((n) => n.id === a.noteId)) return unknownId('interview note', a.noteId);
    return s.empathy[a.noteId] ? { code: 'invalidParams', message: 'that note is already on the empathy map' } : null;
  },
  apply(draft, a, ctx) {
    const note = ctx.scenario.empathyNotes!.find((n) => n.id === a.noteId)!;
    draft.empathy[a.noteId] = a.quadrant;
    const right = note.quadrant === a.quadrant;
    judge(draft, {
      goalId: 'D4.2.3',
      score: right ? 1 : 0,
      decisionId: `empathy-${a.noteId}`,
      rationale: right
        ? `"${note.text}" is what the user ${a.quadrant === 'does' ? 'does' : a.quadrant}: it belongs there.`
        : `"${note.text}" is something the user ${note.quadrant === 'does' ? 'does' : note.quadrant}, not ${a.quadrant}.`,
    });
  },
};

export const classifyRequest: Rule<'classifyRequest'> = {
  check(s, a, scenario) {
    const err = backlogItem(s, a.itemId);
    if (err) return err;
    if (!scenarioItem(scenario, a.itemId)?.requestKind) return { code: 'invalidParams', message: `"${s.items[a.itemId]!.title}" is not a feature request to classify` };
    return s.items[a.itemId]!.requestClass ? { code: 'invalidParams', message: 'that request is already classified' } : null;
  },
  apply(draft, a, ctx) {
    const truth = scenarioItem(ctx.scenario, a.itemId)!.requestKind!;
    const item = draft.items[a.itemId]!;
    item.requestClass = a.kind;
    const right = truth === a.kind;
    if (right && truth !== 'need') revealValue(draft, a.itemId, truth === 'habit' ? 'It reflects an old habit, not a need' : 'It only copies a competitor');
    judge(draft, {
      goalId: 'D4.2.4',
      score: right ? 1 : 0,
      decisionId: `request-${a.itemId}`,
      rationale: right
        ? 'The evidence supports that reading of the request.'
        : `The evidence points to ${truth === 'need' ? 'a genuine unmet need' : truth === 'habit' ? 'a habit users are used to' : 'matching a competitor'} instead.`,
    });
  },
};

export const analyseMarket: Rule<'analyseMarket'> = {
  check: (s, a) => (s.marketAnalysis.includes(a.technique) ? { code: 'invalidParams', message: `you already ran a ${a.technique}` } : needTime(s, PO_TIME_COST.market)),
  apply(draft, a, ctx) {
    draft.poTime -= PO_TIME_COST.market;
    draft.marketAnalysis.push(a.technique);
    let found = 0;
    for (const id of ctx.base.backlogOrder) {
      const position = scenarioItem(ctx.scenario, id)?.market;
      if (!position) continue;
      // Positioning shows only where the product stands apart; a comparison or SWOT shows all of it.
      if (a.technique === 'positioning' && position !== 'differentiator') continue;
      draft.items[id]!.marketKnown = position;
      found++;
    }
    if (found > 0)
      judge(draft, {
        goalId: 'D4.3.1',
        score: 1,
        decisionId: `market-${a.technique}`,
        rationale: 'Knowing where the product leads, matches or lags its competitors puts each backlog item in context.',
      });
    const msg = `The ${a.technique === 'swot' ? 'SWOT analysis' : a.technique === 'positioning' ? 'positioning map' : 'feature comparison'} placed ${found} item(s) against the competition.`;
    draft.insights.push(msg);
    say(draft, msg);
  },
};

export const flagOffVision: Rule<'flagOffVision'> = {
  check(s, a) {
    const err = backlogItem(s, a.itemId);
    if (err) return err;
    return s.items[a.itemId]!.offVision ? { code: 'invalidParams', message: 'that item is already set aside' } : null;
  },
  apply(draft, a, ctx) {
    const serves = scenarioItem(ctx.scenario, a.itemId)?.servesVision ?? true;
    const item = draft.items[a.itemId]!;
    item.offVision = true;
    draft.backlogOrder = [...ctx.base.backlogOrder.filter((id) => id !== a.itemId), a.itemId];
    judge(draft, {
      goalId: 'D2.1.3',
      score: serves ? 0 : 1,
      decisionId: `vision-${a.itemId}`,
      rationale: serves
        ? `"${item.title}" does serve the vision; setting it aside loses value.`
        : `"${item.title}" does not move the product towards its vision, so it waits at the bottom.`,
    });
    say(draft, `Set "${item.title}" aside: it does not serve the vision.`);
  },
};

/** Judged at planning: did the top of the backlog use what market analysis showed? */
export function judgeMarketUse(draft: Draft<GameState>, ctx: RuleContext): void {
  const top = ctx.base.backlogOrder.slice(0, 3).map((id) => ctx.base.items[id]!);
  // Nothing left that sets the product apart: no order could have done better.
  const edgeLeft = ctx.base.backlogOrder.some((id) => ['differentiator', 'lagging'].includes(ctx.base.items[id]!.marketKnown ?? ''));
  if (!edgeLeft) return;
  const known = top.filter((i) => i.marketKnown);
  if (!ctx.base.marketAnalysis.length || known.length === 0) return;
  const parity = known.filter((i) => i.marketKnown === 'parity').length;
  const edge = known.some((i) => i.marketKnown === 'differentiator' || i.marketKnown === 'lagging');
  judge(draft, {
    goalId: 'D4.3.2',
    score: edge && parity === 0 ? 1 : edge ? 0.5 : 0.2,
    decisionId: `market-order-s${ctx.base.sprint}`,
    rationale:
      edge && parity === 0
        ? 'The top of the backlog builds on where the product differs, or closes a gap that costs customers.'
        : 'Matching competitors feature for feature took the place of what sets the product apart.',
  });
}

/** Judged at planning: buyers and users both need to see value when they are different people. */
export function judgeBuyerAndUser(draft: Draft<GameState>, ctx: RuleContext): void {
  const segments = ctx.scenario.segments ?? [];
  const buyers = new Set(segments.filter((s) => s.buyer).map((s) => s.id));
  const users = new Set(segments.filter((s) => s.user).map((s) => s.id));
  const distinct = [...buyers].some((b) => !users.has(b)) || [...users].some((u) => !buyers.has(u));
  if (!distinct) return;
  const top = ctx.base.backlogOrder.slice(0, 5).flatMap((id) => scenarioItem(ctx.scenario, id)?.segments ?? []);
  const left = ctx.base.backlogOrder.flatMap((id) => scenarioItem(ctx.scenario, id)?.segments ?? []);
  // Only judge when the backlog still holds work for both sides.
  if (!left.some((s) => buyers.has(s)) || !left.some((s) => users.has(s))) return;
  const forBuyer = top.some((s) => buyers.has(s));
  const forUser = top.some((s) => users.has(s));
  judge(draft, {
    goalId: 'D4.1.3',
    score: forBuyer && forUser ? 1 : 0.3,
    decisionId: `segments-s${ctx.base.sprint}`,
    rationale:
      forBuyer && forUser
        ? 'The next work serves both the people who buy the product and the people who use it.'
        : `The next work serves only the ${forBuyer ? 'buyers' : 'users'}; the ${forBuyer ? 'users' : 'buyers'} decide its fate too.`,
  });
}
