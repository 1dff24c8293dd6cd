import { apply, createState, startOfServiceDay, type QueueState } from "@layan/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dumpReadModels, rebuildReadModels } from "./rebuild";
import { openStore, type CommitEntry, type Store } from "./store";
import { batchSizesArb, sessionArb } from "./testing/arbitraries";
import { normaliseState, OfficeSimulation, runIntents } from "./testing/office";

/** Appends entries in groups of the given sizes (cycling), as group commit would. */
function appendInBatches(store: Store, entries: readonly CommitEntry[], sizes: readonly number[]): void {
  let i = 0;
  let k = 0;
  while (i < entries.length) {
    const size = sizes[k++ % sizes.length] ?? 1;
    store.append(entries.slice(i, i + size));
    i += size;
  }
}

function replayAll(store: Store, state: QueueState, fromSeq = 1): QueueState {
  for (const { event } of store.iterateEvents(fromSeq)) apply(state, event);
  return state;
}

/** The read models say what the core's state says, ticket by ticket and counter by counter. */
function expectReadModelsMirrorCore(store: Store, state: QueueState): void {
  for (const t of state.tickets.values()) {
    const s = t.segment;
    expect(store.ticketById(t.id)).toMatchObject({
      number: t.number,
      serviceDay: t.serviceDay,
      issuedServiceId: t.issuedServiceId,
      serviceId: s.serviceId,
      priority: t.priority,
      status: t.status,
      issuedAt: t.issuedAt,
      segmentIndex: s.index,
      enqueuedAt: s.enqueuedAt,
      counterId: s.counterId,
      officerId: s.officerId,
      calledAt: s.firstCalledAt,
      lastCalledAt: s.lastCalledAt,
      startedAt: s.startedAt,
      endedAt: s.endedAt,
      outcome: s.outcome,
      recalls: s.recalls,
      noShowAt: t.noShowAt,
    });
  }
  const rows = new Map(store.listCounters().map((c) => [c.id, c]));
  for (const c of state.counters.values()) {
    const row = rows.get(c.id);
    if (!row) {
      // No event ever named this counter: the core's default.
      expect({ status: c.status, currentTicketId: c.currentTicketId }).toEqual({
        status: "closed",
        currentTicketId: null,
      });
      continue;
    }
    expect(row).toMatchObject({
      status: c.status,
      officerId: c.officerId,
      currentTicketId: c.currentTicketId,
      since: c.since,
    });
  }
  const finished = [...state.tickets.values()]
    .flatMap((t) =>
      [...t.previousSegments, t.segment].filter((s) => s.outcome !== null).map((s) => ({ t, s })),
    )
    .map(({ t, s }) => ({
      ticket_id: t.id,
      segment_index: s.index,
      service_id: s.serviceId,
      outcome: s.outcome,
      ended_at: s.endedAt,
    }))
    .sort((a, b) =>
      a.ticket_id === b.ticket_id ? a.segment_index - b.segment_index : a.ticket_id < b.ticket_id ? -1 : 1,
    );
  const logged = dumpReadModels(store).serviceLog.map((r) => ({
    ticket_id: r.ticket_id,
    segment_index: r.segment_index,
    service_id: r.service_id,
    outcome: r.outcome,
    ended_at: r.ended_at,
  }));
  expect(logged).toEqual(finished);
}

