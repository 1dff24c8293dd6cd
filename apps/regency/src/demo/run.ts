/**
 * The demo regency on a PostgreSQL database: migrates it, enrols the offices
 * and a regency-wide viewer, starts the central server, and for each office
 * makes its kiosk-config copy, simulates its history once, joins it to the
 * central server and starts its hub, which ships its log. What a run made is
 * kept in `<data>/demo.json` (the credentials are shown once by the central
 * server, so the demo keeps them, owner-only), so a second run resumes:
 * nothing is simulated or enrolled twice.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { addDays, serviceDayOf } from "@layan/core";
import { migrate } from "../db/migrate";
import { openPool } from "../db/pool";
import { addOffice, issueCredential } from "../offices";
import { addUser, generatePassword, setPassword } from "../auth/users";
import { addViewer } from "../reports/viewers";
import { DEMO_OFFICES, MAX_DEMO_OFFICES, officeConfig, type DemoOffice } from "./offices";
import { ROOT, runTs, startServer, type Running } from "./processes";

export interface DemoOptions {
  /** The demo's folder: demo.json, the logs and one folder per office. */
  dataDir: string;
  /** The regency database (created and migrated if new). */
  database: string;
  offices: number;
  /** Days of history each office gets on its first run. */
  days: number;
  /** The central server's port; the offices' hubs take the next ones. 0: any free ports. */
  port: number;
  /** First simulated day (default: the `days` days ending yesterday, office time). */
  startDay?: string;
  /** Pins the hubs' clocks (LAYAN_TEST_NOW): for tests. */
  hubNow?: string;
  /** Progress lines. */
  say?: (line: string) => void;
}

export interface DemoState {
  startDay: string;
  days: number;
  credentials: Record<string, string>;
  viewer: string | null;
  /** The regency dashboard's demo logins: one for the regency, one for the first office's manager. */
  logins?: DemoLogin[];
}

export interface DemoLogin {
  username: string;
  password: string;
  role: "regency" | "office";
  officeId: string | null;
}

export interface DemoOfficeRun {
  office: DemoOffice;
  url: string;
  dataDir: string;
  manager: { username: string; secret: string } | null;
}

export interface CatchUp {
  id: string;
  hubSeq: number;
  centralSeq: number;
}

export interface DemoRun {
  centralUrl: string;
  viewerToken: string;
  logins: DemoLogin[];
  state: DemoState;
  offices: DemoOfficeRun[];
  /** Each office's log against central's copy of it. */
  catchUp(): Promise<CatchUp[]>;
  stop(): Promise<void>;
}

const STATE_FILE = "demo.json";
const TIMEZONE = "Asia/Jakarta";

function readState(dir: string, days: number, startDay: string | undefined): DemoState {
  const file = join(dir, STATE_FILE);
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as DemoState;
  const yesterday = addDays(serviceDayOf(Date.now(), TIMEZONE), -1);
  return { startDay: startDay ?? addDays(yesterday, -(days - 1)), days, credentials: {}, viewer: null };
}

