/**
 * cmi5 run-time. @xapi/cmi5 reads the launch parameters, fetches the auth token, reads the launch
 * data and sends `initialized`; this module then sends, in order and one request at a time, one
 * statement per judged decision (the goals as activities: activity-ids.ts), `passed` or `failed`
 * with the scaled score, `completed`, and `terminated` last as the page goes (a keepalive request,
 * so it survives the unload). The save is kept in the xAPI State API under `sprintwise.save`.
 */
import Cmi5 from '@xapi/cmi5';
import { decisionActivityId, goalActivityId, GOAL_SCORES_EXTENSION } from './activity-ids';
import { LmsProblem, type JudgedDecision, type LmsConnection, type RunOutcome } from './types';

type Statement = Record<string, unknown>;

const VERBS = {
  completed: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed' } },
  passed: { id: 'http://adlnet.gov/expapi/verbs/passed', display: { 'en-US': 'passed' } },
  failed: { id: 'http://adlnet.gov/expapi/verbs/failed', display: { 'en-US': 'failed' } },
  terminated: { id: 'http://adlnet.gov/expapi/verbs/terminated', display: { 'en-US': 'terminated' } },
  responded: { id: 'http://adlnet.gov/expapi/verbs/responded', display: { 'en-US': 'responded' } },
};
const CATEGORY = {
  cmi5: { id: 'https://w3id.org/xapi/cmi5/context/categories/cmi5' },
  moveOn: { id: 'https://w3id.org/xapi/cmi5/context/categories/moveon' },
};
const MASTERY_EXTENSION = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore';
const SAVE_STATE = 'sprintwise.save';

/** ISO 8601 duration in seconds, as xAPI results carry it. */
function duration(ms: number): string {
  return `PT${(Math.max(0, ms) / 1000).toFixed(2)}S`;
}

function describe(e: unknown): string {
  const status = (e as { response?: { status?: number } })?.response?.status;
  return status ? `the platform answered ${status}` : e instanceof Error ? e.message : String(e);
}

/** True when the address carries any of cmi5's launch parameters. */
export function hasCmi5Launch(search: string = location.search): boolean {
  const p = new URLSearchParams(search);
  return ['endpoint', 'fetch', 'actor', 'registration', 'activityId'].some((k) => p.has(k));
}

