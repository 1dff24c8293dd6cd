/**
 * The HTTP contract of GET /api/reports/<name>[.csv]: for each report, the
 * zod schema of its query string and the type of its JSON answer. The hub
 * parses every query with these schemas and answers these types; the
 * dashboard's client is typed from the same map, so a report's parameters and
 * shape are written once (docs/api.md documents them for API users).
 *
 * A query's defaults depend on the office's day ("this month up to today"),
 * so each endpoint's schema is built for a given `today`.
 */
import {
  daysInRange,
  isServiceDay,
  previousMonth,
  SEGMENT_OUTCOMES,
  type SegmentOutcome,
} from "@layan/core";
import { z } from "zod";
import type {
  ComplianceReport,
  GroupBy,
  HeatmapResponse,
  LabelledTicket,
  LiveView,
  ReportMeta,
  StepsResponse,
  SummaryResponse,
  TicketPage,
  TrendResponse,
} from "./results";
import type { ComplaintsReport, IkmGroupBy, IkmReport } from "./feedback-results";
import type { AssessmentReport } from "./assessment-results";
import { BOOKING_GROUPINGS, type BookingReport } from "./booking-results";

/** The longest range one report may cover. */
export const MAX_RANGE_DAYS = 366;

const ID = /^[A-Za-z0-9._-]{1,64}$/;
const IKM_GROUPINGS = ["all", "service", "agency", "counter", "month"] as const satisfies readonly IkmGroupBy[];
const GROUPINGS = ["all", "service", "agency", "counter", "officer", "day", "hour", "weekday"] as const satisfies readonly GroupBy[];

/** A query parameter as URLSearchParams gives it: one value, or several when repeated. */
const param = z.union([z.string(), z.array(z.string())]);
const last = (v: string | string[]) => (Array.isArray(v) ? (v.at(-1) ?? "") : v);

/** `service=a,b&service=c` -> ["a", "b", "c"]; absent or empty -> null (no filter). */
function idList() {
  return param.nullish().transform((raw, ctx): string[] | null => {
    if (raw === null || raw === undefined) return null;
    const values = (Array.isArray(raw) ? raw : [raw])
      .flatMap((v) => v.split(","))
      .map((v) => v.trim())
      .filter((v) => v !== "");
    if (values.length === 0) return null;
    const bad = values.find((v) => !ID.test(v));
    if (bad !== undefined) ctx.addIssue({ code: "custom", message: `pengenal tidak valid: "${bad.slice(0, 40)}"` });
    return [...new Set(values)];
  });
}

function oneOf<T extends string>(allowed: readonly T[], fallback: T) {
  return param.nullish().transform((raw, ctx): T => {
    const v = raw === null || raw === undefined ? "" : last(raw);
    if (v === "") return fallback;
    if ((allowed as readonly string[]).includes(v)) return v as T;
    ctx.addIssue({ code: "custom", message: `harus salah satu dari: ${allowed.join(", ")}` });
    return fallback;
  });
}

function serviceDay() {
  return param.nullish().transform((raw, ctx): string | null => {
    const v = raw === null || raw === undefined ? "" : last(raw);
    if (v === "") return null;
    if (!isServiceDay(v)) ctx.addIssue({ code: "custom", message: "tanggal harus berformat YYYY-MM-DD" });
    return v;
  });
}

/** `dialect=id`: semicolons and decimal commas for an Indonesian Excel. */
const dialect = () => oneOf(["default", "id"] as const, "default");

/** What every report is cut by. Without from/to: this month up to today. */
function filterQuery(today: string) {
  return z
    .object({
      from: serviceDay(),
      to: serviceDay(),
      agency: idList(),
      service: idList(),
      counter: idList(),
      officer: idList(),
      dialect: dialect(),
    })
    .transform((q, ctx) => {
      const from = q.from ?? `${today.slice(0, 7)}-01`;
      const to = q.to ?? today;
      if (isServiceDay(from) && isServiceDay(to)) {
        if (from > to) ctx.addIssue({ code: "custom", path: ["to"], message: "tanggal akhir sebelum tanggal awal" });
        else if (daysInRange(from, to) > MAX_RANGE_DAYS)
          ctx.addIssue({ code: "custom", path: ["to"], message: `rentang paling lama ${MAX_RANGE_DAYS} hari` });
      }
      return { ...q, from, to };
    });
}

/** The parsed filter every report takes (an agency becomes its services in the hub). */
export type ReportFilterQuery = z.output<ReturnType<typeof filterQuery>>;

function ticketsQuery(today: string) {
  return filterQuery(today).and(
    z.object({
      outcome: idList().transform((list, ctx): SegmentOutcome[] | null => {
        if (list === null) return null;
        const known = list.filter((o): o is SegmentOutcome => (SEGMENT_OUTCOMES as readonly string[]).includes(o));
        if (known.length !== list.length) ctx.addIssue({ code: "custom", message: `harus dari: ${SEGMENT_OUTCOMES.join(", ")}` });
        return known;
      }),
      missed: param.nullish().transform((raw, ctx): "wait" | "service" | "any" | null => {
        const v = raw === null || raw === undefined ? "" : last(raw);
        if (v === "") return null;
        if (v === "wait" || v === "service" || v === "any") return v;
        ctx.addIssue({ code: "custom", message: "harus salah satu dari: wait, service, any" });
        return null;
      }),
      number: param.nullish().transform((raw, ctx): string | null => {
        const v = raw === null || raw === undefined ? "" : last(raw).trim().toUpperCase();
        if (v === "") return null;
        if (!/^[A-Z]{1,2}-\d{1,4}$/.test(v)) ctx.addIssue({ code: "custom", message: 'nomor antrean seperti "A-012"' });
        return v;
      }),
      sort: oneOf(["time", "wait", "service"] as const, "time"),
      dir: oneOf(["desc", "asc"] as const, "desc"),
      limit: z
        .union([param, z.number()])
        .nullish()
        .transform((raw, ctx): number => {
          if (raw === null || raw === undefined) return 50;
          const n = typeof raw === "number" ? raw : Number(last(raw));
          if (!Number.isInteger(n) || n < 1 || n > 1000) {
            ctx.addIssue({ code: "custom", message: "1 sampai 1000" });
            return 50;
          }
          return n;
        }),
      cursor: param.nullish().transform((raw) => (raw === null || raw === undefined ? null : last(raw) || null)),
    }),
  );
}

