/**
 * The regency's central server as a real process (`pnpm regency serve`), so a
 * test can SIGKILL it, on a database of the run's PostgreSQL cluster, and the
 * few steps that connect an office hub to it.
 */
import type { ChildProcess } from "node:child_process";
import type { IssuedTicket } from "@layan/protocol";
import { connect, rid, send } from "../../apps/hub/src/testing/harness";
import { addOffice, migrate, openPool, projectionStatus, type Pool } from "../../apps/regency/src/index";
import { writeRegencyConfig } from "../../apps/hub/src/shipping/index";
import { startListening } from "./listening";
import type { TestHub } from "./test-hub";

export interface RegencyProcess {
  readonly url: string;
  readonly port: number;
  /** SIGKILL: no graceful shutdown. */
  kill(): Promise<void>;
  /** Starts it again on the same port and database. */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The server process's id (the bench reads its CPU time from /proc). */
  readonly pid: number | undefined;
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
  });
}

/** `env`: extra variables for the process, e.g. LAYAN_TEST_PROJECTOR_PAUSED=1 (ingest acknowledges, the reports stay behind). */
export async function startRegencyProcess(
  database: string,
  port = 0,
  env: Record<string, string> = {},
  /** Node's own flags for the server, e.g. ["--cpu-prof"] for the bench's profile. */
  nodeArgs: string[] = [],
): Promise<RegencyProcess & { env: Record<string, string> }> {
  const launch = (p: number) =>
    startListening("apps/regency/src/cli.ts", ["serve", "--port", String(p), "--host", "127.0.0.1", "--database", database], {
      name: "regency",
      env: { LOG_LEVEL: "warn", ...handle.env },
      nodeArgs,
    });
  const handle = { env: { ...env } };
  let { child, port: bound } = await launch(port);
  let running = true;
  return {
    /** Changed between a kill and a start: the next start runs with these. */
    env: handle.env,
    get url() {
      return `http://127.0.0.1:${bound}`;
    },
    get port() {
      return bound;
    },
    get pid() {
      return child.pid;
    },
    async kill() {
      child.kill("SIGKILL");
      await exited(child);
      running = false;
    },
    async start() {
      if (running) return;
      ({ child, port: bound } = await launch(bound));
      running = true;
    },
    async stop() {
      if (!running) return;
      child.kill("SIGTERM");
      await exited(child);
      running = false;
    },
  };
}

/** A migrated database with the offices enrolled; their credentials by id. */
export async function regencyDatabase(database: string, offices: string[]): Promise<{ pool: Pool; credentials: Record<string, string> }> {
  const pool = openPool(database);
  await migrate(pool);
  const credentials: Record<string, string> = {};
  for (const id of offices) credentials[id] = await addOffice(pool, { id, name: `Kantor ${id}`, agency: `OPD ${id}` }, Date.parse("2026-11-01T08:00:00+07:00"));
  return { pool, credentials };
}

/** What `pnpm hub regency join` writes: the hub ships from its next start. */
export function joinRegency(dataDir: string, url: string, credential: string): void {
  writeRegencyConfig(dataDir, { url, credential });
}

/** Polls until `check` holds; a deadline so a broken outbox fails the test instead of hanging it. */
export async function eventually<T>(check: () => Promise<T | false>, what: string, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== false) return value;
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs / 1000} s: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The office's central events, stream by stream: [stream, seq, hash hex]. */
export async function centralEvents(pool: Pool, office: string): Promise<{ stream: number; seq: number; hash: string }[]> {
  const { rows } = await pool.query<{ stream: number; seq: number; hash: Buffer }>(
    "SELECT stream, seq, hash FROM office_events WHERE office_id = $1 ORDER BY stream, seq",
    [office],
  );
  return rows.map((r) => ({ stream: r.stream, seq: r.seq, hash: r.hash.toString("hex") }));
}

/** The hub's last committed sequence, as its health check says. */
export async function hubSeq(h: TestHub): Promise<number> {
  return ((await (await fetch(`${h.url}/healthz`)).json()) as { seq: number }).seq;
}

/** Issues `count` tickets from one kiosk, round the given services; returns how many the hub acknowledged. */
export async function issueTickets(h: TestHub, count: number, services: readonly string[]): Promise<number> {
  const kiosk = await connect(h.url, "/kiosk", h.kioskToken);
  let ok = 0;
  try {
    for (let i = 0; i < count; i++) {
      const answer = await send<IssuedTicket>(kiosk, "ticket:issue", { requestId: rid(), serviceId: services[i % services.length]! });
      if (answer.ok) ok += 1;
    }
  } finally {
    kiosk.close();
  }
  return ok;
}

/**
 * Until the projector has read every acknowledged event of these offices
 * (pendingEvents 0, apps/regency/src/projector.ts): an ack promises the
 * events are stored, not that the reports include them yet.
 */
export async function projectionCurrent(pool: Pool, offices: readonly string[], timeoutMs = 60_000): Promise<void> {
  await eventually(
    async () => (await projectionStatus(pool, offices)).every((s) => s.pendingEvents === 0),
    `reports current for ${offices.join(", ")}`,
    timeoutMs,
  );
}
