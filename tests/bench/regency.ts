/**
 * The regency phase of `pnpm bench` (issue 14): ingest, catch-up
 * (regency-ingest.ts) on a throwaway PostgreSQL cluster started here with
 * tests/support/postgres.ts, and the league table and drill-down over 30
 * offices x a year (regency-league.ts) on the cached seeded cluster. Both
 * clusters and every temp folder are gone again when it returns, on failure too.
 *
 * `pnpm exec tsx tests/bench/regency.ts [--quick] [--league-only] [--ingest-only]` runs it
 * alone and prints JSON; `--ingest-only` leaves out the seeded year; `--league-only` leaves out ingest and catch-up (for
 * measuring the report queries alone).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freshDatabase, startPostgres } from "../support/postgres";
import { benchRegencyIngest, writeSample } from "./regency-ingest";
import { benchRegencyLeague } from "./regency-league";
import { startRegencyYear } from "./regency-seed";

export async function benchRegency(log: (msg: string) => void, options: { quick?: boolean; leagueOnly?: boolean; ingestOnly?: boolean } = {}): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), "layan-bench-regency-"));
  try {
    let ingest: Record<string, number> = {};
    let storePath: string | null = null;
    if (!options.leagueOnly) {
      log("regency: simulating the sample office's days (through the real core and store)");
      storePath = writeSample(dir, options.quick ? 1 : undefined);
      const cluster = await startPostgres();
      try {
        ingest = await benchRegencyIngest(await freshDatabase(cluster.url()), storePath, log);
      } finally {
        await cluster.stop();
      }
    }
    // Ingest and projection alone (no seeded year): comparing builds in the same minute without the cache.
    if (options.ingestOnly) return ingest;
    // The seed's templates are always the full three days: a quick run reads the same cached year.
    const year = await startRegencyYear(() => (options.quick || storePath === null ? writeSample(mkdtempSync(join(dir, "full-"))) : storePath), log);
    try {
      return { ...ingest, ...(await benchRegencyLeague(year, log, options)) };
    } finally {
      await year.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith("tests/bench/regency.ts")) {
  benchRegency((m) => process.stderr.write(`${m}\n`), { quick: process.argv.includes("--quick"), leagueOnly: process.argv.includes("--league-only"),
    ingestOnly: process.argv.includes("--ingest-only"),
  }).then(
    (r) => {
      process.stdout.write(`${JSON.stringify(r)}\n`);
      process.exit(0);
    },
    (err: unknown) => {
      process.stderr.write(`regency bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
      process.exit(1);
    },
  );
}
