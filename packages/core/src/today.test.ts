import { describe, expect, it } from "vitest";
import { createState, replay } from "./state";
import { FRIDAY, jakarta, normalise, SATURDAY, TestQueue } from "./testing/fixtures";
import { noticeToday, quotaToday, serviceClosedToday } from "./today";

const at = (time: string) => jakarta(`${FRIDAY} ${time}`);
const ktp = (q: TestQueue) => q.state.services.get("ktp")!;

describe("a service closed for the rest of today", () => {
  it("stops new tickets with SERVICE_CLOSED; tickets already waiting are still called", () => {
    const q = new TestQueue();
    const waiting = q.issue("ktp", at("08:00"));
    q.run({ type: "suspendService", serviceId: "ktp", reason: "Blangko KTP-el habis" }, at("09:00"));
    expect(q.refused({ type: "issueTicket", ticketId: "x", serviceId: "ktp", priority: null, kioskId: null }, at("09:01"))).toBe(
      "SERVICE_CLOSED",
    );
    expect(serviceClosedToday(q.state, "ktp", at("09:01"))).toEqual({ serviceDay: FRIDAY, reason: "Blangko KTP-el habis", at: at("09:00") });
    // Other services go on.
    expect(q.issue("izin", at("09:02")).number).toBe("B-001");
    q.open("loket-1", at("09:03"));
    expect(q.callNext("loket-1", at("09:04")).ticketId).toBe(waiting.id);
  });

  it("reopens: the next ticket continues the day's numbering", () => {
    const q = new TestQueue();
    q.issue("ktp", at("08:00"));
    q.run({ type: "suspendService", serviceId: "ktp", reason: "Sistem pusat gangguan" }, at("09:00"));
    const [resumed] = q.run({ type: "resumeService", serviceId: "ktp" }, at("10:00"));
    expect(resumed).toEqual({ type: "service.resumed", at: at("10:00"), serviceId: "ktp", serviceDay: FRIDAY });
    expect(q.issue("ktp", at("10:01")).number).toBe("A-002");
  });

  it("decides nothing for a repeat (same reason) or a reopen of an open service; a new reason is recorded", () => {
    const q = new TestQueue();
    q.run({ type: "suspendService", serviceId: "ktp", reason: "Blangko habis" }, at("09:00"));
    expect(q.run({ type: "suspendService", serviceId: "ktp", reason: "Blangko habis" }, at("09:01"))).toEqual([]);
    expect(q.run({ type: "suspendService", serviceId: "ktp", reason: "Printer kartu rusak" }, at("09:02"))).toHaveLength(1);
    expect(serviceClosedToday(q.state, "ktp", at("09:03"))?.reason).toBe("Printer kartu rusak");
    expect(q.run({ type: "resumeService", serviceId: "izin" }, at("09:04"))).toEqual([]);
    expect(q.refused({ type: "suspendService", serviceId: "nope", reason: "x" }, at("09:05"))).toBe("SERVICE_UNKNOWN");
  });

  it("holds for one service day only: the next day starts from the config again", () => {
    const q = new TestQueue();
    q.run({ type: "suspendService", serviceId: "info", reason: "Petugas rapat" }, jakarta(`${FRIDAY} 23:59`));
    expect(q.refused({ type: "issueTicket", ticketId: "x", serviceId: "info", priority: null, kioskId: null }, jakarta(`${FRIDAY} 23:59:59.999`))).toBe(
      "SERVICE_CLOSED",
    );
    expect(q.issue("info", jakarta(`${SATURDAY} 00:00`)).number).toBe("C-001");
    expect(serviceClosedToday(q.state, "info", jakarta(`${SATURDAY} 00:00`))).toBeNull();
  });
});

