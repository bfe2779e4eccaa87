import { goalById } from '../../assessment/catalogue';
import { goalIdea } from '../../assessment/goal-ideas';
import type { ActionType, Evidence } from '../../engine';
import type { QuestionCard } from '../../engine/model/scenario';
import { bestAnswer, givenAnswer, questionOf } from './knowledge-check';
import { choiceSettledBy, laterFor } from '../../assessment/later';

/**
 * The coach's card after a choice, as plain data: what happened, and (unless the coach is off)
 * each judgement with its verdict, the reason and the idea behind it, the right answer to a
 * knowledge check, and what the world will judge later. Pure: the DOM is drawn in render.ts.
 */
export interface CoachInput {
  messages: readonly string[];
  evidence: readonly Evidence[];
  /** The action that was taken, when known. */
  choice: ActionType | null;
  /** The scenario's knowledge checks (empty when the game does not have the scenario). */
  questions: readonly QuestionCard[];
  /** False in assessment mode: the card then only says what happened. */
  coach: boolean;
}

export type Verdict = 'strong' | 'mixed' | 'weak';

export interface CoachJudgement {
  kind: 'decision' | 'question';
  verdict: Verdict;
  verdictText: string;
  /** For a judgement of an earlier choice: "About your choice before Sprint 1: your Product Goal." */
  about: string | null;
  /** Why: the judgement's reason, which names what the player could see. */
  why: string;
  /** The learning goal's title and the Scrum idea behind it. */
  goal: string | null;
  idea: string | null;
  /** Knowledge checks answered below the best: the best answer and why. */
  best: { answer: string; why: string } | null;
}

export interface CoachCard {
  /** The newest lines of what happened (at most three), and how many more are in the Log. */
  happened: string[];
  more: number;
  judgements: CoachJudgement[];
  /** "We will see: …" for a choice the world judges later. */
  later: string | null;
}

/** Same thresholds as the debrief's "shown" and "partly shown". */
export function verdictOf(score: number): Verdict {
  return score >= 0.7 ? 'strong' : score >= 0.4 ? 'mixed' : 'weak';
}

const DECISION_WORDS: Record<Verdict, string> = { strong: 'Strong choice', mixed: 'Mixed choice', weak: 'Weak choice' };
const ANSWER_WORDS: Record<Verdict, string> = { strong: 'Right', mixed: 'Partly right', weak: 'Not right' };

/** One judgement per decision and reason: a decision judged on two goals for one reason shows once. */
function grouped(evidence: readonly Evidence[]): Evidence[][] {
  const groups = new Map<string, Evidence[]>();
  for (const e of evidence) {
    const key = `${e.decisionId}\u0000${e.rationale}`;
    const list = groups.get(key);
    if (list) list.push(e);
    else groups.set(key, [e]);
  }
  return [...groups.values()];
}

function judgementOf(group: Evidence[], input: CoachInput): CoachJudgement {
  const weight = group.reduce((n, e) => n + e.weight, 0);
  const score = weight > 0 ? group.reduce((n, e) => n + e.score * e.weight, 0) / weight : group[0]!.score;
  const main = [...group].sort((a, b) => b.weight - a.weight)[0]!;
  const { decisionId, rationale } = main;
  const goal = goalById(main.goalId);
  const base = { why: rationale, goal: goal?.title ?? null, idea: goalIdea(main.goalId) ?? null };
  const card = questionOf(decisionId, input.questions);
  if (decisionId.startsWith('question-')) {
    const best = card ? bestAnswer(card) : undefined;
    const given = card ? givenAnswer(card, main) : undefined;
    const isBest = !best || (given ? given.score >= best.score : score >= best.score);
    const verdict = isBest ? 'strong' : verdictOf(score);
    return { kind: 'question', verdict, verdictText: ANSWER_WORDS[verdict], about: null, ...base, best: isBest || !best ? null : { answer: best.label, why: best.rationale } };
  }
  const verdict = verdictOf(score);
  const earlier = choiceSettledBy(decisionId, input.choice);
  const about = earlier ? `About your choice ${earlier.madeIn(decisionId)}: ${earlier.what}.` : null;
  return { kind: 'decision', verdict, verdictText: DECISION_WORDS[verdict], about, ...base, best: null };
}

export function coachCard(input: CoachInput): CoachCard {
  const lines = input.messages.filter((m) => m.trim() !== '');
  const happened = lines.slice(-3);
  const card: CoachCard = { happened, more: lines.length - happened.length, judgements: [], later: null };
  if (!input.coach) return card;
  card.judgements = grouped(input.evidence).map((g) => judgementOf(g, input));
  const later = laterFor(input.choice);
  if (later) card.later = `We will see: ${later.what} ${card.judgements.length ? (later.plural ? 'are judged' : 'is judged') : 'will be judged'} ${later.when}${later.when.endsWith('?') ? '' : '.'}`;
  return card;
}

/** The card in one breath, for the live region: what happened, then each verdict and its reason. */
export function coachSpeech(card: CoachCard): string {
  const parts = [...card.happened];
  for (const j of card.judgements) {
    parts.push(`${j.about ? `${j.about} ` : ''}${j.verdictText}: ${j.why}`);
    if (j.best) parts.push(`The best answer: ${j.best.answer}. ${j.best.why}`);
  }
  if (card.later) parts.push(card.later);
  return parts.join(' ');
}
