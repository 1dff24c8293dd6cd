import { readFileSync } from "node:fs";
import { z } from "zod";
import type { KioskRuntimeSettings } from "../shared/bridge";

/**
 * The kiosk's settings file (JSON), written by whoever installs the kiosk:
 * hub address, printer, admin PIN hash, and the device token once the kiosk
 * has paired (the main process writes it in). Read once at start by the main
 * process; the renderer only ever sees KioskRuntimeSettings.
 *
 *   { "hubUrl": "http://10.0.0.2:8080", "deviceToken": "dev_...",
 *     "printer": { "kind": "network", "host": "10.0.0.30", "port": 9100 },
 *     "paper": "80mm", "adminPin": { "salt": "...", "hash": "..." } }
 */

const httpUrl = z.url({ protocol: /^https?$/, error: "hubUrl: an http:// or https:// address" });
const hex = z.string().regex(/^[0-9a-f]+$/i, "hex digits");

export const PrinterSettingsSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("network"),
    host: z.string().min(1),
    port: z.number().int().min(1).max(65535).default(9100),
  }),
  z.strictObject({ kind: z.literal("device"), path: z.string().min(1) }),
  /** Development and demos: appends the bytes to a file. */
  z.strictObject({ kind: z.literal("file"), path: z.string().min(1) }),
]);

export const KioskSettingsSchema = z.strictObject({
  hubUrl: httpUrl,
  /** Absent on a kiosk never paired: it shows a pairing code and writes the token here itself (settings-token.ts). */
  deviceToken: z
    .string()
    .min(8, "deviceToken: the token the kiosk collected by pairing, or printed by `pnpm hub device add --kind kiosk`")
    .optional(),
  printer: PrinterSettingsSchema,
  paper: z.enum(["58mm", "80mm"]).default("80mm"),
  /** scrypt of the admin PIN (see admin-exit.ts hashPin); without it the kiosk cannot be left by PIN. */
  adminPin: z.strictObject({ salt: hex, hash: hex }).nullable().default(null),
  inactivityResetSeconds: z.number().int().min(5).max(600).nullable().default(null),
  /** Honoured only when the app is not packaged: devtools are never reachable in production. */
  devTools: z.boolean().default(false),
});

export type KioskSettings = z.output<typeof KioskSettingsSchema>;
export type PrinterSettings = z.output<typeof PrinterSettingsSchema>;

export type SettingsResult = { ok: true; settings: KioskSettings } | { ok: false; error: string };

/** Where the file is: LAYAN_KIOSK_SETTINGS, else kiosk-settings.json in Electron's userData folder. */
export function settingsPath(env: NodeJS.ProcessEnv, userDataDir: string): string {
  return env.LAYAN_KIOSK_SETTINGS ?? `${userDataDir.replace(/[\\/]$/, "")}/kiosk-settings.json`;
}

/** Never throws: a kiosk with a broken settings file shows what is wrong instead of a blank window. */
export function loadSettings(
  path: string,
  read: (path: string) => string = (p) => readFileSync(p, "utf8"),
): SettingsResult {
  let text: string;
  try {
    text = read(path);
  } catch (err) {
    return {
      ok: false,
      error: `${path}: cannot read (${(err as NodeJS.ErrnoException).code ?? String(err)})`,
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, error: `${path}: not JSON (${(err as Error).message})` };
  }
  const parsed = KioskSettingsSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "(file)"}: ${i.message}`).join("; ");
    return { ok: false, error: `${path}: ${issues}` };
  }
  return { ok: true, settings: parsed.data };
}

/** The part the renderer may see: never the PIN hash, never the printer's address. */
export function runtimeSettings(settings: KioskSettings): KioskRuntimeSettings {
  return {
    hubUrl: settings.hubUrl,
    deviceToken: settings.deviceToken ?? null,
    paper: settings.paper,
    inactivityResetSeconds: settings.inactivityResetSeconds,
  };
}
