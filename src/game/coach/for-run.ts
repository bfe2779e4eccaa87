import type { RunView } from '../session-store';
import { coachOn } from './mode';
import { coachCard, type CoachCard } from './view-model';

/** The coach's card for the run on screen: its last choice, the scenario's questions and the mode. */
export function coachCardFor(run: RunView): CoachCard | null {
  const last = run.last;
  if (!last) return null;
  return coachCard({
    messages: last.messages,
    evidence: last.evidence,
    choice: last.choice ?? null,
    questions: run.scenario.scenario.questions ?? [],
    // Once the scenario is over the debrief goes through every judgement: the card says only what happened.
    coach: coachOn() && !run.step.done,
  });
}