/** Starts the cmi5 session; throws LmsProblem with the reason in words when it cannot. */
export async function connectCmi5(): Promise<LmsConnection> {
  let cmi: Cmi5;
  try {
    cmi = new Cmi5();
  } catch (e) {
    const missing = /`(\w+)`/.exec(e instanceof Error ? e.message : '')?.[1];
    throw new LmsProblem(`This course was opened without what the learning platform must give it${missing ? ` (its ${missing === 'activityId' ? 'activity' : missing} is missing)` : ''}. Open it again from the platform.`);
  }
  try {
    await cmi.initialize();
  } catch (e) {
    throw new LmsProblem(`The learning platform did not accept this session (${describe(e)}). The link may have expired or been used already: open the course again from the platform.`);
  }
  const params = cmi.getLaunchParameters();
  const data = cmi.getLaunchData();
  const started = cmi.getInitializedDate()?.getTime() ?? Date.now();
  const endpoint = params.endpoint.endsWith('/') ? params.endpoint : `${params.endpoint}/`;
  const headers = { Authorization: `Basic ${cmi.getAuthToken()}`, 'X-Experience-API-Version': '1.0.3', 'Content-Type': 'application/json' };
  const normal = data.launchMode === 'Normal';
  const mastery = typeof data.masteryScore === 'number' ? data.masteryScore : null;

  // The save, and whether this registration's result was sent already (the spec allows one).
  let saved: string | null = null;
  let finished = false;
  try {
    const state = (await cmi.xapi!.getState({ agent: params.actor, activityId: params.activityId, stateId: SAVE_STATE, registration: params.registration })).data as { save?: unknown; finished?: unknown } | null;
    saved = typeof state?.save === 'string' ? state.save : null;
    finished = state?.finished === true;
  } catch {
    saved = null;
  }
  // One write at a time, so the last save is the one kept.
  let writing: Promise<unknown> = Promise.resolve();
  const keep = (text: string | null) =>
    (writing = writing.then(() =>
      cmi.xapi!.setState({ agent: params.actor, activityId: params.activityId, stateId: SAVE_STATE, registration: params.registration, state: { save: text, finished } }).catch(() => undefined),
    ));

  const base = (statement: Statement, category: object[] | null): Statement => {
    const template = (data.contextTemplate ?? {}) as Record<string, unknown> & { contextActivities?: Record<string, object[]> };
    const own = (statement.context ?? {}) as Record<string, unknown> & { contextActivities?: Record<string, object[]>; extensions?: object };
    const contextActivities: Record<string, object[]> = { ...(template.contextActivities ?? {}) };
    for (const [k, v] of Object.entries(own.contextActivities ?? {})) contextActivities[k] = [...(contextActivities[k] ?? []), ...v];
    if (category) contextActivities.category = [...(contextActivities.category ?? []), ...category];
    return {
      id: crypto.randomUUID(),
      actor: params.actor,
      timestamp: new Date().toISOString(),
      object: { objectType: 'Activity', id: params.activityId },
      ...statement,
      context: {
        ...template,
        registration: params.registration,
        contextActivities,
        extensions: { ...((template.extensions as object) ?? {}), ...(own.extensions ?? {}) },
      },
    };
  };

  // One request at a time, in order: the LRS stores the statements as the spec orders them.
  const queue: Statement[] = [];
  let sending: Promise<void> = Promise.resolve();
  let ended = false;
  let done = false;
  const post = (statements: Statement[], keepalive = false) =>
    fetch(`${endpoint}statements`, { method: 'POST', headers, body: JSON.stringify(statements), keepalive }).then((r) => {
      if (!r.ok) throw new Error(`status ${r.status}`);
    });
  const pump = () => {
    sending = sending.then(async () => {
      const batch = queue.splice(0);
      if (batch.length) await post(batch).catch(() => undefined);
    });
    return sending;
  };
  const send = (statement: Statement) => {
    if (ended) return Promise.resolve();
    queue.push(statement);
    return pump();
  };

  return {
    kind: 'cmi5',
    saved,
    mastery,
    finished,
    save(text) {
      if (ended) return;
      saved = text;
      void keep(text);
    },
    decision(d: JudgedDecision) {
      const weight = d.goals.reduce((a, g) => a + g.weight, 0);
      const scaled = weight > 0 ? d.goals.reduce((a, g) => a + g.weight * g.score, 0) / weight : d.goals.reduce((a, g) => a + g.score, 0) / Math.max(1, d.goals.length);
      void send(
        base(
          {
            verb: VERBS.responded,
            object: {
              objectType: 'Activity',
              id: decisionActivityId(d.scenarioId, d.decisionId),
              definition: { type: 'http://adlnet.gov/expapi/activities/cmi.interaction', interactionType: 'other', name: { 'en-US': d.decisionId } },
            },
            result: {
              score: { scaled: Math.round(scaled * 100) / 100 },
              duration: duration(d.seconds * 1000),
              extensions: { [GOAL_SCORES_EXTENSION]: Object.fromEntries(d.goals.map((g) => [g.goalId, g.score])) },
            },
            context: {
              contextActivities: {
                parent: [{ objectType: 'Activity', id: params.activityId }],
                other: d.goals.map((g) => ({ objectType: 'Activity', id: goalActivityId(g.goalId), definition: { type: 'http://adlnet.gov/expapi/activities/objective' } })),
              },
            },
          },
          null,
        ),
      );
    },
    async finish(outcome: RunOutcome) {
      if (ended || done || finished || !normal) return;
      done = true;
      finished = true;
      void keep(saved);
      const elapsed = duration(Date.now() - started);
      const score = { scaled: outcome.scaled, raw: outcome.scoreRaw, min: 0, max: 100 };
      // The platform's mastery score rules; without one, the package's own pass mark decides.
      const pass = mastery !== null ? outcome.scaled >= mastery : outcome.passed;
      if (pass !== null) {
        const verb = pass ? VERBS.passed : VERBS.failed;
        const extensions = mastery !== null ? { [MASTERY_EXTENSION]: mastery } : {};
        void send(base({ verb, result: { score, success: pass, duration: elapsed }, context: { extensions } }, [CATEGORY.cmi5, CATEGORY.moveOn]));
      }
      await send(base({ verb: VERBS.completed, result: { completion: true, duration: elapsed } }, [CATEGORY.cmi5, CATEGORY.moveOn]));
    },
    end() {
      if (ended) return;
      ended = true;
      const terminated = base({ verb: VERBS.terminated, result: { duration: duration(Date.now() - started) } }, [CATEGORY.cmi5]);
      const rest = queue.splice(0);
      // Sent at once, with anything still queued before it: the page is going, so the request is
      // keepalive (it outlives the page). A batch already on its way was sent earlier.
      void post([...rest, terminated], true).catch(() => undefined);
    },
  };
}
