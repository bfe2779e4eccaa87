import { hintContext, type Observation, type VisibleItem } from '../engine';
import { judgeText, type Context, type Format } from '../rubric';

/*
 * How the scripted bots write. The principled Product Owner fills templates with what it has
 * seen (the people an item serves, the product, the Product Goal) and checks each draft against
 * the rubric's hints, exactly as a learner sees them in the game, keeping the draft that meets
 * most of them. It never reads hidden truth: only the observation.
 */

/** The draft with the best rubric score, the first on a tie; null when none reaches `min`. */
export function bestDraft(format: Format, drafts: readonly string[], ctx: Context, min = 0): { text: string; score: number } | null {
  let best: { text: string; score: number } | null = null;
  for (const text of drafts) {
    const score = judgeText(format, text, ctx).score;
    if (score >= min && (!best || score > best.score)) best = { text, score };
  }
  return best;
}

/** Who an item serves, in the scenario's words: its first segment's name, else the product's users. */
export function whoItServes(obs: Observation, item: VisibleItem | undefined): string {
  const segment = item?.segments.map((id) => obs.segments.find((s) => s.id === id)).find((s) => s && s.user);
  return segment?.name ?? `${obs.scenario.product} users`;
}

/** Words inside a sentence: the first letter lowered unless the word is an acronym ("AI chatbot"). */
const lowerFirst = (s: string) => (/^\p{Lu}\p{Lu}/u.test(s) ? s : s.charAt(0).toLowerCase() + s.slice(1));

/** A Product Goal: the example the bot reads as strongest, kept when the hints agree, else the best-scoring example. */
export function productGoalDraft(obs: Observation, ranked: readonly string[]): string | null {
  return bestDraft('productGoal', ranked, hintContext(obs, 'productGoal'))?.text ?? null;
}

/** A Sprint Goal in words: what the people served can rely on by the end of the Sprint, tied to the Product Goal. */
export function sprintGoalDraft(obs: Observation, itemIds: readonly string[]): string | null {
  const items = itemIds.map((id) => obs.backlog.find((i) => i.id === id)).filter((i): i is VisibleItem => !!i);
  if (!items.length) return null;
  const who = whoItServes(obs, items[0]);
  const titles = items.map((i) => `"${i.title}"`).join(', ');
  return (
    bestDraft(
      'sprintGoal',
      [
        `By the end of this Sprint, ${who} can rely on ${titles}, our step toward the Product Goal`,
        `${who} can use ${titles} by the end of this Sprint, as a step toward the Product Goal`,
      ],
      hintContext(obs, 'sprintGoal'),
    )?.text ?? null
  );
}

/** Acceptance criteria for an item: what should happen, what happens when it cannot, and how fast. */
export function criteriaDraft(obs: Observation, item: VisibleItem): string | null {
  const who = lowerFirst(whoItServes(obs, item));
  const what = lowerFirst(item.title);
  const text = [
    `Scenario: ${item.title} works`,
    `  Given a ${who.replace(/s$/, '')} is using ${obs.scenario.product}`,
    `  When they use ${what}`,
    `  Then they see it confirmed on screen within 2 seconds`,
    `Scenario: ${item.title} cannot be completed`,
    `  Given a ${who.replace(/s$/, '')} is using ${obs.scenario.product}`,
    `  When ${what} fails`,
    `  Then they see a message saying what went wrong and what to do next`,
  ].join('\n');
  return bestDraft('criteria', [text], hintContext(obs, 'criteria'), 0.8)?.text ?? null;
}

/** A story for an item: who, what and why, in the item's own words; null when the hints say it is no better. */
export function storyDraft(obs: Observation, item: VisibleItem, min: number): string | null {
  const who = whoItServes(obs, item);
  const why = item.description.replace(/[.!?]+$/, '');
  const drafts = [`As a ${who.replace(/s$/, '')}, I want ${lowerFirst(item.title)}, so that ${lowerFirst(why)}.`];
  return bestDraft('story', drafts, hintContext(obs, 'story', item.id), min)?.text ?? null;
}
