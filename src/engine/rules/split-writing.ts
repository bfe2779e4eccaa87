import type { Draft } from 'immer';
import { STRATEGY_LABEL } from '../model/labels';
import { makeItem } from '../model/initial';
import type { Scenario, SplitStrategy } from '../model/scenario';
import type { GameState } from '../model/state';
import { judgeText, parseSplit } from '../text';
import type { RuleContext, RuleError } from './context';
import { judge, say } from './context';
import { seenUncertainty, scenarioItem, splitScore } from './story';
import { findingsWords, met, quoteWritten, written } from './writing';

/*
 * A split the learner writes: they pick a pattern and write the slices as stories, one per line.
 * The slices become the Product Backlog's items; what the wording shows decides what they are
 * worth. Slices cut by technical layer deliver nothing until the last one is Done.
 */

export const MIN_SLICES = 2;
export const MAX_SLICES = 8;

/** The story a split starts from: the PO's own wording if they rewrote it, else title and description. */
function original(state: GameState, id: string): string {
  const item = state.items[id]!;
  return item.story ?? `${item.title}. ${item.description}`;
}

/** Large enough to split: an epic, more than 8 points, or an item the scenario offers ways to split. */
export function splittable(state: GameState, id: string, scenario: Scenario): boolean {
  const item = state.items[id]!;
  return item.type === 'epic' || item.estimate > 8 || !!scenarioItem(scenario, id)?.splits?.length;
}

export function checkWrittenSplit(s: GameState, itemId: string, text: string, scenario: Scenario): RuleError | null {
  const title = s.items[itemId]!.title;
  if (!splittable(s, itemId, scenario)) return { code: 'invalidParams', message: `"${title}" is already small enough for a Sprint; split only items too big for one` };
  const slices = parseSplit(written('split', text), original(s, itemId)).slices;
  if (slices.length < MIN_SLICES || slices.length > MAX_SLICES)
    return { code: 'invalidParams', message: `write between ${MIN_SLICES} and ${MAX_SLICES} slices for "${title}", one story per line; found ${slices.length}` };
  return null;
}

/** An id for the k-th written slice that no item, and no piece the scenario could make, already has. */
function sliceId(state: GameState, scenario: Scenario, parent: string, k: number): string {
  const taken = (id: string) => !!state.items[id] || !!scenarioItem(scenario, id);
  let id = `${parent.slice(0, 70)}-w${k}`;
  while (taken(id)) id = `${id}w`;
  return id;
}

/** A slice's title: what it asks for ("I want …"), else its first words. */
function sliceTitle(slice: string): string {
  const m = /\bI (?:want|need|can|would like)(?: to)? (.+?)(?:,? so that\b|$)/iu.exec(slice);
  const t = (m?.[1] ?? slice).trim().replace(/[.]+$/, '');
  const clipped = t.length > 60 ? `${t.slice(0, 57)}…` : t;
  return clipped.charAt(0).toUpperCase() + clipped.slice(1);
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export function applyWrittenSplit(draft: Draft<GameState>, itemId: string, strategy: SplitStrategy, text: string, ctx: RuleContext): void {
  const base = ctx.base;
  const parent = base.items[itemId]!;
  const split = parseSplit(written('split', text), original(base, itemId));
  const j = judgeText('split', split.slices.join('\n'), { original: split.original });
  const layered = strategy === 'horizontalLayer' || !met(j, 'not technical layers');
  const n = split.slices.length;
  const ids: string[] = [];
  split.slices.forEach((slice, k) => {
    const id = sliceId(base, ctx.scenario, itemId, k + 1);
    ids.push(id);
    // Layers deliver nothing alone: the whole value arrives with the last one.
    const share = layered ? (k === n - 1 ? 1 : 0) : 1 / n;
    const child = makeItem(
      {
        id,
        type: parent.type === 'epic' ? 'feature' : 'story',
        title: sliceTitle(slice),
        description: slice,
        estimate: Math.max(1, Math.round(parent.estimate / n)),
        statedValue: Math.round(parent.statedValue * share),
        truth: { ...parent.truth, value: round2(parent.truth.value * share), effort: round2(parent.truth.effort / n), ...(parent.truth.dependsOn ? { dependsOn: [...parent.truth.dependsOn] } : {}) },
        ...(parent.requestedBy ? { requestedBy: parent.requestedBy } : {}),
      },
      itemId,
    );
    child.story = slice;
    draft.items[id] = child;
  });
  draft.items[itemId]!.status = 'split';
  const at = base.backlogOrder.indexOf(itemId);
  draft.backlogOrder = [...base.backlogOrder.slice(0, at), ...ids, ...base.backlogOrder.slice(at + 1)];

  const source = scenarioItem(ctx.scenario, itemId);
  const uncertain = source ? seenUncertainty(parent, source) : null;
  const score = layered ? 0 : round2(j.score * splitScore(strategy, uncertain !== null));
  const what = `You split "${parent.title}" (${parent.estimate} points) by ${STRATEGY_LABEL[strategy] ?? strategy} into ${quoteWritten(split.slices.join('\n'))}`;
  judge(draft, {
    goalId: 'D3.1.4',
    score,
    decisionId: `split-${itemId}`,
    rationale: layered
      ? `${what}: cut by technical layer, the slices deliver nothing until the last one is Done. ${findingsWords(j.findings, 1)}`
      : strategy === 'spike' && !uncertain
        ? `${what}: a spike buys learning, but nothing you had seen (no open question from the Developers, no untested belief) said this item was uncertain enough to need one.`
        : `${what}. ${findingsWords(j.findings)}`,
  });
  const large = parent.type === 'epic' || parent.estimate > 8;
  judge(draft, {
    goalId: 'D3.1.1',
    score: large ? 1 : 0.5,
    decisionId: `split-${itemId}`,
    rationale: large
      ? `${what}: large items near the top are broken down so they fit a Sprint.`
      : `${what}: it was already small enough for a Sprint; items further down can stay coarse until they come near the top.`,
  });
  say(draft, `Split "${parent.title}" into ${n} slices you wrote${layered ? ': by layer, so nothing is usable until all are Done' : ''}.`);
}
