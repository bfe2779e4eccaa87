import { getSettings, type Settings } from '../settings';

/**
 * Whether the coach gives verdicts now. In a class the facilitator's choice wins over the
 * learner's own assessment-mode setting; the store sets it from the class state it receives.
 */
let classChoice: boolean | null = null;

export function setClassCoach(coach: boolean | null): void {
  classChoice = coach;
}

/** The class's choice (true: coach on), or null outside a class or when the class did not say. */
export function classCoach(): boolean | null {
  return classChoice;
}

export function coachOn(settings: Settings = getSettings()): boolean {
  return classChoice ?? !settings.assessmentMode;
}
