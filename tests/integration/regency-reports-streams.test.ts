/**
 * The report facts count every ticket and segment once, whatever the
 * deliveries: a batch retried after its answer was lost, and a hub restored
 * from a backup whose second stream re-tells part of the first. Scripted
 * events through the central server's own ingest, on a real PostgreSQL.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { eventHash, ingest, openStream, position, projectAll, rebuildProjection, type Pool } from "../../apps/regency/src/index";
import { freshDatabase } from "../support/postgres";
import { regencyDatabase } from "../support/regency-server";

const OFFICE = "kantor-pulih";
const DAY = "2026-11-16";
const T0 = Date.parse("2026-11-16T08:00:00+07:00");
const MIN = 60_000;
let pool: Pool;

beforeAll(async () => {
  pool = (await regencyDatabase(await freshDatabase(), [OFFICE])).pool;
  await position(pool, OFFICE, T0);
});
afterAll(async () => {
  await pool?.end();
});

type Event = { type: string; at: number } & Record<string, unknown>;

const issued = (ticketId: string, at: number): Event => ({
  type: "ticket.issued", at, ticketId, serviceId: "sppl", number: ticketId, sequence: 1, serviceDay: DAY, priority: null, kioskId: "kiosk-lobi",
});
const called = (ticketId: string, at: number): Event => ({ type: "ticket.called", at, ticketId, counterId: "loket-1", officerId: "petugas-1", reason: "regular_turn" });
function measurement(enqueuedAt: number, calledAt: number, endedAt: number, served: boolean) {
  return {
    serviceId: "sppl", segmentIndex: 0, counterId: "loket-1", officerId: "petugas-1", enqueuedAt, calledAt, startedAt: served ? calledAt : null, endedAt, recalls: 0,
    waitMs: calledAt - enqueuedAt, serviceMs: served ? endedAt - calledAt : null, waitTargetMs: 30 * MIN, serviceTargetMs: 20 * MIN,
    waitMet: calledAt - enqueuedAt <= 30 * MIN, serviceMet: served ? endedAt - calledAt <= 20 * MIN : null,
    steps: served ? [{ stepId: "penapisan", ms: endedAt - calledAt, targetMs: 8 * MIN, met: endedAt - calledAt <= 8 * MIN }] : [],
  };
}
const completed = (ticketId: string, enq: number, call: number, end: number): Event => ({
  type: "ticket.completed", at: end, ticketId, counterId: "loket-1", outcome: "selesai", measurement: measurement(enq, call, end, true),
});
const noShow = (ticketId: string, enq: number, call: number, end: number): Event => ({
  type: "ticket.no_show", at: end, ticketId, counterId: "loket-1", measurement: measurement(enq, call, end, false),
});

const hex = (seq: number, e: Event) => eventHash(seq, e).toString("hex");

function batch(stream: number, firstSeq: number, events: Event[], prev: Event | null) {
  return {
    stream,
    firstSeq,
    lastSeq: firstSeq + events.length - 1,
    prevHash: prev ? hex(firstSeq - 1, prev) : null,
    events: events.map((event, i) => ({ seq: firstSeq + i, event })),
  };
}

/** The day's rollup once the projector has read everything acknowledged (ingest no longer projects). */
async function day(): Promise<Record<string, number> | undefined> {
  await projectAll(pool);
  const { rows } = await pool.query<Record<string, number>>(
    `SELECT issued, segments, selesai, no_show, cancelled, wait_n, wait_sum::int8 AS wait_sum, wait_judged, wait_met, service_n, service_sum::int8 AS service_sum
       FROM regency_day_services WHERE office_id = $1 AND service_day = $2 AND service_id = 'sppl'`,
    [OFFICE, DAY],
  );
  return rows[0];
}

