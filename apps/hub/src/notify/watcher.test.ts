import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { serviceDayOf, type QueueCommand, type QueueEvent } from "@layan/core";
import { createNotifyQueries, openStore, type NotifyQueries, type Store } from "@layan/store";
import type { PushMessage } from "@layan/protocol";
import { jakarta, TestQueue } from "../../../../packages/core/src/testing/fixtures";
import type { PushSender } from "./push";
import { NotifyWatcher, peopleAhead } from "./watcher";

/**
 * The watcher on the real core and a real SQLite store: "N ahead" is told
 * exactly when the ticket first has N or fewer ahead, however far back it
 * started, with priority tickets ahead of it, a reinstated no-show put back
 * at the front, and other subscribers far behind (a call looks only near the
 * lane's front, so these are the cases that could be missed).
 */
let dir = "";
let store: Store | null = null;
afterEach(() => {
  store?.close();
  store = null;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function office() {
  dir = mkdtempSync(join(tmpdir(), "layan-watcher-"));
  store = openStore(join(dir, "hub.sqlite"));
  const q = new TestQueue();
  let at = jakarta("2026-12-07 08:00");
  const queries: NotifyQueries = createNotifyQueries(store.db);
  const sent: { ticketId: string; message: PushMessage }[] = [];
  const sink: PushSender = {
    send: (sub, message) => void sent.push({ ticketId: sub.ticketId, message }),
    idle: () => Promise.resolve(),
    stats: () => ({ sent: sent.length, failed: 0, gone: 0, dropped: 0, queued: 0 }),
    close: () => Promise.resolve(),
  };
  const watcher = new NotifyWatcher({
    queries,
    state: () => q.state,
    now: () => at,
    config: () => ({ webPush: { enabled: true }, aheadChoices: [1, 3, 5] }),
    push: () => sink,
    webhookOn: () => false,
    ticketUrl: (id) => `https://antrean.example/t/${id}`,
    officeName: () => "Kantor",
    serviceName: () => "Informasi",
  });
  let seq = 0;
  const run = (command: QueueCommand): QueueEvent[] => {
    const events = q.run(command, (at += 1_000));
    watcher.onBatch(events.map((event) => ({ seq: ++seq, event })));
    return events;
  };
  const issue = (priority = false) => q.issue("info", (at += 1_000), priority ? "lansia" : null).id;
  const subscribe = (ticketId: string, ahead: number, n = 0) => {
    queries.subscribe({ ticketId, serviceDay: serviceDayOf(at, q.state.rules.timezone), endpoint: `https://push.example/${ticketId}/${n}`, keys: { p256dh: "B".padEnd(87, "A"), auth: "A".padEnd(22, "A") }, ahead, at });
    watcher.added(ticketId, "info");
  };
  const call = () => run({ type: "callNext", counterId: "loket-3", officerId: "siti" });
  const complete = () => run({ type: "complete", counterId: "loket-3", outcome: "selesai" });
  q.open("loket-3", (at += 1_000));
  const aheadSent = (ticketId: string) => sent.filter((s) => s.ticketId === ticketId && s.message.kind === "ahead");
  const ahead = (ticketId: string) => peopleAhead(q.state, ticketId, at);
  return { q, issue, subscribe, call, complete, run, sent, aheadSent, ahead };
}

describe("NotifyWatcher: told at N ahead", () => {
  it("tells a ticket that started 200 back exactly when 3 are ahead, once, and others far behind not at all", () => {
    const o = office();
    const ids = Array.from({ length: 400 }, () => o.issue());
    const mine = ids[200]!;
    o.subscribe(mine, 3);
    for (const far of ids.slice(300, 400)) o.subscribe(far, 5);
    let calls = 0;
    while (o.aheadSent(mine).length === 0 && calls < 400) {
      o.call();
      o.complete();
      calls++;
    }
    expect(o.ahead(mine)).toBe(3);
    expect(calls).toBe(197);
    expect(o.aheadSent(mine)[0]!.message.title).toBe(`Antrean ${o.q.ticket(mine).number}: 3 orang lagi sebelum Anda`);
    o.call();
    o.complete();
    expect(o.aheadSent(mine)).toHaveLength(1);
    expect(o.sent.filter((s) => s.ticketId !== mine)).toEqual([]);
  });

  it("counts priority tickets ahead of a regular one, and tells a priority ticket by its own lane", () => {
    const o = office();
    const regular = Array.from({ length: 10 }, () => o.issue());
    const priority = Array.from({ length: 6 }, () => o.issue(true));
    const mine = regular[6]!;
    o.subscribe(mine, 3);
    o.subscribe(priority[5]!, 1);
    // All six priority tickets count ahead of a regular one.
    expect(o.ahead(mine)).toBe(12);
    const seen: { ahead: number | null; told: number }[] = [];
    for (let i = 0; i < 16 && o.q.ticket(mine).status === "waiting"; i++) {
      o.call();
      o.complete();
      seen.push({ ahead: o.ahead(mine), told: o.aheadSent(mine).length });
    }
    // Told at the first call that left it 3 or fewer ahead, and only then.
    const first = seen.findIndex((s) => s.ahead !== null && s.ahead <= 3);
    expect(first).toBeGreaterThan(0);
    expect(seen.slice(0, first).every((s) => s.told === 0)).toBe(true);
    expect(seen.slice(first).every((s) => s.told === 1)).toBe(true);
    expect(o.aheadSent(priority[5]!)).toHaveLength(1);
    expect(o.aheadSent(priority[5]!)[0]!.message.title).toMatch(/: 1 orang lagi/);
  });

  it("tells a ticket already close when it subscribes, and never one pushed back by a reinstated no-show", () => {
    const o = office();
    const ids = Array.from({ length: 8 }, () => o.issue());
    o.subscribe(ids[2]!, 5);
    expect(o.aheadSent(ids[2]!)).toHaveLength(1);
    o.subscribe(ids[7]!, 5, 1);
    expect(o.aheadSent(ids[7]!)).toEqual([]);
    // The head misses its call; reinstated, it goes back to the front: ids[7] still has 6 ahead.
    o.call();
    o.run({ type: "recall", counterId: "loket-3" });
    o.run({ type: "recall", counterId: "loket-3" });
    o.run({ type: "markNoShow", counterId: "loket-3" });
    o.run({ type: "reinstate", ticketId: ids[0]! });
    expect(o.ahead(ids[7]!)).toBe(7);
    o.call();
    o.complete();
    expect(o.aheadSent(ids[7]!)).toEqual([]);
    o.call();
    o.complete();
    expect(o.ahead(ids[7]!)).toBe(5);
    expect(o.aheadSent(ids[7]!)).toHaveLength(1);
  });
});
