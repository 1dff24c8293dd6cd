import { describe, expect, it } from "vitest";
import { checkInWindow } from "./booking";
import { bookableDays, dayAvailability, freeInSlot, slotsOf } from "./booking-slots";
import { bookingsTakenOn, openBookingsOn } from "./booking-state";
import { decide } from "./decide";
import type { ServiceRules } from "./office";
import { BookingQueue, bookingRules } from "./testing/booking";
import { CLOSED_FRIDAY, FRIDAY, IZIN, jakarta, MINUTE, SATURDAY, THURSDAY } from "./testing/fixtures";
import { quotaUsedToday, walkInPlacesLeft } from "./today";

const TZ = "Asia/Jakarta";
const ktpOf = (q: BookingQueue): ServiceRules => q.state.services.get("ktp")!;
const at = (day: string, hhmm: string) => jakarta(`${day} ${hhmm}`);
/** Thursday mid-morning: Friday's slots are bookable, Thursday's from 11:00 on. */
const NOW = at(THURSDAY, "10:00");

describe("slotsOf", () => {
  it("splits each opening interval into whole slots from its start", () => {
    const q = new BookingQueue();
    const slots = slotsOf(ktpOf(q), FRIDAY, TZ);
    expect(slots).toHaveLength(14);
    expect(slots[0]).toEqual({ start: at(FRIDAY, "08:00"), end: at(FRIDAY, "08:30") });
    expect(slots.at(-1)).toEqual({ start: at(FRIDAY, "14:30"), end: at(FRIDAY, "15:00") });
  });

  it("follows a split day and drops a tail shorter than a slot", () => {
    const izin: ServiceRules = {
      ...IZIN,
      hours: { fri: [{ open: "08:00", close: "11:00" }, { open: "13:00", close: "14:50" }] },
      booking: { ...bookingRules().services[0]!.booking!, slotMinutes: 60 },
    };
    const starts = slotsOf(izin, FRIDAY, TZ).map((s) => s.start);
    expect(starts).toEqual([at(FRIDAY, "08:00"), at(FRIDAY, "09:00"), at(FRIDAY, "10:00"), at(FRIDAY, "13:00")]);
  });

  it("has none on a closed date, a closed weekday, or for a service without booking", () => {
    const q = new BookingQueue();
    const ktp = { ...ktpOf(q), closedDates: [CLOSED_FRIDAY] };
    expect(slotsOf(ktp, CLOSED_FRIDAY, TZ)).toEqual([]);
    expect(slotsOf(ktp, SATURDAY, TZ)).toEqual([]);
    expect(slotsOf(IZIN, FRIDAY, TZ)).toEqual([]);
  });
});

describe("bookable days and availability", () => {
  it("offers today from the lead on, then every open day up to daysAhead", () => {
    const q = new BookingQueue();
    const days = bookableDays(q.state, ktpOf(q), NOW);
    // Thursday 26 Nov to Thursday 10 Dec: 15 calendar days, four weekend days off.
    expect(days.map((d) => d.day)).toHaveLength(11);
    expect(days[0]?.day).toBe(THURSDAY);
    expect(days.at(-1)?.day).toBe("2026-12-10");
    const today = days[0]!;
    const open = today.slots.filter((s) => s.free > 0).map((s) => s.start);
    expect(open[0]).toBe(at(THURSDAY, "11:00"));
    expect(today.slots.find((s) => s.start === at(THURSDAY, "10:30"))?.free).toBe(0);
  });

  it("bounds each slot's free places by the day's booking share", () => {
    const q = new BookingQueue();
    for (const hhmm of ["08:00", "08:00", "08:30", "08:30", "09:00"]) q.hold("ktp", at(FRIDAY, hhmm), NOW);
    const friday = dayAvailability(q.state, ktpOf(q), FRIDAY, NOW);
    expect(bookingsTakenOn(q.state.bookings, "ktp", FRIDAY)).toBe(5);
    expect(friday.quotaShareFull).toBe(true);
    expect(friday.free).toBe(0);
    expect(friday.slots.every((s) => s.free === 0)).toBe(true);
  });
});

