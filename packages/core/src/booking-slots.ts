import { bookingsTakenOn, openBookingsOn, takenInSlot } from "./booking-state";
import type { ServiceBookingRules, ServiceRules } from "./office";
import type { QueueState } from "./state";
import { addDays, intervalsOn, localMoment, parseLocalTime, serviceDayOf, startOfServiceDay } from "./time";
import { quotaToday, quotaUsedToday, serviceClosedToday } from "./today";

/**
 * Where and when a service can be booked (docs/booking.md decisions 4 and 5):
 * its slots on a day, the days on offer, the places left. Pure: `now` is the
 * hub's time, days are office-local "YYYY-MM-DD".
 */

export interface Slot {
  start: number;
  end: number;
}

const DAY_MS = 86_400_000;

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const at = (day: string) => {
    const [y, m, d] = day.split("-").map(Number);
    return Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1);
  };
  return Math.round((at(to) - at(from)) / DAY_MS);
}

/**
 * Epoch ms of local midnight starting `day`, found from an instant inside
 * it: noon UTC of the date is on that local date for every offset from
 * -11:59 to +11:59, and one step covers the rest (Kiribati, Samoa).
 */
export function startOfDay(day: string, timezone: string): number {
  const [y, m, d] = day.split("-").map(Number);
  let probe = Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1, 12);
  const seen = serviceDayOf(probe, timezone);
  if (seen > day) probe -= DAY_MS / 2;
  else if (seen < day) probe += DAY_MS / 2;
  return startOfServiceDay(probe, timezone);
}

/**
 * A bookable service's slots on `day`: from each opening interval's start,
 * every `slotMinutes`, each wholly inside the interval (a 25-minute tail
 * before closing is no slot). None on a closed date or a closed weekday.
 * Minutes are counted from local midnight, exact for every zone without
 * daylight saving time (all of Indonesia's).
 */
export function slotsOf(service: ServiceRules, day: string, timezone: string): Slot[] {
  const booking = service.booking;
  if (!booking || service.closedDates.includes(day)) return [];
  const midnight = startOfDay(day, timezone);
  const weekday = localMoment(midnight, timezone).weekday;
  const length = booking.slotMinutes;
  const slots: Slot[] = [];
  for (const interval of intervalsOn(service.hours, weekday)) {
    const close = parseLocalTime(interval.close);
    for (let start = parseLocalTime(interval.open); start + length <= close; start += length) {
      slots.push({ start: midnight + start * 60_000, end: midnight + (start + length) * 60_000 });
    }
  }
  return slots.sort((a, b) => a.start - b.start);
}

/** A slot can still be taken at `now`: it starts at least `minLeadMinutes` ahead, on a day within `daysAhead`. */
export function slotIsBookable(booking: ServiceBookingRules, slot: Slot, day: string, now: number, timezone: string): boolean {
  const ahead = daysBetween(serviceDayOf(now, timezone), day);
  return ahead >= 0 && ahead <= booking.daysAhead && slot.start >= now + booking.minLeadMinutes * 60_000;
}

/** The slot starting at `slotStart`, when it is one of the service's and can still be booked; else null. */
export function bookableSlotAt(state: QueueState, service: ServiceRules, slotStart: number, now: number): (Slot & { day: string }) | null {
  const booking = service.booking;
  if (!booking) return null;
  const tz = state.rules.timezone;
  const day = serviceDayOf(slotStart, tz);
  const slot = slotsOf(service, day, tz).find((s) => s.start === slotStart);
  return slot && slotIsBookable(booking, slot, day, now, tz) ? { ...slot, day } : null;
}

/**
 * Places left in a slot: its capacity less the bookings held, confirmed or
 * checked in whose time overlaps it (after a change of `slotMinutes`, two
 * 09:30–10:00 bookings fill a 09:00–10:00 slot of capacity 2).
 */
export function freeInSlot(state: QueueState, service: ServiceRules, slot: Slot): number {
  const capacity = service.booking?.capacity ?? 0;
  const day = serviceDayOf(slot.start, state.rules.timezone);
  return Math.max(0, capacity - takenInSlot(state.bookings, service.id, day, slot));
}

/**
 * How many more bookings `day` takes by the quota (decision 4), or null when
 * the service has no quota that day. The booking share is
 * floor(quota × maxShareOfQuota) less the bookings already taking a place;
 * today the whole quota counts as well (walk-ins may already have used the
 * rest). Today's quota is the supervisor's when set, a later day's the config's.
 */
export function bookingShareLeft(state: QueueState, service: ServiceRules, day: string, now: number): number | null {
  const booking = service.booking;
  if (!booking) return 0;
  const today = serviceDayOf(now, state.rules.timezone);
  const quota = day === today ? quotaToday(state, service, now) : service.dailyQuota;
  if (quota === null) return null;
  const share = Math.floor(quota * booking.maxShareOfQuota) - bookingsTakenOn(state.bookings, service.id, day);
  if (day !== today) return Math.max(0, share);
  const whole = quota - quotaUsedToday(state, service.id, now) - openBookingsOn(state.bookings, service.id, day);
  return Math.max(0, Math.min(share, whole));
}

export interface SlotAvailability extends Slot {
  capacity: number;
  /** Places the citizen can take now: 0 for a slot too soon, and when the day's booking share is used up. */
  free: number;
}

export interface DayAvailability {
  day: string;
  slots: SlotAvailability[];
  /** The day's booking share of the quota is used up (walk-ins keep the rest). */
  quotaShareFull: boolean;
  /** Places the citizen can take that day (each slot's free, bounded by the share left). */
  free: number;
}

/** A day's slots as the booking page shows them. Empty on a day that cannot be booked. */
export function dayAvailability(state: QueueState, service: ServiceRules, day: string, now: number): DayAvailability {
  const booking = service.booking;
  const tz = state.rules.timezone;
  const shareLeft = bookingShareLeft(state, service, day, now);
  const closedToday = day === serviceDayOf(now, tz) && serviceClosedToday(state, service.id, now) !== null;
  const slots = (booking ? slotsOf(service, day, tz) : []).map((slot) => {
    const open = booking !== null && !closedToday && slotIsBookable(booking, slot, day, now, tz);
    const free = open ? freeInSlot(state, service, slot) : 0;
    return { ...slot, capacity: booking?.capacity ?? 0, free: shareLeft === null ? free : Math.min(free, shareLeft) };
  });
  const sum = slots.reduce((n, s) => n + s.free, 0);
  return {
    day,
    slots,
    quotaShareFull: shareLeft === 0 && slots.length > 0,
    free: shareLeft === null ? sum : Math.min(sum, shareLeft),
  };
}

/** The days the page may offer: today (when a slot is still far enough ahead) to today + daysAhead. */
export function bookableDays(state: QueueState, service: ServiceRules, now: number): DayAvailability[] {
  const booking = service.booking;
  if (!booking) return [];
  const today = serviceDayOf(now, state.rules.timezone);
  const days: DayAvailability[] = [];
  for (let n = 0; n <= booking.daysAhead; n++) {
    const availability = dayAvailability(state, service, addDays(today, n), now);
    if (availability.slots.some((s) => slotIsBookable(booking, s, availability.day, now, state.rules.timezone)))
      days.push(availability);
  }
  return days;
}
