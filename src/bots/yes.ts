import type { Step } from '../engine';
import type { PolicyFactory } from './policy';
import seedrandom from 'seedrandom';
import { allIsWell, believe, bestByLabel, listedOf, listedType, listedWhere, onlyChoice, type Choice, type LabelRule } from './principled';
import { goodNewsReview, overloadedSprint, surveyOncePerSprint } from './pleasers';

/*
 * The yes-to-everything PO: accepts every request and makes every promise asked of it. It never
 * reorders the Product Backlog (requests stay where they landed), never sets time aside for
 * refinement, and says yes in every event.
 */

/** Says yes to whoever is asking, and promises rather than decides. */
export const YES_EVENT_RULES: readonly LabelRule[] = [
  { phrases: ['to the current sprint'], weight: 3, why: 'The request is taken on at once.' },
  { phrases: ['agree'], weight: 3, why: 'Every proposal is agreed to.' },
  { phrases: ['let it go', 'keep the peace'], weight: 3, why: 'Nobody is told no.' },
  { phrases: ['say you will'], weight: 2, why: 'A promise is easier than an answer.' },
  { phrases: ['most senior'], weight: 2, why: 'Whoever is senior is deferred to.' },
];

/**
 * Beliefs behind the yes-PO's answers to knowledge checks and Retrospective questions: keep
 * everyone happy, deliver as much as asked, and all is well. Where no belief applies, it guesses.
 */
export const YES_ANSWER_RULES: readonly LabelRule[] = [
  { phrases: ['about right'], weight: 2, why: 'Nobody wants to hear that something went wrong.' },
  { phrases: ['every stakeholder happy', 'as many features', 'number of features', 'nice-to-have'], weight: 2, why: 'Success is everyone getting what they asked for.' },
  { phrases: ['whatever the po says', 'keep everyone', 'yes to'], weight: 1, why: 'Whoever asks is right.' },
];

/** The Product Goal that promises the most output. */
const PROMISES = /\b(ship|features?|deliver)\b/;

/**
 * The product work of a PO who turns nothing down: every idea goes into the vision and every
 * snippet into the persona, stakeholders get the dated roadmap they ask for, and everyone is
 * managed closely so that nobody feels left out.
 */
function yesToEveryInput(step: Step): Choice | null {
  const obs = step.observation;
  return (
    (obs.visionFragments.length > 0 && obs.vision.technique === null ? listedType(step, 'chooseVisionTechnique') : null) ??
    listedType(step, 'addVisionFragment') ??
    (obs.roadmap.format === null ? listedWhere(step, (a) => a.type === 'chooseRoadmap' && a.format === 'datedFeatures') : null) ??
    listedType(step, 'addPersonaTrait') ??
    listedWhere(step, (a) => a.type === 'mapStakeholder' && a.quadrant === 'manageClosely' && obs.stakeholders.some((s) => s.id === a.stakeholderId && s.mappedAs === null))
  );
}

/**
 * Discovery as agreement: a survey asking everyone what they want (once a Sprint), every request
 * taken as a genuine need, every interview note taken at its word (what they say).
 */
function yesToEveryRequest(step: Step, surveyed: Set<number>): Choice | null {
  const obs = step.observation;
  const survey = surveyOncePerSprint(step, surveyed);
  if (survey) return survey;
  return listedWhere(step, (a) => a.type === 'classifyRequest' && a.kind === 'need') ?? listedWhere(step, (a) => a.type === 'sortEmpathyNote' && a.quadrant === 'says');
}

export const yesPolicy: PolicyFactory = (seed) => {
  const guess = seedrandom(`yes/${seed}`);
  const surveyed = new Set<number>();
  const choose = (step: Step): Choice => {
    const only = onlyChoice(step);
    if (only) return only;
    const obs = step.observation;
    const event = bestByLabel(listedOf(step, 'resolveEvent'), YES_EVENT_RULES);
    const promises = (goalId: string) => PROMISES.test(obs.productGoalOptions.find((g) => g.id === goalId)?.text.toLowerCase() ?? '');
    const decision =
      allIsWell(step) ??
      believe([...listedOf(step, 'answerQuestion'), ...listedOf(step, 'reflect')], YES_ANSWER_RULES, guess) ??
      (obs.productGoal === null ? (listedWhere(step, (a) => a.type === 'chooseProductGoal' && promises(a.goalId)) ?? listedType(step, 'chooseProductGoal')) : null) ??
      yesToEveryInput(step) ??
      listedType(step, 'startSprints') ??
      (event ? { id: event.id } : null) ??
      yesToEveryRequest(step, surveyed) ??
      // Everything anyone asked for is a Must.
      listedWhere(step, (a) => a.type === 'tagMoscow' && a.tag === 'must' && obs.backlog.some((i) => i.id === a.itemId && i.moscow === null)) ??
      overloadedSprint(step) ??
      // Someone asked for a new direction: yes.
      listedWhere(step, (a) => a.type === 'decidePivot' && a.decision === 'pivot') ??
      listedWhere(step, (a) => a.type === 'setReviewFormat' && a.format === 'demo') ??
      goodNewsReview(step) ??
      // The Developers ask for a stronger Definition of Done: yes.
      listedWhere(step, (a) => a.type === 'chooseImprovement' && a.improvement === 'strengthenDoD') ??
      listedType(step, 'finishScenario');
    return decision ?? { id: step.actions[0]!.id };
  };
  return {
    name: 'yes',
    description:
      'says yes to everything: every idea in the vision, a dated roadmap, every request a need, mid-Sprint additions, stretch commitments, every item a Must, single dates, all is on track, a pivot whenever asked',
    choose,
  };
};