describe("holdBooking", () => {
  const hold = (q: BookingQueue, slotStart: number, now = NOW, serviceId = "ktp", code = "ZZZ-999") =>
    q.refused({ type: "holdBooking", bookingId: `x${slotStart}`, code, serviceId, slotStart }, now);

  it("holds a place for holdMinutes and names the slot's day", () => {
    const q = new BookingQueue();
    const [held] = q.run({ type: "holdBooking", bookingId: "b1", code: "7KQ-M4P", serviceId: "ktp", slotStart: at(FRIDAY, "09:00") }, NOW);
    expect(held).toEqual({
      type: "booking.held",
      at: NOW,
      bookingId: "b1",
      code: "7KQ-M4P",
      serviceId: "ktp",
      serviceDay: FRIDAY,
      slotStart: at(FRIDAY, "09:00"),
      slotEnd: at(FRIDAY, "09:30"),
      holdExpiresAt: NOW + 10 * MINUTE,
    });
    expect(freeInSlot(q.state, ktpOf(q), { start: at(FRIDAY, "09:00"), end: at(FRIDAY, "09:30") })).toBe(1);
  });

  it("refuses when the office has booking off, or the service cannot be booked", () => {
    const off = new BookingQueue(bookingRules({ booking: { enabled: false, holdMinutes: 10, bookedInARow: 2 } }));
    expect(hold(off, at(FRIDAY, "09:00"))).toBe("BOOKING_DISABLED");
    const q = new BookingQueue();
    expect(hold(q, at(FRIDAY, "09:00"), NOW, "izin")).toBe("BOOKING_NOT_BOOKABLE");
    expect(hold(q, at(FRIDAY, "09:00"), NOW, "paspor")).toBe("SERVICE_UNKNOWN");
  });

  it("refuses what is not a bookable slot start", () => {
    const q = new BookingQueue();
    expect(hold(q, at(FRIDAY, "09:10"))).toBe("BOOKING_SLOT_INVALID"); // not a slot start
    expect(hold(q, at(THURSDAY, "09:00"))).toBe("BOOKING_SLOT_INVALID"); // past
    expect(hold(q, at(THURSDAY, "10:30"))).toBe("BOOKING_SLOT_INVALID"); // within the 60-minute lead
    expect(hold(q, at(CLOSED_FRIDAY, "09:00"), NOW)).toBe("BOOKING_SLOT_INVALID"); // beyond daysAhead
    expect(hold(q, at(SATURDAY, "09:00"))).toBe("BOOKING_SLOT_INVALID"); // closed day
    expect(hold(q, at(FRIDAY, "15:00"))).toBe("BOOKING_SLOT_INVALID"); // closing time
    // Natal within reach: 14 days ahead of 11 Dec is 25 Dec, a closed date.
    const natal = new BookingQueue(bookingRules());
    const ktp = natal.state.services.get("ktp")!;
    natal.state.services.set("ktp", { ...ktp, closedDates: [CLOSED_FRIDAY] });
    expect(hold(natal, at(CLOSED_FRIDAY, "09:00"), at("2026-12-11", "10:00"))).toBe("BOOKING_SLOT_INVALID");
    natal.hold("ktp", at("2026-12-24", "09:00"), at("2026-12-11", "10:00"));
  });

  it("refuses a full slot, a used-up booking share and a code in use", () => {
    const q = new BookingQueue();
    q.hold("ktp", at(FRIDAY, "09:00"), NOW);
    q.hold("ktp", at(FRIDAY, "09:00"), NOW);
    expect(hold(q, at(FRIDAY, "09:00"))).toBe("BOOKING_SLOT_FULL");
    q.hold("ktp", at(FRIDAY, "10:00"), NOW);
    q.hold("ktp", at(FRIDAY, "10:00"), NOW);
    q.hold("ktp", at(FRIDAY, "11:00"), NOW);
    // floor(10 × 0.5) = 5 bookings on Friday: walk-ins keep the other 5.
    expect(hold(q, at(FRIDAY, "11:00"))).toBe("BOOKING_QUOTA_SHARE_FULL");
    expect(hold(q, at("2026-11-30", "09:00"), NOW, "ktp", "AAA-001")).toBe("BOOKING_CODE_TAKEN");
    q.hold("ktp", at("2026-11-30", "09:00"), NOW);
  });

  it("today, also leaves the walk-ins' share of the quota alone once they used the rest", () => {
    const q = new BookingQueue();
    for (let i = 0; i < 9; i++) q.issue("ktp", at(THURSDAY, "09:00"));
    q.hold("ktp", at(THURSDAY, "13:00"), NOW);
    // 9 issued + 1 open booking = the quota of 10, though the booking share (5) is not used up.
    expect(hold(q, at(THURSDAY, "13:30"))).toBe("BOOKING_QUOTA_SHARE_FULL");
  });

  it("counts a supervisor's quota for today and the config's for later days", () => {
    const q = new BookingQueue();
    q.run({ type: "setQuota", serviceId: "ktp", quota: 2 }, NOW);
    q.hold("ktp", at(THURSDAY, "13:00"), NOW);
    expect(hold(q, at(THURSDAY, "13:30"))).toBe("BOOKING_QUOTA_SHARE_FULL"); // floor(2 × 0.5) = 1
    for (let i = 0; i < 5; i++) q.hold("ktp", at(FRIDAY, ["08:00", "08:00", "08:30", "08:30", "09:00"][i]!), NOW);
  });

  it("refuses today's slots of a service a supervisor closed today, not tomorrow's", () => {
    const q = new BookingQueue();
    q.run({ type: "suspendService", serviceId: "ktp", reason: "Blangko habis" }, NOW);
    expect(hold(q, at(THURSDAY, "13:00"))).toBe("SERVICE_CLOSED");
    q.hold("ktp", at(FRIDAY, "09:00"), NOW);
  });
});

