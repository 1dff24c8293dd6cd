/**
 * Restart with a million-ticket history: the built hub (`node
 * apps/hub/dist/main.js`, as in production: no --demo) started on a copy of
 * the year-long report store (tests/bench/report-data.ts), timed from the
 * process's spawn to the first successful /healthz AND a kiosk socket
 * connected to /kiosk, i.e. the office serving again. Median of 3 starts,
 * after one warm-up start (which applies any new migration to the copy and
 * enrols the demo devices the kiosk socket needs).
 *
 * The hub's clock is pinned (LAYAN_TEST_NOW) to just after the last event of
 * the store, so the start-up replay covers the whole last day of the office
 * (every ticket of that day), as a restart in the evening of a busy day would,
 * whatever day the bench runs.
 *
 * `pnpm exec tsx tests/bench/restart.ts` runs it alone and prints JSON.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import Database from "better-sqlite3";
import { connect } from "./clients";
import { ensureReportStore } from "./report-data";
import { startProcess, type Spawned } from "./processes";
import { round } from "./stats";

const ROOT = new URL("../../", import.meta.url).pathname;
const HUB = join(ROOT, "apps/hub/dist/main.js");
const RUNS = 3;

type Results = Record<string, number | string>;

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.ceil(sorted.length / 2) - 1] ?? Number.NaN;
}

/** The store's last event, as an ISO instant with the office's offset (WIB), plus a minute. */
function justAfterLastEvent(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare<[], { at: number }>("SELECT at FROM events ORDER BY seq DESC LIMIT 1").get();
    if (!row) throw new Error(`${file} has no events`);
    const wib = new Date(row.at + 60_000 + 7 * 3_600_000).toISOString().slice(0, 19);
    return `${wib}+07:00`;
  } finally {
    db.close();
  }
}

async function healthy(base: string): Promise<void> {
  for (;;) {
    try {
      const res = await fetch(`${base}/healthz`);
      if (res.ok) return;
    } catch {
      // not answering yet
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export interface RestartOptions {
  /** Bundle the hub first (default); run.ts, which has just built it, passes false. */
  build?: boolean;
  /** Another built entry, for a before/after comparison (LAYAN_RESTART_HUB when run alone). */
  hub?: string;
  log?: (msg: string) => void;
}

export async function benchRestart(options: RestartOptions = {}): Promise<Results> {
  const log = options.log ?? (() => undefined);
  const entry = options.hub ?? HUB;
  if (!options.hub && (options.build !== false || !existsSync(HUB))) execFileSync(process.execPath, ["apps/hub/build.mjs"], { cwd: ROOT, stdio: "inherit" });
  const source = ensureReportStore(log);
  const dir = mkdtempSync(join(tmpdir(), "layan-restart-"));
  try {
    const db = join(dir, "layan.db");
    // The hub writes to what it opens (migrations, demo devices): never to the shared cache.
    copyFileSync(source, db);
    if (existsSync(`${source}-wal`)) copyFileSync(`${source}-wal`, `${db}-wal`);
    const now = justAfterLastEvent(db);
    const env = { LAYAN_TEST_NOW: now };
    const common = ["--db", db, "--data", dir, "--port", "0", "--host", "127.0.0.1", "--log-level", "warn"];

    log(`restart: warm-up start on a copy of ${source} (clock at ${now})`);
    const t0 = performance.now();
    const first = await startProcess(entry, [...common, "--demo", "--always-open"], env);
    await healthy(`http://127.0.0.1:${first.port}`);
    const firstMs = performance.now() - t0;
    await first.stop();
    const creds = JSON.parse(readFileSync(join(dir, "demo-credentials.json"), "utf8")) as { kiosks: { token: string }[] };
    const token = creds.kiosks[0]?.token;
    if (!token) throw new Error("the demo enrolled no kiosk");

    const restarts: number[] = [];
    const listening: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      let hub: Spawned | null = null;
      try {
        hub = await startProcess(entry, common, env);
        listening.push(performance.now() - started);
        const base = `http://127.0.0.1:${hub.port}`;
        const [, kiosk] = await Promise.all([healthy(base), connect(`${base}/kiosk`, { token })]);
        restarts.push(performance.now() - started);
        kiosk.close();
      } finally {
        await hub?.stop();
      }
      log(`  restart ${i + 1}: ${Math.round(restarts.at(-1) ?? Number.NaN)} ms`);
    }
    return {
      restart_1m_history_ms: Math.round(median(restarts)),
      restart_1m_history_spread_ms: `${Math.round(Math.min(...restarts))}-${Math.round(Math.max(...restarts))}`,
      restart_1m_history_listening_ms: Math.round(median(listening)),
      restart_1m_history_first_start_ms: Math.round(firstMs),
      restart_1m_history_db_mb: round(Number(execFileSync("du", ["-sm", dirname(db)]).toString().split("\t")[0]), 0),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith("restart.ts")) {
  const hub = process.env.LAYAN_RESTART_HUB;
  benchRestart({ ...(hub ? { hub } : {}), log: (m) => process.stderr.write(`${m}\n`) })
    .then((r) => process.stdout.write(`${JSON.stringify(r, null, 2)}\n`))
    .catch((err: unknown) => {
      process.stderr.write(`${String(err)}\n`);
      process.exit(1);
    });
}
