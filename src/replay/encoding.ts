/*
 * Bytes for links: base64url (RFC 4648 §5, no padding) and raw DEFLATE (RFC 1951) through the
 * standard CompressionStream / DecompressionStream, which Node 20 and every current browser have.
 */

/** base64url without padding. */
export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The bytes of canonical base64url text (no padding, no other characters), else null. */
export function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  let binary: string;
  try {
    binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
  } catch {
    return null;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  // Unused low bits in the last character must be zero: one text per byte string.
  return toBase64Url(bytes) === text ? bytes : null;
}

export type InflateResult = { ok: true; bytes: Uint8Array } | { ok: false; reason: 'tooLarge' | 'corrupt'; message: string };

/** Raw DEFLATE of `bytes`. */
export async function deflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  const out = await pump(new CompressionStream('deflate-raw'), bytes, Number.POSITIVE_INFINITY);
  if (!out.ok) throw new Error(out.message);
  return out.bytes;
}

/** Inflates raw DEFLATE, giving up as soon as the output passes `maxBytes` (a small link can unpack to gigabytes). Never throws. */
export async function inflateRaw(bytes: Uint8Array, maxBytes: number): Promise<InflateResult> {
  try {
    return await pump(new DecompressionStream('deflate-raw'), bytes, maxBytes);
  } catch (e) {
    return { ok: false, reason: 'corrupt', message: `it does not unpack (${e instanceof Error ? e.message : String(e)})` };
  }
}

async function pump(stream: CompressionStream | DecompressionStream, input: Uint8Array, maxBytes: number): Promise<InflateResult> {
  const writer = stream.writable.getWriter();
  // Errors of the stream reach the reader too; this only keeps them from being unhandled.
  const writing = writer.write(new Uint8Array(input)).then(() => writer.close());
  writing.catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return { ok: false, reason: 'tooLarge', message: `it unpacks to more than ${maxBytes} bytes` };
    }
    chunks.push(value);
  }
  await writing;
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return { ok: true, bytes };
}
