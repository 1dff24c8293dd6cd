/**
 * The regency year the league benchmark reads: 30 offices x every weekday of
 * 2025 (about ten million tickets), seeded into PostgreSQL directly, since
 * shipping that much through the hub's simulator would take hours here.
 *
 * The rows are shaped by the real projection, not by hand: the sample office
 * (regency-ingest.ts, three simulated days) is shipped through the real
 * ingest() into a template database, and its projected rows (tickets,
 * segments, SOP steps, survey answers, complaints) are copied for each office
 * and weekday with ids made unique, times moved to the day and each office's
 * waits and service times scaled by its own factor (its verdicts re-judged
 * against the same targets), so offices differ. COPY loads them with the
 * indexes dropped and rebuilt after; the day rollups are written by the
 * projection's own rewriteOfficeRollups.
 *
 * The seeded cluster is cached under $LAYAN_BENCH_CACHE (default
 * /work/bench-cache) by GENERATOR_VERSION: bump it when the generator, the
 * sample or a migration's fact tables change.
 *
 * A new migration does not seed again (20 minutes): the cache of an earlier
 * migration set of the same year is copied and migrated forward, which is
 * what a real central server with a year goes through on upgrade, and that
 * upgrade is timed (upgradeCache). The copy keeps the earlier cache intact.
 */
