import { Worker } from 'node:worker_threads';
import type { ActionRow } from './rows';

interface Pending {
  resolve: () => void;
  reject: (e: Error) => void;
}

/**
 * Writes learners' actions on a worker thread and resolves once each is committed with fsync.
 * The server acknowledges an action only then, and its event loop never waits on the disk
 * meanwhile: other learners' actions, the dashboard and joins go on during the fsync.
 */
export class ActionWriter {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closed = false;

  constructor(path: string) {
    this.worker = new Worker(new URL('./action-writer-worker.mjs', import.meta.url), { workerData: { path } });
    this.worker.on('message', (m: { ids: number[]; error?: string }) => {
      for (const id of m.ids) {
        const p = this.pending.get(id);
        this.pending.delete(id);
        if (!p) continue;
        if (m.error) p.reject(new Error(m.error));
        else p.resolve();
      }
    });
    this.worker.on('error', (e) => this.failAll(e));
    this.worker.on('exit', () => this.failAll(new Error('the action writer stopped')));
  }

  private failAll(e: Error): void {
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }

  write(learnerId: string, row: ActionRow): Promise<void> {
    if (this.closed) return Promise.reject(new Error('the server is shutting down'));
    const id = this.nextId++;
    return new Promise<void>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, learnerId, step: row.step, seq: row.seq, run: row.run, action: JSON.stringify(row.action), at: row.at });
    });
  }

  /** Lets queued writes finish, then stops the thread. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const exited = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
    this.worker.postMessage('close');
    await exited;
  }
}
