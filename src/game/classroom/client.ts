/**
 * The learner's side of the classroom protocol (docs/classroom-protocol.md): joining over HTTP,
 * then one WebSocket that carries actions out and observations in. The server simulates; this
 * only keeps the token, numbers actions, keeps them until they are acknowledged (so a reload or
 * a dropped connection loses nothing) and reconnects with backoff.
 */
import type { ObservationMessage } from '../../protocol';
import type { Effect, Evidence } from '../../engine';
import { clearClassNotes, showClassNote } from './class-notes';
import { forgetClass, writeClass, type SavedClass } from './saved';

export interface ClassState {
  title: string;
  status: 'live' | 'ended';
  paused: boolean;
  pacing: 'free' | 'lockstep';
  released: { index: number; label: string } | null;
  /** The facilitator's coach setting: true shows verdicts, false is assessment mode (absent from older servers). */
  coach?: boolean;
}

export interface ClassroomStatus {
  connection: 'connecting' | 'open' | 'reconnecting' | 'closed';
  name: string;
  classTitle: string;
  class: ClassState | null;
  /** Lock-step: the last action went past the released stage. */
  waitingForRelease: boolean;
  /** The facilitator removed this learner (the token no longer works). */
  removed: string | null;
  /** The class cannot be played from here (unknown token, class unavailable, another tab took over). */
  fatal: string | null;
  /** Another tab or window plays this class now; reconnecting here takes it back. */
  replaced: boolean;
}

export interface FinishedRun {
  run: number;
  scenarioId: string;
  report: unknown;
  debrief: unknown;
}

export type ClassroomEvent =
  /** `evidence`: the judgements of the acknowledged action, sent only when the class has the coach on. */
  | { type: 'observation'; message: ObservationMessage; acked: boolean; evidence?: Evidence[]; effects?: Effect[] }
  | { type: 'refused'; code: string; message: string }
  /** The server had already taken an action whose answer never arrived: its effects are not known here. */
  | { type: 'missed' }
  | { type: 'finished'; finished: FinishedRun }
  | { type: 'notice'; text: string }
  | { type: 'status' };

const MOVED = 'You moved this class to another device with your resume code: it goes on there. To play here again, ask there for a new code (Menu, then Move to another device).';

/** Codes after which an action is not processed and goes again with the same seq. */
const RETRY = new Set(['rateLimited', 'busy', 'storage']);

export class ClassroomClient {
  readonly status: ClassroomStatus;
  private ws: WebSocket | null = null;
  private delay = 500;
  private timer: number | null = null;
  private stopped = false;
  private justAcked = false;
  /** Injection notices already shown, by id and status: a reconnect repeats them all. */
  private readonly injectionsSeen = new Set<string>();
  private ackEvidence: Evidence[] = [];
  private ackEffects: Effect[] = [];
  private lastSeq = 0;
  private listener: (event: ClassroomEvent) => void = () => undefined;

  constructor(readonly saved: SavedClass) {
    this.status = { connection: 'connecting', name: saved.name, classTitle: saved.classTitle, class: null, waitingForRelease: false, removed: null, fatal: null, replaced: false };
  }

  onEvent(listener: (event: ClassroomEvent) => void): void {
    this.listener = listener;
  }

  get steps(): number {
    return this.saved.steps;
  }

  /** An action is on its way: the next one waits for its answer. */
  get busy(): boolean {
    return this.saved.pending.length > 0;
  }

  start(): void {
    this.stopped = false;
    this.status.replaced = false;
    this.connect();
  }

  /** Closes the socket for good (the token stays stored unless `forget`). */
  stop(forget = false): void {
    this.stopped = true;
    if (this.timer !== null) window.clearTimeout(this.timer);
    this.timer = null;
    const ws = this.ws;
    this.ws = null;
    if (ws && ws.readyState <= WebSocket.OPEN) ws.close(1000, 'left');
    clearClassNotes();
    if (forget) forgetClass();
  }

  /** Sends an action (stored first, so a reload resends it). False when it cannot go now. */
  act(action: Record<string, unknown>): boolean {
    if (this.busy || this.status.removed || this.status.fatal) return false;
    const seq = this.saved.nextSeq++;
    this.saved.pending.push({ seq, action });
    this.persist();
    this.send({ type: 'action', seq, action });
    return true;
  }

  sync(): void {
    this.send({ type: 'sync' });
  }

  private persist(): void {
    writeClass(this.saved);
  }

  private send(message: unknown): void {
    if (this.ws && this.ws.readyState === WebSocket.OPEN && this.status.connection === 'open') this.ws.send(JSON.stringify(message));
  }

  private setStatus(patch: Partial<ClassroomStatus>): void {
    Object.assign(this.status, patch);
    this.listener({ type: 'status' });
  }

