/**
 * Who may read the regency's reports, for now: viewer tokens made with
 * `pnpm regency viewer add <name> [--office id]`, "<id>.<secret>" like an
 * office credential, only the secret's SHA-256 kept, revocable. An
 * office-scoped viewer (an office's manager) reads its own office only.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { Pool } from "../db/pool";
import { newCredential } from "../offices";

export interface Viewer {
  id: string;
  name: string;
  /** null: every office. */
  officeId: string | null;
  createdAt: number;
  revoked: boolean;
}

export type ViewerCheck = { ok: true; viewer: Viewer } | { ok: false; reason: "unknown" | "revoked" };

const sha256 = (text: string) => createHash("sha256").update(text).digest();
const TOKEN = /^([A-Za-z0-9_-]{8,32})\.([A-Za-z0-9_-]{32,128})$/;

export async function addViewer(pool: Pool, viewer: { name: string; officeId: string | null }, now: number): Promise<{ id: string; token: string }> {
  if (viewer.officeId !== null) {
    const { rowCount } = await pool.query("SELECT 1 FROM offices WHERE id = $1", [viewer.officeId]);
    if (!rowCount) throw new Error(`no office "${viewer.officeId}"`);
  }
  const { id, secret, text } = newCredential();
  await pool.query(
    "INSERT INTO regency_viewers (id, kind, name, office_id, secret_hash, created_at) VALUES ($1, 'token', $2, $3, $4, to_timestamp($5 / 1000.0))",
    [id, viewer.name, viewer.officeId, sha256(secret), now],
  );
  return { id, token: text };
}

/** Revokes the viewer with this id, or every active viewer of this name; returns how many. */
export async function revokeViewer(pool: Pool, idOrName: string, now: number): Promise<number> {
  const result = await pool.query(
    "UPDATE regency_viewers SET revoked_at = to_timestamp($2 / 1000.0) WHERE (id = $1 OR name = $1) AND revoked_at IS NULL",
    [idOrName, now],
  );
  return result.rowCount ?? 0;
}

export async function listViewers(pool: Pool): Promise<Viewer[]> {
  const { rows } = await pool.query<{ id: string; name: string; office_id: string | null; created_ms: number; revoked: boolean }>(
    `SELECT id, name, office_id, (extract(epoch FROM created_at) * 1000)::int8 AS created_ms, revoked_at IS NOT NULL AS revoked
       FROM regency_viewers ORDER BY created_at, id`,
  );
  return rows.map((r) => ({ id: r.id, name: r.name, officeId: r.office_id, createdAt: r.created_ms, revoked: r.revoked }));
}

export async function checkViewer(pool: Pool, token: string): Promise<ViewerCheck> {
  const match = TOKEN.exec(token);
  if (!match) return { ok: false, reason: "unknown" };
  const { rows } = await pool.query<{ id: string; name: string; office_id: string | null; secret_hash: Buffer | null; created_ms: number; revoked: boolean }>(
    `SELECT id, name, office_id, secret_hash, (extract(epoch FROM created_at) * 1000)::int8 AS created_ms, revoked_at IS NOT NULL AS revoked
       FROM regency_viewers WHERE id = $1 AND kind = 'token'`,
    [match[1]],
  );
  const row = rows[0];
  if (!row?.secret_hash || !timingSafeEqual(row.secret_hash, sha256(match[2] ?? ""))) return { ok: false, reason: "unknown" };
  if (row.revoked) return { ok: false, reason: "revoked" };
  return { ok: true, viewer: { id: row.id, name: row.name, officeId: row.office_id, createdAt: row.created_ms, revoked: false } };
}
