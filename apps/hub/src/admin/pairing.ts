import { createHash, randomBytes, randomInt } from "node:crypto";
import { PAIRING_ALPHABET, PAIRING_CODE_LENGTH, type DeviceKindName, type ErrorCode, type PendingPairing } from "@layan/protocol";

/**
 * Pairings waiting for an admin, in the hub's memory only: a restart forgets
 * them and the device simply shows a new code. Two secrets per pairing:
 *
 * - the code, shown on the device's screen and read out or scanned: whoever
 *   sees it may give it to an admin, and only an admin can approve it;
 * - the collector secret, which only the device holds: the token goes to the
 *   one who shows it, once, so someone who photographed the code in the hall
 *   cannot collect the kiosk's token.
 */

/** A code nobody approved within this long is refused; the device asks for a new one. */
export const PAIRING_TTL_MS = 10 * 60_000;
/** Bounds what an unauthenticated caller can make the hub hold (each entry is a few hundred bytes). */
export const PAIRING_MAX_PENDING = 50;
/** Per address and 10 minutes: a device asks once per code, so 10 covers a kiosk that restarts a few times. */
export const PAIRING_STARTS_PER_WINDOW = 10;
/** How often a device asks whether it was approved. */
export const PAIRING_POLL_MS = 2_000;
/** An approved token waits this long for its device, then is dropped from memory (the device row stays; revoke it). */
const COLLECT_GRACE_MS = PAIRING_TTL_MS;

interface Entry {
  code: string;
  secretHash: string;
  kind: DeviceKindName;
  requestedAt: number;
  expiresAt: number;
  address: string;
  userAgent: string | null;
  approved: { token: string; deviceId: string; name: string } | null;
}

const hashSecret = (secret: string) => createHash("sha256").update(secret).digest("hex");

export type PairingLookup = { ok: true; entry: PendingPairing } | { ok: false; code: ErrorCode };

export class PairingBook {
  private readonly byCode = new Map<string, Entry>();
  private readonly bySecret = new Map<string, Entry>();
  /** Codes approved (until they would have expired): a second approval says "used", not "unknown". */
  private readonly used = new Map<string, number>();
  /** Codes that ran out: a late approval says "expired", not "unknown". */
  private readonly expired = new Map<string, number>();

  constructor(private readonly now: () => number) {}

  start(kind: DeviceKindName, address: string, userAgent: string | null): { ok: true; code: string; secret: string; expiresAt: number } | { ok: false; code: ErrorCode } {
    this.sweep();
    if (this.pendingCount() >= PAIRING_MAX_PENDING) return { ok: false, code: "DEVICE_PAIRING_FULL" };
    const draw = () => Array.from({ length: PAIRING_CODE_LENGTH }, () => PAIRING_ALPHABET[randomInt(PAIRING_ALPHABET.length)]).join("");
    let code = draw();
    // A code live, used or just expired means something else to whoever types it: draw again.
    while (this.byCode.has(code) || this.used.has(code) || this.expired.has(code)) code = draw();
    const secret = randomBytes(24).toString("base64url");
    const at = this.now();
    const entry: Entry = { code, secretHash: hashSecret(secret), kind, requestedAt: at, expiresAt: at + PAIRING_TTL_MS, address, userAgent, approved: null };
    this.byCode.set(code, entry);
    this.bySecret.set(entry.secretHash, entry);
    return { ok: true, code, secret, expiresAt: entry.expiresAt };
  }

  /** What an admin sees before approving. */
  lookup(code: string): PairingLookup {
    this.sweep();
    const entry = this.byCode.get(code);
    if (entry && !entry.approved) {
      const { kind, requestedAt, expiresAt, address, userAgent } = entry;
      return { ok: true, entry: { code, kind, requestedAt, expiresAt, address, userAgent } };
    }
    if (entry || this.used.has(code)) return { ok: false, code: "DEVICE_PAIRING_USED" };
    if (this.expired.has(code)) return { ok: false, code: "DEVICE_PAIRING_EXPIRED" };
    return { ok: false, code: "DEVICE_PAIRING_UNKNOWN" };
  }

  /** Marks the code approved with the token its device will collect; call lookup() first, in the same tick. */
  approve(code: string, approved: { token: string; deviceId: string; name: string }): void {
    const entry = this.byCode.get(code);
    if (!entry || entry.approved) throw new Error(`pairing ${code} is not pending`);
    entry.approved = approved;
    entry.expiresAt = this.now() + COLLECT_GRACE_MS;
    this.used.set(code, entry.expiresAt);
  }

  /** The device's poll: pending, or its token once (the entry is gone after), or refused. */
  collect(secret: string):
    | { ok: true; status: "pending"; expiresAt: number }
    | { ok: true; status: "approved"; token: string; deviceId: string; name: string; kind: DeviceKindName }
    | { ok: false; code: ErrorCode } {
    this.sweep();
    const entry = this.bySecret.get(hashSecret(secret));
    // Unknown and expired look alike to the poller: either way it asks for a new code.
    if (!entry) return { ok: false, code: "DEVICE_PAIRING_EXPIRED" };
    if (!entry.approved) return { ok: true, status: "pending", expiresAt: entry.expiresAt };
    this.forget(entry);
    return { ok: true, status: "approved", kind: entry.kind, ...entry.approved };
  }

  pendingCount(): number {
    let n = 0;
    for (const e of this.byCode.values()) if (!e.approved) n += 1;
    return n;
  }

  private forget(entry: Entry): void {
    this.byCode.delete(entry.code);
    this.bySecret.delete(entry.secretHash);
  }

  private sweep(): void {
    const at = this.now();
    for (const entry of this.byCode.values()) {
      if (entry.expiresAt > at) continue;
      this.forget(entry);
      if (!entry.approved) this.expired.set(entry.code, at + PAIRING_TTL_MS);
    }
    for (const [code, until] of this.used) if (until <= at) this.used.delete(code);
    for (const [code, until] of this.expired) if (until <= at) this.expired.delete(code);
  }
}
