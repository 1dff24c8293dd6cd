/**
 * The projection (run by projector.ts after ingest has acknowledged the
 * events): the report facts of every ticket a chunk of events touched,
 * re-derived from all of that ticket's events (derive.ts) and the day
 * rollups of every (office, day, service) they fall in rewritten from the
 * facts, in the chunk's transaction with the projector's cursor. Re-deriving instead of applying
 * deltas is what keeps a retried batch, a reordered one and a restored
 * office's next stream from counting anything twice.
 */
import type { QueueEvent } from "@layan/core";
import type { Pool, PoolClient } from "../db/pool";
import { inTransaction } from "../db/pool";
import { projectFeedback } from "./feedback";
import { readable } from "./shapes";
import { deriveTicket, type SegmentFact, type ShippedEvent, type TicketFact } from "./derive";

/** Bumped when derive.ts changes what it makes: `serve` then rebuilds the facts (rebuildProjection). */
export const PROJECTION_VERSION = 1;

type Queryable = Pool | PoolClient;

/**
 * The events after which a ticket's facts can read differently (derive.ts
 * writes a ticket row at its issue and a segment row when a segment ends or
 * is taken back). A call, a recall, serving, a reinstatement or an SOP step
 * tick changes only the open segment, which has no row: its figures arrive
 * with the event that ends it, and re-deriving then reads every event again.
 * Two thirds of a day's events are of those kinds; re-deriving their tickets
 * was most of ingest's cost (docs/benchmarks.md "The regency").
 */
export const FACT_EVENTS: ReadonlySet<string> = new Set([
  "ticket.issued",
  "ticket.completed",
  "ticket.no_show",
  "ticket.transferred",
  "ticket.transfer_undone",
  "ticket.cancelled",
]);

/** The tickets whose facts the queue events among `events` may change (survey answers name a ticket but are not its history). */
export function ticketsOf(events: readonly { type: string; ticketId?: unknown }[]): string[] {
  const ids = new Set<string>();
  for (const e of events) if (FACT_EVENTS.has(e.type) && typeof e.ticketId === "string") ids.add(e.ticketId);
  return [...ids];
}

interface Key {
  day: string;
  service: string;
}

async function keysOf(q: Queryable, officeId: string, ticketIds: string[]): Promise<Key[]> {
  const { rows } = await q.query<Key>(
    `SELECT service_day AS day, issued_service_id AS service FROM regency_tickets WHERE office_id = $1 AND ticket_id = ANY($2)
     UNION SELECT service_day, service_id FROM regency_segments WHERE office_id = $1 AND ticket_id = ANY($2)`,
    [officeId, ticketIds],
  );
  return rows;
}

/** An event of the projector's chunk, as read from office_events. */
export interface ChunkEvent {
  stream: number;
  seq: number;
  body: { type: string } & Record<string, unknown>;
}

/**
 * The chunk's ticket events into regency_ticket_events (migration 0007), in
 * the projection's transaction: how a later chunk finds these tickets' events
 * without an index on office_events' bodies, which ingest would pay for.
 */
export async function recordTicketEvents(q: Queryable, officeId: string, events: readonly ChunkEvent[]): Promise<void> {
  const mine = events.filter((e) => e.body.type.startsWith("ticket.") && typeof e.body.ticketId === "string");
  if (mine.length === 0) return;
  await q.query(
    `INSERT INTO regency_ticket_events (office_id, ticket_id, stream, seq)
     SELECT $1, * FROM unnest($2::text[], $3::int4[], $4::int8[]) ON CONFLICT DO NOTHING`,
    [officeId, mine.map((e) => e.body.ticketId as string), mine.map((e) => e.stream), mine.map((e) => e.seq)],
  );
}

/**
 * Re-derives the facts of these tickets of the office, then their rollups.
 * With `chunk` (the projector's, already in memory and recorded by
 * recordTicketEvents) only the tickets' events before it are read back.
 */
