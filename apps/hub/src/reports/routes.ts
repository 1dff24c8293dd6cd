/**
 * GET /api/reports/* — the manager dashboard's reports over HTTP, as JSON and
 * as CSV (`.csv` on the path). Same session tokens as the sockets
 * (`Authorization: Bearer ses_…`), for managers, supervisors and admins only.
 * docs/api.md is the contract.
 *
 * Reports run on the hub's thread, on its database connection: the queries
 * are index range scans sized for a month of a busy office in well under the
 * 300 ms budget, and the CSV of the ticket log is streamed page by page,
 * yielding between pages, so an export never holds up a call for long.
 */
import type { ServerResponse } from "node:http";
import { serviceDayOf } from "@layan/core";
import { fail, ok, type ErrorCode } from "@layan/protocol";
import type { Store } from "@layan/store";
import type { HubContext } from "../context";
import { bearerToken, sendJson, type Route } from "../http";
import { buildComplianceReport, STATUS_LABELS, type ComplianceReport } from "./compliance";
import {
  CSV_DEFAULT,
  CSV_INDONESIA,
  BOM,
  csvRow,
  minutes,
  toCsv,
  type CsvDialect,
  type CsvValue,
} from "./csv";
import { liveView } from "./live";
import { reportNames, type ReportNames } from "./names";
import { ParamError, parseFilter, parseGroupBy, parseMonth, parseTicketQuery, type Issue } from "./params";
import {
  createReportQueries,
  utcOffsetMinutes,
  type GroupBy,
  type ReportQueries,
  type StepRow,
  type SummaryRow,
  type TicketLogRow,
} from "./store-reports";

/** Roles that may read reports; officers and devices may not. */
export const REPORT_ROLES: readonly string[] = ["manager", "supervisor", "admin"];

const STATUS: Partial<Record<ErrorCode, number>> = {
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID_PAYLOAD: 400,
};

export const OUTCOME_LABELS: Record<string, string> = {
  selesai: "Selesai",
  berkas_tidak_lengkap: "Berkas tidak lengkap",
  dirujuk: "Dirujuk",
  transferred: "Dialihkan",
  no_show: "Tidak hadir",
  cancelled: "Dibatalkan",
};

export const WEEKDAY_LABELS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"];

const GROUP_LABELS: Record<GroupBy, string> = {
  all: "Semua",
  service: "Layanan",
  agency: "Instansi",
  counter: "Loket",
  officer: "Petugas",
  day: "Tanggal",
  hour: "Jam",
  weekday: "Hari",
};

function sendError(res: ServerResponse, code: ErrorCode, issues?: Issue[]): void {
  sendJson(res, STATUS[code] ?? 500, fail(code, issues));
}

function sendCsv(res: ServerResponse, filename: string, body: string): void {
  res.writeHead(200, {
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": `attachment; filename="${filename}"`,
    "content-length": Buffer.byteLength(body),
    "cache-control": "no-store",
  });
  res.end(body);
}

/**
 * The route factory for `createHub({ routes: [reportRoutes(store.db)] })`: the
 * hub context gives time, auth, config and the live queue; the database handle
 * is the store's own connection.
 */
