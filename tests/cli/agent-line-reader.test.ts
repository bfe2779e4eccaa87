import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readLines, type Line } from '../../src/cli/lines';

async function collect(chunks: (string | Uint8Array)[], max?: number): Promise<Line[]> {
  const out: Line[] = [];
  async function* source() {
    yield* chunks;
  }
  for await (const line of readLines(source(), max)) out.push(line);
  return out;
}

function splitAt(bytes: Buffer, cuts: number[]): Buffer[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const parts: Buffer[] = [];
  let last = 0;
  for (const p of points) {
    parts.push(bytes.subarray(last, p));
    last = p;
  }
  parts.push(bytes.subarray(last));
  return parts;
}

describe('the agent line reader', () => {
  it('gives the same lines however the input is cut into chunks, multi-byte characters included', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ unit: 'binary', maxLength: 30 }).map((s) => s.replace(/[\n\r]/g, '')), { maxLength: 8 }), fc.array(fc.nat(), { maxLength: 10 }), async (lines, cuts) => {
        const bytes = Buffer.from(lines.map((l) => `${l}\n`).join(''));
        const got = await collect(splitAt(bytes, cuts));
        expect(got).toEqual(lines.map((text) => ({ ok: true, text })));
      }),
    );
  });

  it('reports a line over the limit once, as soon as it passes it, and keeps the lines around it', async () => {
    const got = await collect(['ab\n0123', '456789', 'xyz\ncd', '\n'], 8);
    expect(got).toEqual([{ ok: true, text: 'ab' }, { ok: false, code: 'lineTooLong', message: expect.stringContaining('8 bytes') as string }, { ok: true, text: 'cd' }]);
  });

  it('counts the limit in bytes, not characters', async () => {
    expect(await collect(['éé\n'], 4)).toEqual([{ ok: true, text: 'éé' }]);
    expect((await collect(['ééé\n'], 4))[0]).toMatchObject({ ok: false, code: 'lineTooLong' });
  });

  it('drops a CR before the newline and keeps a last line without one', async () => {
    expect(await collect(['a\r\nb'])).toEqual([
      { ok: true, text: 'a' },
      { ok: true, text: 'b' },
    ]);
  });
});
