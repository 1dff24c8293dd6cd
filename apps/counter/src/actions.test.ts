import type { CounterSnapshot, TicketInHand } from "@layan/protocol";
import { describe, expect, it } from "vitest";
import { ACTIONS, availability, RepeatGuard, TRANSFER_KEYS } from "./actions";

const ticket = (over: Partial<TicketInHand> = {}): TicketInHand => ({
  ticketId: "t1",
  number: "A-001",
  serviceId: "ktp-el",
  priority: null,
  status: "called",
  issuedAt: 0,
  enqueuedAt: 0,
  calledAt: 10,
  startedAt: null,
  recalls: 0,
  stepsDone: [],
  transferredFrom: [],
  ...over,
});

const snap = (status: "open" | "paused" | "closed", current: TicketInHand | null): CounterSnapshot => ({
  seq: 1,
  serverTime: 0,
  counter: { id: "loket-1", name: "Loket 1", number: 1, status, officerName: "Rina", current: null },
  current,
  queues: [],
  reinstatable: [],
  recallsBeforeNoShow: 2,
});

const enabled = (s: CounterSnapshot) =>
  Object.entries(availability(s))
    .filter(([, a]) => a.enabled)
    .map(([id]) => id)
    .sort();

describe("availability", () => {
  it("idle and open: call, pause, close", () => {
    expect(enabled(snap("open", null))).toEqual(["callNext", "close", "pause"]);
  });

  it("a called ticket: recall, start, complete, transfer; no-show only after the recalls", () => {
    expect(enabled(snap("open", ticket()))).toEqual([
      "complete:berkas_tidak_lengkap",
      "complete:dirujuk",
      "complete:selesai",
      "recall",
      "start",
      "transfer",
    ]);
    expect(availability(snap("open", ticket({ recalls: 1 }))).noShow).toEqual({
      enabled: false,
      reason: "Panggil ulang 1× lagi sebelum menandai tidak hadir.",
    });
    expect(availability(snap("open", ticket({ recalls: 2 }))).noShow.enabled).toBe(true);
  });

  it("serving: complete and transfer only", () => {
    expect(enabled(snap("open", ticket({ status: "serving", startedAt: 20 })))).toEqual([
      "complete:berkas_tidak_lengkap",
      "complete:dirujuk",
      "complete:selesai",
      "transfer",
    ]);
  });

  it("paused: resume or close", () => {
    expect(enabled(snap("paused", null))).toEqual(["close", "resume"]);
  });

  it("gives every action its own key, except pause and resume which share one", () => {
    const keys = ACTIONS.filter((a) => a.id !== "resume").map((a) => a.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(ACTIONS.find((a) => a.id === "resume")?.key).toBe(ACTIONS.find((a) => a.id === "pause")?.key);
  });
});

describe("RepeatGuard", () => {
  it("lets a double click act once", () => {
    const g = new RepeatGuard(700);
    expect(g.accept("callNext", 1000)).toBe(true);
    expect(g.accept("callNext", 1150)).toBe(false);
    expect(g.accept("callNext", 1699)).toBe(false);
    expect(g.accept("callNext", 1850)).toBe(true);
  });

  it("lets the officer retry at once after a refusal", () => {
    const g = new RepeatGuard(700);
    expect(g.accept("callNext", 1000)).toBe(true);
    g.reset();
    expect(g.accept("callNext", 1100)).toBe(true);
  });

  it("does not hold back a different action", () => {
    const g = new RepeatGuard(700);
    expect(g.accept("callNext", 1000)).toBe(true);
    expect(g.accept("start", 1100)).toBe(true);
    expect(g.accept("callNext", 1200)).toBe(true);
  });
});

describe("transfer dialog keys", () => {
  it("never reuse an action's key, so the key that opened the dialog cannot pick a target", () => {
    const actionKeys = new Set(ACTIONS.map((a) => a.key));
    expect(TRANSFER_KEYS.filter((k) => actionKeys.has(k))).toEqual([]);
    expect(TRANSFER_KEYS).not.toContain("A");
    // Every service of the sample office (13) but the current one gets a key.
    expect(TRANSFER_KEYS.length).toBeGreaterThanOrEqual(12);
    expect(new Set(TRANSFER_KEYS).size).toBe(TRANSFER_KEYS.length);
  });
});
