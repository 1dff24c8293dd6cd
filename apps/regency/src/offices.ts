import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Pool } from "./db/pool";

export interface Office {
  id: string;
  name: string;
  agency: string;
  createdAt: number;
  activeCredentials: number;
}

export type CredentialCheck = { ok: true; officeId: string } | { ok: false; reason: "unknown" | "revoked" };

function sha256(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}

const CREDENTIAL = /^([A-Za-z0-9_-]{8,32})\.([A-Za-z0-9_-]{32,128})$/;

/** Enrols an office and issues its first credential, shown once: central keeps only its hash. */
export async function addOffice(pool: Pool, office: { id: string; name: string; agency: string }, now: number): Promise<string> {
  await pool.query("INSERT INTO offices (id, name, agency, created_at) VALUES ($1, $2, $3, to_timestamp($4 / 1000.0))", [office.id, office.name, office.agency, now]);
  return issueCredential(pool, office.id, now);
}

/**
 * "<id>.<secret>". The id is hex and so never starts with "-": the office's
 * IT person pastes the credential after `--credential`, and a leading dash
 * (one base64url credential in 64) made the argument parser take it for an option.
 */
export function newCredential(): { id: string; secret: string; text: string } {
  const id = randomBytes(9).toString("hex");
  const secret = randomBytes(32).toString("base64url");
  return { id, secret, text: `${id}.${secret}` };
}

export async function issueCredential(pool: Pool, officeId: string, now: number): Promise<string> {
  const { id, secret, text } = newCredential();
  await pool.query(
    "INSERT INTO office_credentials (id, office_id, secret_hash, created_at) VALUES ($1, $2, $3, to_timestamp($4 / 1000.0))",
    [id, officeId, sha256(secret), now],
  );
  return text;
}

/** Revokes every active credential of the office; returns how many. */
export async function revokeOffice(pool: Pool, officeId: string, now: number): Promise<number> {
  const result = await pool.query(
    "UPDATE office_credentials SET revoked_at = to_timestamp($2 / 1000.0) WHERE office_id = $1 AND revoked_at IS NULL",
    [officeId, now],
  );
  return result.rowCount ?? 0;
}

export async function listOffices(pool: Pool): Promise<Office[]> {
  const { rows } = await pool.query<{ id: string; name: string; agency: string; created_ms: number; active: number }>(
    `SELECT o.id, o.name, o.agency, (extract(epoch FROM o.created_at) * 1000)::int8 AS created_ms,
            count(c.id) FILTER (WHERE c.revoked_at IS NULL)::int8 AS active
       FROM offices o LEFT JOIN office_credentials c ON c.office_id = o.id
      GROUP BY o.id ORDER BY o.id`,
  );
  return rows.map((r) => ({ id: r.id, name: r.name, agency: r.agency, createdAt: r.created_ms, activeCredentials: r.active }));
}

/** The office a bearer credential belongs to; the office is never taken from the request body. */
export async function checkCredential(pool: Pool, credential: string): Promise<CredentialCheck> {
  const match = CREDENTIAL.exec(credential);
  if (!match) return { ok: false, reason: "unknown" };
  const { rows } = await pool.query<{ office_id: string; secret_hash: Buffer; revoked: boolean }>(
    "SELECT office_id, secret_hash, revoked_at IS NOT NULL AS revoked FROM office_credentials WHERE id = $1",
    [match[1]],
  );
  const row = rows[0];
  if (!row || !timingSafeEqual(row.secret_hash, sha256(match[2] ?? ""))) return { ok: false, reason: "unknown" };
  if (row.revoked) return { ok: false, reason: "revoked" };
  return { ok: true, officeId: row.office_id };
}
