import { describe, expect, it } from 'vitest';
import { addressHasLink, addressWithoutLink, GAME_LINK_KEYS } from '../../src/game/replay/link-intent';
import { challengeLink, LINK_KEYS, replayLink } from '../../src/replay';
import { played } from './helpers';

// The title screen looks for links without loading the engine, so it repeats the link keys.
describe('the game tells a link in its address without the engine', () => {
  it('uses the same keys as the links module', () => {
    expect(GAME_LINK_KEYS).toEqual(LINK_KEYS);
  });

  it('sees the links challengeLink and replayLink make, and takes them out of the address', async () => {
    const base = 'https://sprintwise.example/play/?lang=en';
    const challenge = challengeLink(base, 'corner-cafe', '42');
    const replay = await replayLink(base, played('principled', 'intent-1').replay);
    if (!challenge.ok || !replay.ok) throw new Error('links not made');
    expect(addressHasLink(challenge.url)).toBe(true);
    expect(addressHasLink(replay.url)).toBe(true);
    expect(addressWithoutLink(challenge.url)).toBe(base);
    expect(addressWithoutLink(replay.url)).toBe(base);
  });

  it.each([
    ['a damaged challenge (no seed)', 'https://x.example/?scenario=corner-cafe', true],
    ['an empty replay fragment', 'https://x.example/#replay=', true],
    ['a bare seed, the old way to fix the next run’s seed', 'https://x.example/?seed=42', false],
    ['another fragment', 'https://x.example/#replayed', false],
    ['nothing', 'https://x.example/', false],
    ['not an address', 'not a url', false],
  ])('%s', (_name, address, expected) => {
    expect(addressHasLink(address)).toBe(expected);
  });

  it('keeps a bare seed in the address', () => {
    expect(addressWithoutLink('https://x.example/?seed=42#top')).toBe('https://x.example/?seed=42#top');
  });
});
