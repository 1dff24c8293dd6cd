import type { QueueEvent } from "@layan/core";
import { CanonicalBatch, canonicalJson, IngestBatch, MAX_BATCH_EVENTS } from "@layan/protocol";
import { describe, expect, it } from "vitest";
import { backoffDelay, buildBatch, shippedHash, type LoggedEvent } from "./batching";

const T0 = Date.parse("2026-11-18T09:30:00+07:00");

function log(n: number, from = 1, pad = 0): LoggedEvent[] {
  return Array.from({ length: n }, (_, i) => ({
    seq: from + i,
    event: { type: "ticket.cancelled", at: T0 + i, ticketId: `t${from + i}${"x".repeat(pad)}`, reason: "citizen_left" },
  }));
}

describe("buildBatch", () => {
  it("takes at most MAX_BATCH_EVENTS, consecutive from the page's first seq, in a body the server's schema accepts", () => {
    const built = buildBatch(log(800, 41), 2, "a".repeat(64))!;
    expect(built.batch.events).toHaveLength(MAX_BATCH_EVENTS);
    expect([built.batch.firstSeq, built.batch.lastSeq]).toEqual([41, 41 + MAX_BATCH_EVENTS - 1]);
    const parsed = CanonicalBatch.parse(JSON.parse(built.body));
    expect(parsed).toMatchObject({ format: 2, stream: 2, firstSeq: 41, lastSeq: 41 + MAX_BATCH_EVENTS - 1, prevHash: "a".repeat(64) });
    // Each text is the event's canonical JSON, each hash the one the hub checks central's copy against.
    parsed.events.forEach((e, i) => {
      const logged = { seq: e.seq, event: built.batch.events[i]!.event as QueueEvent };
      expect(e.text).toBe(canonicalJson(logged.event));
      expect(e.hash).toBe(shippedHash(logged));
    });
    expect(built.lastHash).toBe(parsed.events.at(-1)!.hash);
  });

  it("builds the first format when asked (for a central server of an earlier release)", () => {
    const built = buildBatch(log(20, 41), 2, "a".repeat(64), { format: 1 })!;
    expect(IngestBatch.parse(JSON.parse(built.body))).toEqual(built.batch);
    expect(built.lastHash).toBe(shippedHash({ seq: 60, event: built.batch.events.at(-1)!.event as QueueEvent }));
  });

  it("stops before the byte budget, but sends an event larger than the budget alone", () => {
    const built = buildBatch(log(100, 1, 1_000), 1, null, { maxBytes: 10_000 })!;
    expect(Buffer.byteLength(built.body)).toBeLessThanOrEqual(10_000);
    expect(built.batch.events.length).toBeGreaterThan(1);
    const alone = buildBatch(log(3, 1, 20_000), 1, null, { maxBytes: 10_000 })!;
    expect(alone.batch.events).toHaveLength(1);
  });

  it("is null for an empty page", () => {
    expect(buildBatch([], 1, null)).toBeNull();
  });

  it("ships complaints and survey answers without their free text, and hashes what it ships", () => {
    const complaint: LoggedEvent = {
      seq: 7,
      event: { type: "complaint.filed", at: T0, complaintId: "c1", code: "P-1", filedDay: "2026-11-18", channel: "kiosk", category: "layanan", serviceId: null, text: "Saya Budi, NIK 3201...", targetWorkingDays: 5, dueAt: T0 + 1 },
    };
    const built = buildBatch([complaint], 1, null)!;
    expect(built.body).not.toContain("Budi");
    expect(built.batch.events[0]!.event).toMatchObject({ text: null, withheld: ["text"], category: "layanan" });
    const edited = { ...complaint, event: { ...complaint.event, text: "lain" } as QueueEvent };
    // The text is not shipped, so it is not in the hash either: central cannot tell, and need not.
    expect(shippedHash(edited)).toBe(shippedHash(complaint));
    expect(shippedHash({ ...complaint, seq: 8 })).not.toBe(shippedHash(complaint));
  });
});

describe("backoffDelay", () => {
  it("doubles its ceiling from 1 s up to 5 minutes, jittered below it, never under half a second", () => {
    expect([1, 2, 3, 4].map((a) => backoffDelay(a, () => 1))).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(backoffDelay(40, () => 1)).toBe(300_000);
    expect(backoffDelay(12, () => 0.25)).toBe(75_000);
    expect(backoffDelay(1, () => 0)).toBe(500);
  });
});
