import { describe, expect, it } from "vitest";
import { decide } from "./decide";
import { createState, replay } from "./state";
import {
  CLOSED_FRIDAY,
  FRIDAY,
  jakarta,
  normalise,
  officeRules,
  SATURDAY,
  TestQueue,
  THURSDAY,
} from "./testing/fixtures";
import type { PriorityReason } from "./ticket";

const numbers = (q: TestQueue) => [...q.state.tickets.values()].map((t) => `${t.serviceDay} ${t.number}`);

describe("numbering", () => {
  it("counts A-001, A-002, ... with independent per-service prefixes", () => {
    const q = new TestQueue();
    const t = jakarta(`${FRIDAY} 08:00`);
    expect(q.issue("ktp", t).number).toBe("A-001");
    expect(q.issue("izin", t + 1).number).toBe("B-001");
    expect(q.issue("ktp", t + 2, "lansia").number).toBe("A-002");
    expect(q.issue("info", t + 3).number).toBe("C-001");
    expect(q.issue("izin", t + 4, "disabilitas").number).toBe("B-002");
    expect(q.issue("ktp", t + 5).number).toBe("A-003");
    expect(q.state.numbering.get("ktp")).toEqual({ serviceDay: FRIDAY, lastSequence: 3, quotaUsed: 3 });
    expect(q.state.numbering.get("izin")).toEqual({ serviceDay: FRIDAY, lastSequence: 2, quotaUsed: 2 });
  });

  it("pads to three digits and grows past 999", () => {
    const q = new TestQueue();
    q.state.numbering.set("info", { serviceDay: FRIDAY, lastSequence: 998, quotaUsed: 998 });
    expect(q.issue("info", jakarta(`${FRIDAY} 09:00`)).number).toBe("C-999");
    expect(q.issue("info", jakarta(`${FRIDAY} 09:01`)).number).toBe("C-1000");
  });

  it("rolls over exactly at Jakarta midnight (17:00 UTC)", () => {
    const q = new TestQueue();
    expect(q.issue("info", jakarta(`${THURSDAY} 23:58`)).number).toBe("C-001");
    const lastMs = jakarta(`${THURSDAY} 23:59:59.999`);
    expect(lastMs).toBe(Date.UTC(2026, 10, 26, 16, 59, 59, 999));
    expect(q.issue("info", lastMs)).toMatchObject({ number: "C-002", serviceDay: THURSDAY });
    expect(q.issue("info", lastMs + 1)).toMatchObject({ number: "C-001", serviceDay: FRIDAY });
    expect(q.issue("info", lastMs + 2)).toMatchObject({ number: "C-002", serviceDay: FRIDAY });
    expect(numbers(q)).toEqual([
      `${THURSDAY} C-001`,
      `${THURSDAY} C-002`,
      `${FRIDAY} C-001`,
      `${FRIDAY} C-002`,
    ]);
    expect(
      q.log.filter((e) => e.type === "ticket.issued").map((e) => e.type === "ticket.issued" && e.sequence),
    ).toEqual([1, 2, 1, 2]);
  });

  it("never reuses a number after a cancel", () => {
    const q = new TestQueue();
    const t = jakarta(`${FRIDAY} 08:00`);
    q.issue("izin", t);
    q.issue("izin", t + 1);
    q.run({ type: "cancel", ticketId: "t2", reason: "citizen_left" }, t + 2);
    q.run({ type: "cancel", ticketId: "t1", reason: "print_failed" }, t + 3);
    expect(q.issue("izin", t + 4).number).toBe("B-003");
  });

  it("continues after replaying the log into a fresh state (restart)", () => {
    const q = new TestQueue();
    const t = jakarta(`${FRIDAY} 08:00`);
    q.issue("ktp", t);
    q.issue("ktp", t + 1);
    q.issue("izin", t + 2);
    q.run({ type: "cancel", ticketId: "t2", reason: "print_failed" }, t + 3);

    const restarted = replay(createState(officeRules()), q.log);
    expect(normalise(restarted)).toEqual(normalise(q.state));
    const d = decide(
      restarted,
      { type: "issueTicket", ticketId: "t9", serviceId: "ktp", priority: null, kioskId: null },
      t + 4,
    );
    expect(d.ok && d.events[0]).toMatchObject({ number: "A-003", sequence: 3, serviceDay: FRIDAY });
    const d2 = decide(
      restarted,
      { type: "issueTicket", ticketId: "t9", serviceId: "izin", priority: null, kioskId: null },
      t + 4,
    );
    expect(d2.ok && d2.events[0]).toMatchObject({ number: "B-002" });
  });
});