describe("confirm, release, sweep", () => {
  it("confirms a hold once; a second confirm decides nothing", () => {
    const q = new BookingQueue();
    const id = q.hold("ktp", at(FRIDAY, "09:00"), NOW);
    expect(q.run({ type: "confirmBooking", bookingId: id }, NOW + MINUTE)).toEqual([
      { type: "booking.confirmed", at: NOW + MINUTE, bookingId: id },
    ]);
    expect(q.run({ type: "confirmBooking", bookingId: id }, NOW + 2 * MINUTE)).toEqual([]);
    expect(q.refused({ type: "confirmBooking", bookingId: "nope" }, NOW)).toBe("BOOKING_UNKNOWN");
  });

  it("refuses to confirm a lapsed hold even before the sweep, and the sweep gives its place back", () => {
    const q = new BookingQueue();
    const id = q.hold("ktp", at(FRIDAY, "09:00"), NOW);
    q.hold("ktp", at(FRIDAY, "09:00"), NOW + 5 * MINUTE);
    expect(q.refused({ type: "confirmBooking", bookingId: id }, NOW + 10 * MINUTE)).toBe("BOOKING_HOLD_LAPSED");
    expect(q.run({ type: "sweepBookings" }, NOW + 10 * MINUTE - 1)).toEqual([]);
    expect(q.run({ type: "sweepBookings" }, NOW + 10 * MINUTE)).toEqual([
      { type: "booking.released", at: NOW + 10 * MINUTE, bookingId: id, reason: "hold_lapsed" },
    ]);
    expect(freeInSlot(q.state, ktpOf(q), { start: at(FRIDAY, "09:00"), end: at(FRIDAY, "09:30") })).toBe(1);
    expect(q.refused({ type: "confirmBooking", bookingId: id }, NOW + 11 * MINUTE)).toBe("BOOKING_HOLD_LAPSED");
  });

  it("expires a confirmed booking not checked in by slot start + lateMinutes: a no-show, its place back", () => {
    const q = new BookingQueue();
    const id = q.book("ktp", at(FRIDAY, "09:00"), NOW);
    expect(openBookingsOn(q.state.bookings, "ktp", FRIDAY)).toBe(1);
    expect(q.run({ type: "sweepBookings" }, at(FRIDAY, "09:14"))).toEqual([]);
    expect(q.run({ type: "sweepBookings" }, at(FRIDAY, "09:15"))).toEqual([
      { type: "booking.expired", at: at(FRIDAY, "09:15"), bookingId: id },
    ]);
    expect(openBookingsOn(q.state.bookings, "ktp", FRIDAY)).toBe(0);
    expect(bookingsTakenOn(q.state.bookings, "ktp", FRIDAY)).toBe(0);
    expect(q.refused({ type: "checkInBooking", bookingId: id, ticketId: "late", kioskId: null }, at(FRIDAY, "09:20"))).toBe("BOOKING_EXPIRED");
  });

  it("releases on the citizen's or staff's cancel, once", () => {
    const q = new BookingQueue();
    const id = q.book("ktp", at(FRIDAY, "09:00"), NOW);
    expect(q.run({ type: "releaseBooking", bookingId: id, reason: "citizen_cancelled" }, NOW + MINUTE)).toEqual([
      { type: "booking.released", at: NOW + MINUTE, bookingId: id, reason: "citizen_cancelled" },
    ]);
    expect(q.run({ type: "releaseBooking", bookingId: id, reason: "staff_cancelled" }, NOW + 2 * MINUTE)).toEqual([]);
    expect(q.booking(id).releaseReason).toBe("citizen_cancelled");
    expect(q.refused({ type: "checkInBooking", bookingId: id, ticketId: "t", kioskId: null }, at(FRIDAY, "08:50"))).toBe("BOOKING_RELEASED");
    expect(freeInSlot(q.state, ktpOf(q), { start: at(FRIDAY, "09:00"), end: at(FRIDAY, "09:30") })).toBe(2);
  });
});

