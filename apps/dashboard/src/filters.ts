import type { ReportMeta } from "@layan/protocol";
import { presetRange, type RangePreset } from "./format";

/** The filter every report and the ticket log share, as kept in the URL. */
export interface Filters {
  from: string;
  to: string;
  agency: string | null;
  service: string | null;
  counter: string | null;
  officer: string | null;
}

export const FILTER_KEYS = ["from", "to", "agency", "service", "counter", "officer"] as const;

export function filtersFrom(params: URLSearchParams, meta: ReportMeta, fallback: RangePreset = "month"): Filters {
  const range = presetRange(fallback, meta.today);
  const day = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null);
  return {
    from: day(params.get("from")) ?? range.from,
    to: day(params.get("to")) ?? range.to,
    agency: params.get("agency") || null,
    service: params.get("service") || null,
    counter: params.get("counter") || null,
    officer: params.get("officer") || null,
  };
}

/** Filters as API query parameters (and URL hash parameters). */
export function filterParams(f: Filters): Record<string, string | null> {
  return {
    from: f.from,
    to: f.to,
    agency: f.agency,
    service: f.service,
    counter: f.counter,
    officer: f.officer,
  };
}

/** Keeps the other parameters of the URL (sort, page size) and replaces the filter's. */
export function withFilters(params: URLSearchParams, f: Filters): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of FILTER_KEYS) {
    const v = f[key];
    if (v) next.set(key, v);
    else next.delete(key);
  }
  next.delete("cursor");
  return next;
}

/** "Disdukcapil · KTP-el · Loket 3" — what the report is about, in words. */
export function describeFilters(f: Filters, meta: ReportMeta): string {
  const parts: string[] = [];
  if (f.agency) parts.push(meta.agencies.find((a) => a.id === f.agency)?.shortName ?? f.agency);
  if (f.service) parts.push(meta.services.find((s) => s.id === f.service)?.name ?? f.service);
  if (f.counter) parts.push(meta.counters.find((c) => c.id === f.counter)?.name ?? f.counter);
  if (f.officer) parts.push(meta.officers.find((o) => o.id === f.officer)?.name ?? f.officer);
  return parts.length > 0 ? parts.join(" · ") : "Semua layanan";
}
