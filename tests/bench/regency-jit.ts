/**
 * Whether PostgreSQL's JIT helps the regency's report queries: each report
 * function over the cached seeded year (regency-seed.ts) with `jit` on and
 * off in the same run, alternating, the p50 of five; and the plan of the
 * rollup query with EXPLAIN ANALYZE both ways. Reads the cache made by
 * regency.ts (run that first). `pnpm exec tsx tests/bench/regency-jit.ts`.
 */
import { openPool, type Pool } from "../../apps/regency/src/index";
import { stepRows, summaries, type RegencyFilter } from "../../apps/regency/src/reports/queries";
import { REGENCY_YEAR, startRegencyYear } from "./regency-seed";

const RUNS = 5;

async function main(): Promise<void> {
  const year = await startRegencyYear(() => {
    throw new Error("no cached year: run tests/bench/regency.ts first");
  }, (m) => process.stderr.write(`${m}\n`));
  const pools: Record<string, Pool> = {};
  try {
    for (const jit of ["on", "off"]) {
      const url = new URL(year.url);
      url.searchParams.set("options", `-c jit=${jit}`);
      pools[jit] = openPool(url.toString(), { max: 4 });
    }
    const all: RegencyFilter = { from: REGENCY_YEAR.from, to: REGENCY_YEAR.to, officeIds: null, serviceIds: null };
    const office = (await pools.on!.query<{ id: string }>("SELECT id FROM offices ORDER BY id OFFSET 15 LIMIT 1")).rows[0]!.id;
    const one: RegencyFilter = { ...all, officeIds: [office] };
    const cases: Record<string, (p: Pool) => Promise<unknown>> = {
      league: (p) => summaries(p, all, "office"),
      league_by_agency: (p) => summaries(p, all, "agency"),
      drilldown_services: (p) => Promise.all([summaries(p, one, "service"), summaries(p, one, "all")]),
      drilldown_steps: (p) => stepRows(p, one),
      trend: (p) => summaries(p, one, "month"),
    };
    const out: Record<string, number> = {};
    for (const [name, run] of Object.entries(cases)) {
      const samples: Record<string, number[]> = { on: [], off: [] };
      for (const jit of ["on", "off"]) await run(pools[jit]!);
      for (let i = 0; i < RUNS; i++) {
        for (const jit of ["on", "off"]) {
          const t0 = performance.now();
          await run(pools[jit]!);
          samples[jit]!.push(performance.now() - t0);
        }
      }
      for (const jit of ["on", "off"]) {
        const s = samples[jit]!.sort((a, b) => a - b);
        out[`${name}_jit_${jit}_ms`] = Math.round(s[Math.ceil(s.length / 2) - 1]! * 10) / 10;
      }
    }
    for (const jit of ["on", "off"]) {
      const plan = await pools[jit]!.query<{ "QUERY PLAN": string }>(
        `EXPLAIN (ANALYZE, BUFFERS) SELECT r.office_id, sum(r.wait_sum)::int8, sum(r.wait_n)::int8 FROM regency_day_services r JOIN offices o ON o.id = r.office_id
          WHERE r.service_day BETWEEN $1 AND $2 GROUP BY 1`,
        [REGENCY_YEAR.from, REGENCY_YEAR.to],
      );
      process.stderr.write(`-- jit ${jit}\n${plan.rows.map((r) => r["QUERY PLAN"]).join("\n")}\n`);
    }
    process.stdout.write(`${JSON.stringify(out)}\n`);
  } finally {
    for (const p of Object.values(pools)) await p.end();
    await year.stop();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
