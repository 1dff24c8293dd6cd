/**
 * The per-ticket log: one row per service segment, filtered like the reports,
 * sorted by time (newest first by default), wait or service time, and paged
 * with a keyset cursor so page 1 and page 500 cost the same. Each row carries
 * its ticked SOP steps.
 */
import type Database from "better-sqlite3";
import type { SegmentOutcome, TicketLogRow, TicketPage } from "@layan/protocol";
import { narrowsByDesk, whereOf, type ReportFilter } from "./filter";
import { dayNumber, dayText, readWords, type ServiceLogRow, type Words } from "../read-models";

export type TicketSort = "time" | "wait" | "service";
export type SortDir = "asc" | "desc";

/** What the log is cut by and in which order: the report filter, a few row filters, and the page. */
export interface TicketQuery extends ReportFilter {
  outcomes?: readonly SegmentOutcome[] | null;
  /** Only segments that missed their wait target, their service target, or either. */
  missed?: "wait" | "service" | "any" | null;
  /** Ticket number, exact ("A-012") — numbers repeat every day, so combine with the range. */
  number?: string | null;
  sort?: TicketSort;
  dir?: SortDir;
  /** 1..1000, default 50. */
  limit?: number;
  /** Opaque cursor from the previous page's `nextCursor`. */
  cursor?: string | null;
}

export interface TicketLog {
  tickets: (query: TicketQuery) => TicketPage;
  /** Every matching row in the query's order, read page by page (for CSV export). */
  iterateTickets: (
    query: Omit<TicketQuery, "limit" | "cursor">,
    pageSize?: number,
  ) => Generator<TicketLogRow[], void, undefined>;
}

