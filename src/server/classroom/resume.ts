import { randomInt } from 'node:crypto';
import type { Registry } from './registry';
import { hashSecret, JOIN_CODE_ALPHABET, newSecret } from '../security/secrets';
import type { ResumeCodes } from '../store/resume-codes';
import { CLOSE } from '../ws/messages';
import type { LearnerEntry, OpResult } from './types';
import type { ClassRoom } from './class-room';

/**
 * Moving a learner to another device: the old device asks for a short one-time code, the new
 * one types it and gets the learner's game back with a fresh token; the old token stops working.
 * 10 symbols of the join-code alphabet (no lookalikes) give 29^10 ≈ 4.2e14 codes; with failed
 * attempts counted like failed joins, guessing one is out of reach. Typed as "ABCDE-FGHJK".
 */
export const RESUME_CODE_LENGTH = 10;
/** Long enough to move on the next day of a workshop, short enough that an old note is useless. */
export const RESUME_CODE_HOURS = 24;
const SHAPE = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${RESUME_CODE_LENGTH}}$`);

export function newResumeCode(): string {
  let code = '';
  for (let i = 0; i < RESUME_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}

/** "ABCDEFGHJK" → "ABCDE-FGHJK": two groups of five are easier to read out and copy. */
export function formatResumeCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** Issues a new code for a learner (replacing any earlier one): the code, and when it expires. */
export function issueResumeCode(codes: ResumeCodes, learner: LearnerEntry, now: Date): { code: string; expiresAt: string } {
  const code = newResumeCode();
  const expiresAt = new Date(now.getTime() + RESUME_CODE_HOURS * 3_600_000).toISOString();
  codes.set(learner.row.id, hashSecret(code), expiresAt);
  return { code: formatResumeCode(code), expiresAt };
}

type Refusal = { ok: false; status: number; code: string; message: string };

/**
 * Redeems a typed code: the learner's game on the new device, under a new token. Every refusal
 * here is a failed attempt the caller counts toward the address's limit.
 */
export function redeemResumeCode(registry: Registry, codes: ResumeCodes, typed: string, now: Date): OpResult<{ room: ClassRoom; learner: LearnerEntry; token: string }> {
  const code = typed.toUpperCase().replace(/[\s-]/g, '');
  if (!SHAPE.test(code)) return refusal(400, 'invalidResumeCode', `a resume code is ${RESUME_CODE_LENGTH} letters and digits, like ABCDE-FGHJK (found ${code.length} ${code.length === 1 ? 'character' : 'characters'}${code.length > 0 && !/^[A-Z0-9]*$/.test(code) ? ', some of them not letters or digits' : ''})`);
  const hash = hashSecret(code);
  const holder = codes.holder(hash);
  if (!holder) return refusal(404, 'unknownResumeCode', 'no learner has this resume code: it may be mistyped, already used, or replaced by a newer one; ask for a new one on your other device');
  if (holder.expiresAt <= now.toISOString()) {
    codes.clear(holder.learnerId);
    return refusal(410, 'resumeCodeExpired', `this resume code has expired (codes last ${RESUME_CODE_HOURS} hours): ask for a new one on your other device`);
  }
  if (holder.removed) return refusal(409, 'removed', 'the facilitator removed you from this class');
  const room = registry.byId(holder.classId);
  const learner = room?.learners.get(holder.learnerId);
  if (!room || !learner) return refusal(409, 'unavailable', registry.unavailable.get(holder.classId) ?? 'this class cannot be opened');
  const token = newSecret();
  const tokenHash = hashSecret(token);
  if (!codes.redeem(holder, hash, tokenHash, now.toISOString())) return refusal(404, 'unknownResumeCode', 'this resume code has just been used');
  learner.row = { ...learner.row, tokenHash };
  // The old device is signed out: its socket is told why, and its token no longer opens anything.
  learner.link?.send({ type: 'error', code: 'moved', message: 'you moved this class to another device with your resume code' });
  learner.link?.close(CLOSE.moved, 'moved to another device');
  return { ok: true, value: { room, learner, token } };
}

function refusal(status: number, code: string, message: string): Refusal {
  return { ok: false, status, code, message };
}
