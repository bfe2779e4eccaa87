/**
 * The rubric engine: judges what a learner wrote (a user story, acceptance criteria, a Product
 * Goal, a Sprint Goal or a split) against the quality criteria of the literature, and says what
 * is wrong in the learner's own words and how to improve it. Pure and deterministic: no network,
 * no Node or DOM APIs, no Intl, no clock, no randomness. One job per file:
 *
 *   normalise.ts  NFC, control characters out, spaces collapsed, length limits (MAX_LENGTH)
 *   words.ts      word lists (vague words, solution and implementation words, layers) and matching
 *   story.ts      well-formed, atomic, minimal, problem-oriented, unambiguous, full sentence,
 *                 estimable, unique (when `context.existing` is given); a solution or
 *                 implementation word that is one of `context.productTerms` (a platform whose
 *                 product is databases) is not held against a story or criteria
 *   criteria.ts   Gherkin (via @cucumber/gherkin): given when then, one behaviour, observable
 *                 outcome, edge and error cases, no implementation detail
 *   goal.ts       one objective, outcome, measure and horizon (Product Goal), linked to the
 *                 product goal (Sprint Goal, when `context.productGoal` is given), tied to the
 *                 product (when `context.productTerms` is given)
 *   split.ts      slices are stories, smaller, not technical layers, covers the original
 *
 * Input shapes for `judgeText(format, text, context)`:
 *   story        one story, e.g. "As a regular, I want to …, so that …"
 *   criteria     Gherkin, with or without "Feature:" and "Scenario:" lines; bare Given/When/Then
 *                lines (or one "Given …, when …, then …" per line) are wrapped before parsing
 *   productGoal  one goal statement
 *   sprintGoal   one goal statement; `context.productGoal` enables the link check
 *   split        the original story on the first line, then one slice per line ("-", "*", "1."
 *                or "Slice 2:" in front is fine); with `context.original`, every line is a slice
 *
 * Every finding is `{ criterion, ok, message }`; the score is the share of findings that are ok.
 * Letter case and spacing never change a verdict (only line breaks matter, in criteria and splits).
 */
import { CRITERIA_CRITERIA, checkCriteria } from './criteria';
import { checkProductGoal, checkSprintGoal, PRODUCT_GOAL_CRITERIA, SPRINT_GOAL_CRITERIA } from './goal';
import { MAX_LENGTH, normalise } from './normalise';
import { checkSplit, parseSplit, SPLIT_CRITERIA } from './split';
import { checkStory, STORY_CRITERIA } from './story';
import { FORMATS, type Context, type Finding, type Format, type Judgement } from './types';
import { words } from './words';

export { FORMATS, type Context, type Finding, type Format, type Judgement } from './types';
export { MAX_LENGTH, normalise } from './normalise';
export { parseStory } from './story';
export { parseCriteria, toGherkin } from './criteria';
export { parseSplit, type SplitInput } from './split';

/** Every criterion a format can be judged on; some apply only when the context allows. */
export const CRITERIA: Readonly<Record<Format, readonly string[]>> = {
  story: STORY_CRITERIA,
  criteria: CRITERIA_CRITERIA,
  productGoal: PRODUCT_GOAL_CRITERIA,
  sprintGoal: SPRINT_GOAL_CRITERIA,
  split: SPLIT_CRITERIA,
};

/** The criteria that apply to a format given this context. */
export function applicable(format: Format, context: Context = {}): string[] {
  const terms = !!context.productTerms?.length;
  return CRITERIA[format].filter((c) => {
    if (c === 'unique') return !!context.existing?.length;
    if (c === 'linked to the product goal') return !!context.productGoal?.trim();
    if (c === 'tied to the product') return terms;
    return true;
  });
}

const EMPTY: Record<Format, string> = {
  story: 'Nothing is written yet. Write a story: "As a …, I want …, so that …".',
  criteria: 'Nothing is written yet. Write Given (the situation), When (what someone does) and Then (what they see).',
  productGoal: 'Nothing is written yet. Write one outcome for the product, with a measure and a date.',
  sprintGoal: 'Nothing is written yet. Write the one objective of this Sprint.',
  split: 'Nothing is written yet. Write the original story on the first line, then one slice per line.',
};

function clean(list: readonly string[] | undefined, max: number): string[] | undefined {
  if (!Array.isArray(list)) return undefined;
  return list.map((s) => normalise(typeof s === 'string' ? s : '', max)).filter((s) => s !== '');
}

const text = (s: unknown, max: number) => (typeof s === 'string' ? normalise(s, max) : undefined);

/** Judges a text; never throws, same answer for the same input. */
export function judgeText(format: Format, input: string, context: Context = {}): Judgement {
  if (!FORMATS.includes(format)) return { score: 0, findings: [{ criterion: 'format', ok: false, message: `There is no kind of text called ${JSON.stringify(String(format))}. Choose a story, criteria, a Product Goal, a Sprint Goal or a split.` }] };
  const t = normalise(typeof input === 'string' ? input : '', MAX_LENGTH[format]);
  const given: Context = context && typeof context === 'object' ? context : {};
  const ctx: Context = {
    existing: clean(given.existing, MAX_LENGTH.story),
    productGoal: text(given.productGoal, MAX_LENGTH.productGoal),
    original: text(given.original, MAX_LENGTH.story),
    productTerms: clean(given.productTerms, 200),
  };
  let findings: Finding[];
  if (words(t).length === 0) {
    findings = applicable(format, ctx).map((criterion) => ({ criterion, ok: false, message: EMPTY[format] }));
  } else {
    switch (format) {
      case 'story':
        findings = checkStory(t, ctx.existing, ctx.productTerms);
        break;
      case 'criteria':
        findings = checkCriteria(t, ctx.productTerms);
        break;
      case 'productGoal':
        findings = checkProductGoal(t, ctx.productTerms);
        break;
      case 'sprintGoal':
        findings = checkSprintGoal(t, ctx.productGoal, ctx.productTerms);
        break;
      case 'split':
        findings = checkSplit(parseSplit(t, ctx.original));
        break;
      default:
        findings = [];
    }
  }
  const ok = findings.filter((f) => f.ok).length;
  const score = findings.length ? Math.round((ok / findings.length) * 1000) / 1000 : 0;
  return { score, findings };
}
