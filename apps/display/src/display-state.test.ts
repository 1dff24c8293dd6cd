import type { CallView, CounterView, DisplayPush, DisplaySnapshot } from "@layan/protocol";
import { describe, expect, it } from "vitest";
import {
  applyMissed,
  applyPush,
  applySnapshot,
  currentCall,
  CALL_HOLDS_MS,
  LAST_CALLS_KEPT,
  maklumatTurn,
  ROTATION_SLIDE_MS,
  todaysCalls,
} from "./display-state";

const call = (seq: number, number: string, counterId = "loket-1", recalls = 0): CallView => ({
  seq,
  at: seq * 1000,
  number,
  serviceId: "ktp-el",
  counterId,
  counterName: `Loket ${counterId.slice(6)}`,
  counterNumber: Number(counterId.slice(6)),
  recalls,
  priority: false,
});

const counter = (id: string, current: string | null = null): CounterView => ({
  id,
  name: `Loket ${id.slice(6)}`,
  number: Number(id.slice(6)),
  status: "open",
  officerName: "Rina",
  current: current ? { number: current, serviceId: "ktp-el", status: "called" } : null,
});

/** The push a counter's change makes, at hub sequence `seq`. */
const counterUpdated = (id: string, current: string | null, seq: number): DisplayPush => ({
  name: "counter:updated",
  payload: { ...counter(id, current), seq },
});

const snapshot = (over: Partial<DisplaySnapshot> = {}): DisplaySnapshot => ({
  seq: 10,
  serverTime: 5_000,
  counters: [counter("loket-1"), counter("loket-2")],
  lastCalls: [call(9, "A-002"), call(7, "A-001", "loket-2")],
  waiting: [
    { serviceId: "ktp-el", waiting: 3, longestWaitMs: 60_000 },
    { serviceId: "kia", waiting: 0, longestWaitMs: null },
  ],
  ...over,
});

