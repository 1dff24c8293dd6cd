/**
 * Query-string parsing for /api/reports/*. Everything a manager can type in a
 * URL is checked here; a mistake answers INVALID_PAYLOAD naming the parameter,
 * in Indonesian, like the socket commands' issues.
 */
import {
  daysInRange,
  isServiceDay,
  SEGMENT_OUTCOMES,
  type GroupBy,
  type ReportFilter,
  type SegmentOutcomeName,
  type SortDir,
  type TicketQuery,
  type TicketSort,
} from "./store-reports";
import type { HubSetup } from "../setup";

export const MAX_RANGE_DAYS = 366;

export interface Issue {
  path: string;
  message: string;
}

export class ParamError extends Error {
  constructor(readonly issues: Issue[]) {
    super(issues.map((i) => `${i.path}: ${i.message}`).join("; "));
  }
}

const ID = /^[A-Za-z0-9._-]{1,64}$/;

/** `service=a,b&service=c` -> ["a", "b", "c"]; absent -> null (no filter). */
function list(params: URLSearchParams, name: string, issues: Issue[]): string[] | null {
  const values = params
    .getAll(name)
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter((v) => v !== "");
  if (values.length === 0) return null;
  const bad = values.find((v) => !ID.test(v));
  if (bad !== undefined) issues.push({ path: name, message: `pengenal tidak valid: "${bad.slice(0, 40)}"` });
  return [...new Set(values)];
}

function oneOf<T extends string>(
  params: URLSearchParams,
  name: string,
  allowed: readonly T[],
  fallback: T,
  issues: Issue[],
): T {
  const v = params.get(name);
  if (v === null || v === "") return fallback;
  if ((allowed as readonly string[]).includes(v)) return v as T;
  issues.push({ path: name, message: `harus salah satu dari: ${allowed.join(", ")}` });
  return fallback;
}

/** Today's office-local date as the hub's clock sees it. */
export type Today = () => string;

/**
 * Date range and filters. Without from/to: the current month up to today.
 * An agency filter becomes the list of its services (intersected with an
 * explicit service filter when both are given).
 */
export function parseFilter(
  params: URLSearchParams,
  setup: HubSetup,
  today: Today,
  issues: Issue[],
): ReportFilter {
  const now = today();
  let from = params.get("from") ?? `${now.slice(0, 7)}-01`;
  let to = params.get("to") ?? now;
  if (!isServiceDay(from)) {
    issues.push({ path: "from", message: "tanggal harus berformat YYYY-MM-DD" });
    from = now;
  }
  if (!isServiceDay(to)) {
    issues.push({ path: "to", message: "tanggal harus berformat YYYY-MM-DD" });
    to = now;
  }
  if (from > to) issues.push({ path: "to", message: "tanggal akhir sebelum tanggal awal" });
  else if (daysInRange(from, to) > MAX_RANGE_DAYS)
    issues.push({ path: "to", message: `rentang paling lama ${MAX_RANGE_DAYS} hari` });

  let serviceIds = list(params, "service", issues);
  const agencies = list(params, "agency", issues);
  if (agencies) {
    const ofAgencies = setup.rules.services.filter((s) => agencies.includes(s.agencyId)).map((s) => s.id);
    serviceIds = serviceIds ? serviceIds.filter((id) => ofAgencies.includes(id)) : ofAgencies;
  }
  return {
    from,
    to,
    serviceIds,
    counterIds: list(params, "counter", issues),
    officerIds: list(params, "officer", issues),
  };
}

export const GROUPINGS: readonly GroupBy[] = [
  "all",
  "service",
  "agency",
  "counter",
  "officer",
  "day",
  "hour",
  "weekday",
];

export function parseGroupBy(params: URLSearchParams, issues: Issue[]): GroupBy {
  return oneOf(params, "by", GROUPINGS, "service", issues);
}

export function parseTicketQuery(
  params: URLSearchParams,
  setup: HubSetup,
  today: Today,
  issues: Issue[],
): TicketQuery {
  const filter = parseFilter(params, setup, today, issues);
  const outcomesRaw = list(params, "outcome", issues);
  const outcomes =
    outcomesRaw?.filter((o): o is SegmentOutcomeName =>
      (SEGMENT_OUTCOMES as readonly string[]).includes(o),
    ) ?? null;
  if (outcomesRaw && outcomes && outcomes.length !== outcomesRaw.length) {
    issues.push({ path: "outcome", message: `harus dari: ${SEGMENT_OUTCOMES.join(", ")}` });
  }
  const missedRaw = params.get("missed");
  const missed = missedRaw
    ? oneOf(params, "missed", ["wait", "service", "any"] as const, "any", issues)
    : null;
  const limitRaw = params.get("limit");
  const limit = limitRaw === null ? 50 : Number(limitRaw);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
    issues.push({ path: "limit", message: "1 sampai 1000" });
  const number = params.get("number")?.trim().toUpperCase() || null;
  if (number !== null && !/^[A-Z]{1,2}-\d{1,4}$/.test(number))
    issues.push({ path: "number", message: 'nomor antrean seperti "A-012"' });
  return {
    ...filter,
    outcomes,
    missed,
    number,
    sort: oneOf<TicketSort>(params, "sort", ["time", "wait", "service"], "time", issues),
    dir: oneOf<SortDir>(params, "dir", ["desc", "asc"], "desc", issues),
    limit: Number.isInteger(limit) ? Math.min(1000, Math.max(1, limit)) : 50,
    cursor: params.get("cursor"),
  };
}

/** `month=2026-11` -> the first and last day of that month. */
export function parseMonth(
  params: URLSearchParams,
  today: Today,
  issues: Issue[],
): { month: string; from: string; to: string } {
  const fallback = previousMonth(today());
  const month = params.get("month") ?? fallback;
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) {
    issues.push({ path: "month", message: "bulan harus berformat YYYY-MM" });
    return monthRange(fallback);
  }
  return monthRange(month);
}

export function monthRange(month: string): { month: string; from: string; to: string } {
  const [y, m] = month.split("-").map(Number);
  const last = new Date(Date.UTC(y!, m, 0)).getUTCDate();
  return { month, from: `${month}-01`, to: `${month}-${String(last).padStart(2, "0")}` };
}

export function previousMonth(day: string): string {
  const [y, m] = day.split("-").map(Number);
  const d = new Date(Date.UTC(y!, m! - 2, 1));
  return d.toISOString().slice(0, 7);
}
