/**
 * The report worker's connections to the hub's database file. WAL lets them
 * read while the hub writes: a reader sees the last commit before its query
 * began and never blocks the hub's commits, nor waits for them.
 */
import Database from "better-sqlite3";
import { rebuildRollups } from "./rollups";

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
 * found them differing from the log; after `pnpm hub rebuild`, which refills
 * the log without firing the triggers). The refill holds the write lock for
 * its one transaction: the hub's commits wait for it (busy timeout), so this
 * is for the rare start-up that needs it, logged when it happens.
 */
export function refillRollups(file: string, busyTimeoutMs = 30_000): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma(`busy_timeout = ${busyTimeoutMs}`);
    rebuildRollups(db);
  } finally {
    db.close();
  }
}
