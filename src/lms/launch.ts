/**
 * The game inside a learning platform. Title loads this module (and only then the SCORM or cmi5
 * code) when the page was opened with `?lms=scorm12` or `?lms=cmi5`, as a packaged course is
 * (see scripts/package). It connects, resumes the learner's run from the platform's save or
 * starts the packaged scenario, then follows the run: every accepted choice is saved to the
 * platform, judged decisions are reported, the finished run's score and learning goals are
 * sent, and the session ends when the page goes. When the platform cannot be reached, the
 * learner is told why and plays as usual, saved in this browser only.
 */
import type { DispatchResult } from '../engine';
import { announce } from '../game/dom/announce';
import type { RunView, SessionStore } from '../game/session-store';
import type { TitleNotice } from '../game/panels/TitlePanel';
import { sceneForPhase } from '../game/router';
import type { SceneKey } from '../game/scenes/keys';
import { DEFAULT_MASTERY, judgedDecisions, runOutcome } from './outcome';
import { decodeSuspend, encodeSuspend, replayOf, SUSPEND_LIMIT } from './suspend';
import { LmsProblem, type LmsConnection } from './types';

export type LmsLaunch = { kind: 'go'; scene: SceneKey } | { kind: 'notice'; notice: TitleNotice };

/** What tests (and the curious) can read about the platform connection: `window.__sprintwiseLms`. */
export interface LmsStatus {
  kind: 'scorm12' | 'cmi5';
  connected: boolean;
  /** Why there is no connection, in the words the learner sees. */
  problem: string | null;
  scenarioId: string | null;
  /** Length of the last save sent to the platform, and whether the whole run fit in it. */
  saveLength: number;
  saveFits: boolean;
  /** The run was resumed from the platform's save. */
  resumed: boolean;
  finished: boolean;
  /** What the learner was told on arrival (a save that could not be resumed), if anything. */
  note: string | null;
}

declare global {
  interface Window {
    __sprintwiseLms?: LmsStatus;
  }
}

const NOT_CONNECTED = 'You can still play: your progress is saved in this browser only, and no result is sent to the platform.';

async function connect(kind: 'scorm12' | 'cmi5'): Promise<LmsConnection> {
  if (kind === 'cmi5') return (await import('./cmi5')).connectCmi5();
  return (await import('./scorm12')).connectScorm12();
}

/** The pass mark the package was built with (`mastery=` in the launch address), or the default. */
function packageMastery(params: URLSearchParams): number {
  const value = Number(params.get('mastery'));
  return params.has('mastery') && Number.isFinite(value) && value >= 0 && value <= 1 ? value : DEFAULT_MASTERY;
}

export async function launchInLms(store: SessionStore, search: string = location.search): Promise<LmsLaunch> {
  const params = new URLSearchParams(search);
  const kind = params.get('lms') === 'cmi5' ? 'cmi5' : 'scorm12';
  const scenarioId = params.get('scenario');
  const status: LmsStatus = { kind, connected: false, problem: null, scenarioId, saveLength: 0, saveFits: true, resumed: false, finished: false, note: null };
  window.__sprintwiseLms = status;
  const problem = (text: string): LmsLaunch => {
    status.problem = text;
    window.__sprintwiseLms = { ...status };
    return { kind: 'notice', notice: { tone: 'error', title: 'Not connected to your learning platform', text: `${text} ${NOT_CONNECTED}` } };
  };

  const loaded = scenarioId ? store.findScenario(scenarioId) : undefined;
  if (!loaded) return problem('This course does not name a scenario this version of the game includes.');

  let conn: LmsConnection;
  try {
    conn = await connect(kind);
  } catch (e) {
    return problem(e instanceof LmsProblem ? e.message : 'The connection to the learning platform failed.');
  }
  status.connected = true;
  const mastery = conn.mastery ?? packageMastery(params);
  const id = loaded.scenario.id;

  // Resume the platform's save. This browser's save of the same run wins when it goes further
  // (choices made after the platform's last commit), and carries a run too long for the platform.
  const saved = decodeSuspend(conn.saved);
  const seconds: Record<string, number> = saved?.scenarioId === id ? { ...saved.seconds } : {};
  let opened = false;
  let notice: string | null = null;
  if (saved && saved.scenarioId === id) {
    const local = store.saves().find((s) => s.scenarioId === id);
    const localActions = local?.status === 'ok' && local.save.replay.seed === saved.seed ? local.save.replay.actions : null;
    const localGoesFurther =
      localActions !== null &&
      localActions.length >= saved.steps &&
      (saved.actions === null || JSON.stringify(localActions.slice(0, saved.actions.length)) === JSON.stringify(saved.actions));
    if (localGoesFurther) opened = store.resume(id).ok;
    const replay = replayOf(saved, loaded.hash);
    if (!opened && replay) {
      const check = store.checkImport(JSON.stringify(replay));
      if (check.ok) opened = store.applyImport(check).ok;
      if (!opened) notice = 'Your saved progress on the learning platform could not be read, so this run starts again.';
    } else if (!opened) {
      notice = 'Your run was too long to keep on the learning platform, and this browser does not hold it, so this run starts again.';
    }
    status.resumed = opened;
  }
  if (!opened) {
    const started = store.start(id);
    if (!started.ok) return problem(started.message);
  }

  let last = Date.now();
  let finishing = false;
  const follow = (run: RunView, result: DispatchResult | null) => {
    if (run.scenario.scenario.id !== id || store.runSlot !== 'main' || store.classroom) return;
    if (result?.ok) {
      const now = Date.now();
      const elapsed = (now - last) / 1000;
      last = now;
      const judged = judgedDecisions(id, result.changes.evidence, elapsed);
      for (const goal of new Set(result.changes.evidence.map((e) => e.goalId))) seconds[goal] = (seconds[goal] ?? 0) + elapsed;
      for (const d of judged) conn.decision(d);
      const replay = store.replayLog();
      if (replay) {
        const encoded = encodeSuspend(replay, seconds, kind === 'scorm12' ? SUSPEND_LIMIT : Number.POSITIVE_INFINITY);
        // Committed when a phase ends and when the run ends: often enough to lose little, rarely enough for slow platforms.
        conn.save(encoded.text, result.changes.phase !== result.changes.phaseBefore || result.done);
        status.saveLength = encoded.text.length;
        status.saveFits = encoded.fits;
      }
    }
    if (run.step.done && !conn.finished && !finishing) {
      finishing = true;
      const report = store.report();
      if (report) void conn.finish(runOutcome(report, mastery, seconds)).then(() => {
        status.finished = true;
        window.__sprintwiseLms = { ...status };
      });
    }
    window.__sprintwiseLms = { ...status };
  };
  store.subscribe((event) => {
    if (event.type === 'changed') follow(event.run, event.result);
  });
  window.addEventListener('pagehide', () => conn.end(), { once: true });

  const run = store.run;
  if (run) follow(run, null);
  if (opened && run) {
    const replay = store.replayLog();
    if (replay) status.saveLength = encodeSuspend(replay, seconds, kind === 'scorm12' ? SUSPEND_LIMIT : Number.POSITIVE_INFINITY).text.length;
  }
  status.finished ||= conn.finished;
  status.note = notice;
  window.__sprintwiseLms = { ...status };
  if (notice) announce(notice);
  return { kind: 'go', scene: sceneForPhase(run?.step.phase ?? 'briefing') };
}
