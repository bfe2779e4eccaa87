import type { GameState } from './state';

/** Player-facing words for values that are ids in the data: one place, so the listing and the log agree. */

export const STRATEGY_LABEL: Record<string, string> = {
  workflowStep: 'workflow step',
  businessRule: 'business rule',
  dataVariation: 'data variation',
  interface: 'interface',
  spike: 'a time-boxed spike first',
  horizontalLayer: 'technical layer (database, back end, front end)',
};

/** What a Retrospective reflection says, in the learner's words. */
export function reflectionLabel(topic: string, finding: string, state: GameState): string {
  if (topic === 'metrics') return `Users used "${state.items[finding]?.title ?? finding}" most`;
  const text: Record<string, string> = {
    tooAmbitious: 'Our Sprint Goals have been too ambitious',
    aboutRight: topic === 'sprintGoals' ? 'Our Sprint Goals have been about right' : 'Refinement has been about right',
    tooConservative: 'Our Sprint Goals have been too cautious',
    tooLittle: 'We refine too little: the Developers keep asking what items mean',
    tooMuch: 'We spend too much capacity on refinement',
    aligned: 'What stakeholders expected from the roadmap matches what we delivered',
    misaligned: 'Stakeholders expected something the roadmap promised and we did not deliver',
    allGood: 'Our stakeholder communication works: trust is holding',
    hiddenRisks: 'Trust fell because good news at a Review was contradicted by the next Sprint',
    noCadence: 'Some stakeholders drifted away: their engagement did not match their influence and interest',
  };
  return text[finding] ?? finding;
}