describe("opening hours", () => {
  const tryIssue = (serviceId: string, local: string) => {
    const q = new TestQueue();
    const d = decide(
      q.state,
      { type: "issueTicket", ticketId: "x", serviceId, priority: null, kioskId: null },
      jakarta(local),
    );
    return d.ok ? "issued" : d.error.code;
  };

  it("refuses before opening and from closing time", () => {
    expect(tryIssue("ktp", `${FRIDAY} 07:59:59.999`)).toBe("SERVICE_CLOSED");
    expect(tryIssue("ktp", `${FRIDAY} 08:00`)).toBe("issued");
    expect(tryIssue("ktp", `${FRIDAY} 14:59:59.999`)).toBe("issued");
    expect(tryIssue("ktp", `${FRIDAY} 15:00`)).toBe("SERVICE_CLOSED");
    expect(tryIssue("ktp", `${SATURDAY} 10:00`)).toBe("SERVICE_CLOSED");
  });

  it("refuses during the Friday break and on a closed date", () => {
    expect(tryIssue("izin", `${FRIDAY} 10:59`)).toBe("issued");
    expect(tryIssue("izin", `${FRIDAY} 11:00`)).toBe("SERVICE_CLOSED");
    expect(tryIssue("izin", `${FRIDAY} 12:30`)).toBe("SERVICE_CLOSED");
    expect(tryIssue("izin", `${FRIDAY} 13:00`)).toBe("issued");
    expect(tryIssue("izin", `${THURSDAY} 12:00`)).toBe("issued");
    expect(tryIssue("izin", `${CLOSED_FRIDAY} 09:00`)).toBe("SERVICE_CLOSED");
    // Other services are open that day.
    expect(tryIssue("ktp", `${CLOSED_FRIDAY} 09:00`)).toBe("issued");
  });

  it("is open around the clock for a 00:00–24:00 service", () => {
    expect(tryIssue("info", `${SATURDAY} 00:00`)).toBe("issued");
    expect(tryIssue("info", `${SATURDAY} 23:59:59.999`)).toBe("issued");
  });
});

describe("daily quota", () => {
  /** The code another KTP ticket is refused with at `at`. */
  const refusedKtp = (q: TestQueue, at: number, priority: PriorityReason | null = null) =>
    q.refused({ type: "issueTicket", ticketId: "x", serviceId: "ktp", priority, kioskId: null }, at);
  /** Issues three KTP tickets, the daily quota, from `t` a millisecond apart. */
  const fillKtp = (q: TestQueue, t: number) => {
    for (let i = 0; i < 3; i++) q.issue("ktp", t + i);
  };

  it("refuses the fourth KTP ticket of the day, and resets the next day", () => {
    const q = new TestQueue();
    const t = jakarta(`${THURSDAY} 08:00`);
    q.issue("ktp", t);
    q.issue("ktp", t + 1, "ibu_hamil_menyusui");
    q.issue("ktp", t + 2);
    expect(refusedKtp(q, t + 3)).toBe("QUOTA_REACHED");
    expect(refusedKtp(q, t + 3, "lansia")).toBe("QUOTA_REACHED");
    // Other services have no quota.
    expect(q.issue("izin", t + 4).number).toBe("B-001");
    expect(q.issue("ktp", jakarta(`${FRIDAY} 08:00`)).number).toBe("A-001");
  });

  it("a citizen_left cancel keeps the place used", () => {
    const q = new TestQueue();
    const t = jakarta(`${FRIDAY} 08:00`);
    fillKtp(q, t);
    q.run({ type: "cancel", ticketId: "t3", reason: "citizen_left" }, t + 3);
    expect(refusedKtp(q, t + 4)).toBe("QUOTA_REACHED");
  });

  it("a print_failed cancel gives the place back but never the number", () => {
    const q = new TestQueue();
    const t = jakarta(`${FRIDAY} 08:00`);
    fillKtp(q, t);
    q.run({ type: "cancel", ticketId: "t3", reason: "print_failed" }, t + 3);
    expect(q.state.numbering.get("ktp")).toEqual({ serviceDay: FRIDAY, lastSequence: 3, quotaUsed: 2 });
    expect(q.issue("ktp", t + 4).number).toBe("A-004");
    expect(refusedKtp(q, t + 5)).toBe("QUOTA_REACHED");
  });

  it("a print_failed cancel of yesterday's ticket does not touch today's quota", () => {
    const q = new TestQueue();
    q.issue("ktp", jakarta(`${THURSDAY} 14:00`));
    const t = jakarta(`${FRIDAY} 08:00`);
    fillKtp(q, t);
    q.run({ type: "cancel", ticketId: "t1", reason: "print_failed" }, t + 3);
    expect(q.state.numbering.get("ktp")).toEqual({ serviceDay: FRIDAY, lastSequence: 3, quotaUsed: 3 });
  });
});
