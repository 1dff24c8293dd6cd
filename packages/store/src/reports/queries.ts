/**
 * Report queries over the service log (one row per ticket service segment) and
 * the step log (one row per ticked SOP step). Read-only; the caller passes the
 * database and the office's UTC offset. Every figure is computed from
 * service_log/step_log at query time: nothing here is cached or stored, so a
 * report always agrees with the log.
 *
 * Conventions (docs/api.md repeats them for API users):
 * - A segment belongs to the service day of its ticket (`service_day`).
 * - Waits and service times are in ms; averages are arithmetic means;
 *   percentiles are nearest-rank (see percentile.ts).
 * - "% within target" counts the segments that have a verdict: the wait of
 *   every segment that was called, the service time of every segment that was
 *   served. Cancelled segments carry no target and count in neither.
 * - Hours and weekdays are office-local, from the moment the segment joined its
 *   queue (`enqueued_at`: the issue, or the transfer/reinstatement).
 */
import type Database from "better-sqlite3";
import { narrowsByDesk, whereOf, type ReportFilter } from "./filter";
import { nearestRankSql, percentileOfSorted } from "./percentile";

export type SegmentOutcomeName = "selesai" | "berkas_tidak_lengkap" | "dirujuk" | "transferred" | "no_show" | "cancelled";

export const SEGMENT_OUTCOMES: readonly SegmentOutcomeName[] = [
  "selesai",
  "berkas_tidak_lengkap",
  "dirujuk",
  "transferred",
  "no_show",
  "cancelled",
];

/** What a summary row is grouped by. `agency` needs the service -> agency map. */
export type GroupBy = "all" | "service" | "agency" | "counter" | "officer" | "day" | "hour" | "weekday";

export interface TimeStats {
  /** Segments with a measured time. */
  n: number;
  avgMs: number | null;
  p50Ms: number | null;
  p90Ms: number | null;
}

export interface Compliance {
  /** Segments with a verdict. */
  judged: number;
  met: number;
  /** 0..100 with one decimal, null when nothing was judged. */
  pct: number | null;
}

export interface SummaryRow {
  /** The group's id (service, agency, counter, officer id, day, hour 0-23, weekday 0=Monday); null for "all" and for segments without one. */
  key: string | null;
  /** Tickets issued for the service(s) in the range; null when the grouping or filter makes it meaningless (counter, officer, hour). */
  issued: number | null;
  segments: number;
  /** Completed: selesai + berkas_tidak_lengkap + dirujuk. */
  served: number;
  outcomes: Record<SegmentOutcomeName, number>;
  wait: TimeStats;
  service: TimeStats;
  waitMet: Compliance;
  serviceMet: Compliance;
  /** SOP targets copied into the segments; min and max differ only when the SOP changed inside the range. */
  waitTargetMs: { min: number; max: number } | null;
  serviceTargetMs: { min: number; max: number } | null;
}

export interface StepRow {
  serviceId: string;
  stepId: string;
  /** Ticks measured. */
  n: number;
  avgMs: number;
  p50Ms: number | null;
  p90Ms: number | null;
  targetMs: number | null;
  met: Compliance;
  /** Sum over ticks of the time beyond the step's target: where the time went. */
  overTargetMs: number;
  /** Mean position in which officers ticked it (0 = first). */
  avgOrder: number;
}

export interface HeatCell {
  /** 0 = Monday ... 6 = Sunday, office-local. */
  weekday: number;
  /** 0..23, office-local. */
  hour: number;
  segments: number;
  waitAvgMs: number | null;
  waitMet: Compliance;
  serviceMet: Compliance;
}

export type TicketSort = "time" | "wait" | "service";
export type SortDir = "asc" | "desc";

