/**
 * The regency's medians and p90 from mergeable histograms (migration 0005),
 * on a real PostgreSQL: a central server that already holds facts is
 * upgraded (the migration back-fills), the back-filled histograms are the
 * ones the projection writes, and every p50/p90 the report queries give, by
 * office, month, service and SOP step and over ranges that cover whole and
 * partial months, is within the stated bound of the exact nearest-rank value
 * of the fact rows (computed here in JS); counts and sums stay exact.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addOffice, loadMigrations, migrate, openPool, type Pool } from "../../apps/regency/src/index";
import { rewriteOfficeRollups } from "../../apps/regency/src/reports/project";
import { stepRows, summaries, type Grouping, type RegencyFilter } from "../../apps/regency/src/reports/queries";
import { RELATIVE_ERROR, ROUNDING_MS, withinBound } from "../support/percentile-bound";
import { freshDatabase } from "../support/postgres";

const OFFICES = ["kantor-a", "kantor-b"];
const SERVICES = ["ktp", "kk"];
const STEPS = ["verifikasi", "cetak"];
const DAYS = Array.from({ length: 59 }, (_, i) => new Date(Date.UTC(2025, 0, 1 + i)).toISOString().slice(0, 10)); // January and February 2025

let pool: Pool;

/** A fixed pseudo-random sequence (mulberry32): the same facts on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Durations from 0 to about two hours, log-spread, with ties and zeros as real waits have. */
function duration(r: () => number): number {
  const x = r();
  if (x < 0.03) return 0;
  return Math.round(Math.exp(r() * 15.8));
}

async function seedFacts(): Promise<void> {
  const r = random(14);
  const seg: unknown[][] = [[], [], [], [], [], [], [], [], [], []];
  const st: unknown[][] = [[], [], [], [], [], [], [], []];
  for (const office of OFFICES) {
    for (const day of DAYS) {
      for (const service of SERVICES) {
        const n = 5 + Math.floor(r() * 40);
        for (let i = 0; i < n; i++) {
          const ticket = `${day}-${service}-${i}`;
          const wait = r() < 0.05 ? null : duration(r);
          const service_ms = r() < 0.1 ? null : duration(r);
          for (const [c, v] of [office, ticket, day, service, wait, service_ms, wait === null ? null : wait <= 900_000, service_ms === null ? null : service_ms <= 1_200_000, 900_000, 1_200_000].entries()) seg[c]!.push(v);
          if (service_ms === null) continue;
          for (const [order, step] of STEPS.entries()) {
            for (const [c, v] of [office, ticket, order + 1, step, day, service, duration(r), 300_000].entries()) st[c]!.push(v);
          }
        }
      }
    }
  }
  await pool.query(
    `INSERT INTO regency_segments (office_id, ticket_id, segment_index, service_day, service_id, enqueued_at_ms, ended_at_ms, outcome,
       wait_ms, service_ms, wait_met, service_met, wait_target_ms, service_target_ms, recalls, ended_stream, ended_seq)
     SELECT o, t, 0, d, s, 0, 0, 'selesai', w, sm, wm, sme, wt, st, 0, 1, 0
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int8[], $6::int8[], $7::bool[], $8::bool[], $9::int8[], $10::int8[])
         AS u (o, t, d, s, w, sm, wm, sme, wt, st)`,
    seg,
  );
  await pool.query(
    `INSERT INTO regency_steps (office_id, ticket_id, segment_index, step_order, step_id, service_day, service_id, ms, target_ms, met)
     SELECT o, t, 0, so, si, d, s, ms, tm, ms <= tm FROM unnest($1::text[], $2::text[], $3::int4[], $4::text[], $5::text[], $6::text[], $7::int8[], $8::int8[])
         AS u (o, t, so, si, d, s, ms, tm)`,
    st,
  );
  await pool.query(
    `INSERT INTO regency_tickets (office_id, ticket_id, service_day, issued_service_id, issued_at_ms)
     SELECT DISTINCT office_id, ticket_id, service_day, service_id, 0 FROM regency_segments`,
  );
}

