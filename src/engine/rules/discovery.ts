import type { Draft } from 'immer';
import type { Scenario } from '../model/scenario';
import type { GameState, Item, MarketTechnique } from '../model/state';
import type { Rule, RuleContext, RuleError } from './context';
import { judge, quotedTitles, say, unknownId } from './context';
import { round2 } from './formulas';
import { scenarioItem, sourceItem } from './story';
import { interviewReach } from './persona';
import { judgeUsageAsValue } from './goals-in-the-world';

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

/**
 * Analytics count what users do with released work, so they speak only about the value of the
 * backlog items that build on it: the rest of a split item whose piece is out, and items that
 * depend on released work. Nothing unreleased has usage to read.
 */
function usageAnalytics(draft: Draft<GameState>, state: GameState): void {
  const related = misjudged(state, state.backlogOrder.length)
    .map((id) => ({ id, base: releasedBase(state, id) }))
    .filter((r) => r.base)
    .slice(0, 3);
  for (const r of related) revealValue(draft, r.id, `Usage of "${r.base!.title}" points to what builds on it`);
  if (!related.length) draft.insights.push('Usage analytics showed how the released work is used; nothing not yet released has usage to read.');
}

/** The released item whose usage speaks for `id`: a released piece of the same split, or released work it depends on. */
function releasedBase(state: GameState, id: string): Item | undefined {
  const item = state.items[id]!;
  const out = (i: Item | undefined) => !!i && i.releasedInSprint !== null;
  const dependency = (item.truth.dependsOn ?? []).map((d) => state.items[d]).find(out);
  if (dependency || item.parentId === null) return dependency;
  return Object.values(state.items).find((i) => i.parentId === item.parentId && out(i));
}

/**
 * A survey counts how many people share a view; it cannot find the reasons. After interviews it
 * is the standard next step: it measures how widely what they found holds. Before any, it asks
 * questions nobody has learned to ask yet, and gathers opinions.
 */
function surveyJudgement(base: GameState): { score: number; rationale: string; insight: string } {
  const interviewed = base.feedback.find((f) => f.method === 'interviews');
  if (interviewed) {
    const when = interviewed.sprint === 0 ? 'before Sprint 1' : `in Sprint ${interviewed.sprint}`;
    return {
      score: 1,
      rationale: `You had interviewed users ${when}, so the open question was how many share what they said: a survey measures exactly that, cheaply and at scale.`,
      insight: 'The survey showed how widely the interview findings are shared.',
    };
  }
  return {
    score: 0.6,
    rationale: `By Sprint ${base.sprint} nobody had been interviewed yet, so the survey could only ask about requests as stated: it counted opinions without knowing the needs behind them. Interviews first, then a survey to measure what they found.`,
    insight: 'The survey hinted at which requests matter, but without interviews it captured opinions, not the needs behind them.',
  };
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
      case 'interviews': {
        // Whom the PO talks to depends on the persona built at the briefing.
        const { reach, note } = interviewReach(base, ctx.scenario);
        const learned = misjudged(base, reach);
        for (const id of learned) revealValue(draft, id, 'Interviews showed what users really need');
        if (note) draft.insights.push(note);
        rationale = learned.length
          ? `Interviews showed what users really need from ${quotedTitles(base, learned)}: they reveal needs and the reasons behind requests, at the cost of your time.`
          : 'Interviews in Sprint ' + base.sprint + ' confirmed the stated values; they reveal needs and the reasons behind requests, at the cost of your time.';
        break;
      }
      case 'survey': {
        for (const id of misjudged(base, 2)) {
          const item = draft.items[id]!;
          item.statedValue = round2((item.statedValue + item.truth.value) / 2);
        }
        const judgedSurvey = surveyJudgement(base);
        draft.insights.push(judgedSurvey.insight);
        score = judgedSurvey.score;
        rationale = judgedSurvey.rationale;
        break;
      }
      case 'usabilityTest':
        draft.team.lostThisSprint = round2(draft.team.lostThisSprint + 2);
        for (const id of base.backlogOrder.slice(0, 2)) {
          draft.items[id]!.truth.risk = round2(draft.items[id]!.truth.risk * 0.5);
          draft.insights.push(`A usability test found problems in "${base.items[id]!.title}" early, while they are cheap to fix.`);
        }
        rationale = `Watching users try ${quotedTitles(base, base.backlogOrder.slice(0, 2))} found usability problems before they were built in.`;
        break;
      case 'analytics':
        if (released) usageAnalytics(draft, base);
        else draft.insights.push('Analytics found nothing yet: no one has used a released Increment.');
        score = released ? 1 : 0;
        rationale = released
          ? `Analytics showed what real users did with the ${base.releases.reduce((n, r) => n + r.itemIds.length, 0)} released items.`
          : `Nothing had been released by Sprint ${base.sprint}: analytics need a released Increment and real users.`;
        break;
    }
    judge(draft, { goalId: 'D4.2.1', score, decisionId: `feedback-${a.method}-s${base.sprint}`, rationale });
    if (a.method === 'analytics') judgeUsageAsValue(draft, base);
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
      rationale: `A small experiment tested "${source.assumption!.text}" before "${item.title}" was built in full.`,
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

