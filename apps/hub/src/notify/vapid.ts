import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import webpush from "web-push";

/** The hub's VAPID key pair (RFC 8292): made once, kept beside the database. */
export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

export const VAPID_FILE = "vapid-keys.json";

const KEY = /^[A-Za-z0-9_-]+$/;

/**
 * Reads `<data>/vapid-keys.json`, or makes and writes it the first time.
 * Every browser subscription is bound to the public key: a new pair would
 * silently orphan every subscription of the day, so the file is never
 * regenerated once it exists (a broken file stops the notifier, loudly).
 * Mode 0600: the private key signs as the office to every push service.
 */
export function loadOrCreateVapidKeys(dataDir: string | null): { keys: VapidKeys; created: boolean; file: string | null } {
  if (!dataDir) return { keys: webpush.generateVAPIDKeys(), created: true, file: null };
  const file = join(dataDir, VAPID_FILE);
  if (existsSync(file)) {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as Partial<VapidKeys>;
    if (typeof parsed.publicKey !== "string" || typeof parsed.privateKey !== "string" || !KEY.test(parsed.publicKey) || !KEY.test(parsed.privateKey)) {
      throw new Error(`${file} is not a VAPID key file (publicKey, privateKey): restore it from the backup; a new pair would orphan every push subscription`);
    }
    return { keys: { publicKey: parsed.publicKey, privateKey: parsed.privateKey }, created: false, file };
  }
  const keys = webpush.generateVAPIDKeys();
  const scratch = `${file}.tmp`;
  writeFileSync(scratch, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600 });
  chmodSync(scratch, 0o600);
  renameSync(scratch, file);
  return { keys, created: true, file };
}