export async function projectTickets(q: Queryable, officeId: string, ticketIds: string[], chunk?: readonly ChunkEvent[]): Promise<void> {
  if (ticketIds.length === 0) return;
  const before = await keysOf(q, officeId, ticketIds);
  const streams = await q.query<{ stream: number; base_seq: number }>("SELECT stream, base_seq FROM office_streams WHERE office_id = $1", [officeId]);
  const bases = new Map(streams.rows.map((r) => [r.stream, r.base_seq]));
  const from = chunk?.[0];
  // Per ticket, then per event, each through its primary key: a plain join was planned from the statistics, which
  // for an office new since the last ANALYZE say "one row", and the planner then walked every event of the office for
  // every one of its ticket events (minutes per chunk on the bench's catch-up). OFFSET 0 and LIMIT 1 keep the lookups
  // from being flattened into such a join.
  const { rows } = await q.query<{ ticket_id: string; stream: number; seq: number; body: QueueEvent }>(
    `SELECT k.ticket_id, t.stream, t.seq, e.body
       FROM unnest($2::text[]) AS k (ticket_id)
       CROSS JOIN LATERAL (
         SELECT stream, seq FROM regency_ticket_events
          WHERE office_id = $1 AND ticket_id = k.ticket_id AND ($3::int4 IS NULL OR (stream, seq) < ($3, $4::int8)) OFFSET 0) t
       CROSS JOIN LATERAL (SELECT body FROM office_events WHERE office_id = $1 AND stream = t.stream AND seq = t.seq LIMIT 1) e
      ORDER BY t.stream, t.seq`,
    [officeId, ticketIds, from?.stream ?? null, from?.seq ?? null],
  );
  if (chunk) {
    const wanted = new Set(ticketIds);
    for (const e of chunk) {
      const id = e.body.ticketId;
      if (e.body.type.startsWith("ticket.") && typeof id === "string" && wanted.has(id)) rows.push({ ticket_id: id, stream: e.stream, seq: e.seq, body: e.body as unknown as QueueEvent });
    }
  }
  const byTicket = new Map<string, ShippedEvent[]>();
  for (const r of rows) {
    if (!readable(r.body)) continue;
    const list = byTicket.get(r.ticket_id) ?? [];
    list.push({ stream: r.stream, seq: r.seq, event: r.body });
    byTicket.set(r.ticket_id, list);
  }
  const tickets: TicketFact[] = [];
  const segments: (SegmentFact & { ticketId: string; serviceDay: string; priority: string | null })[] = [];
  for (const events of byTicket.values()) {
    const derived = deriveTicket(events, bases);
    if (!derived) continue;
    tickets.push(derived.ticket);
    for (const s of derived.segments) segments.push({ ...s, ticketId: derived.ticket.ticketId, serviceDay: derived.ticket.serviceDay, priority: derived.ticket.priority });
  }
  // One set-wise statement per table: the per-row cascade of foreign keys cost more than the rest of the batch (migration 0004).
  for (const table of ["regency_steps", "regency_segments", "regency_tickets"]) {
    await q.query(`DELETE FROM ${table} WHERE office_id = $1 AND ticket_id = ANY($2)`, [officeId, ticketIds]);
  }
  await q.query(
    `INSERT INTO regency_tickets (office_id, ticket_id, service_day, issued_service_id, priority, issued_at_ms)
     SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::int8[])`,
    [officeId, tickets.map((t) => t.ticketId), tickets.map((t) => t.serviceDay), tickets.map((t) => t.issuedServiceId), tickets.map((t) => t.priority), tickets.map((t) => t.issuedAt)],
  );
  const col = <T>(f: (s: (typeof segments)[number]) => T) => segments.map(f);
  await q.query(
    `INSERT INTO regency_segments (office_id, ticket_id, segment_index, service_day, service_id, priority, counter_id, officer_id,
       enqueued_at_ms, ended_at_ms, outcome, wait_ms, service_ms, wait_target_ms, service_target_ms, wait_met, service_met, recalls,
       ended_stream, ended_seq)
     SELECT $1, * FROM unnest($2::text[], $3::int4[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::int8[], $10::int8[],
       $11::text[], $12::int8[], $13::int8[], $14::int8[], $15::int8[], $16::bool[], $17::bool[], $18::int4[], $19::int4[], $20::int8[])`,
    [
      officeId, col((s) => s.ticketId), col((s) => s.segmentIndex), col((s) => s.serviceDay), col((s) => s.serviceId), col((s) => s.priority),
      col((s) => s.counterId), col((s) => s.officerId), col((s) => s.enqueuedAt), col((s) => s.endedAt), col((s) => s.outcome),
      col((s) => s.waitMs), col((s) => s.serviceMs), col((s) => s.waitTargetMs), col((s) => s.serviceTargetMs), col((s) => s.waitMet),
      col((s) => s.serviceMet), col((s) => s.recalls), col((s) => s.endedStream), col((s) => s.endedSeq),
    ],
  );
  const steps = segments.flatMap((s) => s.steps.map((t) => ({ ...t, s })));
  await q.query(
    `INSERT INTO regency_steps (office_id, ticket_id, segment_index, step_order, step_id, service_day, service_id, ms, target_ms, met)
     SELECT $1, * FROM unnest($2::text[], $3::int4[], $4::int4[], $5::text[], $6::text[], $7::text[], $8::int8[], $9::int8[], $10::bool[])`,
    [
      officeId, steps.map((t) => t.s.ticketId), steps.map((t) => t.s.segmentIndex), steps.map((t) => t.stepOrder), steps.map((t) => t.stepId),
      steps.map((t) => t.s.serviceDay), steps.map((t) => t.s.serviceId), steps.map((t) => t.ms), steps.map((t) => t.targetMs), steps.map((t) => t.met),
    ],
  );
  const after = await keysOf(q, officeId, ticketIds);
  await rewriteRollups(q, officeId, [...before, ...after]);
}

