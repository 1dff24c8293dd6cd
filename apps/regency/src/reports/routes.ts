/**
 * GET /api/v1/regency/*: the league table (JSON and CSV), the drill-down
 * office -> service -> SOP step, the monthly trend and the services missing
 * a published component. A session cookie of a regency user or a Bearer
 * viewer token (auth/routes.ts readerOf); an office-scoped reader is
 * answered for its own office only (docs/api.md "Regency reports").
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { checkStandarPelayanan, STANDAR_COMPONENTS, type ServiceDraft } from "@layan/config";
import {
  RegencyLeagueQuery,
  RegencyOfficeParam,
  RegencyRangeQuery,
  type RegencyLeague,
  type RegencyLeagueRow,
  type RegencyOfficeServices,
  type RegencyOfficeSteps,
  type RegencyOfficeTrend,
  type RegencyServiceCatalog,
  type RegencyStandardGaps,
} from "@layan/protocol";
import type { z } from "zod";
import type { Pool } from "../db/pool";
import { IngestRefusal } from "../ingest";
import { projectionStatus } from "../projector";
import { complaintsBy, ikmBy, stepRows, summaries, type RegencyFilter } from "./queries";
import type { Viewer } from "./viewers";

type Send = (res: ServerResponse, status: number, body: unknown) => void;
/** Who is asking: the viewer token's or the logged-in user's scope; throws UNAUTHORIZED. */
type ReaderOf = (req: IncomingMessage) => Promise<Viewer>;

function parseQuery<S extends z.ZodType>(schema: S, url: URL): z.infer<S> {
  const result = schema.safeParse(Object.fromEntries(url.searchParams));
  if (!result.success) {
    throw new IngestRefusal("INVALID_PAYLOAD", 400, undefined, result.error.issues.slice(0, 20).map((i) => ({ path: i.path.join("."), message: i.message })));
  }
  return result.data;
}

const pctOrder = (p: number | null) => (p === null ? -1 : p);

/** Best first: SOP wait compliance, then service-time compliance, then the shorter median wait. */
export function rankRows<T extends Omit<RegencyLeagueRow, "rank">>(rows: T[]): (T & { rank: number })[] {
  return [...rows]
    .sort(
      (a, b) =>
        pctOrder(b.waitMet.pct) - pctOrder(a.waitMet.pct) ||
        pctOrder(b.serviceMet.pct) - pctOrder(a.serviceMet.pct) ||
        (a.wait.p50Ms ?? Infinity) - (b.wait.p50Ms ?? Infinity) ||
        (a.key ?? "").localeCompare(b.key ?? ""),
    )
    .map((r, i) => ({ ...r, rank: i + 1 }));
}

