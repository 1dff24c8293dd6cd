import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { QueueEvent } from "@layan/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { dumpReadModels } from "./rebuild";
import { EVENTS_FOR_TICKET_SQL, openStore, REQUEST_ANSWER_KEEP_MS, type Store } from "./store";
import { FRIDAY, jakarta, OfficeSimulation } from "./testing/office";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "layan-store-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const at = (hhmm: string) => jakarta(`${FRIDAY} ${hhmm}`);

/** A little morning: loket-2 open, three info tickets, the first one called and served. */
function morning(store: Store): OfficeSimulation {
  const sim = new OfficeSimulation();
  sim.now = at("07:59");
  store.append([sim.must({ type: "openCounter", counterId: "loket-2", officerId: "budi" })]); // 1
  sim.now = at("08:00");
  store.append([sim.issue("info")]); // 2: t1
  sim.now = at("08:01");
  store.append([sim.issue("info"), sim.issue("info")]); // 3, 4: t2, t3
  sim.now = at("08:02");
  store.append([sim.must({ type: "callNext", counterId: "loket-2", officerId: "budi" })]); // 5
  sim.now = at("08:03");
  store.append([sim.must({ type: "complete", counterId: "loket-2", outcome: "selesai" })]); // 6
  return sim;
}

describe("the event log", () => {
  it("gives consecutive seqs per entry and reads events back exactly", () => {
    const store = openStore(":memory:");
    const sim = new OfficeSimulation();
    const entries = [
      sim.issue("info"),
      sim.must({ type: "openCounter", counterId: "loket-1", officerId: null }),
      sim.issue("info"),
    ];
    expect(store.append(entries)).toEqual({ seqs: [[1], [2], [3]], lastSeq: 3 });
    expect(store.append([{ events: [] }])).toEqual({ seqs: [[]], lastSeq: 3 });
    const written: QueueEvent[] = entries.flatMap((e) => e.events);
    expect(store.eventsAfter(0, 10)).toEqual(
      written.map((event, i) => ({ seq: i + 1, at: event.at, event })),
    );
    // Same keys in the same order as the core wrote them, not just deep-equal.
    expect(store.eventsAfter(0, 10).map((e) => JSON.stringify(e.event))).toEqual(
      written.map((e) => JSON.stringify(e)),
    );
    store.close();
  });

  it("a batch larger than one multi-row insert keeps each entry's seqs, read models and answers", () => {
    const store = openStore(":memory:");
    const sim = new OfficeSimulation();
    store.append([sim.must({ type: "openCounter", counterId: "loket-1", officerId: null })]);
    // 150 entries, some without events: three statements' worth of rows.
    const entries = Array.from({ length: 150 }, (_, i) => ({
      ...(i % 7 === 3 ? { events: [] } : sim.issue("info")),
      request: { id: `kiosk:k1:r${i}`, namespace: "kiosk:k1", response: { ok: true, data: i } },
    }));
    const { seqs, lastSeq } = store.append(entries);
    const expected: number[][] = [];
    let next = 2;
    for (const e of entries) expected.push(e.events.map(() => next++));
    expect(seqs).toEqual(expected);
    expect(lastSeq).toBe(next - 1);
    const stored = store.eventsAfter(1, 1_000);
    expect(stored.map((e) => e.seq)).toEqual(expected.flat());
    expect(stored.map((e) => e.event)).toEqual(entries.flatMap((e) => e.events));
    for (const [i, e] of entries.entries()) {
      const issued = e.events[0];
      if (issued?.type === "ticket.issued") expect(store.ticketById(issued.ticketId)?.issuedSeq).toBe(seqs[i]![0]);
      expect(store.findRequest(`kiosk:k1:r${i}`)).toEqual({ ok: true, data: i });
    }
    store.close();
  });

  it("lastSeq, eventsAfter, iterateEvents (paged), eventsForTicket, firstSeqAtOrAfter", () => {
    const store = openStore(":memory:", { pageSize: 2 });
    expect(store.lastSeq()).toBe(0);
    expect([...store.iterateEvents()]).toEqual([]);
    morning(store);
    expect(store.lastSeq()).toBe(6);
    expect(store.eventsAfter(2, 2).map((e) => e.seq)).toEqual([3, 4]);
    expect(store.eventsAfter(6, 10)).toEqual([]);
    expect([...store.iterateEvents()].map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect([...store.iterateEvents(4)].map((e) => e.seq)).toEqual([4, 5, 6]);
    expect(store.eventsForTicket("t1").map((e) => e.event.type)).toEqual([
      "ticket.issued",
      "ticket.called",
      "ticket.completed",
    ]);
    expect(store.firstSeqAtOrAfter(at("08:01"))).toBe(3);
    expect(store.firstSeqAtOrAfter(at("09:00"))).toBeNull();
    store.close();
  });

  it("writes a ticket's id once: later events name it by the seq of its issue, and read back with it", () => {
    const store = openStore(":memory:");
    morning(store);
    const raw = store.db
      .prepare("SELECT seq, ticket_id, ticket_seq FROM events WHERE ticket_id IS NOT NULL OR ticket_seq IS NOT NULL ORDER BY seq")
      .all() as { seq: number; ticket_id: string | null; ticket_seq: number | null }[];
    const issued = store.eventsAfter(0, 100).filter((e) => e.event.type === "ticket.issued");
    expect(raw.filter((r) => r.ticket_id !== null).map((r) => r.seq)).toEqual(issued.map((e) => e.seq));
    for (const r of raw.filter((r) => r.ticket_id === null)) expect(issued.map((e) => e.seq)).toContain(r.ticket_seq);
    const ticketOf = (e: { event: QueueEvent }) => ("ticketId" in e.event ? e.event.ticketId : null);
    expect(store.eventsForTicket("t1").every((e) => ticketOf(e) === "t1")).toBe(true);
    expect(store.eventsAfter(0, 100).filter((e) => ticketOf(e) === "t1")).toEqual(store.eventsForTicket("t1"));
    expect(store.db.prepare("SELECT DISTINCT ticket_id FROM event_log WHERE ticket_id IS NOT NULL ORDER BY 1").all()).toEqual(
      [...new Set(issued.map(ticketOf))].sort().map((ticket_id) => ({ ticket_id })),
    );
    store.close();
  });

  it("iterateEvents does not hold the connection: the store can be written between pages", () => {
    const store = openStore(":memory:", { pageSize: 2 });
    const sim = morning(store);
    const seen: number[] = [];
    for (const { seq } of store.iterateEvents()) {
      seen.push(seq);
      if (seq === 1) store.append([sim.issue("info")]); // better-sqlite3 would throw "connection is busy" under a cursor
    }
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7]);
    store.close();
  });

  it("openTicketsFirstSeq: the issue of the oldest ticket still waiting, called or serving", () => {
    const store = openStore(":memory:");
    expect(store.openTicketsFirstSeq()).toBeNull();
    const sim = morning(store);
    expect(store.openTicketsFirstSeq()).toBe(3); // t1 (seq 2) is done; t2 waits
    sim.now = at("08:05");
    store.append([sim.must({ type: "cancel", ticketId: "t2", reason: "citizen_left" })]);
    expect(store.openTicketsFirstSeq()).toBe(4);
    store.append([sim.must({ type: "cancel", ticketId: "t3", reason: "citizen_left" })]);
    expect(store.openTicketsFirstSeq()).toBeNull();
    store.close();
  });

  it("acknowledged events and read models survive closing and re-opening the file", () => {
    const path = join(dir, "layan.db");
    const store = openStore(path);
    morning(store);
    const events = [...store.iterateEvents()];
    const models = dumpReadModels(store);
    store.close();
    const again = openStore(path);
    expect([...again.iterateEvents()]).toEqual(events);
    expect(dumpReadModels(again)).toEqual(models);
    again.close();
  });
});

