import type { IncomingMessage } from 'node:http';
import type { z } from 'zod';
import { describeZod } from '../validate';

export const MAX_BODY_BYTES = 16 * 1024;

export type BodyResult<T> = { ok: true; value: T } | { ok: false; status: number; code: string; message: string };

function readLimited(req: IncomingMessage, limit: number): Promise<Buffer | 'tooLarge' | 'error'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) over = true;
      // Past the limit the rest is drained, not kept, so the 413 can still be sent.
      if (!over) chunks.push(chunk);
    });
    req.on('end', () => resolve(over ? 'tooLarge' : Buffer.concat(chunks)));
    req.on('error', () => resolve('error'));
  });
}

/**
 * Reads a JSON body of at most MAX_BODY_BYTES and checks it with `schema`. JSON only: a form
 * post from another site cannot send application/json without a CORS preflight, which this
 * server never grants, so no cross-site page can create classes or join on a learner's behalf.
 */
export async function readJson<S extends z.ZodType>(req: IncomingMessage, schema: S, limit = MAX_BODY_BYTES): Promise<BodyResult<z.output<S>>> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') {
    req.resume();
    return { ok: false, status: 415, code: 'notJson', message: 'send the body as Content-Type: application/json' };
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return { ok: false, status: 413, code: 'tooLarge', message: `the body is too large: at most ${limit} bytes` };
  }
  const body = await readLimited(req, limit);
  if (body === 'tooLarge') return { ok: false, status: 413, code: 'tooLarge', message: `the body is too large: at most ${limit} bytes` };
  if (body === 'error') return { ok: false, status: 400, code: 'badBody', message: 'the body could not be read' };
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch (e) {
    return { ok: false, status: 400, code: 'notJson', message: `the body is not JSON in UTF-8: ${(e as Error).message.slice(0, 200)}` };
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) return { ok: false, status: 400, code: 'invalid', message: describeZod(parsed.error, '(body)') };
  return { ok: true, value: parsed.data };
}
