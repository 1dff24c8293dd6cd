/**
 * The central server's ingest API against a real PostgreSQL (a database of
 * the run's throwaway cluster): every refusal leaves the central copy as it
 * was, every retry is absorbed.
 */
import { createHash } from "node:crypto";
import { eventHashInput, type IngestPosition } from "@layan/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addOffice, createRegencyServer, migrate, openPool, revokeOffice, type Pool, type RegencyServer } from "../../apps/regency/src/index";
import { freshDatabase } from "../support/postgres";

const T0 = Date.parse("2026-11-18T09:30:00+07:00");
let pool: Pool;
let server: RegencyServer;
let base = "";
let credA = "";
let credB = "";
let credRevoked = "";

interface Answer {
  status: number;
  body: { ok: boolean; data?: unknown; error?: { code: string; message: string; position?: IngestPosition } };
}

async function call(method: string, path: string, credential: string | null, body?: unknown, raw?: string): Promise<Answer> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { ...(credential ? { authorization: `Bearer ${credential}` } : {}), ...(body !== undefined || raw !== undefined ? { "content-type": "application/json" } : {}) },
    ...(raw !== undefined ? { body: raw } : body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: (await res.json()) as Answer["body"] };
}

function issued(seq: number, tag = "a") {
  return { seq, event: { type: "ticket.issued", at: T0 + seq * 1000, ticketId: `${tag}-${seq}`, serviceId: "ktp", number: `A${seq}` } };
}

function hash(e: { seq: number; event: unknown }): string {
  return createHash("sha256").update(eventHashInput(e.seq, e.event)).digest("hex");
}

function batch(stream: number, from: number, to: number, tag = "a", prev: string | null = from > 1 ? hash(issued(from - 1, tag)) : null) {
  const events = Array.from({ length: to - from + 1 }, (_, i) => issued(from + i, tag));
  return { stream, firstSeq: from, lastSeq: to, prevHash: prev, events };
}

async function rows(office: string): Promise<{ stream: number; seq: number; type: string }[]> {
  return (await pool.query<{ stream: number; seq: number; type: string }>("SELECT stream, seq, type FROM office_events WHERE office_id = $1 ORDER BY stream, seq", [office])).rows;
}

beforeAll(async () => {
  pool = openPool(await freshDatabase());
  await migrate(pool);
  credA = await addOffice(pool, { id: "dpmptsp", name: "DPMPTSP", agency: "DPMPTSP" }, T0);
  credB = await addOffice(pool, { id: "disdukcapil", name: "Disdukcapil", agency: "Disdukcapil" }, T0);
  credRevoked = await addOffice(pool, { id: "dinkes", name: "Dinas Kesehatan", agency: "Dinkes" }, T0);
  await revokeOffice(pool, "dinkes", T0);
  server = createRegencyServer({ pool, clock: () => T0 });
  base = `http://127.0.0.1:${(await server.listen(0)).port}`;
});

afterAll(async () => {
  await server?.close();
  await pool?.end();
});

describe("authentication", () => {
  it("refuses a missing or wrong credential (401 UNAUTHORIZED) and a revoked one (401 CREDENTIAL_REVOKED)", async () => {
    expect((await call("GET", "/api/v1/ingest/position", null)).body.error?.code).toBe("UNAUTHORIZED");
    const wrong = await call("GET", "/api/v1/ingest/position", `${credA.split(".")[0]}.${"x".repeat(43)}`);
    expect([wrong.status, wrong.body.error?.code]).toEqual([401, "UNAUTHORIZED"]);
    const revoked = await call("POST", "/api/v1/ingest/events", credRevoked, batch(1, 1, 3));
    expect([revoked.status, revoked.body.error?.code]).toEqual([401, "CREDENTIAL_REVOKED"]);
    expect(revoked.body.error?.message).toMatch(/dicabut/);
    expect(await rows("dinkes")).toEqual([]);
  });

  it("takes the office from the credential only: a batch naming another office is refused", async () => {
    const answer = await call("POST", "/api/v1/ingest/events", credB, { ...batch(1, 1, 2), office: "dpmptsp" });
    expect([answer.status, answer.body.error?.code]).toEqual([403, "OFFICE_MISMATCH"]);
    expect(await rows("dpmptsp")).toEqual([]);
    expect(await rows("disdukcapil")).toEqual([]);
  });
});