/** Every rollup row of the office from its facts: for facts loaded in bulk (the benchmark's seeded year) rather than ingested. */
export async function rewriteOfficeRollups(q: Queryable, officeId: string): Promise<void> {
  const { rows } = await q.query<Key>(
    `SELECT service_day AS day, issued_service_id AS service FROM regency_tickets WHERE office_id = $1
     UNION SELECT service_day, service_id FROM regency_segments WHERE office_id = $1`,
    [officeId],
  );
  await rewriteRollups(q, officeId, rows);
}

/** The rollup rows of these (day, service) keys of the office, rewritten as the sums of their facts. */
async function rewriteRollups(q: Queryable, officeId: string, keys: Key[]): Promise<void> {
  const unique = [...new Map(keys.map((k) => [`${k.day}\u0000${k.service}`, k])).values()];
  if (unique.length === 0) return;
  const days = unique.map((k) => k.day);
  const services = unique.map((k) => k.service);
  await q.query(
    `DELETE FROM regency_day_services r USING unnest($2::text[], $3::text[]) AS k (day, service)
      WHERE r.office_id = $1 AND r.service_day = k.day AND r.service_id = k.service`,
    [officeId, days, services],
  );
  await q.query(
    `WITH k (day, service) AS (SELECT * FROM unnest($2::text[], $3::text[])),
     issued AS (
       SELECT t.service_day AS day, t.issued_service_id AS service, count(*) AS n FROM regency_tickets t JOIN k ON t.service_day = k.day AND t.issued_service_id = k.service
        WHERE t.office_id = $1 GROUP BY 1, 2),
     seg AS (
       SELECT s.service_day AS day, s.service_id AS service, count(*) AS segments,
              count(*) FILTER (WHERE outcome = 'selesai') AS selesai,
              count(*) FILTER (WHERE outcome = 'berkas_tidak_lengkap') AS berkas_tidak_lengkap,
              count(*) FILTER (WHERE outcome = 'dirujuk') AS dirujuk,
              count(*) FILTER (WHERE outcome = 'transferred') AS transferred,
              count(*) FILTER (WHERE outcome = 'no_show') AS no_show,
              count(*) FILTER (WHERE outcome = 'cancelled') AS cancelled,
              count(wait_ms) AS wait_n, coalesce(sum(wait_ms), 0) AS wait_sum,
              count(wait_met) AS wait_judged, count(*) FILTER (WHERE wait_met) AS wait_met,
              count(service_ms) AS service_n, coalesce(sum(service_ms), 0) AS service_sum,
              count(service_met) AS service_judged, count(*) FILTER (WHERE service_met) AS service_met,
              min(wait_target_ms) AS wait_target_min, max(wait_target_ms) AS wait_target_max,
              min(service_target_ms) AS service_target_min, max(service_target_ms) AS service_target_max
         FROM regency_segments s JOIN k ON s.service_day = k.day AND s.service_id = k.service
        WHERE s.office_id = $1 GROUP BY 1, 2)
     INSERT INTO regency_day_services
     SELECT $1, k.day, k.service, coalesce(i.n, 0), coalesce(s.segments, 0), coalesce(s.selesai, 0), coalesce(s.berkas_tidak_lengkap, 0),
            coalesce(s.dirujuk, 0), coalesce(s.transferred, 0), coalesce(s.no_show, 0), coalesce(s.cancelled, 0),
            coalesce(s.wait_n, 0), coalesce(s.wait_sum, 0), coalesce(s.wait_judged, 0), coalesce(s.wait_met, 0),
            coalesce(s.service_n, 0), coalesce(s.service_sum, 0), coalesce(s.service_judged, 0), coalesce(s.service_met, 0),
            s.wait_target_min, s.wait_target_max, s.service_target_min, s.service_target_max
       FROM k LEFT JOIN issued i ON i.day = k.day AND i.service = k.service LEFT JOIN seg s ON s.day = k.day AND s.service = k.service
      WHERE i.n IS NOT NULL OR s.segments IS NOT NULL`,
    [officeId, days, services],
  );
  await rewriteDaySteps(q, officeId, days, services);
  await rewriteHistograms(q, officeId, days, services);
}

