/**
 * The projector off the ingest path (apps/regency/src/projector.ts), on a
 * real PostgreSQL and the central server as a real process: ingest
 * acknowledges while the reports stay behind and say so; a SIGKILL in the
 * middle of a large backlog leaves nothing doubled once the restarted server
 * has caught up; and a projection resumes across a restored office's stream
 * change. "Equal" is against rebuildProjection, which derives every fact
 * again from office_events alone.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "@layan/config";
import type { IngestBatch, RegencyLeague } from "@layan/protocol";
import { openStore } from "@layan/store";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildBatch, shippedHash } from "../../apps/hub/src/shipping/index";
import { writeSimulatedStore } from "../../apps/hub/src/simulate/write";
import { addViewer, eventHash, ingest, openStream, position, projectAll, projectChunk, projectionStatus, rebuildProjection, type Pool } from "../../apps/regency/src/index";
import { freshDatabase } from "../support/postgres";
import { eventually, projectionCurrent, regencyDatabase, startRegencyProcess, type RegencyProcess } from "../support/regency-server";
import { ROOT } from "../support/test-hub";
import { expectStepRollupIsTheFacts } from "./regency-steps.support";

const OFFICES = ["kantor-a", "kantor-b", "kantor-c"];
const FROM = "2026-11-16";
const TO = "2026-11-18";
const NOW = Date.parse("2026-11-18T09:30:00+07:00");
const root = mkdtempSync(join(tmpdir(), "layan-projector-"));
let pool: Pool;
let credentials: Record<string, string>;
let regency: (RegencyProcess & { env: Record<string, string> }) | null = null;
let viewer: string;
/** Each office's simulated log as the outbox would batch it. */
const logs = new Map<string, IngestBatch[]>();

beforeAll(async () => {
  const database = await freshDatabase();
  ({ pool, credentials } = await regencyDatabase(database, [...OFFICES, "kantor-pulih"]));
  viewer = (await addViewer(pool, { name: "Inspektorat", officeId: null }, NOW)).token;
  const config = loadConfig(join(ROOT, "kiosk-config"));
  for (const [i, id] of OFFICES.entries()) {
    const out = join(root, `${id}.db`);
    writeSimulatedStore({ config, out, startDay: FROM, days: 3, ticketsPerDay: 400, seed: 11 + i });
    const store = openStore(out);
    const batches: IngestBatch[] = [];
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
    logs.set(id, batches);
  }
  regency = await startRegencyProcess(database, 0, { LAYAN_TEST_PROJECTOR_PAUSED: "1" });
}, 300_000);

afterAll(async () => {
  await regency?.stop();
  await pool?.end();
  rmSync(root, { recursive: true, force: true });
}, 60_000);

