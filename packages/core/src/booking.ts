import { bookableSlotAt, bookingShareLeft, freeInSlot, startOfDay } from "./booking-slots";
import type { Booking } from "./booking-state";
import type { BookingCommand } from "./commands";
import { queueError, type QueueError, type QueueErrorCode } from "./errors";
import type { QueueEvent } from "./events";
import { nextTicketNumber } from "./numbering";
import type { QueueState } from "./state";
import { addDays, serviceDayOf } from "./time";
import { serviceClosedOn, serviceClosedToday } from "./today";

/**
 * The rules of booked visits (docs/booking.md decisions 1, 4, 5, 8): hold,
 * confirm, release, check in, and the hub's sweep. Every acceptance is
 * events the queue state applies like any other, through the same group
 * commit; the quota and the slots are counted in the same state as walk-ins,
 * so no number is given twice and the quota is never passed.
 */

type Decision = { ok: true; events: QueueEvent[] } | { ok: false; error: QueueError };
const accept = (...events: QueueEvent[]): Decision => ({ ok: true, events });
const refuse = (code: QueueErrorCode, detail: string): Decision => ({ ok: false, error: queueError(code, detail) });

const MINUTE = 60_000;

/**
 * When a booking's check-in opens and closes: [from, until). Never outside
 * its slot's service day: a ticket belongs to one day's numbering and quota,
 * and one checked in at 23:40 for a 00:00 slot would be yesterday's number,
 * cancelled at midnight. Without the service's rules any more, the slot itself.
 */
export function checkInWindow(
  state: QueueState,
  booking: Pick<Booking, "serviceId" | "serviceDay" | "slotStart" | "slotEnd">,
): { from: number; until: number } {
  const rules = state.services.get(booking.serviceId)?.booking;
  const dayStart = startOfDay(booking.serviceDay, state.rules.timezone);
  const dayEnd = startOfDay(addDays(booking.serviceDay, 1), state.rules.timezone);
  if (!rules) return { from: Math.max(dayStart, booking.slotStart), until: Math.min(dayEnd, booking.slotEnd) };
  return {
    from: Math.max(dayStart, booking.slotStart - rules.earlyMinutes * MINUTE),
    until: Math.min(dayEnd, booking.slotStart + rules.lateMinutes * MINUTE),
  };
}

/** Why a booking that is not open cannot move on: the code the citizen (or the hub) is told. */
function endedRefusal(booking: Booking): Decision {
  switch (booking.status) {
    case "checked_in":
      return refuse("BOOKING_ALREADY_CHECKED_IN", `${booking.code} is checked in as ${booking.ticketId ?? "?"}`);
    case "expired":
      return refuse("BOOKING_EXPIRED", `${booking.code} expired at ${booking.endedAt ?? "?"}`);
    default:
      return booking.releaseReason === "hold_lapsed"
        ? refuse("BOOKING_HOLD_LAPSED", `${booking.code} was not confirmed in time`)
        : refuse("BOOKING_RELEASED", `${booking.code} was released (${booking.releaseReason ?? "?"})`);
  }
}

const holdLapsed = (booking: Booking, now: number): boolean => booking.status === "held" && now >= booking.holdExpiresAt;

export function decideBooking(state: QueueState, command: BookingCommand, now: number): Decision {
  switch (command.type) {
    case "holdBooking":
      return holdBooking(state, command, now);
    case "confirmBooking": {
      const booking = state.bookings.byId.get(command.bookingId);
      if (!booking) return refuse("BOOKING_UNKNOWN", command.bookingId);
      if (booking.status === "confirmed") return accept();
      if (booking.status !== "held") return endedRefusal(booking);
      // Lapsed but not swept yet: the place is no longer promised to this citizen.
      if (holdLapsed(booking, now)) return refuse("BOOKING_HOLD_LAPSED", `${booking.code} held until ${booking.holdExpiresAt}`);
      return accept({ type: "booking.confirmed", at: now, bookingId: booking.id });
    }
    case "releaseBooking": {
      const booking = state.bookings.byId.get(command.bookingId);
      if (!booking) return refuse("BOOKING_UNKNOWN", command.bookingId);
      // A second "Batalkan" changes nothing; a booking that became a ticket is cancelled as a ticket.
      if (booking.status === "released") return accept();
      if (booking.status !== "held" && booking.status !== "confirmed") return endedRefusal(booking);
      return accept({ type: "booking.released", at: now, bookingId: booking.id, reason: command.reason });
    }
    case "checkInBooking":
      return checkIn(state, command, now);
    case "sweepBookings":
      return sweep(state, now);
  }
}

