/**
 * Regency ingest benchmark: the central server (`pnpm regency serve`, its own
 * process, as in production: the bench's own work of sending does not share
 * its event loop) on a throwaway PostgreSQL cluster, fed over HTTP the
 * batches an office hub's outbox builds (apps/hub/src/shipping buildBatch)
 * from a simulated office's event log.
 *
 * - regency_ingest_1_office_events_per_s: one office shipping its log, one
 *   batch after the other as its outbox does.
 * - regency_ingest_10_offices_events_per_s (= regency_ingest_events_per_s):
 *   ten offices shipping the same log at once, each its own sequence of batches.
 * - regency_ingest_baseline_events_per_s: the bare floor in the same run: the
 *   same rows, in the same batches, from ten connections at once, as one plain
 *   multi-row INSERT per batch into a table with office_events' columns and
 *   primary key (no HTTP, no checks, no projection).
 * - regency_ingest_server_cpu_us_per_event, regency_ingest_postgres_cpu_us_per_event:
 *   the CPU time (from /proc) of the server process and of PostgreSQL's
 *   processes over the ten offices' shipping, per event: unlike the rates,
 *   hardly moved by the machine's load; on two cores their sum bounds the rate.
 * - regency_ingest_current_s: after the ten offices' last ack, until the
 *   reports include every acknowledged event (the projector's pendingEvents 0).
 * - regency_projection_events_per_s: the ten offices' events over the time
 *   from their first batch until the reports were current (the projector is
 *   busy throughout: ingest outruns it).
 * - regency_catchup_3_days_s: the real Outbox class on an office's store
 *   holding three days of events central has never seen, until central
 *   acknowledged its last seq and the reports include it.
 */
import { loadConfig } from "@layan/config";
import { openStore, type Store } from "@layan/store";
import { canonicalJson, shippedEvent } from "@layan/protocol";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildBatch, Outbox, RegencyClient } from "../../apps/hub/src/shipping/index";
import { addOffice, eventHash, migrate, openPool, projectionStatus, type Pool } from "../../apps/regency/src/index";
import { startRegencyProcess } from "../support/regency-server";
import { regencyOffice } from "./report-data";
import { writeSimulatedStore } from "../../apps/hub/src/simulate/write";
import { round } from "./stats";

const ROOT = new URL("../../", import.meta.url).pathname;

/** Three open days of an office of the regency's size (about 30,000 events). */
export const SAMPLE = { startDay: "2026-03-02", days: 3, ticketsPerDay: 1_400, seed: 20261201, repeat: 4 } as const;

/** Simulates the sample office into `dir/layan.db` through the real core and store. */
export function writeSample(dir: string, days: number = SAMPLE.days): string {
  const out = join(dir, "layan.db");
  writeSimulatedStore({
    config: regencyOffice(loadConfig(join(ROOT, "kiosk-config")), SAMPLE.repeat),
    out,
    startDay: SAMPLE.startDay,
    days,
    ticketsPerDay: SAMPLE.ticketsPerDay,
    seed: SAMPLE.seed,
  });
  return out;
}

/** The outbox's batch bodies for the whole log, built once: the same bodies serve every office (the office is the credential's). */
function batchesOf(store: Store): { bodies: string[]; events: number } {
  const bodies: string[] = [];
  let after = 0;
  let prevHash: string | null = null;
  for (;;) {
    const page = store.eventsAfter(after, 500);
    // One hub id for all: each office's stream is owned on its own, and this is the path a hub of this release takes.
    // LAYAN_BENCH_REGENCY_FORMAT=1: the batches of a hub before session 25 (format 1), for comparing the formats on one build.
    const built = buildBatch(page, 1, prevHash, { hubInstance: "benchHubInstance0001", format: process.env.LAYAN_BENCH_REGENCY_FORMAT === "1" ? 1 : 2 });
    if (!built) break;
    bodies.push(built.body);
    after = built.batch.lastSeq;
    prevHash = built.lastHash;
  }
  return { bodies, events: after };
}

async function ship(url: string, credential: string, bodies: readonly string[]): Promise<void> {
  // An office's first question opens its stream, as the outbox's does.
  const position = await fetch(`${url}/api/v1/ingest/position`, { headers: { authorization: `Bearer ${credential}` } });
  if (!position.ok) throw new Error(`position refused: HTTP ${position.status}`);
  for (const body of bodies) {
    const res = await fetch(`${url}/api/v1/ingest/events`, {
      method: "POST",
      headers: { authorization: `Bearer ${credential}`, "content-type": "application/json" },
      body,
    });
    const answer = (await res.json()) as { ok: boolean; error?: { code: string } };
    if (!answer.ok) throw new Error(`ingest refused: ${answer.error?.code ?? res.status}`);
  }
}

