/**
 * Runs the debrief's "what if" rollouts in a Web Worker and keeps their state for the panels.
 * The worker (and the bot and assessment code it bundles) loads only when a debrief asks for it.
 * One run at a time: the figures of the last replay are kept, so coming back to the debrief shows
 * them at once. It never writes the save: it is sent a copy of the replay and gets figures back.
 */
import type { ReplayLog, Scenario } from '../../engine';
import type { WhatIfResult } from '../../whatif/rollouts';
import type { WhatIfReply, WhatIfRequest } from './messages';

/** Rollouts per option in the game: the "at least 30". */
export const GAME_ROLLOUTS = 30;

export type WhatIfState =
  | { kind: 'waiting' }
  | { kind: 'running'; done: number; total: number }
  /** `ms`: from the request to the figures, worker start-up included. */
  | { kind: 'done'; result: WhatIfResult; ms: number; workerMs: number }
  | { kind: 'failed'; message: string };

type Listener = (state: WhatIfState) => void;

export class WhatIfRun {
  private current: WhatIfState = { kind: 'waiting' };
  private readonly listeners = new Set<Listener>();
  private worker: Worker | null = null;
  /** Which lessons' panels the player opened: kept across re-renders of the debrief. */
  readonly open = new Set<string>();

  constructor(
    readonly key: string,
    /** Called when the run starts, after the debrief's first paint: exporting the replay hashes the state. */
    private readonly request: () => WhatIfRequest,
  ) {}

  get state(): WhatIfState {
    return this.current;
  }

  /** Starts the worker once; later calls do nothing. */
  start(): void {
    if (this.current.kind !== 'waiting') return;
    this.set({ kind: 'running', done: 0, total: 0 });
    const started = performance.now();
    let worker: Worker;
    let request: WhatIfRequest;
    try {
      request = this.request();
      worker = new Worker(new URL('./whatif.worker.ts', import.meta.url), { type: 'module' });
    } catch (e) {
      this.set({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
      return;
    }
    this.worker = worker;
    worker.onmessage = (event: MessageEvent<WhatIfReply>) => {
      const reply = event.data;
      if (reply.type === 'progress') this.set({ kind: 'running', done: reply.done, total: reply.total });
      else {
        this.set(reply.type === 'result' ? { kind: 'done', result: reply.result, ms: performance.now() - started, workerMs: reply.ms } : { kind: 'failed', message: reply.message });
        this.stop();
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      this.set({ kind: 'failed', message: event.message || 'the worker could not run' });
      this.stop();
    };
    worker.postMessage(request);
  }

  /** Ends the worker; an unfinished run can start again later. */
  stop(): void {
    this.worker?.terminate();
    this.worker = null;
    if (this.current.kind === 'running') this.current = { kind: 'waiting' };
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(state: WhatIfState): void {
    this.current = state;
    for (const listener of [...this.listeners]) listener(state);
  }
}

let last: WhatIfRun | null = null;

/**
 * The "what if" run of the finished run `stateHash` identifies: the one already kept when it is of
 * the same run, else a new one (the old one is stopped). `replay` is read only when the run starts,
 * and the worker is sent a copy, so nothing it does can reach the save.
 */
export function whatIfFor(scenario: Scenario, hash: string, stateHash: string, replay: () => ReplayLog | null, rollouts = GAME_ROLLOUTS): WhatIfRun {
  const key = `${scenario.id}/${stateHash}/${rollouts}`;
  if (last?.key === key) return last;
  last?.stop();
  last = new WhatIfRun(key, () => {
    const log = replay();
    if (!log) throw new Error('the run has no replay');
    return { scenario, hash, replay: structuredClone(log), rollouts };
  });
  return last;
}