export function reportRoutes(db: Store["db"]): (ctx: HubContext) => Route {
  return (ctx) => {
    const tz = ctx.setup.rules.timezone;
    const offsetMinutes = utcOffsetMinutes(tz, ctx.engine.now());
    const reports = createReportQueries(db, { utcOffsetMinutes: offsetMinutes });
    const names = reportNames(ctx.setup, reports);
    const today = () => serviceDayOf(ctx.engine.now(), tz);
    const log = ctx.logger.child({ part: "reports" });
    const clock = (at: number | null) => localClock(at, offsetMinutes);

    return async (req, res, url) => {
      if (!url.pathname.startsWith("/api/reports/")) return false;
      if (req.method !== "GET") {
        sendError(res, "NOT_FOUND");
        return true;
      }
      const identity = ctx.auth.identify(bearerToken(req));
      if (!identity) {
        sendError(res, "UNAUTHORIZED");
        return true;
      }
      if (identity.kind !== "user" || !REPORT_ROLES.includes(identity.role)) {
        log.info({ who: identity.id, role: identity.role, path: url.pathname }, "report refused");
        sendError(res, "FORBIDDEN");
        return true;
      }
      const m = /^\/api\/reports\/([a-z]+)(\.csv)?$/.exec(url.pathname);
      const name = m?.[1] ?? "";
      const csv = m?.[2] === ".csv";
      const dialect: CsvDialect = url.searchParams.get("dialect") === "id" ? CSV_INDONESIA : CSV_DEFAULT;
      const started = performance.now();
      const issues: Issue[] = [];
      const check = () => {
        if (issues.length > 0) throw new ParamError(issues);
      };
      try {
        switch (name) {
          case "meta":
            sendJson(res, 200, ok(meta(ctx, reports, names)));
            break;
          case "summary": {
            const filter = parseFilter(url.searchParams, ctx.setup, today, issues);
            const by = parseGroupBy(url.searchParams, issues);
            check();
            const rows = reports.summary(filter, by, { agencyOf: names.agencyMap() });
            const labelled = rows.map((r) => ({ ...r, name: groupName(by, r.key, names) }));
            if (csv)
              sendCsv(
                res,
                `layan-ringkasan-per-${GROUP_LABELS[by].toLowerCase()}-${filter.from}_${filter.to}.csv`,
                summaryCsv(by, labelled, dialect),
              );
            else sendJson(res, 200, ok({ from: filter.from, to: filter.to, by, rows: labelled }));
            break;
          }
          case "trend": {
            const filter = parseFilter(url.searchParams, ctx.setup, today, issues);
            check();
            const rows = fillDays(filter.from, filter.to, reports.summary(filter, "day"));
            if (csv)
              sendCsv(
                res,
                `layan-tren-harian-${filter.from}_${filter.to}.csv`,
                summaryCsv(
                  "day",
                  rows.map((r) => ({ ...r, name: r.key ?? "" })),
                  dialect,
                ),
              );
            else sendJson(res, 200, ok({ from: filter.from, to: filter.to, days: rows }));
            break;
          }
          case "steps": {
            const filter = parseFilter(url.searchParams, ctx.setup, today, issues);
            check();
            const rows = labelSteps(reports.steps(filter, { percentiles: true }), names);
            if (csv)
              sendCsv(
                res,
                `layan-langkah-sop-${filter.from}_${filter.to}.csv`,
                stepsCsv(rows, names, dialect),
              );
            else sendJson(res, 200, ok({ from: filter.from, to: filter.to, rows }));
            break;
          }
          case "heatmap": {
            const filter = parseFilter(url.searchParams, ctx.setup, today, issues);
            check();
            const cells = reports.heatmap(filter);
            if (csv) {
              sendCsv(
                res,
                `layan-peta-jam-${filter.from}_${filter.to}.csv`,
                toCsv(
                  [
                    "Hari",
                    "Jam",
                    "Antrean",
                    "Tunggu rata-rata (menit)",
                    "% tunggu sesuai target",
                    "% layanan sesuai target",
                  ],
                  cells.map((c) => [
                    WEEKDAY_LABELS[c.weekday],
                    hourRange(c.hour),
                    c.segments,
                    minutes(c.waitAvgMs),
                    c.waitMet.pct,
                    c.serviceMet.pct,
                  ]),
                  dialect,
                ),
              );
            } else sendJson(res, 200, ok({ from: filter.from, to: filter.to, cells }));
            break;
          }
          case "tickets": {
            const query = parseTicketQuery(url.searchParams, ctx.setup, today, issues);
            check();
            if (csv) {
              await streamTicketsCsv(res, reports, query, names, clock, dialect);
            } else {
              let page;
              try {
                page = reports.tickets(query);
              } catch (err) {
                if (err instanceof RangeError)
                  throw new ParamError([{ path: "cursor", message: "kursor halaman tidak valid" }]);
                throw err;
              }
              sendJson(
                res,
                200,
                ok({ rows: page.rows.map((r) => labelTicket(r, names)), nextCursor: page.nextCursor }),
              );
            }
            break;
          }
          case "compliance": {
            const range = parseMonth(url.searchParams, today, issues);
            const params = new URLSearchParams(url.searchParams);
            params.set("from", range.from);
            params.set("to", range.to);
            const filter = parseFilter(params, ctx.setup, today, issues);
            check();
            const report = buildComplianceReport(
              reports,
              names,
              {
                name: ctx.setup.catalog.office.name,
                shortName: ctx.setup.catalog.office.shortName,
                address: ctx.setup.catalog.office.address,
              },
              range,
              { serviceIds: filter.serviceIds ?? null },
              ctx.setup.rules.services.map((s) => ({
                id: s.id,
                waitMinutes: s.targets.waitMinutes,
                serviceMinutes: s.targets.serviceMinutes,
              })),
              ctx.engine.now(),
            );
            if (csv) sendCsv(res, `layan-kepatuhan-${range.month}.csv`, complianceCsv(report, dialect));
            else sendJson(res, 200, ok(report));
            break;
          }
          case "live":
            sendJson(res, 200, ok(liveView(ctx.engine.state, ctx.engine.now())));
            break;
          default:
            sendError(res, "NOT_FOUND");
            return true;
        }
      } catch (err) {
        if (err instanceof ParamError) {
          sendError(res, "INVALID_PAYLOAD", err.issues);
          return true;
        }
        throw err;
      }
      log.debug({ report: name, csv, ms: Math.round(performance.now() - started) }, "report");
      return true;
    };
  };
}

