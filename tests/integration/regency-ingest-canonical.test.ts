/**
 * Format-2 batches (packages/protocol/src/regency.ts CanonicalBatch): the
 * hub ships each event's canonical text and its hash; the central server
 * hashes and stores the text as it came (apps/regency/src/ingest.ts
 * appendFast, checked by PostgreSQL in the statement that writes it). What
 * format 1 guarantees holds for it: a text that does not hash to its claimed
 * hash, or is not an event as format 1 would take it, is refused and
 * nothing of its batch is stored; a retry is absorbed; format 1 is still taken.
 */
import { createHash } from "node:crypto";
import { canonicalHashInput, canonicalJson, type IngestPosition } from "@layan/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addOffice, createRegencyServer, migrate, openPool, type Pool, type RegencyServer } from "../../apps/regency/src/index";
import { freshDatabase } from "../support/postgres";

const T0 = Date.parse("2026-11-18T09:30:00+07:00");
let pool: Pool;
let server: RegencyServer;
let base = "";
const credentials: Record<string, string> = {};

interface Answer {
  status: number;
  body: {
    ok: boolean;
    data?: { accepted?: number; duplicates?: number; lastSeq?: number };
    error?: { code: string; message: string; issues?: { path: string }[]; position?: IngestPosition };
  };
}

