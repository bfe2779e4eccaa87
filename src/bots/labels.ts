/*
 * Reading a choice by its label: small keyword rubrics, shared by every scripted bot.
 */

/**
 * A keyword rule for reading a choice label: when any phrase occurs (case-insensitive) the label
 * gains `weight`. `why` says which practice the rule encodes, so the tables read as a rubric.
 */
export interface LabelRule {
  readonly phrases: readonly string[];
  readonly weight: number;
  readonly why: string;
}

export function labelScore(label: string, rules: readonly LabelRule[]): number {
  const text = label.toLowerCase();
  let score = 0;
  for (const rule of rules) if (rule.phrases.some((p) => text.includes(p))) score += rule.weight;
  return score;
}

/** The highest-scoring of `options` under `rules`; the first listed wins ties. */
export function bestByLabel<T extends { label: string }>(options: readonly T[], rules: readonly LabelRule[]): T | undefined {
  let best: T | undefined;
  let bestScore = -Infinity;
  for (const o of options) {
    const s = labelScore(o.label, rules);
    if (s > bestScore) {
      best = o;
      bestScore = s;
    }
  }
  return best;
}

/**
 * What a persona answers: the option its beliefs favour most, or, when none of them speaks to
 * any option, a guess from the persona's own seeded stream (it has no principle to go by).
 */
export function believe<T extends { id: string; label: string }>(options: readonly T[], rules: readonly LabelRule[], guess: () => number): { id: string } | null {
  if (options.length === 0) return null;
  const best = bestByLabel(options, rules)!;
  if (labelScore(best.label, rules) > 0) return { id: best.id };
  return { id: options[Math.min(options.length - 1, Math.floor(guess() * options.length))]!.id };
}