/**
 * The SOP step rollup (migration 0008) of these (day, service) keys from
 * their step facts. A step has its segment's day and service, so the keys
 * of the segments re-derived are every key whose steps could have changed;
 * delete-then-insert makes a re-projection rewrite a row, never add to it.
 * The keys are distinct (rewriteRollups): a repeated key would join its
 * facts twice.
 */
async function rewriteDaySteps(q: Queryable, officeId: string, days: string[], services: string[]): Promise<void> {
  await q.query(
    `DELETE FROM regency_day_steps r USING unnest($2::text[], $3::text[]) AS k (day, service)
      WHERE r.office_id = $1 AND r.service_day = k.day AND r.service_id = k.service`,
    [officeId, days, services],
  );
  await q.query(
    `INSERT INTO regency_day_steps
     SELECT $1, t.service_day, t.service_id, t.step_id, count(*), sum(t.ms), max(t.target_ms), count(t.met), count(*) FILTER (WHERE t.met),
            coalesce(sum(greatest(t.ms - t.target_ms, 0)), 0), sum(t.step_order)
       FROM regency_steps t JOIN unnest($2::text[], $3::text[]) AS k (day, service) ON t.service_day = k.day AND t.service_id = k.service
      WHERE t.office_id = $1 GROUP BY t.service_day, t.service_id, t.step_id`,
    [officeId, days, services],
  );
}

/**
 * The duration histograms (migration 0005) of these (day, service) keys from
 * their facts, then of their months from the day rows: merging a month's
 * days is cheaper than reading its facts again, and it is what the month
 * rows are by definition.
 */
async function rewriteHistograms(q: Queryable, officeId: string, days: string[], services: string[]): Promise<void> {
  await q.query(
    `DELETE FROM regency_day_histograms h USING unnest($2::text[], $3::text[]) AS k (day, service)
      WHERE h.office_id = $1 AND h.service_day = k.day AND h.service_id = k.service`,
    [officeId, days, services],
  );
  await q.query(
    `WITH k (day, service) AS (SELECT * FROM unnest($2::text[], $3::text[])),
     v AS (
       SELECT s.service_day, s.service_id, 1::int2 AS measure, ''::text AS step_id, regency_bucket(s.wait_ms) AS b
         FROM regency_segments s JOIN k ON s.service_day = k.day AND s.service_id = k.service WHERE s.office_id = $1 AND s.wait_ms IS NOT NULL
       UNION ALL
       SELECT s.service_day, s.service_id, 2::int2, '', regency_bucket(s.service_ms)
         FROM regency_segments s JOIN k ON s.service_day = k.day AND s.service_id = k.service WHERE s.office_id = $1 AND s.service_ms IS NOT NULL
       UNION ALL
       SELECT t.service_day, t.service_id, 3::int2, t.step_id, regency_bucket(t.ms)
         FROM regency_steps t JOIN k ON t.service_day = k.day AND t.service_id = k.service WHERE t.office_id = $1),
     c AS (SELECT service_day, service_id, measure, step_id, b, count(*)::int4 AS n FROM v GROUP BY 1, 2, 3, 4, 5)
     INSERT INTO regency_day_histograms
     SELECT $1, service_day, service_id, measure, step_id, array_agg(b ORDER BY b), array_agg(n ORDER BY b) FROM c GROUP BY 1, 2, 3, 4, 5`,
    [officeId, days, services],
  );
  const months = [...new Map(days.map((d, i) => [`${d.slice(0, 7)}\u0000${services[i]}`, [d.slice(0, 7), services[i] ?? ""] as const])).values()];
  const m = months.map((x) => x[0]);
  const s = months.map((x) => x[1]);
  await q.query(
    `DELETE FROM regency_month_histograms h USING unnest($2::text[], $3::text[]) AS k (month, service)
      WHERE h.office_id = $1 AND h.service_month = k.month AND h.service_id = k.service`,
    [officeId, m, s],
  );
  await q.query(
    `WITH k (month, service) AS (SELECT * FROM unnest($2::text[], $3::text[])),
     c AS (
       SELECT k.month, h.service_id, h.measure, h.step_id, u.b, sum(u.n)::int4 AS n
         FROM k JOIN regency_day_histograms h
              ON h.office_id = $1 AND h.service_day BETWEEN k.month || '-01' AND k.month || '-31' AND h.service_id = k.service,
              unnest(h.buckets, h.counts) AS u (b, n)
        GROUP BY 1, 2, 3, 4, 5)
     INSERT INTO regency_month_histograms
     SELECT $1, month, service_id, measure, step_id, array_agg(b ORDER BY b), array_agg(n ORDER BY b) FROM c GROUP BY 1, 2, 3, 4, 5`,
    [officeId, m, s],
  );
}

