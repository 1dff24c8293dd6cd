import { describe, expect, it } from "vitest";
import { loadBookings } from "./booking-state";
import { estimateForTicket, estimateWait, nextWaiting, peopleAheadOf } from "./estimate";
import type { QueueEvent } from "./events";
import { createState, replay } from "./state";
import { BookingQueue, bookingRules } from "./testing/booking";
import { FRIDAY, jakarta, MINUTE, normalise, THURSDAY } from "./testing/fixtures";

const at = (day: string, hhmm: string) => jakarta(`${day} ${hhmm}`);
const NOW = at(THURSDAY, "10:00");

/** Loket 1 serves ktp and izin; bookings of ktp for Friday, each checked in as early as it may (08:00 at the earliest). */
function morning(slots: string[]): { q: BookingQueue; booked: string[] } {
  const q = new BookingQueue();
  const ids = slots.map((hhmm) => q.book("ktp", at(FRIDAY, hhmm), NOW));
  const booked = ids.map((id) => q.checkIn(id, Math.max(at(FRIDAY, "08:00"), q.booking(id).slotStart - 30 * MINUTE)).number);
  q.open("loket-1", at(FRIDAY, "08:00"));
  return { q, booked };
}

describe("pickNext with the booked lane (decision 9)", () => {
  it("calls a booked ticket whose slot has started before the walk-ins", () => {
    const { q, booked } = morning(["08:30"]);
    const walkIn = q.issue("ktp", at(FRIDAY, "08:05")).number;
    expect(q.callNext("loket-1", at(FRIDAY, "08:20"))).toMatchObject({ number: walkIn, reason: "only_lane" });
    q.run({ type: "complete", counterId: "loket-1", outcome: "selesai" }, at(FRIDAY, "08:25"));
    q.issue("ktp", at(FRIDAY, "08:26"));
    expect(q.callNext("loket-1", at(FRIDAY, "08:30"))).toMatchObject({ number: booked[0], reason: "booked" });
  });

  it("orders the booked lane by slot start, not by arrival", () => {
    const q = new BookingQueue();
    const nine = q.book("ktp", at(FRIDAY, "09:00"), NOW);
    const eight = q.book("ktp", at(FRIDAY, "08:30"), NOW);
    const first = q.checkIn(nine, at(FRIDAY, "08:35")).number;
    const second = q.checkIn(eight, at(FRIDAY, "08:40")).number;
    expect(q.lane("ktp", "booked")).toEqual([second, first]);
  });

  it("gives the walk-in cycle a call after bookedInARow booked calls in a row at this counter", () => {
    const { q, booked } = morning(["08:00", "08:00", "08:30", "08:30"]);
    const walkIns = [q.issue("ktp", at(FRIDAY, "08:01")).number, q.issue("ktp", at(FRIDAY, "08:02")).number];
    const calls: string[] = [];
    for (let i = 0; i < 6; i++) {
      const call = q.callNext("loket-1", at(FRIDAY, "08:40"));
      calls.push(`${call.number}:${call.reason}`);
      q.run({ type: "complete", counterId: "loket-1", outcome: "selesai" }, at(FRIDAY, "08:40"));
    }
    expect(calls).toEqual([
      `${booked[0]}:booked`,
      `${booked[1]}:booked`,
      `${walkIns[0]}:only_lane`,
      `${booked[2]}:booked`,
      `${booked[3]}:booked`,
      `${walkIns[1]}:only_lane`,
    ]);
  });

  it("counts the booked run per counter, and a manual call leaves it alone", () => {
    const { q, booked } = morning(["08:00", "08:00", "08:30"]);
    q.open("loket-2", at(FRIDAY, "08:00"));
    const walkIn = q.issue("ktp", at(FRIDAY, "08:01")).number;
    expect(q.callNext("loket-1", at(FRIDAY, "08:10")).number).toBe(booked[0]);
    expect(q.callNext("loket-2", at(FRIDAY, "08:10")).number).toBe(booked[1]);
    q.run({ type: "complete", counterId: "loket-1", outcome: "selesai" }, at(FRIDAY, "08:15"));
    const walkInId = [...q.state.tickets.values()].find((t) => t.number === walkIn)!.id;
    q.run({ type: "callTicket", counterId: "loket-1", officerId: null, ticketId: walkInId }, at(FRIDAY, "08:16"));
    expect(q.state.counters.get("loket-1")?.bookedRun).toBe(1);
    q.run({ type: "complete", counterId: "loket-1", outcome: "selesai" }, at(FRIDAY, "08:20"));
    q.issue("ktp", at(FRIDAY, "08:25"));
    expect(q.callNext("loket-1", at(FRIDAY, "08:31"))).toMatchObject({ number: booked[2], reason: "booked" });
    expect(q.state.counters.get("loket-1")?.bookedRun).toBe(2);
  });

  it("calls a booking whose slot has not started only when no walk-in waits", () => {
    const { q, booked } = morning(["09:00"]);
    const walkIn = q.issue("ktp", at(FRIDAY, "08:31")).number;
    expect(q.callNext("loket-1", at(FRIDAY, "08:35"))).toMatchObject({ number: walkIn, reason: "only_lane" });
    q.run({ type: "complete", counterId: "loket-1", outcome: "selesai" }, at(FRIDAY, "08:40"));
    expect(q.callNext("loket-1", at(FRIDAY, "08:41"))).toMatchObject({ number: booked[0], reason: "booked_early" });
  });

  it("keeps the ageing bound first: a walk-in past maxRegularWaitMinutes beats a due booking", () => {
    const { q, booked } = morning(["08:30"]);
    const old = q.issue("ktp", at(FRIDAY, "08:00")).number;
    expect(q.callNext("loket-1", at(FRIDAY, "08:46"))).toMatchObject({ number: old, reason: "aged" });
    q.run({ type: "complete", counterId: "loket-1", outcome: "selesai" }, at(FRIDAY, "08:50"));
    expect(q.callNext("loket-1", at(FRIDAY, "08:51"))).toMatchObject({ number: booked[0], reason: "booked" });
  });

  it("takes a booked ticket transferred elsewhere as a walk-in there; reinstated, it heads the booked lane", () => {
    const { q, booked } = morning(["08:00", "08:30"]);
    q.open("loket-2", at(FRIDAY, "08:00"));
    expect(q.callNext("loket-1", at(FRIDAY, "08:01"))).toMatchObject({ number: booked[0], reason: "booked" });
    q.run({ type: "transfer", counterId: "loket-1", toServiceId: "izin" }, at(FRIDAY, "08:05"));
    expect(q.lane("izin", "regular")).toEqual([booked[0]]);
    // Loket 2 tries izin first: the transferred ticket is a walk-in there; ktp's booking is not due.
    expect(q.callNext("loket-2", at(FRIDAY, "08:06"))).toMatchObject({ number: booked[0], reason: "only_lane" });
    expect(q.callNext("loket-1", at(FRIDAY, "08:31"))).toMatchObject({ number: booked[1], reason: "booked" });
    q.run({ type: "recall", counterId: "loket-1" }, at(FRIDAY, "08:32"));
    q.run({ type: "recall", counterId: "loket-1" }, at(FRIDAY, "08:33"));
    q.run({ type: "markNoShow", counterId: "loket-1" }, at(FRIDAY, "08:34"));
    const third = q.book("ktp", at(FRIDAY, "09:00"), NOW);
    const thirdNumber = q.checkIn(third, at(FRIDAY, "08:35")).number;
    const noShowId = [...q.state.noShows][0]!;
    q.run({ type: "reinstate", ticketId: noShowId }, at(FRIDAY, "08:40"));
    expect(q.lane("ktp", "booked")).toEqual([booked[1], thirdNumber]);
  });
});

