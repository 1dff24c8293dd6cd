import { bookableDays, dayAvailability, type QueueState } from "@layan/core";
import { fail, ok, type Ack, type BookingSlots } from "@layan/protocol";

/**
 * GET /api/bookings/slots: a day's slots with the places left, and the days
 * the page may offer, straight from the live queue's state (the same counts
 * the hold decides by, so what the page shows free a hold can take).
 */
export function bookingSlots(state: QueueState, serviceId: string, day: string, now: number): Ack<BookingSlots> {
  if (!state.rules.booking.enabled) return fail("BOOKING_DISABLED");
  const service = state.services.get(serviceId);
  if (!service) return fail("SERVICE_UNKNOWN");
  if (!service.booking) return fail("BOOKING_NOT_BOOKABLE");
  const days = bookableDays(state, service, now);
  // A day outside the offer (past, too far ahead, closed) answers with no slots rather than a refusal: the page shows the days.
  const offered = days.find((d) => d.day === day);
  const chosen = offered ?? { ...dayAvailability(state, service, day, now), slots: [] };
  return ok({
    serviceId,
    day,
    days: days.map((d) => ({ day: d.day, open: d.free > 0, free: d.free })),
    slots: chosen.slots.map((s) => ({ start: s.start, end: s.end, capacity: s.capacity, free: s.free })),
    quotaShareFull: chosen.quotaShareFull,
  });
}
