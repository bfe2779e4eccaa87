/**
 * Engine-free look at the address: does it carry a challenge or replay link? The title screen
 * asks before loading the engine, which `readLink` (src/replay/links.ts) needs to read one.
 * The keys are those of `LINK_KEYS` there (a test checks they agree).
 */
export const GAME_LINK_KEYS = { scenario: 'scenario', seed: 'seed', replay: 'replay' } as const;

function isReplayFragment(hash: string): boolean {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  return fragment === GAME_LINK_KEYS.replay || fragment.startsWith(`${GAME_LINK_KEYS.replay}=`);
}

/**
 * True when `address` holds a link to follow (or a damaged one to report): a `scenario` query
 * parameter or a `#replay=` fragment. A bare `?seed=` is not a link: it has always set the seed
 * of the next new run (tests and hand-made addresses use it), and it keeps doing that.
 */
export function addressHasLink(address: string): boolean {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return false;
  }
  return url.searchParams.has(GAME_LINK_KEYS.scenario) || isReplayFragment(url.hash);
}

/**
 * The address without the link's parts (other query parameters stay): shown once the link has
 * been followed, so that a reload continues the run it started instead of asking again.
 */
export function addressWithoutLink(address: string): string {
  const url = new URL(address);
  if (url.searchParams.has(GAME_LINK_KEYS.scenario)) {
    url.searchParams.delete(GAME_LINK_KEYS.scenario);
    url.searchParams.delete(GAME_LINK_KEYS.seed);
  }
  if (isReplayFragment(url.hash)) url.hash = '';
  return url.href;
}

/** Takes the followed link out of the address bar without reloading or adding a history entry. */
export function clearLinkFromAddress(): void {
  try {
    history.replaceState(history.state, '', addressWithoutLink(location.href));
  } catch {
    // A sandboxed page may refuse: the link then stays, which only means a reload asks again.
  }
}