import { execFile, spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { once } from "node:events";
import { createServer } from "node:net";
import { basename, join } from "node:path";
import { promisify } from "node:util";
import { openStore } from "@layan/store";
import { buildBatch, shippedHash } from "../../apps/hub/src/shipping/index";
import { addOffice, addViewer, ingest, loadMigrations, migrate, openPool, position, projectAll, type Pool } from "../../apps/regency/src/index";
import { PROJECTION_VERSION, rewriteOfficeRollups } from "../../apps/regency/src/reports/project";
import { freshDatabase, postgresBin, startPostgres } from "../support/postgres";
import { SAMPLE } from "./regency-ingest";

export const GENERATOR_VERSION = 1;
export const REGENCY_YEAR = { offices: 30, from: "2025-01-01", to: "2025-12-31" } as const;
const DAY_MS = 86_400_000;

/**
 * Keyed by the migrations too: the migration runner refuses a database that
 * has a later migration than one it has not (a branch's 0003 merged after
 * this cache got 0004), and a new migration may change the fact tables.
 */
export function regencyCacheDir(ids: readonly number[] = loadMigrations().map((m) => m.id)): string {
  return join(cacheRoot(), `${cachePrefix()}${ids.join(".")}`);
}

const cacheRoot = () => process.env.LAYAN_BENCH_CACHE ?? "/work/bench-cache";
const cachePrefix = () => `regency-v${GENERATOR_VERSION}-${REGENCY_YEAR.offices}x${REGENCY_YEAR.from}-${REGENCY_YEAR.to}-${SAMPLE.seed}-m`;

/** The seeded cache of the same year whose migrations are all among this build's, the most of them first; null when there is none. */
function upgradableCache(): string | null {
  const current = new Set(loadMigrations().map((m) => m.id));
  if (!existsSync(cacheRoot())) return null;
  const candidates = readdirSync(cacheRoot())
    .filter((name) => name.startsWith(cachePrefix()) && existsSync(join(cacheRoot(), name, "seeded.json")))
    .map((name) => ({ name, ids: name.slice(cachePrefix().length).split(".").map(Number) }))
    .filter((c) => c.ids.every((id) => current.has(id)) && c.ids.length < current.size)
    .sort((a, b) => b.ids.length - a.ids.length);
  return candidates[0] ? join(cacheRoot(), candidates[0].name) : null;
}

export function weekdays(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY_MS) {
    const day = new Date(t).getUTCDay();
    if (day !== 0 && day !== 6) out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

type Row = Record<string, unknown>;

const TABLES = ["regency_tickets", "regency_segments", "regency_steps", "regency_surveys", "regency_complaints"] as const;
type Table = (typeof TABLES)[number];
const ID_COLUMN: Record<Table, string> = {
  regency_tickets: "ticket_id",
  regency_segments: "ticket_id",
  regency_steps: "ticket_id",
  regency_surveys: "response_id",
  regency_complaints: "complaint_id",
};
const DAY_COLUMN: Record<Table, string> = {
  regency_tickets: "service_day",
  regency_segments: "service_day",
  regency_steps: "service_day",
  regency_surveys: "service_day",
  regency_complaints: "filed_day",
};
const INSTANTS = new Set(["issued_at_ms", "enqueued_at_ms", "ended_at_ms", "filed_at_ms", "due_at_ms", "first_response_ms", "closed_at_ms"]);

const csv = (v: unknown): string => {
  if (v === null || v === undefined) return "";
  if (typeof v === "boolean") return v ? "t" : "f";
  if (typeof v === "number") return String(v);
  const text = typeof v === "string" ? v : JSON.stringify(v);
  return `"${text.replace(/"/g, '""')}"`;
};

/** An office's waits and service times relative to the sample: 0.55x to 2x, spread over the 30. */
export function officeFactors(index: number): { wait: number; service: number } {
  return { wait: 0.55 + ((index * 7) % 30) * 0.05, service: 0.8 + ((index * 11) % 30) * 0.016 };
}

/** One template row as the office's row of `day` (shifted by `shiftMs` from the template's day). */
function remap(table: Table, row: Row, office: string, day: string, dayIndex: number, shiftMs: number, f: { wait: number; service: number }): Row {
  const out: Row = { ...row, office_id: office, [ID_COLUMN[table]]: `${String(row[ID_COLUMN[table]])}~${dayIndex}`, [DAY_COLUMN[table]]: day };
  for (const k of Object.keys(out)) if (INSTANTS.has(k) && typeof out[k] === "number") out[k] = out[k] + shiftMs;
  const scale = (k: string, by: number) => {
    if (typeof out[k] === "number") out[k] = Math.round(out[k] * by);
  };
  if (table === "regency_segments") {
    scale("wait_ms", f.wait);
    scale("service_ms", f.service);
    if (out.wait_met !== null && typeof out.wait_target_ms === "number") out.wait_met = (out.wait_ms as number) <= out.wait_target_ms;
    if (out.service_met !== null && typeof out.service_target_ms === "number") out.service_met = (out.service_ms as number) <= out.service_target_ms;
  }
  if (table === "regency_steps") {
    scale("ms", f.service);
    if (out.met !== null && typeof out.target_ms === "number") out.met = (out.ms as number) <= out.target_ms;
  }
  return out;
}

async function copyInto(url: string, table: Table, columns: string[], produce: (write: (text: string) => Promise<void>) => Promise<void>): Promise<void> {
  const u = new URL(url);
  const psql = spawn("psql", ["-h", u.hostname, "-p", u.port, "-U", "layan", "-d", u.pathname.slice(1), "-v", "ON_ERROR_STOP=1", "-q", "-c",
    `COPY ${table} (${columns.join(", ")}) FROM STDIN (FORMAT csv)`], { stdio: ["pipe", "ignore", "pipe"] });
  let stderr = "";
  psql.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const exited = once(psql, "exit") as Promise<[number | null]>;
  await produce(async (text) => {
    if (!psql.stdin.write(text)) await once(psql.stdin, "drain");
  });
  psql.stdin.end();
  const [code] = await exited;
  if (code !== 0) throw new Error(`COPY ${table} failed (${code}): ${stderr}`);
}

/** The sample office's projected rows, from the real ingest of its simulated log. */
async function templates(pool: Pool, storePath: string): Promise<Record<Table, Row[]>> {
  await migrate(pool);
  await addOffice(pool, { id: "sample", name: "sample", agency: "sample" }, Date.now());
  await position(pool, "sample", Date.now());
  const store = openStore(storePath);
  try {
    let after = 0;
    let prev: string | null = null;
    for (;;) {
      const page = store.eventsAfter(after, 500);
      const built = buildBatch(page, 1, prev);
      if (!built) break;
      await ingest(pool, "sample", built.batch, Date.now());
      const last = page[built.batch.events.length - 1]!;
      after = last.seq;
      prev = shippedHash(last);
    }
  } finally {
    store.close();
  }
  // Ingest acknowledges; the facts are the projector's (apps/regency/src/projector.ts).
  await projectAll(pool);
  const out = {} as Record<Table, Row[]>;
  for (const t of TABLES) out[t] = (await pool.query<Row>(`SELECT * FROM ${t} WHERE office_id = 'sample' ORDER BY ${ID_COLUMN[t]}`)).rows;
  return out;
}

async function seed(clusterUrl: string, storePath: string, log: (msg: string) => void): Promise<{ url: string; token: string }> {
  const tpool = openPool(await freshDatabase(clusterUrl), { max: 2 });
  let byDay: Record<Table, Map<string, Row[]>>;
  try {
    const rows = await templates(tpool, storePath);
    byDay = Object.fromEntries(
      TABLES.map((t) => {
        const m = new Map<string, Row[]>();
        for (const r of rows[t]) {
          const d = String(r[DAY_COLUMN[t]]);
          const list = m.get(d) ?? [];
          list.push(r);
          m.set(d, list);
        }
        return [t, m];
      }),
    ) as Record<Table, Map<string, Row[]>>;
  } finally {
    await tpool.end();
  }
  const sampleDays = [...byDay.regency_tickets.keys()].sort();
  log(`  regency seed: templates from ${sampleDays.length} projected sample days (${byDay.regency_tickets.get(sampleDays[0]!)?.length} tickets on the first)`);

  const url = await freshDatabase(clusterUrl);
  const pool = openPool(url, { max: 2 });
  try {
    await migrate(pool);
    const offices = Array.from({ length: REGENCY_YEAR.offices }, (_, i) => `kantor-${String(i + 1).padStart(2, "0")}`);
    for (const [i, id] of offices.entries()) await addOffice(pool, { id, name: `Kantor ${i + 1}`, agency: `OPD ${(i % 10) + 1}` }, Date.parse("2025-01-01T08:00:00+07:00"));
    const { token } = await addViewer(pool, { name: "bench", officeId: null }, Date.now());
    await pool.query("DELETE FROM regency_projection");
    await pool.query("INSERT INTO regency_projection (version) VALUES ($1)", [PROJECTION_VERSION]);
    // Constraints and indexes off for the load, back (the same definitions) after it.
    const cons = (
      await pool.query<{ t: string; name: string; def: string; fk: boolean }>(
        `SELECT conrelid::regclass::text AS t, conname AS name, pg_get_constraintdef(oid) AS def, contype = 'f' AS fk FROM pg_constraint
          WHERE conrelid::regclass::text = ANY($1) AND contype IN ('p', 'f')`,
        [TABLES],
      )
    ).rows;
    const idx = (
      await pool.query<{ name: string; def: string }>(
        `SELECT indexname AS name, indexdef AS def FROM pg_indexes WHERE tablename = ANY($1)
          AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE contype = 'p')`,
        [TABLES],
      )
    ).rows;
    for (const c of [...cons].sort((a, b) => Number(b.fk) - Number(a.fk))) await pool.query(`ALTER TABLE ${c.t} DROP CONSTRAINT ${c.name}`);
    for (const i of idx) await pool.query(`DROP INDEX ${i.name}`);
    const days = weekdays(REGENCY_YEAR.from, REGENCY_YEAR.to);
    for (const table of TABLES) {
      const columns = (
        await pool.query<{ c: string }>("SELECT column_name AS c FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position", [table])
      ).rows.map((r) => r.c);
      const t0 = performance.now();
      let n = 0;
      await copyInto(url, table, columns, async (write) => {
        for (const [oi, office] of offices.entries()) {
          const f = officeFactors(oi);
          for (const [di, day] of days.entries()) {
            const from = sampleDays[(di + oi) % sampleDays.length]!;
            const shift = Date.parse(`${day}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`);
            const lines: string[] = [];
            for (const r of byDay[table].get(from) ?? []) {
              const o = remap(table, r, office, day, di, shift, f);
              lines.push(columns.map((c) => csv(o[c])).join(","));
            }
            n += lines.length;
            if (lines.length > 0) await write(`${lines.join("\n")}\n`);
          }
        }
      });
      log(`  regency seed: ${table} ${n.toLocaleString("en")} rows in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    }
    await pool.query("SET maintenance_work_mem = '1GB'");
    const t0 = performance.now();
    for (const c of cons.filter((c) => !c.fk)) await pool.query(`ALTER TABLE ${c.t} ADD CONSTRAINT ${c.name} ${c.def}`);
    for (const i of idx) await pool.query(i.def);
    // The rows are consistent by construction: the foreign keys come back without re-checking tens of millions of rows.
    for (const c of cons.filter((c) => c.fk)) await pool.query(`ALTER TABLE ${c.t} ADD CONSTRAINT ${c.name} ${c.def} NOT VALID`);
    log(`  regency seed: keys and indexes rebuilt in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    const t1 = performance.now();
    for (const office of offices) await rewriteOfficeRollups(pool, office);
    log(`  regency seed: day rollups in ${((performance.now() - t1) / 1000).toFixed(0)} s`);
    await pool.query("VACUUM ANALYZE");
    await pool.query("CHECKPOINT");
    return { url, token };
  } finally {
    await pool.end();
  }
}

const exec = promisify(execFile);

/** PostgreSQL's own binaries; as root, as the postgres user (it refuses root). */
function pg(binary: string, args: string[]): Promise<unknown> {
  const path = join(postgresBin(), binary);
  return process.getuid?.() === 0 ? exec("runuser", ["-u", "postgres", "--", path, ...args]) : exec(path, args);
}

export interface RegencyYear {
  /** postgres://... of the seeded database */
  url: string;
  /** A regency-wide viewer token (the report routes' Bearer). */
  token: string;
  stop(): Promise<void>;
}

/**
 * The seeded year's cluster, running on loopback: from the cache, or seeded
 * first (some minutes, once) from the sample store at `storePath`.
 */
export async function startRegencyYear(storePath: () => string, log: (msg: string) => void): Promise<RegencyYear> {
  const cache = regencyCacheDir();
  const data = join(cache, "pgdata");
  const earlier = existsSync(join(cache, "seeded.json")) ? null : upgradableCache();
  if (earlier) await upgradeCache(earlier, cache, log);
  if (!existsSync(join(cache, "seeded.json"))) {
    log(`regency: seeding 30 offices x a year into PostgreSQL (once; cached at ${cache}) ...`);
    const cluster = await startPostgres();
    try {
      const seeded = await seed(cluster.url(), storePath(), log);
      // Right after a CHECKPOINT: the next start has nothing to replay.
      await cluster.kill();
      rmSync(cache, { recursive: true, force: true });
      mkdirSync(cache, { recursive: true });
      renameSync(cluster.dir, data);
      writeFileSync(join(cache, "seeded.json"), JSON.stringify({ database: new URL(seeded.url).pathname.slice(1), token: seeded.token }));
    } catch (err) {
      await cluster.stop();
      throw err;
    }
  }
  const { database, token } = JSON.parse(readFileSync(join(cache, "seeded.json"), "utf8")) as { database: string; token: string };
  const port = await startCluster(data);
  return {
    url: `postgres://layan@127.0.0.1:${port}/${database}`,
    token,
    async stop() {
      await pg("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]).catch(() => undefined);
    },
  };
}

/**
 * TCP on loopback only, no Unix socket: a socket's path may not pass 107
 * bytes, and the cache folder's name grows with every migration id (the
 * upgrade to 0008 in "<cache>.partial/pgdata" was the first past it).
 * Everything here connects to 127.0.0.1.
 */
async function startCluster(data: string): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    const port = await freePort();
    try {
      await pg("pg_ctl", ["-D", data, "-l", join(data, "server.log"), "-o", `-p ${port} -c unix_socket_directories='' -c listen_addresses=127.0.0.1`, "-w", "start"]);
      return port;
    } catch (err) {
      if (attempt >= 3) throw err;
    }
  }
}

/**
 * The earlier cache copied (cp -a keeps the postgres owner) and migrated
 * forward by the server's own runner, timed: the upgrade a central server
 * that already holds a year goes through. One exception, said in the
 * record: a migration older than the newest the copy has (the first cache
 * was seeded on a branch before 0003, the logins, was merged) is applied
 * first, as the runner would have applied it in order, since the runner
 * rightly refuses that on a real server; it touches no report table.
 */
async function upgradeCache(from: string, to: string, log: (msg: string) => void): Promise<void> {
  log(`regency: migrating a copy of ${basename(from)} forward (the seeded year, upgraded; cached at ${to}) ...`);
  const partial = `${to}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  const t0 = performance.now();
  await exec("cp", ["-a", join(from, "pgdata"), join(partial, "pgdata")]);
  const copyS = (performance.now() - t0) / 1000;
  const data = join(partial, "pgdata");
  const seeded = JSON.parse(readFileSync(join(from, "seeded.json"), "utf8")) as { database: string; token: string };
  const port = await startCluster(data);
  const pool = openPool(`postgres://layan@127.0.0.1:${port}/${seeded.database}`, { max: 1 });
  try {
    const applied = new Set((await pool.query<{ id: number }>("SELECT id FROM migrations")).rows.map((r) => r.id));
    const highest = Math.max(...applied);
    const late = loadMigrations().filter((m) => !applied.has(m.id) && m.id < highest);
    for (const m of late) {
      await pool.query("BEGIN");
      await pool.query(m.sql);
      await pool.query("INSERT INTO migrations (id, name) VALUES ($1, $2)", [m.id, m.name]);
      await pool.query("COMMIT");
    }
    const t1 = performance.now();
    const migrated = await migrate(pool);
    const migrateS = (performance.now() - t1) / 1000;
    const t2 = performance.now();
    // The rollups the migrations add (0005's histograms, 0008's SOP steps): their statistics before the first report.
    await pool.query("VACUUM ANALYZE regency_day_histograms, regency_month_histograms, regency_day_steps");
    const analyzeS = (performance.now() - t2) / 1000;
    await pool.query("CHECKPOINT");
    const storage = (
      await pool.query<{ t: string; rows: number; buckets: number; bytes: number }>(
        `SELECT t, (SELECT count(*) FROM regency_day_histograms) AS rows, NULL::int8 AS buckets, pg_total_relation_size(t) AS bytes FROM (VALUES ('regency_day_histograms')) v (t)
         UNION ALL SELECT 'regency_month_histograms', (SELECT count(*) FROM regency_month_histograms), NULL, pg_total_relation_size('regency_month_histograms')
         UNION ALL SELECT 'regency_day_steps', (SELECT count(*) FROM regency_day_steps), NULL, pg_total_relation_size('regency_day_steps')`,
      )
    ).rows;
    const buckets = await pool.query<{ day: number; month: number }>(
      `SELECT (SELECT sum(cardinality(buckets)) FROM regency_day_histograms)::int8 AS day, (SELECT sum(cardinality(buckets)) FROM regency_month_histograms)::int8 AS month`,
    );
    const upgrade = { from: basename(from), appliedFirst: late.map((m) => m.id), migrated, copyS, migrateS, analyzeS, storage, buckets: buckets.rows[0] };
    log(`regency: upgrade ${JSON.stringify(upgrade)}`);
    writeFileSync(join(partial, "seeded.json"), JSON.stringify({ ...seeded, upgrade }));
  } finally {
    await pool.end();
    await pg("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]).catch(() => undefined);
  }
  rmSync(to, { recursive: true, force: true });
  renameSync(partial, to);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
