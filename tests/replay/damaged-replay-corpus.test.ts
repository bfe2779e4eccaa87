import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENGINE_VERSION } from '../../src/engine';
import { MAX_REPLAY_FILE_BYTES, parseReplayFile, verifyReplayFile, type ReplayVerdict } from '../../src/replay';
import type { CorpusEntry } from '../fixtures/replays/generate';
import { CORPUS_DIR, corpusScenario } from './helpers';

const corpus = JSON.parse(readFileSync(join(CORPUS_DIR, 'corpus.json'), 'utf8')) as { scenario: string; engineVersion: string; entries: CorpusEntry[] };
const fixture = corpusScenario();
/** Verifies against the corpus scenario whatever the replay names, as `sim replay verify --scenario` does. */
const againstFixture = () => fixture;

function verifyBytes(file: string): ReplayVerdict {
  return verifyReplayFile(new Uint8Array(readFileSync(join(CORPUS_DIR, file))), againstFixture);
}

const REGENERATE = 'regenerate the corpus with "npx tsx tests/fixtures/replays/generate.ts"';

describe('the damaged-replay corpus in tests/fixtures/replays', () => {
  it('lists every replay file in the folder, and only those', () => {
    const files = readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.replay.json')).sort();
    expect(corpus.entries.map((e) => e.file).sort()).toEqual(files);
    expect(files.length).toBeGreaterThanOrEqual(25);
  });

  it('was recorded by this engine version (else bump and regenerate, see docs/replays.md)', () => {
    expect(corpus.engineVersion, REGENERATE).toBe(ENGINE_VERSION);
  });

  it.each(corpus.entries.filter((e) => e.expect.ok))('$file ($what) verifies: a golden replay, so outcomes did not change under this engine version', (entry) => {
    const verdict = verifyBytes(entry.file);
    expect(verdict, `if the engine's outcomes changed on purpose, bump the minor of ENGINE_VERSION and ${REGENERATE}`).toMatchObject({ ok: true });
  });

  it.each(corpus.entries.filter((e) => !e.expect.ok))('$file ($what) is refused with its kind and message, never a throw', (entry) => {
    const expected = entry.expect as Extract<CorpusEntry['expect'], { ok: false }>;
    const verdict = verifyBytes(entry.file);
    expect(verdict.ok).toBe(false);
    if (verdict.ok) return;
    expect(verdict.kind).toBe(expected.kind);
    expect(verdict.message).toContain(expected.message);
    if (expected.step !== undefined) expect(verdict.step).toBe(expected.step);
    if (expected.stepAtLeast !== undefined) expect(verdict.step).toBeGreaterThanOrEqual(expected.stepAtLeast);
    if (expected.stepAtMost !== undefined) expect(verdict.step).toBeLessThanOrEqual(expected.stepAtMost);
    // The same file read as text gives the same verdict (the game reads File.text(), the CLI bytes);
    // not-UTF-8 bytes cannot be text, so that file has only the bytes form.
    if (expected.kind !== 'notUtf8') expect(verifyReplayFile(readFileSync(join(CORPUS_DIR, entry.file), 'utf8'), againstFixture)).toEqual(verdict);
  });

  it('problems found before re-simulation are the same from parseReplayFile alone', () => {
    const early = new Set(['empty', 'tooLarge', 'notUtf8', 'notJson', 'unsupportedVersion', 'malformed']);
    for (const entry of corpus.entries) {
      const parsed = parseReplayFile(new Uint8Array(readFileSync(join(CORPUS_DIR, entry.file))));
      const expected = entry.expect;
      if (!expected.ok && early.has(expected.kind)) expect(parsed, entry.file).toMatchObject({ ok: false, kind: expected.kind });
      else expect(parsed.ok, entry.file).toBe(true);
    }
  });

  it('a huge file (generated here, 16 MiB + 1 byte) is refused as tooLarge before parsing, as bytes and as text', () => {
    const bytes = new Uint8Array(MAX_REPLAY_FILE_BYTES + 1).fill(0x20);
    bytes[0] = 0x7b;
    for (const source of [bytes, new TextDecoder().decode(bytes)]) {
      const verdict = verifyReplayFile(source, againstFixture);
      expect(verdict).toMatchObject({ ok: false, kind: 'tooLarge' });
      expect(verdict.ok || verdict.message).toContain('16 MiB');
    }
    // Text whose UTF-8 form passes the limit though its length does not: "é" is 2 bytes.
    const wide = `"${'é'.repeat(MAX_REPLAY_FILE_BYTES / 2)}"`;
    expect(wide.length).toBeLessThan(MAX_REPLAY_FILE_BYTES);
    expect(parseReplayFile(wide)).toMatchObject({ ok: false, kind: 'tooLarge', message: expect.stringContaining(`${MAX_REPLAY_FILE_BYTES + 2} bytes`) });
  });
});