export function createTicketLog(db: Database.Database): TicketLog {
  /**
   * A service_log row as the log query selects it: the table's columns (ids as
   * codes, migration 0013; the day's number and the ticket's issued_seq, 0015)
   * plus the rowid.
   */
  interface LogRowDb
    extends Omit<ServiceLogRow, "outcome" | "ended_seq" | "ticket_id" | "service_day" | "service_id" | "counter_id" | "officer_id"> {
    rid: number;
    ticket_seq: number;
    service_day: number;
    outcome: SegmentOutcome;
    service_id: number;
    counter_id: number | null;
    officer_id: number | null;
  }

  interface Cursor {
    /** Sort values of the last row (service_day + ended_at for "time", the metric otherwise; null = in the NULL tail). */
    v: (string | number | null)[];
    rid: number;
  }

  const encodeCursor = (c: Cursor): string => Buffer.from(JSON.stringify(c)).toString("base64url");
  const decodeCursor = (s: string): Cursor | null => {
    try {
      const c = JSON.parse(Buffer.from(s, "base64url").toString("utf8")) as Cursor;
      if (!Array.isArray(c.v) || typeof c.rid !== "number") return null;
      return c;
    } catch {
      return null;
    }
  };

  const flag = (f: 0 | 1 | null) => (f === null ? null : f === 1);

  // step_log's key leads with the segment's day and service (migration 0011).
  const stepsOf = db.prepare<
    [number, number, number, number],
    { step_id: number; ms: number; target_ms: number | null; met: 0 | 1 | null }
  >(
    `SELECT step_id, ms, target_ms, met FROM step_log
     WHERE service_day = ? AND service_id = ? AND ticket_seq = ? AND segment_index = ? ORDER BY step_order`,
  );
  // A rowid seek per row, as the steps are a key seek per row.
  const ticketIdOf = db.prepare<[number], { id: string }>("SELECT id FROM tickets WHERE issued_seq = ?");

  const toLogRow = (r: LogRowDb, words: Words): TicketLogRow => ({
    ticketId: ticketIdOf.get(r.ticket_seq)!.id,
    segmentIndex: r.segment_index,
    ticketNumber: r.ticket_number,
    serviceDay: dayText(r.service_day),
    serviceId: words.word(r.service_id),
    priority: r.priority,
    counterId: words.wordOrNull(r.counter_id),
    officerId: words.wordOrNull(r.officer_id),
    issuedAt: r.issued_at,
    enqueuedAt: r.enqueued_at,
    calledAt: r.called_at,
    startedAt: r.started_at,
    endedAt: r.ended_at,
    outcome: r.outcome,
    cancelReason: r.cancel_reason,
    waitMs: r.wait_ms,
    serviceMs: r.service_ms,
    waitTargetMs: r.wait_target_ms,
    serviceTargetMs: r.service_target_ms,
    waitMet: flag(r.wait_met),
    serviceMet: flag(r.service_met),
    recalls: r.recalls,
    steps: stepsOf
      .all(r.service_day, r.service_id, r.ticket_seq, r.segment_index)
      .map((s) => ({ stepId: words.word(s.step_id), ms: s.ms, targetMs: s.target_ms, met: flag(s.met) })),
  });

  const ticketWhere = (q: TicketQuery, words: Words): { sql: string; params: (string | number)[] } => {
    const where = whereOf(q, "", "segment", words);
    const parts = [where.sql];
    const params = [...where.params];
    if (q.outcomes) {
      parts.push(q.outcomes.length === 0 ? "0" : `outcome IN (${q.outcomes.map(() => "?").join(", ")})`);
      params.push(...q.outcomes);
    }
    if (q.missed === "wait") parts.push("wait_met = 0");
    if (q.missed === "service") parts.push("service_met = 0");
    if (q.missed === "any") parts.push("(wait_met = 0 OR service_met = 0)");
    if (q.number) {
      parts.push("ticket_number = ?");
      params.push(q.number);
    }
    return { sql: parts.join(" AND "), params };
  };

  const logSize = db.prepare<[], { n: number | null }>("SELECT max(rowid) AS n FROM service_log");

  /**
   * Sorted by wait or service time, a page can come two ways: walk the metric's
   * index from the top and skip rows outside the filter, or read every row in
   * the filter and sort. Walking reads about limit / share rows, sorting reads
   * them all: walk when the filter holds at least 5% of the log (a month of a
   * year, one agency), sort when it is narrow (a day, a counter). The share
   * comes from the rollups, so deciding costs a few hundred small rows.
   */
  const walksSortIndex = (q: TicketQuery): boolean => {
    if (q.outcomes || q.missed || q.number) return false;
    const where = whereOf(q);
    // The hourly rollup is the smaller of the two when no counter or officer is asked for.
    const rollup = narrowsByDesk(q) ? "report_service_desks" : "report_service_hours";
    const matched =
      db
        .prepare<(string | number)[], { n: number | null }>(
          `SELECT sum(segments) AS n FROM ${rollup} WHERE ${where.sql}`,
        )
        .get(...where.params)?.n ?? 0;
    const total = logSize.get()?.n ?? 0;
    return total > 0 && matched / total >= 0.05;
  };

  /**
   * One page in keyset order. "time" walks (service_day, ended_at, rowid), the
   * metrics walk (metric, rowid) with segments that have no value (never called,
   * never served) after the others when descending and before them ascending,
   * as SQLite orders NULLs.
   */
  const page = (
    q: TicketQuery,
    limit: number,
    cursor: Cursor | null,
    words: Words,
  ): { rows: LogRowDb[]; next: Cursor | null } => {
    const sort = q.sort ?? "time";
    const desc = (q.dir ?? "desc") === "desc";
    const cmp = desc ? "<" : ">";
    const dir = desc ? "DESC" : "ASC";
    const base = ticketWhere(q, words);
    const run = (
      extra: string,
      extraParams: (string | number)[],
      order: string,
      n: number,
      index: string | null = null,
    ): LogRowDb[] =>
      db
        .prepare<(string | number)[], LogRowDb>(
          `SELECT rowid AS rid, * FROM service_log ${index ? `INDEXED BY ${index}` : ""} WHERE ${base.sql}${extra} ORDER BY ${order} LIMIT ?`,
        )
        .all(...base.params, ...extraParams, n);

    if (sort === "time") {
      const order = `service_day ${dir}, ended_at ${dir}, rowid ${dir}`;
      const rows = cursor
        ? run(
            ` AND (service_day, ended_at, rowid) ${cmp} (?, ?, ?)`,
            [dayNumber(String(cursor.v[0])), cursor.v[1] as number, cursor.rid],
            order,
            limit + 1,
          )
        : run("", [], order, limit + 1);
      const more = rows.length > limit;
      const kept = rows.slice(0, limit);
      const last = kept.at(-1);
      return {
        rows: kept,
        // The day as text in the cursor, as before migration 0015: a page's cursor outlives an upgrade.
        next: more && last ? { v: [dayText(last.service_day), last.ended_at], rid: last.rid } : null,
      };
    }

    const col = sort === "wait" ? "wait_ms" : "service_ms";
    const valueOf = (r: LogRowDb) => (sort === "wait" ? r.wait_ms : r.service_ms);
    const index = walksSortIndex(q)
      ? sort === "wait"
        ? "service_log_wait"
        : "service_log_service_ms"
      : null;
    // Two bands: values (ordered by value, rowid) and NULLs (ordered by rowid).
    const valuesBand = (after: Cursor | null, n: number) =>
      after && after.v[0] !== null && after.v[0] !== undefined
        ? run(
            ` AND ${col} IS NOT NULL AND (${col}, rowid) ${cmp} (?, ?)`,
            [after.v[0], after.rid],
            `${col} ${dir}, rowid ${dir}`,
            n,
            index,
          )
        : run(` AND ${col} IS NOT NULL`, [], `${col} ${dir}, rowid ${dir}`, n, index);
    const nullBand = (after: Cursor | null, n: number) =>
      after && after.v[0] === null
        ? run(` AND ${col} IS NULL AND rowid ${cmp} ?`, [after.rid], `rowid ${dir}`, n)
        : run(` AND ${col} IS NULL`, [], `rowid ${dir}`, n);

    const inNullBand = cursor !== null && cursor.v[0] === null;
    let rows: LogRowDb[];
    if (desc) {
      rows = inNullBand ? nullBand(cursor, limit + 1) : valuesBand(cursor, limit + 1);
      if (!inNullBand && rows.length <= limit) rows = rows.concat(nullBand(null, limit + 1 - rows.length));
    } else {
      rows = inNullBand || cursor === null ? nullBand(cursor, limit + 1) : [];
      if (rows.length <= limit)
        rows = rows.concat(
          valuesBand(inNullBand || cursor === null ? null : cursor, limit + 1 - rows.length),
        );
    }
    const more = rows.length > limit;
    const kept = rows.slice(0, limit);
    const last = kept.at(-1);
    return { rows: kept, next: more && last ? { v: [valueOf(last)], rid: last.rid } : null };
  };

  const clampLimit = (n: number | undefined) => Math.min(1_000, Math.max(1, Math.trunc(n ?? 50)));

  const tickets: TicketLog["tickets"] = (q) => {
    const cursor = q.cursor ? decodeCursor(q.cursor) : null;
    if (q.cursor && !cursor) throw new RangeError("invalid cursor");
    const words = readWords(db);
    const { rows, next } = page(q, clampLimit(q.limit), cursor, words);
    return { rows: rows.map((r) => toLogRow(r, words)), nextCursor: next ? encodeCursor(next) : null };
  };

  function* iterateTickets(
    q: Omit<TicketQuery, "limit" | "cursor">,
    pageSize = 2_000,
  ): Generator<TicketLogRow[], void, undefined> {
    let cursor: Cursor | null = null;
    for (;;) {
      // Per page: a later page may name a counter first used meanwhile (readWords reads it then).
      const words = readWords(db);
      const { rows, next } = page(q, pageSize, cursor, words);
      if (rows.length > 0) yield rows.map((r) => toLogRow(r, words));
      if (!next) return;
      cursor = next;
    }
  }
  return { tickets, iterateTickets };
}
