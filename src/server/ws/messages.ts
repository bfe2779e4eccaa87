import { z } from 'zod';
import type { ErrorMessage, ObservationMessage, ResultMessage } from '../../protocol';
import type { Effect, Evidence } from '../../engine';

/**
 * Every message a client may send, as zod schemas. Strict objects: an unknown key (say, a
 * `learnerId` aimed at someone else's game) makes the whole message malformed.
 */
const token = z.string().min(20).max(100);

export const LearnerClientMessage = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('hello'), token }),
  z.strictObject({
    type: z.literal('action'),
    /**
     * The client's idempotency key: positive, above every seq the server has accepted from it.
     * Any safe integer: a cap at 2^31 - 1 would lock out a learner whose client once sent it
     * (nothing can be above it); the server bounds each jump instead (MAX_SEQ_JUMP).
     */
    seq: z.int().min(1).max(Number.MAX_SAFE_INTEGER),
    /** `{id}` of a listed action or a full action object; the engine checks the rest. */
    action: z.record(z.string(), z.unknown()),
  }),
  z.strictObject({ type: z.literal('sync') }),
]);
export type LearnerClientMessage = z.infer<typeof LearnerClientMessage>;

/**
 * How far above the last accepted seq a new one may be: 2^31, so a learner can always go on
 * (reaching 2^53 would take millions of accepted actions, far more than any game has).
 */
export const MAX_SEQ_JUMP = 2 ** 31;

export const FacilitatorClientMessage = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('auth'), classId: z.string().min(1).max(60), key: token }),
  z.strictObject({ type: z.literal('sync') }),
]);
export type FacilitatorClientMessage = z.infer<typeof FacilitatorClientMessage>;

/** What a learner is told about the class: never its seed, key or other learners. */
export interface LearnerClassInfo {
  title: string;
  status: 'live' | 'ended';
  paused: boolean;
  pacing: 'free' | 'lockstep';
  /** Lock-step: the last released stage. */
  released: { index: number; label: string } | null;
  /** True: the coach shows verdicts after each choice; false: assessment mode, whatever the learner's setting. */
  coach: boolean;
}

export type LearnerServerMessage =
  /** `steps`: actions the server has stored for this learner (a new device starts counting from it). */
  | { type: 'welcome'; learnerId: string; name: string; lastSeq: number; steps: number; class: LearnerClassInfo }
  | ObservationMessage
  /** `evidence`: the action's judgements, when the class has the coach on. */
  | { type: 'ack'; seq: number; step: number; duplicate?: true; evidence?: Evidence[]; effects?: Effect[] }
  | (ErrorMessage & { seq?: number })
  | { type: 'class'; class: LearnerClassInfo }
  | { type: 'finished'; run: number; scenarioId: string; report: unknown; debrief: unknown }
  | (ResultMessage & { run: number })
  | { type: 'eventInjected'; id: number; cardId: string; title: string; status: 'queued' | 'applied' | 'skipped'; reason?: string; message: string }
  | { type: 'removed'; message: string }
  /** The facilitator's latest announcement (again after each hello) and suggested stage time (see classroom/notes.ts). */
  | { type: 'announcement'; text: string; at: string }
  | { type: 'timer'; timer: { minutes: number; label: string | null; startedAt: string; endsAt: string; secondsLeft: number } | null };

/** Close codes (4000-4999 are the application's). */
export const CLOSE = {
  authTimeout: 4001,
  forbidden: 4003,
  tooManyErrors: 4008,
  replaced: 4009,
  removed: 4010,
  /** The learner moved to another device with their resume code: this token no longer works. */
  moved: 4011,
  unavailable: 1011,
  shuttingDown: 1001,
} as const;
