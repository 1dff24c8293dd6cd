/**
 * A real, throwaway PostgreSQL for tests: initdb in a temp folder, the server
 * on loopback at a free port with its socket inside the folder, removed again
 * by stop(). Nothing stands in for PostgreSQL.
 *
 * One cluster serves the whole vitest run (postgres-global.ts starts it in
 * globalSetup and provides its URL); each test file takes its own database
 * with freshDatabase(), so files running in parallel never see each other's
 * rows.
 */
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { inject } from "vitest";
import { openPool } from "../../apps/regency/src/db/pool";

const exec = promisify(execFile);

export interface PostgresCluster {
  /** postgres://layan@127.0.0.1:PORT/<database> */
  url(database?: string): string;
  port: number;
  dir: string;
  /** Stops the server at once (pg_ctl -m immediate), keeping its folder: PostgreSQL gone, as in a crash. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

/** Debian's binaries (apt-get install postgresql): the newest version installed. */
export function postgresBin(): string {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, "bin", "initdb"))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error("PostgreSQL is not installed (apt-get install postgresql; .ci/run does it)");
  return join(root, newest, "bin");
}

/** PostgreSQL refuses to run as root: as root, run its binaries as the postgres user. */
function run(binary: string, args: string[]): Promise<unknown> {
  const path = join(postgresBin(), binary);
  const asRoot = process.getuid?.() === 0;
  return asRoot ? exec("runuser", ["-u", "postgres", "--", path, ...args]) : exec(path, args);
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

export async function startPostgres(): Promise<PostgresCluster> {
  const dir = mkdtempSync(join(tmpdir(), "layan-pg-"));
  if (process.getuid?.() === 0) {
    const { stdout } = await exec("id", ["-u", "postgres"]);
    const { stdout: gid } = await exec("id", ["-g", "postgres"]);
    chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  try {
    await run("initdb", ["-D", dir, "-A", "trust", "-U", "layan", "-E", "UTF8", "--no-locale"]);
    // A port picked free can be taken before the server binds it (another
    // engineer's test run): try a few.
    let port = 0;
    for (let attempt = 0; ; attempt++) {
      port = await freePort();
      try {
        await run("pg_ctl", ["-D", dir, "-l", join(dir, "server.log"), "-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=on`, "-w", "start"]);
        break;
      } catch (err) {
        if (attempt >= 3) throw err;
      }
    }
    return {
      port,
      dir,
      url: (database = "postgres") => `postgres://layan@127.0.0.1:${port}/${database}`,
      async kill() {
        await run("pg_ctl", ["-D", dir, "-m", "immediate", "-w", "stop"]);
      },
      async stop() {
        await run("pg_ctl", ["-D", dir, "-m", "immediate", "-w", "stop"]).catch(() => undefined);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

/** A new, empty database in the run's cluster; its URL. */
export async function freshDatabase(clusterUrl: string = inject("postgresUrl")): Promise<string> {
  const name = `t_${randomBytes(6).toString("hex")}`;
  const pool = openPool(clusterUrl, { max: 1 });
  try {
    await pool.query(`CREATE DATABASE ${name}`);
  } finally {
    await pool.end();
  }
  const url = new URL(clusterUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}