// ---- JSON shapes --------------------------------------------------------

function meta(ctx: HubContext, reports: ReportQueries, names: ReportNames) {
  const configured = ctx.setup.rules.counters.map((c) => c.id);
  const counterIds = [...new Set([...configured, ...reports.counterIds()])];
  return {
    office: ctx.setup.catalog.office,
    today: serviceDayOf(ctx.engine.now(), ctx.setup.rules.timezone),
    dataRange: reports.dataRange(),
    agencies: ctx.setup.catalog.agencies.map((a) => ({
      id: a.id,
      name: a.name,
      shortName: a.shortName,
      color: a.color,
    })),
    services: ctx.setup.catalog.services.map((s) => ({
      id: s.id,
      agencyId: s.agencyId,
      prefix: s.prefix,
      name: s.name,
      targets: s.targets,
      steps: s.prosedur
        .filter((p) => p.timed)
        .map((p) => ({
          id: p.id,
          name: names.step(s.id, p.id),
          description: p.description,
          minutes: p.minutes,
        })),
    })),
    counters: counterIds
      .map((id) => ({ id, name: names.counter(id), configured: configured.includes(id) }))
      .sort((a, b) => a.name.localeCompare(b.name, "id", { numeric: true })),
    officers: reports
      .people()
      .filter((p) => p.role !== "manager")
      .map((p) => ({ id: p.id, name: p.displayName })),
    roles: REPORT_ROLES,
  };
}

function groupName(by: GroupBy, key: string | null, names: ReportNames): string {
  if (key === null) return by === "all" ? "Semua layanan" : "(tanpa)";
  switch (by) {
    case "service":
      return names.service(key);
    case "agency":
      return names.agency(key);
    case "counter":
      return names.counter(key);
    case "officer":
      return names.officer(key);
    case "hour":
      return hourRange(Number(key));
    case "weekday":
      return WEEKDAY_LABELS[Number(key)] ?? key;
    default:
      return key;
  }
}

export type LabelledStep = StepRow & {
  serviceName: string;
  stepName: string;
  order: number;
  bottleneck: boolean;
};

function labelSteps(rows: StepRow[], names: ReportNames): LabelledStep[] {
  const out = rows.map((r) => ({
    ...r,
    serviceName: names.service(r.serviceId),
    stepName: names.step(r.serviceId, r.stepId),
    order: names.stepOrder(r.serviceId, r.stepId),
    bottleneck: false,
  }));
  out.sort(
    (a, b) =>
      a.serviceName.localeCompare(b.serviceName, "id") || a.order - b.order || a.avgOrder - b.avgOrder,
  );
  // Per service: the step where most time beyond target went (same rule as the compliance report).
  const best = new Map<string, LabelledStep>();
  for (const s of out) {
    if (s.targetMs === null || s.overTargetMs <= 0) continue;
    const b = best.get(s.serviceId);
    if (!b || s.overTargetMs > b.overTargetMs) best.set(s.serviceId, s);
  }
  for (const s of best.values()) s.bottleneck = true;
  return out;
}

function labelTicket(r: TicketLogRow, names: ReportNames) {
  return {
    ...r,
    serviceName: names.service(r.serviceId),
    counterName: names.counter(r.counterId),
    officerName: names.officer(r.officerId),
    steps: r.steps.map((s) => ({ ...s, name: names.step(r.serviceId, s.stepId) })),
  };
}

