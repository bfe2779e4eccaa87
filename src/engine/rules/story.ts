import type { Draft } from 'immer';
import { STRATEGY_LABEL } from '../model/labels';
import { makeItem } from '../model/initial';
import type { CriterionKind, InvestFlaw, Scenario, ScenarioItem, SplitStrategy } from '../model/scenario';
import type { GameState, WrittenCriteria } from '../model/state';
import type { Rule, RuleError } from './context';
import { judge, say, unknownId } from './context';
import { judgeReadinessAgreement } from './goals-in-the-world';
import { applyWrittenSplit, checkWrittenSplit } from './split-writing';

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

/**
 * The scenario's entry an item comes from: its own, else that of the whole it was split from (a
 * written slice of a scenario's piece goes up twice), or of the released item it is a defect of.
 */
export function sourceItem(state: Pick<GameState, 'items'>, scenario: Scenario, id: string): ScenarioItem | undefined {
  let current: string | undefined = id;
  for (let depth = 0; current && depth < 16; depth++) {
    const found = scenarioItem(scenario, current);
    if (found) return found;
    const item: GameState['items'][string] | undefined = state.items[current];
    current = item?.parentId ?? item?.defectOf;
  }
  return undefined;
}

function backlogItem(s: GameState, id: string): RuleError | null {
  const item = s.items[id];
  return item && item.status === 'backlog' ? null : unknownId('Product Backlog item', id);
}

/**
 * How good a split strategy is, given what the player could see of the item: a spike is for work
 * known to be uncertain. Horizontal layers never deliver value alone.
 */
export function splitScore(strategy: SplitStrategy, seenUncertain: boolean): number {
  if (strategy === 'horizontalLayer') return 0;
  if (strategy === 'spike') return seenUncertain ? 0.8 : 0.3;
  return 1;
}

/** Why the player could know an item is uncertain, in words, or null: the Developers said so, or it rests on an untested belief. */
export function seenUncertainty(item: GameState['items'][string], source: ScenarioItem): string | null {
  if (item.raisedFlaws.includes('estimable')) return 'the Developers had said too much in it is unknown to size it';
  if (source.assumption && item.assumptionHolds === null) return `it rests on a belief nobody has tested ("${source.assumption.text}")`;
  return null;
}

export const splitItem: Rule<'splitItem'> = {
  check(s, a, scenario) {
    const err = backlogItem(s, a.itemId);
    if (err) return err;
    if (a.text !== undefined) return checkWrittenSplit(s, a.itemId, a.text, scenario);
    const option = scenarioItem(scenario, a.itemId)?.splits?.find((o) => o.strategy === a.strategy);
    return option ? null : { code: 'invalidParams', message: `"${s.items[a.itemId]!.title}" cannot be split by ${a.strategy}` };
  },
  apply(draft, a, ctx) {
    if (a.text !== undefined) return applyWrittenSplit(draft, a.itemId, a.strategy, a.text, ctx);
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
    const uncertain = seenUncertainty(ctx.base.items[a.itemId]!, source);
    const score = splitScore(a.strategy, uncertain !== null);
    const what = `"${source.title}" (${ctx.base.items[a.itemId]!.estimate} points) became ${option.children.map((c) => `"${c.title}"`).join(', ')}`;
    judge(draft, {
      goalId: 'D3.1.4',
      score,
      decisionId: `split-${a.itemId}`,
      rationale:
        score === 1
          ? `${what}: each piece is a thin, valuable slice the Developers can finish and users can use.`
          : a.strategy === 'horizontalLayer'
            ? `${what}: split by technical layer, the pieces deliver nothing until all are done.`
            : uncertain
              ? `${what}: a time-boxed spike first is wise, since ${uncertain}.`
              : `${what}: a spike buys learning, but nothing you had seen (no open question from the Developers, no untested belief) said this item was uncertain enough to need one.`,
    });
    const large = source.type === 'epic' || source.estimate > 8;
    judge(draft, {
      goalId: 'D3.1.1',
      score: large ? 1 : 0.5,
      decisionId: `split-${a.itemId}`,
      rationale: large
        ? `${what}: large items near the top are broken down so they fit a Sprint.`
        : `${what}: it was already small enough for a Sprint; items further down can stay coarse until they come near the top.`,
    });
    say(draft, `Split "${parent.title}" into ${ids.length} pieces by ${STRATEGY_LABEL[a.strategy] ?? a.strategy}.`);
  },
};

/** What the Developers ask while refining a story that lacks each INVEST quality: how a flaw becomes visible. */
export const FLAW_QUESTION: Record<InvestFlaw, string> = {
  independent: 'whether it can be built without waiting for other work',
  negotiable: 'why it prescribes the solution, leaving no room to find a simpler one',
  valuable: 'who gains what from it',
  estimable: 'what exactly is in it, since too much is unknown to size it',
  small: 'whether it can be made smaller, since it looks too big for one Sprint',
  testable: 'how anyone would know it works',
};

