import { describe, expect, it } from "vitest";
import { dayAvailability } from "./booking-slots";
import type { ServiceRules } from "./office";
import { createState, pruneFinished, replay } from "./state";
import { BookingQueue } from "./testing/booking";
import { FRIDAY, jakarta, normalise, THURSDAY } from "./testing/fixtures";
import { decide } from "./decide";

/**
 * Days the office did not serve, and slots whose length changed, while
 * bookings were open: the calendar and the slot length are config, changed
 * live (replaceRules), after the bookings were made.
 */

const at = (day: string, hhmm: string) => jakarta(`${day} ${hhmm}`);
const NOW = at(THURSDAY, "10:00");
const MONDAY = "2026-11-30";
const SATURDAY = "2026-11-28";
const checkIn = (bookingId: string) => ({ type: "checkInBooking" as const, bookingId, ticketId: "t", kioskId: null });

/** The config changed live: the service's rules replaced, as the hub's replaceRules does. */
function change(q: BookingQueue, serviceId: string, f: (s: ServiceRules) => ServiceRules): void {
  q.state.services.set(serviceId, f(q.state.services.get(serviceId)!));
}

describe("a closed date added to the calendar after the booking", () => {
  it("refuses the check-in with BOOKING_DAY_CLOSED and the sweep releases it service_closed, not a no-show", () => {
    const q = new BookingQueue();
    const id = q.book("ktp", at(FRIDAY, "09:00"), NOW);
    change(q, "ktp", (s) => ({ ...s, closedDates: [...s.closedDates, FRIDAY] }));
    expect(q.refused(checkIn(id), at(FRIDAY, "08:50"))).toBe("BOOKING_DAY_CLOSED");
    // Before its window too: not "too early, come back on Friday at 08.30" to a service closed that Friday.
    expect(q.refused(checkIn(id), at(FRIDAY, "07:00"))).toBe("BOOKING_DAY_CLOSED");
    expect(q.booking(id).status).toBe("confirmed");
    expect(q.run({ type: "sweepBookings" }, at(FRIDAY, "09:15"))).toEqual([
      { type: "booking.released", at: at(FRIDAY, "09:15"), bookingId: id, reason: "service_closed" },
    ]);
  });

  it("a date closed for another day changes nothing: the no-show still expires", () => {
    const q = new BookingQueue();
    const id = q.book("ktp", at(FRIDAY, "09:00"), NOW);
    change(q, "ktp", (s) => ({ ...s, closedDates: [...s.closedDates, MONDAY] }));
    expect(q.run({ type: "sweepBookings" }, at(FRIDAY, "09:15"))).toEqual([
      { type: "booking.expired", at: at(FRIDAY, "09:15"), bookingId: id },
    ]);
  });
});

