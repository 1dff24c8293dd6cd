/**
 * What the SOP step rollup (regency_day_steps, migration 0008) must hold,
 * computed here from the raw step facts by the aggregate the steps report
 * ran before the rollup existed: the regency tests compare the table and
 * the report with it after ingest, a SIGKILL, a rebuild and an upgrade.
 */
import type { StepRow } from "@layan/protocol";
import { expect } from "vitest";
import type { Pool } from "../../apps/regency/src/index";
import { compliance, stepRows, type RegencyFilter } from "../../apps/regency/src/reports/queries";

type Row = Record<string, unknown>;

/** The raw aggregate per office, day, service and step, in the rollup's columns and order. */
export async function stepFactsByDay(pool: Pool): Promise<Row[]> {
  return (
    await pool.query<Row>(
      `SELECT office_id, service_day, service_id, step_id, count(*)::int4 AS n, sum(ms)::int8 AS ms_sum, max(target_ms) AS target_max,
              count(met)::int4 AS judged, (count(*) FILTER (WHERE met))::int4 AS met,
              coalesce(sum(greatest(ms - target_ms, 0)), 0)::int8 AS over_ms, sum(step_order)::int8 AS order_sum
         FROM regency_steps GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
    )
  ).rows;
}

export async function dayStepRows(pool: Pool): Promise<Row[]> {
  return (await pool.query<Row>("SELECT * FROM regency_day_steps ORDER BY office_id, service_day, service_id, step_id")).rows;
}

/** The steps report's sums as the raw query over regency_steps gave them (session 25's stepRows), in the report's order. */
async function rawStepSums(pool: Pool, f: RegencyFilter): Promise<Omit<StepRow, "p50Ms" | "p90Ms">[]> {
  const params: unknown[] = [f.from, f.to];
  const parts = ["r.service_day BETWEEN $1 AND $2"];
  if (f.officeIds !== null) {
    params.push(f.officeIds);
    parts.push(`r.office_id = ANY($${params.length})`);
  }
  if (f.serviceIds !== null) {
    params.push(f.serviceIds);
    parts.push(`r.service_id = ANY($${params.length})`);
  }
  const { rows } = await pool.query<{ service_id: string; step_id: string; n: number; ms_sum: number; target: number | null; judged: number; met: number; over: number; order_sum: number }>(
    `SELECT r.service_id, r.step_id, count(*)::int8 AS n, sum(r.ms)::int8 AS ms_sum, max(r.target_ms) AS target,
            count(r.met)::int8 AS judged, count(*) FILTER (WHERE r.met)::int8 AS met,
            coalesce(sum(greatest(r.ms - r.target_ms, 0)), 0)::int8 AS over, sum(r.step_order)::int8 AS order_sum
       FROM regency_steps r WHERE ${parts.join(" AND ")} GROUP BY r.service_id, r.step_id`,
    params,
  );
  return rows
    .map((r) => ({
      serviceId: r.service_id,
      stepId: r.step_id,
      n: r.n,
      avgMs: Math.round(r.ms_sum / r.n),
      targetMs: r.target,
      met: compliance(r.judged, r.met),
      overTargetMs: r.over,
      avgOrder: r.order_sum / r.n,
    }))
    .sort((a, b) => (a.serviceId < b.serviceId ? -1 : a.serviceId > b.serviceId ? 1 : a.avgOrder - b.avgOrder));
}

/**
 * The rollup is the raw aggregate row for row (so nothing is counted twice
 * or left behind), and the steps report read from it equals the raw one,
 * for each of `filters` (the percentiles come from the histograms either
 * way and are left out). Fails on an empty rollup: a test without steps
 * would prove nothing. Returns the number of rollup rows.
 */
export async function expectStepRollupIsTheFacts(pool: Pool, filters: readonly RegencyFilter[]): Promise<number> {
  const expected = await stepFactsByDay(pool);
  expect(expected.length).toBeGreaterThan(0);
  expect(await dayStepRows(pool)).toEqual(expected);
  for (const f of filters) {
    const report = (await stepRows(pool, f)).map(({ p50Ms: _p50, p90Ms: _p90, ...rest }) => rest);
    expect(report).toEqual(await rawStepSums(pool, f));
  }
  return expected.length;
}
