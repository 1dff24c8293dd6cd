/**
 * PostgreSQL gone under the central server: every request is answered 503
 * CENTRAL_UNAVAILABLE with its Indonesian message (the hub keeps its events
 * and retries), and the server process stays up. A cluster of its own, so
 * stopping it touches no other test file's database.
 */
import { afterAll, expect, it } from "vitest";
import { addOffice, createRegencyServer, migrate, openPool, type Pool, type RegencyServer } from "../../apps/regency/src/index";
import { startPostgres, type PostgresCluster } from "../support/postgres";

let cluster: PostgresCluster | undefined;
let pool: Pool | undefined;
let server: RegencyServer | undefined;

afterAll(async () => {
  await server?.close();
  await pool?.end();
  await cluster?.stop();
});

it("answers 503 CENTRAL_UNAVAILABLE while PostgreSQL is down", async () => {
  cluster = await startPostgres();
  pool = openPool(cluster.url());
  await migrate(pool);
  const credential = await addOffice(pool, { id: "dpmptsp", name: "DPMPTSP", agency: "DPMPTSP" }, Date.parse("2026-11-18T08:00:00+07:00"));
  server = createRegencyServer({ pool });
  const base = `http://127.0.0.1:${(await server.listen(0)).port}`;
  expect((await fetch(`${base}/healthz`)).status).toBe(200);

  await cluster.kill();
  for (const path of ["/healthz", "/api/v1/ingest/position"]) {
    const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${credential}` } });
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect([res.status, body.error.code]).toEqual([503, "CENTRAL_UNAVAILABLE"]);
    expect(body.error.message).toMatch(/Basis data pusat tidak dapat dihubungi/);
  }
}, 60_000);
