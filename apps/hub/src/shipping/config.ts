import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { hubInstance } from "@layan/protocol";
import { z } from "zod";

/** In the hub's data folder: where to ship and with what credential. Its presence turns shipping on. */
export const REGENCY_CONFIG_FILE = "regency.json";
/** Written by the running hub on each change of the outbox's state, read by `pnpm hub regency status`. */
export const REGENCY_STATUS_FILE = "regency-status.json";

export const RegencyConfig = z.object({
  url: z.url({ protocol: /^https?$/ }),
  credential: z.string().regex(/^[A-Za-z0-9_-]{8,32}\.[A-Za-z0-9_-]{32,128}$/, "credential: as printed by pnpm regency office add"),
});
export type RegencyConfig = z.infer<typeof RegencyConfig>;

export function readRegencyConfig(dataDir: string): RegencyConfig | null {
  const file = join(dataDir, REGENCY_CONFIG_FILE);
  if (!existsSync(file)) return null;
  const parsed = RegencyConfig.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  return parsed.data;
}

/** The credential lets anyone write this office's central data: owner-only (0600), written whole or not at all. */
export function writeRegencyConfig(dataDir: string, config: RegencyConfig): string {
  const file = join(dataDir, REGENCY_CONFIG_FILE);
  const tmp = `${file}.tmp`;
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(tmp, `${JSON.stringify(RegencyConfig.parse(config), null, 2)}\n`, { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, file);
  return file;
}

export interface ShippingStatus {
  state: "starting" | "shipping" | "caught_up" | "failing";
  /** The central copy's position as last heard. */
  stream: number | null;
  acknowledgedSeq: number | null;
  /** The hub's last seq when the status was written. */
  hubSeq: number;
  lastError: { code: string; message: string; at: number } | null;
  /** Hub time of the last acknowledgement. */
  lastAckAt: number | null;
  updatedAt: number;
}

export function writeShippingStatus(dataDir: string, status: ShippingStatus): void {
  const file = join(dataDir, REGENCY_STATUS_FILE);
  writeFileSync(`${file}.tmp`, `${JSON.stringify(status)}\n`);
  renameSync(`${file}.tmp`, file);
}

export function readShippingStatus(dataDir: string): ShippingStatus | null {
  const file = join(dataDir, REGENCY_STATUS_FILE);
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as ShippingStatus) : null;
}

/**
 * This hub's own id (random, made on first use, kept beside its database):
 * central records it on the office's stream and refuses another hub's
 * batches, so one credential set up on two PCs cannot mix two logs. A copy of
 * the whole data folder copies the id too: it is the same hub then, and only
 * one of the two may run.
 */
export const HUB_INSTANCE_FILE = "hub-instance.json";

export function hubInstanceId(dataDir: string): string {
  const file = join(dataDir, HUB_INSTANCE_FILE);
  if (existsSync(file)) {
    const parsed = z.object({ hubInstance }).safeParse(JSON.parse(readFileSync(file, "utf8")));
    if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => i.message).join("; ")} (delete it to make a new id)`);
    return parsed.data.hubInstance;
  }
  const id = randomBytes(18).toString("base64url");
  mkdirSync(dataDir, { recursive: true });
  // Written whole or not at all: a half-written id would be a new hub at the next start.
  writeFileSync(`${file}.tmp`, `${JSON.stringify({ hubInstance: id })}\n`);
  renameSync(`${file}.tmp`, file);
  return id;
}