// Stream 1, as the hub logged it before its PC died: seqs 1-2 are in the backup, 3-8 are not.
const s1 = [
  issued("T1", T0), issued("T2", T0 + MIN),
  called("T1", T0 + 10 * MIN), completed("T1", T0, T0 + 10 * MIN, T0 + 15 * MIN), called("T2", T0 + 16 * MIN),
  issued("T4", T0 + 17 * MIN), called("T4", T0 + 40 * MIN), noShow("T4", T0 + 17 * MIN, T0 + 40 * MIN, T0 + 45 * MIN),
];
// Stream 2: the hub restored to seq 2 tells T1 again (served later) and T2's end (cancelled, never called in this history).
const s2 = [
  called("T1", T0 + 20 * MIN), completed("T1", T0, T0 + 20 * MIN, T0 + 26 * MIN),
  issued("T3", T0 + 30 * MIN), { type: "ticket.cancelled", at: T0 + 50 * MIN, ticketId: "T2", reason: "citizen_left" },
];

it("a retried batch counts nothing twice", async () => {
  await ingest(pool, OFFICE, batch(1, 1, s1.slice(0, 2), null), T0);
  const second = batch(1, 3, s1.slice(2), s1[1]!);
  expect((await ingest(pool, OFFICE, second, T0)).accepted).toBe(6);
  const once = await day();
  expect(once).toEqual({
    issued: 3, segments: 2, selesai: 1, no_show: 1, cancelled: 0,
    wait_n: 2, wait_sum: 10 * MIN + 23 * MIN, wait_judged: 2, wait_met: 2, service_n: 1, service_sum: 5 * MIN,
  });
  // Its answer was lost: the hub sends it again, and once more overlapping.
  expect(await ingest(pool, OFFICE, second, T0)).toMatchObject({ accepted: 0, duplicates: 6 });
  expect(await ingest(pool, OFFICE, batch(1, 1, s1, null), T0)).toMatchObject({ accepted: 0, duplicates: 8 });
  expect(await day()).toEqual(once);
});

it("a restored office's second stream replaces what it re-tells and keeps what only the first had", async () => {
  await openStream(pool, OFFICE, { fromStream: 1, baseSeq: 2 }, T0 + 60 * MIN);
  const b = batch(2, 3, s2, s1[1]!);
  expect((await ingest(pool, OFFICE, b, T0 + 61 * MIN)).accepted).toBe(4);
  await ingest(pool, OFFICE, b, T0 + 61 * MIN); // and a retry of it
  // T1..T4 issued once each. T1's segment once, as stream 2 tells it (called at 20 min, served 6);
  // T4's no-show only stream 1 saw: it happened, it counts. T2 cancelled while waiting: the
  // restored hub never called it, so no wait (stream 1's lost call is not its history).
  expect(await day()).toEqual({
    issued: 4, segments: 3, selesai: 1, no_show: 1, cancelled: 1,
    wait_n: 2, wait_sum: 20 * MIN + 23 * MIN, wait_judged: 2, wait_met: 2, service_n: 1, service_sum: 6 * MIN,
  });
  const segments = await pool.query<{ ticket_id: string; outcome: string; ended_stream: number; wait_ms: number | null }>(
    "SELECT ticket_id, outcome, ended_stream, wait_ms FROM regency_segments WHERE office_id = $1 ORDER BY ticket_id",
    [OFFICE],
  );
  expect(segments.rows).toEqual([
    { ticket_id: "T1", outcome: "selesai", ended_stream: 2, wait_ms: 20 * MIN },
    { ticket_id: "T2", outcome: "cancelled", ended_stream: 2, wait_ms: null },
    { ticket_id: "T4", outcome: "no_show", ended_stream: 1, wait_ms: 23 * MIN },
  ]);
  const steps = await pool.query("SELECT ticket_id, ms FROM regency_steps WHERE office_id = $1", [OFFICE]);
  expect(steps.rows).toEqual([{ ticket_id: "T1", ms: 6 * MIN }]);

  const before = await day();
  await rebuildProjection(pool);
  expect(await day()).toEqual(before);
});
