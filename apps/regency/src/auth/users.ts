/**
 * The regency dashboard's users (`pnpm regency user ...`): a name, a role,
 * for the office role the one office, a scrypt password hash. A disabled
 * user's sessions end at once: they are deleted, and every session check
 * reads the user's flag too.
 */
import { randomInt } from "node:crypto";
import { hashSecret } from "@layan/core/secrets";
import { REGENCY_PASSWORD_MIN, type RegencyRole, type RegencySessionUser } from "@layan/protocol";
import { inTransaction, type Pool } from "../db/pool";
import { liftLocks } from "./throttle";

export interface RegencyUser extends RegencySessionUser {
  disabled: boolean;
  createdAt: number;
  updatedAt: number;
}

interface UserRow {
  username: string;
  display_name: string;
  role: RegencyRole;
  office_id: string | null;
  disabled_at_ms: number | null;
  created_at_ms: number;
  updated_at_ms: number;
}

const fromRow = (r: UserRow): RegencyUser => ({
  username: r.username,
  displayName: r.display_name,
  role: r.role,
  officeId: r.office_id,
  disabled: r.disabled_at_ms !== null,
  createdAt: r.created_at_ms,
  updatedAt: r.updated_at_ms,
});

// No 0/o, 1/l/i: the password is read out or copied by hand from a terminal.
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** 20 characters of a 31-letter alphabet (~99 bits) in groups of five: "k7mnq-..." */
export function generatePassword(): string {
  const groups: string[] = [];
  for (let g = 0; g < 4; g++) {
    let group = "";
    for (let i = 0; i < 5; i++) group += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(group);
  }
  return groups.join("-");
}

/** Refuses a chosen password too short to stand an online search between lock-outs. */
export function checkChosenPassword(password: string): void {
  if (password.length < REGENCY_PASSWORD_MIN) throw new Error(`the password must have at least ${REGENCY_PASSWORD_MIN} characters`);
}

export async function addUser(
  pool: Pool,
  user: { username: string; displayName: string; role: RegencyRole; officeId: string | null; password: string },
  now: number,
): Promise<RegencyUser> {
  if ((user.role === "office") !== (user.officeId !== null)) throw new Error("the office role needs --office; the regency role takes none");
  if (user.officeId !== null) {
    const { rowCount } = await pool.query("SELECT 1 FROM offices WHERE id = $1", [user.officeId]);
    if (!rowCount) throw new Error(`no office "${user.officeId}"`);
  }
  const hash = await hashSecret(user.password);
  const { rows } = await pool.query<UserRow>(
    `INSERT INTO regency_users (username, display_name, role, office_id, password_hash, created_at_ms, updated_at_ms)
     VALUES ($1, $2, $3, $4, $5, $6, $6) ON CONFLICT (username) DO NOTHING RETURNING *`,
    [user.username, user.displayName, user.role, user.officeId, hash, now],
  );
  if (!rows[0]) throw new Error(`user "${user.username}" already exists`);
  return fromRow(rows[0]);
}

/** A new password; the user's sessions end and any lock-out on the name is lifted. */
export async function setPassword(pool: Pool, username: string, password: string, now: number): Promise<void> {
  const hash = await hashSecret(password);
  await inTransaction(pool, async (client) => {
    const { rowCount } = await client.query("UPDATE regency_users SET password_hash = $2, updated_at_ms = $3 WHERE username = $1", [username, hash, now]);
    if (!rowCount) throw new Error(`no user "${username}"`);
    await client.query("DELETE FROM regency_sessions WHERE username = $1", [username]);
    await liftLocks(client, username);
  });
}

export async function setDisabled(pool: Pool, username: string, disabled: boolean, now: number): Promise<void> {
  await inTransaction(pool, async (client) => {
    const { rowCount } = await client.query(
      "UPDATE regency_users SET disabled_at_ms = CASE WHEN $2 THEN coalesce(disabled_at_ms, $3) END, updated_at_ms = $3 WHERE username = $1",
      [username, disabled, now],
    );
    if (!rowCount) throw new Error(`no user "${username}"`);
    if (disabled) await client.query("DELETE FROM regency_sessions WHERE username = $1", [username]);
  });
}

export async function listUsers(pool: Pool): Promise<RegencyUser[]> {
  const { rows } = await pool.query<UserRow>("SELECT * FROM regency_users ORDER BY username");
  return rows.map(fromRow);
}

/** The user and its hash for a login; undefined when unknown or disabled (the caller answers both alike). */
export async function activeUserForLogin(pool: Pool, username: string): Promise<{ user: RegencyUser; passwordHash: string } | undefined> {
  const { rows } = await pool.query<UserRow & { password_hash: string }>(
    "SELECT * FROM regency_users WHERE username = $1 AND disabled_at_ms IS NULL",
    [username],
  );
  const row = rows[0];
  return row ? { user: fromRow(row), passwordHash: row.password_hash } : undefined;
}
