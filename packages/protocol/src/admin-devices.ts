import "./zod-setup";
import { z } from "zod";

/**
 * Devices from the browser (docs/api.md "Devices"): a kiosk or display
 * without a token pairs by a short code it shows on its own screen; an admin
 * approves the code in the dashboard; the device collects its token once,
 * with a secret only it holds. Then the device list: rename, move a display
 * to another group, revoke.
 */

export const DEVICE_KINDS = ["kiosk", "display"] as const;
export type DeviceKindName = (typeof DEVICE_KINDS)[number];

/**
 * Read aloud across a hall and typed on a phone: no 0/O, 1/I/L, 31 symbols.
 * Six of them are ~8.9e8 codes against at most a few dozen pending ones, and
 * a guess is worth nothing anyway: only an admin can approve a code.
 */
export const PAIRING_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const PAIRING_CODE_LENGTH = 6;

/** "K7Q4MZ" -> "K7Q-4MZ": two groups of three are easier to read out and to keep in mind. */
export function formatPairingCode(code: string): string {
  return `${code.slice(0, 3)}-${code.slice(3)}`;
}

/** What someone typed ("k7q 4mz", "K7Q-4MZ") as the code the hub holds, or null when it cannot be one. */
export function normalizePairingCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s-]/g, "");
  if (code.length !== PAIRING_CODE_LENGTH) return null;
  for (const ch of code) if (!PAIRING_ALPHABET.includes(ch)) return null;
  return code;
}

/** The dashboard page a device's QR opens, relative to the hub's address. */
export const pairingPagePath = (code: string) => `/dashboard/#/admin/perangkat?kode=${code}`;

/** POST /api/pairing (no token): a device asks for a code. */
export const PairingStartSchema = z.strictObject({ kind: z.enum(DEVICE_KINDS) });
export type PairingStartRequest = z.output<typeof PairingStartSchema>;

export interface PairingStarted {
  code: string;
  /** Only this device has it: the token is handed to whoever shows it, never to whoever saw the code. */
  secret: string;
  expiresAt: number;
  /** How often to ask (POST /api/pairing/collect). */
  pollMs: number;
}

/**
 * The hub's answer to POST /api/pairing, for a device that checks what comes
 * over the wire before it acts on it (the Electron kiosk's main process
 * writes the token into its settings file). Extra fields are let through: an
 * older kiosk keeps pairing with a newer hub.
 */
export const PairingStartedSchema: z.ZodType<PairingStarted> = z.object({
  code: z.string().regex(new RegExp(`^[${PAIRING_ALPHABET}]{${PAIRING_CODE_LENGTH}}$`)),
  secret: z.string().min(16).max(128),
  expiresAt: z.number().int(),
  pollMs: z.number().int().min(250).max(60_000),
});

/** POST /api/pairing/collect (no token). */
export const PairingCollectSchema = z.strictObject({ secret: z.string().min(16).max(128) });

export type PairingCollected =
  | { status: "pending"; expiresAt: number }
  | { status: "approved"; token: string; deviceId: string; kind: DeviceKindName; name: string };

/** The hub's answer to POST /api/pairing/collect (see PairingStartedSchema). */
export const PairingCollectedSchema: z.ZodType<PairingCollected> = z.discriminatedUnion("status", [
  z.object({ status: z.literal("pending"), expiresAt: z.number().int() }),
  z.object({
    status: z.literal("approved"),
    token: z.string().min(8).max(256),
    deviceId: z.string().min(1),
    kind: z.enum(DEVICE_KINDS),
    name: z.string(),
  }),
]);

const deviceId = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, "huruf kecil, angka dan -");
const deviceName = z.string().trim().min(1).max(100);

/** A display's group, as devices.yaml writes it. */
export const DisplayGroupSchema = z.union([
  z.literal("all"),
  z
    .strictObject({ counters: z.array(deviceId).default([]), services: z.array(deviceId).default([]) })
    .refine((g) => g.counters.length + g.services.length > 0, { message: "pilih loket atau layanan" }),
]);
export type DisplayGroupValue = z.output<typeof DisplayGroupSchema>;

/** POST /api/admin/pairings/<code>/approve: the group only for a display (default: its entry's, or "all"). */
export const ApprovePairingSchema = z.strictObject({
  id: deviceId,
  name: deviceName,
  group: DisplayGroupSchema.optional(),
});
export type ApprovePairingRequest = z.output<typeof ApprovePairingSchema>;

/** GET /api/admin/pairings/<code>: what is waiting behind a code, before an admin approves it. */
export interface PendingPairing {
  code: string;
  kind: DeviceKindName;
  requestedAt: number;
  expiresAt: number;
  /** The device's address as the hub saw it: the admin can tell it is the one on the stand. */
  address: string;
  userAgent: string | null;
}

/** POST /api/admin/devices/<id>/rename */
export const RenameDeviceSchema = z.strictObject({ name: deviceName });
/** POST /api/admin/devices/<id>/group */
export const MoveDisplaySchema = z.strictObject({ group: DisplayGroupSchema });

export interface DeviceGroupOption {
  /** Stable key for a form ("all", "counters:loket-1,loket-2", "services:stnk-tahunan"). */
  key: string;
  label: string;
  group: DisplayGroupValue;
}

export interface AdminDevice {
  id: string;
  kind: DeviceKindName;
  /** devices.yaml's name when the device is listed there, else the enrolment's. */
  name: string;
  /** Listed in devices.yaml: its name and group are written back there. */
  inConfig: boolean;
  /** Displays only: devices.yaml's group, or null for a display not listed (it shows every counter). */
  group: DeviceGroupOption | null;
  /** Sockets with this device's token connected now. */
  connections: number;
  /** Hub time it was last connected (now when connected); null: not since the hub started. */
  lastSeenAt: number | null;
  /** A token exists for it (enrolled); false for a devices.yaml entry nobody enrolled yet. */
  enrolled: boolean;
  enrolledAt: number | null;
  revokedAt: number | null;
}

export interface DeviceList {
  devices: AdminDevice[];
  /** The display groups devices.yaml defines, for "Pindah grup" and for a new display. */
  groups: DeviceGroupOption[];
}

/** Devices are the admin's alone: a supervisor, manager, officer or device token is refused. */
export function mayManageDevices(role: string): boolean {
  return role === "admin";
}
