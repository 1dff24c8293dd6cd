import { describe, expect, it } from "vitest";
import type { PriorityPolicy } from "./office";
import { pickNext } from "./policy";
import { FRIDAY, jakarta, MINUTE, officeRules, TestQueue } from "./testing/fixtures";

const at = (hhmm: string) => jakarta(`${FRIDAY} ${hhmm}`);

/**
 * Izin lanes filled at 08:00–08:15 with alternating tickets: odd numbers
 * regular, even numbers priority (B-001 R, B-002 P, B-003 R, ...).
 */
function bothLanesFull(priority: Partial<PriorityPolicy> = {}, pairs = 8): TestQueue {
  const rules = officeRules();
  const q = new TestQueue(officeRules({ priority: { ...rules.priority, ...priority } }));
  q.open("loket-1", at("07:30"));
  for (let i = 0; i < pairs * 2; i++)
    q.issue("izin", at("08:00") + i * MINUTE, i % 2 === 1 ? "lansia" : null);
  return q;
}

/** Calls and completes `n` tickets at loket-1, one a minute from `from`. */
function callSequence(q: TestQueue, n: number, from = at("08:20"), counterId = "loket-1") {
  const calls: string[] = [];
  for (let i = 0; i < n; i++) {
    const { number, reason } = q.callNext(counterId, from + i * MINUTE);
    calls.push(`${number} ${reason}`);
    q.run({ type: "complete", counterId, outcome: "selesai" }, from + i * MINUTE + 30_000);
  }
  return calls;
}

describe("call-next: priority ratio", () => {
  it("2:1 (default) gives P,P,R,P,P,R,... while both lanes wait", () => {
    const q = bothLanesFull();
    expect(callSequence(q, 9)).toEqual([
      "B-002 priority_turn",
      "B-004 priority_turn",
      "B-001 regular_turn",
      "B-006 priority_turn",
      "B-008 priority_turn",
      "B-003 regular_turn",
      "B-010 priority_turn",
      "B-012 priority_turn",
      "B-005 regular_turn",
    ]);
    expect(callSequence(q, 2, at("08:30"))).toEqual(["B-014 priority_turn", "B-016 priority_turn"]);
    // The priority lane is empty now: the regular lane drains in order.
    expect(callSequence(q, 2, at("08:35"))).toEqual(["B-007 only_lane", "B-009 only_lane"]);
  });

  it.each([
    {
      title: "1:1 alternates",
      ratio: { priorityTurns: 1, regularTurns: 1 },
      calls: ["B-002 P", "B-001 R", "B-004 P", "B-003 R", "B-006 P", "B-005 R"],
    },
    {
      title: "3:1 gives P,P,P,R",
      ratio: { priorityTurns: 3, regularTurns: 1 },
      calls: ["B-002 P", "B-004 P", "B-006 P", "B-001 R", "B-008 P", "B-010 P", "B-012 P", "B-003 R"],
    },
    {
      title: "1:2 gives P,R,R",
      ratio: { priorityTurns: 1, regularTurns: 2 },
      calls: ["B-002 P", "B-001 R", "B-003 R", "B-004 P", "B-005 R", "B-007 R"],
    },
  ])("$title", ({ ratio, calls }) => {
    const q = bothLanesFull(ratio);
    // P and R stand for the call reasons priority_turn and regular_turn.
    const expected = calls.map((c) => c.replace(/ P$/, " priority_turn").replace(/ R$/, " regular_turn"));
    expect(callSequence(q, calls.length)).toEqual(expected);
  });

  it("keeps one cycle per counter", () => {
    const q = bothLanesFull();
    q.open("loket-2", at("07:30"));
    const one = q.callNext("loket-1", at("08:15"));
    const two = q.callNext("loket-2", at("08:15"));
    expect([one.number, one.reason, two.number, two.reason]).toEqual([
      "B-002",
      "priority_turn",
      "B-004",
      "priority_turn",
    ]);
    expect(q.state.counters.get("loket-1")?.laneCycle).toBe(1);
    expect(q.state.counters.get("loket-2")?.laneCycle).toBe(1);
  });

  it("calls from a single lane do not move the cycle", () => {
    const q = new TestQueue();
    q.open("loket-1", at("07:30"));
    q.issue("izin", at("08:00"));
    q.issue("izin", at("08:01"));
    expect(callSequence(q, 2)).toEqual(["B-001 only_lane", "B-002 only_lane"]);
    expect(q.state.counters.get("loket-1")?.laneCycle).toBe(0);
  });
});

