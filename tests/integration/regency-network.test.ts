/**
 * The network between an office and the regency cut mid-batch: a TCP proxy
 * in the test drops the connection partway through a request (nothing
 * committed) or just before the answer (committed, acknowledgement lost).
 * The outbox retries; central ends with the hub's log exactly once.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, connect as tcpConnect, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { IssuedTicket } from "@layan/protocol";
import { afterAll, expect, it } from "vitest";
import { Outbox, RegencyClient, shippedHash } from "../../apps/hub/src/shipping/index";
import { connect, rid, send, startHub, type TestHubHandle } from "../../apps/hub/src/testing/harness";
import { createRegencyServer, issueCredential, revokeOffice, type Pool, type RegencyServer } from "../../apps/regency/src/index";
import { freshDatabase } from "../support/postgres";
import { centralEvents, eventually, regencyDatabase } from "../support/regency-server";

type Cut = "mid-request" | "before-answer";
const dir = mkdtempSync(join(tmpdir(), "layan-regency-net-"));
let pool: Pool | undefined;
let server: RegencyServer | undefined;
let proxy: Server | undefined;
let hub: TestHubHandle | undefined;
let outbox: Outbox | undefined;
let second: Outbox | undefined;
let third: Outbox | undefined;
let shared: { pool: Pool; credentials: Record<string, string> } | undefined;

afterAll(async () => {
  await outbox?.stop();
  await second?.stop();
  await third?.stop();
  await hub?.close();
  proxy?.close();
  await server?.close();
  await pool?.end();
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

/** Forwards to `port`; the next event batches it sees are cut as `cuts` says, one each. */
function cuttingProxy(port: number, cuts: Cut[]): Promise<{ server: Server; port: number; used: Cut[] }> {
  const used: Cut[] = [];
  const server = createServer((client: Socket) => {
    const upstream = tcpConnect(port, "127.0.0.1");
    let swallowAnswer = false;
    const cut = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on("data", (chunk: Buffer) => {
      if (chunk.includes("POST /api/v1/ingest/events") && cuts.length > 0) {
        const mode = cuts.shift()!;
        used.push(mode);
        if (mode === "mid-request") {
          // Headers and part of the body reach the server, the rest never does.
          upstream.write(chunk.subarray(0, Math.min(chunk.length - 1, 400)), cut);
          return;
        }
        swallowAnswer = true;
      }
      upstream.write(chunk);
    });
    upstream.on("data", (chunk: Buffer) => {
      if (swallowAnswer) return cut();
      client.write(chunk);
    });
    client.on("error", cut);
    upstream.on("error", cut);
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ server, port: (server.address() as { port: number }).port, used })));
}

it("absorbs batches cut mid-request and answers lost on the way back: central holds the log exactly once", async () => {
  const database = await freshDatabase();
  const db = await regencyDatabase(database, ["dpmptsp", "samsat", "dinkes"]);
  shared = db;
  pool = db.pool;
  server = createRegencyServer({ pool: db.pool });
  const { port } = await server.listen(0);
  const cuts: Cut[] = ["mid-request", "before-answer", "mid-request", "before-answer", "before-answer"];
  const p = await cuttingProxy(port, cuts);
  proxy = p.server;

  hub = await startHub({ dbPath: join(dir, "layan.db"), alwaysOpen: true });
  const h = hub;
  const kiosk = await connect(h.url, "/kiosk", h.tokens.kiosk);
  for (let i = 0; i < 45; i++) expect((await send<IssuedTicket>(kiosk, "ticket:issue", { requestId: rid(), serviceId: "nib-oss" })).ok).toBe(true);
  kiosk.close();

  outbox = new Outbox({
    store: h.store,
    client: new RegencyClient({ url: `http://127.0.0.1:${p.port}`, credential: db.credentials.dpmptsp! }),
    onCommitted: (wake) => h.hub.engine.onCommitted(wake),
    standards: () => [],
    clock: h.clock.read,
    backoff: { baseMs: 20, maxMs: 100 },
    idleMs: 50,
    maxEvents: 10,
  });
  outbox.start();
  const last = h.store.lastSeq();
  await eventually(() => Promise.resolve((outbox!.current().state === "caught_up" && outbox!.current().acknowledgedSeq === last) || false), `outbox acknowledged up to ${last}`);

  expect(p.used).toEqual(["mid-request", "before-answer", "mid-request", "before-answer", "before-answer"]);
  expect(outbox.current().lastError?.code).toBe("CENTRAL_UNREACHABLE");
  const local = [...h.store.iterateEvents()].map((e) => ({ stream: 1, seq: e.seq, hash: shippedHash(e) }));
  expect(await centralEvents(db.pool, "dpmptsp")).toEqual(local);
}, 60_000);

