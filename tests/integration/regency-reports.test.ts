/**
 * The regency figures equal the office hubs' own reports for the same
 * period. Two offices simulated (one calm, one crowded), each served by a
 * real hub (its clock pinned) that ships to a real `pnpm regency serve` on a
 * real PostgreSQL; then the central league table and drill-down are
 * compared with each hub's /api/reports for the same days: counts, sums and
 * percentages exactly, medians and p90 within the stated bound of the hub's
 * exact ones (they come from mergeable histograms: tests/support/percentile-bound.ts).
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { loadConfig } from "@layan/config";
import type { ComplaintsReport, IkmReport, RegencyLeague, RegencyOfficeServices, RegencyServiceCatalog, RegencyOfficeSteps, RegencyOfficeTrend, RegencyStandardGaps, StepRow, SummaryRow } from "@layan/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeSimulatedStore } from "../../apps/hub/src/simulate/write";
import { login } from "../../apps/hub/src/testing/harness";
import { addOffice, addViewer, rebuildProjection, revokeViewer, type Pool } from "../../apps/regency/src/index";
import { expectWithinPercentileBound } from "../support/percentile-bound";
import { freshDatabase } from "../support/postgres";
import { centralEvents, eventually, joinRegency, projectionCurrent, regencyDatabase, startRegencyProcess, type RegencyProcess, hubSeq } from "../support/regency-server";
import { ROOT, startTestHub, type TestHub } from "../support/test-hub";
import { expectStepRollupIsTheFacts } from "./regency-steps.support";

const exec = promisify(execFile);
const FROM = "2026-11-16";
const TO = "2026-11-17";
const NOW = "2026-11-18T09:30:00+07:00";
const OFFICES = [
  { id: "kantor-tenang", ticketsPerDay: 120, seed: 11 },
  { id: "kantor-ramai", ticketsPerDay: 520, seed: 12 },
] as const;

const root = mkdtempSync(join(tmpdir(), "layan-regency-reports-"));
let pool: Pool;
let database: string;
let regency: RegencyProcess;
const hubs = new Map<string, TestHub>();
let viewer: string;
let officeCredential: string;

afterAll(async () => {
  for (const h of hubs.values()) await h.stop();
  await regency?.stop();
  await pool?.end();
  rmSync(root, { recursive: true, force: true });
}, 120_000);

async function central<T>(path: string, token = viewer): Promise<{ status: number; body: { ok: boolean; data: T; error?: { code: string; message: string } } }> {
  const res = await fetch(`${regency.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: (await res.json()) as never };
}

async function hubReport<T>(h: TestHub, path: string): Promise<T> {
  const token = await login(h.url, h.user("manager"));
  const res = await fetch(`${h.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const body = (await res.json()) as { ok: boolean; data: T };
  expect(body.ok).toBe(true);
  return body.data;
}

/** The office dashboard's summary fields only (the hub adds names, the league ranks). */
function summaryOf(r: SummaryRow): SummaryRow {
  return {
    key: r.key,
    issued: r.issued,
    segments: r.segments,
    served: r.served,
    outcomes: r.outcomes,
    wait: r.wait,
    service: r.service,
    waitMet: r.waitMet,
    serviceMet: r.serviceMet,
    waitTargetMs: r.waitTargetMs,
    serviceTargetMs: r.serviceTargetMs,
  };
}

function stepOf(r: StepRow): StepRow {
  return {
    serviceId: r.serviceId,
    stepId: r.stepId,
    n: r.n,
    avgMs: r.avgMs,
    p50Ms: r.p50Ms,
    p90Ms: r.p90Ms,
    targetMs: r.targetMs,
    met: r.met,
    overTargetMs: r.overTargetMs,
    avgOrder: r.avgOrder,
  };
}

const byKey = <T extends { key: string | null }>(rows: T[]) => [...rows].sort((a, b) => (a.key ?? "").localeCompare(b.key ?? ""));

