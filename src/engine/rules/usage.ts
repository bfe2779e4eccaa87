import type { Draft } from 'immer';
import type { Scenario } from '../model/scenario';
import type { GameState, Item } from '../model/state';
import { judge, quotedTitles } from './context';
import { scenarioItem, setAside } from './story';

/**
 * Product metrics guide ordering: once usage analytics after a release have shown what items are
 * really worth, the next Sprint Planning is judged on whether the order took the figures in.
 */

const density = (i: Item) => i.statedValue / Math.max(1, i.estimate);

/** Usage analytics read since the last Sprint Planning, with a released Increment to read. */
function freshUsageFigures(base: GameState): boolean {
  if (!base.releases.some((r) => r.itemIds.length > 0)) return false;
  // Analytics read while the previous Sprint was planned were judged then.
  const judgedLast = base.evidence.some((e) => e.decisionId === `usage-order-s${base.sprint - 1}`);
  return base.feedback.some((f) => f.method === 'analytics' && (f.sprint === base.sprint || (f.sprint === base.sprint - 1 && !judgedLast)));
}

/** Backlog items whose worth the evidence has shown, with the value first claimed for them. */
function revealed(base: GameState, scenario: Scenario): { item: Item; claimed: number }[] {
  const out: { item: Item; claimed: number }[] = [];
  for (const id of base.backlogOrder) {
    const item = base.items[id]!;
    const claimed = scenarioItem(scenario, id)?.statedValue;
    if (claimed === undefined || claimed === item.truth.value || item.statedValue !== item.truth.value || setAside(item) || item.type === 'epic') continue;
    out.push({ item, claimed });
  }
  return out;
}

export function judgeUsageGuidedOrder(draft: Draft<GameState>, base: GameState, scenario: Scenario): void {
  if (!freshUsageFigures(base)) return;
  const shown = revealed(base, scenario);
  if (!shown.length) return;
  const candidates = base.backlogOrder.map((id) => base.items[id]!).filter((i) => i.type !== 'epic' && !setAside(i));
  const best = new Set([...candidates].sort((a, b) => density(b) - density(a) || (a.id < b.id ? -1 : 1)).slice(0, 3).map((i) => i.id));
  const top = new Set(base.backlogOrder.slice(0, 3));
  const misplaced: Item[] = [];
  const judged: Item[] = [];
  for (const { item, claimed } of shown) {
    const rose = item.truth.value > claimed;
    // Only what the figures settle: a rise into the best three, or a fall out of them.
    if (rose !== best.has(item.id)) continue;
    judged.push(item);
    if (rose !== top.has(item.id)) misplaced.push(item);
  }
  if (!judged.length) return;
  const figures = judged.map((item) => `"${item.title}" is worth about ${item.statedValue}`).join(', ');
  const low = misplaced.filter((i) => !top.has(i.id)).map((i) => i.id);
  const high = misplaced.filter((i) => top.has(i.id)).map((i) => i.id);
  const missed = [
    low.length ? `${quotedTitles(base, low)} still waited below work worth less per point` : '',
    high.length ? `${quotedTitles(base, high)} still sat among the first three` : '',
  ].filter(Boolean);
  judge(draft, {
    goalId: 'D6.3.2',
    score: Math.round((100 * (judged.length - misplaced.length)) / judged.length) / 100,
    decisionId: `usage-order-s${base.sprint}`,
    rationale: missed.length
      ? `After the release, usage figures and research showed ${figures}; yet ${missed.join(', and ')}. Product metrics are read to re-order the Product Backlog.`
      : `After the release, usage figures and research showed ${figures}, and the order moved to match: what users really do guided what comes next.`,
  });
}