const REQUEST_WORDS: Record<'need' | 'habit' | 'competitor', string> = {
  need: 'a genuine unmet need',
  habit: 'a habit users are used to',
  competitor: 'matching a competitor',
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
        ? `The request's own words ("${item.description}") support reading it as ${REQUEST_WORDS[a.kind]}.`
        : `The request's own words ("${item.description}") point to ${REQUEST_WORDS[truth]}, not ${REQUEST_WORDS[a.kind]}.`,
    });
  },
};

/**
 * What each technique shows about backlog items. A feature comparison places every one (lead,
 * match, lag); a positioning map only where the product stands apart; a SWOT is a strategy view,
 * and touches items only as strengths (where it differs) or weaknesses (where it lags).
 */
const MARKET_SHOWS: Record<MarketTechnique, readonly string[]> = {
  featureComparison: ['differentiator', 'parity', 'lagging'],
  positioning: ['differentiator'],
  swot: ['differentiator', 'lagging'],
};

/** How well the technique fits the question the backlog asks: where does each item stand? */
const MARKET_FIT: Record<MarketTechnique, number> = { featureComparison: 1, positioning: 0.8, swot: 0.5 };

const MARKET_RATIONALE: Record<MarketTechnique, (items: string) => string> = {
  featureComparison: (items) => `The feature comparison placed ${items}: where the product leads, matches or lags its competitors, which puts each backlog item in its market context.`,
  positioning: (items) => `The positioning map showed ${items} where the product stands apart, the ground to lead on; where it only matches or lags stayed unseen, which a feature comparison would have shown.`,
  swot: (items) =>
    `A SWOT weighs the product\u2019s strengths and weaknesses against the market\u2019s opportunities and threats: a view for strategy. It touched ${items} as strengths or weaknesses; to place each backlog item against competitors, a feature comparison is the tool.`,
};

export const analyseMarket: Rule<'analyseMarket'> = {
  check: (s, a) => (s.marketAnalysis.includes(a.technique) ? { code: 'invalidParams', message: `you already ran a ${a.technique}` } : needTime(s, PO_TIME_COST.market)),
  apply(draft, a, ctx) {
    draft.poTime -= PO_TIME_COST.market;
    draft.marketAnalysis.push(a.technique);
    let found = 0;
    for (const id of ctx.base.backlogOrder) {
      const position = scenarioItem(ctx.scenario, id)?.market;
      if (!position || !MARKET_SHOWS[a.technique].includes(position)) continue;
      draft.items[id]!.marketKnown = position;
      found++;
    }
    const items = `${found} ${found === 1 ? 'item' : 'items'}`;
    if (found > 0) judge(draft, { goalId: 'D4.3.1', score: MARKET_FIT[a.technique], decisionId: `market-${a.technique}`, rationale: MARKET_RATIONALE[a.technique](items) });
    const msg =
      a.technique === 'swot'
        ? `The SWOT analysis named ${items} in the backlog as the product\u2019s strengths or weaknesses against the competition.`
        : `The ${a.technique === 'positioning' ? 'positioning map' : 'feature comparison'} placed ${items} against the competition.`;
    draft.insights.push(msg);
    say(draft, msg);
  },
};

/** Every item states whether it serves the vision; a piece of a split item shares its whole's answer. */
export function servesVision(state: GameState, scenario: Scenario, id: string): boolean {
  const source = sourceItem(state, scenario, id);
  // The validator refuses a scenario without it; a default here would judge an unstated truth.
  if (source?.servesVision === undefined) throw new Error(`the scenario does not state whether "${id}" serves the vision`);
  return source.servesVision;
}

/** What the player had in front of them: the vision, the item's own purpose and its value as far as they knew. */
function offVisionRationale(item: Item, vision: string, serves: boolean): string {
  const purpose = item.description.split(/so that /i)[1]?.replace(/\.$/, '');
  const said = purpose ? `its own story gives its purpose as "${purpose}"` : `its description reads "${item.description}"`;
  const worth = `it was said to be worth about ${item.statedValue}`;
  return serves
    ? `"${item.title}" serves the vision ("${vision}"): ${said}, which is what the vision promises its customers. Setting it aside loses its value (${worth}); if it is worth little, ordering it low says so without calling it off-vision.`
    : `"${item.title}" does not move the product towards its vision ("${vision}"): ${said}, which is not what the vision promises its customers. Setting it aside keeps the team on what the vision is for, even though ${worth}.`;
}

