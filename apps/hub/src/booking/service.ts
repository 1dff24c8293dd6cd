import { randomBytes, randomInt } from "node:crypto";
import { checkInWindow, serviceDayOf, type Booking, type QueueEvent } from "@layan/core";
import {
  BOOKING_CODE_ALPHABET,
  fail,
  ok,
  type Ack,
  type AdminBookingRow,
  type AdminBookingsPage,
  type BookableServices,
  type BookingConfirm,
  type BookingHeld,
  type BookingReceipt,
  type BookingStatus,
} from "@layan/protocol";
import { bookingContactRef, type AuditActor, type PersonalDataEntry } from "@layan/store";
import { zoneAbbreviation } from "@layan/printer";
import type { HubContext } from "../context";
import { bookingFromRow } from "../store-adapter";
import { keyedHash, normalizePhone } from "./identity";
import { BookingLimits, type BookingLimitSettings } from "./limits";

/** Draws of another code after BOOKING_CODE_TAKEN: with 32^6 codes and a few thousand open, one is plenty. */
const CODE_ATTEMPTS = 5;

export const DEFAULT_BOOKING_LIMITS: BookingLimitSettings = {
  perContactPerDay: 1,
  perContactOpen: 2,
  perDevicePerDay: 2,
  perAddressPerHour: 20,
};

/** "7KQ-M4P" from BOOKING_CODE_ALPHABET, uniformly (randomInt, no modulo bias). */
export function newBookingCode(): string {
  let plain = "";
  for (let i = 0; i < 6; i++) plain += BOOKING_CODE_ALPHABET[randomInt(BOOKING_CODE_ALPHABET.length)];
  return `${plain.slice(0, 3)}-${plain.slice(3)}`;
}

/** 16 base64url characters (96 bits), like a ticket id: the citizen's key to their booking. */
export const newBookingId = (): string => randomBytes(12).toString("base64url");

/**
 * The hub's side of booked visits (docs/booking.md): the calo defences
 * before each command (decision 7), the booking's contact written with its
 * confirmation (decision 3), and what the public page, the receipt and the
 * staff list read. The rules themselves (slots, capacity, quota share, the
 * check-in window) are the core's, decided in the engine like every ticket.
 */
export class BookingDesk {
  readonly limits: BookingLimits;
  private readonly stopListening: () => void;

  constructor(
    private readonly ctx: HubContext,
    private readonly key: Buffer,
  ) {
    this.limits = new BookingLimits(() => ctx.engine.now());
    // Counted again from what was confirmed before the restart (holds last minutes; they are not kept).
    for (const { bookingId, serviceDay, contact } of ctx.store.bookings.openBookingContacts()) {
      this.limits.held(bookingId, serviceDay, contact.deviceHash);
      this.limits.confirmed(bookingId, contact.phoneHmac);
    }
    // Whatever ends a booking (the sweep, staff, a check-in) frees its place in the limits.
    this.stopListening = ctx.engine.onCommitted((batch) => {
      for (const { event } of batch) if (endsBooking(event)) this.limits.ended(event.bookingId);
    });
  }

  close(): void {
    this.stopListening();
  }

  settings() {
    return this.ctx.setup.booking;
  }

  private limitSettings(): BookingLimitSettings {
    return this.settings()?.limits ?? DEFAULT_BOOKING_LIMITS;
  }

  private get timeZone(): string {
    return this.ctx.engine.state.rules.timezone;
  }

  services(): BookableServices {
    const { catalog, publicBaseUrl } = this.ctx.setup;
    const rules = this.ctx.engine.state.rules;
    const enabled = rules.booking.enabled;
    const bookable = rules.services.filter((s) => s.booking !== null);
    return {
      enabled,
      unavailableReason: !enabled ? "disabled" : publicBaseUrl === null ? "no-public-url" : null,
      ask: this.settings()?.ask ?? { name: true, phone: true },
      timeZone: this.timeZone,
      timeZoneName: zoneAbbreviation(this.timeZone, this.ctx.engine.now()),
      services: !enabled
        ? []
        : bookable.map((s) => {
            const info = catalog.services.find((c) => c.id === s.id);
            return {
              id: s.id,
              name: info?.name ?? s.id,
              agencyName: catalog.agencies.find((a) => a.id === info?.agencyId)?.name ?? "",
              slotMinutes: s.booking?.slotMinutes ?? 0,
              daysAhead: s.booking?.daysAhead ?? 0,
              persyaratan: (info?.persyaratan ?? []).map((r) => (r.condition ? `${r.text} (${r.condition})` : r.text)),
            };
          }),
    };
  }

