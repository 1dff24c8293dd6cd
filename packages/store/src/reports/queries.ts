/**
 * Report queries over the service log (one row per ticket service segment) and
 * the step log (one row per ticked SOP step). The caller passes the database
 * and the office's UTC offset.
 *
 * Where the figures come from: counts, sums and verdicts from the rollups of
 * migration 0005 (sums of log rows kept by triggers, checked against the log at
 * start-up, see rollups.ts); percentiles from the times themselves (an
 * index-only read of the range); the ticket log from service_log. Filters by
 * counter or officer combined with hours fall back to service_log itself.
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
import { matchesNothing, narrowsByDesk, whereOf, type ReportFilter } from "./filter";
import { percentileOfSorted } from "./percentile";
import { verifyRollups, type RollupCheck } from "./rollups";
import { createTicketLog } from "./ticket-log";

export type SegmentOutcomeName =
  "selesai" | "berkas_tidak_lengkap" | "dirujuk" | "transferred" | "no_show" | "cancelled";

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
  /** Only with `percentiles: true`. */
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
  /** Check the rollups against the log now (default true); see rollups.ts. */
  verify?: boolean;
  onVerified?: (check: RollupCheck) => void;
}

export interface ReportQueries {
  /** First and last service day with a finished segment, or null for an empty log. */
  dataRange(): { from: string; to: string } | null;
  /** One row per group (for "all", the one total row). */
  summary(
    filter: ReportFilter,
    groupBy: GroupBy,
    opts?: { agencyOf?: ReadonlyMap<string, string> },
  ): SummaryRow[];
  /** The groups and their total from the same reads (the total's percentiles are over all the groups' times). */
  summaryWithTotal(
    filter: ReportFilter,
    groupBy: Exclude<GroupBy, "all">,
    opts?: { agencyOf?: ReadonlyMap<string, string> },
  ): { rows: SummaryRow[]; total: SummaryRow };
  /** Per service and SOP step; p50/p90 only when asked for (they read every tick of the range). */
  steps(filter: ReportFilter, opts?: { percentiles?: boolean }): StepRow[];
  heatmap(filter: ReportFilter): HeatCell[];
  /** Per service and office-local hour (0-23): the hours a service misses its targets. */
  serviceHours(filter: ReportFilter): (Omit<HeatCell, "weekday"> & { serviceId: string })[];
  /** Per service and counter, and per service and officer (no percentiles). */
  serviceDesks(filter: ReportFilter): {
    counters: (SummaryRow & { serviceId: string })[];
    officers: (SummaryRow & { serviceId: string })[];
  };
  tickets(query: TicketQuery): TicketPage;
  /** Every matching row in the query's order, read page by page (for CSV export). */
  iterateTickets(
    query: Omit<TicketQuery, "limit" | "cursor">,
    pageSize?: number,
  ): Generator<TicketLogRow[], void, undefined>;
  /** Counter ids that appear in the counters read model (every counter that ever had an event). */
  counterIds(): string[];
  /** Users who can appear as officers in the log, with their names. */
  people(): { id: string; displayName: string; role: string }[];
  /** Compares the rollups with the log and refills them if they differ (also done at creation). */
  verifyRollups(): RollupCheck;
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

/** The same columns as AGGREGATES, from a rollup table's sums. */
const ROLLUP_AGGREGATES = `sum(segments) AS segments,
  sum(selesai + berkas_tidak_lengkap + dirujuk) AS served,
  sum(selesai) AS selesai,
  sum(berkas_tidak_lengkap) AS berkas_tidak_lengkap,
  sum(dirujuk) AS dirujuk,
  sum(transferred) AS transferred,
  sum(no_show) AS no_show,
  sum(cancelled) AS cancelled,
  sum(wait_n) AS wait_n, sum(wait_sum) * 1.0 / nullif(sum(wait_n), 0) AS wait_avg,
  sum(service_n) AS service_n, sum(service_sum) * 1.0 / nullif(sum(service_n), 0) AS service_avg,
  sum(wait_judged) AS wait_judged, sum(wait_met) AS wait_met,
  sum(service_judged) AS service_judged, sum(service_met) AS service_met,
  min(wait_target_min) AS wait_target_min, max(wait_target_max) AS wait_target_max,
  min(service_target_min) AS service_target_min, max(service_target_max) AS service_target_max`;

export function compliance(judged: number, met: number): Compliance {
  return { judged, met, pct: judged === 0 ? null : Math.round((met / judged) * 1000) / 10 };
}

const keyString = (k: string | number | null): string | null => (k === null ? null : String(k));

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
  const offsetMinutes = Math.trunc(options.utcOffsetMinutes);
  const off = offsetMinutes * 60_000;
  // Whole-hour offsets (all of Indonesia) can use the hourly rollup; others read the log.
  const offHours = offsetMinutes % 60 === 0 ? offsetMinutes / 60 : null;
  // Integer arithmetic on epoch ms: 1970-01-01 was a Thursday (3 with Monday = 0).
  const hourOf = (col: string) => `((${col} + ${off}) / ${HOUR_MS}) % 24`;
  const weekdayOf = (col: string) => `((${col} + ${off}) / ${DAY_MS} + 3) % 7`;
  const hourOfEpochHour = (col: string) => `((${col} + ${offHours ?? 0}) % 24)`;
  const weekdayOfEpochHour = (col: string) => `(((${col} + ${offHours ?? 0}) / 24 + 3) % 7)`;
  const ticketLog = createTicketLog(db);

