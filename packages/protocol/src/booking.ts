import { z } from "zod";

/*
 * Booked visits (docs/booking.md, docs/api.md "Reservasi"): what the public
 * booking page, the kiosk, the counter app and the dashboard exchange with
 * the hub. The page is public (no login); a booking id is unguessable and is
 * the citizen's key to their own booking, like a ticket id; the booking code
 * is short, typed or scanned at the kiosk, and only checks in.
 */

/** 16 base64url characters, like a ticket id. */
export const BOOKING_ID = /^[A-Za-z0-9_-]{16}$/;

/**
 * "7KQ-M4P": six characters of Crockford's base32 without I, L, O, U (never
 * misread on a phone screen or typed wrong on the kiosk's keyboard), shown
 * with a dash. Input is forgiving: lower case, spaces, no dash, O for 0 and
 * I/L for 1 are read as the code (`normalizeBookingCode`).
 */
export const BOOKING_CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const BOOKING_CODE = /^[0-9A-HJKMNP-TV-Z]{3}-[0-9A-HJKMNP-TV-Z]{3}$/;

export function normalizeBookingCode(input: string): string | null {
  const plain = input
    .toUpperCase()
    .replace(/[\s-]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
  if (!/^[0-9A-HJKMNP-TV-Z]{6}$/.test(plain)) return null;
  return `${plain.slice(0, 3)}-${plain.slice(3)}`;
}

/**
 * What a booking QR holds: the booking's page at the office's public address,
 * `<publicBaseUrl>/reservasi/<bookingId>?kode=<code>`. A kiosk's scanner types
 * it as text; `bookingCodeFromScan` takes the code out of it (or takes a
 * typed code as is).
 */
export function bookingCodeFromScan(text: string): string | null {
  const match = /[?&]kode=([0-9A-Za-z-]{6,7})/.exec(text);
  return normalizeBookingCode(match ? decodeURIComponent(match[1] ?? "") : text.trim());
}

export const BOOKING_STATUSES = ["held", "confirmed", "checked_in", "expired", "released"] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

/** "service_closed": a supervisor closed the service for the booking's day and its check-in window passed (not a no-show). */
export const BOOKING_RELEASE_REASONS = ["hold_lapsed", "citizen_cancelled", "staff_cancelled", "service_closed"] as const;
export type BookingReleaseReason = (typeof BOOKING_RELEASE_REASONS)[number];

const serviceDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date "YYYY-MM-DD"' });

/** What the office asks for (office.yaml `booking.ask`), and nothing else. */
export interface BookingAsk {
  name: boolean;
  phone: boolean;
}

/** GET /api/bookings/services: what can be booked, for the page's first step. */
export interface BookableServices {
  enabled: boolean;
  /** Why nothing can be booked (the page says it instead of failing): "disabled" or "no-public-url". */
  unavailableReason: "disabled" | "no-public-url" | null;
  ask: BookingAsk;
  timeZone: string;
  timeZoneName: string;
  services: {
    id: string;
    name: string;
    agencyName: string;
    slotMinutes: number;
    daysAhead: number;
    /** The service's requirements, so the citizen brings them. */
    persyaratan: string[];
  }[];
}

/** GET /api/bookings/slots?service=<id>&day=<YYYY-MM-DD> */
export const SlotsQuerySchema = z.strictObject({ service: z.string().min(1).max(64), day: serviceDay });

export interface BookingSlot {
  /** Epoch ms, hub time. */
  start: number;
  end: number;
  capacity: number;
  free: number;
}

export interface BookingSlots {
  serviceId: string;
  day: string;
  /** The days the page may offer (bookable from today + lead to daysAhead), each with whether any slot is free. */
  days: { day: string; open: boolean; free: number }[];
  slots: BookingSlot[];
  /** The day's booking share of the quota is used up (walk-ins keep the rest): the page says so. */
  quotaShareFull: boolean;
}

/** POST /api/bookings/hold: "Pilih jam ini". */
export const BookingHoldSchema = z.strictObject({
  serviceId: z.string().min(1).max(64),
  slotStart: z.int().min(0),
});
export type BookingHold = z.infer<typeof BookingHoldSchema>;

export interface BookingHeld {
  bookingId: string;
  holdExpiresAt: number;
}

/**
 * POST /api/bookings/<id>/confirm: the details the office asks for. A phone
 * number is read as digits (spaces, dashes, +62 allowed) and never stored
 * whole (docs/booking.md, decision 3).
 */
export const BookingConfirmSchema = z.strictObject({
  name: z.string().trim().min(2).max(60).optional(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 -]{8,20}$/, { error: "nomor HP: 8-15 angka" })
    .optional(),
});
export type BookingConfirm = z.infer<typeof BookingConfirmSchema>;

