import { z } from "zod";
import type { ConfigIssue } from "./issues";
import type { YamlSource } from "./yaml-source";

/*
 * Booked visits (docs/booking.md "Config"): office.yaml `booking` switches
 * them on and sets the calo limits; a service's `booking` makes it bookable
 * and shapes its slots. Off until the office writes `enabled: true`: a
 * booking page reachable from mobile data is a decision, not a default.
 */

export interface BookingLimits {
  /** Open bookings one contact (a phone number) may have on one day. */
  perContactPerDay: number;
  /** Open bookings one contact may have in all. */
  perContactOpen: number;
  /** Open bookings one device (the `layan_device` cookie) may have on one day. */
  perDevicePerDay: number;
  /** Holds one address may make in an hour. */
  perAddressPerHour: number;
}

export interface OfficeBookingConfig {
  enabled: boolean;
  /** How long a picked slot is held for the citizen to confirm. */
  holdMinutes: number;
  /** What the citizen is asked for; nothing else is stored, and never the NIK. */
  ask: { name: boolean; phone: boolean };
  /** A counter calls at most this many booked tickets in a row while walk-ins wait. */
  bookedInARow: number;
  limits: BookingLimits;
}

export interface ServiceBookingConfig {
  slotMinutes: number;
  /** Places per slot. */
  capacity: number;
  daysAhead: number;
  minLeadMinutes: number;
  earlyMinutes: number;
  lateMinutes: number;
  /** Share of the daily quota bookings may take; walk-ins always keep the rest. */
  maxShareOfQuota: number;
}

const count = (max: number, fallback: number, what: string) =>
  z.int({ error: `expected a whole number: ${what}` }).min(1, { error: `at least 1: ${what}` }).max(max, { error: `at most ${max}: ${what}` }).default(fallback);

export const officeBookingSchema: z.ZodType<OfficeBookingConfig, unknown> = z
  .strictObject({
    enabled: z.boolean().default(false),
    holdMinutes: count(60, 10, "minutes a picked slot waits for the citizen's confirmation"),
    ask: z
      .strictObject({ name: z.boolean().default(true), phone: z.boolean().default(true) })
      .prefault({}),
    bookedInARow: count(10, 2, "booked tickets a counter calls in a row while walk-ins wait"),
    limits: z
      .strictObject({
        perContactPerDay: count(20, 1, "open bookings per phone number per day"),
        perContactOpen: count(50, 2, "open bookings per phone number in all"),
        perDevicePerDay: count(20, 2, "open bookings per device per day"),
        perAddressPerHour: count(10_000, 20, "holds per network address per hour (a whole office behind one address counts once)"),
      })
      .prefault({}),
  })
  .prefault({});

export const serviceBookingSchema: z.ZodType<ServiceBookingConfig, unknown> = z.strictObject({
  slotMinutes: z
    .int({ error: "expected whole minutes, like 30" })
    .min(5, { error: "a slot of fewer than 5 minutes cannot be kept: use 15, 20 or 30" })
    .max(240, { error: "a slot of more than 4 hours says nothing: use 30 or 60" })
    .default(30),
  capacity: z
    .int({ error: "expected the places per slot, a whole number like 4" })
    .min(1, { error: "at least 1 place per slot" })
    .max(1000),
  daysAhead: z.int().min(0, { error: "0 (today only) or more" }).max(90, { error: "at most 90 days ahead" }).default(14),
  minLeadMinutes: z.int().min(0).max(7 * 24 * 60).default(60),
  earlyMinutes: z.int().min(0).max(240, { error: "at most 240 minutes early" }).default(30),
  lateMinutes: z.int().min(0).max(240, { error: "at most 240 minutes late" }).default(15),
  maxShareOfQuota: z
    .number({ error: "expected a share like 0.5 (half the daily quota)" })
    .gt(0, { error: "more than 0: a share of 0 books nothing; remove `booking` instead" })
    .max(1, { error: "at most 1 (the whole daily quota)" })
    .default(0.5),
});

/**
 * Booking switched on with nothing to book: the kiosk shows "Punya kode
 * reservasi?" and the booking page opens, but offers no service. A warning,
 * not an error: an office may switch the page on before writing the services'
 * `booking` blocks, and the hub still starts.
 */
export function bookingWarnings(
  office: { booking: { enabled: boolean } },
  services: readonly { booking?: unknown }[],
  source: YamlSource,
): ConfigIssue[] {
  if (!office.booking.enabled || services.some((s) => s.booking !== undefined)) return [];
  return [source.issue(["booking", "enabled"], "booking is on but no service has a `booking` block: nothing can be booked; add `booking:` (slotMinutes, capacity) to the services citizens may book, or set enabled: false")];
}
