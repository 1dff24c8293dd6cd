import { describe, expect, it } from "vitest";
import { estimateForTicket, estimateWait, MIN_SAMPLES, percentile } from "./estimate";
import { FRIDAY, jakarta, MINUTE, officeRules, TestQueue } from "./testing/fixtures";
import type { PriorityReason } from "./ticket";

const at = (hhmm: string) => jakarta(`${FRIDAY} ${hhmm}`);

/** Izin (SOP service target 20 min): B-001..B-003 regular, B-004..B-005 priority waiting. */
function izinQueue(rules = officeRules()) {
  const q = new TestQueue(rules);
  q.issue("izin", at("08:00"));
  q.issue("izin", at("08:01"));
  q.issue("izin", at("08:02"));
  q.issue("izin", at("08:03"), "lansia");
  q.issue("izin", at("08:04"), "disabilitas");
  return q;
}

/** The same queue with loket-1 (which serves izin) opened at 07:30. */
function openIzinQueue(rules = officeRules()) {
  const q = izinQueue(rules);
  q.open("loket-1", at("07:30"));
  return q;
}

/** The estimate for a new ticket of a service at a local time on Friday. */
const estimateAt = (q: TestQueue, hhmm: string, serviceId = "izin", priority: PriorityReason | null = null) =>
  estimateWait(q.state, serviceId, priority, at(hhmm));

describe("percentile (nearest rank)", () => {
  it("picks the smallest value with at least p % at or below it", () => {
    const ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentile(ten, 50)).toBe(5);
    expect(percentile(ten, 90)).toBe(9);
    expect(percentile(ten, 91)).toBe(10);
    expect(percentile(ten, 100)).toBe(10);
    expect(percentile(ten, 0)).toBe(1);
    expect(percentile([42], 90)).toBe(42);
    expect(percentile([], 50)).toBe(0);
  });

  it("does not round the rank up through floating-point error", () => {
    // 0.28 * 25 is 7.000000000000001 in floating point; the rank is exactly 7.
    const xs = Array.from({ length: 25 }, (_, i) => i + 1);
    expect(percentile(xs, 28)).toBe(7);
    expect(
      percentile(
        Array.from({ length: 50 }, (_, i) => i + 1),
        14,
      ),
    ).toBe(7);
  });
});