describe("checkInBooking", () => {
  it("turns the booking into a ticket of the day's one sequence, in one decision", () => {
    const q = new BookingQueue();
    const id = q.book("ktp", at(FRIDAY, "09:00"), NOW);
    q.issue("ktp", at(FRIDAY, "08:00"));
    const decision = decide(q.state, { type: "checkInBooking", bookingId: id, ticketId: "bt1", kioskId: "kiosk-2" }, at(FRIDAY, "08:45"));
    expect(decision).toEqual({
      ok: true,
      events: [
        {
          type: "ticket.issued",
          at: at(FRIDAY, "08:45"),
          ticketId: "bt1",
          serviceId: "ktp",
          number: "A-002",
          sequence: 2,
          serviceDay: FRIDAY,
          priority: null,
          kioskId: "kiosk-2",
          booking: { bookingId: id, slotStart: at(FRIDAY, "09:00") },
        },
        { type: "booking.checked_in", at: at(FRIDAY, "08:45"), bookingId: id, ticketId: "bt1" },
      ],
    });
    const ticket = q.checkIn(id, at(FRIDAY, "08:45"));
    expect(ticket.booking).toEqual({ bookingId: id, slotStart: at(FRIDAY, "09:00") });
    expect(q.booking(id)).toMatchObject({ status: "checked_in", ticketId: ticket.id, endedAt: at(FRIDAY, "08:45") });
    expect(q.refused({ type: "checkInBooking", bookingId: id, ticketId: "again", kioskId: null }, at(FRIDAY, "08:46"))).toBe("BOOKING_ALREADY_CHECKED_IN");
  });

  it("opens earlyMinutes before the slot and closes lateMinutes after it", () => {
    const q = new BookingQueue();
    const id = q.book("ktp", at(FRIDAY, "09:00"), NOW);
    expect(checkInWindow(q.state, q.booking(id))).toEqual({ from: at(FRIDAY, "08:30"), until: at(FRIDAY, "09:15") });
    const tryAt = (t: number) => decide(q.state, { type: "checkInBooking", bookingId: id, ticketId: "bt", kioskId: null }, t);
    expect(tryAt(at(FRIDAY, "08:30") - 1)).toMatchObject({ ok: false, error: { code: "BOOKING_TOO_EARLY" } });
    expect(tryAt(at(FRIDAY, "08:30")).ok).toBe(true);
    expect(tryAt(at(FRIDAY, "09:15") - 1).ok).toBe(true);
    expect(tryAt(at(FRIDAY, "09:15"))).toMatchObject({ ok: false, error: { code: "BOOKING_EXPIRED" } });
  });

  it("refuses a hold that was never confirmed", () => {
    const q = new BookingQueue();
    const id = q.hold("info", at(FRIDAY, "09:00"), at(FRIDAY, "08:55"));
    expect(q.refused({ type: "checkInBooking", bookingId: id, ticketId: "t", kioskId: null }, at(FRIDAY, "08:56"))).toBe("BOOKING_NOT_CONFIRMED");
    expect(q.refused({ type: "checkInBooking", bookingId: id, ticketId: "t", kioskId: null }, at(FRIDAY, "09:05"))).toBe("BOOKING_HOLD_LAPSED");
    expect(q.refused({ type: "checkInBooking", bookingId: "none", ticketId: "t", kioskId: null }, at(FRIDAY, "09:05"))).toBe("BOOKING_UNKNOWN");
  });

  it("checks in before opening hours: an 08:00 slot from 07:30", () => {
    const q = new BookingQueue();
    const id = q.book("ktp", at(FRIDAY, "08:00"), NOW);
    expect(q.refused({ type: "issueTicket", ticketId: "w", serviceId: "ktp", priority: null, kioskId: null }, at(FRIDAY, "07:30"))).toBe("SERVICE_CLOSED");
    expect(q.checkIn(id, at(FRIDAY, "07:30")).number).toBe("A-001");
  });

  it("of a service a supervisor closed today: SERVICE_CLOSED, the booking stays for staff; then released, not a no-show", () => {
    const q = new BookingQueue();
    const id = q.book("ktp", at(FRIDAY, "09:00"), NOW);
    q.run({ type: "suspendService", serviceId: "ktp", reason: "Jaringan SIAK putus" }, at(FRIDAY, "08:00"));
    expect(q.refused({ type: "checkInBooking", bookingId: id, ticketId: "t", kioskId: null }, at(FRIDAY, "08:50"))).toBe("SERVICE_CLOSED");
    expect(q.booking(id).status).toBe("confirmed");
    q.run({ type: "resumeService", serviceId: "ktp" }, at(FRIDAY, "08:55"));
    q.run({ type: "suspendService", serviceId: "ktp", reason: "Jaringan SIAK putus lagi" }, at(FRIDAY, "09:00"));
    expect(q.run({ type: "sweepBookings" }, at(FRIDAY, "09:15"))).toEqual([
      { type: "booking.released", at: at(FRIDAY, "09:15"), bookingId: id, reason: "service_closed" },
    ]);
  });

  it("never across midnight: a 00:00 slot checks in from 00:00, on its own day's numbering", () => {
    const q = new BookingQueue();
    const late = q.book("info", at(THURSDAY, "23:30"), at(THURSDAY, "22:00"));
    const midnight = q.book("info", at(FRIDAY, "00:00"), at(THURSDAY, "22:00"));
    expect(q.checkIn(late, at(THURSDAY, "23:20")).serviceDay).toBe(THURSDAY);
    expect(q.refused({ type: "checkInBooking", bookingId: midnight, ticketId: "t", kioskId: null }, at(THURSDAY, "23:45"))).toBe("BOOKING_TOO_EARLY");
    const ticket = q.checkIn(midnight, at(FRIDAY, "00:00"));
    expect(ticket).toMatchObject({ serviceDay: FRIDAY, number: "C-001" });
    // Thursday's booked ticket, still waiting, ends with Thursday like a walk-in.
    const closed = q.run({ type: "closeServiceDay" }, at(FRIDAY, "00:01"));
    expect(closed).toEqual([{ type: "ticket.cancelled", at: at(FRIDAY, "00:01"), ticketId: "bt1", reason: "day_ended" }]);
  });
});