describe("the idempotency ledger", () => {
  it("returns the first answer for a request id, also after a restart", () => {
    const path = join(dir, "layan.db");
    const store = openStore(path, { clock: () => 1000 });
    const sim = new OfficeSimulation();
    const issued = sim.issue("info");
    const answer = { ok: true, data: { ticketId: "t1", number: "C-001", peopleAhead: 0 } };
    store.append([
      { events: issued.events, request: { id: "kiosk:abc", namespace: "kiosk", response: answer } },
    ]);
    expect(store.findRequest("kiosk:abc")).toEqual(answer);
    expect(store.findRequest("kiosk:other")).toBeUndefined();
    store.close();

    const again = openStore(path);
    expect(again.findRequest("kiosk:abc")).toEqual(answer);
    expect(again.db.prepare("SELECT request_id, namespace, at FROM requests").all()).toEqual([
      { request_id: "kiosk:abc", namespace: "kiosk", at: 1000 },
    ]);
    again.close();
  });

  it("a duplicate request id rolls the whole append back", () => {
    const store = openStore(":memory:");
    const sim = new OfficeSimulation();
    store.append([
      { events: sim.issue("info").events, request: { id: "r1", namespace: "kiosk", response: 1 } },
    ]);
    expect(() =>
      store.append([
        { events: sim.issue("info").events, request: { id: "r2", namespace: "kiosk", response: 2 } },
        { events: sim.issue("info").events, request: { id: "r1", namespace: "kiosk", response: 3 } },
      ]),
    ).toThrow(/UNIQUE constraint failed: requests.request_id/);
    expect(store.lastSeq()).toBe(1);
    expect(store.findRequest("r2")).toBeUndefined();
    expect(store.findRequest("r1")).toBe(1);
    store.close();
  });

  it("an entry's audit row commits with its events, and rolls back with them", () => {
    const store = openStore(":memory:");
    const sim = new OfficeSimulation();
    const actor = { kind: "user" as const, id: "u1", name: "hendra", address: "10.0.0.7", userAgent: null };
    store.append([{ events: sim.issue("info").events, audit: [{ at: 1, actor, action: "service.close_today", target: "info" }] }]);
    expect(store.listAudit({ limit: 10 }).map((r) => r.target)).toEqual(["info"]);
    store.append([{ events: sim.issue("info").events, request: { id: "r1", namespace: "admin", response: 1 } }]);
    expect(() =>
      store.append([
        { events: sim.issue("info").events, audit: [{ at: 2, actor, action: "service.reopen_today", target: "info" }] },
        { events: sim.issue("info").events, request: { id: "r1", namespace: "admin", response: 2 } },
      ]),
    ).toThrow(/UNIQUE constraint failed: requests.request_id/);
    expect(store.listAudit({ limit: 10 }).map((r) => r.action)).toEqual(["service.close_today"]);
    store.close();
  });

  it("a request without events (a command that changed nothing) is still remembered; old answers can be pruned", () => {
    let now = 1000;
    const store = openStore(":memory:", { clock: () => now });
    store.append([
      { events: [], request: { id: "r1", namespace: "counter", response: { ok: true, data: null } } },
    ]);
    now = 5000;
    store.append([
      { events: [], request: { id: "r2", namespace: "counter", response: { ok: true, data: null } } },
    ]);
    expect(store.findRequest("r1")).toEqual({ ok: true, data: null });
    expect(store.pruneRequests(2000)).toBe(1);
    expect(store.findRequest("r1")).toBeUndefined();
    expect(store.findRequest("r2")).toEqual({ ok: true, data: null });
    store.close();
  });

  it("a pruned answer leaves a tombstone: its id reads expired, also after a restart; unknown ids stay unknown", () => {
    const path = join(dir, "layan.db");
    let now = 1000;
    const first = openStore(path, { clock: () => now });
    first.append([{ events: [], request: { id: "kiosk:k1:old", namespace: "kiosk:k1", response: { ok: true, data: 1 }, payloadHash: "h" } }]);
    now = 1000 + REQUEST_ANSWER_KEEP_MS;
    first.append([{ events: [], request: { id: "kiosk:k1:new", namespace: "kiosk:k1", response: { ok: true, data: 2 }, payloadHash: "h" } }]);
    expect(first.pruneRequests(now - REQUEST_ANSWER_KEEP_MS + 1)).toBe(1);
    // Pruning twice keeps one tombstone and deletes nothing more.
    expect(first.pruneRequests(now - REQUEST_ANSWER_KEEP_MS + 1)).toBe(0);
    first.close();
    const again = openStore(path, { clock: () => now });
    expect(again.findRequestRecord("kiosk:k1:old")).toBe("expired");
    expect(again.findRequestRecord("kiosk:k1:new")).toEqual({ response: { ok: true, data: 2 }, payloadHash: "h" });
    expect(again.findRequestRecord("kiosk:k1:never")).toBeUndefined();
    expect(again.db.prepare("SELECT count(*) AS n FROM requests").get()).toEqual({ n: 1 });
    again.close();
  });

  it("prunes a ledger of any size page by page: every forgotten id reads expired, the kept ones keep their answers", () => {
    let now = 0;
    const store = openStore(":memory:", { clock: () => now });
    const ids = Array.from({ length: 12_345 }, (_, i) => `counter:u${i % 7}:req-${i}`);
    for (const [i, id] of ids.entries()) {
      now = i;
      store.append([{ events: [], request: { id, namespace: "counter", response: { ok: true, data: i } } }]);
    }
    expect(store.pruneRequests(12_000)).toBe(12_000);
    expect(ids.slice(0, 12_000).filter((id) => store.findRequestRecord(id) !== "expired")).toEqual([]);
    expect(store.findRequestRecord(ids[12_000]!)).toEqual({ response: { ok: true, data: 12_000 }, payloadHash: null });
    expect(store.findRequestRecord("counter:u1:never-sent")).toBeUndefined();
    store.close();
  });
});

