import { setImmediate as nextTurn } from "node:timers/promises";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createGroupCommitter } from "./group-commit";
import { openStore, type CommitEntry, type Store } from "./store";
import { OfficeSimulation } from "./testing/office";

let store: Store;
let sim: OfficeSimulation;
beforeEach(() => {
  store = openStore(":memory:");
  sim = new OfficeSimulation();
});
afterEach(() => store.close());

/** An entry that cannot be stored: it refers to a ticket that was never issued. */
const poison = (): CommitEntry => ({
  events: [{ type: "ticket.serving", at: sim.now, ticketId: "ghost", counterId: "loket-1" }],
});

const countTransactions = (s: Store): { count: number } => {
  // Counts real commits by wrapping append; the committer calls nothing else.
  const counter = { count: 0 };
  const append = s.append.bind(s);
  s.append = (entries) => {
    counter.count += 1;
    return append(entries);
  };
  return counter;
};

describe("group commit", () => {
  it("writes 100 commits made in one turn in one transaction; each resolves with its own, increasing seqs", async () => {
    const transactions = countTransactions(store);
    const committer = createGroupCommitter(store);
    const promises = Array.from({ length: 100 }, () => committer.commit(sim.issue("info")));
    // Nothing is written during the turn that queued the entries.
    expect(store.lastSeq()).toBe(0);
    const seqs = await Promise.all(promises);
    expect(seqs).toEqual(Array.from({ length: 100 }, (_, i) => [i + 1]));
    expect(transactions.count).toBe(1);
    expect(committer.stats).toEqual({ batches: 1, entries: 100, failedBatches: 0, largestBatch: 100 });
    expect(store.lastSeq()).toBe(100);
    expect(store.findRequest("kiosk:req-100")).toMatchObject({ ok: true });
  });

  it("resolves only after the commit: the data is readable when the promise settles", async () => {
    const committer = createGroupCommitter(store);
    const [seq] = await committer.commit(sim.issue("info"));
    expect(store.eventsAfter(0, 1)).toEqual([
      expect.objectContaining({ seq, event: expect.objectContaining({ type: "ticket.issued" }) }),
    ]);
  });

  it("commits in different turns go in different transactions", async () => {
    const committer = createGroupCommitter(store);
    const first = committer.commit(sim.issue("info"));
    await nextTurn();
    const second = committer.commit(sim.issue("info"));
    expect(await Promise.all([first, second])).toEqual([[1], [2]]);
    expect(committer.stats.batches).toBe(2);
  });

  it("a failing batch rejects every promise in it, writes nothing, and later batches still succeed", async () => {
    const committer = createGroupCommitter(store);
    await committer.commit(sim.issue("info"));

    const doomed = [
      committer.commit(sim.issue("info")),
      committer.commit(poison()),
      committer.commit(sim.issue("info")),
    ];
    const settled = await Promise.allSettled(doomed);
    expect(settled.map((s) => s.status)).toEqual(["rejected", "rejected", "rejected"]);
    for (const s of settled) {
      expect(s.status === "rejected" && String(s.reason)).toMatch(
        /ticket.serving refers to unknown ticket ghost/,
      );
    }
    expect(store.lastSeq()).toBe(1);
    expect(store.findRequest("kiosk:req-2")).toBeUndefined();

    expect(await committer.commit(sim.issue("info"))).toEqual([2]);
    expect(committer.stats).toMatchObject({ batches: 3, entries: 5, failedBatches: 1 });
  });

  it("splits a turn larger than maxBatch into several transactions, in order", async () => {
    const transactions = countTransactions(store);
    const committer = createGroupCommitter(store, { maxBatch: 40 });
    const seqs = await Promise.all(Array.from({ length: 100 }, () => committer.commit(sim.issue("info"))));
    expect(seqs.flat()).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(transactions.count).toBe(3);
    expect(committer.stats).toMatchObject({ batches: 3, entries: 100, largestBatch: 40 });
  });

  it("entries with several events get their own consecutive seqs", async () => {
    const committer = createGroupCommitter(store);
    const open = sim.must({ type: "openCounter", counterId: "loket-2", officerId: "budi" });
    const issued = sim.issue("info");
    const both: CommitEntry = { events: [...open.events, ...issued.events] };
    expect(
      await Promise.all([
        committer.commit(sim.issue("info")),
        committer.commit(both),
        committer.commit({ events: [] }),
      ]),
    ).toEqual([[1], [2, 3], []]);
  });

  it("flush writes now; close writes what is queued and refuses more", async () => {
    const committer = createGroupCommitter(store);
    const queued = committer.commit(sim.issue("info"));
    committer.flush();
    expect(store.lastSeq()).toBe(1);
    const last = committer.commit(sim.issue("info"));
    committer.close();
    expect(store.lastSeq()).toBe(2);
    expect(await Promise.all([queued, last])).toEqual([[1], [2]]);
    await expect(committer.commit(sim.issue("info"))).rejects.toThrow(/closed/);
  });
});
