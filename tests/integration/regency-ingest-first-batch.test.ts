/**
 * An office whose first request is a batch (no position asked before: a
 * client other than the hub's outbox, or a database restored without its
 * streams) is answered with a code and the position to resume from, not a
 * 500; nothing is written.
 */
import { createHash } from "node:crypto";
import { eventHashInput, type IngestPosition } from "@layan/protocol";
import { afterAll, beforeAll, expect, it } from "vitest";
import { addOffice, createRegencyServer, migrate, openPool, type Pool, type RegencyServer } from "../../apps/regency/src/index";
import { freshDatabase } from "../support/postgres";

const T0 = Date.parse("2026-11-18T09:30:00+07:00");
let pool: Pool;
let server: RegencyServer;
let base = "";
let credential = "";

beforeAll(async () => {
  pool = openPool(await freshDatabase());
  await migrate(pool);
  credential = await addOffice(pool, { id: "dpmptsp", name: "DPMPTSP", agency: "DPMPTSP" }, T0);
  server = createRegencyServer({ pool, clock: () => T0 });
  base = `http://127.0.0.1:${(await server.listen(0)).port}`;
});

afterAll(async () => {
  await server?.close();
  await pool?.end();
});

it("a batch before any position is refused with the position to resume from, and nothing is written", async () => {
  const event = { type: "ticket.issued", at: T0, ticketId: "a-1", serviceId: "ktp", number: "A1" };
  const hash = createHash("sha256").update(eventHashInput(1, event)).digest("hex");
  expect(hash).toMatch(/^[0-9a-f]{64}$/);
  const res = await fetch(`${base}/api/v1/ingest/events`, {
    method: "POST",
    headers: { authorization: `Bearer ${credential}`, "content-type": "application/json" },
    body: JSON.stringify({ stream: 1, firstSeq: 1, lastSeq: 1, prevHash: null, events: [{ seq: 1, event }] }),
  });
  const body = (await res.json()) as { ok: boolean; error?: { code: string; message: string; position?: IngestPosition } };
  expect(res.status).toBe(409);
  expect(body.error?.code).toBe("INGEST_STREAM_CLOSED");
  expect(body.error?.message).toBeTruthy();
  expect(body.error?.position).toMatchObject({ office: "dpmptsp", stream: 1, baseSeq: 0, lastSeq: 0, lastHash: null });
  expect((await pool.query("SELECT count(*)::int AS n FROM office_events")).rows[0]).toEqual({ n: 0 });

  // The position asked afterwards is the one the refusal gave.
  const position = await fetch(`${base}/api/v1/ingest/position`, { headers: { authorization: `Bearer ${credential}` } });
  expect(((await position.json()) as { data: IngestPosition }).data).toMatchObject({ stream: 1, lastSeq: 0 });
});