async function post(office: string, body: unknown): Promise<Answer> {
  const res = await fetch(`${base}/api/v1/ingest/events`, {
    method: "POST",
    headers: { authorization: `Bearer ${credentials[office]}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Answer["body"] };
}

function issued(seq: number): Record<string, unknown> {
  return { type: "ticket.issued", at: T0 + seq * 1000, ticketId: `t-${seq}`, serviceId: "ktp", number: `A${seq}` };
}

const sha = (seq: number, text: string) => createHash("sha256").update(canonicalHashInput(seq, text)).digest("hex");

/** A format-2 entry as the hub builds it: `text` as given (canonical unless a test says otherwise), hashed at `hashSeq`. */
function entry(seq: number, text: string = canonicalJson(issued(seq)), hashSeq = seq) {
  return { seq, hash: sha(hashSeq, text), text };
}

function v2(from: number, to: number, change: (e: ReturnType<typeof entry>, seq: number) => ReturnType<typeof entry> = (e) => e) {
  const events = Array.from({ length: to - from + 1 }, (_, i) => change(entry(from + i), from + i));
  return { format: 2, stream: 1, firstSeq: from, lastSeq: to, prevHash: from > 1 ? sha(from - 1, canonicalJson(issued(from - 1))) : null, events };
}

async function held(office: string): Promise<{ seq: number; type: string; hash: string; body: unknown; at: number }[]> {
  const { rows } = await pool.query<{ seq: number; type: string; hash: Buffer; body: unknown; at: number }>(
    "SELECT seq, type, hash, body, (extract(epoch FROM at) * 1000)::int8 AS at FROM office_events WHERE office_id = $1 ORDER BY stream, seq",
    [office],
  );
  return rows.map((r) => ({ ...r, hash: r.hash.toString("hex") }));
}

async function streamEnd(office: string): Promise<{ last_seq: number; last_hash: string | null }> {
  const { rows } = await pool.query<{ last_seq: number; last_hash: Buffer | null }>("SELECT last_seq, last_hash FROM office_streams WHERE office_id = $1 AND stream = 1", [
    office,
  ]);
  return { last_seq: rows[0]!.last_seq, last_hash: rows[0]!.last_hash?.toString("hex") ?? null };
}

beforeAll(async () => {
  pool = openPool(await freshDatabase());
  await migrate(pool);
  for (const id of ["kantor-a", "kantor-b", "kantor-c", "kantor-d"]) {
    credentials[id] = await addOffice(pool, { id, name: id, agency: id }, T0);
  }
  server = createRegencyServer({ pool, clock: () => T0 });
  base = `http://127.0.0.1:${(await server.listen(0)).port}`;
  for (const id of Object.keys(credentials)) await fetch(`${base}/api/v1/ingest/position`, { headers: { authorization: `Bearer ${credentials[id]}` } });
});

afterAll(async () => {
  await server?.close();
  await pool?.end();
});

describe("format 2: canonical texts", () => {
  it("stores each text as it came, under the hash of its bytes; a retry in either format is absorbed, format 1 continues the stream", async () => {
    const first = await post("kantor-a", v2(1, 50));
    expect([first.status, first.body.data]).toEqual([200, { stream: 1, lastSeq: 50, accepted: 50, duplicates: 0 }]);
    const rows = await held("kantor-a");
    expect(rows).toHaveLength(50);
    for (const r of rows) {
      expect(r.hash).toBe(sha(r.seq, canonicalJson(issued(r.seq))));
      expect(r.body).toEqual(issued(r.seq));
      expect([r.type, r.at]).toEqual(["ticket.issued", T0 + r.seq * 1000]);
    }
    expect(await streamEnd("kantor-a")).toEqual({ last_seq: 50, last_hash: rows.at(-1)!.hash });

    const retry = await post("kantor-a", v2(41, 50));
    expect(retry.body.data).toEqual({ stream: 1, lastSeq: 50, accepted: 0, duplicates: 10 });
    // The same events in format 1: the hashes are the same, so the retry is absorbed across formats.
    const asV1 = (from: number, to: number) => ({
      stream: 1,
      firstSeq: from,
      lastSeq: to,
      prevHash: sha(from - 1, canonicalJson(issued(from - 1))),
      events: Array.from({ length: to - from + 1 }, (_, i) => ({ seq: from + i, event: issued(from + i) })),
    });
    expect((await post("kantor-a", asV1(46, 55))).body.data).toEqual({ stream: 1, lastSeq: 55, accepted: 5, duplicates: 5 });
    expect((await post("kantor-a", asV1(56, 60))).body.data).toEqual({ stream: 1, lastSeq: 60, accepted: 5, duplicates: 0 });
    expect((await post("kantor-a", v2(61, 70))).body.data).toEqual({ stream: 1, lastSeq: 70, accepted: 10, duplicates: 0 });
    expect((await held("kantor-a")).map((r) => r.seq)).toEqual(Array.from({ length: 70 }, (_, i) => i + 1));
  });

  it("two deliveries of one batch at once: one writes it, the other is absorbed, nothing doubled", async () => {
    const answers = await Promise.all([post("kantor-d", v2(1, 200)), post("kantor-d", v2(1, 200))]);
    expect(answers.map((a) => a.body.data?.accepted).sort()).toEqual([0, 200]);
    expect(answers.map((a) => a.body.data?.duplicates).sort()).toEqual([0, 200]);
    expect(await held("kantor-d")).toHaveLength(200);
  });

  const refusals: { name: string; change: (e: ReturnType<typeof entry>, seq: number) => ReturnType<typeof entry>; status: number; code: string; path: string }[] = [
    { name: "a hash that is not the text's", change: (e, seq) => (seq === 37 ? { ...e, hash: "0".repeat(64) } : e), status: 400, code: "INVALID_PAYLOAD", path: "events.6.hash" },
    { name: "a text hashed at another seq", change: (e, seq) => (seq === 37 ? entry(37, e.text, 36) : e), status: 400, code: "INVALID_PAYLOAD", path: "events.6.hash" },
    {
      name: "a text changed after it was hashed",
      change: (e, seq) => (seq === 37 ? { ...e, text: e.text.replace('"A37"', '"B37"') } : e),
      status: 400,
      code: "INVALID_PAYLOAD",
      path: "events.6.hash",
    },
    { name: "a text that is not JSON", change: (e, seq) => (seq === 37 ? entry(37, '{"type":"ticket.issued",') : e), status: 400, code: "INVALID_PAYLOAD", path: "events.6.text" },
    { name: "a text that is not an object", change: (e, seq) => (seq === 37 ? entry(37, "[1,2]") : e), status: 400, code: "INVALID_PAYLOAD", path: "events.6.text" },
    {
      name: "a type format 1 would refuse",
      change: (e, seq) => (seq === 37 ? entry(37, canonicalJson({ ...issued(37), type: "Ticket Issued" })) : e),
      status: 400,
      code: "INVALID_PAYLOAD",
      path: "events.6.text.type",
    },
    {
      name: "a time that is not a whole number of ms",
      change: (e, seq) => (seq === 37 ? entry(37, canonicalJson({ ...issued(37), at: T0 + 0.5 })) : e),
      status: 400,
      code: "INVALID_PAYLOAD",
      path: "events.6.text.at",
    },
    { name: "a time that is a string", change: (e, seq) => (seq === 37 ? entry(37, canonicalJson({ ...issued(37), at: "kemarin" })) : e), status: 400, code: "INVALID_PAYLOAD", path: "events.6.text.at" },
    {
      name: "a raw control character (the fast path's separator: never in canonical JSON)",
      change: (e, seq) => (seq === 37 ? entry(37, canonicalJson(issued(37)).replace("A37", "A\u001e37")) : e),
      status: 400,
      code: "INVALID_PAYLOAD",
      path: "events.6.text",
    },
    {
      name: "a complaint's free text",
      change: (e, seq) =>
        seq === 37 ? entry(37, canonicalJson({ type: "complaint.filed", at: T0, complaintId: "c1", category: "layanan", text: "Saya Budi, NIK 3201" })) : e,
      status: 422,
      code: "INGEST_PRIVATE_TEXT",
      path: "events.6.text.text",
    },
  ];

  it.each(refusals)("refuses $name, and stores nothing of the batch", async ({ change, status, code, path }) => {
    const office = "kantor-b";
    // The stream's end before: 30 events in, the refused batch continues it.
    if ((await streamEnd(office)).last_seq === 0) expect((await post(office, v2(1, 30))).body.ok).toBe(true);
    const before = await held(office);
    const answer = await post(office, v2(31, 80, change));
    expect([answer.status, answer.body.error?.code]).toEqual([status, code]);
    expect(answer.body.error?.message).toBeTruthy();
    expect(answer.body.error?.issues?.map((i) => i.path)).toContain(path);
    expect(await held(office)).toEqual(before);
    expect((await streamEnd(office)).last_seq).toBe(30);
  });

  it("refuses a batch whose prevHash is not the stream's last hash (INGEST_DIVERGED), and one a seq beyond the end (INGEST_GAP)", async () => {
    expect((await post("kantor-c", v2(1, 10))).body.ok).toBe(true);
    const diverged = await post("kantor-c", { ...v2(11, 20), prevHash: "f".repeat(64) });
    expect([diverged.status, diverged.body.error?.code, diverged.body.error?.position?.lastSeq]).toEqual([409, "INGEST_DIVERGED", 10]);
    const gap = await post("kantor-c", v2(12, 20));
    expect([gap.status, gap.body.error?.code]).toEqual([409, "INGEST_GAP"]);
    expect(await held("kantor-c")).toHaveLength(10);
  });
});
