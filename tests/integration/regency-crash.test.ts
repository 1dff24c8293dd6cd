/**
 * The central server SIGKILLed while offices are sending: every batch it
 * acknowledged is in PostgreSQL after the restart (it answers only after
 * COMMIT), and the batches it never answered are resent and absorbed.
 */
import { createHash } from "node:crypto";
import { eventHashInput, type IngestAccepted, type IngestBatch } from "@layan/protocol";
import { afterAll, expect, it } from "vitest";
import type { Pool } from "../../apps/regency/src/index";
import { freshDatabase } from "../support/postgres";
import { centralEvents, regencyDatabase, startRegencyProcess, type RegencyProcess } from "../support/regency-server";

const OFFICES = ["dpmptsp", "disdukcapil", "dinkes", "samsat"];
const BATCH = 250;
let pool: Pool | undefined;
let regency: RegencyProcess | undefined;

afterAll(async () => {
  await regency?.stop();
  await pool?.end();
}, 60_000);

function event(office: string, seq: number) {
  return { seq, event: { type: "ticket.issued", at: Date.parse("2026-11-18T08:00:00+07:00") + seq, ticketId: `${office}-${seq}`, serviceId: "ktp", number: `A${seq}` } };
}

function hashOf(office: string, seq: number): string {
  const e = event(office, seq);
  return createHash("sha256").update(eventHashInput(e.seq, e.event)).digest("hex");
}

function batch(office: string, first: number): IngestBatch {
  return {
    stream: 1,
    firstSeq: first,
    lastSeq: first + BATCH - 1,
    prevHash: first > 1 ? hashOf(office, first - 1) : null,
    events: Array.from({ length: BATCH }, (_, i) => event(office, first + i)),
  };
}

async function post(url: string, credential: string, body: IngestBatch): Promise<IngestAccepted | null> {
  try {
    const res = await fetch(`${url}/api/v1/ingest/events`, { method: "POST", headers: { authorization: `Bearer ${credential}`, "content-type": "application/json" }, body: JSON.stringify(body) });
    const answer = (await res.json()) as { ok: boolean; data?: IngestAccepted };
    return answer.ok ? answer.data! : null;
  } catch {
    return null;
  }
}

it("keeps every acknowledged batch through a SIGKILL mid-ingest", async () => {
  const database = await freshDatabase();
  const db = await regencyDatabase(database, OFFICES);
  pool = db.pool;
  const server = await startRegencyProcess(database);
  regency = server;
  for (const office of OFFICES) await fetch(`${server.url}/api/v1/ingest/position`, { headers: { authorization: `Bearer ${db.credentials[office]}` } });

  const acked: Record<string, number> = Object.fromEntries(OFFICES.map((o) => [o, 0]));
  let killed = false;
  let total = 0;
  // Four offices sending at once; the kill lands while batches are in flight.
  const senders = OFFICES.map(async (office) => {
    for (let first = 1; !killed && first < 40 * BATCH; first += BATCH) {
      const answer = await post(server.url, db.credentials[office]!, batch(office, first));
      if (!answer) return;
      acked[office] = answer.lastSeq;
      total += 1;
      if (total === 12) {
        killed = true;
        await server.kill();
      }
    }
  });
  await Promise.all(senders);
  expect(killed).toBe(true);
  await server.start();

  for (const office of OFFICES) {
    const held = await centralEvents(db.pool, office);
    // Everything acknowledged is there, consecutive from 1, with its content; a batch committed but
    // not answered before the kill may be there too (the sender resends it and it is absorbed).
    expect(held.length).toBeGreaterThanOrEqual(acked[office]!);
    expect(held.map((e) => e.seq)).toEqual(held.map((_, i) => i + 1));
    for (const e of held.slice(0, acked[office])) expect(e.hash).toBe(hashOf(office, e.seq));
    // The resend of the next batch after the acknowledged position: absorbed or written, never doubled.
    const next = await post(server.url, db.credentials[office]!, batch(office, acked[office]! + 1));
    expect(next?.lastSeq).toBe(acked[office]! + BATCH);
    const again = await centralEvents(db.pool, office);
    expect(again.map((e) => e.seq)).toEqual(Array.from({ length: acked[office]! + BATCH }, (_, i) => i + 1));
  }
  const { rows } = await db.pool.query<{ n: number }>("SELECT count(*)::int8 AS n FROM (SELECT office_id, stream, seq FROM office_events GROUP BY 1, 2, 3 HAVING count(*) > 1) d");
  expect(rows[0]!.n).toBe(0);
}, 60_000);
