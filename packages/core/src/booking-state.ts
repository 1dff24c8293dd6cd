import type { BookingEvent } from "./events";
import type { ServiceId } from "./office";
import type { TicketId } from "./ticket";
import type { BookingId, BookingReleaseReason } from "./booking-ids";
export { BOOKING_RELEASE_REASONS, type BookingId, type BookingReleaseReason } from "./booking-ids";

/**
 * Booked visits as the live queue holds them (docs/booking.md decision 2):
 * the open ones (held, confirmed) and those that ended recently, so a late
 * check-in is told "expired" rather than "unknown", with the counts the rules
 * read on every hold and every walk-in. The rules are in booking.ts.
 */


export const BOOKING_STATUSES = ["held", "confirmed", "checked_in", "expired", "released"] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];


export interface Booking {
  id: BookingId;
  code: string;
  serviceId: ServiceId;
  /** The slot's service day. */
  serviceDay: string;
  slotStart: number;
  slotEnd: number;
  status: BookingStatus;
  heldAt: number;
  holdExpiresAt: number;
  confirmedAt: number | null;
  /** When it was checked in, expired or released. */
  endedAt: number | null;
  ticketId: TicketId | null;
  releaseReason: BookingReleaseReason | null;
}

export interface BookingsState {
  byId: Map<BookingId, Booking>;
  /** Codes of the bookings in memory, open or recently ended: a code names one booking at a time. */
  byCode: Map<string, BookingId>;
  /** Held or confirmed: what the sweep looks at. */
  open: Set<BookingId>;
  /** Places taken (held, confirmed, checked in) per service and day: the booking share of the quota. */
  takenByDay: Map<string, number>;
  /** Held or confirmed per service and day: they hold places of the day's quota until checked in or ended. */
  openByDay: Map<string, number>;
  /**
   * The bookings taking a place (held, confirmed, checked in) per service and
   * day: a slot's capacity counts those whose time overlaps it, not only those
   * starting with it, so a change of `slotMinutes` while bookings are open
   * cannot offer their places again (a day holds a few dozen bookings).
   */
  takingByDay: Map<string, Set<BookingId>>;
}

export function createBookings(): BookingsState {
  return {
    byId: new Map(),
    byCode: new Map(),
    open: new Set(),
    takenByDay: new Map(),
    openByDay: new Map(),
    takingByDay: new Map(),
  };
}

export const dayKey = (serviceId: ServiceId, serviceDay: string): string => `${serviceId}|${serviceDay}`;

function bump(map: Map<string, number>, key: string, delta: number): void {
  const n = (map.get(key) ?? 0) + delta;
  if (n === 0) map.delete(key);
  else map.set(key, n);
}

const isOpen = (status: BookingStatus): boolean => status === "held" || status === "confirmed";
const takesPlace = (status: BookingStatus): boolean => isOpen(status) || status === "checked_in";

/** Held, then confirmed, then one of the endings: an event never moves a booking back. */
const STAGE: Record<BookingStatus, number> = { held: 0, confirmed: 1, checked_in: 2, expired: 2, released: 2 };

function track(map: Map<string, Set<BookingId>>, key: string, id: BookingId, sign: 1 | -1): void {
  const set = map.get(key);
  if (sign === 1) {
    if (set) set.add(id);
    else map.set(key, new Set([id]));
  } else if (set) {
    set.delete(id);
    if (set.size === 0) map.delete(key);
  }
}

function count(bookings: BookingsState, booking: Booking, sign: 1 | -1): void {
  if (takesPlace(booking.status)) {
    bump(bookings.takenByDay, dayKey(booking.serviceId, booking.serviceDay), sign);
    track(bookings.takingByDay, dayKey(booking.serviceId, booking.serviceDay), booking.id, sign);
  }
  if (isOpen(booking.status)) {
    bump(bookings.openByDay, dayKey(booking.serviceId, booking.serviceDay), sign);
    if (sign === 1) bookings.open.add(booking.id);
    else bookings.open.delete(booking.id);
  }
}

function insert(bookings: BookingsState, booking: Booking): void {
  bookings.byId.set(booking.id, booking);
  bookings.byCode.set(booking.code, booking.id);
  count(bookings, booking, 1);
}

/** Moves a booking on, keeping every count in step: out with the old status, in with the new. */
function move(bookings: BookingsState, booking: Booking, change: Partial<Booking> & { status: BookingStatus }): void {
  count(bookings, booking, -1);
  Object.assign(booking, change);
  count(bookings, booking, 1);
}

