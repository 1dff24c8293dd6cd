/**
 * Report benchmark: the manager dashboard's queries over a million simulated
 * tickets (a year of the sample office at ~4,000 tickets per open day, see
 * report-data.ts), in process, on the store's own connection, as the hub runs
 * them. Each figure is the p50 of RUNS timed runs after WARMUP untimed ones.
 *
 * - report_1m_tickets_ms: the monthly compliance report (every service: counts,
 *   targets, % within target, p50/p90, worst hours, counters, officers, the
 *   bottleneck step, Indonesian notes) plus the per-service summary, for the
 *   last full month in the data (~88,000 segments).
 * - ticket_log_first_page_ms: the first 50 rows of the ticket log, newest
 *   first, over the whole year (with their SOP steps).
 * - baseline_count_by_service_ms: the bare floor, `SELECT service_id, COUNT(*)
 *   ... GROUP BY service_id` over the same month.
 * - ikm_report_year_ms, complaints_report_year_ms: the hub's `ikm` (by=service)
 *   and `complaints` report handlers over the whole year, their query parsed
 *   as the dashboard's request is (the survey answers and complaints are the
 *   simulator's, apps/hub/src/simulate/feedback.ts).
 *
 * - booking_report_year_ms, booking_report_month_ms: the hub's `bookings`
 *   report handler (Laporan's "Reservasi" panel: by=all and by=day for the
 *   year; by=day for the month).
 *
 * `pnpm exec tsx tests/bench/reports.ts` runs it alone and prints JSON.
 */
import { statSync } from "node:fs";
import { join } from "node:path";
import { loadConfig } from "@layan/config";
import { openStore } from "@layan/store";
import { buildComplianceReport } from "../../apps/hub/src/reports/compliance";
import type { ReportContext } from "../../apps/hub/src/reports/context";
import { bookings } from "../../apps/hub/src/reports/endpoints/bookings";
import { complaints } from "../../apps/hub/src/reports/endpoints/complaints";
import { ikm } from "../../apps/hub/src/reports/endpoints/ikm";
import { localClock } from "../../apps/hub/src/reports/routes";
import { reportNames } from "../../apps/hub/src/reports/names";
import { addDays, dayStartOf, monthRange, utcOffsetMinutes } from "@layan/core";
import { REPORT_ENDPOINTS } from "@layan/protocol";
import { createReportQueries } from "@layan/store";
import { setupFromConfig } from "../../apps/hub/src/config-setup";
import { ensureReportStore } from "./report-data";

const ROOT = new URL("../../", import.meta.url).pathname;
const WARMUP = 2;
const RUNS = 9;

function p50(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.ceil(sorted.length / 2) - 1] ?? Number.NaN;
}