describe("ingest", () => {
  it("starts at position 0 of stream 1, acknowledges a batch after commit, absorbs its retry", async () => {
    const pos = await call("GET", "/api/v1/ingest/position", credA);
    expect(pos.body.data).toEqual({ office: "dpmptsp", stream: 1, baseSeq: 0, lastSeq: 0, lastHash: null });
    const first = await call("POST", "/api/v1/ingest/events", credA, batch(1, 1, 10));
    expect(first.body).toEqual({ ok: true, data: { stream: 1, lastSeq: 10, accepted: 10, duplicates: 0 } });
    const retry = await call("POST", "/api/v1/ingest/events", credA, batch(1, 1, 10));
    expect(retry.body.data).toEqual({ stream: 1, lastSeq: 10, accepted: 0, duplicates: 10 });
    // Overlapping: the known part absorbed, the rest written.
    const overlap = await call("POST", "/api/v1/ingest/events", credA, batch(1, 6, 15));
    expect(overlap.body.data).toEqual({ stream: 1, lastSeq: 15, accepted: 5, duplicates: 5 });
    expect((await rows("dpmptsp")).map((r) => r.seq)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    const after = await call("GET", "/api/v1/ingest/position?seq=3", credA);
    expect(after.body.data).toMatchObject({ lastSeq: 15, lastHash: hash(issued(15)), probe: { seq: 3, hash: hash(issued(3)) } });
  });

  it("refuses a gap (a later batch delivered first) with the position to resume from", async () => {
    const early = await call("POST", "/api/v1/ingest/events", credA, batch(1, 21, 25));
    expect([early.status, early.body.error?.code, early.body.error?.position?.lastSeq]).toEqual([409, "INGEST_GAP", 15]);
    expect(await call("POST", "/api/v1/ingest/events", credA, batch(1, 16, 20))).toMatchObject({ status: 200 });
    expect(await call("POST", "/api/v1/ingest/events", credA, batch(1, 21, 25))).toMatchObject({ status: 200 });
    expect((await rows("dpmptsp")).length).toBe(25);
  });

  it("refuses a divergent event (same seq, other content) and writes nothing of its batch", async () => {
    const other = batch(1, 24, 30, "restored", hash(issued(23)));
    const answer = await call("POST", "/api/v1/ingest/events", credA, other);
    expect([answer.status, answer.body.error?.code]).toEqual([409, "INGEST_DIVERGED"]);
    // Same through the previous event's hash alone, with no overlap.
    const next = batch(1, 26, 27, "restored", hash(issued(25, "restored")));
    expect((await call("POST", "/api/v1/ingest/events", credA, next)).body.error?.code).toBe("INGEST_DIVERGED");
    expect((await rows("dpmptsp")).length).toBe(25);
  });

  it("refuses malformed JSON, a wrong content type, a body over the limit and batches that do not add up", async () => {
    const bad = await call("POST", "/api/v1/ingest/events", credA, undefined, "{not json");
    expect([bad.status, bad.body.error?.code]).toEqual([400, "MALFORMED_JSON"]);
    const res = await fetch(`${base}/api/v1/ingest/events`, { method: "POST", headers: { authorization: `Bearer ${credA}`, "content-type": "text/plain" }, body: "{}" });
    expect(res.status).toBe(415);
    const huge = await call("POST", "/api/v1/ingest/events", credA, undefined, JSON.stringify({ pad: "x".repeat(1_100_000) }));
    expect([huge.status, huge.body.error?.code]).toEqual([413, "BODY_TOO_LARGE"]);
    const miscounted = { ...batch(1, 26, 28), lastSeq: 29 };
    expect((await call("POST", "/api/v1/ingest/events", credA, miscounted)).body.error?.code).toBe("INVALID_PAYLOAD");
    const holes = batch(1, 26, 28);
    holes.events[1] = issued(30);
    expect((await call("POST", "/api/v1/ingest/events", credA, holes)).body.error?.code).toBe("INVALID_PAYLOAD");
    const tooMany = batch(1, 26, 526);
    expect((await call("POST", "/api/v1/ingest/events", credA, tooMany)).body.error?.code).toBe("INVALID_PAYLOAD");
    expect((await call("POST", "/api/v1/ingest/events", credA, { ...batch(1, 26, 26), events: [{ seq: 26, event: { type: "DROP TABLE", at: 1 } }] })).status).toBe(400);
    expect((await rows("dpmptsp")).length).toBe(25);
  });

  it("refuses complaint and survey text, which stays at the office", async () => {
    const complaint = { seq: 26, event: { type: "complaint.filed", at: T0, complaintId: "c1", text: "Nama saya Budi, HP 0812...", category: "layanan" } };
    const answer = await call("POST", "/api/v1/ingest/events", credA, { stream: 1, firstSeq: 26, lastSeq: 26, prevHash: hash(issued(25)), events: [complaint] });
    expect([answer.status, answer.body.error?.code]).toEqual([422, "INGEST_PRIVATE_TEXT"]);
    expect((await rows("dpmptsp")).length).toBe(25);
  });

  it("after a restore, closes the stream and opens the next at the agreed seq; the old stream's events stay", async () => {
    const opened = await call("POST", "/api/v1/ingest/streams", credA, { fromStream: 1, baseSeq: 20 });
    expect(opened.body.data).toEqual({ office: "dpmptsp", stream: 2, baseSeq: 20, lastSeq: 20, lastHash: hash(issued(20)) });
    // The closed stream takes nothing more.
    expect((await call("POST", "/api/v1/ingest/events", credA, batch(1, 26, 27))).body.error?.code).toBe("INGEST_STREAM_CLOSED");
    const fresh = batch(2, 21, 22, "restored", hash(issued(20)));
    expect((await call("POST", "/api/v1/ingest/events", credA, fresh)).body.data).toEqual({ stream: 2, lastSeq: 22, accepted: 2, duplicates: 0 });
    const all = await rows("dpmptsp");
    expect(all.filter((r) => r.stream === 1).length).toBe(25);
    expect(all.filter((r) => r.stream === 2).map((r) => r.seq)).toEqual([21, 22]);
  });

  it("keeps the latest published standard per service", async () => {
    const put = (name: string) => call("PUT", "/api/v1/ingest/standards", credB, { services: [{ serviceId: "ktp", standard: { name, biaya: "Gratis" } }] });
    expect((await put("KTP-el")).body.data).toEqual({ changed: 1 });
    expect((await put("KTP-el")).body.data).toEqual({ changed: 0 });
    expect((await put("KTP elektronik")).body.data).toEqual({ changed: 1 });
    const { rows: standards } = await pool.query("SELECT office_id, service_id, standard FROM office_standards");
    expect(standards).toEqual([{ office_id: "disdukcapil", service_id: "ktp", standard: { name: "KTP elektronik", biaya: "Gratis" } }]);
    expect((await call("PUT", "/api/v1/ingest/standards", credB, { office: "dpmptsp", services: [] })).body.error?.code).toBe("OFFICE_MISMATCH");
  });
});
