/**
 * The SOP step rollup (regency_day_steps, migration 0008) on a real
 * PostgreSQL: a central server that already holds step facts under 0007 is
 * upgraded and the back-fill is what the projection writes; it then ingests
 * and projects on, and equals a server that had 0008 all along and a
 * rebuild; and a whole log projected a second time over its own facts (a
 * cursor set back) counts nothing twice. "Right" is the raw aggregate over
 * regency_steps (regency-steps.support.ts), for the table and the report.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "@layan/config";
import type { IngestBatch } from "@layan/protocol";
import { openStore } from "@layan/store";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildBatch, shippedHash } from "../../apps/hub/src/shipping/index";
import { writeSimulatedStore } from "../../apps/hub/src/simulate/write";
import { addOffice, ingest, loadMigrations, migrate, openPool, position, projectAll, rebuildProjection, type Pool } from "../../apps/regency/src/index";
import type { RegencyFilter } from "../../apps/regency/src/reports/queries";
import { freshDatabase } from "../support/postgres";
import { ROOT } from "../support/test-hub";
import { dayStepRows, expectStepRollupIsTheFacts } from "./regency-steps.support";

const OFFICE = "kantor-langkah";
const FROM = "2026-11-16";
const TO = "2026-11-18";
const T0 = Date.parse("2026-11-16T07:00:00+07:00");
const root = mkdtempSync(join(tmpdir(), "layan-day-steps-"));
/** Upgraded from 0007; migrated to the end from the start. */
let upgraded: Pool;
let current: Pool;
const batches: IngestBatch[] = [];
/** Where the log is cut: the part held before the upgrade, the rest shipped after it. */
let cut = 0;

// Every table the projection writes for an office, but the new rollup: what a 0007 server holds.
const FACTS_0007 = [
  "regency_tickets", "regency_segments", "regency_steps", "regency_day_services", "regency_day_histograms", "regency_month_histograms",
  "regency_surveys", "regency_complaints", "regency_ticket_events", "office_projection",
];
const ALL_FACTS = [...FACTS_0007, "regency_day_steps"];

async function snapshot(pool: Pool): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const t of ALL_FACTS) {
    const rows = (await pool.query<Record<string, unknown>>(`SELECT * FROM ${t}`)).rows;
    // When the cursor moved is the server's own time, not a figure.
    out[t] = rows.map((r) => JSON.stringify(t === "office_projection" ? { ...r, projected_at: null } : r)).sort();
  }
  return out;
}

async function ship(pool: Pool, part: readonly IngestBatch[]): Promise<void> {
  for (const [i, b] of part.entries()) await ingest(pool, OFFICE, b, T0 + i);
}

const FILTERS = (services: string[]): RegencyFilter[] => [
  { from: FROM, to: TO, officeIds: [OFFICE], serviceIds: null },
  { from: "2026-11-17", to: "2026-11-17", officeIds: null, serviceIds: null },
  { from: FROM, to: TO, officeIds: [OFFICE], serviceIds: services.slice(0, 1) },
];

async function servicesWithSteps(pool: Pool): Promise<string[]> {
  return (await pool.query<{ s: string }>("SELECT DISTINCT service_id AS s FROM regency_steps ORDER BY 1")).rows.map((r) => r.s);
}

beforeAll(async () => {
  const out = join(root, "office.db");
  writeSimulatedStore({ config: loadConfig(join(ROOT, "kiosk-config")), out, startDay: FROM, days: 3, ticketsPerDay: 160, seed: 26 });
  const store = openStore(out);
  try {
    let after = 0;
    let prev: string | null = null;
    for (;;) {
      const page = store.eventsAfter(after, 500);
      const built = buildBatch(page, 1, prev);
      if (!built) break;
      batches.push(built.batch);
      const last = page[built.batch.events.length - 1]!;
      after = last.seq;
      prev = shippedHash(last);
    }
  } finally {
    store.close();
  }
  // Two thirds of the log before the upgrade: tickets of the cut's day are open across it.
  cut = Math.ceil((batches.length * 2) / 3);
  expect(cut).toBeLessThan(batches.length);
  current = openPool(await freshDatabase());
  upgraded = openPool(await freshDatabase());
  await migrate(current);
  await migrate(upgraded, loadMigrations().filter((m) => m.id <= 7));
  for (const p of [current, upgraded]) {
    await addOffice(p, { id: OFFICE, name: "Kantor Langkah", agency: "OPD Langkah" }, T0);
    await position(p, OFFICE, T0);
    await ship(p, batches.slice(0, cut));
  }
  await projectAll(current, 1_000);
}, 300_000);

afterAll(async () => {
  await upgraded?.end();
  await current?.end();
  rmSync(root, { recursive: true, force: true });
});

it("upgrading a 0007 server that holds steps back-fills the rollup the projection writes, and it ingests and projects on", async () => {
  // The 0007 server's facts: what its projector wrote for the same events. derive.ts and every table but the new
  // one are unchanged by 0008, so they are the current server's rows, copied (the 0007 code itself is not in this build).
  for (const t of FACTS_0007) {
    await upgraded.query(`DELETE FROM ${t}`);
    const rows = (await current.query<Record<string, unknown>>(`SELECT * FROM ${t}`)).rows;
    await upgraded.query(`INSERT INTO ${t} SELECT * FROM json_populate_recordset(NULL::${t}, $1)`, [JSON.stringify(rows)]);
  }
  expect((await upgraded.query<{ n: number }>("SELECT count(*)::int AS n FROM regency_steps")).rows[0]!.n).toBeGreaterThan(500);

  expect(await migrate(upgraded)).toEqual([8]);
  expect(await dayStepRows(upgraded)).toEqual(await dayStepRows(current));
  const services = await servicesWithSteps(upgraded);
  await expectStepRollupIsTheFacts(upgraded, FILTERS(services));

  // The rest of the log after the upgrade, on both: chunk by chunk the upgraded server keeps the rollup as the other does.
  for (const p of [current, upgraded]) {
    await ship(p, batches.slice(cut));
    await projectAll(p, 1_000);
  }
  const after = await snapshot(upgraded);
  expect(after).toEqual(await snapshot(current));
  await expectStepRollupIsTheFacts(upgraded, FILTERS(services));

  await rebuildProjection(upgraded);
  expect(await snapshot(upgraded)).toEqual(after);
  await expectStepRollupIsTheFacts(upgraded, FILTERS(services));
}, 300_000);

it("a log projected again over its own facts (the cursor set back to the start) counts no step twice", async () => {
  await projectAll(current, 1_000);
  const once = await dayStepRows(current);
  expect(once.length).toBeGreaterThan(0);
  await current.query("UPDATE office_projection SET stream = 0, projected_seq = 0 WHERE office_id = $1", [OFFICE]);
  // Small chunks: tickets re-derived over several chunks, each rewriting the days it touches.
  const held = (await current.query<{ n: number }>("SELECT count(*)::int AS n FROM office_events WHERE office_id = $1", [OFFICE])).rows[0]!.n;
  expect(await projectAll(current, 700)).toBe(held);
  expect(await dayStepRows(current)).toEqual(once);
  await expectStepRollupIsTheFacts(current, FILTERS(await servicesWithSteps(current)));
}, 300_000);