  if (options.verify !== false) {
    const check = verifyRollups(db);
    options.onVerified?.(check);
  }

  type Source = "hours" | "desks" | "log";
  /**
   * Which table answers a grouping under a filter: the hourly rollup has no
   * counter or officer, the desk rollup no hour; what neither has reads the log.
   */
  const sourceFor = (filter: ReportFilter, groupBy: GroupBy | "heat"): Source => {
    const desk = narrowsByDesk(filter);
    const hourly = groupBy === "hour" || groupBy === "weekday" || groupBy === "heat";
    if (hourly) return desk || offHours === null ? "log" : "hours";
    if (desk || groupBy === "counter" || groupBy === "officer") return "desks";
    return "hours";
  };

  const TABLES: Record<Source, string> = {
    hours: "report_service_hours",
    desks: "report_service_desks",
    log: "service_log",
  };

  /** The group key as SQL for a source; counters and officers come back NULL when the segment had none. */
  const keyExpr = (
    groupBy: GroupBy,
    source: Source,
    agencyOf: ReadonlyMap<string, string> | undefined,
  ): { sql: string; params: string[] } => {
    switch (groupBy) {
      case "all":
        return { sql: "NULL", params: [] };
      case "service":
        return { sql: "service_id", params: [] };
      case "counter":
        return { sql: source === "log" ? "counter_id" : "nullif(counter_id, '')", params: [] };
      case "officer":
        return { sql: source === "log" ? "officer_id" : "nullif(officer_id, '')", params: [] };
      case "day":
        return { sql: "service_day", params: [] };
      case "hour":
        return {
          sql: source === "hours" ? hourOfEpochHour("epoch_hour") : hourOf("enqueued_at"),
          params: [],
        };
      case "weekday":
        return {
          sql: source === "hours" ? weekdayOfEpochHour("epoch_hour") : weekdayOf("enqueued_at"),
          params: [],
        };
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

  /** Tickets issued per group, from the issued rollup (open tickets of today included). */
  const issuedBy = (
    filter: ReportFilter,
    groupBy: GroupBy,
    agencyOf: ReadonlyMap<string, string> | undefined,
  ): Map<string | null, number> | null => {
    if (narrowsByDesk(filter) || !["all", "service", "day", "agency"].includes(groupBy)) return null;
    const key = keyExpr(groupBy, "hours", agencyOf);
    const where = whereOf(filter, "", "step");
    const rows = db
      .prepare<(string | number)[], { k: string | null; n: number }>(
        `SELECT ${key.sql} AS k, sum(issued) AS n FROM report_issued WHERE ${where.sql} GROUP BY k`,
      )
      .all(...key.params, ...where.params);
    return new Map(rows.map((r) => [keyString(r.k), r.n]));
  };

  const aggregate = (
    filter: ReportFilter,
    source: Source,
    key: { sql: string; params: string[] },
  ): AggRow[] => {
    const where = whereOf(filter);
    const measures = source === "log" ? AGGREGATES : ROLLUP_AGGREGATES;
    return db
      .prepare<(string | number)[], AggRow>(
        `SELECT ${key.sql} AS k, ${measures} FROM ${TABLES[source]} WHERE ${where.sql} GROUP BY k ORDER BY k`,
      )
      .all(...key.params, ...where.params);
  };

  /**
   * The wait and service times per group, sorted. One index-only pass over the
   * range (service_log_times): SQLite concatenates each group's times, V8
   * parses them as one JSON array and sorts a Float64Array. Measured on a month
   * of a million-ticket log, several times quicker than row-by-row reads or
   * window functions.
   */
  const sortedTimes = (
    filter: ReportFilter,
    groupBy: GroupBy,
    agencyOf: ReadonlyMap<string, string> | undefined,
  ) => {
    if (matchesNothing(filter))
      return new Map<string | null, { wait: Float64Array; service: Float64Array }>();
    const key = keyExpr(groupBy, "log", agencyOf);
    const where = whereOf(filter);
    const rows = db
      .prepare<(string | number)[], [string | number | null, string | null, string | null]>(
        // The planner prefers service_log_service_day (and a table read per row) unless told;
        // a counter or officer filter is narrow enough for its own index.
        `SELECT ${key.sql} AS k, group_concat(wait_ms), group_concat(service_ms)
         FROM service_log ${narrowsByDesk(filter) ? "" : "INDEXED BY service_log_times"}
         WHERE ${where.sql} AND (wait_ms IS NOT NULL OR service_ms IS NOT NULL) GROUP BY k`,
      )
      .raw()
      .all(...key.params, ...where.params);
    const parse = (list: string | null) =>
      list === null ? new Float64Array(0) : Float64Array.from(JSON.parse(`[${list}]`) as number[]).sort();
    return new Map(
      rows.map(([k, wait, service]) => [keyString(k), { wait: parse(wait), service: parse(service) }]),
    );
  };

  const stats = (n: number, avg: number | null, sorted: Float64Array | undefined): TimeStats => ({
    n,
    avgMs: avg === null ? null : Math.round(avg),
    p50Ms: sorted ? percentileOfSorted(sorted, 50) : null,
    p90Ms: sorted ? percentileOfSorted(sorted, 90) : null,
  });

  const toSummary = (
    r: AggRow,
    issued: Map<string | null, number> | null,
    times: { wait: Float64Array; service: Float64Array } | undefined,
  ): SummaryRow => ({
    key: keyString(r.k),
    issued: issued ? (issued.get(keyString(r.k)) ?? 0) : null,
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
    wait: stats(r.wait_n, r.wait_avg, times?.wait),
    service: stats(r.service_n, r.service_avg, times?.service),
    waitMet: compliance(r.wait_judged, r.wait_met),
    serviceMet: compliance(r.service_judged, r.service_met),
    waitTargetMs:
      r.wait_target_min === null || r.wait_target_max === null
        ? null
        : { min: r.wait_target_min, max: r.wait_target_max },
    serviceTargetMs:
      r.service_target_min === null || r.service_target_max === null
        ? null
        : { min: r.service_target_min, max: r.service_target_max },
  });

  const summaryWithTotal: ReportQueries["summaryWithTotal"] = (filter, groupBy, opts = {}) => {
    const source = sourceFor(filter, groupBy);
    const rows = aggregate(filter, source, keyExpr(groupBy, source, opts.agencyOf));
    const issued = issuedBy(filter, groupBy, opts.agencyOf);
    const times = sortedTimes(filter, groupBy, opts.agencyOf);
    const out = rows.map((r) => toSummary(r, issued, times.get(keyString(r.k))));
    // Tickets issued in a group that has no finished segment yet (this morning's queue).
    if (issued) {
      const seen = new Set(out.map((r) => r.key));
      for (const [key, n] of issued) {
        if (!seen.has(key)) out.push({ ...emptySummary(key), issued: n });
      }
    }
    // The total from the same reads: sums of the groups, percentiles of all times merged.
    const total = emptySummary(null);
    const allTimes = {
      wait: mergeSorted([...times.values()].map((t) => t.wait)),
      service: mergeSorted([...times.values()].map((t) => t.service)),
    };
    const totalRow = rows.reduce<AggRow>((acc, r) => addAgg(acc, r), zeroAgg());
    Object.assign(total, toSummary(totalRow, null, allTimes), {
      key: null,
      issued: issued ? [...issued.values()].reduce((a, b) => a + b, 0) : null,
    });
    return { rows: out, total };
  };

  const summary: ReportQueries["summary"] = (filter, groupBy, opts = {}) => {
    if (groupBy === "all") return [summaryWithTotal(filter, "service", opts).total];
    return summaryWithTotal(filter, groupBy, opts).rows;
  };

  const steps: ReportQueries["steps"] = (filter, opts = {}) => {
    const desk = narrowsByDesk(filter);
    let agg: {
      service_id: string;
      step_id: string;
      n: number;
      ms_sum: number;
      target: number | null;
      judged: number;
      met: number;
      over: number;
      order_sum: number;
    }[];
    // With a counter or officer filter the steps come through their segment (service_log has the desk).
    const where = desk ? whereOf(filter, "s") : whereOf(filter, "t", "step");
    const from = desk
      ? "step_log AS t JOIN service_log AS s ON s.ticket_id = t.ticket_id AND s.segment_index = t.segment_index"
      : "step_log AS t";
    if (desk) {
      agg = db
        .prepare<(string | number)[], (typeof agg)[number]>(
          `SELECT t.service_id, t.step_id, count(*) AS n, sum(t.ms) AS ms_sum, max(t.target_ms) AS target,
             count(t.met) AS judged, coalesce(sum(t.met), 0) AS met, coalesce(sum(max(t.ms - t.target_ms, 0)), 0) AS over,
             sum(t.step_order) AS order_sum
           FROM ${from} WHERE ${where.sql} GROUP BY t.service_id, t.step_id`,
        )
        .all(...where.params);
    } else {
      const w = whereOf(filter, "", "step");
      agg = db
        .prepare<(string | number)[], (typeof agg)[number]>(
          `SELECT service_id, step_id, sum(n) AS n, sum(ms_sum) AS ms_sum, max(target_max) AS target, sum(judged) AS judged,
             sum(met) AS met, sum(over_sum) AS over, sum(order_sum) AS order_sum
           FROM report_steps WHERE ${w.sql} GROUP BY service_id, step_id`,
        )
        .all(...w.params);
    }
    let times = new Map<string, Float64Array>();
    if (opts.percentiles && !matchesNothing(filter)) {
      const rows = db
        .prepare<(string | number)[], [string, string, string]>(
          `SELECT t.service_id, t.step_id, group_concat(t.ms) FROM ${desk ? from : "step_log AS t INDEXED BY step_log_times"}
           WHERE ${where.sql}${desk ? "" : " AND t.step_order >= 0"} GROUP BY t.service_id, t.step_id`,
        )
        .raw()
        .all(...where.params);
      times = new Map(
        rows.map(([service, step, list]) => [
          `${service}\u0000${step}`,
          Float64Array.from(JSON.parse(`[${list}]`) as number[]).sort(),
        ]),
      );
    }
    return agg
      .map((r) => {
        const sorted = times.get(`${r.service_id}\u0000${r.step_id}`);
        return {
          serviceId: r.service_id,
          stepId: r.step_id,
          n: r.n,
          avgMs: Math.round(r.ms_sum / r.n),
          p50Ms: sorted ? percentileOfSorted(sorted, 50) : null,
          p90Ms: sorted ? percentileOfSorted(sorted, 90) : null,
          targetMs: r.target,
          met: compliance(r.judged, r.met),
          overTargetMs: r.over,
          avgOrder: r.order_sum / r.n,
        };
      })
      .sort((a, b) =>
        a.serviceId < b.serviceId ? -1 : a.serviceId > b.serviceId ? 1 : a.avgOrder - b.avgOrder,
      );
  };

  interface HeatRow {
    sid: string;
    wd: number;
    h: number;
    segments: number;
    wait_n: number;
    wait_sum: number;
    wj: number;
    wm: number;
    sj: number;
    sm: number;
  }

  /** Segments per (service,) weekday and hour; the hourly rollup unless a desk filter needs the log. */
  const heatRows = (filter: ReportFilter, perService: boolean): HeatRow[] => {
    const source = sourceFor(filter, "heat");
    const where = whereOf(filter);
    const wd = source === "hours" ? weekdayOfEpochHour("epoch_hour") : weekdayOf("enqueued_at");
    const h = source === "hours" ? hourOfEpochHour("epoch_hour") : hourOf("enqueued_at");
    const measures =
      source === "hours"
        ? "sum(segments) AS segments, sum(wait_n) AS wait_n, sum(wait_sum) AS wait_sum, sum(wait_judged) AS wj, sum(wait_met) AS wm, sum(service_judged) AS sj, sum(service_met) AS sm"
        : "count(*) AS segments, count(wait_ms) AS wait_n, coalesce(sum(wait_ms), 0) AS wait_sum, count(wait_met) AS wj, coalesce(sum(wait_met), 0) AS wm, count(service_met) AS sj, coalesce(sum(service_met), 0) AS sm";
    const sid = perService ? "service_id" : "''";
    return db
      .prepare<(string | number)[], HeatRow>(
        `SELECT ${sid} AS sid, ${perService ? "NULL" : wd} AS wd, ${h} AS h, ${measures}
         FROM ${TABLES[source]} WHERE ${where.sql} GROUP BY sid, wd, h ORDER BY sid, wd, h`,
      )
      .all(...where.params);
  };

  const heatCell = (r: HeatRow) => ({
    hour: r.h,
    segments: r.segments,
    waitAvgMs: r.wait_n === 0 ? null : Math.round(r.wait_sum / r.wait_n),
    waitMet: compliance(r.wj, r.wm),
    serviceMet: compliance(r.sj, r.sm),
  });

  const heatmap: ReportQueries["heatmap"] = (filter) =>
    heatRows(filter, false).map((r) => ({ weekday: r.wd, ...heatCell(r) }));

  const serviceHours: ReportQueries["serviceHours"] = (filter) =>
    heatRows(filter, true).map((r) => ({ serviceId: r.sid, ...heatCell(r) }));

  /** Both per-service breakdowns from one read of the desk rollup, summed up here. */
  const serviceDesks: ReportQueries["serviceDesks"] = (filter) => {
    const where = whereOf(filter);
    const rows = db
      .prepare<
        (string | number)[],
        AggRow & { service_id: string; counter: string | null; officer: string | null }
      >(
        `SELECT service_id, nullif(counter_id, '') AS counter, nullif(officer_id, '') AS officer, NULL AS k, ${ROLLUP_AGGREGATES}
         FROM report_service_desks WHERE ${where.sql} GROUP BY service_id, counter_id, officer_id`,
      )
      .all(...where.params);
    const fold = (pick: (r: (typeof rows)[number]) => string | null) => {
      const groups = new Map<string, { serviceId: string; key: string | null; agg: AggRow }>();
      for (const r of rows) {
        const key = pick(r);
        const id = `${r.service_id}\u0000${key ?? ""}`;
        const g = groups.get(id) ?? { serviceId: r.service_id, key, agg: zeroAgg() };
        g.agg = addAgg(g.agg, r);
        groups.set(id, g);
      }
      return [...groups.values()]
        .sort((a, b) =>
          a.serviceId < b.serviceId
            ? -1
            : a.serviceId > b.serviceId
              ? 1
              : (a.key ?? "") < (b.key ?? "")
                ? -1
                : 1,
        )
        .map((g) => ({ ...toSummary({ ...g.agg, k: g.key }, null, undefined), serviceId: g.serviceId }));
    };
    return { counters: fold((r) => r.counter), officers: fold((r) => r.officer) };
  };

  const dataRange: ReportQueries["dataRange"] = () => {
    const r = db
      .prepare<[], { from: string | null; to: string | null }>(
        'SELECT min(service_day) AS "from", max(service_day) AS "to" FROM service_log',
      )
      .get();
    return r?.from && r.to ? { from: r.from, to: r.to } : null;
  };

  return {
    dataRange,
    summary,
    summaryWithTotal,
    steps,
    heatmap,
    serviceHours,
    serviceDesks,
    tickets: ticketLog.tickets,
    iterateTickets: ticketLog.iterateTickets,
    verifyRollups: () => verifyRollups(db),
    counterIds: () =>
      db
        .prepare<[], { id: string }>("SELECT id FROM counters ORDER BY id")
        .all()
        .map((r) => r.id),
    people: () =>
      db
        .prepare<[], { id: string; display_name: string; role: string }>(
          "SELECT id, display_name, role FROM users ORDER BY display_name",
        )
        .all()
        .map((r) => ({ id: r.id, displayName: r.display_name, role: r.role })),
  };
}

/** Sorted arrays merged into one sorted array. */
function mergeSorted(parts: Float64Array[]): Float64Array {
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Float64Array(total);
  let i = 0;
  for (const p of parts) {
    out.set(p, i);
    i += p.length;
  }
  return out.sort();
}

function zeroAgg(): AggRow {
  return {
    k: null,
    segments: 0,
    served: 0,
    selesai: 0,
    berkas_tidak_lengkap: 0,
    dirujuk: 0,
    transferred: 0,
    no_show: 0,
    cancelled: 0,
    wait_n: 0,
    wait_avg: null,
    service_n: 0,
    service_avg: null,
    wait_judged: 0,
    wait_met: 0,
    service_judged: 0,
    service_met: 0,
    wait_target_min: null,
    wait_target_max: null,
    service_target_min: null,
    service_target_max: null,
  };
}

const weightedAvg = (a: number | null, an: number, b: number | null, bn: number) =>
  an + bn === 0 ? null : ((a ?? 0) * an + (b ?? 0) * bn) / (an + bn);
const minOf = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.min(a, b));
const maxOf = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.max(a, b));

