import { createHash } from "node:crypto";
import { toOfficeRules } from "@layan/config";
import type { Store } from "@layan/store";
import { describe, expect, it } from "vitest";
import { sampleOffice } from "../testing/harness";
import { feedbackSetupOf, simulateOffice, type SimulateOptions } from "./simulate";

/**
 * What the simulator hands the store, in order, as one string: the events
 * batch by batch and the officers it creates. The reports, the dashboard
 * screenshots and the benchmarks rely on a seed always giving the same office.
 */
function recordRun(options: Omit<SimulateOptions, "rules" | "store" | "feedback">): { digest: string; result: unknown; counters: Set<string> } {
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
  const result = simulateOffice({ ...options, rules: toOfficeRules(sampleOffice()), store, feedback: feedbackSetupOf(sampleOffice()) });
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
      // The queue's figures are those of before the feedback model: it draws from its own stream.
      // 285 more events: 275 survey answers, 3 complaints and their handling.
      events: 17790,
      served: 2264,
      noShows: 263,
      reinstated: 57,
      transfers: 39,
      cancelled: 439,
      refusedQuota: 0,
      refusedClosed: 59,
      surveys: 275,
      complaints: 3,
      desks: 12,
      officers: 24,
      firstDay: "2026-11-02",
      lastDay: "2026-11-15",
    });
    // Recorded again when the simulator gained survey answers and complaints
    // (feedback.ts): the queue's events are unchanged (same totals), the
    // feedback events, the complaint staff users and the profiles are new.
    expect(digest).toBe("9a910bea1867065917427c167bcc02d8fd5b52b14e707ccc3b00964d43d74461");
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
      // 74 more events than before feedback: 62 survey answers, 8 complaints, 4 staff actions.
      events: 10182,
      served: 613,
      noShows: 119,
      reinstated: 18,
      transfers: 14,
      cancelled: 2638,
      refusedQuota: 924,
      refusedClosed: 72,
      surveys: 62,
      complaints: 8,
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
    // Recorded again with survey answers and complaints, as above.
    expect(digest).toBe("2583fbb97946b30a7c7ef7132e3268107d43e80a31db57812df28f90529feed9");
  });
});

describe("an office's performance (the demo regency's offices differ by it)", () => {
  const base = { startDay: "2026-11-02", days: 5, ticketsPerDay: 300, seed: 20261127 } as const;

  it("the default performance is the sample office as recorded", () => {
    expect(recordRun({ ...base, performance: { serviceTimeFactor: 1, absence: 0.06 } }).digest).toBe(recordRun(base).digest);
  });

  it("slower desks and absent officers serve fewer citizens from the same arrivals, the same way for a seed", () => {
    const calm = recordRun(base).result as { served: number; tickets: number };
    const slowRun = recordRun({ ...base, performance: { serviceTimeFactor: 1.6, absence: 0.3 } });
    const slow = slowRun.result as { served: number; tickets: number };
    expect(slow.served).toBeLessThan(calm.served * 0.9);
    expect(recordRun({ ...base, performance: { serviceTimeFactor: 1.6, absence: 0.3 } }).digest).toBe(slowRun.digest);
  });
});