beforeAll(async () => {
  pool = openPool(await freshDatabase());
  // The central server as it was before the histograms: its facts and rollups already there.
  const before = loadMigrations().filter((m) => m.id < 5);
  await migrate(pool, before);
  for (const id of OFFICES) await addOffice(pool, { id, name: `Kantor ${id}`, agency: `OPD ${id}` }, Date.UTC(2025, 0, 1));
  await seedFacts();
  for (const id of OFFICES) await rewriteDayServicesOnly(id);
  // The upgrade.
  expect(await migrate(pool)).toEqual(loadMigrations().filter((m) => m.id >= 5).map((m) => m.id));
}, 120_000);

/** The pre-0005 rollups: what rewriteOfficeRollups wrote then (today it writes histograms too, whose tables do not exist yet). */
async function rewriteDayServicesOnly(officeId: string): Promise<void> {
  await pool.query(
    `INSERT INTO regency_day_services
     SELECT office_id, service_day, service_id, 0, count(*), count(*), 0, 0, 0, 0, 0,
            count(wait_ms), coalesce(sum(wait_ms), 0), count(wait_met), count(*) FILTER (WHERE wait_met),
            count(service_ms), coalesce(sum(service_ms), 0), count(service_met), count(*) FILTER (WHERE service_met),
            min(wait_target_ms), max(wait_target_ms), min(service_target_ms), max(service_target_ms)
       FROM regency_segments WHERE office_id = $1 GROUP BY 1, 2, 3`,
    [officeId],
  );
}

afterAll(async () => {
  await pool?.end();
});

/** Nearest rank, as the office's reports (packages/store/src/reports/percentile.ts). */
function nearestRank(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil((sorted.length * p) / 100)) - 1]!;
}

const KEY: Record<Exclude<Grouping, "agency">, (r: { office_id: string; service_day: string; service_id: string }) => string> = {
  office: (r) => r.office_id,
  service: (r) => r.service_id,
  month: (r) => r.service_day.slice(0, 7),
  all: () => "",
};