describe("waiting times and people ahead of booked visits (decision 10)", () => {
  it("measures a booked ticket's wait from max(check-in, slot start) and marks it booked", () => {
    const { q } = morning(["08:30"]);
    q.callNext("loket-1", at(FRIDAY, "08:35"));
    const [done] = q.run({ type: "complete", counterId: "loket-1", outcome: "selesai" }, at(FRIDAY, "08:45"));
    expect(done).toMatchObject({ measurement: { enqueuedAt: at(FRIDAY, "08:30"), waitMs: 5 * MINUTE, booked: true } });
    const late = q.book("ktp", at(FRIDAY, "09:00"), NOW);
    const ticket = q.checkIn(late, at(FRIDAY, "09:10"));
    expect(ticket.segment.enqueuedAt).toBe(at(FRIDAY, "09:10"));
  });

  it("leaves a walk-in's measurement without the booked flag (the log's compact form)", () => {
    const q = new BookingQueue();
    q.issue("ktp", at(FRIDAY, "08:00"));
    q.open("loket-1", at(FRIDAY, "08:00"));
    q.callNext("loket-1", at(FRIDAY, "08:05"));
    const [done] = q.run({ type: "complete", counterId: "loket-1", outcome: "selesai" }, at(FRIDAY, "08:10"));
    expect(done?.type === "ticket.completed" && "booked" in done.measurement).toBe(false);
  });

  it("puts due booked tickets ahead of walk-ins, and only earlier slots ahead of a booked ticket", () => {
    const { q, booked } = morning(["08:00", "08:30", "09:00"]);
    const walkIn = q.issue("ktp", at(FRIDAY, "08:31"));
    const priority = q.issue("ktp", at(FRIDAY, "08:32"), "lansia");
    const now = at(FRIDAY, "08:40");
    expect(peopleAheadOf(q.state, walkIn.id, now)).toBe(2 + 1); // two due booked, one priority
    expect(peopleAheadOf(q.state, priority.id, now)).toBe(2);
    const bookedIds = booked.map((n) => [...q.state.tickets.values()].find((t) => t.number === n)!.id);
    expect(bookedIds.map((id) => peopleAheadOf(q.state, id, now))).toEqual([0, 1, 2]);
    expect(estimateWait(q.state, "ktp", null, now).peopleAhead).toBe(2 + 2);
    expect(nextWaiting(q.state, "ktp", now, 5).map((id) => q.ticket(id).number)).toEqual([
      booked[0],
      booked[1],
      priority.number,
      walkIn.number,
      booked[2],
    ]);
    // Checked in early: not called before 09:00, so no estimate says sooner.
    const early = estimateForTicket(q.state, bookedIds[2]!, at(FRIDAY, "08:35"));
    expect(early?.p50Minutes).toBeGreaterThanOrEqual(25);
  });
});