/** A booking as its citizen sees it (GET /api/bookings/<id>, the confirm answer). */
export interface BookingReceipt {
  bookingId: string;
  code: string;
  status: BookingStatus;
  serviceId: string;
  serviceName: string;
  slotStart: number;
  slotEnd: number;
  checkInFrom: number;
  checkInUntil: number;
  holdExpiresAt: number | null;
  /** The booking's page; the QR holds it with `?kode=`. */
  url: string;
  /** The ticket's page once checked in. */
  ticketUrl: string | null;
  timeZone: string;
  timeZoneName: string;
}

/** Kiosk and counter socket `booking:checkIn`: the code typed or scanned. */
export const BookingCheckInSchema = z.strictObject({
  requestId: z.string().min(8).max(64),
  code: z.string().min(6).max(200),
});
export type BookingCheckIn = z.infer<typeof BookingCheckInSchema>;

/**
 * The kiosk's `booking:checkIn`: as at the counter, and who prints the
 * ticket, as for `ticket:issue` ("kiosk": the Electron kiosk prints itself;
 * "hub": the hub prints to the browser kiosk's network printer, and a
 * ticket that cannot print is not issued and the booking stays confirmed).
 */
export const KioskBookingCheckInSchema = BookingCheckInSchema.extend({
  printVia: z.enum(["kiosk", "hub"]).default("kiosk"),
});
export type KioskBookingCheckInInput = z.input<typeof KioskBookingCheckInSchema>;

/** GET /api/admin/bookings?day=&service=&status=: the staff list (Administrasi → Reservasi). */
export const AdminBookingsQuerySchema = z.strictObject({
  day: serviceDay,
  service: z.string().min(1).max(64).optional(),
  status: z.enum(BOOKING_STATUSES).optional(),
});

export interface AdminBookingRow {
  bookingId: string;
  code: string;
  status: BookingStatus;
  serviceId: string;
  slotStart: number;
  slotEnd: number;
  heldAt: number;
  confirmedAt: number | null;
  checkedInAt: number | null;
  endedAt: number | null;
  releaseReason: BookingReleaseReason | null;
  ticketNumber: string | null;
  /** Only while the booking is open; deleted with the visit. */
  name: string | null;
  phoneLast4: string | null;
}

export interface AdminBookingsPage {
  day: string;
  /** What the list can be filtered by: the bookable services and any other the day has bookings of, with their names. */
  services: { id: string; name: string }[];
  rows: AdminBookingRow[];
  counts: Record<BookingStatus, number>;
}

/** POST /api/admin/bookings/<id>/cancel */
export const AdminBookingCancelSchema = z.strictObject({ reason: z.string().trim().min(3).max(200) });

/** Who sees Administrasi → Reservasi (the day's bookings): those who run or oversee the day. */
export function mayListBookings(role: string): boolean {
  return role === "admin" || role === "supervisor" || role === "manager";
}

/** Who cancels a citizen's booking (with a reason, in the audit trail): those who run the day, as "Layanan hari ini". */
export function mayCancelBooking(role: string): boolean {
  return role === "admin" || role === "supervisor";
}
