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
function recordRun(options: Omit<SimulateOptions, "rules" | "store">): { digest: string; result: unknown } {
  const writes: string[] = [];
  const store = {
    append: (entries: readonly { events: unknown[] }[]) => {
      writes.push(JSON.stringify(entries));
      return { seqs: [], lastSeq: 0 };
    },
    addUser: (user: unknown) => {
      writes.push(JSON.stringify(user));
    },
  } as unknown as Store;
  const result = simulateOffice({ ...options, rules: toOfficeRules(sampleOffice()), store });
  const digest = createHash("sha256").update(writes.join("\n")).digest("hex");
  return { digest, result };
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
      tickets: 3070,
      events: 21546,
      served: 3026,
      noShows: 43,
      reinstated: 8,
      transfers: 72,
      cancelled: 9,
      refusedQuota: 0,
      refusedClosed: 74,
      desks: 26,
      configuredCounters: 12,
      officers: 39,
      staffing: { disdukcapil: 3, dpmptsp: 2, samsat: 2, "bpjs-kesehatan": 1, dlh: 1, polres: 3 },
      firstDay: "2026-11-02",
      lastDay: "2026-11-15",
    });
    expect(digest).toBe("91052f3da36bac9bf1e471b5c22a7d0793016b11f6a95ce02bdf94d317eeed10");
  });

  it("a busy office (desks repeated, quotas scaled, small store batches) gives the recorded events", () => {
    const { digest, result } = recordRun({
      startDay: "2026-12-30",
      days: 3,
      ticketsPerDay: 2500,
      seed: 7,
      batchEvents: 500,
    });
    expect(result).toEqual({
      days: 3,
      openDays: 3,
      tickets: 6242,
      events: 44341,
      served: 6148,
      noShows: 81,
      reinstated: 11,
      transfers: 131,
      cancelled: 24,
      refusedQuota: 0,
      refusedClosed: 175,
      desks: 158,
      configuredCounters: 12,
      officers: 190,
      staffing: { disdukcapil: 19, dpmptsp: 9, samsat: 12, "bpjs-kesehatan": 7, dlh: 6, polres: 20 },
      firstDay: "2026-12-30",
      lastDay: "2027-01-01",
    });
    expect(digest).toBe("360887c5eac2f603161b9fe13e6fc4bb4e53a92c45cdd2c19c16d53da5f54075");
  });
});