describe("replay equals live state (random sessions through the real core)", () => {
  // 150 random sessions take ~10 s on a quiet machine and twice that on a loaded one: the timeout is not a speed claim.
  it("live read models == rebuilt read models; core state from the log == the state that produced it", { timeout: 90_000 }, () => {
    fc.assert(
      fc.property(sessionArb, batchSizesArb, fc.integer({ min: 1, max: 50 }), (intents, sizes, pageSize) => {
        const sim = new OfficeSimulation();
        const entries = runIntents(sim, intents);
        const store = openStore(":memory:", { pageSize });
        try {
          // Half, rebuild, the other half: appends after a rebuild must keep working.
          const half = Math.floor(entries.length / 2);
          appendInBatches(store, entries.slice(0, half), sizes);
          rebuildReadModels(store, { pageSize });
          appendInBatches(store, entries.slice(half), sizes);

          const live = dumpReadModels(store);
          const { events } = rebuildReadModels(store, { pageSize });
          expect(events).toBe(entries.reduce((n, e) => n + e.events.length, 0));
          expect(dumpReadModels(store)).toEqual(live);

          const replayed = replayAll(store, createState(sim.rules));
          expect(normaliseState(replayed)).toEqual(normaliseState(sim.state));
          expectReadModelsMirrorCore(store, sim.state);
        } finally {
          store.close();
        }
      }),
      { numRuns: 150 },
    );
  });

  it("replaying from replayStartSeq(today) finds every ticket it touches, the whole live queue and the counters", () => {
    fc.assert(
      fc.property(sessionArb, (intents) => {
        const sim = new OfficeSimulation();
        const store = openStore(":memory:");
        try {
          store.append(runIntents(sim, intents));
          const todayStart = startOfServiceDay(sim.now, sim.rules.timezone);
          const start = store.replayStartSeq(todayStart);
          expect(start).toBeLessThanOrEqual(store.lastSeq() + 1);
          const open = store.openTicketsFirstSeq();
          if (open !== null) expect(start).toBeLessThanOrEqual(open);
          const today = store.firstSeqAtOrAfter(todayStart);
          if (today !== null) expect(start).toBeLessThanOrEqual(today);

          // Would throw "event refers to unknown ticket" if a ticket reached back past start.
          const partial = replayAll(store, createState(sim.rules), start);
          for (const t of partial.tickets.values()) expect(t).toEqual(sim.state.tickets.get(t.id));
          for (const t of sim.state.tickets.values()) {
            const open = t.status === "waiting" || t.status === "called" || t.status === "serving";
            if (open || t.issuedAt >= todayStart) expect(partial.tickets.get(t.id)).toEqual(t);
          }
          const lanes = (s: QueueState) => (normaliseState(s) as { lanes: unknown }).lanes;
          expect(lanes(partial)).toEqual(lanes(sim.state));
          // Counters too, but for the position in the priority:regular cycle (and
          // when a closed counter closed, if that was before the replay's start).
          const counters = (s: QueueState) =>
            [...s.counters.values()]
              .map(({ laneCycle: _cycle, ...c }) => (c.status === "closed" ? { ...c, since: null } : c))
              .sort((a, b) => (a.id < b.id ? -1 : 1));
          expect(counters(partial)).toEqual(counters(sim.state));
        } finally {
          store.close();
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe("replayStartSeq", () => {
  const thursday0800 = Date.UTC(2026, 10, 26, 1, 0);
  const fridayStart = Date.UTC(2026, 10, 26, 17, 0); // Friday 00:00 Jakarta

  it("reaches back past a ticket issued before the oldest open one but served after it (hub off overnight)", () => {
    const sim = new OfficeSimulation(undefined, thursday0800);
    const store = openStore(":memory:");
    const entries: CommitEntry[] = [];
    entries.push(sim.must({ type: "openCounter", counterId: "loket-1", officerId: "siti" })); // seq 1
    entries.push(sim.issue("ktp")); // t1, seq 2
    sim.advance(60_000);
    entries.push(sim.issue("ktp")); // t2, seq 3: left waiting when the office closed
    sim.advance(60_000);
    entries.push(sim.must({ type: "callNext", counterId: "loket-1", officerId: "siti" })); // t1, after t2's issue
    entries.push(sim.must({ type: "complete", counterId: "loket-1", outcome: "selesai" }));
    entries.push(sim.must({ type: "closeCounter", counterId: "loket-1" }));
    store.append(entries);

    expect(store.openTicketsFirstSeq()).toBe(3);
    // Starting at t2's issue would replay t1's call for a ticket the replay never saw.
    expect(store.replayStartSeq(fridayStart)).toBe(2);
    expect(() => replayAll(store, createState(sim.rules), 3)).toThrow(/unknown ticket t1/);
    expect(() => replayAll(store, createState(sim.rules), 2)).not.toThrow();
    store.close();
  });

  it("reaches back to the opening of a counter left open overnight", () => {
    const sim = new OfficeSimulation(undefined, thursday0800);
    const store = openStore(":memory:");
    store.append([sim.must({ type: "openCounter", counterId: "loket-2", officerId: "budi" })]); // seq 1
    sim.now = fridayStart + 60_000; // 00:01 Friday: the 24-hour service goes on
    store.append([sim.issue("info")]); // seq 2
    sim.advance(60_000);
    store.append([sim.must({ type: "callNext", counterId: "loket-2", officerId: "budi" })]); // seq 3

    expect(store.replayStartSeq(fridayStart)).toBe(1);
    const partial = replayAll(store, createState(sim.rules), 1);
    expect(partial.counters.get("loket-2")).toMatchObject({
      status: "open",
      officerId: "budi",
      currentTicketId: "t1",
    });
    // From today's first event the counter would come back "closed" with a ticket in hand.
    expect(replayAll(store, createState(sim.rules), 2).counters.get("loket-2")).toMatchObject({
      status: "closed",
      currentTicketId: "t1",
    });
    store.close();
  });

  it("is lastSeq + 1 when nothing is open and nothing happened today", () => {
    const sim = new OfficeSimulation();
    const store = openStore(":memory:");
    expect(store.replayStartSeq(0)).toBe(1);
    store.append([
      sim.must({ type: "openCounter", counterId: "loket-1", officerId: null }),
      sim.must({ type: "closeCounter", counterId: "loket-1" }),
    ]);
    expect(store.replayStartSeq(sim.now + 1)).toBe(3);
    expect(store.replayStartSeq(sim.now)).toBe(1);
    store.close();
  });
});
