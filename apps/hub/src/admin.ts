import { randomBytes, randomInt, randomUUID } from "node:crypto";
import type { LayanConfig } from "@layan/config";
import type { AuditActor, DeviceKind, Store, UserRole } from "@layan/store";
import { SYSTEM_ACTOR } from "./admin/users";
import { hashSecret, hashToken, newToken } from "./auth";

// The CLI's and the demo's administration (admin/users.ts has the browser's
// user actions). Each change writes its audit row in its own transaction:
// `actor` is CLI_ACTOR from the CLI, the hub itself otherwise.

/** Enrols a kiosk or display; returns its token, which is shown once and stored only hashed. */
export function addDevice(store: Store, kind: DeviceKind, id: string, name: string, now: number, actor: AuditActor = SYSTEM_ACTOR): string {
  if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(id)) throw new Error(`device id "${id}": use lowercase letters, digits and -`);
  const existing = store.listDevices().find((d) => d.id === id && d.revokedAt === null);
  if (existing) throw new Error(`device "${id}" already has an active token; revoke it first`);
  const token = newToken("dev");
  store.audited(() => {
    store.addDevice({ id, kind, name, tokenHash: hashToken(token), createdAt: now });
    store.recordAudit({ at: now, actor, action: "device.add", target: id, after: { kind, name } });
  });
  return token;
}

/** False when there was no active device of that id. */
export function revokeDevice(store: Store, id: string, now: number, actor: AuditActor = SYSTEM_ACTOR): boolean {
  return store.audited(() => {
    if (!store.revokeDevice(id, now)) return false;
    store.recordAudit({ at: now, actor, action: "device.revoke", target: id, before: { revoked: false }, after: { revoked: true } });
    return true;
  });
}

export async function addUser(
  store: Store,
  user: { username: string; displayName: string; role: UserRole; secret: string },
  now: number,
  actor: AuditActor = SYSTEM_ACTOR,
): Promise<void> {
  if (!/^[a-z0-9._-]{2,64}$/i.test(user.username)) throw new Error(`username "${user.username}": 2-64 letters, digits, . _ -`);
  if (user.secret.length < 4) throw new Error("PIN/password: at least 4 characters");
  if (store.findUserByUsername(user.username)) throw new Error(`user "${user.username}" already exists`);
  const secretHash = await hashSecret(user.secret);
  store.audited(() => {
    store.addUser({ id: randomUUID(), username: user.username, displayName: user.displayName, role: user.role, secretHash, createdAt: now });
    store.recordAudit({
      at: now,
      actor,
      action: "user.add",
      target: user.username,
      after: { displayName: user.displayName, role: user.role, disabled: false },
    });
  });
}

export interface DemoCredentials {
  kiosks: { id: string; token: string }[];
  displays: { id: string; token: string }[];
  users: { username: string; secret: string; role: UserRole; displayName: string }[];
}

const DEMO_USERS: { username: string; displayName: string; role: UserRole }[] = [
  { username: "petugas1", displayName: "Rina Marlina", role: "officer" },
  { username: "petugas2", displayName: "Agus Saputra", role: "officer" },
  { username: "petugas3", displayName: "Dewi Lestari", role: "officer" },
  { username: "supervisor", displayName: "Hendra Gunawan", role: "supervisor" },
  { username: "manajer", displayName: "Siti Rahmawati", role: "manager" },
  { username: "admin", displayName: "Admin MPP", role: "admin" },
];

/**
 * Demo mode: every kiosk and display in the config gets a device token and the
 * demo officers and managers an account, once. The credentials are written to
 * the data folder so a second start shows the same ones.
 */
export async function seedDemo(store: Store, config: LayanConfig, now: number, previous: DemoCredentials | null): Promise<DemoCredentials> {
  const creds: DemoCredentials = { kiosks: [], displays: [], users: [] };
  const active = new Set(store.listDevices().filter((d) => d.revokedAt === null).map((d) => d.id));
  const known = new Map([...(previous?.kiosks ?? []), ...(previous?.displays ?? [])].map((d) => [d.id, d.token]));
  const device = (kind: DeviceKind, id: string, name: string) => {
    const token = known.get(id);
    if (token && active.has(id) && store.findDeviceByTokenHash(hashToken(token))) return token;
    if (active.has(id)) revokeDevice(store, id, now);
    return addDevice(store, kind, id, name, now);
  };
  for (const k of config.devices.kiosks) creds.kiosks.push({ id: k.id, token: device("kiosk", k.id, k.name) });
  for (const d of config.devices.displays) creds.displays.push({ id: d.id, token: device("display", d.id, d.name) });

  const knownUsers = new Map((previous?.users ?? []).map((u) => [u.username, u.secret]));
  for (const u of DEMO_USERS) {
    let secret = knownUsers.get(u.username);
    if (!secret || !store.findUserByUsername(u.username)) {
      if (store.findUserByUsername(u.username)) continue; // created outside the demo: leave it alone
      secret = u.role === "officer" ? String(randomInt(100_000, 1_000_000)) : randomBytes(6).toString("base64url");
      await addUser(store, { ...u, secret }, now);
    }
    creds.users.push({ ...u, secret });
  }
  return creds;
}
