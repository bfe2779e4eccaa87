/** Rows as the store hands them out: camelCase, JSON columns decoded. */

export type SeedPolicy = 'class' | 'learner';
export type Pacing = 'free' | 'lockstep';
export type ClassStatus = 'live' | 'ended';

export interface ScenarioRef {
  id: string;
  hash: string;
}

export interface ClassRow {
  id: string;
  code: string;
  keyHash: string;
  /** SHA-256 of the recovery code without its dashes; null for classes made before recovery codes. */
  recoveryHash: string | null;
  /** SHA-256 of the read-only co-facilitator key; null until one is made. */
  viewKeyHash: string | null;
  title: string;
  contentKind: 'scenario' | 'campaign';
  contentId: string;
  scenarios: ScenarioRef[];
  seedPolicy: SeedPolicy;
  classSeed: string;
  pacing: Pacing;
  /** Lock-step: index of the last released stage (see classroom/stages.ts). */
  released: number;
  paused: boolean;
  locked: boolean;
  /** True: learners see the coach's verdicts after each choice; false: assessment mode. */
  coach: boolean;
  status: ClassStatus;
  engineVersion: string;
  createdAt: string;
  endedAt: string | null;
  /** Set when the row could not be read whole (a damaged database row): what is wrong. */
  damaged?: string;
}

export interface LearnerRow {
  id: string;
  classId: string;
  tokenHash: string;
  name: string;
  seed: string;
  joinedAt: string;
  removedAt: string | null;
  /** Lock-step: the released stage at which the learner was refused with waitForRelease, else null. */
  waitingRelease?: number | null;
}

export interface ActionRow {
  step: number;
  seq: number;
  run: number;
  action: unknown;
  at: string;
}

export interface InjectionRow {
  id: number;
  classId: string;
  cardId: string;
  scenarioId: string;
  status: string;
  at: string;
}

export interface AuditRow {
  at: string;
  op: string;
  detail: unknown;
}
