/**
 * Moving a class to another device (docs/classroom-protocol.md, "Resume codes"): this device asks
 * the server for a one-time code; on the other device, the join screen takes it and the learner's
 * game continues there under a new token, while this device is signed out.
 */
import { forgetClass, writeClass, type SavedClass } from './saved';

export type ResumeCodeResult = { ok: true; code: string; hours: number } | { ok: false; message: string };

/** What the two endpoints answer (each field checked before use). */
interface Answer {
  code?: unknown;
  hours?: unknown;
  token?: unknown;
  learnerId?: unknown;
  name?: unknown;
  class?: { title?: unknown };
  error?: { code?: string; message?: string };
}

async function post(path: string, o: { token?: string; body?: unknown }): Promise<{ res: Response; data: Answer } | null> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: 'POST',
      headers: { ...(o.body === undefined ? {} : { 'Content-Type': 'application/json' }), ...(o.token ? { Authorization: `Bearer ${o.token}` } : {}) },
      body: o.body === undefined ? undefined : JSON.stringify(o.body),
    });
  } catch {
    return null;
  }
  let data: Answer = {};
  try {
    data = (await res.json()) as Answer;
  } catch {
    // answered by status
  }
  return { res, data };
}

const retryWords = (res: Response) => {
  const retry = Number(res.headers.get('Retry-After'));
  return `Too many tries from this device. Wait ${retry > 0 ? `${Math.ceil(retry)} seconds` : 'a minute'} and try again.`;
};

/** A new code for this learner (any code shown before stops working). */
export async function requestResumeCode(saved: SavedClass): Promise<ResumeCodeResult> {
  const answer = await post('/api/learner/resume-code', { token: saved.token });
  if (!answer) return { ok: false, message: 'The classroom server could not be reached. Check the connection and try again.' };
  const { res, data } = answer;
  if (res.ok && typeof data.code === 'string') return { ok: true, code: data.code, hours: Number(data.hours) || 24 };
  if (res.status === 429) return { ok: false, message: retryWords(res) };
  if (data.error?.code === 'removed') return { ok: false, message: 'The facilitator removed you from this class, so it cannot be moved.' };
  return { ok: false, message: data.error?.message ? `No code could be made: ${data.error.message}.` : `No code could be made (error ${res.status}).` };
}

export type ResumeResult = { ok: true; saved: SavedClass } | { ok: false; message: string };

/** Takes the learner's game over on this device with a code from their other device. */
export async function resumeWithCode(code: string): Promise<ResumeResult> {
  const clean = code.replace(/[\s-]+/g, '').toUpperCase();
  if (!clean) return { ok: false, message: 'Enter the resume code your other device shows (Menu, then Move to another device).' };
  const answer = await post('/api/resume', { body: { code: clean } });
  if (!answer) return { ok: false, message: 'The classroom server could not be reached. Check the connection and try again.' };
  const { res, data } = answer;
  if (res.ok && typeof data.token === 'string' && typeof data.learnerId === 'string') {
    // The server's welcome brings the sequence numbers and the game: nothing else is needed here.
    const saved: SavedClass = { version: 1, token: data.token, learnerId: data.learnerId, name: String(data.name ?? ''), classTitle: String(data.class?.title ?? ''), nextSeq: 1, pending: [], steps: 0 };
    forgetClass();
    writeClass(saved);
    return { ok: true, saved };
  }
  switch (data.error?.code) {
    case 'rateLimited':
      return { ok: false, message: retryWords(res) };
    case 'invalidResumeCode':
      return { ok: false, message: `A resume code has 10 letters and digits, like ABCDE-FGHJK. You entered ${clean.length === 1 ? 'one' : clean.length}.` };
    case 'unknownResumeCode':
      return { ok: false, message: 'This resume code does not work: it may be mistyped, already used, or replaced by a newer one. Ask for a new code on your other device.' };
    case 'resumeCodeExpired':
      return { ok: false, message: 'This resume code has expired. Ask for a new code on your other device.' };
    case 'removed':
      return { ok: false, message: 'The facilitator removed you from this class.' };
    default:
      return { ok: false, message: data.error?.message ? `The class could not be resumed: ${data.error.message}.` : `The class could not be resumed (error ${res.status}).` };
  }
}