/** Lets pending I/O (log writes, timers) run before a figure, so it does not land inside one. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

function timed(fn: () => unknown): number {
  for (let i = 0; i < WARMUP; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return Math.round(p50(samples) * 100) / 100;
}

export async function benchReports(
  log: (msg: string) => void = (m) => process.stderr.write(`${m}\n`),
): Promise<Record<string, number>> {
  const path = ensureReportStore(log);
  const t0 = performance.now();
  // Opening migrates the cached file in place the first time (indexes, rollup tables).
  const store = openStore(path);
  const openMs = performance.now() - t0;
  try {
    const config = loadConfig(join(ROOT, "kiosk-config"));
    const setup = setupFromConfig(config);
    let verifyMs = 0;
    const reports = createReportQueries(store.db, {
      utcOffsetMinutes: utcOffsetMinutes(setup.rules.timezone, Date.now()),
      onVerified: (check) => {
        verifyMs = check.ms;
        if (check.rebuilt)
          log(
            `  report rollups filled from the log in ${(check.ms / 1000).toFixed(1)} s (${check.mismatches.join(", ")})`,
          );
      },
    });
    const names = reportNames(setup, reports);
    const range = reports.dataRange();
    if (!range) throw new Error("the benchmark store is empty");
    const month = monthRange(range.to.slice(0, 7));
    const monthFilter = { from: month.from, to: month.to };
    const configured = setup.rules.services.map((s) => ({
      id: s.id,
      waitMinutes: s.targets.waitMinutes,
      serviceMinutes: s.targets.serviceMinutes,
      tickable: s.targets.steps.length > 0,
    }));
    const office = {
      name: setup.catalog.office.name,
      shortName: setup.catalog.office.shortName,
      address: setup.catalog.office.address,
    };

    const count = (sql: string, ...params: string[]) =>
      store.db.prepare<string[], { n: number }>(sql).get(...params)?.n ?? 0;
    const tickets = count("SELECT count(*) AS n FROM tickets");
    // service_log holds day numbers (migration 0015): the month's days as text, converted in SQL.
    const monthSegments = count(
      "SELECT count(*) AS n FROM service_log WHERE service_day BETWEEN unixepoch(?) / 86400 AND unixepoch(?) / 86400",
      month.from,
      month.to,
    );
    log(
      `  ${tickets.toLocaleString("en")} tickets; report month ${month.month}: ${monthSegments.toLocaleString("en")} segments`,
    );

    const baseline = store.db.prepare<[string, string], { service_id: string; n: number }>(
      "SELECT service_id, COUNT(*) AS n FROM service_log WHERE service_day BETWEEN unixepoch(?) / 86400 AND unixepoch(?) / 86400 GROUP BY service_id",
    );
    const results: Record<string, number> = {};
    const measure = async (key: string, fn: () => unknown) => {
      await settle();
      results[key] = timed(fn);
    };
    await measure("report_1m_tickets_ms", () => {
      buildComplianceReport(reports, names, office, month, { serviceIds: null }, configured, Date.now());
      reports.summary(monthFilter, "service");
    });
    await measure("ticket_log_first_page_ms", () =>
      reports.tickets({ from: range.from, to: range.to, limit: 50 }),
    );
    await measure("baseline_count_by_service_ms", () => baseline.all(month.from, month.to));
    await measure("report_compliance_only_ms", () =>
      buildComplianceReport(reports, names, office, month, { serviceIds: null }, configured, Date.now()),
    );
    await measure("report_summary_by_service_ms", () => reports.summary(monthFilter, "service"));
    await measure("report_summary_year_ms", () =>
      reports.summary({ from: range.from, to: range.to }, "service"),
    );
    await measure("ticket_log_month_first_page_ms", () => reports.tickets({ ...monthFilter, limit: 50 }));
    await measure("ticket_log_longest_wait_page_ms", () =>
      reports.tickets({ from: range.from, to: range.to, sort: "wait", dir: "desc", limit: 50 }),
    );
    // Deep pages cost what page 1 costs: walk 199 pages, time the 200th.
    let cursor: string | null = null;
    for (let i = 0; i < 199; i++) cursor = reports.tickets({ ...monthFilter, limit: 50, cursor }).nextCursor;
    const page200 = cursor;
    await measure("ticket_log_page_200_ms", () =>
      reports.tickets({ ...monthFilter, limit: 50, cursor: page200 }),
    );

    // The day after the data, noon: a complaint still unanswered by then is past due, as the hub would judge it.
    const now = dayStartOf(addDays(range.to, 1), setup.rules.timezone) + 12 * 3_600_000;
    const offset = utcOffsetMinutes(setup.rules.timezone, now);
    // These two handlers read the hub's clock and setup only (as in the report
    // worker); sockets, auth and the live queue have no part in a report's time.
    const rc: ReportContext = { setup, now: () => now, reports, names, clock: (at) => localClock(at, offset) };
    const today = addDays(range.to, 1);
    const year = { from: range.from, to: range.to };
    await measure("ikm_report_year_ms", () =>
      ikm.json(rc, REPORT_ENDPOINTS.ikm.query(today).parse({ ...year, by: "service" })),
    );
    await measure("complaints_report_year_ms", () =>
      complaints.json(rc, REPORT_ENDPOINTS.complaints.query(today).parse(year)),
    );
    // The Laporan "Reservasi" panel's two reads for a year: the total and per day.
    // The simulated office takes no bookings, so this is the cost of the waits
    // every booking report reads (all of the range's waits, split booked/walk-in).
    await measure("booking_report_year_ms", () => {
      bookings.json(rc, REPORT_ENDPOINTS.bookings.query(today).parse({ ...year, by: "all" }));
      bookings.json(rc, REPORT_ENDPOINTS.bookings.query(today).parse({ ...year, by: "day" }));
    });
    await measure("booking_report_month_ms", () =>
      bookings.json(rc, REPORT_ENDPOINTS.bookings.query(today).parse({ from: month.from, to: month.to, by: "day" })),
    );
    const ikmYear = ikm.json(rc, REPORT_ENDPOINTS.ikm.query(today).parse({ ...year, by: "service" }));
    const complaintsYear = complaints.json(rc, REPORT_ENDPOINTS.complaints.query(today).parse(year));
    log(
      `  year: ${ikmYear.total.respondents.toLocaleString("en")} survey answers of ${ikmYear.total.served.toLocaleString("en")} served (IKM ${ikmYear.total.ikm}), ${complaintsYear.total.filed} complaints`,
    );
    Object.assign(results, {
      report_year_survey_answers: ikmYear.total.respondents,
      report_year_complaints: complaintsYear.total.filed,
      report_rollup_check_ms: Math.round(verifyMs),
      report_store_open_ms: Math.round(openMs),
      report_tickets: tickets,
      report_month_segments: monthSegments,
      report_store_mb: Math.round(statSync(path).size / 1e6),
    });
    return results;
  } finally {
    store.close();
  }
}

if (process.argv[1]?.endsWith("reports.ts")) {
  benchReports()
    .then((r) => process.stdout.write(`${JSON.stringify(r, null, 2)}\n`))
    .catch((err: unknown) => {
      process.stderr.write(`${String(err)}\n`);
      process.exit(1);
    });
}