describe("the quota: one count for walk-ins and bookings (decision 4)", () => {
  it("refuses a walk-in when issued + open bookings reach the quota; a check-in counts once", () => {
    const q = new BookingQueue();
    const ids = [q.book("ktp", at(FRIDAY, "09:00"), NOW), q.book("ktp", at(FRIDAY, "09:00"), NOW), q.book("ktp", at(FRIDAY, "10:00"), NOW)];
    for (let i = 0; i < 6; i++) q.issue("ktp", at(FRIDAY, "08:00"));
    // 6 issued + 3 open bookings of 10: one place left for a walk-in, as the kiosk shows it.
    expect(walkInPlacesLeft(q.state, ktpOf(q), at(FRIDAY, "08:05"))).toBe(1);
    q.issue("ktp", at(FRIDAY, "08:05"));
    expect(walkInPlacesLeft(q.state, ktpOf(q), at(FRIDAY, "08:06"))).toBe(0);
    const walkIn = { type: "issueTicket" as const, ticketId: "w", serviceId: "ktp", priority: null, kioskId: null };
    expect(q.refused(walkIn, at(FRIDAY, "08:10"))).toBe("QUOTA_REACHED");
    q.checkIn(ids[0]!, at(FRIDAY, "08:40"));
    expect(quotaUsedToday(q.state, "ktp", at(FRIDAY, "08:40"))).toBe(8);
    expect(openBookingsOn(q.state.bookings, "ktp", FRIDAY)).toBe(2);
    expect(q.refused(walkIn, at(FRIDAY, "08:41"))).toBe("QUOTA_REACHED");
    // A no-show gives its place back at once.
    q.run({ type: "sweepBookings" }, at(FRIDAY, "09:15"));
    expect(q.booking(ids[1]!).status).toBe("expired");
    expect(walkInPlacesLeft(q.state, ktpOf(q), at(FRIDAY, "09:15"))).toBe(1);
    q.issue("ktp", at(FRIDAY, "09:16"));
    expect(q.refused(walkIn, at(FRIDAY, "09:17"))).toBe("QUOTA_REACHED");
  });

  it("refuses a supervisor's quota below issued + open bookings", () => {
    const q = new BookingQueue();
    q.book("ktp", at(FRIDAY, "09:00"), NOW);
    q.book("ktp", at(FRIDAY, "09:30"), NOW);
    q.issue("ktp", at(FRIDAY, "08:00"));
    expect(q.refused({ type: "setQuota", serviceId: "ktp", quota: 2 }, at(FRIDAY, "08:05"))).toBe("QUOTA_BELOW_ISSUED");
    q.run({ type: "setQuota", serviceId: "ktp", quota: 3 }, at(FRIDAY, "08:05"));
  });
});
