import type { Draft } from 'immer';
import { STRATEGY_LABEL } from '../model/labels';
import { makeItem } from '../model/initial';
import type { Scenario, ScenarioItem, SplitStrategy } from '../model/scenario';
import type { GameState } from '../model/state';
import type { Rule, RuleError } from './context';
import { judge, say, unknownId } from './context';

const itemIndex = new WeakMap<Scenario, Map<string, ScenarioItem>>();

/** A backlog item as the scenario defines it (split pieces have no entry). Indexed once per scenario. */
export function scenarioItem(scenario: Scenario, id: string): ScenarioItem | undefined {
  let index = itemIndex.get(scenario);
  if (!index) {
    index = new Map(scenario.backlog.map((i) => [i.id, i]));
    itemIndex.set(scenario, index);
  }
  return index.get(id);
}

function backlogItem(s: GameState, id: string): RuleError | null {
  const item = s.items[id];
  return item && item.status === 'backlog' ? null : unknownId('Product Backlog item', id);
}

/** How good a split strategy is, given what the item needs. Horizontal layers never deliver value alone. */
export function splitScore(strategy: SplitStrategy, risk: number): number {
  if (strategy === 'horizontalLayer') return 0;
  if (strategy === 'spike') return risk >= 0.4 ? 0.8 : 0.3;
  return 1;
}

export const splitItem: Rule<'splitItem'> = {
  check(s, a, scenario) {
    const err = backlogItem(s, a.itemId);
    if (err) return err;
    const option = scenarioItem(scenario, a.itemId)?.splits?.find((o) => o.strategy === a.strategy);
    return option ? null : { code: 'invalidParams', message: `"${s.items[a.itemId]!.title}" cannot be split by ${a.strategy}` };
  },
  apply(draft, a, ctx) {
    const source = scenarioItem(ctx.scenario, a.itemId)!;
    const option = source.splits!.find((o) => o.strategy === a.strategy)!;
    const parent = draft.items[a.itemId]!;
    parent.status = 'split';
    const at = ctx.base.backlogOrder.indexOf(a.itemId);
    const ids = option.children.map((c) => c.id);
    for (const child of option.children) {
      draft.items[child.id] = makeItem({ ...child, type: source.type === 'epic' ? 'feature' : 'story', ...(source.requestedBy ? { requestedBy: source.requestedBy } : {}) }, a.itemId);
    }
    draft.backlogOrder = [...ctx.base.backlogOrder.slice(0, at), ...ids, ...ctx.base.backlogOrder.slice(at + 1)];
    const score = splitScore(a.strategy, source.truth.risk);
    judge(draft, {
      goalId: 'D3.1.4',
      score,
      decisionId: `split-${a.itemId}`,
      rationale:
        score === 1
          ? 'Each piece is a thin, valuable slice the Developers can finish and users can use.'
          : a.strategy === 'horizontalLayer'
            ? 'Splitting by technical layer gives pieces that deliver nothing until all are done.'
            : score >= 0.8
              ? 'A time-boxed spike first is wise for an item this uncertain.'
              : 'A spike buys learning, but this item was not uncertain enough to need one.',
    });
    judge(draft, {
      goalId: 'D3.1.1',
      score: source.type === 'epic' || source.estimate > 8 ? 1 : 0.5,
      decisionId: `split-${a.itemId}`,
      rationale: 'Large items near the top are broken down so they fit a Sprint; items further down can stay coarse.',
    });
    say(draft, `Split "${parent.title}" into ${ids.length} pieces by ${STRATEGY_LABEL[a.strategy] ?? a.strategy}.`);
  },
};

