import type { Scenario } from '../model/scenario';
import type { GameState, Item } from '../model/state';

/*
 * Starters for what the learner writes: a shape to fill in, built from what the game has shown
 * (the product, the item's title). They are deliberately unfinished: the bracketed parts are the
 * learner's to write, and a starter sent as it is reads as unfinished to the rubric too.
 */

/** Stories and criteria are offered for this many items at the top of the Product Backlog. */
export const WRITING_TOP = 5;

export function productGoalStarter(state: GameState, scenario: Scenario): string {
  return `By the end of Sprint ${scenario.sprints}, [who] [can do what], measured by [a number you can check].`;
}

/** A title inside a sentence: "Order ahead" becomes "order ahead"; "AI chatbot" keeps its capitals. */
export function inSentence(title: string): string {
  return /^\p{Lu}\p{Lu}/u.test(title) ? title : title.charAt(0).toLowerCase() + title.slice(1);
}

export function storyStarter(item: Item): string {
  return item.story ?? `As a [who], I want ${inSentence(item.title)}, so that [why it matters].`;
}

export function criteriaStarter(item: Item): string {
  return item.writtenCriteria?.text ?? `Scenario: ${item.title}\n  Given [the situation]\n  When [someone does something]\n  Then [what they see]`;
}
