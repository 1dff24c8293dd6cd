/**
 * The reports' tables from office_events, off the ingest path. Ingest
 * acknowledges a batch once its events are durable (ingest.ts); the
 * projector then takes each office's next chunk past its cursor
 * (office_projection, migration 0006), projects it as ingest used to
 * project a batch (reports/project.ts, reports/feedback.ts) and advances the
 * cursor in the same transaction. Projection re-derives tickets from all of
 * their events, so a chunk redone after a crash counts nothing twice.
 */
import type { RegencyOfficeCurrency } from "@layan/protocol";
import type { Logger } from "pino";
import { inTransaction, type Pool, type PoolClient } from "./db/pool";
import { projectFeedback } from "./reports/feedback";
import { projectTickets, recordTicketEvents, ticketsOf } from "./reports/project";
import { readable } from "./reports/shapes";

/**
 * Events per chunk: large enough that a chunk's fixed cost (its rollup
 * rewrite, its commit) is spread, small enough that one office's backlog
 * holds the projector for a fraction of a second before the next office's turn.
 */
export const PROJECTION_CHUNK = 4_000;

type Queryable = Pool | PoolClient;

/**
 * Per office: the events acknowledged but not yet projected, from the
 * streams' bounds (a stream's events are contiguous from base_seq + 1 to
 * last_seq: ingest refuses gaps), and the last projected event.
 */
export async function projectionStatus(q: Queryable, officeIds: readonly string[] | null = null): Promise<RegencyOfficeCurrency[]> {
  const { rows } = await q.query<{ id: string; stream: number | null; seq: number | null; at: number | null; pending: number }>(
    `SELECT o.id, p.stream, p.projected_seq AS seq, p.projected_at_ms AS at,
            coalesce((SELECT sum(s.last_seq - CASE WHEN s.stream = p.stream THEN greatest(s.base_seq, p.projected_seq) ELSE s.base_seq END)
                        FROM office_streams s WHERE s.office_id = o.id AND s.stream >= coalesce(p.stream, 0)), 0)::int8 AS pending
       FROM offices o LEFT JOIN office_projection p ON p.office_id = o.id
      WHERE $1::text[] IS NULL OR o.id = ANY($1)
      ORDER BY o.id`,
    [officeIds],
  );
  return rows.map((r) => ({
    officeId: r.id,
    currentThrough: r.stream !== null && r.seq !== null && r.seq > 0 ? { stream: r.stream, seq: r.seq, at: r.at } : null,
    pendingEvents: Math.max(0, r.pending),
  }));
}

/** Projects the office's next chunk (at most `limit` events) and moves its cursor past it; the number of events projected. */
export async function projectChunk(pool: Pool, officeId: string, limit = PROJECTION_CHUNK): Promise<number> {
  return inTransaction(pool, async (client) => {
    await client.query("INSERT INTO office_projection (office_id, stream, projected_seq, projected_at) VALUES ($1, 0, 0, now()) ON CONFLICT DO NOTHING", [officeId]);
    // Locked: a second projector (another server process on the same database) waits instead of projecting the same chunk.
    const cursor = (
      await client.query<{ stream: number; seq: number }>("SELECT stream, projected_seq AS seq FROM office_projection WHERE office_id = $1 FOR UPDATE", [officeId])
    ).rows[0] ?? { stream: 0, seq: 0 };
    const { rows } = await client.query<{ stream: number; seq: number; body: { type: string; at?: unknown } & Record<string, unknown> }>(
      "SELECT stream, seq, body FROM office_events WHERE office_id = $1 AND (stream, seq) > ($2, $3) ORDER BY stream, seq LIMIT $4",
      [officeId, cursor.stream, cursor.seq, limit],
    );
    const last = rows.at(-1);
    if (!last) return 0;
    const events = rows.map((r) => r.body);
    await recordTicketEvents(client, officeId, rows);
    await projectTickets(client, officeId, ticketsOf(events), rows);
    // Only feedback events are checked here: the ticket events are checked where they are derived, and checking every event of the chunk twice showed in its profile.
    await projectFeedback(client, officeId, events.filter((e) => (e.type.startsWith("survey.") || e.type.startsWith("complaint.")) && readable(e)));
    await client.query(
      "UPDATE office_projection SET stream = $2, projected_seq = $3, projected_at_ms = $4, projected_at = now() WHERE office_id = $1",
      [officeId, last.stream, last.seq, typeof last.body.at === "number" ? last.body.at : null],
    );
    return rows.length;
  });
}

/** Offices with events past their cursor, in id order (the round robin's order). */
async function officesBehind(pool: Pool): Promise<string[]> {
  return (await projectionStatus(pool)).filter((s) => s.pendingEvents > 0).map((s) => s.officeId);
}

/** Projects until every office is current: for tools (the bench's seeding) that ingest without a server. */
export async function projectAll(pool: Pool, limit = PROJECTION_CHUNK): Promise<number> {
  let total = 0;
  for (;;) {
    const behind = await officesBehind(pool);
    if (behind.length === 0) return total;
    for (const id of behind) total += await projectChunk(pool, id, limit);
  }
}

export interface Projector {
  /** Ingest committed events: look again now rather than at the next poll. */
  wake(): void;
  /** Finishes the chunk in hand, then stops. */
  stop(): Promise<void>;
}

export interface ProjectorOptions {
  logger: Logger;
  chunk?: number;
  /** A safety net for a missed wake (events written by another process): look this often anyway. */
  pollMs?: number;
  /**
   * Batches being ingested right now. The projector lets them go first, for
   * at most `yieldMs` per chunk: on two cores a chunk projected during a
   * burst of batches took the CPU their acks wait for, and a burst that never
   * ends still gets its reports projected.
   */
  ingesting?: () => number;
  yieldMs?: number;
}

/**
 * One loop, so one connection at a time: projecting a backlog cannot take
 * the pool from ingest. Each round gives every office behind one chunk
 * (round robin), so one office's three offline days do not keep the others'
 * reports stale until they are projected.
 */
export function startProjector(pool: Pool, options: ProjectorOptions): Projector {
  const { logger } = options;
  const chunk = options.chunk ?? PROJECTION_CHUNK;
  const pollMs = options.pollMs ?? 2_000;
  const ingesting = options.ingesting ?? (() => 0);
  const yieldMs = options.yieldMs ?? 250;
  const giveWay = async () => {
    for (const until = Date.now() + yieldMs; ingesting() > 0 && Date.now() < until && !stopped; ) await new Promise((r) => setTimeout(r, 5));
  };
  let stopped = false;
  let woken = false;
  let rest: (() => void) | null = null;
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        rest = null;
        resolve();
      }
      rest = done;
    });

  const loop = (async () => {
    while (!stopped) {
      woken = false;
      let projected = 0;
      try {
        for (const id of await officesBehind(pool)) {
          await giveWay();
          if (stopped) break;
          projected += await projectChunk(pool, id, chunk);
        }
      } catch (err) {
        // The database away or a chunk failing: the cursor did not move, the chunk is tried again after a pause.
        logger.error({ err: err instanceof Error ? err.message : String(err) }, "projection failed; retrying");
        if (!stopped) await pause(1_000);
        continue;
      }
      if (projected === 0 && !woken && !stopped) await pause(pollMs);
    }
  })();

  return {
    wake() {
      woken = true;
      rest?.();
    },
    async stop() {
      stopped = true;
      rest?.();
      await loop;
    },
  };
}
