/**
 * SQLite's reason when the database cannot be written: the disk is full
 * (SQLITE_FULL), the disk or file failed (SQLITE_IOERR_*), the file or
 * folder became read-only (SQLITE_READONLY_*), or the file is gone
 * (SQLITE_CANTOPEN). Null for anything else, which is a bug, not storage.
 */
export function storageFailure(err: unknown): string | null {
  const code: unknown = err && typeof err === "object" && "code" in err ? err.code : null;
  if (typeof code !== "string") return null;
  return /^SQLITE_(FULL|IOERR|READONLY|CANTOPEN|CORRUPT|NOTADB|PERM)/.test(code) ? code : null;
}

/** The one log line an operator needs: the SQLite code, at error level, with the word "storage". */
export const STORAGE_LOG_MESSAGE = "storage cannot be written (disk full, read-only or failing): answered STORE_UNAVAILABLE";
