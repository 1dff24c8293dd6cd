import { createHash, randomBytes } from "node:crypto";
import { hashSecret, verifySecret } from "@layan/core/secrets";
import type { SocketIdentity } from "@layan/protocol";
import type { AuditQueries, User } from "@layan/store";
import { LoginThrottle } from "./login-throttle";

// Shared with the regency's central server; re-exported for the hub's admin and CLI.
export { hashSecret, verifySecret };

export type Role = SocketIdentity["role"];
export type UserRole = Extract<Role, "officer" | "supervisor" | "manager" | "admin">;
export type DeviceKind = Extract<Role, "kiosk" | "display">;

export interface DeviceRecord {
  id: string;
  kind: DeviceKind;
  name: string;
  revokedAt: number | null;
}

/** What authentication needs from storage; the store package implements it. */
export interface AuthStore {
  findDeviceByTokenHash(tokenHash: string): DeviceRecord | undefined;
  findUserByUsername(username: string): User | undefined;
  findUserById(id: string): User | undefined;
  createSession(tokenHash: string, userId: string, createdAt: number, expiresAt: number): void;
  findSession(tokenHash: string): { userId: string; expiresAt: number } | undefined;
  deleteSession(tokenHash: string): void;
  /** Changes whenever a device, user or session may have changed, in this process or another (see AdminQueries). */
  authVersion(): number;
  /** Where sign-ins, lock-outs and sign-outs are recorded (the audit trail); none in tests that do not look. */
  audit?: Pick<AuditQueries, "recordAudit" | "recordRepeatedAudit">;
}

/**
 * Failed and locked sign-ins of one typed name from one address within this
 * window share one audit row (with a count): a guessing script cannot grow
 * the trail faster than a row a minute per name and address, and the
 * throttle refuses an address after 20 failures, whose further attempts
 * then fold into one row a minute for the address.
 */
export const AUDIT_REPEAT_WINDOW_MS = 60_000;

interface CheckedToken {
  identity: SocketIdentity;
  /** Infinity for a device token. */
  expiresAt: number;
}

/** Valid tokens remembered between changes: the connected devices and officers, a few hundred at most. */
const CHECKED_TOKENS_MAX = 2_048;

export const SESSION_TTL_MS = 12 * 3_600_000;

/** Device and session tokens are 256-bit random: a fast hash is enough at rest. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function newToken(prefix: "dev" | "ses"): string {
  return `${prefix}_${randomBytes(32).toString("base64url")}`;
}

export type LoginResult =
  | { ok: true; token: string; expiresAt: number; user: { id: string; username: string; displayName: string; role: UserRole } }
  | { ok: false; code: "LOGIN_FAILED" | "LOGIN_LOCKED"; retryAt?: number; /** The address is refused, whatever the name. */ source?: boolean };

export class Authenticator {
  // Compared against when the username does not exist, so a miss costs as long as a hit.
  private readonly decoyHash = hashSecret(randomBytes(16).toString("hex"));
  private readonly throttle = new LoginThrottle();
  /**
   * Every command re-checks its socket's token (revocation.ts); without this
   * that was a SHA-256 and one to three indexed reads per packet. Only tokens
   * that identified someone are kept (a stranger's guesses cannot fill it),
   * and all of them are dropped the moment authVersion() moves.
   */
  private readonly checked = new Map<string, CheckedToken>();
  private checkedVersion: number | null = null;

  constructor(
    private readonly store: AuthStore,
    private readonly clock: () => number,
  ) {}

  /**
   * `source` is the caller's address: failures lock an account only for the
   * address they came from (see LoginThrottle). Every path that depends on
   * the username runs scrypt once, so neither the answer nor its time tells
   * whether the account exists or is locked.
   */
  async login(username: string, secret: string, source: string, userAgent: string | null = null): Promise<LoginResult> {
    const result = await this.attempt(username, secret, source);
    this.audit(username, source, userAgent, result);
    return result;
  }