/**
 * Every office's facts from office_events again, one office per transaction,
 * in pages of tickets; then the version is recorded. `serve` runs it when the
 * recorded version is behind PROJECTION_VERSION.
 */
export async function rebuildProjection(pool: Pool): Promise<{ offices: number; tickets: number }> {
  const offices = (await pool.query<{ id: string }>("SELECT id FROM offices ORDER BY id")).rows.map((r) => r.id);
  let total = 0;
  for (const officeId of offices) {
    total += await inTransaction(pool, async (client) => {
      // Ingest of this office waits: its batches lock the office's stream row first, as here.
      await client.query("SELECT 1 FROM office_streams WHERE office_id = $1 FOR UPDATE", [officeId]);
      for (const table of ["regency_day_services", "regency_day_steps", "regency_day_histograms", "regency_month_histograms"]) await client.query(`DELETE FROM ${table} WHERE office_id = $1`, [officeId]);
      for (const table of ["regency_steps", "regency_segments", "regency_tickets"]) await client.query(`DELETE FROM ${table} WHERE office_id = $1`, [officeId]);
      await client.query("DELETE FROM regency_ticket_events WHERE office_id = $1", [officeId]);
      await client.query(
        `INSERT INTO regency_ticket_events (office_id, ticket_id, stream, seq)
         SELECT office_id, body ->> 'ticketId', stream, seq FROM office_events
          WHERE office_id = $1 AND type LIKE 'ticket.%' AND body ->> 'ticketId' IS NOT NULL`,
        [officeId],
      );
      const ids = (
        await client.query<{ id: string }>(
          "SELECT DISTINCT body ->> 'ticketId' AS id FROM office_events WHERE office_id = $1 AND type = 'ticket.issued'",
          [officeId],
        )
      ).rows.map((r) => r.id);
      for (let i = 0; i < ids.length; i += 500) await projectTickets(client, officeId, ids.slice(i, i + 500));
      await client.query("DELETE FROM regency_surveys WHERE office_id = $1", [officeId]);
      await client.query("DELETE FROM regency_complaints WHERE office_id = $1", [officeId]);
      const feedback = await client.query<{ body: { type: string } }>(
        "SELECT body FROM office_events WHERE office_id = $1 AND (type LIKE 'survey.%' OR type LIKE 'complaint.%') ORDER BY stream, seq",
        [officeId],
      );
      await projectFeedback(client, officeId, feedback.rows.map((r) => r.body).filter((b) => readable(b as { type: string } & Record<string, unknown>)));
      // Everything of the office is projected now: the projector's cursor goes to its last event (migration 0006).
      await client.query(
        `INSERT INTO office_projection (office_id, stream, projected_seq, projected_at_ms, projected_at)
         SELECT $1, coalesce(e.stream, 0), coalesce(e.seq, 0), e.at_ms, now()
           FROM (SELECT 1) one LEFT JOIN LATERAL (
             SELECT stream, seq, (body ->> 'at')::int8 AS at_ms FROM office_events WHERE office_id = $1 ORDER BY stream DESC, seq DESC LIMIT 1
           ) e ON true
         ON CONFLICT (office_id) DO UPDATE SET stream = excluded.stream, projected_seq = excluded.projected_seq,
           projected_at_ms = excluded.projected_at_ms, projected_at = excluded.projected_at`,
        [officeId],
      );
      return ids.length;
    });
  }
  await inTransaction(pool, async (client) => {
    await client.query("DELETE FROM regency_projection");
    await client.query("INSERT INTO regency_projection (version) VALUES ($1)", [PROJECTION_VERSION]);
  });
  return { offices: offices.length, tickets: total };
}

/** Rebuilds when the facts were made by another projection version (or never). */
export async function ensureProjection(pool: Pool): Promise<boolean> {
  const { rows } = await pool.query<{ version: number }>("SELECT version FROM regency_projection");
  if (rows[0]?.version === PROJECTION_VERSION) return false;
  await rebuildProjection(pool);
  return true;
}