function holdBooking(state: QueueState, command: Extract<BookingCommand, { type: "holdBooking" }>, now: number): Decision {
  if (!state.rules.booking.enabled) return refuse("BOOKING_DISABLED", "office.yaml booking.enabled is false");
  const service = state.services.get(command.serviceId);
  if (!service) return refuse("SERVICE_UNKNOWN", command.serviceId);
  if (!service.booking) return refuse("BOOKING_NOT_BOOKABLE", `${service.id} has no booking rules`);
  if (state.bookings.byId.has(command.bookingId)) throw new Error(`booking id ${command.bookingId} reused by the caller`);
  if (state.bookings.byCode.has(command.code)) return refuse("BOOKING_CODE_TAKEN", command.code);
  const slot = bookableSlotAt(state, service, command.slotStart, now);
  if (!slot) return refuse("BOOKING_SLOT_INVALID", `${command.slotStart} is not a bookable slot of ${service.id}`);
  if (slot.day === serviceDayOf(now, state.rules.timezone)) {
    const closed = serviceClosedToday(state, service.id, now);
    if (closed) return refuse("SERVICE_CLOSED", `${service.id} is closed today: ${closed.reason}`);
  }
  if (freeInSlot(state, service, slot) <= 0) return refuse("BOOKING_SLOT_FULL", `${service.id} ${slot.start}`);
  const shareLeft = bookingShareLeft(state, service, slot.day, now);
  if (shareLeft !== null && shareLeft <= 0) return refuse("BOOKING_QUOTA_SHARE_FULL", `${service.id} ${slot.day}`);
  return accept({
    type: "booking.held",
    at: now,
    bookingId: command.bookingId,
    code: command.code,
    serviceId: service.id,
    serviceDay: slot.day,
    slotStart: slot.start,
    slotEnd: slot.end,
    holdExpiresAt: now + state.rules.booking.holdMinutes * MINUTE,
  });
}

/**
 * The citizen is here: the booking becomes a ticket in the booked lane, in
 * one decision (ticket.issued with `booking`, then booking.checked_in). Its
 * place in the quota moves from "open booking" to "issued": never refused
 * for the quota, never counted twice. Outside the service's opening hours
 * is fine (an 08:00 slot checks in from 07:30); a closed date of the
 * calendar is not (BOOKING_DAY_CLOSED), nor a service a supervisor closed
 * today: SERVICE_CLOSED, and the booking stays as it is so
 * staff can reopen the service or cancel it (the sweep then releases it
 * with "service_closed", not as a no-show).
 */
function checkIn(state: QueueState, command: Extract<BookingCommand, { type: "checkInBooking" }>, now: number): Decision {
  const booking = state.bookings.byId.get(command.bookingId);
  if (!booking) return refuse("BOOKING_UNKNOWN", command.bookingId);
  if (booking.status === "held") {
    return holdLapsed(booking, now)
      ? refuse("BOOKING_HOLD_LAPSED", `${booking.code} was not confirmed in time`)
      : refuse("BOOKING_NOT_CONFIRMED", `${booking.code} is held, not confirmed`);
  }
  if (booking.status !== "confirmed") return endedRefusal(booking);
  const service = state.services.get(booking.serviceId);
  if (!service) return refuse("SERVICE_UNKNOWN", booking.serviceId);
  if (state.tickets.has(command.ticketId)) throw new Error(`ticket id ${command.ticketId} reused by the caller`);
  // A holiday added to the calendar after the booking, asked about any time:
  // not "come back at 08.30" on a day the service does not open, nor "come
  // back in opening hours" (there are none that day); the sweep releases it.
  if (service.closedDates.includes(booking.serviceDay)) return refuse("BOOKING_DAY_CLOSED", `${service.id} is closed on ${booking.serviceDay}`);
  const window = checkInWindow(state, booking);
  if (now < window.from) return refuse("BOOKING_TOO_EARLY", `${booking.code} checks in from ${window.from}`);
  if (now >= window.until) return refuse("BOOKING_EXPIRED", `${booking.code} checked in until ${window.until}`);
  const serviceDay = serviceDayOf(now, state.rules.timezone);
  const closed = serviceClosedToday(state, service.id, now);
  if (closed) return refuse("SERVICE_CLOSED", `${service.id} is closed today: ${closed.reason}`);
  const { number, sequence } = nextTicketNumber(state, service, serviceDay);
  return accept(
    {
      type: "ticket.issued",
      at: now,
      ticketId: command.ticketId,
      serviceId: service.id,
      number,
      sequence,
      serviceDay,
      priority: null,
      kioskId: command.kioskId,
      booking: { bookingId: booking.id, slotStart: booking.slotStart },
    },
    { type: "booking.checked_in", at: now, bookingId: booking.id, ticketId: command.ticketId },
  );
}

/**
 * The office did not serve the booking's day: a closed date of the service or
 * the office (the config's calendar, also when the date was added after the
 * booking), or a supervisor's closure of the service that day still standing.
 * Read for that day, not today's: the sweep may first run the next morning.
 */
function closedOn(state: QueueState, booking: Booking): boolean {
  const service = state.services.get(booking.serviceId);
  if (service?.closedDates.includes(booking.serviceDay)) return true;
  return serviceClosedOn(state, booking.serviceId, booking.serviceDay) !== null;
}

/**
 * The hub's timer. Holds past their time are released ("hold_lapsed");
 * confirmed bookings past their check-in window expire (a no-show), except
 * those of a day the office did not serve (closedOn), which are released with
 * "service_closed". Either way the place goes back to the slot and the day's
 * quota at once.
 */
function sweep(state: QueueState, now: number): Decision {
  const events: QueueEvent[] = [];
  for (const id of state.bookings.open) {
    const booking = state.bookings.byId.get(id);
    if (!booking) continue;
    if (booking.status === "held") {
      if (now >= booking.holdExpiresAt)
        events.push({ type: "booking.released", at: now, bookingId: id, reason: "hold_lapsed" });
      continue;
    }
    if (now < checkInWindow(state, booking).until) continue;
    events.push(
      closedOn(state, booking)
        ? { type: "booking.released", at: now, bookingId: id, reason: "service_closed" }
        : { type: "booking.expired", at: now, bookingId: id },
    );
  }
  return accept(...events);
}
