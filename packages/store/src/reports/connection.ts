/**
 * The report worker's connections to the hub's database file. WAL lets them
 * read while the hub writes: a reader sees the last commit before its query
 * began and never blocks the hub's commits, nor waits for them.
 */
import Database from "better-sqlite3";
import { rebuildRollupsByDay } from "./rollups";

/**
 * Read-only (SQLITE_OPEN_READONLY): whatever a report's SQL does, it cannot
 * change the queue's data. The file must exist: a worker started on a wrong
 * path must fail, not create an empty database beside the real one.
 */
export function openReportConnection(file: string): Database.Database {
  return new Database(file, { readonly: true, fileMustExist: true });
}

/**
 * Refills the rollups through a short-lived writable connection (the check
 * found them differing from the log: after `pnpm hub rebuild`, which refills
 * the log without firing the triggers), one service day per transaction, with
 * a pause after each as long as the day took (at least 50 ms): the hub's
 * commits wait for one day's refill at most, never for the whole year's.
 * Blocks the calling thread: it is for the report worker, which answers no
 * report meanwhile.
 */
export function refillRollups(file: string, busyTimeoutMs = 30_000): number {
  const db = new Database(file, { fileMustExist: true });
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  try {
    db.pragma(`busy_timeout = ${busyTimeoutMs}`);
    // Atomics.wait: a synchronous sleep that leaves the lock free (the hub's busy handler retries within 100 ms).
    return rebuildRollupsByDay(db, (dayMs) => Atomics.wait(sleeper, 0, 0, Math.max(50, dayMs)));
  } finally {
    db.close();
  }
}