describe("a supervisor's closure, first swept on a later day", () => {
  it("releases the closed day's bookings service_closed the next morning, also from a replay of the log", () => {
    const q = new BookingQueue();
    const id = q.book("ktp", at(FRIDAY, "09:00"), NOW);
    q.run({ type: "suspendService", serviceId: "ktp", reason: "Blangko habis" }, at(FRIDAY, "08:00"));
    // The closure is rebuilt from its event: the hub's state after a replay decides the same.
    const replayed = replay(createState(q.state.rules), q.log);
    expect(normalise(replayed)).toEqual(normalise(q.state));
    const released = [{ type: "booking.released", at: at(SATURDAY, "07:00"), bookingId: id, reason: "service_closed" }];
    expect(decide(replayed, { type: "sweepBookings" }, at(SATURDAY, "07:00"))).toEqual({ ok: true, events: released });
    expect(q.run({ type: "sweepBookings" }, at(SATURDAY, "07:00"))).toEqual(released);
  });

  it("remembers each day's closure: a closure the next day does not forget the day before's", () => {
    const q = new BookingQueue();
    const friday = q.book("ktp", at(FRIDAY, "14:30"), NOW);
    const monday = q.book("ktp", at(MONDAY, "09:00"), NOW);
    q.run({ type: "suspendService", serviceId: "ktp", reason: "Jaringan SIAK putus" }, at(FRIDAY, "08:00"));
    q.run({ type: "suspendService", serviceId: "ktp", reason: "Blangko habis" }, at(MONDAY, "07:00"));
    q.run({ type: "resumeService", serviceId: "ktp" }, at(MONDAY, "07:30"));
    expect(q.run({ type: "sweepBookings" }, at(MONDAY, "09:15"))).toEqual([
      { type: "booking.released", at: at(MONDAY, "09:15"), bookingId: friday, reason: "service_closed" },
      // Reopened on Monday before its slot: a no-show as any other.
      { type: "booking.expired", at: at(MONDAY, "09:15"), bookingId: monday },
    ]);
  });

  it("a closure lifted the same day is a no-show's day like any other", () => {
    const q = new BookingQueue();
    const id = q.book("ktp", at(FRIDAY, "09:00"), NOW);
    q.run({ type: "suspendService", serviceId: "ktp", reason: "Blangko habis" }, at(FRIDAY, "08:00"));
    q.run({ type: "resumeService", serviceId: "ktp" }, at(FRIDAY, "08:10"));
    expect(q.run({ type: "sweepBookings" }, at(SATURDAY, "07:00"))).toEqual([
      { type: "booking.expired", at: at(SATURDAY, "07:00"), bookingId: id },
    ]);
  });

  it("keeps a past day's closure while one of its bookings is open, then forgets it", () => {
    const q = new BookingQueue();
    q.book("ktp", at(FRIDAY, "09:00"), NOW);
    q.run({ type: "suspendService", serviceId: "ktp", reason: "Blangko habis" }, at(FRIDAY, "08:00"));
    pruneFinished(q.state, SATURDAY);
    expect(q.state.today.closedServiceDays.size).toBe(1);
    q.run({ type: "sweepBookings" }, at(SATURDAY, "07:00"));
    pruneFinished(q.state, SATURDAY);
    expect(q.state.today.closedServiceDays.size).toBe(0);
  });
});

describe("a slot length changed while bookings are open", () => {
  const slot = (q: BookingQueue, hhmm: string) =>
    dayAvailability(q.state, q.state.services.get("ktp")!, FRIDAY, NOW).slots.find((s) => s.start === at(FRIDAY, hhmm));
  const hold = (q: BookingQueue, hhmm: string) =>
    q.refused({ type: "holdBooking", bookingId: "x", code: "ZZZ-999", serviceId: "ktp", slotStart: at(FRIDAY, hhmm) }, NOW);

  it("30 to 60 minutes: two 09:30 bookings fill the 09:00–10:00 slot of capacity 2", () => {
    const q = new BookingQueue();
    q.book("ktp", at(FRIDAY, "09:30"), NOW);
    q.book("ktp", at(FRIDAY, "09:30"), NOW);
    change(q, "ktp", (s) => ({ ...s, booking: { ...s.booking!, slotMinutes: 60 } }));
    expect(slot(q, "09:00")).toMatchObject({ end: at(FRIDAY, "10:00"), capacity: 2, free: 0 });
    expect(hold(q, "09:00")).toBe("BOOKING_SLOT_FULL");
    expect(slot(q, "10:00")?.free).toBe(2);
  });

  it("60 to 30 minutes: an hour's two bookings fill both of its halves", () => {
    const q = new BookingQueue();
    change(q, "ktp", (s) => ({ ...s, booking: { ...s.booking!, slotMinutes: 60 } }));
    q.book("ktp", at(FRIDAY, "09:00"), NOW);
    q.book("ktp", at(FRIDAY, "09:00"), NOW);
    change(q, "ktp", (s) => ({ ...s, booking: { ...s.booking!, slotMinutes: 30 } }));
    expect([slot(q, "09:00")?.free, slot(q, "09:30")?.free, slot(q, "10:00")?.free]).toEqual([0, 0, 2]);
    expect(hold(q, "09:30")).toBe("BOOKING_SLOT_FULL");
    // The slot ends where the next begins: a booking up to 10:00 leaves 10:00 free.
    q.hold("ktp", at(FRIDAY, "10:00"), NOW);
  });
});
