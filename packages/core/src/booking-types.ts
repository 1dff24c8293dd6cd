/*
 * The words of booked visits every other core file uses (events, tickets,
 * state): a leaf, so that none of them has to import another's module.
 */

/** 16 base64url characters from the hub, like a ticket id: the citizen's key to their booking. */
export type BookingId = string;

export const BOOKING_STATUSES = ["held", "confirmed", "checked_in", "expired", "released"] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

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
