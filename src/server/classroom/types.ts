import type { LearnerRow } from '../store/rows';
import type { LearnerServerMessage } from '../ws/messages';
import type { LearnerGame } from './learner-game';
import type { ClassResults } from './results';
import type { LearnerSummary } from './summary';

/** The shapes a class shares with the sockets, the HTTP API and the dashboard page. */

export interface LearnerLink {
  send(message: LearnerServerMessage): void;
  close(code: number, reason: string): void;
}

export type FacilitatorServerMessage =
  | { type: 'dashboard'; dashboard: Dashboard }
  | { type: 'learners'; learners: LearnerSummary[] }
  | { type: 'results'; results: ClassResults }
  | { type: 'class'; class: ClassInfo }
  | { type: 'injected'; injection: InjectionInfo }
  | { type: 'error'; code: string; message: string };

export interface FacilitatorLink {
  send(message: FacilitatorServerMessage): void;
  close(code: number, reason: string): void;
  /** Hash of the key the dashboard opened with: its socket ends when that key is replaced. */
  keyHash?: string;
}

/** An injected event card and where it stands for the class (see injections.ts). */
export interface InjectionInfo {
  id: number;
  cardId: string;
  scenarioId: string;
  title: string;
  /** `delivering` while some learner may still get it, else `delivered`. */
  status: 'delivering' | 'delivered';
  at: string;
  /** Active learners by status. */
  applied: number;
  pending: number;
  skipped: number;
  learners: { learnerId: string; status: 'applied' | 'pending' | 'skipped'; reason?: string; at?: string }[];
}

export interface ClassInfo {
  id: string;
  title: string;
  code: string;
  contentKind: 'scenario' | 'campaign';
  contentId: string;
  scenarios: { id: string; title: string; events: { id: string; title: string }[] }[];
  seedPolicy: 'class' | 'learner';
  pacing: 'free' | 'lockstep';
  status: 'live' | 'ended';
  paused: boolean;
  locked: boolean;
  /** True: learners see the coach's verdicts; false: assessment mode. */
  coach: boolean;
  released: { index: number; label: string } | null;
  next: { index: number; label: string } | null;
  stages: number;
  learners: number;
  engineVersion: string;
  createdAt: string;
  endedAt: string | null;
}

export interface Dashboard {
  class: ClassInfo;
  learners: LearnerSummary[];
  results: ClassResults;
  injections: InjectionInfo[];
}

/** One learner in memory: their row, their game and their live connection. */
export interface LearnerEntry {
  row: LearnerRow;
  game: LearnerGame;
  /** Accepted sequence numbers → step, for idempotent resends. */
  seqs: Map<number, number>;
  lastSeq: number;
  lastActionAt: string | null;
  waiting: boolean;
  problem: string | null;
  link: LearnerLink | null;
  /** An action is being written: the learner's next ones wait in `backlog`. */
  writing: boolean;
  backlog: { seq: number; input: unknown; reply: Reply }[];
  /** Injection id → when it was applied to this learner's game (stored as actions with seq = -id). */
  injected: Map<number, string>;
  /** The injection applied to the game whose write is not yet stored: it counts as pending until then. */
  delivering: number | null;
  /** Run once the write in progress is done: a position asked for meanwhile shows only what is stored. */
  afterWrite: (() => void)[];
}

export type Reply = (message: LearnerServerMessage) => void;

export type OpResult<T = ClassInfo> = { ok: true; value: T } | { ok: false; status: number; code: string; message: string };