/** Every day of the range, zeros where nothing happened (charts need the gaps). */
function fillDays(from: string, to: string, rows: SummaryRow[]): SummaryRow[] {
  const byDay = new Map(rows.map((r) => [r.key, r]));
  const out: SummaryRow[] = [];
  for (
    let t = Date.parse(`${from}T00:00:00Z`), end = Date.parse(`${to}T00:00:00Z`);
    t <= end;
    t += 86_400_000
  ) {
    const day = new Date(t).toISOString().slice(0, 10);
    out.push(
      byDay.get(day) ?? {
        key: day,
        issued: 0,
        segments: 0,
        served: 0,
        outcomes: {
          selesai: 0,
          berkas_tidak_lengkap: 0,
          dirujuk: 0,
          transferred: 0,
          no_show: 0,
          cancelled: 0,
        },
        wait: { n: 0, avgMs: null, p50Ms: null, p90Ms: null },
        service: { n: 0, avgMs: null, p50Ms: null, p90Ms: null },
        waitMet: { judged: 0, met: 0, pct: null },
        serviceMet: { judged: 0, met: 0, pct: null },
        waitTargetMs: null,
        serviceTargetMs: null,
      },
    );
  }
  return out;
}

// ---- CSV ----------------------------------------------------------------

const hourRange = (h: number) =>
  `${String(h).padStart(2, "0")}.00-${String((h + 1) % 24).padStart(2, "0")}.00`;

/** "08:05:30" office-local, from epoch ms and the fixed offset. */
export function localClock(at: number | null, offsetMinutes: number): string {
  if (at === null) return "";
  const t = new Date(at + offsetMinutes * 60_000);
  return t.toISOString().slice(11, 19);
}

const targetMinutes = (t: { min: number; max: number } | null) =>
  t === null ? null : t.min === t.max ? minutes(t.max) : `${minutes(t.min)}-${minutes(t.max)}`;

function summaryCsv(by: GroupBy, rows: (SummaryRow & { name: string })[], dialect: CsvDialect): string {
  const header = [
    GROUP_LABELS[by],
    "Kode",
    "Diterbitkan",
    "Antrean (segmen)",
    "Dilayani",
    "Selesai",
    "Berkas tidak lengkap",
    "Dirujuk",
    "Dialihkan",
    "Tidak hadir",
    "Dibatalkan",
    "Tunggu rata-rata (menit)",
    "Tunggu p50 (menit)",
    "Tunggu p90 (menit)",
    "Target tunggu (menit)",
    "Tunggu sesuai target (%)",
    "Layanan rata-rata (menit)",
    "Layanan p50 (menit)",
    "Layanan p90 (menit)",
    "Target layanan (menit)",
    "Layanan sesuai target (%)",
  ];
  return toCsv(
    header,
    rows.map((r): CsvValue[] => [
      r.name,
      r.key,
      r.issued,
      r.segments,
      r.served,
      r.outcomes.selesai,
      r.outcomes.berkas_tidak_lengkap,
      r.outcomes.dirujuk,
      r.outcomes.transferred,
      r.outcomes.no_show,
      r.outcomes.cancelled,
      minutes(r.wait.avgMs),
      minutes(r.wait.p50Ms),
      minutes(r.wait.p90Ms),
      targetMinutes(r.waitTargetMs),
      r.waitMet.pct,
      minutes(r.service.avgMs),
      minutes(r.service.p50Ms),
      minutes(r.service.p90Ms),
      targetMinutes(r.serviceTargetMs),
      r.serviceMet.pct,
    ]),
    dialect,
  );
}

function stepsCsv(rows: LabelledStep[], _names: ReportNames, dialect: CsvDialect): string {
  return toCsv(
    [
      "Layanan",
      "Langkah SOP",
      "Dicentang",
      "Rata-rata (menit)",
      "p50 (menit)",
      "p90 (menit)",
      "Target (menit)",
      "Sesuai target (%)",
      "Total di atas target (menit)",
      "Langkah paling lambat",
    ],
    rows.map((r) => [
      r.serviceName,
      r.stepName,
      r.n,
      minutes(r.avgMs),
      minutes(r.p50Ms),
      minutes(r.p90Ms),
      minutes(r.targetMs),
      r.met.pct,
      minutes(r.overTargetMs),
      r.bottleneck,
    ]),
    dialect,
  );
}

