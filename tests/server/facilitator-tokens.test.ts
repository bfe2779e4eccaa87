import { describe, expect, it } from 'vitest';
import { GAME_THEME, PAGE_TOKENS, swTokens } from './theme-tokens';

/** The server pages carry a copy of the game's tokens (they have no build step): it must not drift. */
describe("the server pages' design tokens", () => {
  it('are exactly the tokens of the game theme, every one of them', () => {
    const game = swTokens(GAME_THEME);
    expect(game.size).toBeGreaterThan(10);
    expect(Object.fromEntries(swTokens(PAGE_TOKENS))).toEqual(Object.fromEntries(game));
  });
});