  private connect(): void {
    if (this.stopped) return;
    this.timer = null;
    let ws: WebSocket;
    try {
      ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws/learner`);
    } catch {
      this.retry();
      return;
    }
    this.ws = ws;
    ws.addEventListener('open', () => {
      if (this.ws !== ws) return;
      ws.send(JSON.stringify({ type: 'hello', token: this.saved.token }));
    });
    ws.addEventListener('message', (e) => {
      if (this.ws !== ws || typeof e.data !== 'string') return;
      let m: Record<string, unknown> & { type?: unknown };
      try {
        m = JSON.parse(e.data) as typeof m;
      } catch {
        return;
      }
      if (m.type === 'welcome') this.delay = 500;
      try {
        this.onMessage(m);
      } catch (err) {
        // A message this client does not understand must not end the game.
        console.warn('classroom message not understood', err);
      }
    });
    ws.addEventListener('close', (e) => {
      if (this.ws !== ws) return;
      this.ws = null;
      if (e.code === 4003) {
        forgetClass();
        this.setStatus({ connection: 'closed', fatal: 'The server no longer knows this place in the class (the class may have been deleted). Join again with the class code.' });
      } else if (e.code === 4010) {
        forgetClass();
        this.setStatus({ connection: 'closed', removed: this.status.removed ?? 'The facilitator removed you from this class.' });
      } else if (e.code === 4011) {
        forgetClass();
        this.setStatus({ connection: 'closed', fatal: MOVED });
      } else if (e.code === 4009) {
        this.setStatus({ connection: 'closed', replaced: true });
      } else if (e.code === 1011) {
        this.setStatus({ connection: 'closed', fatal: this.status.fatal ?? 'The class cannot be resumed on the server. Tell your facilitator.' });
      } else if (!this.stopped) this.retry();
    });
  }

  private retry(): void {
    if (this.stopped || this.timer !== null) return;
    this.setStatus({ connection: 'reconnecting' });
    const wait = this.delay * (0.75 + Math.random() * 0.5);
    this.delay = Math.min(10_000, this.delay * 2);
    this.timer = window.setTimeout(() => this.connect(), wait);
  }

  private onMessage(m: Record<string, unknown> & { type?: unknown }): void {
    switch (m.type) {
      case 'welcome': {
        const lastSeq = Number(m.lastSeq) || 0;
        this.lastSeq = lastSeq;
        this.saved.nextSeq = Math.max(this.saved.nextSeq, lastSeq + 1);
        // A device that just took the class over (resume code) learns how far the game is.
        if (Number.isInteger(m.steps)) this.saved.steps = Math.max(this.saved.steps, m.steps as number);
        if (typeof m.name === 'string') this.saved.name = m.name;
        const info = m.class as ClassState;
        this.saved.classTitle = info.title;
        this.persist();
        this.setStatus({ connection: 'open', class: info, name: this.saved.name, classTitle: info.title });
        // Whatever was never answered goes again: the server acknowledges what it already has
        // (with its step) and takes the rest.
        for (const p of this.saved.pending) this.send({ type: 'action', seq: p.seq, action: p.action });
        return;
      }
      case 'observation':
        this.listener({ type: 'observation', message: m as unknown as ObservationMessage, acked: this.justAcked, evidence: this.justAcked ? this.ackEvidence : [], effects: this.justAcked ? this.ackEffects : [] });
        this.justAcked = false;
        this.ackEvidence = [];
        this.ackEffects = [];
        return;
      case 'ack': {
        const seq = Number(m.seq);
        this.saved.pending = this.saved.pending.filter((p) => p.seq !== seq);
        this.saved.steps = Math.max(this.saved.steps, Number(m.step) + 1);
        this.lastSeq = Math.max(this.lastSeq, seq);
        this.persist();
        if (this.status.waitingForRelease) this.setStatus({ waitingForRelease: false });
        if (m.duplicate === true) {
          // Taken before its first answer was lost: no observation follows, and its evidence and
          // effects are not sent again.
          this.listener({ type: 'missed' });
          return;
        }
        this.justAcked = true;
        this.ackEvidence = Array.isArray(m.evidence) ? (m.evidence as Evidence[]) : [];
        this.ackEffects = Array.isArray(m.effects) ? (m.effects as Effect[]) : [];
        return;
      }
      case 'error':
        return this.onError(String(m.code), String(m.message ?? ''), typeof m.seq === 'number' ? m.seq : undefined);
      case 'class': {
        const info = m.class as ClassState;
        const released = info.released?.index !== this.status.class?.released?.index;
        this.setStatus({ class: info, waitingForRelease: this.status.waitingForRelease && !released });
        return;
      }
      case 'eventInjected': {
        // The server repeats every injection's status after each hello: say only what is new.
        const key = `${String(m.id)}:${String(m.status)}`;
        if (this.injectionsSeen.has(key)) return;
        this.injectionsSeen.add(key);
        this.listener({ type: 'notice', text: String(m.message ?? m.title ?? 'The facilitator added an event.') });
        return;
      }
      case 'announcement':
      case 'timer':
        showClassNote(m);
        return;
      case 'finished':
        this.listener({ type: 'finished', finished: { run: Number(m.run), scenarioId: String(m.scenarioId), report: m.report, debrief: m.debrief } });
        return;
      case 'removed':
        forgetClass();
        this.setStatus({ removed: String(m.message ?? 'The facilitator removed you from this class.') });
        return;
      default:
        return;
    }
  }

  private onError(code: string, message: string, seq: number | undefined): void {
    if (seq === undefined) {
      if (code === 'forbidden') {
        forgetClass();
        this.setStatus({ fatal: 'The server no longer knows this place in the class. Join again with the class code.' });
      } else if (code === 'moved') {
        forgetClass();
        this.setStatus({ fatal: MOVED });
      } else if (code === 'unavailable') this.setStatus({ fatal: `The class cannot be resumed: ${message}` });
      else if (code === 'removed') this.setStatus({ removed: message });
      return;
    }
    const pending = this.saved.pending.find((p) => p.seq === seq);
    if (RETRY.has(code) && pending) {
      window.setTimeout(() => {
        if (this.saved.pending.includes(pending)) this.send({ type: 'action', seq: pending.seq, action: pending.action });
      }, 1000);
      return;
    }
    this.saved.pending = this.saved.pending.filter((p) => p.seq !== seq);
    this.persist();
    // A resend of something the server already settled: nothing to tell the player.
    if (code === 'staleSeq' && seq <= this.lastSeq) {
      // Settled earlier, but its answer (and the effects it carried) never came here.
      this.listener({ type: 'missed' });
      return;
    }
    if (code === 'waitForRelease') this.setStatus({ waitingForRelease: true });
    if (code === 'removed') {
      forgetClass();
      this.setStatus({ removed: message });
      return;
    }
    this.listener({ type: 'refused', code, message: refusal(code, message) });
    this.sync();
  }
}

/** What a refused action means for the player. */
export function refusal(code: string, message: string): string {
  switch (code) {
    case 'waitForRelease':
      return 'Wait for your facilitator: the next part of the class has not been released yet. Your game is exactly as it was.';
    case 'paused':
      return 'The facilitator has paused the class. Your choice was not taken: make it again when the class resumes.';
    case 'ended':
      return 'The class has ended: no more choices are taken.';
    default:
      return message || `The server refused this choice (${code}).`;
  }
}

export type JoinResult = { ok: true; saved: SavedClass } | { ok: false; field: 'code' | 'name' | null; message: string };

/** `POST /api/join` on this page's own server. */
export async function joinClass(code: string, name: string): Promise<JoinResult> {
  const cleanCode = code.replace(/[\s-]+/g, '').toUpperCase();
  if (!cleanCode) return { ok: false, field: 'code', message: 'Enter the class code your facilitator shows.' };
  if (!name.trim()) return { ok: false, field: 'name', message: 'Enter the name your facilitator and class will see.' };
  let res: Response;
  try {
    res = await fetch('/api/join', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code: cleanCode, name }) });
  } catch {
    return { ok: false, field: null, message: 'The classroom server could not be reached. Check the connection and try again.' };
  }
  let data: { token?: string; learnerId?: string; name?: string; class?: { title?: string }; error?: { code?: string; message?: string } } = {};
  try {
    data = (await res.json()) as typeof data;
  } catch {
    // answered below by status
  }
  if (res.ok && data.token && data.learnerId) {
    const saved: SavedClass = { version: 1, token: data.token, learnerId: data.learnerId, name: data.name ?? name, classTitle: data.class?.title ?? '', nextSeq: 1, pending: [], steps: 0 };
    forgetClass();
    writeClass(saved);
    return { ok: true, saved };
  }
  const errCode = data.error?.code ?? '';
  const retry = Number(res.headers.get('Retry-After'));
  switch (errCode) {
    case 'unknownCode':
      return { ok: false, field: 'code', message: `No class has the code ${cleanCode}. Check it against the code your facilitator shows.` };
    case 'rateLimited':
      return { ok: false, field: null, message: `Too many tries from this device. Wait ${retry > 0 ? `${Math.ceil(retry)} seconds` : 'a minute'} and try again.` };
    case 'locked':
      return { ok: false, field: 'code', message: 'This class is closed to new learners. Ask your facilitator to open it again.' };
    case 'ended':
      return { ok: false, field: 'code', message: 'This class has ended: it takes no new learners.' };
    case 'full':
      return { ok: false, field: 'code', message: 'This class is full. Ask your facilitator.' };
    case 'invalidName':
      return { ok: false, field: 'name', message: `This name cannot be used: ${data.error?.message ?? 'use 1 to 40 letters, digits or spaces'}.` };
    default:
      if (res.status === 404 && !errCode) return { ok: false, field: null, message: 'This game is not served by a classroom server, so it cannot join a class.' };
      return { ok: false, field: null, message: data.error?.message ? `The class could not be joined: ${data.error.message}.` : `The class could not be joined (error ${res.status}).` };
  }
}
