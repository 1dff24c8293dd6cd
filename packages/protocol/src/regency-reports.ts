/**
 * GET /api/v1/regency/*: the regency's reports over every office, in the
 * office dashboard's report shapes (SummaryRow, StepRow: reports/results.ts)
 * plus an office dimension. The query schemas are parsed by the central
 * server; docs/api.md "Regency reports" describes them for API users.
 */
import { isServiceDay } from "@layan/core";
import { z } from "zod";
import type { StepRow, SummaryRow } from "./reports/results";
import { officeId } from "./regency";

/** The longest range one regency report may cover (a year and a day, as the office's). */
export const REGENCY_MAX_RANGE_DAYS = 366;

const day = z.string().refine(isServiceDay, "tanggal harus berformat YYYY-MM-DD");
const ids = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v === "" ? null : [...new Set(v.split(",").map((s) => s.trim()).filter((s) => s !== ""))]))
  .refine((v) => v === null || v.every((s) => /^[A-Za-z0-9._-]{1,64}$/.test(s)), "pengenal tidak valid");

const rangeDays = (from: string, to: string) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;

/** `from` and `to`: office-local service days, inclusive (each office's own day, as its hub counts it). */
export const RegencyRangeQuery = z
  .object({ from: day, to: day, service: ids })
  .refine((q) => q.from <= q.to, { message: "from harus sebelum atau sama dengan to", path: ["from"] })
  .refine((q) => rangeDays(q.from, q.to) <= REGENCY_MAX_RANGE_DAYS, { message: `paling lama ${REGENCY_MAX_RANGE_DAYS} hari`, path: ["to"] });
export type RegencyRangeQuery = z.infer<typeof RegencyRangeQuery>;

export const RegencyLeagueQuery = z
  .object({ from: day, to: day, service: ids, by: z.enum(["office", "agency"]).default("office") })
  .refine((q) => q.from <= q.to, { message: "from harus sebelum atau sama dengan to", path: ["from"] })
  .refine((q) => rangeDays(q.from, q.to) <= REGENCY_MAX_RANGE_DAYS, { message: `paling lama ${REGENCY_MAX_RANGE_DAYS} hari`, path: ["to"] });
export type RegencyLeagueQuery = z.infer<typeof RegencyLeagueQuery>;

export const RegencyOfficeParam = officeId;

/**
 * One office (or agency) of the league table: the office dashboard's summary
 * row for its whole range (key = office id or agency name), its name, and its
 * place. Ranked by SOP wait compliance, then service-time compliance, then
 * median wait; rows with nothing judged come last.
 */
/** The SKM of the range: null where no survey answers were shipped. */
export interface RegencyIkm {
  respondents: number;
  /** 25..100 (PermenPANRB 14/2017), null without answers. */
  ikm: number | null;
  mutu: "A" | "B" | "C" | "D" | null;
}

/** Complaints filed in the range. */
export interface RegencyComplaints {
  filed: number;
  answered: number;
  /** First response at or before the due time copied into the complaint when it was filed. */
  answeredByDue: number;
  /** Filing to first response, calendar time (the office's working-day count needs its calendar, which stays at the office). */
  medianResponseMs: number | null;
}

export type RegencyLeagueRow = SummaryRow & {
  rank: number;
  name: string;
  /** The office's OPD; for `by=agency` the agency itself. */
  agency: string;
  /** Offices in the row (1 for `by=office`). */
  offices: number;
  ikm: RegencyIkm | null;
  complaints: RegencyComplaints | null;
};

/**
 * How current an office's figures are. Ingest acknowledges events once they
 * are stored; the reports include them once the projector has read them
 * (docs/regency.md "Ingest and projection").
 */
export interface RegencyOfficeCurrency {
  officeId: string;
  /** The last event the reports include: its stream, seq and own time (epoch ms, the hub's clock); null before the first. */
  currentThrough: { stream: number; seq: number; at: number | null } | null;
  /** Events central acknowledged that the reports do not include yet. */
  pendingEvents: number;
}

export interface RegencyLeague {
  from: string;
  to: string;
  by: "office" | "agency";
  rows: RegencyLeagueRow[];
  /** Per office in the league's scope, by id. */
  currency: RegencyOfficeCurrency[];
}

/** Drill-down, office -> service: one summary row per service (key = service id), and the office's total. */
export interface RegencyOfficeServices {
  office: { id: string; name: string; agency: string };
  from: string;
  to: string;
  total: SummaryRow;
  services: SummaryRow[];
  /** Service id -> its name as the office last published it (office_standards); an id without a published standard is absent. */
  serviceNames: Record<string, string>;
  currency: RegencyOfficeCurrency;
}

/** Drill-down, service -> SOP step: the office dashboard's step rows, percentiles always computed. */
export interface RegencyOfficeSteps {
  office: { id: string; name: string; agency: string };
  from: string;
  to: string;
  steps: StepRow[];
}

/** Per month of the range (key = "YYYY-MM"). */
export interface RegencyOfficeTrend {
  office: { id: string; name: string; agency: string };
  from: string;
  to: string;
  months: SummaryRow[];
}

/** A published service missing any of the six components of its Standar Pelayanan. */
export interface RegencyStandardGap {
  officeId: string;
  officeName: string;
  serviceId: string;
  serviceName: string;
  /** The components missing, by their config key (persyaratan, prosedur, jangkaWaktu, biaya, produk, pengaduan). */
  missing: string[];
}

export interface RegencyStandardGaps {
  /** Published services checked, per office. */
  checked: { officeId: string; services: number }[];
  gaps: RegencyStandardGap[];
}

/**
 * GET /api/v1/regency/services: the services the viewer's offices offer, the
 * league's service filter. Matched by id across offices (the id is what the
 * rollups carry); named by the name most offices published for it.
 */
export interface RegencyServiceEntry {
  id: string;
  /** The most common published name (ties: alphabetical); the id where no office published one. */
  name: string;
  /** Other names offices published for the same id, most common first. */
  otherNames: string[];
  /** Offices that published the service or served it. */
  offices: number;
}

export interface RegencyServiceCatalog {
  services: RegencyServiceEntry[];
}
