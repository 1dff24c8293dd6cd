/**
 * PostgreSQL's CPU per ingested event, by batch format: the sample office's
 * days ingested in process through the real `ingest()` on one connection
 * (no server, no projector), the backend's CPU time read from /proc before
 * and after. CPU time hardly moves with the machine's load, so builds and
 * formats compare on a shared machine where rates do not.
 *
 * `pnpm exec tsx tests/bench/regency-pgcpu.ts [--days N] [--rounds N]`
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "@layan/store";
import type { CanonicalBatch, IngestBatch } from "@layan/protocol";
import { buildBatch } from "../../apps/hub/src/shipping/index";
import { addOffice, ingest, migrate, openPool, position } from "../../apps/regency/src/index";
import { freshDatabase, startPostgres } from "../support/postgres";
import { writeSample } from "./regency-ingest";
import { percentile } from "./stats";

function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

async function main(): Promise<void> {
  const days = arg("--days", 1);
  const rounds = arg("--rounds", 3);
  const dir = mkdtempSync(join(tmpdir(), "layan-regency-pgcpu-"));
  const cluster = await startPostgres();
  try {
    const store = openStore(writeSample(dir, days));
    const batches: Record<"1" | "2", (IngestBatch | CanonicalBatch)[]> = { "1": [], "2": [] };
    for (const format of [1, 2] as const) {
      let after = 0;
      let prev: string | null = null;
      for (;;) {
        const built = buildBatch(store.eventsAfter(after, 500), 1, prev, { format });
        if (!built) break;
        batches[format].push(JSON.parse(built.body) as IngestBatch | CanonicalBatch);
        after = built.batch.lastSeq;
        prev = built.lastHash;
      }
    }
    store.close();
    const events = batches["1"].reduce((n, b) => n + b.events.length, 0);
    const pool = openPool(await freshDatabase(cluster.url()), { max: 1 });
    await migrate(pool);
    const pid = (await pool.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid;
    const figures: Record<string, number[]> = { "1": [], "2": [] };
    for (let round = 0; round < rounds; round++) {
      // Alternated, so a busier minute does not fall on one format only.
      for (const format of ["1", "2"] as const) {
        const id = `cpu-${format}-${round}`;
        await addOffice(pool, { id, name: id, agency: id }, 0);
        await position(pool, id, 0);
        const before = cpuMs(pid);
        for (const batch of batches[format]) await ingest(pool, id, batch, 0);
        figures[format]!.push(((cpuMs(pid) - before) * 1000) / events);
      }
    }
    await pool.end();
    const out = Object.fromEntries(Object.entries(figures).map(([f, xs]) => [`postgres_cpu_us_per_event_format_${f}`, Math.round(percentile(xs, 50) * 10) / 10]));
    process.stdout.write(`${JSON.stringify({ events, rounds, ...out, runs: figures })}\n`);
  } finally {
    await cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
