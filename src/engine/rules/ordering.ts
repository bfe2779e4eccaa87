import type { Draft } from 'immer';
import type { GameState, Item } from '../model/state';
import { judge, quotedTitles } from './context';
import { setAside } from './story';

/*
 * Judging the order of the Product Backlog from what the PO could see: stated value, the
 * Developers' estimates, visible cost of delay and the dependencies refinement revealed. There is
 * no single right order: an enabler and the item that waits on it count as one unit, work that
 * cannot be taken yet is left out, and any item whose value per point comes close to the best is
 * defensible. The rationale names the consideration that was missed.
 */

/** Value per point within this share of the cut-off is a near tie: stated values are rough. */
export const ORDER_TOLERANCE = 0.1;

/** Value per effort alone, or weighted by cost of delay (WSJF). */
export type OrderReading = 'density' | 'wsjf';

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const points = (n: number) => `${n} ${n === 1 ? 'point' : 'points'}`;

/** Weight of delay a PO can see: urgent and near deadlines first, a date already passed little, intangible last. */
export function visibleDelayWeight(item: Item, sprint: number): number {
  switch (item.visibleCostOfDelay) {
    case 'urgent':
      return 2;
    case 'fixedDate': {
      const left = (item.truth.deadlineSprint ?? Number.MAX_SAFE_INTEGER) - sprint;
      return left < 0 ? 0.2 : left <= 1 ? 2.5 : 1;
    }
    case 'intangible':
      return 0.8;
    default:
      return 1;
  }
}

const finished = (item: Item | undefined) => !item || item.status === 'done' || item.status === 'split';

/** Why an item cannot be taken at all: an epic, or work the PO set aside. */
const untakeable = (item: Item) => item.type === 'epic' || setAside(item);

/**
 * The unfinished work an item visibly waits on (dependencies the Developers revealed), deepest
 * first; null when some of it cannot be taken now (not in the backlog, an epic, or set aside).
 */
export function knownPrerequisites(state: GameState, id: string): string[] | null {
  const out: string[] = [];
  const seen = new Set([id]);
  const walk = (at: string): boolean => {
    const item = state.items[at]!;
    if (!item.dependenciesKnown) return true;
    for (const dep of item.truth.dependsOn ?? []) {
      const d = state.items[dep];
      if (finished(d) || seen.has(dep)) continue;
      if (!state.backlogOrder.includes(dep) || untakeable(d!)) return false;
      seen.add(dep);
      if (!walk(dep)) return false;
      out.push(dep);
    }
    return true;
  };
  return walk(id) ? out : null;
}

/** Items that could sensibly lead the backlog: not epics, not set aside, not waiting on work that cannot be taken. */
export function orderCandidates(state: GameState): string[] {
  return state.backlogOrder.filter((id) => !untakeable(state.items[id]!) && knownPrerequisites(state, id) !== null);
}

function weight(reading: OrderReading, item: Item, sprint: number): number {
  return reading === 'wsjf' ? visibleDelayWeight(item, sprint) : 1;
}

/** Visible value (weighted by cost of delay for WSJF) per point of the Developers' estimates. */
export function unitScore(state: GameState, ids: readonly string[], reading: OrderReading): number {
  let value = 0;
  let effort = 0;
  for (const id of ids) {
    const item = state.items[id]!;
    value += item.statedValue * weight(reading, item, state.sprint);
    effort += Math.max(1, item.estimate);
  }
  return value / Math.max(1, effort);
}

/**
 * Each candidate's value per point as one unit with the work it visibly waits on; an enabler
 * scores as well as the best unit it opens, so it is never marked down for enabling.
 */
export function unitScores(state: GameState, reading: OrderReading): Map<string, number> {
  const out = new Map<string, number>();
  for (const id of orderCandidates(state)) {
    const unit = [...knownPrerequisites(state, id)!, id];
    const score = unitScore(state, unit, reading);
    for (const x of unit) out.set(x, Math.max(out.get(x) ?? 0, score));
  }
  return out;
}

/** The order a PO could defend from what they see: best units first, each enabler just above what waits on it. */
export function visibleOrder(state: GameState, reading: OrderReading): string[] {
  const scores = unitScores(state, reading);
  const ranked = [...scores.keys()].sort((a, b) => scores.get(b)! - scores.get(a)! || byId(a, b));
  const out: string[] = [];
  for (const id of ranked) for (const x of [...knownPrerequisites(state, id)!, id]) if (!out.includes(x)) out.push(x);
  return out;
}

export const visibleDensityOrder = (state: GameState) => visibleOrder(state, 'density');
export const visibleWsjfOrder = (state: GameState) => visibleOrder(state, 'wsjf');

/** How the top three look under one reading: which items are defensible, and what was better. */
interface TopJudgement {
  score: number;
  misses: string[];
  better: string[];
  cutoff: number;
}

function judgeTop(state: GameState, reading: OrderReading): TopJudgement | null {
  const order = visibleOrder(state, reading);
  if (order.length === 0) return null;
  const scores = unitScores(state, reading);
  const ideal = order.slice(0, 3);
  const cutoff = Math.min(...ideal.map((id) => scores.get(id)!));
  const top = state.backlogOrder.slice(0, 3);
  const misses = top.filter((id) => (scores.get(id) ?? -1) < cutoff * (1 - ORDER_TOLERANCE));
  const fine = top.length - misses.length;
  return { score: Math.min(1, fine / Math.min(3, order.length)), misses, better: ideal.filter((id) => !top.includes(id)), cutoff };
}

