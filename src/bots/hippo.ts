import type { Observation, Step } from '../engine';
import type { PolicyFactory } from './policy';
import seedrandom from 'seedrandom';
import { allIsWell, believe, bestByLabel, byId, listedOf, listedType, listedWhere, onlyChoice, reorder, type Choice, type LabelRule } from './principled';
import { goodNewsReview, overloadedSprint, surveyOncePerSprint } from './pleasers';
import { observedTrait, padsVision } from './reading';

/*
 * The HiPPO-follower: does what the Highest-Paid Person's Opinion asks. It cannot see anyone's
 * real influence, so it reads seniority off the role titles a player sees, as such a PO would.
 */

/**
 * Seniority read from a role title. The first row whose word occurs sets the stakeholder's
 * standing. Budget holders come first; a "(user)" tag comes before job titles because a user
 * representative, however senior on the floor, signs no budget; a regulator is heeded but does
 * not run the company.
 */
export const ROLE_STANDING: readonly { readonly word: string; readonly standing: number }[] = [
  { word: 'sponsor', standing: 1 },
  { word: 'owner', standing: 1 },
  { word: 'ceo', standing: 1 },
  { word: 'founder', standing: 1 },
  { word: 'director', standing: 0.8 },
  { word: 'executive', standing: 0.8 },
  { word: 'user', standing: 0.2 },
  { word: 'customer', standing: 0.2 },
  { word: 'head', standing: 0.6 },
  { word: 'lead', standing: 0.6 },
  { word: 'manager', standing: 0.6 },
  { word: 'regulator', standing: 0.4 },
];

/** Standing of a role title, 0.3 when no row matches. */
export function roleStanding(role: string): number {
  const words: string[] = role.toLowerCase().match(/[a-z]+/g) ?? [];
  for (const row of ROLE_STANDING) if (words.includes(row.word)) return row.standing;
  return 0.3;
}

/** Stakeholders from most to least influential as the HiPPO-follower sees them: standing, then visible trust. */
export function stakeholdersBySway(obs: Observation): Observation['stakeholders'] {
  return [...obs.stakeholders].sort((a, b) => roleStanding(b.role) - roleStanding(a.role) || b.trust - a.trust || byId(a, b));
}

/** The one stakeholder whose word counts. */
export function hippoOf(obs: Observation): string | null {
  return stakeholdersBySway(obs)[0]?.id ?? null;
}

/** Items of the most influential requester first, by the value they stated; then the next requester's; unrequested work last. */
export function hippoOrder(obs: Observation): string[] {
  const rank = new Map(stakeholdersBySway(obs).map((s, i) => [s.id, i]));
  const sway = (requestedBy: string | null) => (requestedBy === null ? Infinity : (rank.get(requestedBy) ?? Infinity));
  return [...obs.backlog].sort((a, b) => sway(a.requestedBy) - sway(b.requestedBy) || b.statedValue - a.statedValue || byId(a, b)).map((i) => i.id);
}

/** Gives the asker what they want, and takes anything hard to the person at the top. */
export const HIPPO_EVENT_RULES: readonly LabelRule[] = [
  { phrases: ['to the current sprint'], weight: 3, why: 'The stakeholder asked for it now, so it goes in now.' },
  { phrases: ['agree'], weight: 3, why: 'A senior proposal is agreed to.' },
  { phrases: ['complain to the owner', 'escalate'], weight: 3, why: 'Conflicts go up to the most senior person.' },
  { phrases: ['let it go', 'keep the peace'], weight: 2, why: 'Crossing a stakeholder is avoided.' },
  { phrases: ['most senior'], weight: 3, why: 'Seniority decides.' },
  { phrases: ['think about it'], weight: 1, why: 'Questions wait until someone senior has weighed in.' },
];

/**
 * Beliefs behind the HiPPO-follower's answers to knowledge checks and Retrospective questions:
 * command and control (rank, sign-offs, gates, assigned tasks) and output the sponsor can see.
 * Where no belief applies, it guesses.
 */
export const HIPPO_ANSWER_RULES: readonly LabelRule[] = [
  { phrases: ['most senior', 'manager', 'sponsor', 'the boss', 'management'], weight: 3, why: 'Rank decides.' },
  { phrases: ['sign off', 'signs off', 'sign-off', 'approve', 'gate', 'assigning tasks'], weight: 2, why: 'Work is controlled from above: approved, signed off, assigned.' },
  { phrases: ['looks finished', 'velocity keeps', 'number of features', 'as many features'], weight: 2, why: 'What the sponsor can see counts: output.' },
  { phrases: ['not a gate'], weight: -2, why: 'A gate is the point.' },
  { phrases: ['about right'], weight: 2, why: 'The sponsor is happy, so the way of working is fine.' },
];

/** A grand, aspirational Product Goal is the kind a HiPPO announces. */
const GRAND = /\b(best|leading|number one|world-class|greatest|in town)\b/;