/** Refining a story surfaces the INVEST weaknesses it has as written, as the Developers' questions. */
export function raiseFlaws(draft: Draft<GameState>, scenario: Scenario, itemId: string): InvestFlaw[] {
  const item = draft.items[itemId]!;
  const raised = (scenarioItem(scenario, itemId)?.flaws ?? []).filter((f) => !item.fixedFlaws.includes(f) && !item.raisedFlaws.includes(f));
  item.raisedFlaws.push(...raised);
  return raised;
}

/** "They asked who gains what from it and how anyone would know it works." */
export function flawQuestions(flaws: readonly InvestFlaw[]): string {
  const q = flaws.map((f) => FLAW_QUESTION[f]);
  return q.length <= 1 ? (q[0] ?? '') : `${q.slice(0, -1).join(', ')} and ${q[q.length - 1]}`;
}

export const fixFlaw: Rule<'fixFlaw'> = {
  check(s, a) {
    const err = backlogItem(s, a.itemId);
    if (err) return err;
    return s.items[a.itemId]!.fixedFlaws.includes(a.flaw) ? { code: 'invalidParams', message: `you already reworked "${s.items[a.itemId]!.title}" for ${a.flaw}` } : null;
  },
  apply(draft, a, ctx) {
    const item = draft.items[a.itemId]!;
    const raised = ctx.base.items[a.itemId]!.raisedFlaws.includes(a.flaw);
    const real = (scenarioItem(ctx.scenario, a.itemId)?.flaws ?? []).includes(a.flaw);
    item.fixedFlaws.push(a.flaw);
    // Only the answer to what the Developers raised is judged. A rework on the PO's own reading is
    // neither knowledge shown nor a failure: nothing on screen said whether the story had that flaw.
    if (raised)
      judge(draft, {
        goalId: 'D3.1.3',
        score: 1,
        decisionId: `invest-${a.itemId}-${a.flaw}`,
        rationale: `While refining "${item.title}" the Developers asked ${FLAW_QUESTION[a.flaw]}; reworking it so it is ${a.flaw} answered them before it reached a Sprint.`,
      });
    if (real) item.truth.risk = Math.round(item.truth.risk * 0.6 * 100) / 100;
    say(draft, real ? `Reworked "${item.title}": it is now ${a.flaw}.` : `Reworked "${item.title}" for ${a.flaw}, but the Developers saw no difference.`);
  },
};

/**
 * A weakness the Developers raised in refinement and the PO left unanswered (no rework, no split,
 * not set aside) when the item enters a Sprint: the PO had their question on screen.
 */
export function judgeUnansweredFlaws(draft: Draft<GameState>, base: GameState, selected: readonly string[], sprint: number): void {
  for (const id of selected) {
    const item = base.items[id]!;
    // Judged the first time it enters a Sprint; work coming back not Done was judged then.
    if (item.returnedInSprint !== null) continue;
    for (const flaw of item.raisedFlaws) {
      if (item.fixedFlaws.includes(flaw)) continue;
      judge(draft, {
        goalId: 'D3.1.3',
        score: 0,
        decisionId: `invest-${id}-${flaw}`,
        rationale: `While refining "${item.title}" the Developers asked ${FLAW_QUESTION[flaw]}, and it entered Sprint ${sprint} without an answer. Reworking, splitting or setting it aside before it is taken into a Sprint keeps that question from stopping the Developers mid-Sprint.`,
      });
    }
  }
}

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
    judgeReadinessAgreement(draft, a.level);
  },
};

export const tagMoscow: Rule<'tagMoscow'> = {
  check: (s, a) => backlogItem(s, a.itemId),
  apply(draft, a) {
    draft.items[a.itemId]!.moscow = a.tag;
  },
};

/** Kinds of condition written criteria can cover when the scenario offers no candidates to compare with. */
const WRITTEN_AVAILABLE: readonly CriterionKind[] = ['happyPath', 'edgeCase', 'errorHandling'];

/**
 * Kinds of criteria an item has, chosen from the scenario's candidates or written by the PO: good
 * ones, and poor ones (vague, prescribing the how, or with no observable outcome).
 */
export function criteriaCoverage(item: { criteria: readonly string[]; writtenCriteria?: WrittenCriteria | null }, source: ScenarioItem | undefined) {
  const kinds = new Set<string>();
  let poor = 0;
  for (const id of item.criteria) {
    const c = source?.criteria?.find((x) => x.id === id);
    if (!c) continue;
    if (c.kind === 'vague' || c.kind === 'implementation') poor++;
    else kinds.add(c.kind);
  }
  const candidates = (source?.criteria ?? []).filter((c) => c.kind !== 'vague' && c.kind !== 'implementation').map((c) => c.kind);
  const available = new Set<string>(candidates.length ? candidates : item.writtenCriteria ? WRITTEN_AVAILABLE : []);
  if (item.writtenCriteria) {
    for (const k of item.writtenCriteria.kinds) if (available.has(k)) kinds.add(k);
    poor += item.writtenCriteria.poor;
  }
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