/** Credentials and the viewer token: owner-only, written whole or not at all. */
function writeState(dir: string, state: DemoState): void {
  const file = join(dir, STATE_FILE);
  writeFileSync(`${file}.tmp`, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  chmodSync(`${file}.tmp`, 0o600);
  renameSync(`${file}.tmp`, file);
}

function managerOf(dataDir: string): DemoOfficeRun["manager"] {
  const file = join(dataDir, "demo-credentials.json");
  if (!existsSync(file)) return null;
  const creds = JSON.parse(readFileSync(file, "utf8")) as { users: { role: string; username: string; secret: string }[] };
  const manager = creds.users.find((u) => u.role === "manager");
  return manager ? { username: manager.username, secret: manager.secret } : null;
}

export async function runDemo(options: DemoOptions): Promise<DemoRun> {
  if (!(Number.isInteger(options.offices) && options.offices >= 1 && options.offices <= MAX_DEMO_OFFICES)) {
    throw new Error(`--offices must be 1 to ${MAX_DEMO_OFFICES}`);
  }
  const say = options.say ?? (() => undefined);
  const dir = options.dataDir;
  mkdirSync(dir, { recursive: true });
  const state = readState(dir, options.days, options.startDay);
  if (state.days !== options.days && existsSync(join(dir, STATE_FILE))) {
    say(`Riwayat sudah disimulasikan untuk ${state.days} hari (history already simulated for ${state.days} days); --days applies to a new --data folder only.`);
  }
  const offices = DEMO_OFFICES.slice(0, options.offices);
  const pool = openPool(options.database, { max: 2 });
  const running: Running[] = [];
  const stopAll = async () => {
    for (const r of running.reverse()) await r.stop();
    running.length = 0;
  };
  try {
    await migrate(pool);
    const now = Date.now();
    for (const office of offices) {
      if (state.credentials[office.id]) continue;
      const known = await pool.query("SELECT 1 FROM offices WHERE id = $1", [office.id]);
      // A demo.json lost while the database stayed: a new credential for the enrolled office.
      state.credentials[office.id] = known.rowCount
        ? await issueCredential(pool, office.id, now)
        : await addOffice(pool, { id: office.id, name: office.name, agency: office.agency }, now);
      writeState(dir, state);
    }
    if (!state.viewer) {
      state.viewer = (await addViewer(pool, { name: "Demo: Inspektorat Kabupaten", officeId: null }, now)).token;
      writeState(dir, state);
    }

    if (!state.logins) {
      const wanted: Omit<DemoLogin, "password">[] = [
        { username: "inspektorat", role: "regency", officeId: null },
        { username: `kepala-${offices[0]!.id}`, role: "office", officeId: offices[0]!.id },
      ];
      const logins: DemoLogin[] = [];
      for (const w of wanted) {
        const password = generatePassword();
        const known = await pool.query("SELECT 1 FROM regency_users WHERE username = $1", [w.username]);
        // A demo.json lost while the database stayed: the same user, a new password.
        if (known.rowCount) await setPassword(pool, w.username, password, now);
        else {
          const displayName = w.role === "regency" ? "Inspektorat Kabupaten (demo)" : `Kepala ${offices[0]!.shortName} (demo)`;
          await addUser(pool, { username: w.username, displayName, role: w.role, officeId: w.officeId, password }, now);
        }
        logins.push({ ...w, password });
      }
      state.logins = logins;
      writeState(dir, state);
    }

    const central = await startServer("central server", "apps/regency/src/cli.ts", ["serve", "--database", options.database, "--port", String(options.port), "--host", "127.0.0.1"], {
      env: { LOG_LEVEL: "warn" },
      logFile: join(dir, "regency.log"),
    });
    running.push(central);
    const centralUrl = `http://127.0.0.1:${central.port}`;

    const runs: DemoOfficeRun[] = [];
    for (const [i, office] of offices.entries()) {
      const home = join(dir, office.id);
      const dataDir = join(home, "data");
      const configDir = officeConfig(join(ROOT, "kiosk-config"), join(home, "kiosk-config"), office);
      if (!existsSync(join(dataDir, "layan.db"))) {
        say(`${office.id}: mensimulasikan ${state.days} hari (simulating ${state.days} days from ${state.startDay})…`);
        await runTs("apps/hub/src/simulate/cli.ts", [
          ...["--days", String(state.days), "--start", state.startDay, "--tickets-per-day", String(office.ticketsPerDay), "--seed", String(office.seed)],
          ...["--service-time-factor", String(office.serviceTimeFactor), "--absence", String(office.absence)],
          ...["--config", configDir, "--out", join(dataDir, "layan.db")],
        ], { onLine: (line) => say(`${office.id}: ${line.trim()}`) });
      }
      // Joined on every run: the central server's address may have changed since the last one.
      await runTs("apps/hub/src/cli.ts", ["regency", "join", "--data", dataDir, "--url", centralUrl, "--credential", state.credentials[office.id]!]);
      const hubPort = options.port === 0 ? 0 : options.port + 1 + i;
      const hub = await startServer(office.id, "apps/hub/src/main.ts", ["--port", String(hubPort), "--host", "127.0.0.1", "--data", dataDir, "--config", configDir, "--demo"], {
        env: { LOG_LEVEL: "warn", ...(options.hubNow ? { LAYAN_TEST_NOW: options.hubNow } : {}) },
        logFile: join(home, "hub.log"),
      });
      running.push(hub);
      runs.push({ office, url: `http://127.0.0.1:${hub.port}`, dataDir, manager: managerOf(dataDir) });
    }

    return {
      centralUrl,
      viewerToken: state.viewer,
      logins: state.logins,
      state,
      offices: runs,
      async catchUp() {
        const rows: CatchUp[] = [];
        for (const r of runs) {
          const health = (await (await fetch(`${r.url}/healthz`)).json()) as { seq: number };
          const { rows: streams } = await pool.query<{ last_seq: string }>("SELECT last_seq FROM office_streams WHERE office_id = $1 AND closed_at IS NULL", [r.office.id]);
          rows.push({ id: r.office.id, hubSeq: health.seq, centralSeq: Number(streams[0]?.last_seq ?? 0) });
        }
        return rows;
      },
      async stop() {
        await stopAll();
        await pool.end();
      },
    };
  } catch (err) {
    await stopAll();
    await pool.end();
    throw err;
  }
}
