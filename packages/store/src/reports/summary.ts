/**
 * Summaries: counts, sums and verdicts per group from the rollups (or the log
 * where a rollup cannot answer), percentiles from the times themselves in one
 * index-only pass, and the total from the same reads.
 */
import type Database from "better-sqlite3";
import type { GroupBy, SummaryRow } from "@layan/protocol";
import {
  addAgg,
  AGGREGATES,
  emptySummary,
  keyString,
  mergeSorted,
  ROLLUP_AGGREGATES,
  toSummary,
  zeroAgg,
  type AggRow,
} from "./aggregates";
import { matchesNothing, narrowsByDesk, whereOf, type ReportFilter } from "./filter";
import type { LocalTimeSql } from "./local-time";
import { sourceFor, TABLES, type Source } from "./sources";
import { compareIds, dayText, readWords, type Words } from "../read-models";

export interface SummaryQueries {
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
}

/** Group keys that are ids: the log holds their codes (migration 0013). */
const ID_KEYS: ReadonlySet<GroupBy> = new Set(["service", "counter", "officer"]);

export function createSummaryQueries(db: Database.Database, time: LocalTimeSql): SummaryQueries {
  /** The group key as SQL for a source; counters and officers come back NULL when the segment had none. */
  const keyExpr = (
    groupBy: GroupBy,
    source: Source,
    agencyOf: ReadonlyMap<string, string> | undefined,
    words: Words | null = null,
  ): { sql: string; params: (string | number)[] } => {
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
          sql: source === "hours" ? time.hourOfEpochHour("epoch_hour") : time.hourOf("enqueued_at"),
          params: [],
        };
      case "weekday":
        return {
          sql: source === "hours" ? time.weekdayOfEpochHour("epoch_hour") : time.weekdayOf("enqueued_at"),
          params: [],
        };
      case "agency": {
        const entries = [...(agencyOf ?? new Map<string, string>())];
        if (entries.length === 0) return { sql: "NULL", params: [] };
        return {
          sql: `CASE service_id ${entries.map(() => "WHEN ? THEN ?").join(" ")} ELSE NULL END`,
          // The log holds the services' codes (migration 0013).
          params: entries.flatMap(([service, agency]) => [words ? words.code(service) : service, agency]),
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
    groupBy: GroupBy,
    agencyOf: ReadonlyMap<string, string> | undefined,
  ): AggRow[] => {
    const words = source === "log" ? readWords(db) : null;
    const key = keyExpr(groupBy, source, agencyOf, words);
    const where = whereOf(filter, "", "segment", words);
    const measures = source === "log" ? AGGREGATES : ROLLUP_AGGREGATES;
    const rows = db
      .prepare<(string | number)[], AggRow>(
        `SELECT ${key.sql} AS k, ${measures} FROM ${TABLES[source]} WHERE ${where.sql} GROUP BY k ORDER BY k`,
      )
      .all(...key.params, ...where.params);
    // The log holds day numbers (migration 0015): the day's text, in the same order.
    if (words && groupBy === "day") return rows.map((r) => ({ ...r, k: r.k === null ? null : dayText(r.k as number) }));
    if (!words || !ID_KEYS.has(groupBy)) return rows;
    // Codes back to ids, in the ids' order (the codes' is the order of first use).
    return rows
      .map((r) => ({ ...r, k: words.wordOrNull(r.k as number | null) }))
      .sort((a, b) => compareIds(a.k, b.k));
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
    const words = readWords(db);
    const key = keyExpr(groupBy, "log", agencyOf, words);
    const where = whereOf(filter, "", "segment", words);
    const decode = ID_KEYS.has(groupBy);
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
      rows.map(([k, wait, service]) => [
        keyString(
          decode ? words.wordOrNull(k as number | null) : groupBy === "day" && k !== null ? dayText(k as number) : k,
        ),
        { wait: parse(wait), service: parse(service) },
      ]),
    );
  };

  const summaryWithTotal: SummaryQueries["summaryWithTotal"] = (filter, groupBy, opts = {}) => {
    const source = sourceFor(filter, groupBy, time);
    const rows = aggregate(filter, source, groupBy, opts.agencyOf);
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

  const summary: SummaryQueries["summary"] = (filter, groupBy, opts = {}) => {
    if (groupBy === "all") return [summaryWithTotal(filter, "service", opts).total];
    return summaryWithTotal(filter, groupBy, opts).rows;
  };

  return { summary, summaryWithTotal };
}
