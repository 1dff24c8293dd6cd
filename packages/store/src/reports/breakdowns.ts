/**
 * Where in the week and in the day targets are missed (weekday x hour, and
 * service x hour), and which counters and officers of a service miss them:
 * the breakdowns behind the heatmap and the compliance report's weak spots.
 */
import type Database from "better-sqlite3";
import type { HeatCell, SummaryRow } from "@layan/protocol";
import { addAgg, compliance, ROLLUP_AGGREGATES, toSummary, zeroAgg, type AggRow } from "./aggregates";
import { whereOf, type ReportFilter } from "./filter";
import type { LocalTimeSql } from "./local-time";
import { sourceFor, TABLES } from "./sources";
import { compareIds, readWords } from "../read-models";

export interface HeatQueries {
  heatmap(filter: ReportFilter): HeatCell[];
  /** Per service and office-local hour (0-23): the hours a service misses its targets. */
  serviceHours(filter: ReportFilter): (Omit<HeatCell, "weekday"> & { serviceId: string })[];
  /** Per service and counter, and per service and officer (no percentiles). */
  serviceDesks(filter: ReportFilter): {
    counters: (SummaryRow & { serviceId: string })[];
    officers: (SummaryRow & { serviceId: string })[];
  };
}

export function createHeatQueries(db: Database.Database, time: LocalTimeSql): HeatQueries {
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
    const source = sourceFor(filter, "heat", time);
    // The log holds the ids' codes (migration 0013), the hourly rollup the ids.
    const words = source === "log" ? readWords(db) : null;
    const where = whereOf(filter, "", "segment", words);
    const wd = source === "hours" ? time.weekdayOfEpochHour("epoch_hour") : time.weekdayOf("enqueued_at");
    const h = source === "hours" ? time.hourOfEpochHour("epoch_hour") : time.hourOf("enqueued_at");
    const measures =
      source === "hours"
        ? "sum(segments) AS segments, sum(wait_n) AS wait_n, sum(wait_sum) AS wait_sum, sum(wait_judged) AS wj, sum(wait_met) AS wm, sum(service_judged) AS sj, sum(service_met) AS sm"
        : "count(*) AS segments, count(wait_ms) AS wait_n, coalesce(sum(wait_ms), 0) AS wait_sum, count(wait_met) AS wj, coalesce(sum(wait_met), 0) AS wm, count(service_met) AS sj, coalesce(sum(service_met), 0) AS sm";
    const sid = perService ? "service_id" : "''";
    // sid is a service's code when the rows come from the log.
    const rows = db
      .prepare<(string | number)[], Omit<HeatRow, "sid"> & { sid: string | number }>(
        `SELECT ${sid} AS sid, ${perService ? "NULL" : wd} AS wd, ${h} AS h, ${measures}
         FROM ${TABLES[source]} WHERE ${where.sql} GROUP BY sid, wd, h ORDER BY sid, wd, h`,
      )
      .all(...where.params);
    if (!words || !perService) return rows.map((r) => ({ ...r, sid: String(r.sid) }));
    // Stable: within a service the rows keep their (wd, h) order.
    return rows
      .map((r) => ({ ...r, sid: words.word(Number(r.sid)) }))
      .sort((a, b) => compareIds(a.sid, b.sid));
  };

  const heatCell = (r: HeatRow) => ({
    hour: r.h,
    segments: r.segments,
    waitAvgMs: r.wait_n === 0 ? null : Math.round(r.wait_sum / r.wait_n),
    waitMet: compliance(r.wj, r.wm),
    serviceMet: compliance(r.sj, r.sm),
  });

  const heatmap: HeatQueries["heatmap"] = (filter) =>
    heatRows(filter, false).map((r) => ({ weekday: r.wd, ...heatCell(r) }));

  const serviceHours: HeatQueries["serviceHours"] = (filter) =>
    heatRows(filter, true).map((r) => ({ serviceId: r.sid, ...heatCell(r) }));

  /** Both per-service breakdowns from one read of the desk rollup, summed up here. */
  const serviceDesks: HeatQueries["serviceDesks"] = (filter) => {
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

  return { heatmap, serviceHours, serviceDesks };
}