export const flagOffVision: Rule<'flagOffVision'> = {
  check(s, a) {
    const err = backlogItem(s, a.itemId);
    if (err) return err;
    return s.items[a.itemId]!.offVision ? { code: 'invalidParams', message: 'that item is already set aside' } : null;
  },
  apply(draft, a, ctx) {
    const seen = ctx.base.items[a.itemId]!;
    const serves = servesVision(ctx.base, ctx.scenario, a.itemId);
    const item = draft.items[a.itemId]!;
    item.offVision = true;
    draft.backlogOrder = [...ctx.base.backlogOrder.filter((id) => id !== a.itemId), a.itemId];
    judge(draft, { goalId: 'D2.1.3', score: serves ? 0 : 1, decisionId: `vision-${a.itemId}`, rationale: offVisionRationale(seen, ctx.scenario.product.vision, serves) });
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
        ? `The market analysis placed the top of the backlog (${quotedTitles(ctx.base, known.map((i) => i.id))}) where the product differs, or closes a gap that costs customers.`
        : `The market analysis showed ${quotedTitles(ctx.base, known.filter((i) => i.marketKnown === 'parity').map((i) => i.id))} only matching competitors, and ${parity === 1 ? 'it' : 'they'} took the place of what sets the product apart.`,
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
        ? `The top of the backlog (${quotedTitles(ctx.base, ctx.base.backlogOrder.slice(0, 3))} first) serves both the people who buy the product and the people who use it.`
        : `The top of the backlog (${quotedTitles(ctx.base, ctx.base.backlogOrder.slice(0, 3))} first) serves only the ${forBuyer ? 'buyers' : 'users'}; the ${forBuyer ? 'users' : 'buyers'} decide its fate too.`,
  });
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/**
 * Discovery the scenario offered, the goals it shows, and what skipping it all cost. Experiments
 * are not here: an untested belief matters only for work that gets built, and each such item is
 * judged when it enters a Sprint; leaving a belief untested behind work never built is no fault.
 */
const DISCOVERY_OFFERS: readonly { id: string; goalIds: readonly string[]; offered: (s: Scenario) => boolean; taken: (s: GameState) => boolean; skipped: (s: Scenario) => string }[] = [
  {
    id: 'feedback',
    goalIds: ['D4.2.1'],
    offered: () => true,
    taken: (s) => s.feedback.length > 0,
    skipped: (s) => `Interviews, surveys, usability tests and usage analytics were on offer in each of the ${s.sprints} Sprints, and no feedback was gathered: every judgement of value rested on what stakeholders claimed.`,
  },
  {
    id: 'empathy',
    goalIds: ['D4.2.3'],
    offered: (s) => (s.empathyNotes ?? []).length > 0,
    taken: (s) => Object.keys(s.empathy).length > 0,
    skipped: (s) => `${count((s.empathyNotes ?? []).length, 'interview note')} waited to be sorted into what users say, think, feel and do, and none was: what users need stayed unread.`,
  },
  {
    id: 'requests',
    goalIds: ['D4.2.4'],
    offered: (s) => s.backlog.some((i) => i.requestKind),
    taken: (s) => Object.values(s.items).some((i) => i.requestClass !== null),
    skipped: (s) => `${count(s.backlog.filter((i) => i.requestKind).length, 'feature request')} in the Product Backlog came with their reasons, and none was read for whether it reflects a need, a habit or a competitor: all were taken at face value.`,
  },
  {
    id: 'market',
    goalIds: ['D4.3.1', 'D4.3.2'],
    offered: (s) => s.backlog.some((i) => i.market),
    taken: (s) => s.marketAnalysis.length > 0,
    skipped: (s) => `A feature comparison, a SWOT or a positioning map was on offer in each of the ${s.sprints} Sprints, and the competition was never looked at: the order could not build on where the product stands apart.`,
  },
];

/**
 * Judged at the end: discovery the scenario offered and is built to exercise, never once taken,
 * is a missed goal, not one the run never saw (as "no roadmap at all" is for the roadmap).
 */
export function judgeSkippedDiscovery(draft: Draft<GameState>, base: GameState, scenario: Scenario): void {
  for (const offer of DISCOVERY_OFFERS) {
    // A knowledge check on the goal does not make up for the decision never taken in the world.
    if (!offer.offered(scenario) || offer.taken(base)) continue;
    for (const goalId of offer.goalIds) if (scenario.targets.includes(goalId)) judge(draft, { goalId, score: 0, decisionId: `skipped-${offer.id}`, rationale: offer.skipped(scenario) });
  }
}
