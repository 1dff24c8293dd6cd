/**
 * The regency's report queries: counts, sums and verdicts exactly from the
 * day rollups, medians and p90 from the merged duration histograms (nearest
 * rank, as the office's reports: packages/store/src/reports/percentile.ts,
 * within the histograms' 1 %), in the office dashboard's shapes.
 */
import { ikmOf, SURVEY_UNSUR } from "@layan/core";
import type { Compliance, RegencyComplaints, RegencyIkm, StepRow, SummaryRow, TimeStats } from "@layan/protocol";
import type { Pool } from "../db/pool";

export interface RegencyFilter {
  from: string;
  to: string;
  /** null: every office (a regency-wide viewer); else these only. */
  officeIds: readonly string[] | null;
  serviceIds: readonly string[] | null;
}

/** What a summary is grouped by, as SQL over a table aliased `r` joined to `offices o`. */
export type Grouping = "office" | "agency" | "service" | "month" | "all";
const GROUP_SQL: Record<Grouping, string> = {
  office: "r.office_id",
  agency: "o.agency",
  service: "r.service_id",
  month: "left(r.service_day, 7)",
  all: "NULL::text",
};

function where(f: RegencyFilter, params: unknown[]): string {
  params.push(f.from, f.to);
  const parts = [`r.service_day BETWEEN $${params.length - 1} AND $${params.length}`];
  if (f.officeIds !== null) {
    params.push(f.officeIds);
    parts.push(`r.office_id = ANY($${params.length})`);
  }
  if (f.serviceIds !== null) {
    params.push(f.serviceIds);
    parts.push(`r.service_id = ANY($${params.length})`);
  }
  return parts.join(" AND ");
}

export function compliance(judged: number, met: number): Compliance {
  return { judged, met, pct: judged === 0 ? null : Math.round((met / judged) * 1000) / 10 };
}

const rank = (p: number) => `greatest(1, (n * ${p} + 99) / 100)`;

interface Percentiles {
  p50: number | null;
  p90: number | null;
}

/** Which measure of the histograms (migration 0005). */
const MEASURE = { wait: 1, service: 2, step: 3 } as const;

/**
 * from..to as the calendar months ("YYYY-MM") wholly inside it, whose month
 * histograms are read, and the day ranges of the partly covered months at
 * its ends, whose day histograms are.
 */