beforeAll(async () => {
  database = await freshDatabase();
  const db = await regencyDatabase(database, OFFICES.map((o) => o.id));
  pool = db.pool;
  officeCredential = db.credentials[OFFICES[0].id]!;
  regency = await startRegencyProcess(database);
  const config = loadConfig(join(ROOT, "kiosk-config"));
  for (const o of OFFICES) {
    const dataDir = join(root, o.id);
    writeSimulatedStore({ config, out: join(dataDir, "layan.db"), startDay: FROM, days: 2, ticketsPerDay: o.ticketsPerDay, seed: o.seed });
    joinRegency(dataDir, regency.url, db.credentials[o.id]!);
    hubs.set(o.id, await startTestHub({ dataDir, now: NOW }));
  }
  for (const [id, h] of hubs) {
    const seq = await hubSeq(h);
    await eventually(async () => (await centralEvents(pool, id)).length >= seq, `central holds ${id}'s ${seq} events`, 120_000);
  }
  await projectionCurrent(pool, OFFICES.map((o) => o.id), 120_000);
  // The regency-wide viewer, made as the regency's IT does it.
  const made = await exec(process.execPath, ["--import", "tsx", "apps/regency/src/cli.ts", "viewer", "add", "Inspektorat Kabupaten", "--database", database], { cwd: ROOT });
  viewer = made.stdout.trim();
  expect(made.stderr).toMatch(/for every office/);
}, 300_000);

