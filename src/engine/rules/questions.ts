import type { Draft } from 'immer';
import type { QuestionCard, QuestionPhase } from '../model/scenario';
import type { GameState } from '../model/state';
import type { Rule, RuleContext } from './context';
import { judge, say } from './context';

/** Which question phases a lifecycle phase opens, in asking order. */
export function questionPhaseOf(phase: string): readonly QuestionPhase[] {
  switch (phase) {
    case 'briefing.choosingGoal':
      return ['briefing'];
    // Refinement is ongoing rather than a phase: its questions come as Sprint Planning opens.
    case 'sprint.planning.proposing':
      return ['refinement', 'planning'];
    case 'sprint.review':
      return ['review'];
    case 'sprint.retrospective':
      return ['retrospective'];
    case 'release':
      return ['release'];
    default:
      return [];
  }
}

function due(card: QuestionCard, phase: QuestionPhase, sprint: number): boolean {
  return card.phase === phase && (phase === 'briefing' || phase === 'release' || card.sprint === sprint);
}

/** The goal a Definition of Ready question checks; agreeing one with the Developers is judged on the same goal. */
const READINESS_GOAL = 'D7.1.1';

/** How many sound decisions in play on a goal make a knowledge check on it redundant. */
const SHOWN_IN_PLAY = 2;

/**
 * Whether play has already answered the question, so it is not asked. A question about the
 * Definition of Ready once the player has agreed one with the Developers reads as if the game had
 * not noticed. And a check on goals the player has shown in play, in sound decisions at least
 * twice each, asks what the evidence already says: the questions go to what play has not shown.
 */
function settledInPlay(state: Pick<GameState, 'evidence'>, card: QuestionCard): boolean {
  if (card.goalIds.includes(READINESS_GOAL) && state.evidence.some((e) => e.decisionId.startsWith('readiness-agreement-'))) return true;
  return card.goalIds.every((goalId) => state.evidence.filter((e) => e.goalId === goalId && e.score >= 0.8 && !e.decisionId.startsWith('question-')).length >= SHOWN_IN_PLAY);
}

/** Opens the next unasked question of this phase and Sprint, if there is one. */
export function openNextQuestion(draft: Draft<GameState>, phase: string, questions: readonly QuestionCard[]): void {
  if (draft.pendingQuestion) return;
  let card: QuestionCard | undefined;
  for (const qp of questionPhaseOf(phase)) {
    card = questions.find((q) => due(q, qp, draft.sprint) && !draft.askedQuestions.includes(q.id) && !settledInPlay(draft, q));
    if (card) break;
  }
  if (!card) return;
  draft.pendingQuestion = card.id;
  draft.askedQuestions.push(card.id);
  say(draft, `Question: ${card.text}`);
}

export function pendingQuestionCard(state: GameState, questions: readonly QuestionCard[] | undefined): QuestionCard | undefined {
  return state.pendingQuestion ? questions?.find((q) => q.id === state.pendingQuestion) : undefined;
}

export const answerQuestion: Rule<'answerQuestion'> = {
  check(s, a, scenario) {
    const card = pendingQuestionCard(s, scenario.questions);
    if (!card) return { code: 'notAllowedNow', message: 'no question is waiting for an answer' };
    if (!card.answers.some((x) => x.id === a.answerId))
      return { code: 'unknownId', message: `question "${card.id}" has no answer "${a.answerId}" (answers: ${card.answers.map((x) => x.id).join(', ')})` };
    return null;
  },
  apply(draft, a, ctx: RuleContext) {
    const card = pendingQuestionCard(ctx.base, ctx.scenario.questions)!;
    const answer = card.answers.find((x) => x.id === a.answerId)!;
    for (const goalId of card.goalIds) judge(draft, { goalId, score: answer.score, decisionId: `question-${card.id}`, rationale: answer.rationale });
    draft.pendingQuestion = null;
    say(draft, `You answered: ${answer.label}`);
    openNextQuestion(draft, ctx.base.phase, ctx.scenario.questions ?? []);
  },
};