describe("call-next: service order and scope", () => {
  it("tries services in the counter's order, FIFO within each", () => {
    const q = new TestQueue();
    q.open("loket-1", at("07:30"));
    q.open("loket-2", at("07:30"));
    q.issue("ktp", at("08:00"));
    q.issue("info", at("08:01"));
    q.issue("izin", at("08:02"));
    q.issue("ktp", at("08:03"));
    // loket-2 prefers izin, then info, then ktp.
    expect(callSequence(q, 3, at("08:10"), "loket-2")).toEqual([
      "B-001 only_lane",
      "C-001 only_lane",
      "A-001 only_lane",
    ]);
    // loket-1 prefers ktp.
    expect(callSequence(q, 1, at("08:20"), "loket-1")).toEqual(["A-002 only_lane"]);
  });

  it("a counter never gets tickets of a service it does not serve", () => {
    const q = new TestQueue();
    q.open("loket-3", at("07:30"));
    q.issue("ktp", at("08:00"));
    q.issue("izin", at("08:00"), "lansia");
    expect(q.refused({ type: "callNext", counterId: "loket-3", officerId: null }, at("10:00"))).toBe(
      "QUEUE_EMPTY",
    );
    q.issue("info", at("10:01"), "lansia");
    // Even an aged KTP ticket stays where it is.
    expect(q.callNext("loket-3", at("10:02"))).toMatchObject({ number: "C-001", reason: "only_lane" });
    expect(q.lane("ktp", "regular")).toEqual(["A-001"]);
  });

  it("pickNext returns null for an empty queue", () => {
    const q = new TestQueue();
    const counter = officeRules().counters[0]!;
    expect(pickNext(q.state, counter, at("08:00"))).toBeNull();
  });
});

describe("call-next: ageing bound", () => {
  /** A regular izin ticket at 08:00, priority tickets behind it from 08:30. */
  function agedSetup() {
    const q = new TestQueue();
    q.open("loket-1", at("07:30"));
    q.issue("izin", at("08:00")); // B-001 regular
    q.issue("izin", at("08:30"), "lansia"); // B-002
    q.issue("izin", at("08:31"), "lansia"); // B-003
    return q;
  }

  it("is not aged at exactly maxRegularWaitMinutes", () => {
    const q = agedSetup();
    expect(q.callNext("loket-1", at("08:45"))).toMatchObject({ number: "B-002", reason: "priority_turn" });
  });

  it("calls a regular ticket waiting longer than maxRegularWaitMinutes before priority ones", () => {
    const q = agedSetup();
    q.issue("izin", at("08:44")); // B-004 regular, not aged
    expect(q.callNext("loket-1", at("08:45") + 1)).toMatchObject({ number: "B-001", reason: "aged" });
    q.run({ type: "complete", counterId: "loket-1", outcome: "selesai" }, at("08:50"));
    expect(q.callNext("loket-1", at("08:51"))).toMatchObject({ number: "B-002", reason: "priority_turn" });
  });

  it("picks the oldest aged regular ticket across the counter's services", () => {
    const q = new TestQueue();
    q.open("loket-1", at("07:30"));
    q.issue("ktp", at("08:10")); // A-001, first in loket-1's order but younger
    q.issue("izin", at("08:00")); // B-001
    q.issue("izin", at("08:30"), "lansia");
    expect(q.callNext("loket-1", at("09:00"))).toMatchObject({ number: "B-001", reason: "aged" });
  });

  it("an aged call on a regular turn is that regular turn", () => {
    // 2:1 with both lanes full, the regular head ages while the two priority
    // turns are served: the third call is the aged regular one, and priority
    // gets its next two turns before another regular ticket.
    const q = new TestQueue();
    q.open("loket-1", at("07:30"));
    q.issue("izin", at("08:00")); // B-001 R
    q.issue("izin", at("08:40")); // B-002 R
    for (let i = 0; i < 4; i++) q.issue("izin", at("08:40") + (i + 1) * 1000, "lansia"); // B-003..B-006 P
    // Calls at 08:44, 08:45, 08:46: B-001 has waited 46 minutes at the third.
    expect(callSequence(q, 6, at("08:44"))).toEqual([
      "B-003 priority_turn",
      "B-004 priority_turn",
      "B-001 aged",
      "B-005 priority_turn",
      "B-006 priority_turn",
      "B-002 only_lane",
    ]);
  });

  it("finds an aged ticket behind a reinstated one at the head of the lane", () => {
    const q = new TestQueue();
    q.open("loket-1", at("07:30"));
    q.issue("izin", at("08:00")); // B-001, will be a no-show
    q.issue("izin", at("08:01")); // B-002
    q.callNext("loket-1", at("08:02"));
    q.run({ type: "recall", counterId: "loket-1" }, at("08:03"));
    q.run({ type: "recall", counterId: "loket-1" }, at("08:04"));
    q.run({ type: "markNoShow", counterId: "loket-1" }, at("08:05"));
    q.issue("izin", at("08:30"), "lansia"); // B-003
    q.run({ type: "reinstate", ticketId: "t1" }, at("08:34"));
    expect(q.lane("izin", "regular")).toEqual(["B-001", "B-002"]);
    // B-002 has waited 46 minutes; B-001's new segment only 12.
    expect(q.callNext("loket-1", at("08:47"))).toMatchObject({ number: "B-002", reason: "aged" });
  });

  it("does not apply when no priority ticket waits", () => {
    const q = new TestQueue();
    q.open("loket-1", at("07:30"));
    q.issue("izin", at("08:00"));
    expect(q.callNext("loket-1", at("11:00"))).toMatchObject({ number: "B-001", reason: "only_lane" });
  });
});
