/** One verdict on one quality criterion of a written text. */
export interface Finding {
  /** The criterion in plain words, e.g. "well-formed" or "observable outcome". */
  readonly criterion: string;
  readonly ok: boolean;
  /** For people: what is right or wrong in the learner's own words, and how to improve it. */
  readonly message: string;
}

export type Format = 'story' | 'criteria' | 'productGoal' | 'sprintGoal' | 'split';

export const FORMATS: readonly Format[] = ['story', 'criteria', 'productGoal', 'sprintGoal', 'split'];

/** What the rubric may know beyond the text itself. Every field is optional. */
export interface Context {
  /** Titles or stories already in the Product Backlog (for "unique"). */
  readonly existing?: readonly string[];
  /** The Product Goal's text (for a Sprint Goal's link to it). */
  readonly productGoal?: string;
  /** The story being split, when the split text holds only the slices. */
  readonly original?: string;
  /** A scenario's product words: segments, metrics, vision words (for "tied to the product"). */
  readonly productTerms?: readonly string[];
}

export interface Judgement {
  /** The share of criteria met, 0..1, rounded to 3 decimals. */
  readonly score: number;
  readonly findings: readonly Finding[];
}
