import type { QuestionCard } from '../../engine/model/scenario';

type Answer = QuestionCard['answers'][number];

const PREFIX = 'question-';

/** The question card a knowledge-check judgement belongs to (`question-<cardId>`). */
export function questionOf(decisionId: string, questions: readonly QuestionCard[]): QuestionCard | undefined {
  if (!decisionId.startsWith(PREFIX)) return undefined;
  const id = decisionId.slice(PREFIX.length);
  return questions.find((q) => q.id === id);
}

/** The best-scoring answer of a question; the first one listed when several score the same. */
export function bestAnswer(card: QuestionCard): Answer | undefined {
  let best: Answer | undefined;
  for (const a of card.answers) if (!best || a.score > best.score) best = a;
  return best;
}

/** The answer the player gave, recognised from the judgement it produced. */
export function givenAnswer(card: QuestionCard, judged: { score: number; rationale: string }): Answer | undefined {
  return card.answers.find((a) => a.rationale === judged.rationale && a.score === judged.score) ?? card.answers.find((a) => a.rationale === judged.rationale);
}
