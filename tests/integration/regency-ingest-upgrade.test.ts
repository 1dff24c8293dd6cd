/**
 * Migration 0007 on a central server that ingested under 0006: the ticket
 * expression index goes (the projector finds a ticket's events in its own
 * regency_ticket_events, back-filled here), each stream's last hash moves
 * onto its row (ingest checks a batch's prevHash against it), and what was
 * held before the upgrade ingests and projects on as if nothing happened.
 * A real PostgreSQL; the 0006 rows written as ingest wrote them.
 */
import { afterAll, expect, it } from "vitest";
import { addOffice, eventHash, ingest, loadMigrations, migrate, openPool, projectAll, rebuildProjection, type Pool } from "../../apps/regency/src/index";
import { freshDatabase } from "../support/postgres";

const OFFICE = "kantor-lama";
const DAY = "2026-11-16";
const T0 = Date.parse("2026-11-16T08:00:00+07:00");
const MIN = 60_000;
let pool: Pool | undefined;

afterAll(async () => {
  await pool?.end();
});

type Event = { type: string; at: number } & Record<string, unknown>;

const issued = (ticketId: string, at: number): Event => ({
  type: "ticket.issued", at, ticketId, serviceId: "sppl", number: ticketId, sequence: 1, serviceDay: DAY, priority: null, kioskId: "kiosk-lobi",
});
const called = (ticketId: string, at: number): Event => ({ type: "ticket.called", at, ticketId, counterId: "loket-1", officerId: "petugas-1", reason: "regular_turn" });
const completed = (ticketId: string, enq: number, call: number, end: number): Event => ({
  type: "ticket.completed", at: end, ticketId, counterId: "loket-1", outcome: "selesai",
  measurement: {
    serviceId: "sppl", segmentIndex: 0, counterId: "loket-1", officerId: "petugas-1", enqueuedAt: enq, calledAt: call, startedAt: call, endedAt: end, recalls: 0,
    waitMs: call - enq, serviceMs: end - call, waitTargetMs: 30 * MIN, serviceTargetMs: 20 * MIN, waitMet: call - enq <= 30 * MIN, serviceMet: end - call <= 20 * MIN,
    steps: [],
  },
});

// Stream 1 (closed by a restore at seq 2), stream 2 (base 2, closed at 4 by another), stream 3 (base 4, open, nothing of its own yet).
const s1 = [issued("T1", T0), issued("T2", T0 + MIN), called("T1", T0 + 10 * MIN), completed("T1", T0, T0 + 10 * MIN, T0 + 15 * MIN)];
const s2 = [called("T1", T0 + 20 * MIN), completed("T1", T0, T0 + 20 * MIN, T0 + 26 * MIN), issued("T3", T0 + 30 * MIN)];
const hex = (seq: number, e: Event) => eventHash(seq, e).toString("hex");

async function facts(p: Pool): Promise<unknown> {
  const q = async (sql: string): Promise<unknown[]> => (await p.query<Record<string, unknown>>(sql, [OFFICE])).rows;
  return {
    tickets: await q("SELECT ticket_id, service_day, issued_at_ms FROM regency_tickets WHERE office_id = $1 ORDER BY ticket_id"),
    segments: await q("SELECT ticket_id, segment_index, outcome, wait_ms, service_ms, ended_stream, ended_seq FROM regency_segments WHERE office_id = $1 ORDER BY ticket_id, segment_index"),
    days: await q("SELECT service_day, service_id, issued, segments, selesai, wait_sum FROM regency_day_services WHERE office_id = $1 ORDER BY service_day, service_id"),
  };
}

it("moves each stream's last hash onto its row, keys tickets without the expression index, and ingests on", async () => {
  const p = openPool(await freshDatabase());
  pool = p;
  await migrate(p, loadMigrations().filter((m) => m.id <= 6));
  await addOffice(p, { id: OFFICE, name: "Kantor Lama", agency: "OPD Lama" }, T0);
  const streams = [
    { stream: 1, base: 0, last: 4, closed: true, events: s1 },
    { stream: 2, base: 2, last: 5, closed: true, events: s2 },
    { stream: 3, base: 4, last: 4, closed: false, events: [] as Event[] },
  ];
  for (const s of streams) {
    await p.query(
      "INSERT INTO office_streams (office_id, stream, base_seq, last_seq, opened_at, closed_at) VALUES ($1, $2, $3, $4, to_timestamp($5 / 1000.0), CASE WHEN $6 THEN to_timestamp($5 / 1000.0) END)",
      [OFFICE, s.stream, s.base, s.last, T0, s.closed],
    );
    for (const [i, e] of s.events.entries()) {
      const seq = s.base + 1 + i;
      await p.query(
        "INSERT INTO office_events (office_id, stream, seq, type, at, body, hash, received_at) VALUES ($1, $2, $3, $4, to_timestamp($5 / 1000.0), $6, $7, to_timestamp($5 / 1000.0))",
        [OFFICE, s.stream, seq, e.type, e.at, JSON.stringify(e), eventHash(seq, e)],
      );
    }
  }

  expect(await migrate(p)).toEqual(loadMigrations().filter((m) => m.id > 6).map((m) => m.id));
  const rows = (await p.query<{ stream: number; last_hash: Buffer | null }>("SELECT stream, last_hash FROM office_streams WHERE office_id = $1 ORDER BY stream", [OFFICE])).rows;
  // Stream 3 has no event of its own: its last hash is stream 2's seq 4, the event at 4 in its view.
  expect(rows.map((r) => [r.stream, r.last_hash?.toString("hex")])).toEqual([
    [1, hex(4, s1[3]!)],
    [2, hex(5, s2[2]!)],
    [3, hex(4, s2[1]!)],
  ]);
  expect((await p.query("SELECT indexname FROM pg_indexes WHERE tablename = 'office_events' ORDER BY indexname")).rows).toEqual([{ indexname: "office_events_pkey" }]);
  expect((await p.query("SELECT count(*)::int AS n FROM regency_ticket_events WHERE office_id = $1", [OFFICE])).rows[0]).toEqual({ n: s1.length + s2.length });

  // The hub continues stream 3 after seq 4: its prevHash is checked against the row, a wrong one refused.
  const next = [called("T2", T0 + 40 * MIN), completed("T2", T0 + MIN, T0 + 40 * MIN, T0 + 45 * MIN)];
  const batch = (prevHash: string) => ({ stream: 3, firstSeq: 5, lastSeq: 6, prevHash, events: next.map((event, i) => ({ seq: 5 + i, event })) });
  await expect(ingest(p, OFFICE, batch(hex(4, s1[3]!)), T0)).rejects.toMatchObject({ code: "INGEST_DIVERGED", status: 409 });
  expect(await ingest(p, OFFICE, batch(hex(4, s2[1]!)), T0 + 50 * MIN)).toEqual({ stream: 3, lastSeq: 6, accepted: 2, duplicates: 0 });
  expect(
    (await p.query<{ h: Buffer }>("SELECT last_hash AS h FROM office_streams WHERE office_id = $1 AND stream = 3", [OFFICE])).rows[0]?.h.toString("hex"),
  ).toBe(hex(6, next[1]!));

  // Projected chunk by chunk (tickets spanning chunks and streams), the facts are those of a rebuild from the whole log.
  await projectAll(p, 2);
  const projected = await facts(p);
  expect(projected).toMatchObject({ tickets: [{ ticket_id: "T1" }, { ticket_id: "T2" }, { ticket_id: "T3" }] });
  await rebuildProjection(p);
  expect(await facts(p)).toEqual(projected);
}, 60_000);