describe("display state", () => {
  it("takes a snapshot as the whole screen, with the hub's clock offset", () => {
    const s = applySnapshot(snapshot(), 4_000);
    expect(s.seq).toBe(10);
    expect(currentCall(s)?.number).toBe("A-002");
    expect(s.clockOffsetMs).toBe(1_000);
  });

  it("makes a live call current and reports it as news", () => {
    const s0 = applySnapshot(snapshot(), 0);
    const { state, newCall } = applyPush(s0, {
      name: "ticket:called",
      payload: call(11, "A-003", "loket-2"),
    });
    expect(newCall?.number).toBe("A-003");
    expect(currentCall(state)?.number).toBe("A-003");
    expect(state.seq).toBe(11);
  });

  it("drops pushes older than the snapshot: never a stale call as current", () => {
    const s0 = applySnapshot(snapshot(), 0);
    const late = applyPush(s0, { name: "ticket:called", payload: call(8, "A-099") });
    expect(late.newCall).toBeNull();
    expect(currentCall(late.state)?.number).toBe("A-002");
    const lateCounter = applyPush(s0, counterUpdated("loket-1", "A-000", 9));
    expect(lateCounter.state.counters[0]?.current).toBeNull();
  });

  it("ignores a duplicate delivery of the same call", () => {
    const s1 = applyPush(applySnapshot(snapshot(), 0), {
      name: "ticket:called",
      payload: call(11, "A-003"),
    }).state;
    const again = applyPush(s1, { name: "ticket:called", payload: call(11, "A-003") });
    expect(again.newCall).toBeNull();
    expect(again.state.lastCalls.filter((c) => c.number === "A-003")).toHaveLength(1);
  });

  it("moves a recalled ticket back to the top, once, and announces it again", () => {
    const s1 = applyPush(applySnapshot(snapshot(), 0), {
      name: "ticket:called",
      payload: call(11, "A-003"),
    }).state;
    const s2 = applyPush(s1, { name: "ticket:called", payload: call(12, "A-004", "loket-2") }).state;
    const r = applyPush(s2, { name: "ticket:recalled", payload: call(13, "A-003", "loket-1", 1) });
    expect(r.newCall?.recalls).toBe(1);
    expect(r.state.lastCalls.map((c) => c.number)).toEqual(["A-003", "A-004", "A-002", "A-001"]);
  });

  it("shows a call on its counter's tile at once, without waiting for the tile's own update", () => {
    const s0 = applySnapshot(snapshot(), 0);
    const called = applyPush(s0, { name: "ticket:called", payload: call(11, "A-003", "loket-2") }).state;
    expect(called.counters.map((c) => c.current?.number ?? null)).toEqual([null, "A-003"]);
    expect(called.counters[1]?.current).toEqual({ number: "A-003", serviceId: "ktp-el", status: "called" });
    // The tile's own update, sent with the next queue push, then carries on from there.
    const completed = applyPush(called, counterUpdated("loket-2", null, 13)).state;
    expect(completed.counters[1]?.current).toBeNull();
    // A call older than what the tile already shows does not put an old number back.
    const late = applyPush(completed, { name: "ticket:called", payload: call(12, "A-005", "loket-2") }).state;
    expect(late.counters[1]?.current).toBeNull();
  });

  it("applies counter updates that share a seq (one commit, several counters)", () => {
    const s0 = applySnapshot(snapshot(), 0);
    const a = applyPush(s0, counterUpdated("loket-1", "A-003", 11)).state;
    const b = applyPush(a, counterUpdated("loket-2", "A-004", 11)).state;
    expect(b.counters.map((c) => c.current?.number)).toEqual(["A-003", "A-004"]);
    const old = applyPush(b, counterUpdated("loket-1", null, 10)).state;
    expect(old.counters[0]?.current?.number).toBe("A-003");
  });

  it("ignores counters outside its group and waiting counts of services it does not show", () => {
    const s0 = applySnapshot(snapshot(), 0);
    const s1 = applyPush(s0, counterUpdated("loket-7", "H-001", 11)).state;
    expect(s1.counters.map((c) => c.id)).toEqual(["loket-1", "loket-2"]);
    const s2 = applyPush(s1, {
      name: "queue:changed",
      payload: {
        seq: 12,
        waiting: [
          { serviceId: "ktp-el", waiting: 5, longestWaitMs: 1 },
          { serviceId: "stnk-tahunan", waiting: 9, longestWaitMs: 1 },
        ],
      },
    }).state;
    expect(s2.waiting).toEqual([
      { serviceId: "ktp-el", waiting: 5, longestWaitMs: 1 },
      { serviceId: "kia", waiting: 0, longestWaitMs: null },
    ]);
  });

  it("keeps a bounded list of last calls", () => {
    let s = applySnapshot(snapshot(), 0);
    for (let i = 0; i < 50; i++)
      s = applyPush(s, { name: "ticket:called", payload: call(11 + i, `A-${100 + i}`) }).state;
    expect(s.lastCalls).toHaveLength(LAST_CALLS_KEPT);
    expect(currentCall(s)?.number).toBe("A-149");
  });

  it("catches up on missed events without treating them as news, and moves its base forward", () => {
    const s0 = applySnapshot(snapshot(), 0);
    const s1 = applyMissed(
      s0,
      [
        { name: "ticket:called", payload: call(11, "A-003") },
        { name: "ticket:recalled", payload: call(12, "A-003", "loket-1", 1) },
        counterUpdated("loket-1", "A-003", 14),
        {
          name: "queue:changed",
          payload: { seq: 14, waiting: [{ serviceId: "ktp-el", waiting: 2, longestWaitMs: 5 }] },
        },
      ],
      14,
    );
    expect(currentCall(s1)?.number).toBe("A-003");
    expect(s1.seq).toBe(14);
    expect(s1.baseSeq).toBe(14);
    expect(applyPush(s1, { name: "ticket:called", payload: call(13, "A-050") }).newCall).toBeNull();
  });

  it("shows only today's calls (office time): yesterday's last number is not current in the morning", () => {
    // 2026-11-27 16:59 WIB and 2026-11-28 07:30 WIB.
    const yesterday = { ...call(1, "A-045"), at: Date.UTC(2026, 10, 27, 9, 59) };
    const today = { ...call(2, "A-001"), at: Date.UTC(2026, 10, 28, 0, 30) };
    const morning = Date.UTC(2026, 10, 28, 0, 5); // 07:05 WIB
    expect(todaysCalls([yesterday], morning, "Asia/Jakarta")).toEqual([]);
    expect(
      todaysCalls([today, yesterday], Date.UTC(2026, 10, 28, 1, 0), "Asia/Jakarta").map((c) => c.number),
    ).toEqual(["A-001"]);
    // 23:30 UTC on the 27th is already the 28th in Jakarta.
    expect(
      todaysCalls([{ ...call(3, "B-001"), at: Date.UTC(2026, 10, 27, 23, 30) }], morning, "Asia/Jakarta"),
    ).toHaveLength(1);
  });
});

describe("the maklumat's turn on the big panel", () => {
  // Odd slides are the maklumat's, even ones the call's.
  const maklumatSlide = 101 * ROTATION_SLIDE_MS + 1;
  const callSlide = 100 * ROTATION_SLIDE_MS + 1;
  it("takes turns with the call once the room is quiet", () => {
    expect(maklumatTurn(maklumatSlide, null, false)).toBe(true);
    expect(maklumatTurn(callSlide, null, false)).toBe(false);
    const old = { ...call(1, "A-001"), at: maklumatSlide - CALL_HOLDS_MS - 1 };
    expect(maklumatTurn(maklumatSlide, old, false)).toBe(true);
  });
  it("never hides a fresh or flashing call", () => {
    const now = maklumatSlide;
    expect(maklumatTurn(now, { ...call(2, "A-002"), at: now - 1_000 }, false)).toBe(false);
    expect(maklumatTurn(now, { ...call(2, "A-002"), at: now - CALL_HOLDS_MS - 1 }, true)).toBe(false);
  });
});