describe("today's quota", () => {
  it("a raised quota takes effect at once", () => {
    const q = new TestQueue();
    for (let i = 0; i < 3; i++) q.issue("ktp", at(`08:0${i}`));
    expect(q.refused({ type: "issueTicket", ticketId: "x", serviceId: "ktp", priority: null, kioskId: null }, at("08:10"))).toBe("QUOTA_REACHED");
    q.run({ type: "setQuota", serviceId: "ktp", quota: 4 }, at("08:11"));
    expect(q.issue("ktp", at("08:12")).number).toBe("A-004");
    expect(q.refused({ type: "issueTicket", ticketId: "y", serviceId: "ktp", priority: null, kioskId: null }, at("08:13"))).toBe("QUOTA_REACHED");
  });

  it("a lowered quota stops issuing at the new figure", () => {
    const q = new TestQueue();
    q.issue("ktp", at("08:00"));
    q.run({ type: "setQuota", serviceId: "ktp", quota: 2 }, at("08:01"));
    q.issue("ktp", at("08:02"));
    expect(q.refused({ type: "issueTicket", ticketId: "x", serviceId: "ktp", priority: null, kioskId: null }, at("08:03"))).toBe("QUOTA_REACHED");
  });

  it("a quota below what was already issued today is refused (not clamped); equal to it is allowed", () => {
    const q = new TestQueue();
    q.issue("ktp", at("08:00"));
    q.issue("ktp", at("08:01"));
    expect(q.refused({ type: "setQuota", serviceId: "ktp", quota: 1 }, at("08:02"))).toBe("QUOTA_BELOW_ISSUED");
    expect(quotaToday(q.state, ktp(q), at("08:02"))).toBe(3);
    q.run({ type: "setQuota", serviceId: "ktp", quota: 2 }, at("08:03"));
    expect(quotaToday(q.state, ktp(q), at("08:03"))).toBe(2);
  });

  it("a print failure's returned place counts: the quota may go down to what is really in hand", () => {
    const q = new TestQueue();
    q.issue("ktp", at("08:00"));
    const failed = q.issue("ktp", at("08:01"));
    q.run({ type: "cancel", ticketId: failed.id, reason: "print_failed" }, at("08:02"));
    q.run({ type: "setQuota", serviceId: "ktp", quota: 1 }, at("08:03"));
  });

  it("null lifts the quota for the rest of the day; a service without one can get one", () => {
    const q = new TestQueue();
    q.run({ type: "setQuota", serviceId: "ktp", quota: null }, at("08:00"));
    for (let i = 0; i < 5; i++) q.issue("ktp", at(`08:0${i + 1}`));
    q.run({ type: "setQuota", serviceId: "izin", quota: 1 }, at("08:10"));
    q.issue("izin", at("08:11"));
    expect(q.refused({ type: "issueTicket", ticketId: "x", serviceId: "izin", priority: null, kioskId: null }, at("08:12"))).toBe("QUOTA_REACHED");
  });

  it("the next day is back to the config's quota", () => {
    const q = new TestQueue();
    q.run({ type: "setQuota", serviceId: "ktp", quota: 10 }, at("08:00"));
    const monday = jakarta("2026-11-30 08:00");
    expect(quotaToday(q.state, ktp(q), monday)).toBe(3);
    for (let i = 0; i < 3; i++) q.issue("ktp", monday + i);
    expect(q.refused({ type: "issueTicket", ticketId: "x", serviceId: "ktp", priority: null, kioskId: null }, monday + 10)).toBe("QUOTA_REACHED");
  });
});

