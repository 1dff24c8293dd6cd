/**
 * The checkpoint thread: copies the WAL's committed pages into the database
 * file with a connection of its own, so that the hub's thread never does it
 * inside a COMMIT (SQLite's auto-checkpoint copied ~1,000 pages and fsynced
 * the database file there every ~250 commands: docs/benchmarks.md, "### WAL
 * checkpoints (session 22)").
 *
 * It talks to the hub through shared memory only (checkpoint-state.ts): the
 * hub counts its commits with one atomic add, and this thread wakes every
 * `pollMs` to look at the count. No message port, no event loop work on the
 * hub's side.
 *
 * - PASSIVE checkpoints only while the hub writes: they take neither the
 *   writer lock nor wait for readers, so a commit on the hub's thread never
 *   waits for this one, and they copy only frames of committed transactions
 *   (a crash mid-copy leaves the WAL, which SQLite replays).
 * - When the hub has been quiet for `quietMs`, one TRUNCATE with a zero busy
 *   timeout: it gives up at once if the hub writes or a report reads, and
 *   otherwise empties the WAL file.
 * - After `idleMs` without a commit it closes its connection and ends; the
 *   hub starts a new one with its next commit (a thread holds a few MB).
 *
 * Bundled as dist/checkpoint-worker.js (apps/hub/build.mjs); from source it
 * runs through checkpoint-worker-from-source.mjs.
 */
import Database from "better-sqlite3";
import { workerData } from "node:worker_threads";
import { CHECKPOINT_SLOT, type CheckpointWorkerData } from "./checkpoint-state";

const data = workerData as CheckpointWorkerData;
const state = new Int32Array(data.state);

type CheckpointRow = { busy: number; log: number; checkpointed: number };

const db = new Database(data.dbFile, { fileMustExist: true });
// Never wait for a lock: the hub's commits and the reports come first, and a
// checkpoint that cannot have a lock now is tried again at the next poll.
db.pragma("busy_timeout = 0");
// The same durability as the hub's connection: a checkpoint fsyncs the WAL
// before it copies and the database file before the WAL may be reused.
db.pragma("synchronous = FULL");
const passive = db.prepare<[], CheckpointRow>("PRAGMA wal_checkpoint(PASSIVE)");
const truncate = db.prepare<[], CheckpointRow>("PRAGMA wal_checkpoint(TRUNCATE)");

let seen = Atomics.load(state, CHECKPOINT_SLOT.commits);
// Shared with the threads before this one: the commits since the last complete copy are still to do.
let checkpointedAt = Atomics.load(state, CHECKPOINT_SLOT.backfilledCommits);
let lastCommitAt = performance.now();
let emptied = false;

for (;;) {
  Atomics.wait(state, CHECKPOINT_SLOT.stop, 0, data.pollMs);
  if (Atomics.load(state, CHECKPOINT_SLOT.stop) !== 0) break;
  const now = performance.now();
  const commits = Atomics.load(state, CHECKPOINT_SLOT.commits);
  if (commits !== seen) {
    seen = commits;
    lastCommitAt = now;
    emptied = false;
  }
  const quiet = now - lastCommitAt >= data.quietMs;
  if (commits - checkpointedAt >= data.everyCommits || (quiet && commits !== checkpointedAt)) {
    const row = passive.get();
    checkpointedAt = commits;
    Atomics.add(state, CHECKPOINT_SLOT.passive, 1);
    if (row && row.busy === 0) Atomics.store(state, CHECKPOINT_SLOT.backfilledCommits, commits);
  } else if (quiet && !emptied) {
    const row = truncate.get();
    if (row && row.busy === 0) {
      emptied = true;
      Atomics.add(state, CHECKPOINT_SLOT.truncate, 1);
    }
  } else if (emptied && now - lastCommitAt >= data.idleMs) {
    break;
  }
}
db.close();
Atomics.store(state, CHECKPOINT_SLOT.endedCleanly, 1);
