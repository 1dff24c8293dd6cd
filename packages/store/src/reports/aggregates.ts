/**
 * The measures every summary shares, as SQL over the service log or over a
 * rollup's sums, and the arithmetic that folds rows of them together (totals
 * of groups, per-service breakdowns) without reading the log again.
 */
import type { Compliance, SummaryRow, TimeStats } from "@layan/protocol";
import { percentileOfSorted } from "./percentile";

export const SERVED = "('selesai', 'berkas_tidak_lengkap', 'dirujuk')";
export interface AggRow {
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

export const AGGREGATES = `count(*) AS segments,
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
export const ROLLUP_AGGREGATES = `sum(segments) AS segments,
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

export const keyString = (k: string | number | null): string | null => (k === null ? null : String(k));

export const timeStats = (n: number, avg: number | null, sorted: Float64Array | undefined): TimeStats => ({
  n,
  avgMs: avg === null ? null : Math.round(avg),
  p50Ms: sorted ? percentileOfSorted(sorted, 50) : null,
  p90Ms: sorted ? percentileOfSorted(sorted, 90) : null,
});

/** One aggregate row as a summary row; `issued` and the sorted times come from their own reads. */
export function toSummary(
  r: AggRow,
  issued: Map<string | null, number> | null,
  times: { wait: Float64Array; service: Float64Array } | undefined,
): SummaryRow {
  return {
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
    wait: timeStats(r.wait_n, r.wait_avg, times?.wait),
    service: timeStats(r.service_n, r.service_avg, times?.service),
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
  };
}

/** Sorted arrays merged into one sorted array. */
export function mergeSorted(parts: Float64Array[]): Float64Array {
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Float64Array(total);
  let i = 0;
  for (const p of parts) {
    out.set(p, i);
    i += p.length;
  }
  return out.sort();
}

export function zeroAgg(): AggRow {
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

export function addAgg(a: AggRow, b: AggRow): AggRow {
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

export function emptySummary(key: string | null): SummaryRow {
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
