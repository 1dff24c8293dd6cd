/**
 * Online guessing guard for the regency login, kept in PostgreSQL so that a
 * restart of the central server (or a second one behind the same database)
 * does not lift a lock-out in the middle of an attack.
 *
 * Failures are counted under three keys: the (address, username) pair, the
 * address over any usernames, and the username over every address. The pair
 * locks soonest and stops the one PC that guesses without locking the user
 * out everywhere; the address key stops one machine spraying names; the
 * username key, with a higher limit, stops a guess spread across many
 * addresses. Unknown usernames are counted like known ones, so the answers
 * (401, then 429) do not tell who exists.
 */
import type { Pool, PoolClient } from "../db/pool";

export const LOGIN_LIMITS = {
  /** Failures of one username from one address before that pair is locked. */
  perUserAndSource: 5,
  /** Failures from one address, over any usernames. */
  perSource: 20,
  /** Failures of one username, over every address. */
  perUser: 30,
  /** Failures count within this window from the first one. */
  windowMs: 15 * 60_000,
  /** How long a locked key waits. */
  lockMs: 15 * 60_000,
} as const;

export type LoginLimits = typeof LOGIN_LIMITS;

interface Key {
  key: string;
  username: string | null;
  limit: number;
}

function keys(source: string, username: string, limits: LoginLimits): Key[] {
  return [
    { key: `pair\n${source}\n${username}`, username, limit: limits.perUserAndSource },
    { key: `source\n${source}`, username: null, limit: limits.perSource },
    { key: `user\n${username}`, username, limit: limits.perUser },
  ];
}

/** Counts past their window, or a lock that ran out, start again from nothing. */
const STALE = "((f.locked_until_ms IS NULL AND $3::int8 - f.first_at_ms > $4::int8) OR f.locked_until_ms <= $3::int8)";

/** When a login from this address for this username may be tried again; null when it may now. */
export async function lockedUntil(pool: Pool, source: string, username: string, now: number, limits: LoginLimits = LOGIN_LIMITS): Promise<number | null> {
  const { rows } = await pool.query<{ until: number | null }>(
    "SELECT max(locked_until_ms) AS until FROM regency_login_failures WHERE key = ANY($1) AND locked_until_ms > $2",
    [keys(source, username, limits).map((k) => k.key), now],
  );
  return rows[0]?.until ?? null;
}

/**
 * Counts one failure under every key in one statement (each row's update is
 * atomic, so parallel guesses cannot slip under a limit); returns when the
 * caller may try again if this failure locked anything.
 */
export async function countFailure(pool: Pool, source: string, username: string, now: number, limits: LoginLimits = LOGIN_LIMITS): Promise<number | null> {
  const ks = keys(source, username, limits);
  const { rows } = await pool.query<{ locked_until_ms: number | null }>(
    `INSERT INTO regency_login_failures AS f (key, username, failures, first_at_ms, locked_until_ms)
     SELECT k.key, k.username, 1, $3::int8, CASE WHEN k.lim <= 1 THEN $3::int8 + $5::int8 END
       FROM unnest($1::text[], $2::text[], $6::int[]) AS k(key, username, lim)
     ON CONFLICT (key) DO UPDATE SET
       failures        = CASE WHEN ${STALE} THEN 1 ELSE f.failures + 1 END,
       first_at_ms     = CASE WHEN ${STALE} THEN $3::int8 ELSE f.first_at_ms END,
       locked_until_ms = CASE
         WHEN ${STALE} THEN NULL
         WHEN f.locked_until_ms IS NOT NULL THEN f.locked_until_ms
         WHEN f.failures + 1 >= (SELECT lim FROM unnest($1::text[], $6::int[]) AS l(key, lim) WHERE l.key = f.key) THEN $3::int8 + $5::int8
       END
     RETURNING locked_until_ms`,
    [ks.map((k) => k.key), ks.map((k) => k.username), now, limits.windowMs, limits.lockMs, ks.map((k) => k.limit)],
  );
  // What no longer counts goes, so names sprayed from many addresses do not pile up.
  await pool.query(
    "DELETE FROM regency_login_failures WHERE (locked_until_ms IS NULL AND first_at_ms < $1::int8 - $2::int8) OR locked_until_ms <= $1::int8",
    [now, limits.windowMs],
  );
  const until = rows.map((r) => r.locked_until_ms).filter((v): v is number => v !== null && v > now);
  return until.length > 0 ? Math.max(...until) : null;
}

/** A good login forgets its pair's failures (the address and username counts stay: they guard against others). */
export async function forgetPair(pool: Pool, source: string, username: string): Promise<void> {
  await pool.query("DELETE FROM regency_login_failures WHERE key = $1", [`pair\n${source}\n${username}`]);
}

/** A new password makes the old guesses moot: every count naming the username goes. */
export async function liftLocks(client: PoolClient | Pool, username: string): Promise<void> {
  await client.query("DELETE FROM regency_login_failures WHERE username = $1", [username]);
}
