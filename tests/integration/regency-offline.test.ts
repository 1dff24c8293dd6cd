/**
 * An office keeps serving while the regency's server is down, and its hub
 * catches up by itself afterwards: nothing lost, nothing doubled. Real
 * processes (the hub's main.ts, `pnpm regency serve`) on a real PostgreSQL.
 */
import { join } from "node:path";
import { openStore } from "@layan/store";
import { afterAll, expect, it } from "vitest";
import { shippedHash } from "../../apps/hub/src/shipping/index";
import type { Pool } from "../../apps/regency/src/index";
import { freshDatabase } from "../support/postgres";
import { centralEvents, eventually, regencyDatabase, startRegencyProcess, type RegencyProcess, hubSeq, issueTickets } from "../support/regency-server";
import { ROOT, startTestHub, type TestHub } from "../support/test-hub";

const exec = promisify(execFile);
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { promisify } from "node:util";
import { tmpdir } from "node:os";

const dataDir = mkdtempSync(join(tmpdir(), "layan-regency-offline-"));
let pool: Pool | undefined;
let regency: RegencyProcess | undefined;
let hub: TestHub | undefined;

afterAll(async () => {
  await hub?.stop();
  await regency?.stop();
  await pool?.end();
  rmSync(dataDir, { recursive: true, force: true });
}, 120_000);

it("a hub serves through a central outage, then ships every event exactly once", async () => {
  const database = await freshDatabase();
  const db = await regencyDatabase(database, ["dpmptsp"]);
  pool = db.pool;
  regency = await startRegencyProcess(database);
  // Joined as the office's IT person does it: the credential lands in a file only its owner reads.
  const joined = await exec(process.execPath, ["--import", "tsx", "apps/hub/src/cli.ts", "regency", "join", "--data", dataDir, "--url", regency.url, "--credential", db.credentials.dpmptsp!], { cwd: ROOT });
  expect(joined.stdout).toMatch(/Joined office "dpmptsp"/);
  expect(statSync(join(dataDir, "regency.json")).mode & 0o777).toBe(0o600);
  hub = await startTestHub({ dataDir });
  const h = hub;

  expect(await issueTickets(h, 12, ["nib-oss", "sppl", "stnk-tahunan"])).toBe(12);
  const before = await hubSeq(h);
  await eventually(async () => (await centralEvents(db.pool, "dpmptsp")).length === before, `central holds the hub's ${before} events`);

  await regency.kill();
  // The office does not notice: every ticket is issued while the regency is gone.
  expect(await issueTickets(h, 30, ["nib-oss", "sppl", "stnk-tahunan"])).toBe(30);
  const during = await hubSeq(h);
  expect(during).toBeGreaterThanOrEqual(before + 30);
  expect((await centralEvents(db.pool, "dpmptsp")).length).toBe(before);

  await regency.start();
  expect(await issueTickets(h, 3, ["nib-oss", "sppl", "stnk-tahunan"])).toBe(3);
  const after = await hubSeq(h);
  await eventually(async () => (await centralEvents(db.pool, "dpmptsp")).length >= after, `central catches up to ${after}`);
  await h.stop();
  hub = undefined;
  const status = await exec(process.execPath, ["--import", "tsx", "apps/hub/src/cli.ts", "regency", "status", "--data", dataDir], { cwd: ROOT });
  expect(status.stdout).toContain(`up to seq ${after}; backlog 0 event(s)`);
  expect(status.stdout).toMatch(/outbox: caught_up/);
  expect(status.stdout).toMatch(/last error: CENTRAL_UNREACHABLE/);

  // Exactly the hub's log: seqs 1..N once each, each with the hub's own content hash.
  const central = await centralEvents(db.pool, "dpmptsp");
  const store = openStore(join(dataDir, "layan.db"));
  try {
    const local = [...store.iterateEvents()].map((e) => ({ stream: 1, seq: e.seq, hash: shippedHash(e) }));
    expect(local.length).toBe(store.lastSeq());
    expect(central).toEqual(local);
  } finally {
    store.close();
  }
}, 120_000);
