/**
 * Report queries over the feedback read models: survey sums per group, from
 * the day rollups of migration 0008 (the IKM arithmetic is @layan/core's, on
 * these sums), respondent profile counts, and the complaints of a
 * range (few enough per office that working-day response times are
 * computed in the hub, with the office calendar).
 */
import type Database from "better-sqlite3";
import type { ComplaintRow } from "../feedback";
import type { ReportFilter } from "./filter";
import { readWords } from "../read-models";
import { matchesNothing, whereOf } from "./filter";
import { percentileOfSorted } from "./percentile";

export type SurveyGroupBy = "all" | "service" | "counter" | "month";

const UNSUR_COLUMNS = ["persyaratan", "prosedur", "waktu", "biaya", "produk", "kompetensi", "perilaku", "sarana", "pengaduan"] as const;

export interface SurveySums {
  key: string | null;
  respondents: number;
  /** Sum of the scores per unsur column, in UNSUR_COLUMNS order. */
  sums: Record<(typeof UNSUR_COLUMNS)[number], number>;
}

export interface ServedCount {
  key: string | null;
  served: number;
}

/** Waits of the segments that were called, for one priority kind (null: regular tickets). */
export interface PriorityWait {
  priority: string | null;
  /** Segments called (they have a wait and a verdict). */
  judged: number;
  met: number;
  /** Nearest-rank p50 and p90 of the waits, ms. */
  medianMs: number | null;
  p90Ms: number | null;
}

export interface FeedbackReportQueries {
  /** Waits per priority kind (lansia, disabilitas, ibu hamil) and for regular tickets: evidence of service for vulnerable groups. */
  /** `lane`: regular (null) against every priority kind together ("prioritas"). */
  priorityWaits(filter: ReportFilter, by?: "kind" | "lane"): PriorityWait[];
  surveySums(filter: ReportFilter, by: SurveyGroupBy): SurveySums[];
  /** Segments served (selesai, berkas tidak lengkap, dirujuk) in the same cut: the survey's population. */
  servedCounts(filter: ReportFilter, by: SurveyGroupBy): ServedCount[];
  /** Respondent profiles of the range, counted per field value (counts stay when the profiles are deleted). */
  profileCounts(filter: ReportFilter): { field: string; value: string; count: number }[];
  latestSuggestions(filter: ReportFilter, limit: number): { at: number; serviceId: string; text: string }[];
  /** Complaints filed in the range (the filter's services; counters and officers do not apply). */
  complaintsFiled(filter: ReportFilter): ComplaintRow[];
}

function keyExpr(by: SurveyGroupBy): string {
  switch (by) {
    case "all":
      return "NULL";
    case "service":
      return "service_id";
    case "counter":
      // The rollups write '' for "no counter" (a primary key column cannot be NULL).
      return "nullif(counter_id, '')";
    case "month":
      return "substr(service_day, 1, 7)";
  }
}

/** The survey table has no officer column: an officer filter leaves it out, the report says so. */
const withoutOfficers = (f: ReportFilter): ReportFilter => ({ ...f, officerIds: null });

export function createFeedbackReportQueries(db: Database.Database): FeedbackReportQueries {
  return {
    priorityWaits: (filter, by = "kind") => {
      if (matchesNothing(filter)) return [];
      // service_log holds the ids' codes (migration 0013).
      const where = whereOf(filter, "", "segment", readWords(db));
      const key = by === "kind" ? "priority" : "CASE WHEN priority IS NULL THEN NULL ELSE 'prioritas' END";
      const rows = db
        .prepare<(string | number)[], { priority: string | null; waits: string; judged: number; met: number }>(
          `SELECT ${key} AS priority, group_concat(wait_ms) AS waits, count(*) AS judged, sum(wait_met) AS met
           FROM service_log WHERE ${where.sql} AND wait_ms IS NOT NULL GROUP BY 1 ORDER BY 1`,
        )
        .all(...where.params);
      return rows.map((r) => {
        const sorted = Float64Array.from(JSON.parse(`[${r.waits}]`) as number[]).sort();
        return {
          priority: r.priority,
          judged: Number(r.judged),
          met: Number(r.met ?? 0),
          medianMs: percentileOfSorted(sorted, 50),
          p90Ms: percentileOfSorted(sorted, 90),
        };
      });
    },
    surveySums: (filter, by) => {
      const where = whereOf(withoutOfficers(filter));
      const rows = db
        .prepare<(string | number)[], Record<string, number | string | null>>(
          `SELECT ${keyExpr(by)} AS key, sum(respondents) AS respondents, ${UNSUR_COLUMNS.map((c) => `sum(${c}) AS ${c}`).join(", ")}
           FROM report_survey_days WHERE ${where.sql} GROUP BY 1 ORDER BY 1`,
        )
        .all(...where.params);
      return rows.map((r) => ({
        key: r.key === null ? null : String(r.key),
        respondents: Number(r.respondents),
        sums: Object.fromEntries(UNSUR_COLUMNS.map((c) => [c, Number(r[c] ?? 0)])) as SurveySums["sums"],
      }));
    },
    servedCounts: (filter, by) => {
      const where = whereOf(withoutOfficers(filter));
      return db
        .prepare<(string | number)[], { key: string | null; served: number }>(
          `SELECT ${keyExpr(by)} AS key, sum(selesai + berkas_tidak_lengkap + dirujuk) AS served
           FROM report_service_desks WHERE ${where.sql} GROUP BY 1 ORDER BY 1`,
        )
        .all(...where.params)
        .map((r) => ({ key: r.key === null ? null : String(r.key), served: Number(r.served) }));
    },
    profileCounts: (filter) => {
      const where = whereOf(withoutOfficers(filter));
      return db
        .prepare<(string | number)[], { field: string; value: string; count: number }>(
          `SELECT field, value, sum(n) AS count FROM report_survey_profiles
           WHERE ${where.sql} GROUP BY 1, 2 ORDER BY 1, 2`,
        )
        .all(...where.params);
    },
    latestSuggestions: (filter, limit) => {
      const where = whereOf(withoutOfficers(filter));
      return db
        .prepare<(string | number)[], { at: number; serviceId: string; text: string }>(
          `SELECT at, service_id AS serviceId, suggestion AS text FROM survey_responses
           WHERE ${where.sql} AND suggestion IS NOT NULL ORDER BY seq DESC LIMIT ?`,
        )
        .all(...where.params, limit);
    },
    complaintsFiled: (filter) => {
      const parts = ["filed_day BETWEEN ? AND ?"];
      const params: (string | number)[] = [filter.from, filter.to];
      if (filter.serviceIds) {
        if (filter.serviceIds.length === 0) return [];
        parts.push(`service_id IN (${filter.serviceIds.map(() => "?").join(", ")})`);
        params.push(...filter.serviceIds);
      }
      return db
        .prepare<(string | number)[], ComplaintRow>(
          `SELECT * FROM complaints INDEXED BY complaints_day WHERE ${parts.join(" AND ")} ORDER BY filed_seq`,
        )
        .all(...params);
    },
  };
}
