/**
 * What every report endpoint works with, and the shape of an endpoint: its
 * JSON answer (typed by REPORT_ENDPOINTS in packages/protocol) and, where the
 * report has one, its CSV file.
 */
import type { ReportFilterQuery, ReportName, ReportQuery, ReportResponse } from "@layan/protocol";
import type { ReportFilter, ReportQueries } from "@layan/store";
import type { HubSetup } from "../setup";
import { sendCsv, type CsvDialect, type CsvSink } from "./csv";
import type { ReportNames } from "./names";

/**
 * Reports run in the report worker (worker.ts), away from the queue: they see
 * the office's setup and the hub's clock as the request carried them, and the
 * database through the worker's own read-only connection, never the engine.
 */
export interface ReportContext {
  setup: HubSetup;
  /** The hub's time when the request arrived (the hub's clock, pinned in tests). */
  now: () => number;
  reports: ReportQueries;
  names: ReportNames;
  /** "08:05:30" office-local, from epoch ms. */
  clock: (at: number | null) => string;
}

/** A parameter found wrong only while answering (a forged page cursor): 400 naming it. */
export class ReportParamError extends Error {
  constructor(readonly issues: { path: string; message: string }[]) {
    super(issues.map((i) => `${i.path}: ${i.message}`).join("; "));
  }
}

export interface CsvOut {
  res: CsvSink;
  dialect: CsvDialect;
}

export interface ReportHandler<N extends ReportName> {
  json(rc: ReportContext, q: ReportQuery<N>): ReportResponse<N>;
  csv?(rc: ReportContext, q: ReportQuery<N>, out: CsvOut): void | Promise<void>;
}

/**
 * The store's filter for a parsed query. Agencies live in the config, not in
 * the log: an agency filter becomes its services, intersected with an explicit
 * service filter when both are given.
 */
export function reportFilter(rc: ReportContext, q: ReportFilterQuery): ReportFilter {
  let serviceIds = q.service;
  if (q.agency) {
    const agencies = q.agency;
    const ofAgencies = rc.setup.rules.services.filter((s) => agencies.includes(s.agencyId)).map((s) => s.id);
    serviceIds = serviceIds ? serviceIds.filter((id) => ofAgencies.includes(id)) : ofAgencies;
  }
  return { from: q.from, to: q.to, serviceIds, counterIds: q.counter, officerIds: q.officer };
}

/** A date-range report's answer: the range it covers (defaults filled in), then what `body` reads over it. */
export function overRange<T extends object>(
  rc: ReportContext,
  q: ReportFilterQuery,
  body: (filter: ReportFilter) => T,
): { from: string; to: string } & T {
  const filter = reportFilter(rc, q);
  return { from: filter.from, to: filter.to, ...body(filter) };
}

/**
 * A date-range report with a CSV file: the table `csv` makes of the JSON answer,
 * sent as `layan-<file>-<from>_<to>.csv` so a download says which days it holds.
 */
export function rangeReport<N extends ReportName>(
  json: (rc: ReportContext, q: ReportQuery<N>) => ReportResponse<N> & { from: string; to: string },
  file: string,
  csv: (report: ReturnType<typeof json>, dialect: CsvDialect) => string,
): ReportHandler<N> {
  return {
    json,
    csv: (rc, q, { res, dialect }) => {
      const report = json(rc, q);
      sendCsv(res, `layan-${file}-${report.from}_${report.to}.csv`, csv(report, dialect));
    },
  };
}
