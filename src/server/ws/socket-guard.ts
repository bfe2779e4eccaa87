import type { RawData, WebSocket } from 'ws';
import type { z } from 'zod';
import type { Logger } from '../log';
import { describeZod } from '../validate';
import { CLOSE } from './messages';
import { TokenBucket } from './token-bucket';

/** Messages above this are refused with an error; the socket's hard limit (maxPayload) closes it. */
export const MAX_MESSAGE_BYTES = 16 * 1024;
/** Bad messages tolerated per socket per minute before it is closed. */
const ERROR_BUDGET = 30;
/** If a client stops reading, its unread messages pile up in memory: past this it is cut off. */
const MAX_BUFFERED = 8 * 1024 * 1024;

/** Messages per second a socket may send, and the burst it may save up. */
export interface MessageRate {
  perSecond: number;
  burst: number;
}

export const DEFAULT_MESSAGE_RATE: MessageRate = { perSecond: 20, burst: 40 };

export interface GuardOptions<S extends z.ZodType> {
  kind: 'learner' | 'facilitator';
  rate: MessageRate;
  address: string;
  log: Logger;
  schema: S;
  /** Who the socket belongs to, once known, for the log. */
  who: () => Record<string, unknown>;
  handle: (message: z.output<S>) => void;
}

/** Sends JSON if the socket is open; a client that no longer reads is disconnected. */
export function sendJson(ws: WebSocket, message: unknown): void {
  if (ws.readyState !== ws.OPEN) return;
  if (ws.bufferedAmount > MAX_BUFFERED) {
    ws.close(CLOSE.tooManyErrors, 'not reading');
    return;
  }
  ws.send(JSON.stringify(message));
}

/**
 * Every message of a socket passes here: size, rate, JSON, schema, then the handler. Whatever a
 * client sends gets an error reply and a log line, never an exception that ends the server.
 */
export function guardMessages<S extends z.ZodType>(ws: WebSocket, o: GuardOptions<S>): void {
  const bucket = new TokenBucket(o.rate.burst, o.rate.perSecond);
  const errors: number[] = [];
  let seq: number | undefined;
  const refuse = (code: string, message: string, detail: Record<string, unknown> = {}) => {
    o.log.log('warn', 'socketMessageRefused', { kind: o.kind, address: o.address, code, ...o.who(), ...detail });
    // An action refused here was not processed: echoing its seq lets the client resend it.
    sendJson(ws, seq === undefined ? { type: 'error', code, message } : { type: 'error', code, message, seq });
    const now = Date.now();
    errors.push(now);
    while (errors.length && errors[0]! < now - 60_000) errors.shift();
    if (errors.length > ERROR_BUDGET) ws.close(CLOSE.tooManyErrors, 'too many bad messages');
  };
  ws.on('message', (data: RawData, isBinary: boolean) => {
    const size = Array.isArray(data) ? data.reduce((a, b) => a + b.length, 0) : data instanceof ArrayBuffer ? data.byteLength : data.length;
    seq = undefined;
    if (isBinary) return refuse('binary', 'send text frames with JSON messages');
    if (size > MAX_MESSAGE_BYTES) return refuse('tooLarge', `the message is too large: at most ${MAX_MESSAGE_BYTES} bytes, found ${size}`, { size });
    const text = Buffer.isBuffer(data) ? data.toString('utf8') : Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.from(data).toString('utf8');
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      return refuse('notJson', `the message is not JSON (${(e as Error).message.slice(0, 100)})`);
    }
    const s = (value as { seq?: unknown } | null)?.seq;
    if (Number.isSafeInteger(s)) seq = s as number;
    if (!bucket.take()) return refuse('rateLimited', 'too many messages: slow down and send again');
    const parsed = o.schema.safeParse(value);
    if (!parsed.success) return refuse('malformed', describeZod(parsed.error));
    try {
      o.handle(parsed.data);
    } catch (e) {
      o.log.log('error', 'socketHandlerFailed', { kind: o.kind, address: o.address, ...o.who(), error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
      sendJson(ws, { type: 'error', code: 'internal', message: 'the server failed on this message; nothing changed' });
    }
  });
}