async function post(path: string, credential: string, body: unknown): Promise<{ status: number; body: { ok: boolean; data: { accepted: number } } }> {
  const res = await fetch(`${regency!.url}${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${credential}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { ok: boolean; data: { accepted: number } } };
}

async function league(): Promise<RegencyLeague> {
  const res = await fetch(`${regency!.url}/api/v1/regency/league?from=${FROM}&to=${TO}`, { headers: { authorization: `Bearer ${viewer}` } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { data: RegencyLeague }).data;
}

const FACT_TABLES = ["regency_tickets", "regency_segments", "regency_steps", "regency_day_services", "regency_day_steps", "regency_day_histograms", "regency_month_histograms", "regency_surveys", "regency_complaints"];

async function facts(): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of FACT_TABLES) out[t] = (await pool.query(`SELECT * FROM ${t}`)).rows.map((r) => JSON.stringify(r)).sort();
  return out;
}

it("ingest acknowledges while the projector is stopped; the league says how much it does not include yet", async () => {
  let acknowledged = 0;
  for (const id of OFFICES) {
    await fetch(`${regency!.url}/api/v1/ingest/position`, { headers: { authorization: `Bearer ${credentials[id]}` } });
    for (const batch of logs.get(id)!) {
      const answer = await post("/api/v1/ingest/events", credentials[id]!, batch);
      expect(answer.status).toBe(200);
      acknowledged += answer.body.data.accepted;
    }
  }
  const data = await league();
  expect(data.rows).toEqual([]);
  const pending = data.currency.filter((c) => OFFICES.includes(c.officeId));
  expect(pending.map((c) => c.currentThrough)).toEqual([null, null, null]);
  expect(pending.reduce((n, c) => n + c.pendingEvents, 0)).toBe(acknowledged);
  expect(pending.map((c) => c.pendingEvents)).toEqual(OFFICES.map((id) => logs.get(id)!.reduce((n, b) => n + b.events.length, 0)));
}, 300_000);

it("a SIGKILL while the projector is mid-way through a backlog: after restart the reports are current and nothing is counted twice", async () => {
  await regency!.kill();
  delete regency!.env.LAYAN_TEST_PROJECTOR_PAUSED;
  await regency!.start();
  // Mid-way: some chunk committed, events still pending.
  await eventually(async () => {
    const status = await projectionStatus(pool, OFFICES);
    return status.some((s) => s.currentThrough !== null) && status.some((s) => s.pendingEvents > 0);
  }, "the projector part-way through the backlog");
  await regency!.kill();
  const midway = await projectionStatus(pool, OFFICES);
  expect(midway.some((s) => s.pendingEvents > 0)).toBe(true);

  await regency!.start();
  await projectionCurrent(pool, OFFICES, 240_000);
  const data = await league();
  for (const id of OFFICES) {
    const issued = logs.get(id)!.flatMap((b) => b.events).filter((e) => e.event.type === "ticket.issued").length;
    expect(data.rows.find((r) => r.key === id)?.issued).toBe(issued);
    const last = logs.get(id)!.at(-1)!.events.at(-1)!;
    expect(data.currency.find((c) => c.officeId === id)).toEqual({ officeId: id, currentThrough: { stream: 1, seq: last.seq, at: last.event.at }, pendingEvents: 0 });
  }
  // The SOP step rollup too: the chunk redone after the kill rewrote its rows instead of adding to them.
  const stepRanges = [
    { from: FROM, to: TO, officeIds: OFFICES, serviceIds: null },
    { from: "2026-11-17", to: "2026-11-17", officeIds: [OFFICES[1]!], serviceIds: null },
  ];
  expect(await expectStepRollupIsTheFacts(pool, stepRanges)).toBeGreaterThan(3 * 3);
  const projected = await facts();
  await regency!.stop();
  await rebuildProjection(pool);
  expect(await facts()).toEqual(projected);
  await expectStepRollupIsTheFacts(pool, stepRanges);
}, 600_000);

it("resumes across a restored office's stream change, as if it had projected in one go", async () => {
  const office = "kantor-pulih";
  const at = Date.parse("2026-11-16T08:00:00+07:00");
  const issued = (n: number, stream: number) => ({
    type: "ticket.issued", at: at + n * 60_000, ticketId: `T${stream}-${n}`, serviceId: "sppl", number: `A${n}`, sequence: n, serviceDay: FROM, priority: null, kioskId: "kiosk-lobi",
  });
  const cancelled = (n: number, stream: number) => ({ type: "ticket.cancelled", at: at + n * 60_000 + 1, ticketId: `T${stream}-${n}`, reason: "citizen_left" });
  const events1 = [issued(1, 1), issued(2, 1), cancelled(1, 1), issued(3, 1), issued(4, 1), cancelled(3, 1)];
  await position(pool, office, at);
  await ingest(pool, office, { stream: 1, firstSeq: 1, lastSeq: 6, prevHash: null, events: events1.map((event, i) => ({ seq: i + 1, event })) }, at);
  expect(await projectChunk(pool, office, 4)).toBe(4);
  // Restored from a backup at seq 3: stream 2 tells 4.. differently; stream 1's 5 and 6 are still unprojected.
  await openStream(pool, office, { fromStream: 1, baseSeq: 3 }, at);
  const events2 = [issued(5, 2), cancelled(2, 1), issued(6, 2)];
  const prevHash = eventHash(3, events1[2]).toString("hex");
  await ingest(pool, office, { stream: 2, firstSeq: 4, lastSeq: 6, prevHash, events: events2.map((event, i) => ({ seq: i + 4, event })) }, at);
  expect((await projectionStatus(pool, [office]))[0]).toMatchObject({ currentThrough: { stream: 1, seq: 4 }, pendingEvents: 2 + 3 });
  await projectAll(pool, 2);
  expect((await projectionStatus(pool, [office]))[0]).toEqual({ officeId: office, currentThrough: { stream: 2, seq: 6, at: events2[2]!.at }, pendingEvents: 0 });
  const resumed = await facts();
  await rebuildProjection(pool);
  expect(await facts()).toEqual(resumed);
  const day = await pool.query<{ issued: number; cancelled: number }>("SELECT issued, cancelled FROM regency_day_services WHERE office_id = $1", [office]);
  expect(day.rows).toHaveLength(1);
}, 120_000);
