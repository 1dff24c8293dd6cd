/**
 * Per service and SOP step: how long officers took between ticks against the
 * step's target, where the time beyond target went, and (when asked) p50/p90
 * from every tick of the range. With a counter or officer filter the steps
 * come through their segment, since only service_log has the desk.
 */
import type Database from "better-sqlite3";
import type { StepCoverage, StepRow } from "@layan/protocol";
import { compliance } from "./aggregates";
import { matchesNothing, narrowsByDesk, SEGMENT_STEPS, whereOf, type ReportFilter } from "./filter";
import { percentileOfSorted } from "./percentile";
import { readWords } from "../read-models";

export type StepQuery = (filter: ReportFilter, opts?: { percentiles?: boolean }) => StepRow[];

export function createStepQuery(db: Database.Database): StepQuery {
  return (filter, opts = {}) => {
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
    // Both logs hold the ids' codes (migration 0013), report_steps the ids.
    const words = readWords(db);
    const where = desk ? whereOf(filter, "s", "segment", words) : whereOf(filter, "t", "step", words);
    const from = desk
      ? `step_log AS t JOIN service_log AS s ON ${SEGMENT_STEPS}`
      : "step_log AS t";
    if (desk) {
      agg = db
        .prepare<(string | number)[], Omit<(typeof agg)[number], "service_id" | "step_id"> & { service_id: number; step_id: number }>(
          `SELECT t.service_id, t.step_id, count(*) AS n, sum(t.ms) AS ms_sum, max(t.target_ms) AS target,
             count(t.met) AS judged, coalesce(sum(t.met), 0) AS met, coalesce(sum(max(t.ms - t.target_ms, 0)), 0) AS over,
             sum(t.step_order) AS order_sum
           FROM ${from} WHERE ${where.sql} GROUP BY t.service_id, t.step_id`,
        )
        .all(...where.params)
        .map((r) => ({ ...r, service_id: words.word(r.service_id), step_id: words.word(r.step_id) }));
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
        .prepare<(string | number)[], [number, number, string]>(
          `SELECT t.service_id, t.step_id, group_concat(t.ms) FROM ${from}
           WHERE ${where.sql} GROUP BY t.service_id, t.step_id`,
        )
        .raw()
        .all(...where.params);
      times = new Map(
        rows.map(([service, step, list]) => [
          `${words.word(service)}\u0000${words.word(step)}`,
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
}

export type StepCoverageQuery = (filter: ReportFilter) => StepCoverage[];

interface ServedRow {
  service_id: string;
  served: number;
  with_steps: number;
}

/**
 * Per service: served segments with and without recorded steps, and the
 * compliance of the recorded ones (the same ticks as the step rows). Over
 * the day rollups (report_service_hours, report_step_segments: a few hundred
 * rows a month); cut by counter or officer, which only service_log has, one
 * key probe of step_log per served segment of the desk.
 */
export function createStepCoverageQuery(db: Database.Database, steps: StepQuery): StepCoverageQuery {
  const servedByDesk = (filter: ReportFilter): ServedRow[] => {
    const words = readWords(db);
    const where = whereOf(filter, "s", "segment", words);
    return db
      .prepare<(string | number)[], Omit<ServedRow, "service_id"> & { service_id: number }>(
        `SELECT s.service_id, count(*) AS served,
           sum(EXISTS (SELECT 1 FROM step_log AS t WHERE ${SEGMENT_STEPS}))
             AS with_steps
         FROM service_log AS s
         WHERE ${where.sql} AND s.outcome IN ('selesai', 'berkas_tidak_lengkap', 'dirujuk')
         GROUP BY s.service_id`,
      )
      .all(...where.params)
      .map((r) => ({ ...r, service_id: words.word(r.service_id) }));
  };
  const servedFromRollups = (filter: ReportFilter): ServedRow[] => {
    const where = whereOf(filter, "", "step");
    const rows = db
      .prepare<(string | number)[], ServedRow>(
        `SELECT service_id, sum(served) AS served, sum(with_steps) AS with_steps FROM (
           SELECT service_id, selesai + berkas_tidak_lengkap + dirujuk AS served, 0 AS with_steps
           FROM report_service_hours WHERE ${where.sql}
           UNION ALL
           SELECT service_id, 0, served_with_steps FROM report_step_segments WHERE ${where.sql})
         GROUP BY service_id`,
      )
      .all(...where.params, ...where.params);
    // A service with only unserved segments in the range has no row in the log's query either.
    return rows.filter((r) => r.served > 0);
  };
  return (filter) => {
    const met = new Map<string, { judged: number; met: number }>();
    for (const r of steps(filter)) {
      const m = met.get(r.serviceId) ?? { judged: 0, met: 0 };
      m.judged += r.met.judged;
      m.met += r.met.met;
      met.set(r.serviceId, m);
    }
    const served = matchesNothing(filter)
      ? []
      : narrowsByDesk(filter)
        ? servedByDesk(filter)
        : servedFromRollups(filter);
    const byService = new Map(served.map((r) => [r.service_id, r]));
    const ids = [...new Set([...byService.keys(), ...met.keys()])].sort();
    return ids.map((serviceId) => {
      const r = byService.get(serviceId);
      const m = met.get(serviceId) ?? { judged: 0, met: 0 };
      const withSteps = r?.with_steps ?? 0;
      return {
        serviceId,
        served: r?.served ?? 0,
        withSteps,
        withoutSteps: (r?.served ?? 0) - withSteps,
        met: compliance(m.judged, m.met),
      };
    });
  };
}