  /**
   * The typed name is recorded as typed (trimmed, lower-case), the same way
   * whether or not such a user exists: the trail must not become the oracle
   * the login's answers refuse to be.
   */
  private audit(username: string, source: string, userAgent: string | null, result: LoginResult): void {
    const audit = this.store.audit;
    if (!audit) return;
    const at = this.clock();
    if (result.ok) {
      const actor = { kind: "user" as const, id: result.user.id, name: result.user.username, address: source, userAgent };
      audit.recordAudit({ at, actor, action: "login.ok", target: result.user.username });
      return;
    }
    const typed = username.trim().toLowerCase();
    const actor = { kind: "anonymous" as const, id: null, name: typed, address: source, userAgent };
    // A refused address is refused whatever name it tries: one row for all of them.
    const target = result.code === "LOGIN_LOCKED" && result.source === true ? null : typed;
    const action = result.code === "LOGIN_LOCKED" ? "login.locked" : "login.failed";
    audit.recordRepeatedAudit({ at, actor, action, target }, AUDIT_REPEAT_WINDOW_MS);
  }

  private async attempt(username: string, secret: string, source: string): Promise<LoginResult> {
    const now = this.clock();
    const refused = this.throttle.sourceRefused(source, now);
    if (refused) return { ok: false, code: "LOGIN_LOCKED", retryAt: refused.retryAt, source: true };
    const found = this.store.findUserByUsername(username);
    const user = found && found.disabledAt === null ? found : null;
    const stamp = user?.secretHash ?? "";
    const locked = this.throttle.accountRefused(source, username, stamp, now);
    const right = await verifySecret(secret, user?.secretHash ?? (await this.decoyHash));
    if (locked) return { ok: false, code: "LOGIN_LOCKED", retryAt: locked.retryAt };
    if (!user || !right) {
      const lock = this.throttle.fail(source, username, stamp, this.clock());
      return lock ? { ok: false, code: "LOGIN_LOCKED", retryAt: lock.retryAt } : { ok: false, code: "LOGIN_FAILED" };
    }
    this.throttle.succeeded(source, username);
    const token = newToken("ses");
    const expiresAt = now + SESSION_TTL_MS;
    this.store.createSession(hashToken(token), user.id, now, expiresAt);
    return {
      ok: true,
      token,
      expiresAt,
      user: { id: user.id, username: user.username, displayName: user.displayName, role: user.role },
    };
  }

  logout(token: string, source = "unknown", userAgent: string | null = null): void {
    const who = this.identify(token);
    this.store.deleteSession(hashToken(token));
    if (who?.kind !== "user") return;
    const user = this.store.findUserById(who.id);
    if (!user) return;
    this.store.audit?.recordAudit({
      at: this.clock(),
      actor: { kind: "user", id: user.id, name: user.username, address: source, userAgent },
      action: "logout",
      target: user.username,
    });
  }

  /** Lifts every lock-out of this account, from every address (an admin's or supervisor's "Buka kunci"). */
  unlock(username: string): boolean {
    return this.throttle.unlockAccount(username);
  }

  /** Until when this account is locked from some address, or null. */
  lockedUntil(user: User): number | null {
    return this.throttle.accountLockedUntil(user.username, user.secretHash, this.clock());
  }

  /** Who holds this token: a device, or a logged-in user; null when unknown, revoked or expired. */
  identify(token: unknown): SocketIdentity | null {
    if (typeof token !== "string" || token.length > 200) return null;
    const version = this.store.authVersion();
    if (version !== this.checkedVersion) {
      this.checked.clear();
      this.checkedVersion = version;
    }
    const known = this.checked.get(token);
    // Expiry needs no write to take effect: it is checked against the clock every time.
    if (known) return known.expiresAt > this.clock() ? known.identity : null;
    const found = this.lookUp(token);
    if (found === null) return null;
    if (this.checked.size >= CHECKED_TOKENS_MAX) this.checked.clear();
    this.checked.set(token, found);
    return found.identity;
  }

  private lookUp(token: string): CheckedToken | null {
    const hash = hashToken(token);
    if (token.startsWith("dev_")) {
      const device = this.store.findDeviceByTokenHash(hash);
      if (!device || device.revokedAt !== null) return null;
      return { identity: Object.freeze({ kind: "device", id: device.id, name: device.name, role: device.kind }), expiresAt: Number.POSITIVE_INFINITY };
    }
    if (token.startsWith("ses_")) {
      const session = this.store.findSession(hash);
      if (!session || session.expiresAt <= this.clock()) return null;
      const user = this.store.findUserById(session.userId);
      if (!user || user.disabledAt !== null) return null;
      return { identity: Object.freeze({ kind: "user", id: user.id, name: user.displayName, role: user.role }), expiresAt: session.expiresAt };
    }
    return null;
  }

}