  /**
   * "Pilih jam ini": a place held for holdMinutes. The device's limit is
   * counted before the command and its hold registered at once, so two
   * taps in flight cannot both pass it.
   */
  async hold(input: { serviceId: string; slotStart: number }, deviceHash: string, address: string): Promise<Ack<BookingHeld>> {
    const limits = this.limitSettings();
    if (!this.limits.takeAddressHold(limits, address)) return fail("BOOKING_LIMIT_ADDRESS");
    const day = serviceDayOf(input.slotStart, this.timeZone);
    const refused = this.limits.refuseHold(limits, deviceHash, day);
    if (refused) return fail(refused);
    for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
      const bookingId = newBookingId();
      this.limits.held(bookingId, day, deviceHash);
      const answer = await this.ctx.engine.execute(
        { type: "holdBooking", bookingId, code: newBookingCode(), serviceId: input.serviceId, slotStart: input.slotStart },
        { requestId: null, namespace: "public" },
        (_state, events): BookingHeld => {
          const held = events.find((e) => e.type === "booking.held");
          if (held?.type !== "booking.held") throw new Error("holdBooking produced no booking.held");
          return { bookingId, holdExpiresAt: held.holdExpiresAt };
        },
      );
      if (!answer.ok) this.limits.ended(bookingId);
      if (answer.ok || answer.error.code !== "BOOKING_CODE_TAKEN") return answer;
    }
    return fail("INTERNAL");
  }

  /**
   * The details the office asks for, and only those: the phone never whole
   * (its last four digits and its HMAC), with the device's hash, written in
   * the transaction of booking.confirmed.
   */
  async confirm(bookingId: string, body: BookingConfirm, deviceHash: string, base: string | null): Promise<Ack<BookingReceipt>> {
    const booking = this.ctx.engine.state.bookings.byId.get(bookingId);
    if (!booking) return fail("BOOKING_UNKNOWN");
    const ask = this.settings()?.ask ?? { name: true, phone: true };
    if ((ask.name && !body.name) || (ask.phone && !body.phone)) return fail("BOOKING_DETAILS_REQUIRED");
    const phone = ask.phone && body.phone ? normalizePhone(body.phone) : null;
    if (ask.phone && phone === null) return fail("INVALID_PAYLOAD", [{ path: "phone", message: "nomor HP: 8-15 angka" }]);
    const phoneHmac = phone === null ? null : keyedHash(this.key, "phone", phone);
    // A confirm of a booking already confirmed (the page sent twice) is answered as it stands, no limit counted twice.
    if (booking.status === "held") {
      // A hold from before a restart is not counted (holds are not stored
      // with a device): counted now for the device that confirms it, the one
      // its stored contact will name, so its contact counts like any other.
      // The device's own limit first, as its hold would have met it: a restart
      // must not give a device a fresh set of holds on top of its old ones.
      if (!this.limits.knows(bookingId)) {
        const deviceFull = this.limits.refuseHold(this.limitSettings(), deviceHash, booking.serviceDay);
        if (deviceFull) return fail(deviceFull);
        this.limits.held(bookingId, booking.serviceDay, deviceHash);
      }
      const refused = this.limits.refuseConfirm(this.limitSettings(), bookingId, phoneHmac);
      if (refused) return fail(refused);
    }
    const personal: PersonalDataEntry[] = [
      {
        ref: bookingContactRef(bookingId),
        kind: "booking_contact",
        data: {
          name: ask.name ? (body.name ?? null) : null,
          phoneLast4: phone === null ? null : phone.slice(-4),
          phoneHmac,
          deviceHash,
        },
      },
    ];
    const counted = booking.status === "held" && this.limits.confirmed(bookingId, phoneHmac);
    const answer = await this.ctx.engine.execute(
      { type: "confirmBooking", bookingId },
      { requestId: null, namespace: "public", personal },
      () => null,
    );
    if (!answer.ok) {
      if (counted) this.limits.unconfirmed(bookingId);
      return answer;
    }
    const receipt = this.receipt(bookingId, base);
    return receipt ? ok(receipt) : fail("BOOKING_UNKNOWN");
  }

  /** The live queue's booking (fresh) or the read model's (a day long ended), or null. */
  private find(bookingId: string): Booking | null {
    const live = this.ctx.engine.state.bookings.byId.get(bookingId);
    if (live) return live;
    const row = this.ctx.store.bookings.bookingById(bookingId);
    return row ? bookingFromRow(row) : null;
  }

  receipt(bookingId: string, base: string | null): BookingReceipt | null {
    const booking = this.find(bookingId);
    if (!booking) return null;
    // The core's window, the one the check-in is decided by: the receipt never promises another.
    const window = checkInWindow(this.ctx.engine.state, booking);
    const root = (this.ctx.setup.publicBaseUrl ?? base ?? "").replace(/\/$/, "");
    return {
      bookingId: booking.id,
      code: booking.code,
      status: booking.status,
      serviceId: booking.serviceId,
      serviceName: this.ctx.setup.catalog.services.find((s) => s.id === booking.serviceId)?.name ?? booking.serviceId,
      slotStart: booking.slotStart,
      slotEnd: booking.slotEnd,
      checkInFrom: window.from,
      checkInUntil: window.until,
      holdExpiresAt: booking.status === "held" ? booking.holdExpiresAt : null,
      url: `${root}/reservasi/${booking.id}`,
      ticketUrl: booking.ticketId === null ? null : `${root}/t/${booking.ticketId}`,
      timeZone: this.timeZone,
      timeZoneName: zoneAbbreviation(this.timeZone, booking.slotStart),
    };
  }

  /** "Batalkan reservasi" by the citizen, or by staff (with the audit row in the same transaction). */
  async release(bookingId: string, by: { kind: "citizen" } | { kind: "staff"; actor: AuditActor; reason: string }): Promise<Ack<null>> {
    const booking = this.ctx.engine.state.bookings.byId.get(bookingId);
    if (!booking) return fail("BOOKING_UNKNOWN");
    const audit =
      by.kind === "staff"
        ? {
            audit: {
              at: this.ctx.engine.now(),
              actor: by.actor,
              action: "booking.cancel" as const,
              target: bookingId,
              before: { status: booking.status, code: booking.code, serviceId: booking.serviceId, slotStart: booking.slotStart },
              after: { status: "released", reason: by.reason },
            },
          }
        : {};
    return this.ctx.engine.execute(
      { type: "releaseBooking", bookingId, reason: by.kind === "staff" ? "staff_cancelled" : "citizen_cancelled" },
      { requestId: null, namespace: by.kind === "staff" ? "admin" : "public", ...audit },
      () => null,
    );
  }

  /** Administrasi → Reservasi: one day's bookings, their contacts while open. */
  adminPage(q: { day: string; service?: string | undefined; status?: BookingStatus | undefined }): AdminBookingsPage {
    const { bookings } = this.ctx.store;
    const rows = bookings.listBookings({ day: q.day, serviceId: q.service, status: q.status });
    // The services staff can filter by: the bookable ones, and any the day has bookings of
    // (a service made unbookable, or booking switched off, keeps its bookings and its name here).
    const names = new Map(this.ctx.setup.catalog.services.map((s) => [s.id, s.name]));
    const ids = new Set([...this.ctx.engine.state.services.values()].filter((s) => s.booking !== null).map((s) => s.id));
    for (const r of q.service === undefined && q.status === undefined ? rows : bookings.listBookings({ day: q.day })) ids.add(r.service_id);
    return {
      day: q.day,
      services: [...ids].map((id) => ({ id, name: names.get(id) ?? id })),
      rows: rows.map((r): AdminBookingRow => ({
        bookingId: r.booking_id,
        code: r.code,
        status: r.status,
        serviceId: r.service_id,
        slotStart: r.slot_start,
        slotEnd: r.slot_end,
        heldAt: r.held_at,
        confirmedAt: r.confirmed_at,
        checkedInAt: r.checked_in_at,
        endedAt: r.ended_at,
        releaseReason: r.release_reason,
        ticketNumber: r.ticket_number,
        name: r.contact?.name ?? null,
        phoneLast4: r.contact?.phoneLast4 ?? null,
      })),
      counts: bookings.bookingCounts({ day: q.day, serviceId: q.service }),
    };
  }

  /**
   * The timer's work: lapsed holds released and late bookings expired (the
   * core decides which), then the contacts of every booking that has ended
   * deleted, at the latest with the end of the slot's day.
   */
  async sweep(): Promise<{ ended: number; contactsDeleted: number }> {
    const answer = await this.ctx.engine.execute({ type: "sweepBookings" }, { requestId: null, namespace: "hub" }, (_s, events) => events.length);
    const contactsDeleted = this.ctx.store.bookings.purgeBookingContacts(serviceDayOf(this.ctx.engine.now(), this.timeZone));
    return { ended: answer.ok ? answer.data : 0, contactsDeleted };
  }
}

function endsBooking(event: QueueEvent): event is Extract<QueueEvent, { type: "booking.released" | "booking.expired" | "booking.checked_in" }> {
  return event.type === "booking.released" || event.type === "booking.expired" || event.type === "booking.checked_in";
}