const csvField = (v: string | number | null): string => {
  if (v === null) return "";
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const minutes = (ms: number | null) => (ms === null ? null : Math.round(ms / 600) / 100);

const LEAGUE_HEADER = [
  "Peringkat", "Kantor/OPD", "Kode", "Perangkat Daerah", "Diterbitkan", "Dilayani", "Tidak hadir", "Dibatalkan",
  "Tunggu median (menit)", "Tunggu p90 (menit)", "Tunggu sesuai SOP (%)", "Layanan median (menit)", "Layanan sesuai SOP (%)",
  "IKM", "Responden SKM", "Pengaduan", "Pengaduan ditanggapi tepat waktu",
];

export function leagueCsv(league: RegencyLeague): string {
  const lines = [LEAGUE_HEADER, ...league.rows.map((r) => [
    r.rank, r.name, r.key, r.agency, r.issued, r.served, r.outcomes.no_show, r.outcomes.cancelled,
    minutes(r.wait.p50Ms), minutes(r.wait.p90Ms), r.waitMet.pct, minutes(r.service.p50Ms), r.serviceMet.pct,
    r.ikm?.ikm ?? null, r.ikm?.respondents ?? 0, r.complaints?.filed ?? 0, r.complaints?.answeredByDue ?? 0,
  ])];
  // A BOM so that Excel reads the names' UTF-8 as such.
  return `\uFEFF${lines.map((l) => l.map(csvField).join(",")).join("\r\n")}\r\n`;
}

/**
 * A published standard (the kiosk catalog's ServiceInfo, packages/protocol
 * views.ts) in the shape the office's completeness rule reads (a config
 * ServiceDraft: packages/config standar.ts), so that central judges a
 * service by exactly the rule `pnpm config:check` applies at the office.
 */
export function draftOf(serviceId: string, standard: Record<string, unknown>): ServiceDraft {
  const prosedur = Array.isArray(standard.prosedur) ? (standard.prosedur as unknown[]) : [];
  return {
    ...standard,
    id: serviceId,
    prefix: typeof standard.prefix === "string" ? standard.prefix : "",
    name: { id: typeof standard.name === "string" ? standard.name : serviceId },
    dasarHukum: Array.isArray(standard.dasarHukum) ? standard.dasarHukum : [],
    sop: { steps: prosedur },
  } as unknown as ServiceDraft;
}

/** Names for the drill-down's ids, from what the office published: the regency reads "Perekaman KTP-el", not "ktp". */
async function serviceNames(pool: Pool, officeId: string): Promise<Record<string, string>> {
  const { rows } = await pool.query<{ service_id: string; name: string | null }>(
    "SELECT service_id, standard->>'name' AS name FROM office_standards WHERE office_id = $1",
    [officeId],
  );
  return Object.fromEntries(rows.flatMap((r) => (r.name === null ? [] : [[r.service_id, r.name] as const])));
}

/**
 * Every service id the viewer's offices published or served, with the name
 * most offices gave it (ties alphabetical) and the others beside it: two
 * offices may call one id differently, and the league matches the id.
 */
export async function serviceCatalog(pool: Pool, officeId: string | null): Promise<RegencyServiceCatalog> {
  const { rows } = await pool.query<{ service_id: string; name: string | null; offices: number }>(
    `WITH s AS (
       SELECT office_id, service_id, standard->>'name' AS name FROM office_standards WHERE $1::text IS NULL OR office_id = $1
       UNION
       SELECT DISTINCT r.office_id, r.service_id, NULL::text FROM regency_day_services r
        WHERE ($1::text IS NULL OR r.office_id = $1)
          AND NOT EXISTS (SELECT 1 FROM office_standards p WHERE p.office_id = r.office_id AND p.service_id = r.service_id))
     SELECT service_id, name, count(DISTINCT office_id)::int8 AS offices FROM s GROUP BY service_id, name`,
    [officeId],
  );
  const byId = new Map<string, { names: Map<string, number>; offices: number }>();
  for (const r of rows) {
    const entry = byId.get(r.service_id) ?? { names: new Map<string, number>(), offices: 0 };
    entry.offices += r.offices;
    if (r.name !== null && r.name.trim() !== "") entry.names.set(r.name, (entry.names.get(r.name) ?? 0) + r.offices);
    byId.set(r.service_id, entry);
  }
  const services = [...byId].map(([id, e]) => {
    const names = [...e.names].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], "id")).map(([n]) => n);
    return { id, name: names[0] ?? id, otherNames: names.slice(1), offices: e.offices };
  });
  return { services: services.sort((a, b) => a.name.localeCompare(b.name, "id") || a.id.localeCompare(b.id)) };
}

interface OfficeRow {
  id: string;
  name: string;
  agency: string;
}

