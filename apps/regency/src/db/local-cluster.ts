/**
 * A PostgreSQL cluster in a folder, run from Debian's binaries
 * (`apt-get install postgresql`): initdb on first use, the server on loopback
 * with its socket inside the folder, stopped again by stop(). The demo
 * regency keeps one in its data folder across runs; the tests make a
 * throwaway one per run (tests/support/postgres.ts).
 */
import { execFile } from "node:child_process";
import { chownSync, existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { promisify } from "node:util";

const exec = promisify(execFile);

export interface LocalCluster {
  /** postgres://layan@127.0.0.1:PORT/<database> */
  url(database?: string): string;
  port: number;
  dir: string;
  /** Stops the server at once (pg_ctl -m immediate), keeping its folder: PostgreSQL gone, as in a crash. */
  kill(): Promise<void>;
  /** A clean shutdown (pg_ctl -m fast); the folder stays for the next start. */
  stop(): Promise<void>;
}

/** Debian's binaries: the newest version installed. */
export function postgresBin(): string {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, "bin", "initdb"))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error("PostgreSQL is not installed (apt-get install postgresql; .ci/run does it)");
  return join(root, newest, "bin");
}

const asRoot = (): boolean => process.getuid?.() === 0;

/** PostgreSQL refuses to run as root: as root, its binaries run as the postgres user. */
export function runPostgresBinary(binary: string, args: string[]): Promise<{ stdout: string; stderr: string }> {
  const path = join(postgresBin(), binary);
  return asRoot() ? exec("runuser", ["-u", "postgres", "--", path, ...args]) : exec(path, args);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** As root the folder must be the postgres user's, or initdb and the server cannot write it. */
async function ownFolder(dir: string): Promise<void> {
  if (!asRoot()) return;
  const { stdout: uid } = await exec("id", ["-u", "postgres"]);
  const { stdout: gid } = await exec("id", ["-g", "postgres"]);
  chownSync(dir, Number(uid.trim()), Number(gid.trim()));
  try {
    await exec("runuser", ["-u", "postgres", "--", "test", "-w", dir]);
  } catch {
    throw new Error(`the postgres user cannot reach ${dir}: every folder above it must be searchable by others (chmod o+x), or pick another --data`);
  }
}

/** True when the folder already holds a cluster (initdb ran to its end: PG_VERSION is written last of the essentials). */
export function isCluster(dir: string): boolean {
  return existsSync(join(dir, "PG_VERSION"));
}

/** The port of the server running on `dir` right now, or null (postmaster.pid's fourth line, when pg_ctl says it runs). */
async function runningPort(dir: string): Promise<number | null> {
  const pidFile = join(dir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  try {
    await runPostgresBinary("pg_ctl", ["-D", dir, "status"]);
  } catch {
    return null; // a stale pid file after a crash: pg_ctl start deals with it
  }
  const port = Number(readFileSync(pidFile, "utf8").split("\n")[3]);
  return Number.isInteger(port) && port > 0 ? port : null;
}

export interface StartClusterOptions {
  /** Default: a free port (retried a few times: another process may take it first). */
  port?: number;
  /** fsync=on by default: acknowledged batches are on disk, which the crash tests rely on. */
  settings?: Record<string, string>;
}

/**
 * Starts the cluster in `dir`, creating it on first use (superuser `layan`,
 * trust on the socket and loopback only). A server already running on the
 * folder is reused as it is (a demo stopped with kill -9 leaves it up).
 */
export async function startCluster(dir: string, options: StartClusterOptions = {}): Promise<LocalCluster> {
  mkdirSync(dir, { recursive: true });
  await ownFolder(dir);
  if (!isCluster(dir)) await runPostgresBinary("initdb", ["-D", dir, "-A", "trust", "-U", "layan", "-E", "UTF8", "--no-locale"]);
  const settings = { fsync: "on", ...options.settings };
  let port = await runningPort(dir);
  if (port === null) {
    for (let attempt = 0; ; attempt++) {
      port = options.port ?? (await freePort());
      const flags = [`-p ${port}`, `-k ${dir}`, "-c listen_addresses=127.0.0.1", ...Object.entries(settings).map(([k, v]) => `-c ${k}=${v}`)].join(" ");
      try {
        await runPostgresBinary("pg_ctl", ["-D", dir, "-l", join(dir, "server.log"), "-o", flags, "-w", "start"]);
        break;
      } catch (err) {
        if (options.port !== undefined || attempt >= 3) throw err;
      }
    }
  }
  const bound = port;
  return {
    port: bound,
    dir,
    url: (database = "postgres") => `postgres://layan@127.0.0.1:${bound}/${database}`,
    async kill() {
      await runPostgresBinary("pg_ctl", ["-D", dir, "-m", "immediate", "-w", "stop"]);
    },
    async stop() {
      await runPostgresBinary("pg_ctl", ["-D", dir, "-m", "fast", "-w", "stop"]);
    },
  };
}
