import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runPostgresBinary, startCluster } from "./local-cluster";
import { openPool } from "./pool";

const parent = mkdtempSync(join(tmpdir(), "layan-local-cluster-"));
// As root the server runs as the postgres user, who must be able to reach the folder.
chmodSync(parent, 0o755);
const dir = join(parent, "postgres");

afterAll(async () => {
  await runPostgresBinary("pg_ctl", ["-D", dir, "-m", "immediate", "-w", "stop"]).catch(() => undefined);
  rmSync(parent, { recursive: true, force: true });
});

async function query(url: string, sql: string): Promise<unknown[]> {
  const pool = openPool(url, { max: 1 });
  try {
    return (await pool.query<Record<string, unknown>>(sql)).rows;
  } finally {
    await pool.end();
  }
}

describe("a PostgreSQL cluster in a folder (the demo regency's)", () => {
  it("is created on first start, keeps its data across a stop, and a running server is reused as it is", async () => {
    const first = await startCluster(dir);
    await query(first.url(), "CREATE TABLE kept (v int); INSERT INTO kept VALUES (42)");
    const again = await startCluster(dir);
    expect(again.port).toBe(first.port);
    await first.stop();
    const second = await startCluster(dir);
    expect(await query(second.url(), "SELECT v FROM kept")).toEqual([{ v: 42 }]);
    await second.stop();
  }, 60_000);
});
