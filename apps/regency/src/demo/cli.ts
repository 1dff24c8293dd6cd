/**
 * `pnpm demo:regency [--data data/regency-demo] [--offices 4] [--days 30] [--port 8600]`
 *
 * A whole regency on this machine: a PostgreSQL cluster in `<data>/postgres`
 * (made on the first run, reused after), the central server, and several
 * simulated offices, each a real hub with its own history shipping to it.
 * Ctrl-C (or SIGTERM) stops the hubs, the central server and PostgreSQL.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { addDays } from "@layan/core";
import { startCluster, type LocalCluster } from "../db/local-cluster";
import { openPool } from "../db/pool";
import { MAX_DEMO_OFFICES } from "./offices";
import { ROOT } from "./processes";
import { runDemo, type CatchUp, type DemoRun } from "./run";

const USAGE = `usage: pnpm demo:regency [options]
  --data DIR      the demo's folder: PostgreSQL, demo.json, one folder per office (default data/regency-demo)
  --offices N     simulated offices, 1 to ${MAX_DEMO_OFFICES} (default 4)
  --days D        days of history per office, on the first run (default 30)
  --port P        the central server's port; the offices' hubs take P+1, P+2, ... (default 8600)`;

function fail(message: string): never {
  process.stderr.write(`demo:regency: ${message}\n`);
  process.exit(1);
}

const say = (line: string) => process.stderr.write(`${line}\n`);

/** The regency database inside the demo's cluster, created on the first run. */
async function regencyDatabase(cluster: LocalCluster): Promise<string> {
  const pool = openPool(cluster.url("postgres"), { max: 1 });
  try {
    const { rowCount } = await pool.query("SELECT 1 FROM pg_database WHERE datname = 'regency'");
    if (!rowCount) await pool.query("CREATE DATABASE regency");
  } finally {
    await pool.end();
  }
  return cluster.url("regency");
}

/**
 * The dashboards are served from their builds: each made once if missing
 * (pnpm start rebuilds stale ones). The regency's, where this checkout has it.
 */
function buildDashboards(): void {
  for (const [app, what] of [
    ["dashboard", "dasbor kantor (the office dashboard)"],
    ["regency-web", "dasbor kabupaten (the regency dashboard)"],
  ] as const) {
    if (!existsSync(join(ROOT, "apps", app, "package.json")) || existsSync(join(ROOT, "apps", app, "dist/index.html"))) continue;
    say(`Membangun ${what}…`);
    const result = spawnSync("pnpm", ["--filter", `@layan/${app}`, "build"], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
    if (result.status !== 0) fail(`building ${app} failed (see above)`);
  }
}

function banner(demo: DemoRun, dir: string): string {
  const range = `from=${demo.state.startDay}&to=${addDays(demo.state.startDay, demo.state.days - 1)}`;
  const lines = [
    "",
    "  Layan — demo kabupaten (demo regency) is running",
    `  Dasbor kabupaten         ${demo.centralUrl}/   (the regency dashboard, central server)`,
    `  Laporan (reports API)    ${demo.centralUrl}/api/v1/regency/league?${range}`,
    ...demo.logins.map((l) => `  Login ${l.role === "regency" ? "kabupaten" : `kantor ${l.officeId}`}`.padEnd(27) + `${l.username} / ${l.password}`),
    `  Token pembaca (viewer)   ${demo.viewerToken}`,
    `                           curl -H "Authorization: Bearer ${demo.viewerToken}" "${demo.centralUrl}/api/v1/regency/league?${range}"`,
    "",
    "  Kantor (offices):",
  ];
  for (const o of demo.offices) {
    const login = o.manager ? `manager ${o.manager.username} / ${o.manager.secret}` : "";
    lines.push(`    ${o.office.id.padEnd(26)} ${`${o.url}/dashboard/`.padEnd(34)} ${login}`);
  }
  lines.push("", `  Data, logs and credentials: ${dir} (demo.json). Ctrl-C stops everything.`, "");
  return lines.join("\n");
}

function progressLine(rows: CatchUp[]): string {
  return rows.map((r) => `${r.id} ${r.centralSeq.toLocaleString("en")}/${r.hubSeq.toLocaleString("en")}`).join("  ");
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2).filter((a) => a !== "--"),
      options: {
        data: { type: "string", default: "data/regency-demo" },
        offices: { type: "string", default: "4" },
        days: { type: "string", default: "30" },
        port: { type: "string", default: "8600" },
        help: { type: "boolean", default: false },
      },
      strict: true,
    }));
  } catch (err) {
    fail(`${(err as Error).message}\n${USAGE}`);
  }
  if (values.help) {
    say(USAGE);
    return;
  }
  const offices = Number(values.offices);
  const days = Number(values.days);
  const port = Number(values.port);
  if (!Number.isInteger(offices) || offices < 1 || offices > MAX_DEMO_OFFICES) fail(`--offices must be 1 to ${MAX_DEMO_OFFICES}`);
  if (!Number.isInteger(days) || days < 1 || days > 366) fail("--days must be 1 to 366");
  if (!Number.isInteger(port) || port < 1024 || port + offices > 65_535) fail("--port must be 1024 to 65535 (and leave room for the offices' ports)");
  const dir = resolve(values.data);

  buildDashboards();
  say(`PostgreSQL in ${join(dir, "postgres")}…`);
  const cluster = await startCluster(join(dir, "postgres")).catch((err: Error) => fail(err.message));
  let demo: DemoRun | null = null;
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    say("Menghentikan demo (stopping the demo)…");
    await demo?.stop().catch((err: Error) => say(err.message));
    // Ctrl-C reaches PostgreSQL too (same terminal), which then shuts itself down: nothing left to stop is no error.
    await cluster.stop().catch((err: Error) => {
      if (!/no server running|is the server running/i.test(err.message)) say(`PostgreSQL: ${err.message}`);
    });
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  try {
    demo = await runDemo({ dataDir: dir, database: await regencyDatabase(cluster), offices, days, port, say });
  } catch (err) {
    say(`demo:regency: ${(err as Error).message}`);
    return shutdown(1);
  }
  say(banner(demo, dir));
  // Catch-up progress until every office's log is at the central server, then quiet.
  for (let current = false; !current && !stopping; ) {
    await new Promise((r) => setTimeout(r, 2_000));
    if (stopping) break;
    const rows = await demo.catchUp().catch(() => null);
    if (!rows) continue;
    current = rows.every((r) => r.centralSeq >= r.hubSeq);
    say(`${current ? "Semua kantor terkirim (every office is current)" : "Mengirim (catching up)"}: ${progressLine(rows)}`);
  }
}

void main();