export type TicketLogQuery = z.output<ReturnType<typeof ticketsQuery>>;

/** `month=2026-11`: that month; without it, last month. */
function complianceQuery(today: string) {
  return z.object({
    month: param.nullish().transform((raw, ctx): string => {
      const v = raw === null || raw === undefined ? "" : last(raw);
      if (v === "") return previousMonth(today);
      if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(v)) {
        ctx.addIssue({ code: "custom", message: "bulan harus berformat YYYY-MM" });
        return previousMonth(today);
      }
      return v;
    }),
    agency: idList(),
    service: idList(),
    /** `annex=1`: the internal annex that names counters and officers. */
    annex: oneOf(["0", "1"] as const, "0").transform((v) => v === "1"),
    dialect: dialect(),
  });
}

/** `year=2026`: that year (up to today when it is this year); without it, this year. One agency at most. */
function assessmentQuery(today: string) {
  const thisYear = Number(today.slice(0, 4));
  return z.object({
    year: param.nullish().transform((raw, ctx): number => {
      const v = raw === null || raw === undefined ? "" : last(raw);
      if (v === "") return thisYear;
      const year = /^\d{4}$/.test(v) ? Number(v) : NaN;
      if (!(year >= 2000 && year <= thisYear)) {
        ctx.addIssue({ code: "custom", message: `tahun harus berformat YYYY, paling lambat ${thisYear}` });
        return thisYear;
      }
      return year;
    }),
    agency: idList().transform((list, ctx): string | null => {
      if (list && list.length > 1) ctx.addIssue({ code: "custom", message: "paling banyak satu instansi" });
      return list?.[0] ?? null;
    }),
    dialect: dialect(),
  });
}

const noQuery = () => z.object({ dialect: dialect() });

/** One report: how its query is parsed, what its JSON answers, whether it has a CSV. */
export interface ReportEndpoint<Q extends z.ZodType, R, C extends boolean> {
  query: (today: string) => Q;
  csv: C;
  /** Never set: carries the answer's type. */
  readonly response?: R;
}

function endpoint<R>() {
  return <Q extends z.ZodType, C extends boolean>(query: (today: string) => Q, csv: C): ReportEndpoint<Q, R, C> => ({
    query,
    csv,
  });
}

export const REPORT_ENDPOINTS = {
  meta: endpoint<ReportMeta>()(noQuery, false),
  summary: endpoint<SummaryResponse>()(
    (today) => filterQuery(today).and(z.object({ by: oneOf(GROUPINGS, "service") })),
    true,
  ),
  trend: endpoint<TrendResponse>()(filterQuery, true),
  steps: endpoint<StepsResponse>()(filterQuery, true),
  heatmap: endpoint<HeatmapResponse>()(filterQuery, true),
  tickets: endpoint<TicketPage<LabelledTicket>>()(ticketsQuery, true),
  compliance: endpoint<ComplianceReport>()(complianceQuery, true),
  live: endpoint<LiveView>()(noQuery, false),
  /** Indeks Kepuasan Masyarakat over the survey responses of the range (their service day). */
  ikm: endpoint<IkmReport>()((today) => filterQuery(today).and(z.object({ by: oneOf(IKM_GROUPINGS, "service") })), true),
  /** Complaints filed in the range: handling, response times against the target. */
  complaints: endpoint<ComplaintsReport>()(filterQuery, true),
  /** The self-assessment in the Ombudsman RI's terms, with the office's own zone estimate. */
  assessment: endpoint<AssessmentReport>()(assessmentQuery, false),
  /**
   * Booked vs walk-in tickets, booking outcomes (bookings whose slot day is in
   * the range) and each group's waits. Counter and officer filters are
   * accepted and ignored: bookings and tickets have no counter.
   */
  bookings: endpoint<BookingReport>()(
    (today) => filterQuery(today).and(z.object({ by: oneOf(BOOKING_GROUPINGS, "day") })),
    true,
  ),
} as const;

export type ReportName = keyof typeof REPORT_ENDPOINTS;
type Endpoint<N extends ReportName> = (typeof REPORT_ENDPOINTS)[N];
/** What a client may put in the query string of report N. */
export type ReportQueryInput<N extends ReportName> = z.input<ReturnType<Endpoint<N>["query"]>>;
/** Report N's query after parsing, defaults filled in. */
export type ReportQuery<N extends ReportName> = z.output<ReturnType<Endpoint<N>["query"]>>;
/** Report N's JSON answer (inside the ack envelope's `data`). */
export type ReportResponse<N extends ReportName> = NonNullable<Endpoint<N>["response"]>;
/** The reports that also answer as CSV at `<name>.csv`. */
export type CsvReportName = { [N in ReportName]: Endpoint<N>["csv"] extends true ? N : never }[ReportName];

export function isReportName(name: string): name is ReportName {
  return Object.hasOwn(REPORT_ENDPOINTS, name);
}

/** A URL's query string as the schemas read it: a repeated parameter becomes an array. */
export function queryObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    out[key] = all.length === 1 ? all[0]! : all;
  }
  return out;
}