/** Standing at or above which the HiPPO-follower keeps someone close; everyone else is watched from afar. */
export const SENIOR = 0.6;

/**
 * The product work the sponsor would want: a vision of the features and slogans the sponsor
 * talks about, the sponsor's own picture of the customer, a dated roadmap, the seniors close.
 */
function briefFromTheTop(step: Step): Choice | null {
  const obs = step.observation;
  if (obs.visionFragments.length > 0 && obs.vision.technique === null) return listedWhere(step, (a) => a.type === 'chooseVisionTechnique' && a.technique === 'productBox');
  for (const f of obs.visionFragments) {
    if (!padsVision(f.text)) continue;
    const listed = listedWhere(step, (a) => a.type === 'addVisionFragment' && a.fragmentId === f.id);
    if (listed) return listed;
  }
  if (obs.roadmap.format === null) {
    const dated = listedWhere(step, (a) => a.type === 'chooseRoadmap' && a.format === 'datedFeatures');
    if (dated) return dated;
  }
  // The persona is the sponsor's idea of the customer: opinions and generalisations, not research.
  for (const p of obs.personaSnippets) {
    if (observedTrait(p.text)) continue;
    const listed = listedWhere(step, (a) => a.type === 'addPersonaTrait' && a.snippetId === p.id);
    if (listed) return listed;
  }
  for (const s of obs.stakeholders) {
    if (s.mappedAs !== null) continue;
    const quadrant = roleStanding(s.role) >= SENIOR ? 'manageClosely' : 'monitor';
    const listed = listedWhere(step, (a) => a.type === 'mapStakeholder' && a.stakeholderId === s.id && a.quadrant === quadrant);
    if (listed) return listed;
  }
  return null;
}

/**
 * Discovery the sponsor would ask for: a survey for numbers to show the board (once a Sprint),
 * and the sponsor's own requests recorded as genuine needs. No experiments: the sponsor's ideas
 * are not in question.
 */
function researchForTheTop(step: Step, boss: string | null, surveyed: Set<number>): Choice | null {
  const obs = step.observation;
  const survey = surveyOncePerSprint(step, surveyed);
  if (survey) return survey;
  return listedWhere(step, (a) => a.type === 'classifyRequest' && a.kind === 'need' && obs.backlog.some((i) => i.id === a.itemId && i.requestedBy === boss));
}

export const hippoPolicy: PolicyFactory = (seed) => {
  const guess = seedrandom(`hippo/${seed}`);
  const surveyed = new Set<number>();
  const choose = (step: Step): Choice => {
    const only = onlyChoice(step);
    if (only) return only;
    const obs = step.observation;
    const boss = hippoOf(obs);
    const event = bestByLabel(listedOf(step, 'resolveEvent'), HIPPO_EVENT_RULES);
    const grand = (goalId: string) => GRAND.test(obs.productGoalOptions.find((g) => g.id === goalId)?.text.toLowerCase() ?? '');
    const decision =
      allIsWell(step) ??
      believe([...listedOf(step, 'answerQuestion'), ...listedOf(step, 'reflect')], HIPPO_ANSWER_RULES, guess) ??
      (obs.productGoal === null ? (listedWhere(step, (a) => a.type === 'chooseProductGoal' && grand(a.goalId)) ?? listedType(step, 'chooseProductGoal')) : null) ??
      briefFromTheTop(step) ??
      listedType(step, 'startSprints') ??
      (event ? { id: event.id } : null) ??
      researchForTheTop(step, boss, surveyed) ??
      // No time set aside for refinement: the priorities came from the top, there is nothing to clarify.
      reorder(step, hippoOrder(obs)) ??
      // Whatever the sponsor asked for is a Must.
      listedWhere(step, (a) => a.type === 'tagMoscow' && a.tag === 'must' && obs.backlog.some((i) => i.id === a.itemId && i.requestedBy === boss && i.moscow === null)) ??
      overloadedSprint(step) ??
      // The sponsor's Product Goal stands, whatever the market says.
      listedWhere(step, (a) => a.type === 'decidePivot' && a.decision === 'persist') ??
      // A demo for the sponsor.
      listedWhere(step, (a) => a.type === 'setReviewFormat' && a.format === 'demo') ??
      // A date and good news for the sponsor.
      goodNewsReview(step) ??
      // No time for quality work: the sponsor wants features.
      listedWhere(step, (a) => a.type === 'chooseImprovement' && a.improvement === 'keepAsIs') ??
      listedType(step, 'finishScenario');
    return decision ?? { id: step.actions[0]!.id };
  };
  return {
    name: 'hippo',
    description:
      'follows the most senior stakeholder: their items first and Must, their wishes in events, a dated roadmap, demos, stretch commitments, single optimistic dates, good news only, the sponsor\u2019s goal kept whatever the evidence',
    choose,
  };
};
