/**
 * The engine's one door to the rubric (src/rubric): what the learner wrote is judged by the same
 * pure, deterministic code the game uses for its live hints, so a hint and a verdict never differ.
 */
import type { Scenario } from './model/scenario';
import { judgeText as judgeOnce, type Context, type Format, type Judgement } from '../rubric';
import type { Observation } from './observe';

export { MAX_LENGTH, normalise, parseSplit, type Finding, type Format, type Judgement } from '../rubric';

const memo = new Map<string, Judgement>();
const MEMO_SIZE = 512;

/**
 * The rubric's verdict, remembered: it is a pure function of its inputs, and a run sends the same
 * texts again and again (starters, a bot's drafts, a check followed by its apply).
 */
export function judgeText(format: Format, text: string, context: Context = {}): Judgement {
  const key = `${format}\u0000${text}\u0000${context.productGoal ?? ''}\u0000${context.original ?? ''}\u0000${(context.productTerms ?? []).join('\u0001')}\u0000${(context.existing ?? []).join('\u0001')}`;
  let j = memo.get(key);
  if (!j) {
    if (memo.size >= MEMO_SIZE) memo.clear();
    memo.set(key, (j = judgeOnce(format, text, context)));
  }
  return j;
}

/**
 * The product's own words a text may use to be "tied to the product": the segments, the
 * product's name and its vision statement, all on the player's screen. Vision fragments are left
 * out: their kinds are what the vision exercise judges, and a hint must not give that away.
 */
export function writingTerms(scenario: Scenario): string[] {
  return [...(scenario.segments ?? []).map((s) => s.name), scenario.product.name, scenario.product.vision].filter((t) => t.trim() !== '');
}

/**
 * What the rubric may know when it gives live hints on a text, from what the player sees: the
 * same the rules give it when they judge the text sent (rules/writing.ts, split-writing.ts), so a
 * hint and the verdict after agree. Used by the game's writing fields and the bots.
 */
export function hintContext(o: Observation, format: Format, itemId?: string): Context {
  const productTerms = o.writingTerms;
  const item = itemId ? o.backlog.find((i) => i.id === itemId) : undefined;
  switch (format) {
    case 'story':
      return { productTerms, existing: o.backlog.filter((i) => i.id !== itemId).map((i) => i.story ?? i.title) };
    case 'split':
      return item ? { original: item.story ?? `${item.title}. ${item.description}` } : {};
    case 'sprintGoal':
      return o.productGoal ? { productTerms, productGoal: o.productGoal } : { productTerms };
    default:
      return { productTerms };
  }
}
