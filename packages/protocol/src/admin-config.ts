import "./zod-setup";
import { z } from "zod";

/**
 * The configuration screen over HTTP (/api/admin/config/…, docs/api.md
 * "Configuration"): the kiosk-config files as the hub runs them, checked and
 * applied through live configuration (apps/hub/src/live-config). The YAML
 * files stay the source of truth; the browser edits them, never a copy.
 */

/** Only admins: a config change reaches every kiosk, display and counter of the office at once. */
export function mayEditConfig(role: string): boolean {
  return role === "admin";
}

/** A file of the config folder, as the loader names it ("office.yaml", "services/ktp-el.yaml"). */
const configFile = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^(?!\/)(?!.*\.\.)[A-Za-z0-9._/-]+\.ya?ml$/, "berkas YAML di dalam folder konfigurasi");

const pathSegment = z.union([z.string().min(1).max(100), z.number().int().min(0).max(10_000)]);

/** One file's candidate: its whole new text (the YAML editor), or values set at paths (the form). */
export const ConfigEditSchema = z.union([
  z.strictObject({ file: configFile, text: z.string().max(200_000) }),
  z.strictObject({
    file: configFile,
    set: z.array(z.strictObject({ path: z.array(pathSegment).min(1).max(20), value: z.unknown() })).min(1).max(200),
  }),
]);
export type ConfigEditInput = z.output<typeof ConfigEditSchema>;

/** POST /api/admin/config/check: nothing is written. */
export const CheckConfigSchema = z.strictObject({ edits: z.array(ConfigEditSchema).min(1).max(50) });
export type CheckConfigRequest = z.output<typeof CheckConfigSchema>;

/**
 * POST /api/admin/config/apply. `versions` are the files' versions as read
 * (GET …/file): a file that moved since (another admin, an editor on the
 * hub's machine) is refused with CONFIG_STALE and nothing is written.
 */
export const ApplyConfigSchema = z.strictObject({
  edits: z.array(ConfigEditSchema).min(1).max(50),
  versions: z.record(configFile, z.string().regex(/^[0-9a-f]{64}$|^absent$/)),
});
export type ApplyConfigRequest = z.output<typeof ApplyConfigSchema>;

/** POST /api/admin/config/preview: answers a preview id for /kiosk/?preview=<id> (GET /api/config-preview/<id>). */
export const PreviewConfigSchema = CheckConfigSchema;
export interface ConfigPreview {
  id: string;
  /** Hub time after which the id is gone. */
  until: number;
}

/** POST /api/admin/config/restore: a backup folder's name from GET …/backups. */
export const RestoreConfigSchema = z.strictObject({ backup: z.string().regex(/^\d{8}T\d{6}-\d{3}Z(-\d+)?$/, "nama cadangan") });
export type RestoreConfigRequest = z.output<typeof RestoreConfigSchema>;

/** GET /api/admin/config/file?name=… */
export const ConfigFileQuerySchema = z.strictObject({ name: configFile });

export const STANDAR_KEYS = ["persyaratan", "prosedur", "jangkaWaktu", "biaya", "produk", "pengaduan"] as const;
export type StandarKey = (typeof STANDAR_KEYS)[number];

export interface ConfigServiceEntry {
  id: string;
  name: { id: string; en?: string };
  agency: string;
  prefix: string;
  file: string;
  /** The six published components of its Standar Pelayanan (packages/config/src/standar.ts). */
  components: Record<StandarKey, boolean>;
  complete: boolean;
}

export interface ConfigOverview {
  /** The YAML files of the folder, relative to it. */
  files: string[];
  services: ConfigServiceEntry[];
  status: ConfigStatusView;
}

export interface ConfigFileView {
  file: string;
  text: string;
  /** sha256 of the text as read: pass it back in `versions` to apply. */
  version: string;
  /** A service file's Standar Pelayanan as the kiosk reads it; absent when the folder does not load. */
  service?: ConfigServiceStandard;
  /** office.yaml's running text, for the form. */
  runningText?: string[];
}

/** The published parts of a service, in the loader's shape (packages/config/src/types.ts ServiceConfig). */
export interface ConfigServiceStandard {
  id: string;
  name: { id: string; en?: string };
  persyaratan: { text: string; condition?: string; note?: string }[];
  sop: { waitMinutes: number; serviceMinutes: number; steps: { id: string; actor: string; description: string; minutes: number }[] };
  jangkaWaktu: { value: number; unit: string; text?: string };
  biaya: { amount?: number; text?: string };
  produk: string;
  pengaduan: { name: string; contact: string }[];
  dailyQuota: number | null;
}

export interface ConfigChangeView {
  kind: string;
  subject: string | null;
  effect: "now" | "next_day" | "refused";
  reason: string;
  reasonEn: string;
}

/** The answer to a check: `lines` are exactly `pnpm config:check`'s (file:line path message). */
export interface ConfigCheckResult {
  valid: boolean;
  lines: string[];
  issues: { file: string; line: number; path: string; message: string }[];
  warnings: string[];
  changes: ConfigChangeView[];
  /** True when the candidate is valid and no change is refused: apply would take it. */
  applicable: boolean;
}

export interface ConfigApplyResult {
  version: number;
  applied: ConfigChangeView[];
  pending: ConfigChangeView[];
  /** The backup folder's name (under <data>/config-backups/), null when nothing had to be kept. */
  backup: string | null;
  files: string[];
}

export interface ConfigStatusView {
  version: number;
  appliedAt: number;
  pending: ConfigChangeView[];
  lastRefusal: { at: number; code: string; lines: string[] } | null;
}

export interface ConfigBackupEntry {
  name: string;
  /** Hub time of the write that kept it. */
  at: number;
  files: string[];
}
