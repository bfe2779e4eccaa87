import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distinctName, normaliseDisplayName } from '../../src/server/security/names';
import { createClass, joinClass, startTestServer, type TestServer } from './helpers';

const text = (raw: string) => {
  const r = normaliseDisplayName(raw);
  return r.ok ? r.text : null;
};

describe('display names', () => {
  it('keep ZWNJ and ZWJ inside words and emoji sequences, NFC', () => {
    // Persian "Mehrnoush" written with a zero-width non-joiner, as Persian keyboards do.
    expect(text('\u0645\u06CC\u200C\u0646\u0648\u0634')).toBe('\u0645\u06CC\u200C\u0646\u0648\u0634');
    const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}';
    expect(text(`Ana ${family}`)).toBe(`Ana ${family}`);
    expect(text('Jose\u0301')).toBe('Jos\u00e9');
    // Joiners on their own or in runs do nothing visible: they go.
    expect(text('\u200DSam\u200D')).toBe('Sam');
    expect(text('Sa\u200D\u200D\u200Dm')).toBe('Sa\u200Dm');
    expect(text('\u200C\u200D')).toBeNull();
  });

  it('cap combining marks at 3 per letter', () => {
    const tower = `Z${'\u0301\u0300\u0302\u0303'.repeat(10)}alg\u0308o`;
    expect(text(tower)).toBe('\u0179\u0300\u0302alg\u0308o');
    // Vietnamese keeps its two marks (one is composed by NFC).
    expect(text('Nguye\u0302\u0303n')).toBe('Nguy\u1ec5n');
  });

  it('duplicates get a number', () => {
    expect(distinctName('Sam', [])).toBe('Sam');
    expect(distinctName('Sam', ['sam'])).toBe('Sam (2)');
    expect(distinctName('Sam', ['Sam', 'Sam (2)'])).toBe('Sam (3)');
  });
});

describe('joining with a name someone already has', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('gives the second Sam a name the dashboard can tell apart', async () => {
    const cls = await createClass(server.url);
    expect((await joinClass(server.url, cls.code, 'Sam')).name).toBe('Sam');
    expect((await joinClass(server.url, cls.code, 'sam')).name).toBe('sam (2)');
    expect((await joinClass(server.url, cls.code, 'Sam')).name).toBe('Sam (3)');
  });
});