describe("the regency figures equal the office hubs' own reports for the same period", () => {
  it("league table: each office's row is its hub's summary of the range", async () => {
    const { status, body } = await central<RegencyLeague>(`/api/v1/regency/league?from=${FROM}&to=${TO}`);
    expect(status).toBe(200);
    expect(body.data.rows.map((r) => r.key).sort()).toEqual(OFFICES.map((o) => o.id).sort());
    for (const [id, h] of hubs) {
      const hub = await hubReport<{ rows: SummaryRow[] }>(h, `/api/reports/summary?by=all&from=${FROM}&to=${TO}`);
      const row = body.data.rows.find((r) => r.key === id)!;
      expect(hub.rows[0]!.served).toBeGreaterThan(100);
      expectWithinPercentileBound(summaryOf(row), { ...summaryOf(hub.rows[0]!), key: id });
      // SKM and complaints, where the office has them: the hub's own IKM arithmetic and counts.
      const ikm = await hubReport<IkmReport>(h, `/api/reports/ikm?by=all&from=${FROM}&to=${TO}`);
      expect(ikm.total.respondents).toBeGreaterThan(0);
      expect(row.ikm).toEqual({ respondents: ikm.total.respondents, ikm: ikm.total.ikm, mutu: ikm.total.mutu });
      const complaints = await hubReport<ComplaintsReport>(h, `/api/reports/complaints?from=${FROM}&to=${TO}`);
      expect(row.complaints === null ? 0 : row.complaints.filed).toBe(complaints.total.filed);
      if (row.complaints) {
        expect(row.complaints.answered).toBe(complaints.total.answered);
        expect(row.complaints.answeredByDue).toBe(complaints.total.withinTarget);
      }
      expect(row.name).toBe(`Kantor ${id}`);
      expect(row.agency).toBe(`OPD ${id}`);
    }
  });

  it("drill-down office -> service, the monthly trend and service -> SOP step, as the hub's", async () => {
    for (const [id, h] of hubs) {
      const hubServices = await hubReport<{ rows: SummaryRow[] }>(h, `/api/reports/summary?by=service&from=${FROM}&to=${TO}`);
      const hubAll = await hubReport<{ rows: SummaryRow[] }>(h, `/api/reports/summary?by=all&from=${FROM}&to=${TO}`);
      const services = await central<RegencyOfficeServices>(`/api/v1/regency/offices/${id}/services?from=${FROM}&to=${TO}`);
      expect(services.status).toBe(200);
      expectWithinPercentileBound(byKey(services.body.data.services), byKey(hubServices.rows.map(summaryOf)));
      expectWithinPercentileBound(services.body.data.total, summaryOf(hubAll.rows[0]!));
      // Named as the office names them, from what it published.
      for (const row of hubServices.rows as (SummaryRow & { name: string })[]) expect(services.body.data.serviceNames[row.key!]).toBe(row.name);

      const trend = await central<RegencyOfficeTrend>(`/api/v1/regency/offices/${id}/trend?from=${FROM}&to=${TO}`);
      expectWithinPercentileBound(trend.body.data.months, [{ ...summaryOf(hubAll.rows[0]!), key: "2026-11" }]);

      const hubSteps = await hubReport<{ rows: StepRow[] }>(h, `/api/reports/steps?from=${FROM}&to=${TO}`);
      const steps = await central<RegencyOfficeSteps>(`/api/v1/regency/offices/${id}/steps?from=${FROM}&to=${TO}`);
      expect(hubSteps.rows.length).toBeGreaterThan(0);
      const order = (a: StepRow, b: StepRow) => `${a.serviceId}/${a.stepId}`.localeCompare(`${b.serviceId}/${b.stepId}`);
      expectWithinPercentileBound(steps.body.data.steps.map(stepOf).sort(order), hubSteps.rows.map(stepOf).sort(order));
    }
  });

  it("the SOP step drill-down's day rollup is the raw aggregate of the shipped step facts, and so is the report read from it", async () => {
    const ids = OFFICES.map((o) => o.id);
    const rows = await expectStepRollupIsTheFacts(pool, [
      { from: FROM, to: TO, officeIds: ids, serviceIds: null },
      ...ids.map((id) => ({ from: FROM, to: TO, officeIds: [id], serviceIds: null })),
      { from: TO, to: TO, officeIds: [ids[1]!], serviceIds: null },
    ]);
    // Both offices, both days, more than one service.
    expect(rows).toBeGreaterThan(2 * 2 * 2);
  });

  it("the calm office ranks above the crowded one, by agency too, and the CSV says the same", async () => {
    const { body } = await central<RegencyLeague>(`/api/v1/regency/league?from=${FROM}&to=${TO}`);
    const [first, second] = body.data.rows;
    expect(first!.key).toBe("kantor-tenang");
    expect(first!.rank).toBe(1);
    expect(second!.rank).toBe(2);
    expect(first!.waitMet.pct!).toBeGreaterThan(second!.waitMet.pct!);
    expect(first!.wait.p50Ms!).toBeLessThan(second!.wait.p50Ms!);

    const agencies = await central<RegencyLeague>(`/api/v1/regency/league?from=${FROM}&to=${TO}&by=agency`);
    expect(agencies.body.data.rows.map((r) => [r.key, r.offices])).toEqual([["OPD kantor-tenang", 1], ["OPD kantor-ramai", 1]]);

    const res = await fetch(`${regency.url}/api/v1/regency/league.csv?from=${FROM}&to=${TO}`, { headers: { authorization: `Bearer ${viewer}` } });
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    const lines = (await res.text()).replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toMatch(/^Peringkat,Kantor\/OPD,Kode,/);
    expect(lines[1]).toMatch(/^1,Kantor kantor-tenang,kantor-tenang,OPD kantor-tenang,/);
    expect(lines[2]!.split(",")[10]).toBe(String(second!.waitMet.pct));
  });

  it("the services missing a published component, by the office's own rule", async () => {
    const { body } = await central<RegencyStandardGaps>("/api/v1/regency/standards/gaps");
    // The sample office's catalog is complete (loadConfig refuses otherwise) ...
    expect(body.data.checked.map((c) => c.officeId).sort()).toEqual(OFFICES.map((o) => o.id).sort());
    expect(body.data.gaps).toEqual([]);
    // ... so take Biaya and Pengaduan out of one published service, as a careless office would.
    await pool.query(
      "UPDATE office_standards SET standard = standard - 'biaya' - 'pengaduan' WHERE office_id = 'kantor-ramai' AND service_id = (SELECT min(service_id) FROM office_standards WHERE office_id = 'kantor-ramai')",
    );
    const after = await central<RegencyStandardGaps>("/api/v1/regency/standards/gaps");
    expect(after.body.data.gaps).toHaveLength(1);
    expect(after.body.data.gaps[0]).toMatchObject({ officeId: "kantor-ramai", missing: ["biaya", "pengaduan"] });
  });

  it("an office-scoped viewer reads its own office only; a revoked or wrong token reads nothing", async () => {
    const scoped = await addViewer(pool, { name: "Kepala Kantor Tenang", officeId: "kantor-tenang" }, Date.parse(NOW));
    const league = await central<RegencyLeague>(`/api/v1/regency/league?from=${FROM}&to=${TO}`, scoped.token);
    expect(league.body.data.rows.map((r) => r.key)).toEqual(["kantor-tenang"]);
    const own = await central<RegencyOfficeServices>(`/api/v1/regency/offices/kantor-tenang/services?from=${FROM}&to=${TO}`, scoped.token);
    expect(own.status).toBe(200);
    for (const path of ["services", "steps", "trend"]) {
      const other = await central(`/api/v1/regency/offices/kantor-ramai/${path}?from=${FROM}&to=${TO}`, scoped.token);
      expect(other.status).toBe(403);
      expect(other.body.error?.code).toBe("OFFICE_OUT_OF_SCOPE");
      expect(other.body.error?.message).toMatch(/kantor Anda sendiri/);
    }
    const gaps = await central<RegencyStandardGaps>("/api/v1/regency/standards/gaps", scoped.token);
    expect(gaps.body.data.checked.map((c) => c.officeId)).toEqual(["kantor-tenang"]);

    expect(await revokeViewer(pool, scoped.id, Date.parse(NOW))).toBe(1);
    const revoked = await central(`/api/v1/regency/league?from=${FROM}&to=${TO}`, scoped.token);
    expect(revoked.status).toBe(401);
    expect(revoked.body.error?.code).toBe("CREDENTIAL_REVOKED");
    // An office's shipping credential is not a viewer's.
    const asOffice = await central(`/api/v1/regency/league?from=${FROM}&to=${TO}`, officeCredential);
    expect(asOffice.status).toBe(401);
    const none = await fetch(`${regency.url}/api/v1/regency/league?from=${FROM}&to=${TO}`);
    expect(none.status).toBe(401);
    const bad = await central(`/api/v1/regency/league?from=${TO}&to=${FROM}`);
    expect(bad.status).toBe(400);
    expect(bad.body.error?.code).toBe("INVALID_PAYLOAD");
  });

  it("the facts built batch by batch at ingest are the facts built from the whole log at once", async () => {
    const snapshot = async () => ({
      segments: (await pool.query("SELECT * FROM regency_segments ORDER BY office_id, ticket_id, segment_index")).rows,
      steps: (await pool.query("SELECT * FROM regency_steps ORDER BY office_id, ticket_id, segment_index, step_order")).rows,
      days: (await pool.query("SELECT * FROM regency_day_services ORDER BY office_id, service_day, service_id")).rows,
      daySteps: (await pool.query("SELECT * FROM regency_day_steps ORDER BY office_id, service_day, service_id, step_id")).rows,
      histograms: (await pool.query("SELECT * FROM regency_day_histograms ORDER BY office_id, service_day, service_id, measure, step_id")).rows,
      months: (await pool.query("SELECT * FROM regency_month_histograms ORDER BY office_id, service_month, service_id, measure, step_id")).rows,
      surveys: (await pool.query("SELECT * FROM regency_surveys ORDER BY office_id, response_id")).rows,
      complaints: (await pool.query("SELECT * FROM regency_complaints ORDER BY office_id, complaint_id")).rows,
    });
    const before = await snapshot();
    expect(before.segments.length).toBeGreaterThan(500);
    expect(before.months.length).toBeGreaterThan(0);
    await rebuildProjection(pool);
    expect(await snapshot()).toEqual(before);
  });
});