/** What the PO could see of an item: its stated value, the estimate and any visible cost of delay. */
export function seenOf(state: GameState, id: string): string {
  const item = state.items[id]!;
  const delay =
    item.visibleCostOfDelay === 'urgent'
      ? ', urgent'
      : item.visibleCostOfDelay === 'fixedDate'
        ? `, due by the end of Sprint ${item.truth.deadlineSprint}`
        : '';
  return `"${item.title}" (stated value ${item.statedValue}, ${points(item.estimate)}${delay})`;
}

/** Why an item in the top three was not defensible under a reading: the consideration missed. */
function whyNot(state: GameState, id: string, reading: OrderReading, cutoff: number, fineByValue: boolean): string {
  const item = state.items[id]!;
  if (item.type === 'epic') return `"${item.title}" is an epic, too big for any Sprint until it is split`;
  if (setAside(item)) return `you had set "${item.title}" aside yourself`;
  const waits = knownPrerequisites(state, id);
  if (waits === null)
    return `"${item.title}" waits on ${quotedTitles(state, (item.truth.dependsOn ?? []).filter((d) => !finished(state.items[d])))}, which cannot be taken yet`;
  const near = (s: number) => s >= cutoff * (1 - ORDER_TOLERANCE);
  const less = reading === 'wsjf' ? 'less value per point once cost of delay is weighed' : 'less value per point of effort';
  if (waits.length > 0 && near(unitScore(state, [id], reading)))
    return `${seenOf(state, id)} needs ${quotedTitles(state, waits)} first, as the Developers found in refinement; counted together they offer ${less}`;
  if (reading === 'wsjf' && fineByValue)
    return `${seenOf(state, id)} could wait, while delaying urgent or dated work costs more`;
  const opens = orderCandidates(state).filter((c) => knownPrerequisites(state, c)!.includes(id));
  if (opens.length)
    return `${seenOf(state, id)}, even counted with ${quotedTitles(state, opens)}, which ${opens.length === 1 ? 'needs' : 'need'} it, offers ${less}`;
  return `${seenOf(state, id)} offers ${less}`;
}

/** `byValue`: the misses by value per point alone, to tell a missed cost of delay from missed value. */
function topRationale(state: GameState, reading: OrderReading, top: TopJudgement, byValue: readonly string[], good: string): string {
  if (top.misses.length === 0) return good;
  const misses = top.misses.map((id) => whyNot(state, id, reading, top.cutoff, !byValue.includes(id))).join('; ');
  const better = top.better.length ? ` More to gain from ${top.better.map((id) => seenOf(state, id)).join(', ')}.` : '';
  return `In the top three, ${misses}.${better}`;
}

/** Items in the top five that wait on a known, unfinished dependency ordered below them. */
function dependencyConflicts(state: GameState): { known: number; conflicts: [string, string][] } {
  let known = 0;
  const conflicts: [string, string][] = [];
  for (const [i, id] of state.backlogOrder.slice(0, 5).entries()) {
    const item = state.items[id]!;
    if (!item.dependenciesKnown) continue;
    for (const dep of item.truth.dependsOn ?? []) {
      known++;
      if (finished(state.items[dep])) continue;
      const at = state.backlogOrder.indexOf(dep);
      if (at < 0 || at > i) conflicts.push([id, dep]);
    }
  }
  return { known, conflicts };
}

/** Judges the order the Developers plan from, at Sprint Planning. */
export function judgeOrdering(draft: Draft<GameState>, base: GameState, n: number): void {
  const decisionId = `order-s${n}`;
  const wsjf = judgeTop(base, 'wsjf');
  const density = judgeTop(base, 'density');
  if (wsjf && density) {
    // Value per effort, with or without urgency weighed in: either reading is sound analysis.
    const [reading, best] = density.score > wsjf.score ? (['density', density] as const) : (['wsjf', wsjf] as const);
    judge(draft, {
      goalId: 'D3.2.3',
      score: best.score,
      decisionId,
      rationale: topRationale(
        base,
        reading,
        best,
        density.misses,
        `The top of the backlog held work with the most visible value per point of effort: ${base.backlogOrder.slice(0, 3).map((id) => seenOf(base, id)).join(', ')}.`,
      ),
    });
    judge(draft, {
      goalId: 'D1.2.2',
      score: wsjf.score,
      decisionId,
      rationale: topRationale(base, 'wsjf', wsjf, density.misses, `The order weighed stated value, urgency and the Developers\u2019 estimates together: ${base.backlogOrder.slice(0, 3).map((id) => seenOf(base, id)).join(', ')} came first, as what costs most to delay.`),
    });
  }
  // Dependencies: nothing near the top should wait on work below it.
  const { known, conflicts } = dependencyConflicts(base);
  if (known > 0)
    judge(draft, {
      goalId: 'D3.2.4',
      score: conflicts.length === 0 ? 1 : 0,
      decisionId,
      rationale:
        conflicts.length === 0
          ? `Items that others depend on, as the Developers found in refinement, were ordered first (${known} known ${known === 1 ? 'dependency' : 'dependencies'} respected).`
          : conflicts
              .map(([id, dep]) => `"${base.items[id]!.title}" was ordered above "${base.items[dep]!.title}", which it needs Done first (the Developers found this in refinement), so it cannot be finished`)
              .join('; ') + '.',
    });
  const topItem = base.items[base.backlogOrder[0] ?? ''];
  if (topItem?.type === 'epic')
    judge(draft, {
      goalId: 'D3.1.1',
      score: 0,
      decisionId,
      rationale: `"${topItem.title}", an epic, sat at the top of the backlog: too big for a Sprint, it should have been split during refinement.`,
    });
}
