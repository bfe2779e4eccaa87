/**
 * SCORM 1.2 run-time: finds the platform's `API` object (the standard search up the parent
 * frames, then the opener's), and reports through it: lesson status, score, session time, one
 * interaction per judged learning goal, and the save in `cmi.suspend_data`.
 */
import { SUSPEND_LIMIT } from './suspend';
import { LmsProblem, type LmsConnection, type RunOutcome } from './types';

/** The calls SCORM 1.2 defines on the platform's API object. */
export interface Scorm12Api {
  LMSInitialize(arg: ''): string;
  LMSFinish(arg: ''): string;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string;
  LMSCommit(arg: ''): string;
  LMSGetLastError(): string;
  LMSGetErrorString(code: string): string;
}

/** How far up the frames the search goes, as in ADL's reference script. */
const MAX_DEPTH = 7;

function apiOf(win: Window): Scorm12Api | null {
  try {
    const api = (win as unknown as { API?: Scorm12Api }).API;
    return api && typeof api.LMSInitialize === 'function' ? api : null;
  } catch {
    // A frame of another origin: its API cannot be used from here.
    return null;
  }
}

function searchUp(start: Window): Scorm12Api | null {
  let win = start;
  for (let depth = 0; depth <= MAX_DEPTH; depth++) {
    const api = apiOf(win);
    if (api) return api;
    let parent: Window | null = null;
    try {
      parent = win.parent;
    } catch {
      return null;
    }
    if (!parent || parent === win) return null;
    win = parent;
  }
  return null;
}

/** The platform's API: this window and its parents, then the window that opened it and its parents. */
export function findScorm12Api(win: Window = window): Scorm12Api | null {
  const found = searchUp(win);
  if (found) return found;
  let opener: Window | null = null;
  try {
    opener = win.opener as Window | null;
  } catch {
    opener = null;
  }
  return opener ? searchUp(opener) : null;
}

/** SCORM 1.2's CMITimespan: HHHH:MM:SS.SS. */
export function scormTimespan(seconds: number): string {
  const total = Math.max(0, Math.round(seconds * 100) / 100);
  const h = Math.min(9999, Math.floor(total / 3600));
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${String(h).padStart(4, '0')}:${String(m).padStart(2, '0')}:${s.toFixed(2).padStart(5, '0')}`;
}

/** SCORM 1.2's CMITime, HH:MM:SS, in local time. */
function scormTime(date: Date): string {
  return [date.getHours(), date.getMinutes(), date.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

/** Opens the SCORM 1.2 session; throws LmsProblem when there is no platform to talk to. */
export function connectScorm12(api: Scorm12Api | null = findScorm12Api(), now: () => number = () => Date.now()): LmsConnection {
  if (!api) throw new LmsProblem('The learning platform could not be found: this course must be opened from the platform that gave it to you.');
  if (String(api.LMSInitialize('')) !== 'true') {
    const code = api.LMSGetLastError();
    throw new LmsProblem(`The learning platform did not start this session (${api.LMSGetErrorString(code) || `error ${code}`}).`);
  }
  const started = now();
  const get = (element: string): string => {
    try {
      return String(api.LMSGetValue(element) ?? '');
    } catch {
      return '';
    }
  };
  const set = (element: string, value: string): boolean => {
    try {
      return String(api.LMSSetValue(element, value)) === 'true';
    } catch {
      return false;
    }
  };
  const commit = () => {
    try {
      api.LMSCommit('');
    } catch {
      // The platform went away: the browser's own save still holds the run.
    }
  };

  const status = get('cmi.core.lesson_status');
  const finished = status === 'passed' || status === 'failed' || status === 'completed';
  if (!finished) set('cmi.core.lesson_status', 'incomplete');
  const masteryText = get('cmi.student_data.mastery_score');
  const mastery = masteryText !== '' && Number.isFinite(Number(masteryText)) ? Number(masteryText) / 100 : null;
  const saved = get('cmi.suspend_data') || null;
  let done = finished;
  let ended = false;

  return {
    kind: 'scorm12',
    saved,
    mastery,
    finished,
    save(data, doCommit) {
      if (ended || data.length > SUSPEND_LIMIT) return;
      set('cmi.suspend_data', data);
      if (doCommit) commit();
    },
    decision() {
      // SCORM 1.2 interactions are written once per learning goal when the run ends.
    },
    async finish(outcome: RunOutcome) {
      if (ended || done) return;
      done = true;
      set('cmi.core.score.min', '0');
      set('cmi.core.score.max', '100');
      set('cmi.core.score.raw', String(outcome.scoreRaw));
      const base = Number(get('cmi.interactions._count')) || 0;
      const time = scormTime(new Date(now()));
      outcome.goals.forEach((g, i) => {
        const n = `cmi.interactions.${base + i}`;
        set(`${n}.id`, g.goalId);
        set(`${n}.type`, 'numeric');
        set(`${n}.time`, time);
        set(`${n}.weighting`, String(g.decisions));
        set(`${n}.student_response`, String(g.score));
        set(`${n}.result`, g.result);
        set(`${n}.latency`, scormTimespan(g.seconds));
      });
      set('cmi.core.lesson_status', outcome.passed === null ? 'completed' : outcome.passed ? 'passed' : 'failed');
      commit();
    },
    end() {
      if (ended) return;
      ended = true;
      set('cmi.core.session_time', scormTimespan((now() - started) / 1000));
      // "suspend" keeps the attempt open for the next launch; a finished run has nothing to resume.
      set('cmi.core.exit', done ? '' : 'suspend');
      commit();
      try {
        api.LMSFinish('');
      } catch {
        // Nothing more can be done as the page goes.
      }
    },
  };
}
