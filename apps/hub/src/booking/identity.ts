import { createHmac, randomBytes } from "node:crypto";
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { join } from "node:path";

/*
 * What the calo defences count by (docs/booking.md, decision 7), without
 * keeping what would identify a citizen: a phone number only as an HMAC
 * with the office's own key (and its last four digits, for the staff list),
 * a browser only as the HMAC of a random cookie it carries.
 */

export const BOOKING_KEY_FILE = "booking-key";
const KEY_TEXT = /^[0-9a-f]{64}$/;

/**
 * Reads `<data>/booking-key`, or makes it the first time (mode 0600, like
 * the VAPID keys in notify/vapid.ts). A new key would make every open
 * booking's phone HMAC count as another contact: the file is never replaced
 * once it exists, and a broken one stops the hub loudly. Without a data
 * folder (tests in memory) the key lives as long as the process.
 */
export function loadOrCreateBookingKey(dataDir: string | null): Buffer {
  if (!dataDir) return randomBytes(32);
  const file = join(dataDir, BOOKING_KEY_FILE);
  if (existsSync(file)) {
    const text = readFileSync(file, "utf8").trim();
    if (!KEY_TEXT.test(text)) throw new Error(`${file} is not a booking key (64 hex digits): restore it from the backup`);
    return Buffer.from(text, "hex");
  }
  const key = randomBytes(32);
  const scratch = `${file}.tmp`;
  writeFileSync(scratch, `${key.toString("hex")}\n`, { mode: 0o600 });
  chmodSync(scratch, 0o600);
  renameSync(scratch, file);
  return key;
}

/**
 * A phone number as digits in the national form ("+62 812-3456-7890",
 * "62812…" and "0812…" are the same contact), or null when it is not 8 to
 * 15 digits.
 */
export function normalizePhone(input: string): string | null {
  let digits = input.replace(/[^0-9]/g, "");
  if (digits.startsWith("62")) digits = `0${digits.slice(2)}`;
  return digits.length >= 8 && digits.length <= 15 ? digits : null;
}

export function keyedHash(key: Buffer, kind: "phone" | "device", value: string): string {
  return createHmac("sha256", key).update(`${kind}\n${value}`).digest("base64url");
}

export const DEVICE_COOKIE = "layan_device";
const DEVICE_VALUE = /^[A-Za-z0-9_-]{22}$/;
const YEAR_S = 365 * 24 * 60 * 60;

function cookieValue(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/**
 * This browser's device id: the `layan_device` cookie, or a new random one
 * set on the answer (HttpOnly, so no script on the page can read or copy it;
 * SameSite=Lax; Secure when the citizen came over HTTPS; a year). A calo who
 * clears cookies gets a new device, but still meets the per-contact and
 * per-address limits.
 */
export function deviceOf(req: IncomingMessage, res: ServerResponse, secure: boolean): string {
  const existing = cookieValue(req, DEVICE_COOKIE);
  if (existing !== null && DEVICE_VALUE.test(existing)) return existing;
  const fresh = randomBytes(16).toString("base64url");
  res.setHeader(
    "set-cookie",
    `${DEVICE_COOKIE}=${fresh}; Path=/; Max-Age=${YEAR_S}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`,
  );
  return fresh;
}

/** Whether the request reached the hub over TLS (itself, or a proxy that says so). */
export function cameSecure(req: IncomingMessage): boolean {
  return Boolean((req.socket as { encrypted?: boolean }).encrypted) || req.headers["x-forwarded-proto"] === "https";
}
