import { randomBytes, scryptSync, timingSafeEqual } from "node:crypto";

/**
 * Leaving kiosk mode takes the admin PIN (hidden gesture on screen, PIN pad,
 * checked here). Threat: a citizen who finds the gesture guessing PINs, so
 * failures lock the exit for a while, and the hash is compared in constant time.
 */

export interface PinHash {
  salt: string;
  hash: string;
}

const KEY_LENGTH = 32;
export const MAX_FAILURES = 5;
export const LOCKOUT_MS = 5 * 60_000;

export function hashPin(pin: string, salt: string = randomBytes(16).toString("hex")): PinHash {
  return { salt, hash: scryptSync(pin, salt, KEY_LENGTH).toString("hex") };
}

export function verifyPin(pin: string, stored: PinHash): boolean {
  if (typeof pin !== "string" || pin.length < 4 || pin.length > 32) return false;
  const expected = Buffer.from(stored.hash, "hex");
  const actual = scryptSync(pin, stored.salt, expected.length || KEY_LENGTH);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

export interface AdminExit {
  /** True (and quits) when the PIN matches and the exit is not locked. */
  attempt(pin: unknown): boolean;
}

export function createAdminExit(options: {
  stored: PinHash | null;
  quit: () => void;
  now?: () => number;
}): AdminExit {
  const now = options.now ?? Date.now;
  let failures = 0;
  let lockedUntil = 0;
  return {
    attempt(pin) {
      if (options.stored === null || now() < lockedUntil || typeof pin !== "string") return false;
      if (verifyPin(pin, options.stored)) {
        failures = 0;
        options.quit();
        return true;
      }
      failures++;
      if (failures >= MAX_FAILURES) {
        failures = 0;
        lockedUntil = now() + LOCKOUT_MS;
      }
      return false;
    },
  };
}