describe("a counter closed for today by a supervisor", () => {
  it("closes an open counter (counter.closed, then counter.suspended) and keeps its officer from reopening it", () => {
    const q = new TestQueue();
    q.open("loket-1", at("08:00"));
    const events = q.run({ type: "suspendCounter", counterId: "loket-1", reason: "Petugas sakit" }, at("09:00"));
    expect(events.map((e) => e.type)).toEqual(["counter.closed", "counter.suspended"]);
    expect(q.state.counters.get("loket-1")).toMatchObject({ status: "closed", officerId: null });
    expect(q.refused({ type: "openCounter", counterId: "loket-1", officerId: "officer-loket-1" }, at("09:01"))).toBe("COUNTER_SUSPENDED");
  });

  it("refuses while a citizen is at the desk: the officer finishes first", () => {
    const q = new TestQueue();
    q.issue("ktp", at("08:00"));
    q.open("loket-1", at("08:00"));
    q.callNext("loket-1", at("08:01"));
    expect(q.refused({ type: "suspendCounter", counterId: "loket-1", reason: "x" }, at("08:02"))).toBe("COUNTER_BUSY");
  });

  it("leaves its waiting tickets in their service's queue for the other counters", () => {
    const q = new TestQueue();
    const t = q.issue("ktp", at("08:00"));
    q.run({ type: "suspendCounter", counterId: "loket-1", reason: "Komputer rusak" }, at("08:01"));
    q.open("loket-2", at("08:02"));
    expect(q.callNext("loket-2", at("08:03")).ticketId).toBe(t.id);
  });

  it("reopens: lifted, the counter stays closed until an officer opens it; the next day it is free again", () => {
    const q = new TestQueue();
    q.run({ type: "suspendCounter", counterId: "loket-1", reason: "x" }, at("08:00"));
    expect(q.run({ type: "suspendCounter", counterId: "loket-1", reason: "x" }, at("08:01"))).toEqual([]);
    q.run({ type: "resumeCounter", counterId: "loket-1" }, at("09:00"));
    expect(q.state.counters.get("loket-1")?.status).toBe("closed");
    q.open("loket-1", at("09:01"));
    q.run({ type: "closeCounter", counterId: "loket-1" }, at("09:02"));
    q.run({ type: "suspendCounter", counterId: "loket-1", reason: "y" }, at("10:00"));
    q.open("loket-1", jakarta("2026-11-30 08:00"));
    expect(q.refused({ type: "suspendCounter", counterId: "nope", reason: "x" }, at("10:01"))).toBe("COUNTER_UNKNOWN");
  });
});

describe("notices", () => {
  it("sets and takes down the running text; an announcement repeated is announced again", () => {
    const q = new TestQueue();
    q.run({ type: "setNotice", kind: "runningText", text: "Layanan KTP-el ditutup hari ini" }, at("09:00"));
    expect(q.run({ type: "setNotice", kind: "runningText", text: "Layanan KTP-el ditutup hari ini" }, at("09:01"))).toEqual([]);
    expect(noticeToday(q.state, "runningText", at("09:02"))?.text).toBe("Layanan KTP-el ditutup hari ini");
    q.run({ type: "setNotice", kind: "announcement", text: "Mohon antre dengan tertib" }, at("09:03"));
    expect(q.run({ type: "setNotice", kind: "announcement", text: "Mohon antre dengan tertib" }, at("09:04"))).toHaveLength(1);
    q.run({ type: "setNotice", kind: "runningText", text: "" }, at("09:05"));
    expect(q.run({ type: "setNotice", kind: "runningText", text: "" }, at("09:05"))).toEqual([]);
    expect(noticeToday(q.state, "runningText", at("09:06"))).toBeNull();
    expect(noticeToday(q.state, "announcement", jakarta(`${SATURDAY} 08:00`))).toBeNull();
  });
});

describe("rebuild", () => {
  it("a replay of the log equals the live state, operations included", () => {
    const q = new TestQueue();
    q.issue("ktp", at("08:00"));
    q.open("loket-1", at("08:00"));
    q.run({ type: "setQuota", serviceId: "ktp", quota: 5 }, at("08:05"));
    q.run({ type: "suspendService", serviceId: "izin", reason: "Sistem OSS gangguan" }, at("08:10"));
    q.run({ type: "suspendCounter", counterId: "loket-1", reason: "Rapat" }, at("08:20"));
    q.run({ type: "setNotice", kind: "runningText", text: "Selamat datang" }, at("08:30"));
    q.run({ type: "resumeService", serviceId: "izin" }, at("09:00"));
    q.issue("izin", at("09:01"));
    const rebuilt = replay(createState(q.state.rules), q.log);
    expect(normalise(rebuilt)).toEqual(normalise(q.state));
  });
});
