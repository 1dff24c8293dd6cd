import "./zod-setup";
import { z } from "zod";
import { mayManageDevices } from "./admin-devices";
import { mayOperateToday } from "./admin-operations";
import { mayListBookings } from "./booking";
import { mayEditConfig } from "./admin-config";

/**
 * Administration over HTTP (/api/admin/…, docs/api.md "Administration"): the
 * users of the office and the audit trail. The hub and the dashboard both
 * read this file, so the role matrix below is the one both follow: the
 * dashboard hides what the hub would refuse, the hub refuses it anyway.
 */

export const USER_ROLES = ["officer", "supervisor", "manager", "admin"] as const;
export type UserRoleName = (typeof USER_ROLES)[number];

export const USER_ROLE_LABELS: Record<UserRoleName, { id: string; en: string }> = {
  officer: { id: "Petugas loket", en: "Counter officer" },
  supervisor: { id: "Supervisor", en: "Supervisor" },
  manager: { id: "Manajer", en: "Manager" },
  admin: { id: "Admin", en: "Administrator" },
};

/**
 * Every administrative action the audit trail knows. Closed: a reader can
 * filter on it and a spreadsheet can count it. `config.apply` and the device
 * pairing codes are here ahead of the screens that will write them.
 */
export const AUDIT_ACTIONS = [
  "user.add",
  "user.disable",
  "user.enable",
  "user.role",
  "user.pin_reset",
  "user.unlock",
  "login.ok",
  "login.failed",
  "login.locked",
  "logout",
  "device.add",
  "device.revoke",
  "device.pair",
  "device.rename",
  "device.group",
  "config.apply",
  "service.close_today",
  "service.reopen_today",
  "service.quota_today",
  "counter.close_today",
  "counter.reopen_today",
  "notice.running_text",
  "notice.announcement",
  "booking.cancel",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ACTION_LABELS: Record<AuditAction, { id: string; en: string }> = {
  "user.add": { id: "Pengguna ditambahkan", en: "User added" },
  "user.disable": { id: "Pengguna dinonaktifkan", en: "User disabled" },
  "user.enable": { id: "Pengguna diaktifkan", en: "User enabled" },
  "user.role": { id: "Peran diubah", en: "Role changed" },
  "user.pin_reset": { id: "PIN/kata sandi diatur ulang", en: "PIN reset" },
  "user.unlock": { id: "Kunci login dibuka", en: "Login unlocked" },
  "login.ok": { id: "Masuk", en: "Signed in" },
  "login.failed": { id: "Gagal masuk", en: "Failed sign-in" },
  "login.locked": { id: "Login terkunci", en: "Sign-in locked" },
  logout: { id: "Keluar", en: "Signed out" },
  "device.add": { id: "Perangkat didaftarkan", en: "Device enrolled" },
  "device.revoke": { id: "Perangkat dicabut", en: "Device revoked" },
  "device.pair": { id: "Perangkat dipasangkan dengan kode", en: "Device paired by code" },
  "device.rename": { id: "Perangkat diganti nama", en: "Device renamed" },
  "device.group": { id: "Layar dipindah grup", en: "Display moved to another group" },
  "config.apply": { id: "Konfigurasi diterapkan", en: "Configuration applied" },
  "service.close_today": { id: "Layanan ditutup hari ini", en: "Service closed for today" },
  "service.reopen_today": { id: "Layanan dibuka kembali", en: "Service reopened" },
  "service.quota_today": { id: "Kuota hari ini diubah", en: "Today's quota changed" },
  "counter.close_today": { id: "Loket ditutup hari ini", en: "Counter closed for today" },
  "counter.reopen_today": { id: "Loket dibuka kembali", en: "Counter reopened" },
  "notice.running_text": { id: "Teks berjalan diubah", en: "Running text changed" },
  "notice.announcement": { id: "Pengumuman disiarkan", en: "Announcement made" },
  "booking.cancel": { id: "Reservasi dibatalkan petugas", en: "Booking cancelled by staff" },
};

/**
 * Who acted: a signed-in user (over HTTP), the hub's CLI on its machine,
 * the hub itself (demo seeding), or someone who typed a username at the
 * login form without getting in (`name` is what they typed, whether or not
 * such a user exists).
 */
export const AUDIT_ACTOR_KINDS = ["user", "cli", "system", "anonymous"] as const;
export type AuditActorKind = (typeof AUDIT_ACTOR_KINDS)[number];

/** Small JSON of what changed: names, roles, flags; never a secret or a hash. */
export type AuditValues = Record<string, string | number | boolean | null>;

export interface AuditEntry {
  id: number;
  /** Hub time, epoch ms: the first occurrence. */
  at: number;
  actor: { kind: AuditActorKind; id: string | null; name: string };
  /** Remote address for HTTP, "cli" for the CLI, "system" for the hub. */
  address: string;
  userAgent: string | null;
  action: AuditAction;
  /** The username or device id acted on. */
  target: string | null;
  before: AuditValues | null;
  after: AuditValues | null;
  /** Repeats folded into this row (failed sign-ins: same name and address within a minute); 1 otherwise. */
  count: number;
  /** Hub time of the last repeat (= at when count is 1). */
  lastAt: number;
}

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD");

/** GET /api/admin/audit and /api/admin/audit.csv: office-local days, inclusive. */
export const AuditQuerySchema = z
  .strictObject({
    from: day.optional(),
    to: day.optional(),
    /** Matches the actor's username (or "cli", "system"), case-insensitive, whole name. */
    actor: z.string().trim().min(1).max(64).optional(),
    action: z.enum(AUDIT_ACTIONS).optional(),
    /** Keyset cursor: the `nextBefore` of the previous page. */
    before: z.coerce.number().int().positive().optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "from after to", path: ["to"] });
export type AuditQuery = z.output<typeof AuditQuerySchema>;
export type AuditQueryInput = z.input<typeof AuditQuerySchema>;

export interface AuditPage {
  entries: AuditEntry[];
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextBefore: number | null;
}

const username = z
  .string()
  .trim()
  .regex(/^[a-z0-9._-]{2,64}$/i, "2-64 huruf, angka, . _ -");
const displayName = z.string().trim().min(1).max(100);
/** Same bounds as the login form's: what can be typed there. */
const secret = z.string().min(4).max(128);

/** POST /api/admin/users. Without `secret` the hub makes one (a 6-digit PIN for officers) and shows it once. */
export const AddUserSchema = z.strictObject({
  username,
  displayName,
  role: z.enum(USER_ROLES),
  secret: secret.optional(),
});
export type AddUserRequest = z.output<typeof AddUserSchema>;

/** POST /api/admin/users/<id>/pin */
export const ResetPinSchema = z.strictObject({ secret: secret.optional() });
export type ResetPinRequest = z.output<typeof ResetPinSchema>;

/** POST /api/admin/users/<id>/role */
export const ChangeRoleSchema = z.strictObject({ role: z.enum(USER_ROLES) });
export type ChangeRoleRequest = z.output<typeof ChangeRoleSchema>;

/** POST /api/admin/users/<id>/disable|enable|unlock take an empty object. */
export const EmptyAdminSchema = z.strictObject({});

export interface AdminUser {
  id: string;
  username: string;
  displayName: string;
  role: UserRoleName;
  createdAt: number;
  disabledAt: number | null;
  /** Until when failed sign-ins keep it locked from some address; null when it is not locked. */
  lockedUntil: number | null;
}

/** The answer to adding a user or resetting a PIN: the secret is in this answer and nowhere else. */
export interface UserWithSecret {
  user: AdminUser;
  secret: string;
}

export const USER_ACTIONS = ["list", "add", "disable", "enable", "role", "pin_reset", "unlock"] as const;
export type UserAction = (typeof USER_ACTIONS)[number];

/**
 * The role matrix. Admin: everything. Supervisor: sees the users, and may
 * unlock and reset the PIN of officers only (not of another supervisor, a
 * manager or an admin). Manager: reads the audit trail. Officers and
 * devices: nothing. `target` is the role of the user acted on.
 */
export function mayManageUser(actor: string, action: UserAction, target?: UserRoleName): boolean {
  if (actor === "admin") return true;
  if (actor !== "supervisor") return false;
  if (action === "list") return true;
  return (action === "unlock" || action === "pin_reset") && target === "officer";
}

export function mayReadAudit(actor: string): boolean {
  return actor === "admin" || actor === "manager";
}

/** The Administrasi view's tabs a role sees: only those with something to do there. */
export const ADMIN_TABS = ["pengguna", "audit", "layanan", "konfigurasi", "perangkat", "pemberitahuan", "reservasi"] as const;
export type AdminTab = (typeof ADMIN_TABS)[number];

export function adminTabsFor(role: string): AdminTab[] {
  const tabs: AdminTab[] = [];
  if (mayManageUser(role, "list")) tabs.push("pengguna");
  if (mayReadAudit(role)) tabs.push("audit");
  if (mayOperateToday(role)) tabs.push("layanan");
  if (mayEditConfig(role)) tabs.push("konfigurasi");
  if (mayManageDevices(role)) tabs.push("perangkat");
  // The webhook's dead letters: the same readers as the audit trail (apps/hub/src/notify/).
  if (mayReadAudit(role)) tabs.push("pemberitahuan");
  if (mayListBookings(role)) tabs.push("reservasi");
  return tabs;
}
