/**
 * Logins and sessions of the regency dashboard. A session is a 256-bit
 * random token in an HttpOnly cookie; PostgreSQL keeps only its SHA-256, so
 * a copy of the database opens nothing. Every request reads the session and
 * its user afresh (no cache): a logout, a disable or a new password ends it
 * on the very next request.
 */
import { createHash, randomBytes } from "node:crypto";
import { verifySecret, hashSecret } from "@layan/core/secrets";
import type { RegencySessionUser } from "@layan/protocol";
import type { Pool } from "../db/pool";
import { countFailure, forgetPair, lockedUntil, LOGIN_LIMITS, type LoginLimits } from "./throttle";
import { activeUserForLogin } from "./users";

export const SESSION_LIMITS = {
  /** Unused this long, a session ends: a dashboard left open on a shared PC. */
  idleMs: 30 * 60_000,
  /** From the login, whatever the use: a working day. */
  absoluteMs: 12 * 3_600_000,
  /** Use moves the idle clock at most this often, so reading reports is not a write per request. */
  touchEveryMs: 60_000,
} as const;

export type LoginOutcome =
  | { ok: true; token: string; user: RegencySessionUser }
  | { ok: false; code: "LOGIN_FAILED" }
  | { ok: false; code: "LOGIN_LOCKED"; retryAfterS: number };

const secondsUntil = (at: number, now: number) => Math.max(1, Math.ceil((at - now) / 1000));
const sha256 = (text: string) => createHash("sha256").update(text).digest();

/** What a session cookie may hold: "rs_" and 43 base64url characters. */
const TOKEN = /^rs_[A-Za-z0-9_-]{43}$/;

export interface Sessions {
  login(username: string, password: string, source: string): Promise<LoginOutcome>;
  /** The user holding this token, or null (unknown, expired, logged out, disabled). */
  check(token: string | undefined): Promise<RegencySessionUser | null>;
  logout(token: string | undefined): Promise<void>;
}

export function createSessions(pool: Pool, clock: () => number, limits: LoginLimits = LOGIN_LIMITS): Sessions {
  // Compared against when the user is unknown or disabled, so every answer costs one scrypt.
  const decoy = hashSecret(randomBytes(16).toString("hex"));

  // Sessions past their limits go with each login: the table does not grow with every login ever made.
  const sweep = (now: number) =>
    pool.query("DELETE FROM regency_sessions WHERE expires_at_ms <= $1 OR last_seen_ms <= $1 - $2::int8", [now, SESSION_LIMITS.idleMs]);

  return {
    async login(rawUsername, password, source) {
      const username = rawUsername.trim().toLowerCase();
      const now = clock();
      const found = await activeUserForLogin(pool, username);
      const locked = await lockedUntil(pool, source, username, now, limits);
      // scrypt runs on every path, locked or not, known or not: the time tells nothing either.
      const right = await verifySecret(password, found?.passwordHash ?? (await decoy));
      if (locked !== null) return { ok: false, code: "LOGIN_LOCKED", retryAfterS: secondsUntil(locked, now) };
      if (!found || !right) {
        const lock = await countFailure(pool, source, username, now, limits);
        return lock === null ? { ok: false, code: "LOGIN_FAILED" } : { ok: false, code: "LOGIN_LOCKED", retryAfterS: secondsUntil(lock, now) };
      }
      await forgetPair(pool, source, username);
      await sweep(now);
      const token = `rs_${randomBytes(32).toString("base64url")}`;
      await pool.query(
        "INSERT INTO regency_sessions (token_hash, username, created_at_ms, last_seen_ms, expires_at_ms) VALUES ($1, $2, $3, $3, $4)",
        [sha256(token), username, now, now + SESSION_LIMITS.absoluteMs],
      );
      const { username: name, displayName, role, officeId } = found.user;
      return { ok: true, token, user: { username: name, displayName, role, officeId } };
    },

    async check(token) {
      if (token === undefined || !TOKEN.test(token)) return null;
      const now = clock();
      const { rows } = await pool.query<{ username: string; display_name: string; role: "regency" | "office"; office_id: string | null; last_seen_ms: number }>(
        `SELECT u.username, u.display_name, u.role, u.office_id, s.last_seen_ms
           FROM regency_sessions s JOIN regency_users u USING (username)
          WHERE s.token_hash = $1 AND u.disabled_at_ms IS NULL AND s.expires_at_ms > $2 AND s.last_seen_ms > $2 - $3::int8`,
        [sha256(token), now, SESSION_LIMITS.idleMs],
      );
      const row = rows[0];
      if (!row) return null;
      if (now - row.last_seen_ms >= SESSION_LIMITS.touchEveryMs) {
        await pool.query("UPDATE regency_sessions SET last_seen_ms = greatest(last_seen_ms, $2) WHERE token_hash = $1", [sha256(token), now]);
      }
      return { username: row.username, displayName: row.display_name, role: row.role, officeId: row.office_id };
    },

    async logout(token) {
      if (token === undefined || !TOKEN.test(token)) return;
      await pool.query("DELETE FROM regency_sessions WHERE token_hash = $1", [sha256(token)]);
    },
  };
}
