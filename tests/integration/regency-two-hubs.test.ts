/**
 * One office credential on two PCs: a second hub set up with the office's
 * credential (a second install, a new PC next to the old one) must not mix
 * its log into the first's. Two real hubs, one real `pnpm regency serve`, a
 * real PostgreSQL: the second is refused and nothing of its log is stored;
 * `pnpm hub regency join --takeover` hands the office to it; the first is
 * refused from then on.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "@layan/store";
import { afterAll, expect, it } from "vitest";
import { regencyCommand } from "../../apps/hub/src/shipping/cli";
import { HUB_INSTANCE_FILE, readShippingStatus, shippedHash } from "../../apps/hub/src/shipping/index";
import type { Pool } from "../../apps/regency/src/index";
import { freshDatabase } from "../support/postgres";
import { centralEvents, eventually, hubSeq, issueTickets, joinRegency, regencyDatabase, startRegencyProcess, type RegencyProcess } from "../support/regency-server";
import { startTestHub, type TestHub } from "../support/test-hub";

const root = mkdtempSync(join(tmpdir(), "layan-regency-two-hubs-"));
const first = join(root, "first");
const second = join(root, "second");
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

function instanceOf(dataDir: string): string {
  return (JSON.parse(readFileSync(join(dataDir, HUB_INSTANCE_FILE), "utf8")) as { hubInstance: string }).hubInstance;
}

async function start(dataDir: string, now: string): Promise<TestHub> {
  const h = await startTestHub({ dataDir, now });
  hubs.push(h);
  return h;
}

async function stop(h: TestHub): Promise<void> {
  await h.stop();
  hubs.splice(hubs.indexOf(h), 1);
}

const refusedWith = (dataDir: string, code: string) => () => Promise.resolve(readShippingStatus(dataDir)?.lastError?.code === code);

async function streams(p: Pool): Promise<{ stream: number; base_seq: number; last_seq: number; closed: boolean; hub_instance: string | null }[]> {
  return (
    await p.query<{ stream: number; base_seq: number; last_seq: number; closed: boolean; hub_instance: string | null }>(
      "SELECT stream, base_seq, last_seq, closed_at IS NOT NULL AS closed, hub_instance FROM office_streams WHERE office_id = 'dpmptsp' ORDER BY stream",
    )
  ).rows;
}

it("refuses a second hub with the same credential, hands the office over on --takeover, then refuses the first", async () => {
  const database = await freshDatabase();
  const db = await regencyDatabase(database, ["dpmptsp"]);
  pool = db.pool;
  const server = await startRegencyProcess(database);
  regency = server;
  const credential = db.credentials.dpmptsp!;

  // The office's hub ships; its first batch makes it the stream's owner (a stream nobody owned is adopted).
  joinRegency(first, server.url, credential);
  const a = await start(first, "2026-11-18T09:30:00+07:00");
  expect(await issueTickets(a, 6, ["sppl"])).toBe(6);
  const aSeq = await hubSeq(a);
  await eventually(async () => (await centralEvents(db.pool, "dpmptsp")).length === aSeq, "the first hub's tickets shipped");
  expect(await streams(db.pool)).toEqual([{ stream: 1, base_seq: 0, last_seq: aSeq, closed: false, hub_instance: instanceOf(first) }]);
  const centralBefore = await centralEvents(db.pool, "dpmptsp");

  // A second PC set up with the same credential: its own log, its own id. Refused: it may not open a stream of its own while the first ships.
  joinRegency(second, server.url, credential);
  let b = await start(second, "2026-11-18T10:00:00+07:00");
  expect(await issueTickets(b, 4, ["sppl"])).toBe(4);
  await eventually(refusedWith(second, "STREAM_OWNED_BY_OTHER_HUB"), "the second hub refused");
  expect(instanceOf(second)).not.toBe(instanceOf(first));
  expect(await centralEvents(db.pool, "dpmptsp")).toEqual(centralBefore);
  expect((await streams(db.pool)).map((s) => s.stream)).toEqual([1]);
  // The office's IT person reads why, Indonesian first.
  const status = await regencyCommand(["status", "--data", second]);
  expect(status).toMatch(/last error: STREAM_OWNED_BY_OTHER_HUB Kredensial kantor ini sedang dipakai hub lain .* \/ Another hub \(another PC\) ships/);

  // A batch of the second hub that continues the first's log exactly (a disk copied without its id) is refused too, and not stored.
  const position = (await (await fetch(`${server.url}/api/v1/ingest/position`, { headers: { authorization: `Bearer ${credential}` } })).json()) as {
    data: { lastSeq: number; lastHash: string };
  };
  const next = position.data.lastSeq + 1;
  const batch = await fetch(`${server.url}/api/v1/ingest/events`, {
    method: "POST",
    headers: { authorization: `Bearer ${credential}`, "content-type": "application/json" },
    body: JSON.stringify({
      hubInstance: "someOtherHubInstance01",
      stream: 1,
      firstSeq: next,
      lastSeq: next,
      prevHash: position.data.lastHash,
      events: [{ seq: next, event: { type: "counter.closed", at: Date.parse("2026-11-18T10:05:00+07:00"), counterId: "loket-1" } }],
    }),
  });
  expect(batch.status).toBe(409);
  expect(((await batch.json()) as { error: { code: string } }).error.code).toBe("STREAM_OWNED_BY_OTHER_HUB");
  // Without an id (a hub from before ids) the owned stream refuses it as well.
  const anonymous = await fetch(`${server.url}/api/v1/ingest/events`, {
    method: "POST",
    headers: { authorization: `Bearer ${credential}`, "content-type": "application/json" },
    body: JSON.stringify({ stream: 1, firstSeq: next, lastSeq: next, prevHash: position.data.lastHash, events: [{ seq: next, event: { type: "counter.closed", at: 1, counterId: "loket-1" } }] }),
  });
  expect(anonymous.status).toBe(409);
  expect(await centralEvents(db.pool, "dpmptsp")).toEqual(centralBefore);

  // The second PC replaces the first: --takeover, then its hub ships its own log in a new stream.
  await stop(b);
  const answer = await regencyCommand(["join", "--takeover", "--data", second]);
  expect(answer).toContain("This hub now ships the office (stream 2 from seq 0)");
  b = await start(second, "2026-11-18T10:30:00+07:00");
  const bLog = localLog(second);
  await eventually(async () => (await centralEvents(db.pool, "dpmptsp")).filter((e) => e.stream === 2).length === bLog.length, "the second hub's log shipped in stream 2");
  const afterTakeover = await centralEvents(db.pool, "dpmptsp");
  expect(afterTakeover.filter((e) => e.stream === 1)).toEqual(centralBefore);
  expect(afterTakeover.filter((e) => e.stream === 2).map(({ seq, hash }) => ({ seq, hash }))).toEqual(bLog);

  // The first hub works on and is refused from now on: its stream was closed, and it may not open one over the new owner.
  expect(await issueTickets(a, 2, ["sppl"])).toBe(2);
  await eventually(refusedWith(first, "STREAM_OWNED_BY_OTHER_HUB"), "the first hub refused after the takeover");
  expect(await centralEvents(db.pool, "dpmptsp")).toEqual(afterTakeover);
  expect((await streams(db.pool)).map(({ stream, closed, hub_instance }) => ({ stream, closed, hub_instance }))).toEqual([
    { stream: 1, closed: true, hub_instance: instanceOf(first) },
    { stream: 2, closed: false, hub_instance: instanceOf(second) },
  ]);
  await stop(a);
  await stop(b);

  // After 15 minutes without a batch from its owner, another hub may open the next stream without --takeover (the owner's PC is gone).
  const open = (instance: string) =>
    fetch(`${server.url}/api/v1/ingest/streams`, {
      method: "POST",
      headers: { authorization: `Bearer ${credential}`, "content-type": "application/json" },
      body: JSON.stringify({ fromStream: 2, baseSeq: 0, hubInstance: instance }),
    });
  expect((await open(instanceOf(first))).status).toBe(409);
  await db.pool.query("UPDATE office_streams SET hub_seen_at = hub_seen_at - interval '16 minutes' WHERE office_id = 'dpmptsp' AND stream = 2");
  const reopened = await open(instanceOf(first));
  expect(reopened.status).toBe(200);
  expect(((await reopened.json()) as { data: { stream: number } }).data.stream).toBe(3);
}, 180_000);
