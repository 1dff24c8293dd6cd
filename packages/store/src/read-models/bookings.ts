import type { EventOf } from "@layan/core";
import type Database from "better-sqlite3";

/** A `bookings` row (migration 0020): one field per column, named like the column. */
export interface BookingRow {
  booking_id: string;
  code: string;
  service_id: string;
  service_day: string;
  slot_start: number;
  slot_end: number;
  status: "held" | "confirmed" | "checked_in" | "expired" | "released";
  held_at: number;
  hold_expires_at: number;
  confirmed_at: number | null;
  checked_in_at: number | null;
  ended_at: number | null;
  release_reason: "hold_lapsed" | "citizen_cancelled" | "staff_cancelled" | "service_closed" | null;
  ticket_id: string | null;
  held_seq: number;
  updated_seq: number;
}

export type BookingEvent =
  | EventOf<"booking.held">
  | EventOf<"booking.confirmed">
  | EventOf<"booking.released">
  | EventOf<"booking.expired">
  | EventOf<"booking.checked_in">;

/** The personal_data ref of a booking's contact. */
export const bookingContactRef = (bookingId: string): string => `booking:${bookingId}`;

/**
 * The bookings read model, and the deletion of a booking's contact when the
 * booking ends (decision 3): released or expired at once, in the same
 * transaction as the event; a checked-in one when its ticket is done or
 * cancelled (`ticketEnded`). What is left (a no-show not reinstated, a day
 * gone by) the hub's sweep deletes at the end of the slot's day.
 */
export function createBookingWriter(db: Database.Database) {
  const s = {
    held: db.prepare(
      `INSERT INTO bookings (booking_id, code, service_id, service_day, slot_start, slot_end, status,
         held_at, hold_expires_at, held_seq, updated_seq)
       VALUES (@booking_id, @code, @service_id, @service_day, @slot_start, @slot_end, 'held',
         @at, @hold_expires_at, @seq, @seq)`,
    ),
    confirmed: db.prepare<{ id: string; at: number; seq: number }>(
      `UPDATE bookings SET status = 'confirmed', confirmed_at = @at, updated_seq = @seq
       WHERE booking_id = @id AND status = 'held'`,
    ),
    released: db.prepare<{ id: string; at: number; seq: number; reason: string }>(
      `UPDATE bookings SET status = 'released', ended_at = @at, release_reason = @reason, updated_seq = @seq
       WHERE booking_id = @id AND status IN ('held', 'confirmed')`,
    ),
    expired: db.prepare<{ id: string; at: number; seq: number }>(
      `UPDATE bookings SET status = 'expired', ended_at = @at, updated_seq = @seq
       WHERE booking_id = @id AND status = 'confirmed'`,
    ),
    checkedIn: db.prepare<{ id: string; at: number; seq: number; ticket: string }>(
      `UPDATE bookings SET status = 'checked_in', checked_in_at = @at, ticket_id = @ticket, updated_seq = @seq
       WHERE booking_id = @id AND status = 'confirmed'`,
    ),
    forget: db.prepare<[string]>("DELETE FROM personal_data WHERE ref = ? AND kind = 'booking_contact'"),
    forgetOfTicket: db.prepare<[string]>(
      `DELETE FROM personal_data WHERE kind = 'booking_contact'
         AND ref = (SELECT 'booking:' || booking_id FROM bookings WHERE ticket_id = ?)`,
    ),
  };

  const one = (result: Database.RunResult, event: BookingEvent): void => {
    // As for tickets: an event about a booking the log never held (or in a
    // state it cannot leave that way) is corruption, not something to skip.
    if (result.changes !== 1) throw new Error(`${event.type} refers to unknown or ended booking ${event.bookingId}`);
  };

  return {
    apply(seq: number, event: BookingEvent): void {
      switch (event.type) {
        case "booking.held":
          s.held.run({
            booking_id: event.bookingId,
            code: event.code,
            service_id: event.serviceId,
            service_day: event.serviceDay,
            slot_start: event.slotStart,
            slot_end: event.slotEnd,
            at: event.at,
            hold_expires_at: event.holdExpiresAt,
            seq,
          });
          return;
        case "booking.confirmed":
          one(s.confirmed.run({ id: event.bookingId, at: event.at, seq }), event);
          return;
        case "booking.released":
          one(s.released.run({ id: event.bookingId, at: event.at, seq, reason: event.reason }), event);
          s.forget.run(bookingContactRef(event.bookingId));
          return;
        case "booking.expired":
          one(s.expired.run({ id: event.bookingId, at: event.at, seq }), event);
          s.forget.run(bookingContactRef(event.bookingId));
          return;
        case "booking.checked_in":
          one(s.checkedIn.run({ id: event.bookingId, at: event.at, seq, ticket: event.ticketId }), event);
          return;
      }
    },
    /** A ticket done or cancelled: the visit is over, so is its booking's contact. */
    ticketEnded(ticketId: string): void {
      s.forgetOfTicket.run(ticketId);
    },
  };
}
