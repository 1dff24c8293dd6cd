import { closeSync, fchmodSync, fsyncSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from "node:fs";
import { dirname } from "node:path";

/**
 * Writing the collected device token into the settings file. The token is
 * handed out once (POST /api/pairing/collect), so losing it means pairing
 * again: the file is replaced atomically (temp file, fsync, rename, fsync of
 * the folder), never left half-written by a power cut at the stand.
 */

export type StoreResult = { ok: true } | { ok: false; error: string };

/** Beside the file, so the rename stays on one file system. */
export const tempPathFor = (path: string) => `${path}.tmp`;

const reason = (err: unknown) => (err as NodeJS.ErrnoException).code ?? String(err);

/**
 * Before showing a code: can this kiosk store what it will collect? A code an
 * admin approves for a kiosk that cannot keep the token is a token wasted.
 * Probes the real operations (create the temp file, replace nothing); access()
 * would say yes to root on a read-only mount.
 */
export function probeWritable(path: string): StoreResult {
  const temp = tempPathFor(path);
  try {
    statSync(path);
    closeSync(openSync(temp, "w", 0o600));
    unlinkSync(temp);
    return { ok: true };
  } catch (err) {
    return { ok: false, error: `${temp}: ${reason(err)}` };
  }
}

/**
 * Sets `deviceToken` in the file and keeps every other field as the installer
 * wrote it (the raw JSON, not the parsed settings with their defaults filled
 * in), in the same order, with the same file mode.
 */
export function storeDeviceToken(path: string, token: string): StoreResult {
  const temp = tempPathFor(path);
  let fd: number | null = null;
  try {
    const raw: unknown = JSON.parse(readFileSync(path, "utf8"));
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return { ok: false, error: `${path}: not a JSON object` };
    const mode = statSync(path).mode & 0o7777;
    const text = `${JSON.stringify({ ...raw, deviceToken: token }, null, 2)}\n`;
    fd = openSync(temp, "w", mode);
    writeSync(fd, text);
    // open()'s mode passes through the umask; the file keeps exactly the mode it had.
    fchmodSync(fd, mode);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    renameSync(temp, path);
    syncFolder(dirname(path));
    return { ok: true };
  } catch (err) {
    if (fd !== null) closeSync(fd);
    try {
      unlinkSync(temp);
    } catch {
      // Nothing was created, or it is not ours to remove (a folder in the way).
    }
    return { ok: false, error: `${path}: ${reason(err)}` };
  }
}

/** The rename itself is durable only once the folder is synced; some file systems refuse this (then the rename is as durable as they make it). */
function syncFolder(folder: string): void {
  let fd: number | null = null;
  try {
    fd = openSync(folder, "r");
    fsyncSync(fd);
  } catch {
    // See above.
  } finally {
    if (fd !== null) closeSync(fd);
  }
}
