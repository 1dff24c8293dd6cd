/*
 * The booking names every other core file refers to (events, tickets, the
 * booking state), in a file that imports nothing, so none of them has to
 * import another to name a booking (tests/integration/import-cycles.test.ts).
 */

/** 16 base64url characters from the hub, like a ticket id: the citizen's key to their booking. */
export type BookingId = string;

/**
 * Why a booking was released. "service_closed": a supervisor closed the
 * service for the booking's day and its check-in window passed; not a
 * no-show, the office did not serve (booking.ts, sweep).
 */
export const BOOKING_RELEASE_REASONS = ["hold_lapsed", "citizen_cancelled", "staff_cancelled", "service_closed"] as const;
export type BookingReleaseReason = (typeof BOOKING_RELEASE_REASONS)[number];

/** What a booked visit's ticket carries: reports split booked from walk-in by it. */
export interface TicketBooking {
  bookingId: BookingId;
  slotStart: number;
}
