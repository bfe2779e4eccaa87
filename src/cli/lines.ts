/** The largest agent input line accepted, in bytes (newline excluded). */
export const MAX_LINE_BYTES = 1024 * 1024;

export type Line = { ok: true; text: string } | { ok: false; code: 'lineTooLong' | 'notUtf8'; message: string };

const decoder = new TextDecoder('utf-8', { fatal: true });

function decode(bytes: Uint8Array): Line {
  try {
    const text = decoder.decode(bytes);
    return { ok: true, text: text.endsWith('\r') ? text.slice(0, -1) : text };
  } catch {
    return { ok: false, code: 'notUtf8', message: 'the line is not valid UTF-8' };
  }
}

/**
 * Splits a byte stream into lines without ever holding more than `max` bytes of one line: a
 * longer line is reported once, as soon as it passes the limit, and the rest of it is skipped.
 * A last line without a newline still counts.
 */
export async function* readLines(source: AsyncIterable<string | Uint8Array>, max = MAX_LINE_BYTES): AsyncGenerator<Line> {
  let parts: Uint8Array[] = [];
  let size = 0;
  let skipping = false;
  for await (const raw of source) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(0x0a, start);
      const end = nl === -1 ? chunk.length : nl;
      if (!skipping && end > start) {
        if (size + (end - start) > max) {
          parts = [];
          size = 0;
          skipping = true;
          yield { ok: false, code: 'lineTooLong', message: `the line is longer than ${max} bytes; it was skipped` };
        } else {
          parts.push(chunk.subarray(start, end));
          size += end - start;
        }
      }
      if (nl === -1) break;
      if (skipping) skipping = false;
      else {
        const line = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
        parts = [];
        size = 0;
        yield decode(line);
      }
      start = nl + 1;
    }
  }
  if (!skipping && size > 0) yield decode(parts.length === 1 ? parts[0]! : Buffer.concat(parts));
}
