/**
 * Booking fixtures for the core's tests: the fixture office with booking on,
 * KTP bookable (2 places per 30-minute slot, a quota of 10 so half of it is
 * 5 bookings a day) and the around-the-clock INFO bookable without a quota.
 */
import { DEFAULT_SERVICE_BOOKING, type OfficeRules, type ServiceBookingRules } from "../office";
import type { Ticket } from "../ticket";
import { INFO, IZIN, KTP, officeRules, TestQueue } from "./fixtures";

export const KTP_BOOKING: ServiceBookingRules = { ...DEFAULT_SERVICE_BOOKING, capacity: 2 };

export function bookingRules(overrides: Partial<OfficeRules> = {}): OfficeRules {
  return officeRules({
    services: [
      { ...KTP, dailyQuota: 10, booking: KTP_BOOKING },
      IZIN,
      { ...INFO, booking: { ...DEFAULT_SERVICE_BOOKING, capacity: 1, minLeadMinutes: 0 } },
    ],
    booking: { enabled: true, holdMinutes: 10, bookedInARow: 2 },
    ...overrides,
  });
}

/** A TestQueue that also holds, confirms and checks in bookings with generated ids and codes. */
export class BookingQueue extends TestQueue {
  private nextBooking = 1;
  private nextTicket = 1;

  constructor(rules: OfficeRules = bookingRules()) {
    super(rules);
  }

  /** Holds a slot with id "b1", "b2", ... and code "AAA-001", ...; returns the booking id. */
  hold(serviceId: string, slotStart: number, at: number): string {
    const n = this.nextBooking++;
    const bookingId = `b${n}`;
    this.run({ type: "holdBooking", bookingId, code: `AAA-${String(n).padStart(3, "0")}`, serviceId, slotStart }, at);
    return bookingId;
  }

  /** Holds and confirms at once. */
  book(serviceId: string, slotStart: number, at: number): string {
    const id = this.hold(serviceId, slotStart, at);
    this.run({ type: "confirmBooking", bookingId: id }, at);
    return id;
  }

  checkIn(bookingId: string, at: number): Ticket {
    const ticketId = `bt${this.nextTicket++}`;
    this.run({ type: "checkInBooking", bookingId, ticketId, kioskId: "kiosk-1" }, at);
    return this.ticket(ticketId);
  }

  booking(id: string) {
    const b = this.state.bookings.byId.get(id);
    if (!b) throw new Error(`no booking ${id}`);
    return b;
  }
}