export interface TicketQuery extends ReportFilter {
  outcomes?: readonly SegmentOutcomeName[] | null;
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

export interface TicketLogRow {
  ticketId: string;
  segmentIndex: number;
  ticketNumber: string;
  serviceDay: string;
  serviceId: string;
  priority: string | null;
  counterId: string | null;
  officerId: string | null;
  issuedAt: number;
  enqueuedAt: number;
  calledAt: number | null;
  startedAt: number | null;
  endedAt: number;
  outcome: SegmentOutcomeName;
  cancelReason: string | null;
  waitMs: number | null;
  serviceMs: number | null;
  waitTargetMs: number | null;
  serviceTargetMs: number | null;
  waitMet: boolean | null;
  serviceMet: boolean | null;
  recalls: number;
  steps: { stepId: string; ms: number; targetMs: number | null; met: boolean | null }[];
}

export interface TicketPage {
  rows: TicketLogRow[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

export interface ReportOptions {
  /** The office's offset from UTC in minutes (Asia/Jakarta: 420). Indonesia has no DST. */
  utcOffsetMinutes: number;
}

export interface ReportQueries {
  /** First and last service day with a finished segment, or null for an empty log. */
  dataRange(): { from: string; to: string } | null;
  summary(filter: ReportFilter, groupBy: GroupBy, opts?: { agencyOf?: ReadonlyMap<string, string> }): SummaryRow[];
  steps(filter: ReportFilter): StepRow[];
  heatmap(filter: ReportFilter): HeatCell[];
  /** Per service and office-local hour (0-23): the hours a service misses its targets. */
  serviceHours(filter: ReportFilter): (Omit<HeatCell, "weekday"> & { serviceId: string })[];
  /** Per service and counter, or per service and officer. */
  serviceDesks(filter: ReportFilter, by: "counter" | "officer"): (SummaryRow & { serviceId: string })[];
  tickets(query: TicketQuery): TicketPage;
  /** Every matching row in the query's order, read page by page (for CSV export). */
  iterateTickets(query: Omit<TicketQuery, "limit" | "cursor">, pageSize?: number): Generator<TicketLogRow[], void, undefined>;
  /** Counter ids that appear in the counters read model (every counter that ever had an event). */
  counterIds(): string[];
  /** Users who can appear as officers in the log, with their names. */
  people(): { id: string; displayName: string; role: string }[];
}

const SERVED = "('selesai', 'berkas_tidak_lengkap', 'dirujuk')";
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

interface AggRow {
  k: string | number | null;
  segments: number;
  served: number;
  selesai: number;
  berkas_tidak_lengkap: number;
  dirujuk: number;
  transferred: number;
  no_show: number;
  cancelled: number;
  wait_n: number;
  wait_avg: number | null;
  service_n: number;
  service_avg: number | null;
  wait_judged: number;
  wait_met: number;
  service_judged: number;
  service_met: number;
  wait_target_min: number | null;
  wait_target_max: number | null;
  service_target_min: number | null;
  service_target_max: number | null;
}

const AGGREGATES = `count(*) AS segments,
  total(outcome IN ${SERVED}) AS served,
  total(outcome = 'selesai') AS selesai,
  total(outcome = 'berkas_tidak_lengkap') AS berkas_tidak_lengkap,
  total(outcome = 'dirujuk') AS dirujuk,
  total(outcome = 'transferred') AS transferred,
  total(outcome = 'no_show') AS no_show,
  total(outcome = 'cancelled') AS cancelled,
  count(wait_ms) AS wait_n, avg(wait_ms) AS wait_avg,
  count(service_ms) AS service_n, avg(service_ms) AS service_avg,
  count(wait_met) AS wait_judged, total(wait_met) AS wait_met,
  count(service_met) AS service_judged, total(service_met) AS service_met,
  min(wait_target_ms) AS wait_target_min, max(wait_target_ms) AS wait_target_max,
  min(service_target_ms) AS service_target_min, max(service_target_ms) AS service_target_max`;

export function compliance(judged: number, met: number): Compliance {
  return { judged, met, pct: judged === 0 ? null : Math.round((met / judged) * 1000) / 10 };
}

const keyString = (k: string | number | null): string | null => (k === null ? null : String(k));

interface PercentileRow {
  k: string | number | null;
  n: number;
  rn: number;
  v: number;
}

/** Picks the p50 and p90 rows out of a ranked query's output. */
function percentilesByKey(rows: PercentileRow[]): Map<string | null, { p50: number | null; p90: number | null }> {
  const out = new Map<string | null, { p50: number | null; p90: number | null }>();
  for (const r of rows) {
    const key = keyString(r.k);
    const entry = out.get(key) ?? { p50: null, p90: null };
    if (r.rn === Math.max(1, Math.floor((r.n * 50 + 99) / 100))) entry.p50 = r.v;
    if (r.rn === Math.max(1, Math.floor((r.n * 90 + 99) / 100))) entry.p90 = r.v;
    out.set(key, entry);
  }
  return out;
}

/** Offset of an IANA zone from UTC at `at`, in minutes (Intl only). */
export function utcOffsetMinutes(timezone: string, at: number = Date.now()): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: timezone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date(at));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const local = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"));
  return Math.round((local - (at - (at % 60_000))) / 60_000);
}

export function createReportQueries(db: Database.Database, options: ReportOptions): ReportQueries {
  const off = Math.trunc(options.utcOffsetMinutes) * 60_000;
  // Integer arithmetic on epoch ms: 1970-01-01 was a Thursday (3 with Monday = 0).
  const hourOf = (col: string) => `((${col} + ${off}) / ${HOUR_MS}) % 24`;
  const weekdayOf = (col: string) => `((${col} + ${off}) / ${DAY_MS} + 3) % 7`;

  const keyExpr = (groupBy: GroupBy, agencyOf: ReadonlyMap<string, string> | undefined): { sql: string; params: string[] } => {
    switch (groupBy) {
      case "all":
        return { sql: "NULL", params: [] };
      case "service":
        return { sql: "service_id", params: [] };
      case "counter":
        return { sql: "counter_id", params: [] };
      case "officer":
        return { sql: "officer_id", params: [] };
      case "day":
        return { sql: "service_day", params: [] };
      case "hour":
        return { sql: hourOf("enqueued_at"), params: [] };
      case "weekday":
        return { sql: weekdayOf("enqueued_at"), params: [] };
      case "agency": {
        const entries = [...(agencyOf ?? new Map<string, string>())];
        if (entries.length === 0) return { sql: "NULL", params: [] };
        return {
          sql: `CASE service_id ${entries.map(() => "WHEN ? THEN ?").join(" ")} ELSE NULL END`,
          params: entries.flat(),
        };
      }
    }
  };

  /** Issued tickets per group, from the tickets read model (open tickets of today included). */
  const issuedBy = (filter: ReportFilter, groupBy: GroupBy, agencyOf: ReadonlyMap<string, string> | undefined): Map<string | null, number> | null => {
    if (narrowsByDesk(filter)) return null;
    const keys: Partial<Record<GroupBy, string>> = { all: "NULL", service: "issued_service_id", day: "service_day", agency: "agency" };
    let key = keys[groupBy];
    if (key === undefined) return null;
    const params: string[] = [];
    if (groupBy === "agency") {
      const entries = [...(agencyOf ?? new Map<string, string>())];
      key = entries.length === 0 ? "NULL" : `CASE issued_service_id ${entries.map(() => "WHEN ? THEN ?").join(" ")} ELSE NULL END`;
      params.push(...entries.flat());
    }
    const where = ["service_day BETWEEN ? AND ?"];
    const whereParams: string[] = [filter.from, filter.to];
    if (filter.serviceIds) {
      where.push(filter.serviceIds.length === 0 ? "0" : `issued_service_id IN (${filter.serviceIds.map(() => "?").join(", ")})`);
      whereParams.push(...filter.serviceIds);
    }
    const rows = db
      .prepare<string[], { k: string | null; n: number }>(
        `SELECT ${key} AS k, count(*) AS n FROM tickets WHERE ${where.join(" AND ")} GROUP BY k`,
      )
      .all(...params, ...whereParams);
    return new Map(rows.map((r) => [keyString(r.k), r.n]));
  };

  const aggregate = (filter: ReportFilter, key: { sql: string; params: string[] }): AggRow[] => {
    const where = whereOf(filter);
    return db
      .prepare<(string | number)[], AggRow>(
        `SELECT ${key.sql} AS k, ${AGGREGATES} FROM service_log WHERE ${where.sql} GROUP BY k ORDER BY k`,
      )
      .all(...key.params, ...where.params);
  };

  /**
   * p50 and p90 of the wait and the service time per group. The values come
   * out unsorted in one pass and are sorted here as Float64Arrays: measured on
   * a month of a million-ticket log this is several times quicker than ranking
   * with window functions inside SQLite.
   */
  const percentiles = (filter: ReportFilter, key: { sql: string; params: string[] }) => {
    const where = whereOf(filter);
    const rows = db
      .prepare<(string | number)[], [string | number | null, number | null, number | null]>(
        `SELECT ${key.sql} AS k, wait_ms, service_ms FROM service_log WHERE ${where.sql} AND (wait_ms IS NOT NULL OR service_ms IS NOT NULL)`,
      )
      .raw()
      .all(...key.params, ...where.params);
    const groups = new Map<string | null, { wait: number[]; service: number[] }>();
    for (const [k, wait, service] of rows) {
      const id = keyString(k);
      let g = groups.get(id);
      if (!g) {
        g = { wait: [], service: [] };
        groups.set(id, g);
      }
      if (wait !== null) g.wait.push(wait);
      if (service !== null) g.service.push(service);
    }
    const wait = new Map<string | null, { p50: number | null; p90: number | null }>();
    const service = new Map<string | null, { p50: number | null; p90: number | null }>();
    for (const [id, g] of groups) {
      const w = Float64Array.from(g.wait).sort();
      const sv = Float64Array.from(g.service).sort();
      wait.set(id, { p50: percentileOfSorted(w, 50), p90: percentileOfSorted(w, 90) });
      service.set(id, { p50: percentileOfSorted(sv, 50), p90: percentileOfSorted(sv, 90) });
    }
    return { wait, service };
  };

  const toSummary = (
    r: AggRow,
    issued: Map<string | null, number> | null,
    waitP: Map<string | null, { p50: number | null; p90: number | null }>,
    serviceP: Map<string | null, { p50: number | null; p90: number | null }>,
  ): SummaryRow => {
    const key = keyString(r.k);
    const w = waitP.get(key);
    const s = serviceP.get(key);
    return {
      key,
      issued: issued ? (issued.get(key) ?? 0) : null,
      segments: r.segments,
      served: r.served,
      outcomes: {
        selesai: r.selesai,
        berkas_tidak_lengkap: r.berkas_tidak_lengkap,
        dirujuk: r.dirujuk,
        transferred: r.transferred,
        no_show: r.no_show,
        cancelled: r.cancelled,
      },
      wait: { n: r.wait_n, avgMs: r.wait_avg === null ? null : Math.round(r.wait_avg), p50Ms: w?.p50 ?? null, p90Ms: w?.p90 ?? null },
      service: {
        n: r.service_n,
        avgMs: r.service_avg === null ? null : Math.round(r.service_avg),
        p50Ms: s?.p50 ?? null,
        p90Ms: s?.p90 ?? null,
      },
      waitMet: compliance(r.wait_judged, r.wait_met),
      serviceMet: compliance(r.service_judged, r.service_met),
      waitTargetMs: r.wait_target_min === null || r.wait_target_max === null ? null : { min: r.wait_target_min, max: r.wait_target_max },
      serviceTargetMs:
        r.service_target_min === null || r.service_target_max === null ? null : { min: r.service_target_min, max: r.service_target_max },
    };
  };

  const summary: ReportQueries["summary"] = (filter, groupBy, opts = {}) => {
    const key = keyExpr(groupBy, opts.agencyOf);
    const rows = aggregate(filter, key);
    const issued = issuedBy(filter, groupBy, opts.agencyOf);
    const p = percentiles(filter, key);
    const out = rows.map((r) => toSummary(r, issued, p.wait, p.service));
    // Tickets issued in a group that has no finished segment yet (this morning's queue).
    if (issued) {
      const seen = new Set(out.map((r) => r.key));
      for (const [key, n] of issued) {
        if (!seen.has(key)) out.push({ ...emptySummary(key), issued: n });
      }
    }
    if (groupBy === "all" && out.length === 0) out.push({ ...emptySummary(null), issued: issued ? 0 : null });
    return out;
  };

  const steps: ReportQueries["steps"] = (filter) => {
    const join = narrowsByDesk(filter);
    // With a counter or officer filter the steps come through their segment (service_log has the desk).
    const where = join ? whereOf(filter, "s") : whereOf(filter, "t", "step");
    const from = join
      ? `step_log AS t JOIN service_log AS s ON s.ticket_id = t.ticket_id AND s.segment_index = t.segment_index`
      : "step_log AS t";
    const agg = db
      .prepare<
        (string | number)[],
        { service_id: string; step_id: string; n: number; avg_ms: number; target: number | null; judged: number; met: number; over: number; ord: number }
      >(
        `SELECT t.service_id, t.step_id, count(*) AS n, avg(t.ms) AS avg_ms, max(t.target_ms) AS target,
           count(t.met) AS judged, total(t.met) AS met, total(max(t.ms - t.target_ms, 0)) AS over, avg(t.step_order) AS ord
         FROM ${from} WHERE ${where.sql}
         GROUP BY t.service_id, t.step_id ORDER BY t.service_id, ord`,
      )
      .all(...where.params);
    const ranked = db
      .prepare<(string | number)[], { service_id: string; step_id: string; n: number; rn: number; v: number }>(
        `SELECT service_id, step_id, n, rn, v FROM (
           SELECT t.service_id, t.step_id, t.ms AS v,
             row_number() OVER (PARTITION BY t.service_id, t.step_id ORDER BY t.ms) AS rn,
             count(*) OVER (PARTITION BY t.service_id, t.step_id) AS n
           FROM ${from} WHERE ${where.sql}
         ) WHERE rn = ${nearestRankSql("n", 50)} OR rn = ${nearestRankSql("n", 90)}`,
      )
      .all(...where.params);
    const pct = percentilesByKey(ranked.map((r) => ({ k: `${r.service_id}\u0000${r.step_id}`, n: r.n, rn: r.rn, v: r.v })));
    return agg.map((r) => {
      const p = pct.get(`${r.service_id}\u0000${r.step_id}`);
      return {
        serviceId: r.service_id,
        stepId: r.step_id,
        n: r.n,
        avgMs: Math.round(r.avg_ms),
        p50Ms: p?.p50 ?? null,
        p90Ms: p?.p90 ?? null,
        targetMs: r.target,
        met: compliance(r.judged, r.met),
        overTargetMs: r.over,
        avgOrder: r.ord,
      };
    });
  };

  const heatmap: ReportQueries["heatmap"] = (filter) => {
    const where = whereOf(filter);
    return db
      .prepare<(string | number)[], { wd: number; h: number; segments: number; wait_avg: number | null; wj: number; wm: number; sj: number; sm: number }>(
        `SELECT ${weekdayOf("enqueued_at")} AS wd, ${hourOf("enqueued_at")} AS h, count(*) AS segments, avg(wait_ms) AS wait_avg,
           count(wait_met) AS wj, total(wait_met) AS wm, count(service_met) AS sj, total(service_met) AS sm
         FROM service_log WHERE ${where.sql} GROUP BY wd, h ORDER BY wd, h`,
      )
      .all(...where.params)
      .map((r) => ({
        weekday: r.wd,
        hour: r.h,
        segments: r.segments,
        waitAvgMs: r.wait_avg === null ? null : Math.round(r.wait_avg),
        waitMet: compliance(r.wj, r.wm),
        serviceMet: compliance(r.sj, r.sm),
      }));
  };

  const serviceHours: ReportQueries["serviceHours"] = (filter) => {
    const where = whereOf(filter);
    return db
      .prepare<(string | number)[], { service_id: string; h: number; segments: number; wait_avg: number | null; wj: number; wm: number; sj: number; sm: number }>(
        `SELECT service_id, ${hourOf("enqueued_at")} AS h, count(*) AS segments, avg(wait_ms) AS wait_avg,
           count(wait_met) AS wj, total(wait_met) AS wm, count(service_met) AS sj, total(service_met) AS sm
         FROM service_log WHERE ${where.sql} GROUP BY service_id, h ORDER BY service_id, h`,
      )
      .all(...where.params)
      .map((r) => ({
        serviceId: r.service_id,
        hour: r.h,
        segments: r.segments,
        waitAvgMs: r.wait_avg === null ? null : Math.round(r.wait_avg),
        waitMet: compliance(r.wj, r.wm),
        serviceMet: compliance(r.sj, r.sm),
      }));
  };

  const serviceDesks: ReportQueries["serviceDesks"] = (filter, by) => {
    const column = by === "counter" ? "counter_id" : "officer_id";
    const where = whereOf(filter);
    const rows = db
      .prepare<(string | number)[], AggRow & { service_id: string }>(
        `SELECT service_id, ${column} AS k, ${AGGREGATES} FROM service_log WHERE ${where.sql}
         GROUP BY service_id, k ORDER BY service_id, k`,
      )
      .all(...where.params);
    const none = new Map<string | null, { p50: number | null; p90: number | null }>();
    return rows.map((r) => ({ ...toSummary(r, null, none, none), serviceId: r.service_id }));
  };

  // ---- ticket log -------------------------------------------------------

  interface LogRowDb {
    rid: number;
    ticket_id: string;
    segment_index: number;
    ticket_number: string;
    service_day: string;
    service_id: string;
    priority: string | null;
    counter_id: string | null;
    officer_id: string | null;
    issued_at: number;
    enqueued_at: number;
    called_at: number | null;
    started_at: number | null;
    ended_at: number;
    outcome: SegmentOutcomeName;
    cancel_reason: string | null;
    wait_ms: number | null;
    service_ms: number | null;
    wait_target_ms: number | null;
    service_target_ms: number | null;
    wait_met: 0 | 1 | null;
    service_met: 0 | 1 | null;
    recalls: number;
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

  const stepsOf = db.prepare<[string, number], { step_id: string; ms: number; target_ms: number | null; met: 0 | 1 | null }>(
    "SELECT step_id, ms, target_ms, met FROM step_log WHERE ticket_id = ? AND segment_index = ? ORDER BY step_order",
  );

  const toLogRow = (r: LogRowDb): TicketLogRow => ({
    ticketId: r.ticket_id,
    segmentIndex: r.segment_index,
    ticketNumber: r.ticket_number,
    serviceDay: r.service_day,
    serviceId: r.service_id,
    priority: r.priority,
    counterId: r.counter_id,
    officerId: r.officer_id,
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
    steps: stepsOf.all(r.ticket_id, r.segment_index).map((s) => ({ stepId: s.step_id, ms: s.ms, targetMs: s.target_ms, met: flag(s.met) })),
  });

  const ticketWhere = (q: TicketQuery): { sql: string; params: (string | number)[] } => {
    const where = whereOf(q);
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

  /**
   * One page in keyset order. "time" walks (service_day, ended_at, rowid), the
   * metrics walk (metric, rowid) with segments that have no value (never called,
   * never served) after the others when descending and before them ascending,
   * as SQLite orders NULLs.
   */
  const page = (q: TicketQuery, limit: number, cursor: Cursor | null): { rows: LogRowDb[]; next: Cursor | null } => {
    const sort = q.sort ?? "time";
    const desc = (q.dir ?? "desc") === "desc";
    const cmp = desc ? "<" : ">";
    const dir = desc ? "DESC" : "ASC";
    const base = ticketWhere(q);
    const select = `SELECT rowid AS rid, * FROM service_log`;
    const run = (extra: string, extraParams: (string | number)[], order: string, n: number): LogRowDb[] =>
      db
        .prepare<(string | number)[], LogRowDb>(`${select} WHERE ${base.sql}${extra} ORDER BY ${order} LIMIT ?`)
        .all(...base.params, ...extraParams, n);

    if (sort === "time") {
      const order = `service_day ${dir}, ended_at ${dir}, rowid ${dir}`;
      const rows = cursor
        ? run(` AND (service_day, ended_at, rowid) ${cmp} (?, ?, ?)`, [cursor.v[0] as string, cursor.v[1] as number, cursor.rid], order, limit + 1)
        : run("", [], order, limit + 1);
      const more = rows.length > limit;
      const kept = rows.slice(0, limit);
      const last = kept.at(-1);
      return { rows: kept, next: more && last ? { v: [last.service_day, last.ended_at], rid: last.rid } : null };
    }

    const col = sort === "wait" ? "wait_ms" : "service_ms";
    const valueOf = (r: LogRowDb) => (sort === "wait" ? r.wait_ms : r.service_ms);
    // Two bands: values (ordered by value, rowid) and NULLs (ordered by rowid).
    const valuesBand = (after: Cursor | null, n: number) =>
      after && after.v[0] !== null && after.v[0] !== undefined
        ? run(` AND ${col} IS NOT NULL AND (${col}, rowid) ${cmp} (?, ?)`, [after.v[0], after.rid], `${col} ${dir}, rowid ${dir}`, n)
        : run(` AND ${col} IS NOT NULL`, [], `${col} ${dir}, rowid ${dir}`, n);
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
      if (rows.length <= limit) rows = rows.concat(valuesBand(inNullBand || cursor === null ? null : cursor, limit + 1 - rows.length));
    }
    const more = rows.length > limit;
    const kept = rows.slice(0, limit);
    const last = kept.at(-1);
    return { rows: kept, next: more && last ? { v: [valueOf(last)], rid: last.rid } : null };
  };

  const clampLimit = (n: number | undefined) => Math.min(1_000, Math.max(1, Math.trunc(n ?? 50)));

  const tickets: ReportQueries["tickets"] = (q) => {
    const cursor = q.cursor ? decodeCursor(q.cursor) : null;
    if (q.cursor && !cursor) throw new RangeError("invalid cursor");
    const { rows, next } = page(q, clampLimit(q.limit), cursor);
    return { rows: rows.map(toLogRow), nextCursor: next ? encodeCursor(next) : null };
  };

  function* iterateTickets(q: Omit<TicketQuery, "limit" | "cursor">, pageSize = 2_000): Generator<TicketLogRow[], void, undefined> {
    let cursor: Cursor | null = null;
    for (;;) {
      const { rows, next } = page(q, pageSize, cursor);
      if (rows.length > 0) yield rows.map(toLogRow);
      if (!next) return;
      cursor = next;
    }
  }

  const dataRange: ReportQueries["dataRange"] = () => {
    const r = db
      .prepare<[], { from: string | null; to: string | null }>("SELECT min(service_day) AS \"from\", max(service_day) AS \"to\" FROM service_log")
      .get();
    return r?.from && r.to ? { from: r.from, to: r.to } : null;
  };

  return {
    dataRange,
    summary,
    steps,
    heatmap,
    serviceHours,
    serviceDesks,
    tickets,
    iterateTickets,
    counterIds: () => db.prepare<[], { id: string }>("SELECT id FROM counters ORDER BY id").all().map((r) => r.id),
    people: () =>
      db
        .prepare<[], { id: string; display_name: string; role: string }>("SELECT id, display_name, role FROM users ORDER BY display_name")
        .all()
        .map((r) => ({ id: r.id, displayName: r.display_name, role: r.role })),
  };
}

function emptySummary(key: string | null): SummaryRow {
  return {
    key,
    issued: null,
    segments: 0,
    served: 0,
    outcomes: { selesai: 0, berkas_tidak_lengkap: 0, dirujuk: 0, transferred: 0, no_show: 0, cancelled: 0 },
    wait: { n: 0, avgMs: null, p50Ms: null, p90Ms: null },
    service: { n: 0, avgMs: null, p50Ms: null, p90Ms: null },
    waitMet: compliance(0, 0),
    serviceMet: compliance(0, 0),
    waitTargetMs: null,
    serviceTargetMs: null,
  };
}