export function createReportRoutes(pool: Pool, send: Send, viewerOf: ReaderOf) {
  async function officeFor(viewer: Viewer, id: string): Promise<OfficeRow> {
    if (!RegencyOfficeParam.safeParse(id).success) throw new IngestRefusal("NOT_FOUND", 404);
    // Out of scope before not-found: a scoped viewer learns nothing about which other offices exist.
    if (viewer.officeId !== null && viewer.officeId !== id) throw new IngestRefusal("OFFICE_OUT_OF_SCOPE", 403);
    const { rows } = await pool.query<OfficeRow>("SELECT id, name, agency FROM offices WHERE id = $1", [id]);
    if (!rows[0]) throw new IngestRefusal("NOT_FOUND", 404);
    return rows[0];
  }

  async function league(viewer: Viewer, q: RegencyLeagueQuery): Promise<RegencyLeague> {
    // A service no office (in scope) knows is a typo or another regency's id: said so, not answered
    // with an empty league a staffer would read as "nobody was served".
    if (q.service !== null) {
      const known = new Set((await serviceCatalog(pool, viewer.officeId)).services.map((s) => s.id));
      if (q.service.some((id) => !known.has(id))) throw new IngestRefusal("SERVICE_UNKNOWN", 404);
    }
    const filter: RegencyFilter = { from: q.from, to: q.to, serviceIds: q.service, officeIds: viewer.officeId === null ? null : [viewer.officeId] };
    const [rows, ikm, complaints] = await Promise.all([summaries(pool, filter, q.by), ikmBy(pool, filter, q.by), complaintsBy(pool, filter, q.by)]);
    const offices = (await pool.query<OfficeRow>("SELECT id, name, agency FROM offices")).rows;
    const byId = new Map(offices.map((o) => [o.id, o]));
    const named = rows.map((r) => {
      const o = q.by === "office" ? byId.get(r.key ?? "") : undefined;
      const key = r.key ?? "";
      return { ...r, name: o?.name ?? key, agency: o?.agency ?? key, ikm: ikm.get(key) ?? null, complaints: complaints.get(key) ?? null };
    });
    return { from: q.from, to: q.to, by: q.by, rows: rankRows(named), currency: await projectionStatus(pool, filter.officeIds) };
  }

  async function gaps(viewer: Viewer): Promise<RegencyStandardGaps> {
    const { rows } = await pool.query<{ office_id: string; office_name: string; service_id: string; standard: Record<string, unknown> }>(
      `SELECT s.office_id, o.name AS office_name, s.service_id, s.standard FROM office_standards s JOIN offices o ON o.id = s.office_id
        WHERE $1::text IS NULL OR s.office_id = $1 ORDER BY s.office_id, s.service_id`,
      [viewer.officeId],
    );
    const checked = new Map<string, number>();
    const out: RegencyStandardGaps["gaps"] = [];
    for (const r of rows) {
      checked.set(r.office_id, (checked.get(r.office_id) ?? 0) + 1);
      let missing: string[];
      try {
        missing = checkStandarPelayanan({ services: [draftOf(r.service_id, r.standard)] }).services[0]?.missing ?? [...STANDAR_COMPONENTS];
      } catch {
        // A standard too broken to read counts as missing everything rather than failing the report.
        missing = [...STANDAR_COMPONENTS];
      }
      if (missing.length === 0) continue;
      const name = r.standard.name;
      out.push({ officeId: r.office_id, officeName: r.office_name, serviceId: r.service_id, serviceName: typeof name === "string" ? name : r.service_id, missing });
    }
    return { checked: [...checked].map(([officeId, services]) => ({ officeId, services })), gaps: out };
  }

  /** Answers a /api/v1/regency/ request; false for any other path. */
  return async function route(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    const path = url.pathname;
    if (!path.startsWith("/api/v1/regency/")) return false;
    if (req.method !== "GET") throw new IngestRefusal("NOT_FOUND", 404);
    const viewer = await viewerOf(req);
    if (path === "/api/v1/regency/league" || path === "/api/v1/regency/league.csv") {
      const q = parseQuery(RegencyLeagueQuery, url);
      const data = await league(viewer, q);
      if (path.endsWith(".csv")) {
        const body = leagueCsv(data);
        res.writeHead(200, {
          "content-type": "text/csv; charset=utf-8",
          "content-disposition": `attachment; filename="layan-peringkat-${data.by === "office" ? "kantor" : "opd"}${q.service ? `-${q.service.join("+")}` : ""}-${data.from}_${data.to}.csv"`,
          "cache-control": "no-store",
        });
        res.end(body);
        return true;
      }
      send(res, 200, { ok: true, data });
      return true;
    }
    if (path === "/api/v1/regency/services") {
      send(res, 200, { ok: true, data: await serviceCatalog(pool, viewer.officeId) });
      return true;
    }
    if (path === "/api/v1/regency/standards/gaps") {
      send(res, 200, { ok: true, data: await gaps(viewer) });
      return true;
    }
    const m = /^\/api\/v1\/regency\/offices\/([^/]+)\/(services|steps|trend)$/.exec(path);
    if (!m) throw new IngestRefusal("NOT_FOUND", 404);
    const office = await officeFor(viewer, decodeURIComponent(m[1] ?? ""));
    const q = parseQuery(RegencyRangeQuery, url);
    const filter: RegencyFilter = { from: q.from, to: q.to, serviceIds: q.service, officeIds: [office.id] };
    const head = { office, from: q.from, to: q.to };
    const strip = <T extends { offices: number }>({ offices: _offices, ...rest }: T) => rest;
    if (m[2] === "services") {
      const [services, total, names, currency] = await Promise.all([
        summaries(pool, filter, "service"), summaries(pool, filter, "all"), serviceNames(pool, office.id), projectionStatus(pool, [office.id]),
      ]);
      const empty = { key: null, issued: 0, segments: 0, served: 0, outcomes: { selesai: 0, berkas_tidak_lengkap: 0, dirujuk: 0, transferred: 0, no_show: 0, cancelled: 0 }, wait: { n: 0, avgMs: null, p50Ms: null, p90Ms: null }, service: { n: 0, avgMs: null, p50Ms: null, p90Ms: null }, waitMet: { judged: 0, met: 0, pct: null }, serviceMet: { judged: 0, met: 0, pct: null }, waitTargetMs: null, serviceTargetMs: null };
      const data: RegencyOfficeServices = { ...head, total: total[0] ? strip(total[0]) : empty, services: services.map(strip), serviceNames: names, currency: currency[0] ?? { officeId: office.id, currentThrough: null, pendingEvents: 0 } };
      send(res, 200, { ok: true, data });
    } else if (m[2] === "steps") {
      const data: RegencyOfficeSteps = { ...head, steps: await stepRows(pool, filter) };
      send(res, 200, { ok: true, data });
    } else {
      const data: RegencyOfficeTrend = { ...head, months: (await summaries(pool, filter, "month")).map(strip) };
      send(res, 200, { ok: true, data });
    }
    return true;
  };
}
