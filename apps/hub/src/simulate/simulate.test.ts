import { createHash } from "node:crypto";
import { toOfficeRules } from "@layan/config";
import type { Store } from "@layan/store";
import { describe, expect, it } from "vitest";
import { sampleOffice } from "../testing/harness";
import { simulateOffice, type SimulateOptions } from "./simulate";

/**
 * What the simulator hands the store, in order, as one string: the events
 * batch by batch and the officers it creates. The reports, the dashboard
 * screenshots and the benchmarks rely on a seed always giving the same office.
 */
function recordRun(options: Omit<SimulateOptions, "rules" | "store">): { digest: string; result: unknown; counters: Set<string> } {
  const writes: string[] = [];
  const counters = new Set<string>();
  const store = {
    append: (entries: readonly { events: { counterId?: string }[] }[]) => {
      for (const e of entries) for (const event of e.events) if (event.counterId) counters.add(event.counterId);
      writes.push(JSON.stringify(entries));
      return { seqs: [], lastSeq: 0 };
    },
    addUser: (user: unknown) => {
      writes.push(JSON.stringify(user));
    },
  } as unknown as Store;
  const result = simulateOffice({ ...options, rules: toOfficeRules(sampleOffice()), store });
  const digest = createHash("sha256").update(writes.join("\n")).digest("hex");
  return { digest, result, counters };
}

describe("simulateOffice is deterministic for a seed", () => {
  it("a fortnight of the sample office (Fridays, weekends) gives the recorded events", () => {
    const { digest, result } = recordRun({
      startDay: "2026-11-02",
      days: 14,
      ticketsPerDay: 300,
      seed: 20261127,
      kioskIds: ["kiosk-1", "kiosk-2"],
    });
    expect(result).toEqual({
      days: 14,
      openDays: 10,
      tickets: 2909,
      events: 17505,
      served: 2264,
      noShows: 263,
      reinstated: 57,
      transfers: 39,
      cancelled: 439,
      refusedQuota: 0,
      refusedClosed: 59,
      desks: 12,
      officers: 24,
      firstDay: "2026-11-02",
      lastDay: "2026-11-15",
    });
    expect(digest).toBe("ffe92701e0a5ba25442e686a8810e869a52442ef8e197bb70adfc3a4c6939e80");
  });

  it("a busy office (more demand than its counters serve, small store batches) gives the recorded events", () => {
    const { digest, result, counters } = recordRun({
      startDay: "2026-12-30",
      days: 3,
      ticketsPerDay: 2500,
      seed: 7,
      batchEvents: 500,
    });
    expect(result).toEqual({
      days: 3,
      openDays: 2,
      tickets: 3352,
      events: 10108,
      served: 613,
      noShows: 119,
      reinstated: 18,
      transfers: 14,
      cancelled: 2638,
      refusedQuota: 924,
      refusedClosed: 72,
      desks: 12,
      officers: 24,
      firstDay: "2026-12-30",
      lastDay: "2027-01-01",
    });
    // 1 January 2027 (Tahun Baru) is one of the sample office's closedDates: two open days of three.
    // The office simulated is the configured one: no counter it does not have,
    // however long the queue; the demand it cannot serve waits, is refused by
    // the quota or goes home at closing.
    const configured = new Set(sampleOffice().counters.map((c) => c.id));
    expect([...counters].filter((id) => !configured.has(id))).toEqual([]);
    expect(counters.size).toBe(configured.size);
    expect(digest).toBe("53f0083da4ac4c8201115f2d95aa33808ca1f7f6e35e71bcd17c770da8318f92");
  });
});
