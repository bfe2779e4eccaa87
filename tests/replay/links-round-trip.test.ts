import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { verifyReplay } from '../../src/engine';
import { MAX_LINK_LENGTH, MAX_LINK_PAYLOAD, challengeLink, readLink, replayLink } from '../../src/replay';
import { deflateRaw, fromBase64Url, toBase64Url } from '../../src/replay/encoding';
import { longReplay, played, starter } from './helpers';

const cafe = starter();
const { replay } = played('random', '5', cafe);
const BASE = 'https://sprintwise.example/play/';

async function packed(text: string | Uint8Array): Promise<string> {
  return toBase64Url(await deflateRaw(typeof text === 'string' ? new TextEncoder().encode(text) : text));
}

describe('challenge links', () => {
  it('round trip: ?scenario=&seed= and back', async () => {
    const made = challengeLink(BASE, 'corner-cafe', 'run-1a2b.c_d');
    expect(made).toEqual({ ok: true, url: `${BASE}?scenario=corner-cafe&seed=run-1a2b.c_d` });
    expect(await readLink(made.ok ? made.url : '')).toEqual({ kind: 'challenge', scenarioId: 'corner-cafe', seed: 'run-1a2b.c_d' });
  });

  it('keeps the base address and its other query parameters, replaces ours, drops the fragment', () => {
    expect(challengeLink('https://x.example/a/?lang=de&seed=1&scenario=old#replay=abc', 'corner-cafe', '42')).toEqual({
      ok: true,
      url: 'https://x.example/a/?lang=de&scenario=corner-cafe&seed=42',
    });
    expect(challengeLink(new URL('http://127.0.0.1:4173/'), 'a', '0')).toEqual({ ok: true, url: 'http://127.0.0.1:4173/?scenario=a&seed=0' });
  });

  it.each<[string, string, string, string]>([
    ['a seed with a space', 'corner-cafe', '4 2', 'seed'],
    ['an empty seed', 'corner-cafe', '', 'seed: expected 1-200 letters'],
    ['a seed of 201 characters', 'corner-cafe', '7'.repeat(201), 'seed'],
    ['a scenario id with a slash', '../etc', '1', 'scenario'],
    ['a scenario id with a non-ASCII letter', 'café', '1', 'scenario'],
  ])('refuses %s', (_name, scenarioId, seed, names) => {
    const made = challengeLink(BASE, scenarioId, seed);
    expect(made).toMatchObject({ ok: false, tooLarge: false, message: expect.stringContaining(names) });
  });

  it.each(['not a url', '/relative/path', 'ftp://x.example/', 'javascript:alert(1)'])('refuses the base %j', (base) => {
    expect(challengeLink(base, 'corner-cafe', '1')).toMatchObject({ ok: false, message: expect.stringContaining('base address') });
  });
});