it("ships the events even when central refuses the office's published standards", async () => {
  const db = shared!;
  const h = hub!;
  const { port } = server!.http.address() as { port: number };
  // More services than central takes in one publication (500): refused with INVALID_PAYLOAD.
  const tooMany = Array.from({ length: 600 }, (_, i) => ({ serviceId: `s${i}`, standard: { name: `Layanan ${i}` } }));
  second = new Outbox({
    store: h.store,
    client: new RegencyClient({ url: `http://127.0.0.1:${port}`, credential: db.credentials.samsat! }),
    onCommitted: (wake) => h.hub.engine.onCommitted(wake),
    standards: () => tooMany,
    clock: h.clock.read,
    backoff: { baseMs: 20, maxMs: 100 },
    idleMs: 50,
  });
  second.start();
  const last = h.store.lastSeq();
  await eventually(() => Promise.resolve((second!.current().state === "caught_up" && second!.current().acknowledgedSeq === last) || false), `outbox acknowledged up to ${last}`, 15_000);
  expect((await centralEvents(db.pool, "samsat")).length).toBe(last);
  const { rows } = await db.pool.query<{ n: number }>("SELECT count(*)::int8 AS n FROM office_standards WHERE office_id = 'samsat'");
  expect(rows[0]!.n).toBe(0);
}, 60_000);

it("a revoked credential ships nothing and the hub serves on; a new credential ships it all", async () => {
  const db = shared!;
  const h = hub!;
  const { port } = server!.http.address() as { port: number };
  await revokeOffice(db.pool, "dinkes", h.clock.read());
  const outboxWith = (credential: string) =>
    new Outbox({
      store: h.store,
      client: new RegencyClient({ url: `http://127.0.0.1:${port}`, credential }),
      onCommitted: (wake) => h.hub.engine.onCommitted(wake),
      standards: () => [],
      clock: h.clock.read,
      backoff: { baseMs: 20, maxMs: 100 },
      idleMs: 50,
    });
  third = outboxWith(db.credentials.dinkes!);
  third.start();
  await eventually(() => Promise.resolve(third!.current().lastError?.code === "CREDENTIAL_REVOKED" || false), "the outbox hears CREDENTIAL_REVOKED", 15_000);
  const kiosk = await connect(h.url, "/kiosk", h.tokens.kiosk);
  expect((await send<IssuedTicket>(kiosk, "ticket:issue", { requestId: rid(), serviceId: "nib-oss" })).ok).toBe(true);
  kiosk.close();
  expect(third.current().state).toBe("failing");
  expect(await centralEvents(db.pool, "dinkes")).toEqual([]);
  await third.stop();

  third = outboxWith(await issueCredential(db.pool, "dinkes", h.clock.read()));
  third.start();
  const last = h.store.lastSeq();
  await eventually(() => Promise.resolve((third!.current().state === "caught_up" && third!.current().acknowledgedSeq === last) || false), `outbox acknowledged up to ${last}`, 15_000);
  expect((await centralEvents(db.pool, "dinkes")).length).toBe(last);
}, 60_000);