export function coverOf(from: string, to: string): { months: string[]; days: [string, string][] } {
  const months: string[] = [];
  const days: [string, string][] = [];
  let [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  for (;;) {
    const month = `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}`;
    if (month > to.slice(0, 7)) break;
    const first = `${month}-01`;
    const last = `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, "0")}`;
    if (first >= from && last <= to) months.push(month);
    else days.push([first < from ? from : first, last > to ? to : last]);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return { months, days };
}

/**
 * Nearest-rank p50 and p90 of a measure per group, from the merged
 * histograms: the whole months' rows and the days of the partly covered
 * ones (coverOf). The nearest-rank value lies in the bucket that is read back, so each
 * is within 1 % (+0.5 ms) of the exact figure from the fact rows (docs/regency.md).
 * The period column is called service_day in both halves ("YYYY-MM" for a
 * month row) so that the groupings' SQL (a month is left(service_day, 7)) reads either.
 */
async function percentiles(pool: Pool, measure: keyof typeof MEASURE, group: string, f: RegencyFilter, extraGroup = ""): Promise<Map<string, Percentiles>> {
  const cover = coverOf(f.from, f.to);
  const params: unknown[] = [MEASURE[measure], cover.months];
  const dayRanges = cover.days.map(([a, b]) => {
    params.push(a, b);
    return `service_day BETWEEN $${params.length - 1} AND $${params.length}`;
  });
  const scope: string[] = [];
  if (f.officeIds !== null) {
    params.push(f.officeIds);
    scope.push(`office_id = ANY($${params.length})`);
  }
  if (f.serviceIds !== null) {
    params.push(f.serviceIds);
    scope.push(`service_id = ANY($${params.length})`);
  }
  const and = scope.map((p) => ` AND ${p}`).join("");
  const key = extraGroup ? `${group} || E'\\x01' || ${extraGroup}` : `coalesce(${group}, '')`;
  const { rows } = await pool.query<{ k: string; p50: number | null; p90: number | null }>(
    `WITH r AS (
       SELECT office_id, service_month AS service_day, service_id, step_id, buckets, counts FROM regency_month_histograms
        WHERE measure = $1 AND service_month = ANY($2::text[])${and}
       ${dayRanges.length === 0 ? "" : `UNION ALL
       SELECT office_id, service_day, service_id, step_id, buckets, counts FROM regency_day_histograms
        WHERE measure = $1 AND (${dayRanges.join(" OR ")})${and}`}),
     e AS (
       SELECT ${key} AS k, u.b, sum(u.n)::int8 AS n
         FROM r JOIN offices o ON o.id = r.office_id, unnest(r.buckets, r.counts) AS u (b, n) GROUP BY 1, 2),
     c AS (SELECT k, b, sum(n) OVER (PARTITION BY k ORDER BY b)::int8 AS cum, sum(n) OVER (PARTITION BY k)::int8 AS n FROM e)
     SELECT k, round(regency_bucket_ms(min(b) FILTER (WHERE cum >= ${rank(50)})))::int8 AS p50,
            round(regency_bucket_ms(min(b) FILTER (WHERE cum >= ${rank(90)})))::int8 AS p90
       FROM c GROUP BY k`,
    params,
  );
  return new Map(rows.map((r) => [r.k, { p50: r.p50, p90: r.p90 }]));
}

interface AggRow {
  k: string | null;
  issued: number;
  segments: number;
  selesai: number;
  berkas_tidak_lengkap: number;
  dirujuk: number;
  transferred: number;
  no_show: number;
  cancelled: number;
  wait_n: number;
  wait_sum: number;
  wait_judged: number;
  wait_met: number;
  service_n: number;
  service_sum: number;
  service_judged: number;
  service_met: number;
  wait_target_min: number | null;
  wait_target_max: number | null;
  service_target_min: number | null;
  service_target_max: number | null;
  offices: number;
}

const SUMS = ["issued", "segments", "selesai", "berkas_tidak_lengkap", "dirujuk", "transferred", "no_show", "cancelled", "wait_n", "wait_sum", "wait_judged", "wait_met", "service_n", "service_sum", "service_judged", "service_met"];

const stats = (n: number, sum: number, p: Percentiles | undefined): TimeStats => ({
  n,
  avgMs: n === 0 ? null : Math.round(sum / n),
  p50Ms: n === 0 ? null : (p?.p50 ?? null),
  p90Ms: n === 0 ? null : (p?.p90 ?? null),
});

/** Summary rows per group; `issued` is the tickets issued for the group's services in the range. */
export async function summaries(pool: Pool, f: RegencyFilter, by: Grouping): Promise<(SummaryRow & { offices: number })[]> {
  const group = GROUP_SQL[by];
  const params: unknown[] = [];
  const w = where(f, params);
  const { rows } = await pool.query<AggRow>(
    `SELECT ${group} AS k, ${SUMS.map((c) => `sum(r.${c})::int8 AS ${c}`).join(", ")},
            min(r.wait_target_min) AS wait_target_min, max(r.wait_target_max) AS wait_target_max,
            min(r.service_target_min) AS service_target_min, max(r.service_target_max) AS service_target_max,
            count(DISTINCT r.office_id)::int8 AS offices
       FROM regency_day_services r JOIN offices o ON o.id = r.office_id
      WHERE ${w} GROUP BY 1 ORDER BY 1`,
    params,
  );
  const [wait, service] = await Promise.all([
    percentiles(pool, "wait", group, f),
    percentiles(pool, "service", group, f),
  ]);
  return rows.map((r) => ({
    key: r.k,
    issued: r.issued,
    segments: r.segments,
    served: r.selesai + r.berkas_tidak_lengkap + r.dirujuk,
    outcomes: {
      selesai: r.selesai,
      berkas_tidak_lengkap: r.berkas_tidak_lengkap,
      dirujuk: r.dirujuk,
      transferred: r.transferred,
      no_show: r.no_show,
      cancelled: r.cancelled,
    },
    wait: stats(r.wait_n, r.wait_sum, wait.get(r.k ?? "")),
    service: stats(r.service_n, r.service_sum, service.get(r.k ?? "")),
    waitMet: compliance(r.wait_judged, r.wait_met),
    serviceMet: compliance(r.service_judged, r.service_met),
    waitTargetMs: r.wait_target_min === null || r.wait_target_max === null ? null : { min: r.wait_target_min, max: r.wait_target_max },
    serviceTargetMs: r.service_target_min === null || r.service_target_max === null ? null : { min: r.service_target_min, max: r.service_target_max },
    offices: r.offices,
  }));
}

/**
 * Per service and SOP step of the filter's offices, as the office's steps
 * report (with percentiles). Summed from the day rollup (migration 0008),
 * whose rows hold exactly the raw aggregate per day: a year of one office
 * is a few thousand rows instead of its hundreds of thousands of step facts.
 */
export async function stepRows(pool: Pool, f: RegencyFilter): Promise<StepRow[]> {
  const params: unknown[] = [];
  const w = where(f, params);
  const { rows } = await pool.query<{
    service_id: string;
    step_id: string;
    n: number;
    ms_sum: number;
    target: number | null;
    judged: number;
    met: number;
    over: number;
    order_sum: number;
  }>(
    `SELECT r.service_id, r.step_id, sum(r.n)::int8 AS n, sum(r.ms_sum)::int8 AS ms_sum, max(r.target_max) AS target,
            sum(r.judged)::int8 AS judged, sum(r.met)::int8 AS met, sum(r.over_ms)::int8 AS over, sum(r.order_sum)::int8 AS order_sum
       FROM regency_day_steps r WHERE ${w} GROUP BY r.service_id, r.step_id`,
    params,
  );
  const p = await percentiles(pool, "step", "r.service_id", f, "r.step_id");
  return rows
    .map((r) => {
      const q = p.get(`${r.service_id}\u0001${r.step_id}`);
      return {
        serviceId: r.service_id,
        stepId: r.step_id,
        n: r.n,
        avgMs: Math.round(r.ms_sum / r.n),
        p50Ms: q?.p50 ?? null,
        p90Ms: q?.p90 ?? null,
        targetMs: r.target,
        met: compliance(r.judged, r.met),
        overTargetMs: r.over,
        avgOrder: r.order_sum / r.n,
      };
    })
    .sort((a, b) => (a.serviceId < b.serviceId ? -1 : a.serviceId > b.serviceId ? 1 : a.avgOrder - b.avgOrder));
}

/** Survey answers of the range per group (office or agency), by the office's IKM arithmetic (@layan/core ikmOf). */
export async function ikmBy(pool: Pool, f: RegencyFilter, by: "office" | "agency"): Promise<Map<string, RegencyIkm>> {
  const params: unknown[] = [];
  const w = where(f, params);
  const { rows } = await pool.query<Record<string, number> & { k: string; respondents: number }>(
    `SELECT ${GROUP_SQL[by]} AS k, count(*)::int8 AS respondents, ${SURVEY_UNSUR.map((u) => `sum(r.${u})::int8 AS ${u}`).join(", ")}
       FROM regency_surveys r JOIN offices o ON o.id = r.office_id WHERE ${w} GROUP BY 1`,
    params,
  );
  return new Map(
    rows.map((r) => {
      const result = ikmOf(SURVEY_UNSUR.map((unsur) => ({ unsur, sum: r[unsur] ?? 0, respondents: r.respondents })));
      return [r.k, { respondents: result.respondents, ikm: result.ikm, mutu: result.mutu }];
    }),
  );
}

/**
 * Complaints filed in the range per group: answered, answered by their due
 * time (copied into the event at filing, so no office calendar is needed),
 * and the median time to the first response (calendar time, nearest rank).
 */
export async function complaintsBy(pool: Pool, f: RegencyFilter, by: "office" | "agency"): Promise<Map<string, RegencyComplaints>> {
  const params: unknown[] = [f.from, f.to];
  const parts = ["r.filed_day BETWEEN $1 AND $2"];
  if (f.officeIds !== null) {
    params.push(f.officeIds);
    parts.push(`r.office_id = ANY($${params.length})`);
  }
  if (f.serviceIds !== null) {
    params.push(f.serviceIds);
    parts.push(`r.service_id = ANY($${params.length})`);
  }
  const group = GROUP_SQL[by];
  const { rows } = await pool.query<{ k: string; filed: number; answered: number; within: number; median: number | null }>(
    `WITH t AS (
       SELECT ${group} AS k, r.first_response_ms, r.due_at_ms, r.first_response_ms - r.filed_at_ms AS response_ms,
              row_number() OVER (PARTITION BY ${group} ORDER BY r.first_response_ms - r.filed_at_ms) AS rn,
              count(r.first_response_ms) OVER (PARTITION BY ${group}) AS n
         FROM regency_complaints r JOIN offices o ON o.id = r.office_id WHERE ${parts.join(" AND ")})
     SELECT k, count(*)::int8 AS filed, count(first_response_ms)::int8 AS answered,
            count(*) FILTER (WHERE first_response_ms <= due_at_ms)::int8 AS within,
            min(response_ms) FILTER (WHERE response_ms IS NOT NULL AND rn = ${rank(50)}) AS median
       FROM t GROUP BY k`,
    params,
  );
  return new Map(rows.map((r) => [r.k, { filed: r.filed, answered: r.answered, answeredByDue: r.within, medianResponseMs: r.median }]));
}
