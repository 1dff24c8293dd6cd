/**
 * A hub restored from a backup: its log goes back to the backup's last seq
 * and its new events reuse the seqs central already holds, with other
 * content. The outbox detects it and central opens a new stream after the
 * last event both agree on; the old stream keeps every event it had (they
 * happened; the hub lost them), and nothing in central is overwritten.
 */
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "@layan/store";
import { afterAll, expect, it } from "vitest";
import { shippedHash } from "../../apps/hub/src/shipping/index";
import type { Pool } from "../../apps/regency/src/index";
import { freshDatabase } from "../support/postgres";
import { centralEvents, eventually, joinRegency, regencyDatabase, startRegencyProcess, type RegencyProcess, hubSeq, issueTickets } from "../support/regency-server";
import { startTestHub, type TestHub } from "../support/test-hub";

const root = mkdtempSync(join(tmpdir(), "layan-regency-restore-"));
const live = join(root, "live");
const backup = join(root, "backup");
let pool: Pool | undefined;
let regency: RegencyProcess | undefined;
const hubs: TestHub[] = [];

afterAll(async () => {
  for (const h of hubs) await h.stop();
  await regency?.stop();
  await pool?.end();
  rmSync(root, { recursive: true, force: true });
}, 120_000);

function localLog(dataDir: string): { seq: number; hash: string }[] {
  const store = openStore(join(dataDir, "layan.db"));
  try {
    return [...store.iterateEvents()].map((e) => ({ seq: e.seq, hash: shippedHash(e) }));
  } finally {
    store.close();
  }
}

async function start(dataDir: string, now?: number): Promise<TestHub> {
  const h = await startTestHub({ dataDir, ...(now ? { now } : {}) });
  hubs.push(h);
  return h;
}

async function stop(h: TestHub): Promise<void> {
  await h.stop();
  hubs.splice(hubs.indexOf(h), 1);
}

it("detects a hub restored from a backup and continues in a new stream without touching the old one", async () => {
  const database = await freshDatabase();
  const db = await regencyDatabase(database, ["samsat"]);
  pool = db.pool;
  regency = await startRegencyProcess(database);
  joinRegency(live, regency.url, db.credentials.samsat!);
  const count = async () => (await centralEvents(db.pool, "samsat")).length;

  let hub = await start(live);
  expect(await issueTickets(hub, 10, ["sppl"])).toBe(10);
  const atBackup = await hubSeq(hub);
  await eventually(async () => (await count()) === atBackup, "the first tickets shipped");
  await stop(hub);
  cpSync(live, backup, { recursive: true });
  const backupLog = localLog(backup);
  expect(backupLog.length).toBe(atBackup);

  // The office works on; central gets these too. A plain restart is not a restore: still stream 1.
  hub = await start(live, Date.parse("2026-11-18T11:00:00+07:00"));
  expect(await issueTickets(hub, 8, ["sppl"])).toBe(8);
  const beforeCrash = await hubSeq(hub);
  await eventually(async () => (await count()) === beforeCrash, "the later tickets shipped");
  await stop(hub);
  const oldStream = await centralEvents(db.pool, "samsat");
  expect(oldStream.every((e) => e.stream === 1)).toBe(true);

  // The PC dies; the backup goes onto a new one, which issues more than it lost: its seqs pass
  // central's, so only the content tells the two logs apart.
  hub = await start(backup, Date.parse("2026-11-18T13:00:00+07:00"));
  expect(await issueTickets(hub, 12, ["sppl"])).toBe(12);
  const restoredSeq = await hubSeq(hub);
  expect(restoredSeq).toBeGreaterThan(beforeCrash);
  await eventually(async () => (await centralEvents(db.pool, "samsat")).filter((e) => e.stream === 2).at(-1)?.seq === restoredSeq || false, "the restored hub's events shipped in stream 2");
  await stop(hub);

  const central = await centralEvents(db.pool, "samsat");
  // Stream 1 exactly as it was: not one event overwritten or removed.
  expect(central.filter((e) => e.stream === 1)).toEqual(oldStream);
  // Stream 2 starts after the backup's last event, the last one both logs agree on.
  const { rows: streams } = await db.pool.query<{ stream: number; base_seq: number; last_seq: number; closed: boolean }>(
    "SELECT stream, base_seq, last_seq, closed_at IS NOT NULL AS closed FROM office_streams WHERE office_id = 'samsat' ORDER BY stream",
  );
  expect(streams).toEqual([
    { stream: 1, base_seq: 0, last_seq: beforeCrash, closed: true },
    { stream: 2, base_seq: atBackup, last_seq: restoredSeq, closed: false },
  ]);
  const restored = localLog(backup);
  expect(central.filter((e) => e.stream === 2).map(({ seq, hash }) => ({ seq, hash }))).toEqual(restored.slice(atBackup));
  // The office's history as central reads it: the shared prefix once, then both branches.
  expect(restored.slice(0, atBackup)).toEqual(oldStream.slice(0, atBackup).map(({ seq, hash }) => ({ seq, hash })));
}, 120_000);
