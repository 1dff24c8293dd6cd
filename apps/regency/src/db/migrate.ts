import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { inTransaction, type Pool } from "./pool";

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

export const MIGRATIONS_DIR = fileURLToPath(new URL("./migrations/", import.meta.url));

const FILE_NAME = /^(\d{4})-([a-z0-9][a-z0-9-]*)\.sql$/;

/** `NNNN-what.sql` in number order; a duplicate number or a stray .sql file is refused before anything runs. */
export function loadMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  const byId = new Map<number, Migration>();
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith(".sql")) continue;
    const match = FILE_NAME.exec(file);
    if (!match) throw new Error(`migration file ${file} must be named NNNN-what.sql`);
    const id = Number(match[1]);
    if (id === 0) throw new Error(`migration ${file}: numbers start at 0001`);
    const existing = byId.get(id);
    if (existing) throw new Error(`duplicate migration number ${match[1]}: ${existing.name} and ${file}`);
    byId.set(id, { id, name: match[2] ?? "", sql: readFileSync(join(dir, file), "utf8") });
  }
  return [...byId.values()].sort((a, b) => a.id - b.id);
}

/** Any fixed 64-bit key: two servers starting at once take turns instead of both creating tables. */
const MIGRATION_LOCK = 7_262_031_914;

/**
 * The new migrations run in one transaction with their rows in `migrations`
 * (PostgreSQL's DDL is transactional): a failing one leaves neither half its
 * tables nor a record. A database that
 * knows a migration this build does not (a newer server wrote it), or names
 * one differently, is refused before anything changes. Returns the ids applied.
 */
export async function migrate(pool: Pool, migrations: readonly Migration[] = loadMigrations()): Promise<number[]> {
  return inTransaction(pool, async (client) => {
    await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS migrations (
      id         integer PRIMARY KEY,
      name       text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const applied = (await client.query<{ id: number; name: string }>("SELECT id, name FROM migrations ORDER BY id")).rows;
    const known = new Map(migrations.map((m) => [m.id, m]));
    for (const row of applied) {
      const m = known.get(row.id);
      if (!m) throw new Error(`database has migration ${row.id} (${row.name}) that this build does not know; refusing to run`);
      if (m.name !== row.name) throw new Error(`migration ${row.id} is "${row.name}" in the database but "${m.name}" in this build`);
    }
    const highest = applied.at(-1)?.id ?? 0;
    const done = new Set(applied.map((r) => r.id));
    const pending = migrations.filter((m) => !done.has(m.id));
    const outOfOrder = pending.find((m) => m.id < highest);
    if (outOfOrder) throw new Error(`migration ${outOfOrder.id} (${outOfOrder.name}) is new but ${highest} is already applied`);
    for (const m of pending) {
      try {
        await client.query(m.sql);
      } catch (err) {
        throw new Error(`migration ${m.id} (${m.name}) failed: ${(err as Error).message}`, { cause: err });
      }
      await client.query("INSERT INTO migrations (id, name) VALUES ($1, $2)", [m.id, m.name]);
    }
    return pending.map((m) => m.id);
  });
}