describe("report indexes", () => {
  it("the dashboard's queries and the start-up queries use indexes, not table scans", () => {
    const store = openStore(":memory:");
    const plan = (sql: string, ...params: unknown[]) =>
      store.db
        .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...params)
        .map((r) => r.detail)
        .join("; ");
    const day = "2026-11-27";
    // service_log_day went in 0009: service_log_day_ended starts with the same column.
    expect(plan("SELECT count(*) FROM service_log WHERE service_day BETWEEN ? AND ?", day, day)).toMatch(
      /USING (COVERING )?INDEX service_log_(day_ended|times)/,
    );
    expect(
      plan("SELECT * FROM service_log WHERE counter_id = ? AND service_day = ?", "loket-1", day),
    ).toMatch(/USING INDEX service_log_counter_day/);
    expect(plan("SELECT * FROM service_log WHERE officer_id = ? AND service_day >= ?", "siti", day)).toMatch(
      /USING INDEX service_log_officer_day/,
    );
    // step_log is keyed by day, service and segment (0011): a day, or one segment's steps, is a key range.
    expect(plan("SELECT avg(ms) FROM step_log WHERE service_id = ? AND service_day = ?", "ktp", day)).toMatch(
      /SEARCH step_log USING PRIMARY KEY \(service_day=\? AND service_id=\?\)/,
    );
    // Both logs name the ticket by its issued_seq, the rowid of tickets (0015).
    const unlog = plan(
      `DELETE FROM step_log WHERE (service_day, service_id, ticket_seq, segment_index) IN (
         SELECT service_day, service_id, ticket_seq, segment_index FROM service_log
         WHERE ticket_seq = (SELECT issued_seq FROM tickets WHERE id = ?) AND segment_index = ?)`,
      "t1",
      0,
    );
    expect(unlog).toMatch(/SEARCH step_log USING PRIMARY KEY \(service_day=\? AND service_id=\? AND ticket_seq=\? AND segment_index=\?\)/);
    expect(unlog).toMatch(/SEARCH service_log USING INDEX sqlite_autoindex_service_log_1 \(ticket_seq=\? AND segment_index=\?\)/);
    expect(unlog).toMatch(/SEARCH tickets USING COVERING INDEX sqlite_autoindex_tickets_1 \(id=\?\)/);
    expect(plan("SELECT * FROM ticket_rows WHERE id = ?", "t1")).toMatch(/^SEARCH t USING INDEX sqlite_autoindex_tickets_1 \(id=\?\)/);
    expect(plan("SELECT id FROM tickets WHERE issued_seq = ?", 1)).toMatch(/SEARCH tickets USING INTEGER PRIMARY KEY \(rowid=\?\)/);
    expect(
      plan("SELECT min(issued_seq) FROM tickets WHERE status IN ('waiting', 'called', 'serving')"),
    ).toMatch(/tickets_open_issued_seq/);
    // The log has no index but its primary key (0009): what the store asks of it is a key range.
    expect(plan("SELECT seq, at FROM events WHERE seq >= ? ORDER BY seq LIMIT 1", 1)).toMatch(
      /SEARCH events USING INTEGER PRIMARY KEY/,
    );
    expect(plan(EVENTS_FOR_TICKET_SQL, "t1")).toMatch(/SEARCH e USING INTEGER PRIMARY KEY \(rowid>\? AND rowid<\?\)/);
    store.close();
  });
});