describe("loadBookings and replay (decision 2)", () => {
  it("seeding from the read model and replaying today's log counts every booking once", () => {
    const q = new BookingQueue();
    const log: QueueEvent[] = [];
    const run = (f: () => void) => {
      const before = q.log.length;
      f();
      return q.log.slice(before);
    };
    // Yesterday (Thursday): bookings for Friday.
    run(() => {
      q.book("ktp", at(FRIDAY, "09:00"), NOW);
      q.book("ktp", at(FRIDAY, "09:00"), NOW);
      q.hold("ktp", at(FRIDAY, "10:00"), NOW);
      q.book("ktp", at(FRIDAY, "11:00"), NOW);
    });
    // Today (Friday): what the log replays.
    log.push(
      ...run(() => {
        q.run({ type: "sweepBookings" }, at(FRIDAY, "08:00"));
        q.checkIn("b1", at(FRIDAY, "08:40"));
        q.run({ type: "releaseBooking", bookingId: "b2", reason: "staff_cancelled" }, at(FRIDAY, "08:41"));
        q.book("ktp", at(FRIDAY, "13:00"), at(FRIDAY, "08:42"));
      }),
    );
    // The read model after all of it: every booking of today or later, whatever its status.
    const rows = [...q.state.bookings.byId.values()].map((b) => ({ ...b }));
    const fresh = createState(bookingRules());
    expect(loadBookings(fresh.bookings, rows)).toBe(5);
    expect(loadBookings(fresh.bookings, rows)).toBe(0);
    replay(fresh, log);
    expect(normalise(fresh)).toEqual(normalise(q.state));
    expect(fresh.bookings.openByDay).toEqual(q.state.bookings.openByDay);
    expect(fresh.bookings.takingByDay).toEqual(q.state.bookings.takingByDay);
    // Replaying the same log again changes no booking.
    const again = structuredClone([...fresh.bookings.byId]);
    replay(fresh, log.filter((e) => e.type.startsWith("booking.")));
    expect([...fresh.bookings.byId]).toEqual(again);
  });
});