describe("percentiles from the merged histograms", () => {
  it("reads back every value within 1 % (+0.5 ms) of itself, in value order", async () => {
    const { rows } = await pool.query<{ v: number; back: number; b: number }>(
      `SELECT v, round(regency_bucket_ms(regency_bucket(v)))::int8 AS back, regency_bucket(v) AS b
         FROM (SELECT generate_series(-2000, 50000) AS v UNION ALL SELECT (1.37 ^ k)::int8 FROM generate_series(1, 75) k) x ORDER BY v`,
    );
    const off = rows.filter((r) => Math.abs(r.back - r.v) > RELATIVE_ERROR * Math.abs(r.v) + ROUNDING_MS);
    expect(off).toEqual([]);
    expect(rows.every((r, i) => i === 0 || r.b >= rows[i - 1]!.b)).toBe(true);
    expect(rows.find((r) => r.v === 0)!.back).toBe(0);
  });

  it("back-fills on upgrade exactly what the projection writes", async () => {
    const snapshot = async () => ({
      days: (await pool.query<{ counts: number[] }>("SELECT * FROM regency_day_histograms ORDER BY office_id, service_day, service_id, measure, step_id")).rows,
      months: (await pool.query<{ counts: number[] }>("SELECT * FROM regency_month_histograms ORDER BY office_id, service_month, service_id, measure, step_id")).rows,
    });
    const filled = await snapshot();
    // Two offices × two months × two services × (wait, service, two steps).
    expect(filled.months).toHaveLength(2 * 2 * 2 * 4);
    const sum = (rows: { counts: number[] }[]) => rows.reduce((s, r) => s + r.counts.reduce((a, b) => a + b, 0), 0);
    expect(sum(filled.days)).toBe(sum(filled.months));
    await pool.query("DELETE FROM regency_day_histograms");
    await pool.query("DELETE FROM regency_month_histograms");
    for (const id of OFFICES) await rewriteOfficeRollups(pool, id);
    expect(await snapshot()).toEqual(filled);
  });

  for (const [from, to] of [["2025-01-01", "2025-02-28"], ["2025-01-10", "2025-02-28"], ["2025-01-20", "2025-02-03"], ["2025-02-07", "2025-02-07"]] as const) {
    it(`league, services, months and steps over ${from}..${to}: within the bound of the facts' exact nearest rank`, async () => {
      const f: RegencyFilter = { from, to, officeIds: null, serviceIds: null };
      const segs = (
        await pool.query<{ office_id: string; service_day: string; service_id: string; wait_ms: number | null; service_ms: number | null }>(
          "SELECT office_id, service_day, service_id, wait_ms, service_ms FROM regency_segments WHERE service_day BETWEEN $1 AND $2",
          [from, to],
        )
      ).rows;
      let compared = 0;
      for (const by of ["office", "service", "month", "all"] as const) {
        const rows = await summaries(pool, f, by);
        expect(rows.length).toBeGreaterThan(0);
        for (const row of rows) {
          const mine = segs.filter((s) => KEY[by](s) === (row.key ?? ""));
          for (const measure of ["wait", "service"] as const) {
            const values = mine.map((s) => (measure === "wait" ? s.wait_ms : s.service_ms)).filter((v): v is number => v !== null);
            // Counts and sums stay exact: they come from the rollups.
            expect(row[measure].n).toBe(values.length);
            expect(row[measure].avgMs).toBe(values.length === 0 ? null : Math.round(values.reduce((a, b) => a + b, 0) / values.length));
            for (const [p, got] of [[50, row[measure].p50Ms], [90, row[measure].p90Ms]] as const) {
              const exact = nearestRank(values, p);
              expect(withinBound(got, exact), `${by} ${row.key} ${measure} p${p}: ${got} against exact ${exact}`).toBe(true);
              compared++;
            }
          }
        }
      }
      const steps = (
        await pool.query<{ service_id: string; step_id: string; ms: number }>("SELECT service_id, step_id, ms FROM regency_steps WHERE service_day BETWEEN $1 AND $2", [from, to])
      ).rows;
      const stepFigures = await stepRows(pool, f);
      expect(stepFigures).toHaveLength(SERVICES.length * STEPS.length);
      for (const row of stepFigures) {
        const values = steps.filter((s) => s.service_id === row.serviceId && s.step_id === row.stepId).map((s) => s.ms);
        expect(row.n).toBe(values.length);
        for (const [p, got] of [[50, row.p50Ms], [90, row.p90Ms]] as const) {
          const exact = nearestRank(values, p);
          expect(withinBound(got, exact), `${row.serviceId}/${row.stepId} p${p}: ${got} against exact ${exact}`).toBe(true);
          compared++;
        }
      }
      expect(compared).toBeGreaterThan(20);
    });
  }

  it("an office's own range reads only its histograms", async () => {
    const f: RegencyFilter = { from: "2025-01-01", to: "2025-02-28", officeIds: ["kantor-b"], serviceIds: ["kk"] };
    const [row] = await summaries(pool, f, "office");
    const values = (
      await pool.query<{ wait_ms: number }>("SELECT wait_ms FROM regency_segments WHERE office_id = 'kantor-b' AND service_id = 'kk' AND wait_ms IS NOT NULL")
    ).rows.map((r) => r.wait_ms);
    expect(row!.wait.n).toBe(values.length);
    expect(withinBound(row!.wait.p50Ms, nearestRank(values, 50))).toBe(true);
    expect(withinBound(row!.wait.p90Ms, nearestRank(values, 90))).toBe(true);
  });
});