/** CPU time (user + system, ms) a process has used so far, from /proc; 0 for one that is gone. */
function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return 0;
  }
}

/** The cluster's processes (backends, WAL writer, checkpointer) by their ids, for their CPU time. */
async function postgresPids(pool: Pool): Promise<number[]> {
  return (await pool.query<{ pid: number }>("SELECT pid FROM pg_stat_activity")).rows.map((r) => r.pid);
}

/** Until the projector has read every acknowledged event of these offices. */
async function projected(pool: Pool, offices: string[]): Promise<void> {
  const deadline = performance.now() + 600_000;
  while ((await projectionStatus(pool, offices)).some((s) => s.pendingEvents > 0)) {
    if (performance.now() > deadline) throw new Error("projection not current within 600 s");
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function enrol(pool: Pool, ids: string[]): Promise<string[]> {
  const now = Date.parse("2026-03-01T08:00:00+07:00");
  return Promise.all(ids.map((id) => addOffice(pool, { id, name: `Kantor ${id}`, agency: `OPD ${id}` }, now)));
}

/** Ten connections each INSERTing its office's batches, one multi-row statement (and transaction) per batch. */
async function baseline(pool: Pool, store: Store, offices: string[]): Promise<number> {
  await pool.query(
    `CREATE TABLE bench_baseline_events (office_id text NOT NULL, stream integer NOT NULL, seq bigint NOT NULL, type text NOT NULL,
       at timestamptz NOT NULL, body jsonb NOT NULL, hash bytea NOT NULL, received_at timestamptz NOT NULL, PRIMARY KEY (office_id, stream, seq))`,
  );
  const rows: { seq: number; type: string; at: number; body: string; hash: Buffer }[] = [];
  for (const e of store.iterateEvents()) {
    const shipped = shippedEvent(e.event);
    rows.push({ seq: e.seq, type: shipped.type, at: shipped.at, body: canonicalJson(shipped), hash: eventHash(e.seq, shipped) });
  }
  const batches: (typeof rows)[] = [];
  for (let i = 0; i < rows.length; i += 500) batches.push(rows.slice(i, i + 500));
  const now = Date.now();
  const t0 = performance.now();
  await Promise.all(
    offices.map(async (office) => {
      const client = await pool.connect();
      try {
        for (const batch of batches) {
          const params: unknown[] = [];
          const values = batch.map((r) => {
            params.push(office, 1, r.seq, r.type, new Date(r.at), r.body, r.hash, new Date(now));
            const n = params.length;
            return `($${n - 7}, $${n - 6}, $${n - 5}, $${n - 4}, $${n - 3}, $${n - 2}, $${n - 1}, $${n})`;
          });
          await client.query(`INSERT INTO bench_baseline_events VALUES ${values.join(", ")}`, params);
        }
      } finally {
        client.release();
      }
    }),
  );
  return (rows.length * offices.length) / ((performance.now() - t0) / 1000);
}

export interface IngestFigures {
  results: Record<string, number>;
}

/**
 * Runs ingest (1 office, then 10 at once), the baseline and the catch-up on
 * `database` (a fresh database of a throwaway cluster), from the sample
 * store at `storePath`. The central server process is stopped before it returns.
 */
export async function benchRegencyIngest(database: string, storePath: string, log: (msg: string) => void): Promise<Record<string, number>> {
  const pool = openPool(database, { max: 12 });
  const store = openStore(storePath);
  // LAYAN_BENCH_REGENCY_CPU_PROF=DIR: the server's V8 CPU profile (written at its exit) for finding where ingest's Node time goes.
  const profile = process.env.LAYAN_BENCH_REGENCY_CPU_PROF;
  // LAYAN_BENCH_REGENCY_PROJECTOR_PAUSED=1: the server without its projector, to see what the projector's share of the two cores costs ingest
  // (ingest and the baseline only; the reported figure is the one with the projector running, as in production).
  const paused = process.env.LAYAN_BENCH_REGENCY_PROJECTOR_PAUSED === "1";
  const server = await startRegencyProcess(database, 0, paused ? { LAYAN_TEST_PROJECTOR_PAUSED: "1" } : {}, profile ? ["--cpu-prof", `--cpu-prof-dir=${profile}`] : []);
  try {
    await migrate(pool);
    const { bodies, events } = batchesOf(store);
    log(`  regency: ${events.toLocaleString("en")} simulated events in ${bodies.length} batches`);

    const [single] = await enrol(pool, ["ingest-1"]);
    let t0 = performance.now();
    await ship(server.url, single!, bodies);
    const oneOffice = events / ((performance.now() - t0) / 1000);
    // Its projection done before the ten start: the ten are measured against an idle projector.
    if (!paused) await projected(pool, ["ingest-1"]);

    const ten = Array.from({ length: 10 }, (_, i) => `ingest-10-${String(i + 1).padStart(2, "0")}`);
    const credentials = await enrol(pool, ten);
    // CPU time of the server process and of PostgreSQL's processes over the ten offices' shipping: where an event's cost goes, whatever the machine's load.
    const pgBefore = new Map((await postgresPids(pool)).map((pid) => [pid, cpuMs(pid)]));
    const serverBefore = server.pid ? cpuMs(server.pid) : 0;
    t0 = performance.now();
    await Promise.all(credentials.map((c) => ship(server.url, c, bodies)));
    const acked = performance.now();
    const serverCpu = server.pid ? cpuMs(server.pid) - serverBefore : 0;
    const pgCpu = (await postgresPids(pool)).reduce((sum, pid) => sum + cpuMs(pid) - (pgBefore.get(pid) ?? 0), 0);
    const tenOffices = (events * 10) / ((acked - t0) / 1000);
    log(`  regency ingest: 1 office ${Math.round(oneOffice)} events/s, 10 offices ${Math.round(tenOffices)} events/s`);
    log(`  regency ingest CPU per event (10 offices, projector running): server ${((serverCpu * 1000) / (events * 10)).toFixed(1)} µs, PostgreSQL ${((pgCpu * 1000) / (events * 10)).toFixed(1)} µs`);
    if (paused) {
      const bare = await baseline(pool, store, ten);
      log(`  regency ingest baseline (plain multi-row INSERT, 10 connections): ${Math.round(bare)} events/s`);
      return {
        regency_ingest_paused_10_offices_events_per_s: Math.round(tenOffices),
        regency_ingest_baseline_events_per_s: Math.round(bare),
        regency_ingest_paused_server_cpu_us_per_event: round((serverCpu * 1000) / (events * 10), 1),
        regency_ingest_paused_postgres_cpu_us_per_event: round((pgCpu * 1000) / (events * 10), 1),
      };
    }
    await projected(pool, ten);
    const current = performance.now();
    const currentS = (current - acked) / 1000;
    const projection = (events * 10) / ((current - t0) / 1000);
    log(`  regency projection: ${Math.round(projection)} events/s; reports current ${currentS.toFixed(2)} s after the last ack`);

    const bare = await baseline(pool, store, ten);
    log(`  regency ingest baseline (plain multi-row INSERT, 10 connections): ${Math.round(bare)} events/s`);

    // Catch-up: an office whose three days central never saw, through the hub's own outbox.
    const [late] = await enrol(pool, ["catchup"]);
    const lateId = "catchup";
    const outbox = new Outbox({
      store,
      client: new RegencyClient({ url: server.url, credential: late! }),
      onCommitted: () => () => undefined,
      standards: () => [],
      clock: Date.now,
      lingerMs: 0,
    });
    t0 = performance.now();
    outbox.start();
    const deadline = t0 + 300_000;
    for (;;) {
      const s = outbox.current();
      if (s.state === "caught_up" && s.acknowledgedSeq === events && (await projectionStatus(pool, [lateId]))[0]?.pendingEvents === 0) break;
      if (s.state === "failing") throw new Error(`catch-up failed: ${s.lastError?.code} ${s.lastError?.message}`);
      if (performance.now() > deadline) throw new Error("catch-up not within 300 s");
      await new Promise((r) => setTimeout(r, 10));
    }
    const catchupS = (performance.now() - t0) / 1000;
    await outbox.stop();
    log(`  regency catch-up of ${events.toLocaleString("en")} events: ${catchupS.toFixed(2)} s`);

    return {
      regency_sample_events: events,
      regency_ingest_1_office_events_per_s: Math.round(oneOffice),
      regency_ingest_10_offices_events_per_s: Math.round(tenOffices),
      regency_ingest_events_per_s: Math.round(tenOffices),
      regency_ingest_baseline_events_per_s: Math.round(bare),
      ratio_regency_ingest_to_baseline: round(tenOffices / bare, 3),
      regency_ingest_server_cpu_us_per_event: round((serverCpu * 1000) / (events * 10), 1),
      regency_ingest_postgres_cpu_us_per_event: round((pgCpu * 1000) / (events * 10), 1),
      regency_ingest_current_s: round(currentS, 2),
      regency_projection_events_per_s: Math.round(projection),
      regency_catchup_3_days_s: round(catchupS, 2),
    };
  } finally {
    await server.stop();
    store.close();
    await pool.end();
  }
}
