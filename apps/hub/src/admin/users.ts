import { randomBytes, randomInt, randomUUID } from "node:crypto";
import type { AdminUser, AddUserRequest, AuditValues, ErrorCode, UserRoleName, UserWithSecret } from "@layan/protocol";
import type { AuditActor, Store, User } from "@layan/store";
import { hashSecret } from "../auth";

/**
 * The user actions, shared by the browser's routes (routes.ts) and the CLI:
 * each checks its rule, changes the users table, ends the sessions the change
 * makes wrong and writes its audit row, all in one transaction. Who may call
 * which is the routes' business (mayManageUser in packages/protocol); the
 * rules here hold for everyone, the CLI included.
 */

export type Outcome<T> = { ok: true; data: T } | { ok: false; code: ErrorCode };

const refuse = (code: ErrorCode): { ok: false; code: ErrorCode } => ({ ok: false, code });

/** Locks are the hub's (in memory); the CLI has none to lift. */
export interface LockView {
  lockedUntil(user: User): number | null;
  unlock(username: string): boolean;
}

export const CLI_ACTOR: AuditActor = { kind: "cli", id: null, name: "cli", address: "cli", userAgent: null };
export const SYSTEM_ACTOR: AuditActor = { kind: "system", id: null, name: "system", address: "system", userAgent: null };

/**
 * Officers type a 6-digit PIN at the counter all day; the others sign in to
 * the dashboard, where 8 random characters (48 bits) cost nothing to paste.
 */
export function newSecret(role: UserRoleName): string {
  return role === "officer" ? String(randomInt(100_000, 1_000_000)) : randomBytes(6).toString("base64url");
}

export function adminUser(user: User, locks: LockView | null): AdminUser {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    createdAt: user.createdAt,
    disabledAt: user.disabledAt,
    lockedUntil: locks?.lockedUntil(user) ?? null,
  };
}

/** What the trail keeps of a user: never its secret or hash. */
const described = (u: Pick<User, "displayName" | "role" | "disabledAt">): AuditValues => ({
  displayName: u.displayName,
  role: u.role,
  disabled: u.disabledAt !== null,
});

/** The last active admin can be neither disabled nor demoted: nobody could then administer the office from the browser. */
const isLastActiveAdmin = (store: Store, user: User) =>
  user.role === "admin" && user.disabledAt === null && store.countActiveAdmins() <= 1;

export async function addUser(
  store: Store,
  actor: AuditActor,
  input: AddUserRequest,
  now: number,
): Promise<Outcome<UserWithSecret>> {
  // The username is the natural key that makes a double "Tambah" one user:
  // the second request finds it taken (ADMIN_USERNAME_TAKEN) and adds nothing.
  if (store.findUserByUsername(input.username)) return refuse("ADMIN_USERNAME_TAKEN");
  const secret = input.secret ?? newSecret(input.role);
  const secretHash = await hashSecret(secret);
  return store.audited(() => {
    // Checked again: the hash took a while, and another request may have won.
    if (store.findUserByUsername(input.username)) return refuse("ADMIN_USERNAME_TAKEN");
    const id = randomUUID();
    store.addUser({ id, username: input.username, displayName: input.displayName, role: input.role, secretHash, createdAt: now });
    const user = store.findUserById(id);
    if (!user) throw new Error("user vanished inside its own transaction");
    store.recordAudit({
      at: now,
      actor,
      action: "user.add",
      target: user.username,
      after: { ...described(user), secretTyped: input.secret !== undefined },
    });
    return { ok: true, data: { user: adminUser(user, null), secret } };
  });
}

export function setDisabled(store: Store, actor: AuditActor, userId: string, disabled: boolean, now: number): Outcome<User> {
  return store.audited(() => {
    const user = store.findUserById(userId);
    if (!user) return refuse("ADMIN_USER_NOT_FOUND");
    if ((user.disabledAt !== null) === disabled) return { ok: true, data: user };
    if (disabled && isLastActiveAdmin(store, user)) return refuse("ADMIN_LAST_ADMIN");
    store.setUserDisabled(user.id, disabled ? now : null);
    // The sessions go with the account: the caller then disconnects their sockets.
    if (disabled) store.deleteSessionsOfUser(user.id);
    store.recordAudit({
      at: now,
      actor,
      action: disabled ? "user.disable" : "user.enable",
      target: user.username,
      before: { disabled: !disabled },
      after: { disabled },
    });
    return { ok: true, data: store.findUserById(user.id) ?? user };
  });
}

export function changeRole(store: Store, actor: AuditActor, userId: string, role: UserRoleName, now: number): Outcome<User> {
  return store.audited(() => {
    const user = store.findUserById(userId);
    if (!user) return refuse("ADMIN_USER_NOT_FOUND");
    if (user.role === role) return { ok: true, data: user };
    if (role !== "admin" && isLastActiveAdmin(store, user)) return refuse("ADMIN_LAST_ADMIN");
    store.setUserRole(user.id, role);
    // A session was opened for what the old role could reach (the namespaces
    // it joined, the dashboard it opened): signing in again is the simple truth.
    store.deleteSessionsOfUser(user.id);
    store.recordAudit({ at: now, actor, action: "user.role", target: user.username, before: { role: user.role }, after: { role } });
    return { ok: true, data: store.findUserById(user.id) ?? user };
  });
}

export async function resetSecret(
  store: Store,
  actor: AuditActor,
  userId: string,
  typed: string | undefined,
  now: number,
): Promise<Outcome<UserWithSecret>> {
  const found = store.findUserById(userId);
  if (!found) return refuse("ADMIN_USER_NOT_FOUND");
  const secret = typed ?? newSecret(found.role);
  const secretHash = await hashSecret(secret);
  return store.audited(() => {
    const user = store.findUserById(userId);
    if (!user) return refuse("ADMIN_USER_NOT_FOUND");
    // A new hash also lifts the hub's lock-outs (their stamp is the old hash).
    store.setUserSecret(user.id, secretHash);
    store.deleteSessionsOfUser(user.id);
    store.recordAudit({ at: now, actor, action: "user.pin_reset", target: user.username, after: { secretTyped: typed !== undefined } });
    return { ok: true, data: { user: adminUser(store.findUserById(user.id) ?? user, null), secret } };
  });
}

export function unlockUser(store: Store, locks: LockView, actor: AuditActor, userId: string, now: number): Outcome<User> {
  const user = store.findUserById(userId);
  if (!user) return refuse("ADMIN_USER_NOT_FOUND");
  const lockedUntil = locks.lockedUntil(user);
  store.audited(() => {
    store.clearLoginFailures(user.id);
    store.recordAudit({ at: now, actor, action: "user.unlock", target: user.username, before: { lockedUntil }, after: { lockedUntil: null } });
  });
  // After the commit: a crash in between leaves a lock that a restart forgets anyway.
  locks.unlock(user.username);
  return { ok: true, data: user };
}