function addAgg(a: AggRow, b: AggRow): AggRow {
  return {
    k: null,
    segments: a.segments + b.segments,
    served: a.served + b.served,
    selesai: a.selesai + b.selesai,
    berkas_tidak_lengkap: a.berkas_tidak_lengkap + b.berkas_tidak_lengkap,
    dirujuk: a.dirujuk + b.dirujuk,
    transferred: a.transferred + b.transferred,
    no_show: a.no_show + b.no_show,
    cancelled: a.cancelled + b.cancelled,
    wait_n: a.wait_n + b.wait_n,
    wait_avg: weightedAvg(a.wait_avg, a.wait_n, b.wait_avg, b.wait_n),
    service_n: a.service_n + b.service_n,
    service_avg: weightedAvg(a.service_avg, a.service_n, b.service_avg, b.service_n),
    wait_judged: a.wait_judged + b.wait_judged,
    wait_met: a.wait_met + b.wait_met,
    service_judged: a.service_judged + b.service_judged,
    service_met: a.service_met + b.service_met,
    wait_target_min: minOf(a.wait_target_min, b.wait_target_min),
    wait_target_max: maxOf(a.wait_target_max, b.wait_target_max),
    service_target_min: minOf(a.service_target_min, b.service_target_min),
    service_target_max: maxOf(a.service_target_max, b.service_target_max),
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
