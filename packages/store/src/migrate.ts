import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type Database from "better-sqlite3";
import { registerEventFunctions } from "./event-log";

export interface Migration {
  id: number;
  /** The file name without number and extension: "event-log". */
  name: string;
  sql: string;
}

export interface MigrationRow {
  id: number;
  name: string;
  applied_at: number;
}

/** The schema history shipped with this package. */
export const MIGRATIONS_DIR = fileURLToPath(new URL("./migrations/", import.meta.url));

const FILE_NAME = /^(\d{4})-([a-z0-9][a-z0-9-]*)\.sql$/;

/**
 * Reads `NNNN-what.sql` files in number order. Two files with the same number
 * (two branches that both added "0004") are rejected here, before anything
 * touches a database; so is a stray .sql file that does not follow the pattern,
 * which would otherwise be silently skipped.
 */
export function loadMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  const byId = new Map<number, Migration>();
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith(".sql")) continue;
    const match = FILE_NAME.exec(file);
    if (!match) throw new Error(`migration file ${file} must be named NNNN-what.sql`);
    const [, digits = "", name = ""] = match;
    const id = Number(digits);
    if (id === 0) throw new Error(`migration ${file}: numbers start at 0001`);
    const existing = byId.get(id);
    if (existing) {
      throw new Error(`duplicate migration number ${digits}: ${digits}-${existing.name}.sql and ${file}`);
    }
    byId.set(id, { id, name, sql: readFileSync(join(dir, file), "utf8") });
  }
  return [...byId.values()].sort((a, b) => a.id - b.id);
}

/**
 * Brings the database up to date: each new migration runs in its own
 * transaction together with its row in `migrations`, so a failing migration
 * leaves neither half its tables nor a record that it ran.
 *
 * Refuses (before changing anything) a database that knows a migration this
 * code does not (opened by an older build), one whose recorded name differs
 * (renumbered files), and a new migration numbered below one already applied
 * (a merge that would run schema changes out of order).
 *
 * Returns the ids applied now; empty when the database was up to date.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[], now: number): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS migrations (
    id         INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL,
    applied_at INTEGER NOT NULL
  ) STRICT`);
  const applied = db
    .prepare<[], MigrationRow>("SELECT id, name, applied_at FROM migrations ORDER BY id")
    .all();
  const known = new Map(migrations.map((m) => [m.id, m]));
  for (const row of applied) {
    const m = known.get(row.id);
    if (!m)
      throw new Error(
        `database has migration ${row.id} (${row.name}) that this build does not know; refusing to open`,
      );
    if (m.name !== row.name)
      throw new Error(`migration ${row.id} is "${row.name}" in the database but "${m.name}" in this build`);
  }
  const highest = applied.at(-1)?.id ?? 0;
  const appliedIds = new Set(applied.map((r) => r.id));
  const pending = migrations.filter((m) => !appliedIds.has(m.id));
  const outOfOrder = pending.find((m) => m.id < highest);
  if (outOfOrder) {
    throw new Error(
      `migration ${outOfOrder.id} (${outOfOrder.name}) is new but ${highest} is already applied`,
    );
  }

  if (pending.length > 0) registerEventFunctions(db);
  const record = db.prepare<[number, string, number]>(
    "INSERT INTO migrations (id, name, applied_at) VALUES (?, ?, ?)",
  );
  const applyOne = db.transaction((m: Migration) => {
    db.exec(m.sql);
    record.run(m.id, m.name, now);
  });
  for (const m of pending) {
    try {
      applyOne(m);
    } catch (error) {
      throw new Error(
        `migration ${m.id} (${m.name}) failed: ${error instanceof Error ? error.message : String(error)}`,
        {
          cause: error,
        },
      );
    }
  }
  return pending.map((m) => m.id);
}