describe("estimateWait", () => {
  it("is null with no open counter, but still counts people ahead", () => {
    const q = izinQueue();
    expect(estimateAt(q, "08:05")).toEqual({
      peopleAhead: 5,
      openCounters: 0,
      p50Minutes: null,
      p90Minutes: null,
      basis: "sop_target",
      sampleCount: 0,
    });
  });

  it("uses the SOP target (p50 = 75 %, p90 = 100 %) with fewer than MIN_SAMPLES samples", () => {
    expect(MIN_SAMPLES).toBe(5);
    const q = openIzinQueue();
    // Regular: 5 ahead x 15 min / 1 counter = 75; x 20 min = 100.
    expect(estimateAt(q, "08:05")).toEqual({
      peopleAhead: 5,
      openCounters: 1,
      p50Minutes: 75,
      p90Minutes: 100,
      basis: "sop_target",
      sampleCount: 0,
    });
    // Priority: only the 2 priority tickets are ahead.
    expect(estimateAt(q, "08:05", "izin", "lansia")).toMatchObject({
      peopleAhead: 2,
      p50Minutes: 30,
      p90Minutes: 40,
    });
  });

  it("counts open counters serving the service only, and half a service for each busy one", () => {
    const q = izinQueue();
    q.issue("izin", at("08:05")); // B-006
    q.open("loket-1", at("07:30"));
    q.open("loket-2", at("07:30"));
    q.open("loket-3", at("07:30")); // does not serve izin
    q.callNext("loket-2", at("08:06")); // B-004 (priority): loket-2 busy, 5 still waiting (3 regular, 1 priority... )
    expect(q.lane("izin", "priority")).toEqual(["B-005"]);
    expect(q.lane("izin", "regular")).toEqual(["B-001", "B-002", "B-003", "B-006"]);
    // (5 ahead + 0.5 busy) x 15 min / 2 counters = 41.25 -> 41; x 20 / 2 = 55.
    expect(estimateAt(q, "08:07")).toMatchObject({
      peopleAhead: 5,
      openCounters: 2,
      p50Minutes: 41,
      p90Minutes: 55,
    });

    // A paused counter does not count.
    q.run({ type: "pauseCounter", counterId: "loket-1" }, at("08:08"));
    // (5 + 0.5) x 15 / 1 = 82.5 -> 83 (rounded half up); x 20 = 110.
    expect(estimateAt(q, "08:09")).toMatchObject({
      openCounters: 1,
      p50Minutes: 83,
      p90Minutes: 110,
    });
  });

  it("is zero with nobody ahead and idle counters", () => {
    const q = new TestQueue();
    q.open("loket-3", at("07:30"));
    expect(estimateAt(q, "08:00", "info")).toMatchObject({
      peopleAhead: 0,
      openCounters: 1,
      p50Minutes: 0,
      p90Minutes: 0,
    });
  });

  it("uses p50/p90 of recent service times once there are enough", () => {
    const q = openIzinQueue();
    // Service times in minutes: sorted 2,3,4,5,7,9,12 (n = 7).
    // Nearest rank: p50 -> ceil(3.5) = 4th = 5 min; p90 -> ceil(6.3) = 7th = 12 min.
    q.state.samples.set(
      "izin",
      [4, 9, 2, 7, 12, 5, 3].map((m, i) => ({ at: at("07:00") + i * MINUTE, ms: m * MINUTE })),
    );
    expect(estimateAt(q, "08:05")).toEqual({
      peopleAhead: 5,
      openCounters: 1,
      p50Minutes: 25,
      p90Minutes: 60,
      basis: "recent",
      sampleCount: 7,
    });
  });

  it("keeps only the last sampleSize samples within maxAgeMinutes", () => {
    const rules = officeRules();
    const q = openIzinQueue({ ...rules, estimate: { sampleSize: 6, maxAgeMinutes: 60 } });
    q.state.samples.set("izin", [
      { at: at("07:04"), ms: 100 * MINUTE }, // older than 60 minutes at 08:05
      { at: at("07:05"), ms: 50 * MINUTE }, // in the window, but not among the last 6
      ...[1, 2, 3, 4, 5, 6].map((m) => ({ at: at("07:10") + m * MINUTE, ms: m * MINUTE })),
    ]);
    // Samples 1..6: p50 -> 3rd = 3 min, p90 -> ceil(5.4) = 6th = 6 min.
    expect(estimateAt(q, "08:05")).toMatchObject({
      basis: "recent",
      sampleCount: 6,
      p50Minutes: 15,
      p90Minutes: 30,
    });
    // At 08:15 only samples from 07:15 on are left: 5,6 plus nothing older -> fewer than 5.
    expect(estimateAt(q, "08:15")).toMatchObject({
      basis: "sop_target",
      sampleCount: 2,
      p50Minutes: 75,
    });
  });

  it("falls back with exactly four samples and switches at five", () => {
    const q = openIzinQueue();
    const samples = [1, 1, 1, 1].map((m, i) => ({ at: at("07:30") + i, ms: m * MINUTE }));
    q.state.samples.set("izin", samples);
    expect(estimateAt(q, "08:05")).toMatchObject({
      basis: "sop_target",
      sampleCount: 4,
      p50Minutes: 75,
    });
    samples.push({ at: at("07:40"), ms: MINUTE });
    expect(estimateAt(q, "08:05")).toMatchObject({
      basis: "recent",
      sampleCount: 5,
      p50Minutes: 5,
      p90Minutes: 5,
    });
  });

  it("learns from completed tickets", () => {
    const q = new TestQueue();
    q.open("loket-3", at("07:00"));
    // Five info tickets served in 2, 4, 6, 8 and 10 minutes.
    for (let i = 0; i < 5; i++) {
      const start = at("07:00") + i * 20 * MINUTE;
      q.issue("info", start);
      q.callNext("loket-3", start + MINUTE);
      q.run({ type: "startService", counterId: "loket-3" }, start + MINUTE);
      q.run(
        { type: "complete", counterId: "loket-3", outcome: "selesai" },
        start + MINUTE + (i + 1) * 2 * MINUTE,
      );
    }
    q.issue("info", at("09:00"));
    q.issue("info", at("09:00"));
    // For a new regular ticket: 2 ahead; p50 = 3rd of 2,4,6,8,10 = 6 -> 12; p90 = 5th = 10 -> 20.
    expect(estimateAt(q, "09:01", "info")).toEqual({
      peopleAhead: 2,
      openCounters: 1,
      p50Minutes: 12,
      p90Minutes: 20,
      basis: "recent",
      sampleCount: 5,
    });
  });
});

describe("estimateForTicket", () => {
  it("counts the tickets called before a waiting ticket, priority lane first", () => {
    const q = new TestQueue();
    const t0 = jakarta("2026-11-27 08:00");
    q.open("loket-1", t0);
    const first = q.issue("izin", t0);
    const second = q.issue("izin", t0);
    const elder = q.issue("izin", t0, "lansia");
    expect(estimateForTicket(q.state, first.id, t0)?.peopleAhead).toBe(1);
    expect(estimateForTicket(q.state, second.id, t0)?.peopleAhead).toBe(2);
    expect(estimateForTicket(q.state, elder.id, t0)?.peopleAhead).toBe(0);
    q.callNext("loket-1", t0);
    expect(estimateForTicket(q.state, elder.id, t0)).toBeNull();
    expect(estimateForTicket(q.state, second.id, t0)?.peopleAhead).toBe(1);
    expect(estimateForTicket(q.state, "nope", t0)).toBeNull();
  });
});
