/**
 * The booking report (issue 17, docs/booking.md decision 11): booked vs
 * walk-in tickets, what became of the bookings, and the waiting time of each
 * group, per day, per service or for the whole range. Conventions as in
 * results.ts (times in ms, nearest-rank percentiles, "% within target" over
 * the segments with a verdict).
 */
import type { Compliance, TimeStats } from "./results";

/** What a booking report row is grouped by. */
export type BookingGroupBy = "day" | "service" | "all";
export const BOOKING_GROUPINGS = ["day", "service", "all"] as const satisfies readonly BookingGroupBy[];

/** Tickets issued in the range (their service day), for the service they were issued for. */
export interface BookingTicketCounts {
  issued: number;
  /** Taken at the kiosk or the counter without a booking. */
  walkIn: number;
  /** Issued by checking a booking in. */
  booked: number;
  /** booked / issued, 0..100 with one decimal; null when nothing was issued. */
  bookedPct: number | null;
}

/**
 * The bookings whose slot is on a day of the range (the `bookings` read
 * model), by what became of them. Every booking starts as a hold;
 * `made` (confirmed at least once) = checkedIn + noShow + cancelledByCitizen
 * + cancelledByStaff + serviceClosed + open; the holds never confirmed are
 * `holdsLapsed` (ended unconfirmed) or `holding` (still held now).
 */
export interface BookingOutcomes {
  /** Every booking of the range: holds = made + holdsLapsed + holding. */
  holds: number;
  /** Confirmed at least once (confirmed_at is set): the bookings citizens actually made. */
  made: number;
  checkedIn: number;
  /** Expired: confirmed, never checked in before the check-in window closed. */
  noShow: number;
  /** Released after confirmation by the citizen ("Batalkan reservasi"). */
  cancelledByCitizen: number;
  /** Released after confirmation by a supervisor or admin (Administrasi → Reservasi). */
  cancelledByStaff: number;
  /** Released after confirmation because the service was closed that day (not a no-show). */
  serviceClosed: number;
  /** Confirmed and not ended yet (a slot still to come, or a window still open). */
  open: number;
  /** Held and ended without ever being confirmed (mostly the hold ran out): many of them hint at a calo. */
  holdsLapsed: number;
  /** Held now, not yet confirmed. */
  holding: number;
  /** noShow / (checkedIn + noShow), 0..100 with one decimal; null when none has ended either way. */
  noShowPct: number | null;
}

/** One group's waits: the segments measured, their percentiles and the share within the wait target. */
export type GroupWait = TimeStats & { met: Compliance };

export interface BookingRow {
  /** The day ("YYYY-MM-DD") or service id; null for "all". */
  key: string | null;
  tickets: BookingTicketCounts;
  bookings: BookingOutcomes;
  /**
   * Waits of the segments that ended in the range: booked segments (the
   * ticket was checked in from a booking and the segment is in the booked
   * service, measured from max(check-in, slot start)) and all the others.
   * Together they are the summary report's waits.
   */
  wait: { booked: GroupWait; walkIn: GroupWait };
}

export type NamedBookingRow = BookingRow & { name: string };

export interface BookingReport {
  from: string;
  to: string;
  by: BookingGroupBy;
  /** office.yaml `booking.enabled`: the dashboard shows the panel when it is on or the range has bookings. */
  bookingEnabled: boolean;
  /** One per group present in the range, in key order; for "all" the total alone. */
  rows: NamedBookingRow[];
  /** The whole range (percentiles over every group's times). */
  total: NamedBookingRow;
}