describe('replay links', () => {
  it('round trip: the replay comes back equal and still verifies', async () => {
    const made = await replayLink(BASE, replay);
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    expect(made.url).toMatch(/^https:\/\/sprintwise\.example\/play\/#replay=[A-Za-z0-9_-]+$/);
    expect(made.length).toBe(made.url.length);
    expect(made.length).toBeLessThanOrEqual(MAX_LINK_LENGTH);
    const read = await readLink(made.url);
    expect(read).toEqual({ kind: 'replay', replay, migratedFrom: null });
    if (read.kind === 'replay') expect(verifyReplay(read.replay, cafe.scenario, cafe.hash)).toMatchObject({ ok: true, finalHash: replay.finalHash });
  });

  it('the same replay always gives the same link, whatever its key order', async () => {
    const reordered = Object.fromEntries(Object.entries(replay).reverse()) as typeof replay;
    expect(Object.keys(reordered)[0]).toBe('finalHash');
    const a = await replayLink(BASE, replay);
    const b = await replayLink(BASE, reordered);
    expect(a).toEqual(b);
  });

  it('drops challenge parameters from the base so the link is not ambiguous', async () => {
    const made = await replayLink(`${BASE}?scenario=x&seed=1&lang=fr`, replay);
    expect(made.ok && made.url.startsWith(`${BASE}?lang=fr#replay=`)).toBe(true);
    expect(await readLink(made.ok ? made.url : '')).toMatchObject({ kind: 'replay' });
  });

  it('a replay too large for a link: tooLarge with its length, so the UI offers the file', async () => {
    const long = longReplay(cafe, 1000);
    expect(verifyReplay(long, cafe.scenario, cafe.hash)).toMatchObject({ ok: true });
    const made = await replayLink(BASE, long);
    expect(made).toMatchObject({ ok: false, tooLarge: true, limit: MAX_LINK_LENGTH });
    if (made.ok || !made.tooLarge) return;
    expect(made.length).toBeGreaterThan(MAX_LINK_LENGTH);
    expect(made.message).toContain('share the replay as a file');
    // With a larger limit the same replay does travel, and reads back whole.
    const roomy = await replayLink(BASE, long, { maxLength: made.length });
    expect(roomy).toMatchObject({ ok: true, length: made.length });
    expect(await readLink(roomy.ok ? roomy.url : '')).toEqual({ kind: 'replay', replay: long, migratedFrom: null });
  });

  it('the limit is on the whole address: one character over is too large', async () => {
    const made = await replayLink(BASE, replay);
    if (!made.ok) throw new Error(made.message);
    expect(await replayLink(BASE, replay, { maxLength: made.length })).toMatchObject({ ok: true });
    expect(await replayLink(BASE, replay, { maxLength: made.length - 1 })).toMatchObject({ ok: false, tooLarge: true, length: made.length });
  });

  it('refuses to link a malformed replay', async () => {
    const made = await replayLink(BASE, { ...replay, seed: '' });
    expect(made).toMatchObject({ ok: false, tooLarge: false, message: expect.stringContaining('seed') });
  });
});

describe('readLink: strict about every parameter, never throws', () => {
  it('nothing of ours: none (other parameters and fragments are not ours)', async () => {
    for (const url of [BASE, `${BASE}?lang=de`, `${BASE}#top`, `${BASE}#replayed`, new URL(`${BASE}?x=1`)]) expect(await readLink(url)).toEqual({ kind: 'none' });
  });

  it.each<[string, string, string]>([
    ['a seed but no scenario', `${BASE}?seed=4`, 'exactly one scenario, found none'],
    ['a scenario but no seed', `${BASE}?scenario=corner-cafe`, 'exactly one seed, found none'],
    ['two seeds', `${BASE}?scenario=corner-cafe&seed=1&seed=2`, 'exactly one seed, found 2'],
    ['an empty seed', `${BASE}?scenario=corner-cafe&seed=`, 'found nothing'],
    ['a seed with a "+" (a space)', `${BASE}?scenario=corner-cafe&seed=4+2`, 'seed'],
    ['a percent-encoded slash in the scenario', `${BASE}?scenario=..%2Fsecret&seed=1`, 'scenario'],
    ['a challenge and a replay at once', `${BASE}?scenario=corner-cafe&seed=1#replay=abc`, 'both a challenge'],
    ['not an address', 'corner-cafe 42', 'not a valid address'],
    ['an empty replay', `${BASE}#replay=`, 'it is empty'],
    ['"#replay" without a value', `${BASE}#replay`, 'it is empty'],
    ['standard base64 instead of base64url', `${BASE}#replay=ab+/`, 'not base64url'],
    ['padding', `${BASE}#replay=YQ==`, 'not base64url'],
    ['an impossible length', `${BASE}#replay=abcde`, 'not base64url'],
    ['non-canonical trailing bits', `${BASE}#replay=YR`, 'not base64url'],
    ['a payload that is not DEFLATE data', `${BASE}#replay=${toBase64Url(new TextEncoder().encode('hello world, not deflated'))}`, 'does not unpack'],
  ])('%s: error', async (_name, url, names) => {
    const read = await readLink(url);
    expect(read).toMatchObject({ kind: 'error', message: expect.stringContaining(names) });
  });

  it('a payload over the limit is refused before it is decoded', async () => {
    const read = await readLink(`${BASE}#replay=${'A'.repeat(MAX_LINK_PAYLOAD + 4)}`);
    expect(read).toMatchObject({ kind: 'error', message: expect.stringContaining(`more than the ${MAX_LINK_PAYLOAD} accepted`) });
  });

  it('a link cut short: error, not a partial replay', async () => {
    const made = await replayLink(BASE, replay);
    if (!made.ok) throw new Error(made.message);
    for (const cut of [8, 100, Math.floor(made.url.length / 2)]) {
      const read = await readLink(made.url.slice(0, made.url.length - cut));
      expect(read.kind, `cut ${cut}`).toBe('error');
    }
  });

  it('a compression bomb (20 MB of zeros in a few KB) is refused while unpacking', async () => {
    const bomb = await packed(new Uint8Array(20_000_000));
    expect(bomb.length).toBeLessThan(40_000);
    const read = await readLink(`${BASE}#replay=${bomb}`);
    expect(read).toMatchObject({ kind: 'error', message: expect.stringContaining('unpacks to more than 16777216 bytes') });
  });

  it.each<[string, string, string]>([
    ['DEFLATE of text that is not JSON', 'Sprint 1 went well', 'does not hold JSON'],
    ['DEFLATE of bytes that are not UTF-8', '\u00ff', 'does not hold JSON'],
    ['a replay with a field of the wrong type', JSON.stringify({ ...replay, seed: 5 }), 'seed'],
    ['a replay of a newer format version', JSON.stringify({ ...replay, formatVersion: 3 }), 'newer Sprintwise'],
    ['a JSON array', '[1,2,3]', '(replay)'],
  ])('%s: error naming the problem', async (_name, text, names) => {
    const bytes = text === '\u00ff' ? new Uint8Array([0xff, 0xfe]) : new TextEncoder().encode(text);
    const read = await readLink(`${BASE}#replay=${await packed(bytes)}`);
    expect(read).toMatchObject({ kind: 'error', message: expect.stringContaining(names) });
  });

  it('base64url decoding is exact on every byte string', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('never throws on any address', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ maxLength: 80 }), fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.string({ maxLength: 60 }).map((s) => `${BASE}#replay=${s}`)),
        async (url) => {
          const read = await readLink(url);
          expect(['challenge', 'replay', 'none', 'error']).toContain(read.kind);
        },
      ),
      { numRuns: 300, seed: 11 },
    );
  });
});