export const fixFlaw: Rule<'fixFlaw'> = {
  check(s, a) {
    const err = backlogItem(s, a.itemId);
    if (err) return err;
    return s.items[a.itemId]!.fixedFlaws.includes(a.flaw) ? { code: 'invalidParams', message: `you already reworked "${s.items[a.itemId]!.title}" for ${a.flaw}` } : null;
  },
  apply(draft, a, ctx) {
    const item = draft.items[a.itemId]!;
    const real = (scenarioItem(ctx.scenario, a.itemId)?.flaws ?? []).includes(a.flaw);
    item.fixedFlaws.push(a.flaw);
    judge(draft, {
      goalId: 'D3.1.3',
      score: real ? 1 : 0,
      decisionId: `invest-${a.itemId}-${a.flaw}`,
      rationale: real
        ? `The story was not ${a.flaw === 'small' ? 'small enough' : a.flaw}; reworking it makes it easier to deliver and test.`
        : `The story already was ${a.flaw}; the rework spent time on a problem it did not have.`,
    });
    if (real) item.truth.risk = Math.round(item.truth.risk * 0.6 * 100) / 100;
    say(draft, real ? `Reworked "${item.title}": it is now ${a.flaw}.` : `Reworked "${item.title}" for ${a.flaw}, but the Developers saw no difference.`);
  },
};

export const addCriterion: Rule<'addCriterion'> = {
  check(s, a, scenario) {
    const err = backlogItem(s, a.itemId);
    if (err) return err;
    if (!scenarioItem(scenario, a.itemId)?.criteria?.some((c) => c.id === a.criterionId))
      return { code: 'unknownId', message: `"${s.items[a.itemId]!.title}" has no candidate criterion "${a.criterionId}"` };
    return s.items[a.itemId]!.criteria.includes(a.criterionId) ? { code: 'invalidParams', message: 'that criterion is already on the item' } : null;
  },
  apply(draft, a, ctx) {
    const item = draft.items[a.itemId]!;
    item.criteria.push(a.criterionId);
    const text = scenarioItem(ctx.scenario, a.itemId)!.criteria!.find((c) => c.id === a.criterionId)!.text;
    say(draft, `Added to "${item.title}": ${text}`);
  },
};

export const setReadiness: Rule<'setReadiness'> = {
  apply(draft, a) {
    draft.readiness = a.level;
    say(draft, a.level === 'strict'
      ? 'Definition of Ready: strict. Only refined items with acceptance criteria and no open dependency may enter a Sprint.'
      : a.level === 'light'
        ? 'Definition of Ready: light. Items should be refined or small enough to understand at Sprint Planning.'
        : 'No Definition of Ready: the Developers take items as they come.');
  },
};

export const tagMoscow: Rule<'tagMoscow'> = {
  check: (s, a) => backlogItem(s, a.itemId),
  apply(draft, a) {
    draft.items[a.itemId]!.moscow = a.tag;
  },
};

/** Kinds of criteria chosen for an item: good ones, and poor ones (vague or prescribing the how). */
export function criteriaCoverage(item: { criteria: readonly string[] }, source: ScenarioItem | undefined) {
  const kinds = new Set<string>();
  let poor = 0;
  for (const id of item.criteria) {
    const c = source?.criteria?.find((x) => x.id === id);
    if (!c) continue;
    if (c.kind === 'vague' || c.kind === 'implementation') poor++;
    else kinds.add(c.kind);
  }
  const available = new Set((source?.criteria ?? []).filter((c) => c.kind !== 'vague' && c.kind !== 'implementation').map((c) => c.kind));
  return { covered: kinds.size, available: available.size, poor, hasHappyPath: kinds.has('happyPath') };
}

/** Work the PO has decided not to do: Won't this time, off the vision, or disproved by an experiment. */
export function setAside(item: GameState['items'][string]): boolean {
  return item.moscow === 'wont' || item.offVision || item.assumptionHolds === false;
}

export function isReady(state: GameState, itemId: string, scenario: Scenario, level: GameState['readiness']): boolean {
  const item = state.items[itemId]!;
  if (setAside(item)) return false;
  if (level === 'none') return true;
  if (level === 'light') return item.refined || item.estimate <= 5;
  const deps = item.dependenciesKnown ? (item.truth.dependsOn ?? []) : [];
  const depsDone = deps.every((d) => state.items[d]?.status === 'done');
  const hasCriteria = criteriaCoverage(item, scenarioItem(scenario, itemId)).covered >= 1 || !scenarioItem(scenario, itemId)?.criteria;
  return item.refined && depsDone && hasCriteria;
}

export type { Draft };
