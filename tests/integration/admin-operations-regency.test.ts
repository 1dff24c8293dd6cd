/**
 * Today's operations leave the office like every other event: a hub log with
 * service.suspended, quota.set, counter.suspended, notice.set … between its
 * tickets is shipped, ingested by the regency (real PostgreSQL) and
 * projected; the projection ignores the new types (they are no ticket facts)
 * and equals a rebuild from office_events alone.
 */
import type { IngestBatch } from "@layan/protocol";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildBatch, shippedHash } from "../../apps/hub/src/shipping/index";
import { connect, must, rid, startHub, type TestHubHandle } from "../../apps/hub/src/testing/harness";
import { ingest, position, projectAll, rebuildProjection, type Pool } from "../../apps/regency/src/index";
import { freshDatabase } from "../support/postgres";
import { regencyDatabase } from "../support/regency-server";

let hub: TestHubHandle;
let pool: Pool;

beforeAll(async () => {
  hub = await startHub();
  ({ pool } = await regencyDatabase(await freshDatabase(), ["kantor-ops"]));
}, 120_000);

afterAll(async () => {
  await hub?.close();
  await pool?.end();
});

const FACT_TABLES = ["regency_tickets", "regency_segments", "regency_day_services"];

async function facts(): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const t of FACT_TABLES) out[t] = (await pool.query(`SELECT * FROM ${t}`)).rows.map((r) => JSON.stringify(r)).sort();
  return out;
}

it("ships, ingests and projects a log with today's operations in it", async () => {
  const { engine } = hub.hub;
  const admin = { requestId: null, namespace: "admin" } as const;
  const kiosk = await connect(hub.url, "/kiosk", hub.tokens.kiosk);
  await must(kiosk, "ticket:issue", { requestId: rid(), serviceId: "ktp-el" });
  for (const command of [
    { type: "suspendService", serviceId: "ktp-el", reason: "Blangko KTP-el habis" },
    { type: "setQuota", serviceId: "kia", quota: 5 },
    { type: "suspendCounter", counterId: "loket-3", reason: "Petugas rapat" },
    { type: "setNotice", kind: "runningText", text: "KTP-el ditutup hari ini" },
    { type: "resumeService", serviceId: "ktp-el" },
    { type: "resumeCounter", counterId: "loket-3" },
  ] as const) {
    const answer = await engine.execute(command, admin, (_s, events) => events.length);
    expect(answer, command.type).toEqual({ ok: true, data: expect.any(Number) as number });
  }
  await must(kiosk, "ticket:issue", { requestId: rid(), serviceId: "kia" });
  kiosk.close();

  const page = hub.store.eventsAfter(0, 1_000);
  const types = new Set(page.map((e) => e.event.type));
  for (const t of ["service.suspended", "service.resumed", "quota.set", "counter.suspended", "counter.resumed", "notice.set"]) expect(types).toContain(t);
  const built = buildBatch(page, 1, null);
  expect(built?.batch.events).toHaveLength(page.length);
  const batch: IngestBatch = built!.batch;
  const now = hub.clock.now;
  await position(pool, "kantor-ops", now);
  const accepted = await ingest(pool, "kantor-ops", batch, now);
  expect(accepted.accepted).toBe(page.length);
  expect(shippedHash(page[page.length - 1]!)).toBeTruthy();
  await projectAll(pool);
  const projected = await facts();
  expect(projected.regency_tickets).toHaveLength(2);
  await rebuildProjection(pool);
  expect(await facts()).toEqual(projected);
}, 120_000);
