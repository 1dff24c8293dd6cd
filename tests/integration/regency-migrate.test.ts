/** The central server's migration runner on a real PostgreSQL: in order, once, all or nothing. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { loadMigrations, migrate, openPool, type Pool } from "../../apps/regency/src/index";
import { freshDatabase } from "../support/postgres";

const dir = mkdtempSync(join(tmpdir(), "layan-regency-migrations-"));
let pool: Pool;

beforeAll(async () => {
  pool = openPool(await freshDatabase());
});

afterAll(async () => {
  await pool?.end();
  rmSync(dir, { recursive: true, force: true });
});

async function tables(): Promise<string[]> {
  const { rows } = await pool.query<{ t: string }>("SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1");
  return rows.map((r) => r.t);
}

// Numbers above any shipped one, so that a new shipped migration does not change this test.
const GOOD = 9001;
const BAD = 9002;

it("applies the shipped migrations once and records them", async () => {
  const shipped = loadMigrations().map((m) => m.id);
  expect(shipped.slice(0, 4)).toEqual([1, 2, 3, 4]);
  expect(await migrate(pool)).toEqual(shipped);
  expect(await migrate(pool)).toEqual([]);
  expect(await tables()).toEqual([
    "migrations", "office_credentials", "office_events", "office_projection", "office_standards", "office_streams", "offices",
    "regency_complaints", "regency_day_histograms", "regency_day_services", "regency_day_steps", "regency_login_failures", "regency_month_histograms",
    "regency_projection", "regency_segments", "regency_sessions",
    "regency_steps", "regency_surveys", "regency_ticket_events", "regency_tickets", "regency_users", "regency_viewers",
  ]);
});

it("applies nothing of a run whose migration fails, and refuses a database from a newer build", async () => {
  const shipped = loadMigrations();
  writeFileSync(join(dir, `${GOOD}-good.sql`), "CREATE TABLE rollup_a (x int);");
  writeFileSync(join(dir, `${BAD}-bad.sql`), "CREATE TABLE rollup_b (x int); SELECT no_such_function();");
  const extra = loadMigrations(dir);
  await expect(migrate(pool, [...shipped, ...extra])).rejects.toThrow(new RegExp(`migration ${BAD} \\(bad\\) failed`));
  expect(await tables()).not.toContain("rollup_a");
  expect((await pool.query("SELECT id FROM migrations ORDER BY id")).rows).toEqual(shipped.map((m) => ({ id: m.id })));

  await migrate(pool, [...shipped, extra[0]!]);
  await expect(migrate(pool, shipped)).rejects.toThrow(new RegExp(`migration ${GOOD} \\(good\\) that this build does not know`));
});

it("refuses two files with the same number before touching a database", () => {
  writeFileSync(join(dir, `${GOOD}-other.sql`), "SELECT 1;");
  expect(() => loadMigrations(dir)).toThrow(new RegExp(`duplicate migration number ${GOOD}`));
});