function complianceCsv(report: ComplianceReport, dialect: CsvDialect): string {
  return toCsv(
    [
      "Layanan",
      "Instansi",
      "Diterbitkan",
      "Dilayani",
      "Tidak hadir",
      "Dibatalkan",
      "Target tunggu (menit)",
      "Tunggu sesuai target (%)",
      "Tunggu rata-rata (menit)",
      "Tunggu p90 (menit)",
      "Target layanan (menit)",
      "Layanan sesuai target (%)",
      "Layanan rata-rata (menit)",
      "Layanan p90 (menit)",
      "Status",
      "Jam terlemah",
      "Langkah SOP paling lambat",
      "Catatan",
    ],
    report.services.map((s) => [
      s.name,
      s.agencyName,
      s.summary.issued,
      s.summary.served,
      s.summary.outcomes.no_show,
      s.summary.outcomes.cancelled,
      s.waitTargetMinutes,
      s.summary.waitMet.pct,
      minutes(s.summary.wait.avgMs),
      minutes(s.summary.wait.p90Ms),
      s.serviceTargetMinutes,
      s.summary.serviceMet.pct,
      minutes(s.summary.service.avgMs),
      minutes(s.summary.service.p90Ms),
      STATUS_LABELS[s.status],
      s.worstHours.map((h) => h.label).join(", "),
      s.bottleneck?.name ?? "",
      s.notes.join("\n"),
    ]),
    dialect,
  );
}

const TICKET_HEADER = [
  "Tanggal",
  "Nomor",
  "Layanan",
  "Prioritas",
  "Loket",
  "Petugas",
  "Masuk antrean",
  "Dipanggil",
  "Mulai dilayani",
  "Selesai",
  "Hasil",
  "Tunggu (menit)",
  "Target tunggu (menit)",
  "Tunggu sesuai target",
  "Layanan (menit)",
  "Target layanan (menit)",
  "Layanan sesuai target",
  "Panggilan ulang",
  "Langkah SOP (menit/target)",
];

export function ticketCsvRow(
  r: TicketLogRow,
  names: ReportNames,
  clock: (at: number | null) => string,
  dialect: CsvDialect,
): string {
  const decimal = (n: number | null) => (n === null ? "" : String(n).replace(".", dialect.decimal));
  return csvRow(
    [
      r.serviceDay,
      r.ticketNumber,
      names.service(r.serviceId),
      r.priority,
      names.counter(r.counterId),
      names.officer(r.officerId),
      clock(r.enqueuedAt),
      clock(r.calledAt),
      clock(r.startedAt),
      clock(r.endedAt),
      OUTCOME_LABELS[r.outcome] ?? r.outcome,
      minutes(r.waitMs),
      minutes(r.waitTargetMs),
      r.waitMet,
      minutes(r.serviceMs),
      minutes(r.serviceTargetMs),
      r.serviceMet,
      r.recalls,
      r.steps
        .map(
          (s) =>
            `${names.step(r.serviceId, s.stepId)} ${decimal(minutes(s.ms))}/${decimal(minutes(s.targetMs))}`,
        )
        .join("; "),
    ],
    dialect,
  );
}

async function streamTicketsCsv(
  res: ServerResponse,
  reports: ReportQueries,
  query: Parameters<ReportQueries["iterateTickets"]>[0],
  names: ReportNames,
  clock: (at: number | null) => string,
  dialect: CsvDialect,
): Promise<void> {
  res.writeHead(200, {
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": `attachment; filename="layan-log-antrean-${query.from}_${query.to}.csv"`,
    "cache-control": "no-store",
  });
  res.write(BOM + csvRow(TICKET_HEADER, dialect));
  for (const page of reports.iterateTickets(query, 2_000)) {
    if (res.destroyed) return;
    const ok = res.write(page.map((r) => ticketCsvRow(r, names, clock, dialect)).join(""));
    // Let calls and pushes run between pages; wait for the socket when the client reads slowly.
    if (!ok) {
      await new Promise<void>((resolve) => {
        res.once("drain", resolve);
        res.once("close", resolve);
      });
    } else await new Promise<void>((resolve) => setImmediate(resolve));
  }
  res.end();
}
