// The action writer's thread (plain JavaScript, so it loads the same way under tsx, vitest and
// plain node). It owns the INSERTs of learners' actions: each commit waits for fsync
// (synchronous=FULL), and here that wait blocks only this thread. Requests that arrive while a
// commit is on disk are written together in the next transaction: one fsync for many actions.
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';

const db = new Database(workerData.path);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('busy_timeout = 5000');
const insert = db.prepare('INSERT INTO actions (learner_id, step, seq, run, action, at) VALUES (?, ?, ?, ?, ?, ?)');
const writeAll = db.transaction((rows) => {
  for (const r of rows) insert.run(r.learnerId, r.step, r.seq, r.run, r.action, r.at);
});

let queue = [];
let scheduled = false;
let closed = false;

function flush() {
  scheduled = false;
  if (closed || queue.length === 0) return;
  const rows = queue;
  queue = [];
  try {
    writeAll(rows);
    parentPort.postMessage({ ids: rows.map((r) => r.id) });
  } catch (e) {
    // A failed transaction wrote nothing: every request in it is refused, none half-written.
    parentPort.postMessage({ ids: rows.map((r) => r.id), error: e instanceof Error ? e.message : String(e) });
  }
}

parentPort.on('message', (m) => {
  if (m === 'close') {
    flush();
    closed = true;
    db.close();
    parentPort.close();
    return;
  }
  queue.push(m);
  if (!scheduled) {
    scheduled = true;
    setImmediate(flush);
  }
});
