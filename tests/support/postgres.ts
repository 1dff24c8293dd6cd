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
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";
import { postgresBin, runPostgresBinary, startCluster, type LocalCluster } from "../../apps/regency/src/db/local-cluster";
import { openPool } from "../../apps/regency/src/db/pool";

export { postgresBin };

export type PostgresCluster = LocalCluster;

export async function startPostgres(): Promise<PostgresCluster> {
  const dir = mkdtempSync(join(tmpdir(), "layan-pg-"));
  try {
    const cluster = await startCluster(dir);
    return {
      ...cluster,
      async stop() {
        await runPostgresBinary("pg_ctl", ["-D", dir, "-m", "immediate", "-w", "stop"]).catch(() => undefined);
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
