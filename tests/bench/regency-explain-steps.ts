/**
 * The step drill-down's sums (apps/regency/src/reports/queries.ts stepRows)
 * alone on the seeded year (regency-seed.ts, 30 offices x 2025): EXPLAIN
 * (ANALYZE, BUFFERS) of the raw aggregate over regency_steps the report ran
 * until session 26 and of the sum over the day rollup regency_day_steps
 * (migration 0008) it runs now, for one office's year, alternated over
 * rounds so the machine's load falls on both alike, in a session with JIT
 * off as `pnpm regency serve` has it. Checks that both give the same rows,
 * then prints each form's median execution time, shared buffers read or hit,
 * and its plan (the last round's) as JSON.
 *
 * `LAYAN_BENCH_CACHE=/work/bench-cache pnpm exec tsx tests/bench/regency-explain-steps.ts [--rounds N] [--office kantor-16]`
 */
import { isDeepStrictEqual } from "node:util";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openPool } from "../../apps/regency/src/index";
import { writeSample } from "./regency-ingest";
import { REGENCY_YEAR, startRegencyYear } from "./regency-seed";
import { percentile } from "./stats";

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
};

const RAW = `SELECT r.service_id, r.step_id, count(*)::int8 AS n, sum(r.ms)::int8 AS ms_sum, max(r.target_ms) AS target,
       count(r.met)::int8 AS judged, count(*) FILTER (WHERE r.met)::int8 AS met,
       coalesce(sum(greatest(r.ms - r.target_ms, 0)), 0)::int8 AS over, sum(r.step_order)::int8 AS order_sum
  FROM regency_steps r WHERE r.service_day BETWEEN $1 AND $2 AND r.office_id = ANY($3) GROUP BY r.service_id, r.step_id`;

const ROLLUP = `SELECT r.service_id, r.step_id, sum(r.n)::int8 AS n, sum(r.ms_sum)::int8 AS ms_sum, max(r.target_max) AS target,
       sum(r.judged)::int8 AS judged, sum(r.met)::int8 AS met, sum(r.over_ms)::int8 AS over, sum(r.order_sum)::int8 AS order_sum
  FROM regency_day_steps r WHERE r.service_day BETWEEN $1 AND $2 AND r.office_id = ANY($3) GROUP BY r.service_id, r.step_id`;

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Actual Rows": number;
  "Rows Removed by Filter"?: number;
  "Shared Hit Blocks": number;
  "Shared Read Blocks": number;
  Plans?: PlanNode[];
}

/** The plan as one line per node, indented: what the docs quote. */
function outline(node: PlanNode, depth = 0): string[] {
  const on = node["Index Name"] ?? node["Relation Name"];
  const removed = node["Rows Removed by Filter"] ? `, ${node["Rows Removed by Filter"]} removed by filter` : "";
  const line = `${"  ".repeat(depth)}${node["Node Type"]}${on ? ` on ${on}` : ""} (rows ${node["Actual Rows"]}${removed})`;
  return [line, ...(node.Plans ?? []).flatMap((p) => outline(p, depth + 1))];
}

async function main(): Promise<void> {
  const rounds = Number(arg("--rounds", "5"));
  const office = arg("--office", "kantor-16");
  const dir = mkdtempSync(join(tmpdir(), "layan-explain-steps-"));
  const year = await startRegencyYear(() => writeSample(mkdtempSync(join(dir, "sample-"))), (m) => process.stderr.write(`${m}\n`));
  const pool = openPool(year.url, { max: 1, jit: false });
  try {
    const params = [REGENCY_YEAR.from, REGENCY_YEAR.to, [office]];
    const sorted = async (sql: string): Promise<unknown[]> => (await pool.query<Record<string, unknown>>(`${sql} ORDER BY 1, 2`, params)).rows;
    const same = isDeepStrictEqual(await sorted(RAW), await sorted(ROLLUP));
    if (!same) throw new Error("the rollup's sums differ from the raw aggregate's");
    const out: Record<string, { ms: number[]; buffers: number[]; plan: string[] }> = {
      raw: { ms: [], buffers: [], plan: [] },
      rollup: { ms: [], buffers: [], plan: [] },
    };
    for (let r = 0; r < rounds; r++) {
      for (const [name, sql] of [["raw", RAW], ["rollup", ROLLUP]] as const) {
        const result = (await pool.query<{ "QUERY PLAN": [{ Plan: PlanNode; "Execution Time": number }] }>(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql}`, params))
          .rows[0]!["QUERY PLAN"][0];
        out[name]!.ms.push(result["Execution Time"]);
        out[name]!.buffers.push(result.Plan["Shared Hit Blocks"] + result.Plan["Shared Read Blocks"]);
        out[name]!.plan = outline(result.Plan);
      }
    }
    const summary = Object.fromEntries(
      Object.entries(out).map(([k, v]) => [k, { execution_ms_median: Math.round(percentile(v.ms, 50) * 10) / 10, execution_ms: v.ms.map((x) => Math.round(x)), shared_buffers: percentile(v.buffers, 50), plan: v.plan }]),
    );
    process.stdout.write(`${JSON.stringify({ office, range: `${REGENCY_YEAR.from}..${REGENCY_YEAR.to}`, rounds, sameRows: same, ...summary }, null, 1)}\n`);
  } finally {
    await pool.end();
    await year.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
