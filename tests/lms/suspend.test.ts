import { beforeAll, describe, expect, it } from 'vitest';
import { POLICIES, playToEnd } from '../../src/bots';
import { createSession, type ReplayLog } from '../../src/engine';
import { createHash } from 'node:crypto';
import { decodeSuspend, encodeSuspend, replayOf, SUSPEND_LIMIT } from '../../src/lms/suspend';
import { SUSPEND_DICTIONARY } from '../../src/lms/suspend-dictionary';
import { loadScenarioDir } from '../../src/scenario/fs';
import type { LoadedScenario } from '../../src/scenario';

let shipped: LoadedScenario[] = [];
beforeAll(async () => {
  shipped = (await loadScenarioDir()).scenarios;
});

function run(scenario: LoadedScenario, policy: string, seed: string): { replay: ReplayLog; hash: string } {
  const session = createSession(scenario.scenario, seed, scenario.hash);
  playToEnd(session, POLICIES[policy]!(seed));
  return { replay: session.replayLog(), hash: session.stateHash() };
}

describe('the save kept on the platform', () => {
  it('round-trips a full café run and re-simulates to the same state hash', () => {
    const cafe = shipped.find((s) => s.scenario.id === 'corner-cafe')!;
    const { replay, hash } = run(cafe, 'principled', 'suspend-1');
    const encoded = encodeSuspend(replay, { 'D3.3.1': 12.4 }, SUSPEND_LIMIT);
    expect(encoded.fits).toBe(true);
    expect(encoded.text.length).toBeLessThanOrEqual(SUSPEND_LIMIT);
    const decoded = decodeSuspend(encoded.text)!;
    expect(decoded.seconds).toEqual({ 'D3.3.1': 12 });
    const back = replayOf(decoded, cafe.hash)!;
    expect(back.actions).toEqual(replay.actions);
    const again = createSession(cafe.scenario, back.seed, cafe.hash);
    for (const a of back.actions) expect(again.dispatch(a).ok).toBe(true);
    expect(again.stateHash()).toBe(hash);
    expect(back.finalHash).toBe(hash);
    console.info(`café run (principled bot, ${replay.actions.length} actions): ${encoded.text.length} characters of suspend data; raw replay JSON ${JSON.stringify(replay).length}`);
  });

  it('fits every shipped scenario played to the end, or says it does not', () => {
    const sizes: string[] = [];
    let largest = 0;
    for (const s of shipped)
      for (const policy of ['principled', 'random']) {
        const { replay } = run(s, policy, 'size-1');
        const encoded = encodeSuspend(replay, {}, SUSPEND_LIMIT);
        const full = encodeSuspend(replay, {}).text.length;
        largest = Math.max(largest, full);
        sizes.push(`${s.scenario.id}/${policy}: ${replay.actions.length} actions → ${full}`);
        expect(encoded.text.length).toBeLessThanOrEqual(SUSPEND_LIMIT);
        expect(encoded.fits).toBe(full <= SUSPEND_LIMIT);
      }
    console.info(`suspend data by scenario and bot (characters):\n  ${sizes.join('\n  ')}\nlargest: ${largest}`);
  });

  it('keeps a marker when the run is too long, and reads nothing from foreign or damaged text', () => {
    const cafe = shipped.find((s) => s.scenario.id === 'corner-cafe')!;
    const { replay } = run(cafe, 'random', 'long-1');
    const marker = encodeSuspend(replay, { 'D1.1.1': 3 }, 100);
    expect(marker.fits).toBe(false);
    const decoded = decodeSuspend(marker.text)!;
    expect(decoded.actions).toBeNull();
    expect(decoded.steps).toBe(replay.actions.length);
    expect(decoded.finalHash).toBe(replay.finalHash);
    expect(replayOf(decoded, cafe.hash)).toBeNull();
    for (const text of ['', null, 'hello', 'sw1:not base64!', 'sw1:AAAA']) expect(decodeSuspend(text)).toBeNull();
  });

  it('still reads saves written by this format (sw1): its dictionary never changes', () => {
    expect(SUSPEND_DICTIONARY.length).toBe(1440);
    expect(createHash('sha256').update(SUSPEND_DICTIONARY).digest('hex')).toBe('d8aae2a8f913af834f94a9889852361d2dd495d8a13aad4ac4a874af3fd74808');
    const golden = 'sw1:q1YqU7Iy1FECiRrqGekZA3WCStXk/KK81CLd5MQ0kGtA5VE6qPgBuRhYahnpKKWBrKIQAA0DlpTVSi5GQJuNlKxMa3WUEpWsovGWO/B6IhfoRGDJqwvOp8VYvRdbCwA=';
    expect(decodeSuspend(golden)).toEqual({
      scenarioId: 'corner-cafe',
      seed: 'golden',
      engineVersion: '1.2.3',
      actions: [{ type: 'chooseProductGoal', goalId: 'morning-orders' }, { type: 'nextDay' }],
      steps: 2,
      finalHash: 'b'.repeat(64),
      seconds: { 'D2.2.2': 5 },
    });
  });
});