describe("the league narrowed to one service", () => {
  /** A service both offices served, the crowded one's busiest. */
  async function sharedService(): Promise<string> {
    const [calm, crowded] = await Promise.all(
      OFFICES.map(async (o) => (await hubReport<{ rows: SummaryRow[] }>(hubs.get(o.id)!, `/api/reports/summary?by=service&from=${FROM}&to=${TO}`)).rows),
    );
    const id = [...crowded!].sort((a, b) => b.served - a.served).find((r) => calm!.some((c) => c.key === r.key && c.served > 0))?.key;
    expect(id).toBeTruthy();
    return id!;
  }

  it("for one service, each office's row is that service's row in the office's own report, and the CSV follows", async () => {
    const service = await sharedService();
    const { status, body } = await central<RegencyLeague>(`/api/v1/regency/league?from=${FROM}&to=${TO}&service=${service}`);
    expect(status).toBe(200);
    expect(body.data.rows.map((r) => r.key).sort()).toEqual(OFFICES.map((o) => o.id).sort());
    let issued = 0;
    for (const [id, h] of hubs) {
      const own = (await hubReport<{ rows: SummaryRow[] }>(h, `/api/reports/summary?by=service&from=${FROM}&to=${TO}`)).rows.find((r) => r.key === service)!;
      const row = body.data.rows.find((r) => r.key === id)!;
      expectWithinPercentileBound(summaryOf(row), { ...summaryOf(own), key: id });
      issued += own.issued ?? 0;
    }
    // The whole-office league is bigger: the filter did narrow it.
    const all = await central<RegencyLeague>(`/api/v1/regency/league?from=${FROM}&to=${TO}`);
    expect(body.data.rows.reduce((n, r) => n + (r.issued ?? 0), 0)).toBe(issued);
    expect(all.body.data.rows.reduce((n, r) => n + (r.issued ?? 0), 0)).toBeGreaterThan(issued);

    // By OPD: the same service summed over the OPD's offices (one office each here).
    const agencies = await central<RegencyLeague>(`/api/v1/regency/league?from=${FROM}&to=${TO}&by=agency&service=${service}`);
    expect(agencies.body.data.rows.reduce((n, r) => n + (r.issued ?? 0), 0)).toBe(issued);

    const res = await fetch(`${regency.url}/api/v1/regency/league.csv?from=${FROM}&to=${TO}&service=${service}`, { headers: { authorization: `Bearer ${viewer}` } });
    expect(res.headers.get("content-disposition")).toContain(`layan-peringkat-kantor-${service}-${FROM}_${TO}.csv`);
    const lines = (await res.text()).replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toMatch(/^Peringkat,Kantor\/OPD,Kode,/);
    expect(lines.slice(1).map((l) => [l.split(",")[2], l.split(",")[4]])).toEqual(body.data.rows.map((r) => [r.key, String(r.issued)]));
  });

  it("an unknown service is 404 SERVICE_UNKNOWN; a known one with nothing in the period is an empty league", async () => {
    const unknown = await central(`/api/v1/regency/league?from=${FROM}&to=${TO}&service=tidak-ada`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({ code: "SERVICE_UNKNOWN", message: "Layanan tidak ditemukan." });
    const csv = await central(`/api/v1/regency/league.csv?from=${FROM}&to=${TO}&service=tidak-ada`);
    expect(csv.status).toBe(404);
    const service = await sharedService();
    const before = await central<RegencyLeague>(`/api/v1/regency/league?from=2026-10-01&to=2026-10-31&service=${service}`);
    expect(before.status).toBe(200);
    expect(before.body.data.rows).toEqual([]);
    const bad = await central(`/api/v1/regency/league?from=${FROM}&to=${TO}&service=${encodeURIComponent("bukan id!")}`);
    expect(bad.status).toBe(400);
    expect(bad.body.error?.code).toBe("INVALID_PAYLOAD");
  });

  it("lists the services by id across offices: the most common name, the others beside it; a scoped viewer sees its own", async () => {
    const service = await sharedService();
    const { rows } = await pool.query<{ name: string }>("SELECT standard->>'name' AS name FROM office_standards WHERE office_id = 'kantor-tenang' AND service_id = $1", [service]);
    const name = rows[0]!.name;
    // A third office publishing the same id under the same name, and the crowded office renaming it.
    await addOffice(pool, { id: "kantor-ketiga", name: "Kantor ketiga", agency: "OPD kantor-ketiga" }, Date.parse(NOW));
    await pool.query(
      "INSERT INTO office_standards (office_id, service_id, standard, hash, received_at) SELECT 'kantor-ketiga', service_id, standard, hash, received_at FROM office_standards WHERE office_id = 'kantor-tenang' AND service_id = $1",
      [service],
    );
    await pool.query("UPDATE office_standards SET standard = jsonb_set(standard, '{name}', '\"Nama lain layanan ini\"') WHERE office_id = 'kantor-ramai' AND service_id = $1", [service]);

    const catalog = await central<RegencyServiceCatalog>("/api/v1/regency/services");
    expect(catalog.status).toBe(200);
    expect(catalog.body.data.services.find((s) => s.id === service)).toEqual({ id: service, name, otherNames: ["Nama lain layanan ini"], offices: 3 });
    const ids = catalog.body.data.services.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    const published = await pool.query<{ service_id: string }>("SELECT DISTINCT service_id FROM office_standards");
    expect([...ids].sort()).toEqual(published.rows.map((r) => r.service_id).sort());

    const scoped = await addViewer(pool, { name: "Kepala Kantor Ramai", officeId: "kantor-ramai" }, Date.parse(NOW));
    const own = await central<RegencyServiceCatalog>("/api/v1/regency/services", scoped.token);
    expect(own.body.data.services.find((s) => s.id === service)).toEqual({ id: service, name: "Nama lain layanan ini", otherNames: [], offices: 1 });
  });
});
