import type { ActionType } from '../engine';

/**
 * Choices whose effect the world shows later, and the judgements that settle them: the coach says
 * "we will see" after such a choice, and "what if" tries alternatives where the choice was made,
 * not where it was judged. Read from the
 * rules: the vision, persona and stakeholder map are judged as Sprint 1 starts; the Product Goal
 * at every Sprint Planning and at the end; the backlog order, Sprint Goal and acceptance criteria
 * when the Sprint Goal is settled; refinement as the next Sprint starts; forecasts when they fall
 * due at a later Review; the release plan and MoSCoW tags when the scenario ends.
 */
export interface LaterJudgement {
  /** The actions whose effect is judged later. */
  readonly choices: readonly ActionType[];
  /** The decision ids of the later judgements. */
  readonly resolvedBy: RegExp;
  /** What was chosen, as the card names it: "your Product Goal". */
  readonly what: string;
  /** True when `what` is plural ("these acceptance criteria are judged"). */
  readonly plural?: true;
  /** When the world judges it, completing "We will see: … is judged …". */
  readonly when: string;
  /** When the choice was made, from the later judgement's decision id: "before Sprint 1". */
  readonly madeIn: (decisionId: string) => string;
}

const sprintOf = (decisionId: string): number | null => {
  const m = /-s(\d+)$/.exec(decisionId);
  return m ? Number(m[1]) : null;
};
const beforeSprint1 = () => 'before Sprint 1';
const atPlanning = (id: string) => (sprintOf(id) ? `at Sprint ${sprintOf(id)} Planning` : 'at Sprint Planning');

export const LATER: readonly LaterJudgement[] = [
  { choices: ['chooseVisionTechnique', 'addVisionFragment'], resolvedBy: /^vision$/, what: 'your product vision', when: 'when Sprint 1 starts: does it say whom the product serves and why?', madeIn: beforeSprint1 },
  { choices: ['addPersonaTrait'], resolvedBy: /^persona(-segments)?$/, what: 'your persona', when: 'when Sprint 1 starts: does it rest on what research showed?', madeIn: beforeSprint1 },
  { choices: ['mapStakeholder'], resolvedBy: /^stakeholder-kinds$/, what: 'your stakeholder map', when: 'as a whole when Sprint 1 starts: does everyone have a fitting place?', madeIn: beforeSprint1 },
  {
    choices: ['chooseProductGoal', 'writeProductGoal'],
    resolvedBy: /^productGoal-(s\d+|final)$/,
    what: 'your Product Goal',
    when: 'again at each Sprint Planning, against the Sprint Goal, and when the last Sprint ends, by how far the product came',
    madeIn: beforeSprint1,
  },
  {
    choices: ['orderBacklog', 'moveItem'],
    resolvedBy: /^(order|usage-order|market-order|segments)-s\d+$/,
    what: 'the order of your Product Backlog',
    when: 'when the Sprint Goal is settled at Sprint Planning',
    madeIn: atPlanning,
  },
  { choices: ['proposeSprintGoal'], resolvedBy: /^sprintGoal-s\d+$/, what: 'your Sprint Goal proposal', when: 'when you settle the Sprint Goal with the Developers', madeIn: atPlanning },
  { choices: ['addCriterion', 'writeCriteria'], resolvedBy: /^criteria-/, what: 'these acceptance criteria', plural: true, when: 'when the item enters a Sprint', madeIn: () => 'before the item entered the Sprint' },
  {
    choices: ['refineItem', 'setRefinementShare'],
    resolvedBy: /^refinement-s\d+$/,
    what: 'your refinement',
    when: 'when the next Sprint starts: was the top of the backlog ready for it?',
    madeIn: (id) => (sprintOf(id) === 1 ? 'before Sprint 1' : sprintOf(id) ? `in Sprint ${sprintOf(id)! - 1}` : 'in the Sprint before'),
  },
  { choices: ['setReadiness'], resolvedBy: /^ready-s\d+$/, what: 'your Definition of Ready', when: 'at the next Sprint Planning, by what it lets into the Sprint', madeIn: () => 'earlier' },
  { choices: ['answerForecast'], resolvedBy: /^forecast-calibration$/, what: 'your forecast', when: 'again when it falls due at a later Sprint Review: did it hold?', madeIn: () => 'at an earlier Sprint Review' },
  { choices: ['planRelease', 'tagMoscow'], resolvedBy: /^release-(final|moscow)$/, what: 'your release plan', when: 'when the scenario ends, by what reached users', madeIn: () => 'earlier' },
];

/** The later judgement a choice waits for, if any. */
export function laterFor(choice: ActionType | null): LaterJudgement | undefined {
  return choice ? LATER.find((l) => l.choices.includes(choice)) : undefined;
}

/** The earlier choice a judgement settles, unless it was made by the action that produced it. */
export function choiceSettledBy(decisionId: string, choice: ActionType | null): LaterJudgement | undefined {
  const later = LATER.find((l) => l.resolvedBy.test(decisionId));
  return later && !(choice && later.choices.includes(choice)) ? later : undefined;
}
