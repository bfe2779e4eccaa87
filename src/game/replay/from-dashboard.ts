/**
 * A learner's run sent by the classroom dashboard (docs/facilitator.md, "Looking at one
 * learner's run"). The dashboard opens the game at `/?viewer=dashboard` in a new tab and hands
 * it the replay by `postMessage`: the replay carries the learner's seed, which must never be in
 * a URL, and the facilitator key stays with the dashboard. Engine-free: the title screen asks
 * before loading the engine.
 */
export const DASHBOARD_VIEWER = { param: 'viewer', value: 'dashboard' } as const;
export const VIEWER_READY = 'sprintwise:viewer-ready';
export const VIEWER_REPLAY = 'sprintwise:viewer-replay';

/** True when the game was opened by the dashboard to show a learner's run. */
export function openedFromDashboard(address: string): boolean {
  try {
    return new URL(address).searchParams.get(DASHBOARD_VIEWER.param) === DASHBOARD_VIEWER.value;
  } catch {
    return false;
  }
}

export type DashboardReplay = { ok: true; replay: unknown; source: string } | { ok: false; message: string };

/**
 * Tells the dashboard that opened this tab that the game is ready, and waits for the replay it
 * sends back: only from that window and only from this origin.
 */
export function receiveFromDashboard(timeoutMs = 20_000): Promise<DashboardReplay> {
  const opener = window.opener as Window | null;
  if (!opener) return Promise.resolve({ ok: false, message: 'This address opens a learner’s run from the class dashboard. Use View run on the dashboard to open one.' });
  return new Promise((resolve) => {
    const done = (r: DashboardReplay) => {
      window.removeEventListener('message', onMessage);
      clearTimeout(timer);
      resolve(r);
    };
    const onMessage = (e: MessageEvent) => {
      const data = e.data as { type?: unknown; replay?: unknown; source?: unknown } | null;
      if (e.origin !== location.origin || e.source !== opener || data?.type !== VIEWER_REPLAY) return;
      done({ ok: true, replay: data.replay, source: typeof data.source === 'string' ? data.source.slice(0, 200) : 'the class dashboard' });
    };
    const timer = setTimeout(() => done({ ok: false, message: 'The class dashboard did not send the run. Close this tab and use View run on the dashboard again.' }), timeoutMs);
    window.addEventListener('message', onMessage);
    opener.postMessage({ type: VIEWER_READY }, location.origin);
  });
}

/** Takes `?viewer=dashboard` out of the address, so that a reload does not wait for the dashboard again. */
export function clearDashboardParam(): void {
  try {
    const url = new URL(location.href);
    url.searchParams.delete(DASHBOARD_VIEWER.param);
    history.replaceState(history.state, '', url.href);
  } catch {
    // A sandboxed page may refuse: a reload then says the run must be opened from the dashboard.
  }
}