/**
 * Applies a booking event. Idempotent by booking id and never backwards: the
 * hub seeds the state from the store's read model (loadBookings) and then
 * replays today's log, which holds events the read model already reflects.
 * An event for a booking not in memory (it ended before today and was not
 * loaded) changes nothing.
 */
export function applyBooking(bookings: BookingsState, event: BookingEvent): void {
  if (event.type === "booking.held") {
    if (bookings.byId.has(event.bookingId)) return;
    insert(bookings, {
      id: event.bookingId,
      code: event.code,
      serviceId: event.serviceId,
      serviceDay: event.serviceDay,
      slotStart: event.slotStart,
      slotEnd: event.slotEnd,
      status: "held",
      heldAt: event.at,
      holdExpiresAt: event.holdExpiresAt,
      confirmedAt: null,
      endedAt: null,
      ticketId: null,
      releaseReason: null,
    });
    return;
  }
  const booking = bookings.byId.get(event.bookingId);
  if (!booking) return;
  switch (event.type) {
    case "booking.confirmed":
      if (STAGE[booking.status] < 1) move(bookings, booking, { status: "confirmed", confirmedAt: event.at });
      return;
    case "booking.released":
      if (STAGE[booking.status] < 2)
        move(bookings, booking, { status: "released", endedAt: event.at, releaseReason: event.reason });
      return;
    case "booking.expired":
      if (STAGE[booking.status] < 2) move(bookings, booking, { status: "expired", endedAt: event.at });
      return;
    case "booking.checked_in":
      if (STAGE[booking.status] < 2)
        move(bookings, booking, { status: "checked_in", endedAt: event.at, ticketId: event.ticketId });
      return;
  }
}

/**
 * Seeds bookings from the store's read model before today's log is replayed
 * (docs/booking.md decision 2). The hub passes every booking whose service
 * day is today or later, whatever its status: checked-in ones still count
 * against their day's booking share, ended ones answer a late check-in with
 * the right refusal. A booking already in memory is left as it is.
 */
export function loadBookings(bookings: BookingsState, rows: Iterable<Booking>): number {
  let loaded = 0;
  for (const row of rows) {
    if (bookings.byId.has(row.id)) continue;
    insert(bookings, { ...row });
    loaded++;
  }
  return loaded;
}

export function cloneBookings(bookings: BookingsState): BookingsState {
  const copy = createBookings();
  for (const b of bookings.byId.values()) insert(copy, { ...b });
  return copy;
}

/**
 * Drops ended bookings of service days before `serviceDay`: the read model
 * keeps them for the staff list and reports. Open ones stay until the sweep
 * ends them (it does on the first run of a later day).
 */
export function pruneBookings(bookings: BookingsState, serviceDay: string): number {
  let removed = 0;
  for (const b of bookings.byId.values()) {
    if (b.serviceDay >= serviceDay || isOpen(b.status)) continue;
    count(bookings, b, -1);
    bookings.byId.delete(b.id);
    if (bookings.byCode.get(b.code) === b.id) bookings.byCode.delete(b.code);
    removed++;
  }
  return removed;
}

/** Held and confirmed bookings of a service's day: places of its quota promised, not yet tickets. */
export function openBookingsOn(bookings: BookingsState, serviceId: ServiceId, serviceDay: string): number {
  return bookings.openByDay.get(dayKey(serviceId, serviceDay)) ?? 0;
}

/** Bookings that take a place of the day (held, confirmed, checked in): the booking share. */
export function bookingsTakenOn(bookings: BookingsState, serviceId: ServiceId, serviceDay: string): number {
  return bookings.takenByDay.get(dayKey(serviceId, serviceDay)) ?? 0;
}

/** Bookings taking a place whose [slotStart, slotEnd) overlaps the slot [start, end) of that service day. */
export function takenInSlot(
  bookings: BookingsState,
  serviceId: ServiceId,
  serviceDay: string,
  slot: { start: number; end: number },
): number {
  let taken = 0;
  for (const id of bookings.takingByDay.get(dayKey(serviceId, serviceDay)) ?? []) {
    const b = bookings.byId.get(id);
    if (b && b.slotStart < slot.end && slot.start < b.slotEnd) taken++;
  }
  return taken;
}

/** The booking a code names (the hub has normalized it, "7KQ-M4P"), open or recently ended. */
export function bookingByCode(bookings: BookingsState, code: string): Booking | null {
  const id = bookings.byCode.get(code);
  return (id === undefined ? undefined : bookings.byId.get(id)) ?? null;
}
