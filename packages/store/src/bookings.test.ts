import type { EventOf } from "@layan/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bookingContactRef } from "./read-models/bookings";
import { rebuildReadModels } from "./rebuild";
import { openStore, type CommitEntry, type Store } from "./store";
import { FRIDAY, jakarta, MINUTE, OfficeSimulation } from "./testing/office";

/*
 * The bookings read model (migration 0020) and the bookings' contacts: the
 * rows follow the booking events in the events' own transaction, and no
 * contact outlives its booking's end, whichever way it ends (decision 3).
 */

const at = (hhmm: string) => jakarta(`${FRIDAY} ${hhmm}`);
const SATURDAY = "2026-11-28";

let store: Store;
let sim: OfficeSimulation;
beforeEach(() => {
  store = openStore(":memory:");
  sim = new OfficeSimulation();
});
afterEach(() => store.close());

const contact = (name: string) => ({ name, phoneLast4: "7890", phoneHmac: `hmac-${name}`, deviceHash: `dev-${name}` });

function held(bookingId: string, slot: string, code = `${bookingId.slice(0, 3).toUpperCase()}-000`): EventOf<"booking.held"> {
  return {
    type: "booking.held",
    at: at("08:00"),
    bookingId,
    code,
    serviceId: "ktp",
    serviceDay: FRIDAY,
    slotStart: at(slot),
    slotEnd: at(slot) + 30 * MINUTE,
    holdExpiresAt: at("08:10"),
  };
}

/** Held and confirmed with its contact, as the hub commits them (two commands). */
function bookWithContact(bookingId: string, slot: string): void {
  store.append([{ events: [held(bookingId, slot)] }]);
  store.append([
    {
      events: [{ type: "booking.confirmed", at: at("08:01"), bookingId }],
      personal: [{ ref: bookingContactRef(bookingId), kind: "booking_contact", data: contact(bookingId) }],
    },
  ]);
}

/** A ticket issued by the real core for a walk-in, then stamped as this booking's check-in. */
function checkIn(bookingId: string, hhmm: string): string {
  sim.now = at(hhmm);
  const entry = sim.issue("ktp");
  const issued = entry.events[0];
  if (issued?.type !== "ticket.issued") throw new Error("no ticket.issued");
  const booked: CommitEntry = {
    events: [
      { ...issued, booking: { bookingId, slotStart: at("09:30") } },
      { type: "booking.checked_in", at: issued.at, bookingId, ticketId: issued.ticketId },
    ],
  };
  store.append([booked]);
  return issued.ticketId;
}

const personalRows = () =>
  store.db.prepare<[], { ref: string; data: string }>("SELECT ref, data FROM personal_data WHERE kind = 'booking_contact' ORDER BY ref").all();

describe("the bookings read model", () => {
  it("follows each booking event and keeps the contact while the booking is open", () => {
    bookWithContact("b-one-aaaaaaaaaa", "09:30");
    const row = store.bookingById("b-one-aaaaaaaaaa");
    expect(row).toMatchObject({ status: "confirmed", code: "B-O-000", service_id: "ktp", service_day: FRIDAY, slot_start: at("09:30") });
    expect(row?.confirmed_at).toBe(at("08:01"));
    expect(store.bookingContact("b-one-aaaaaaaaaa")).toEqual(contact("b-one-aaaaaaaaaa"));
    expect(store.openBookings(FRIDAY).map((r) => r.booking_id)).toEqual(["b-one-aaaaaaaaaa"]);
    expect(store.openBookingContacts()).toEqual([{ bookingId: "b-one-aaaaaaaaaa", serviceDay: FRIDAY, contact: contact("b-one-aaaaaaaaaa") }]);
  });

  it("lists a day's bookings for staff, with counts per status and the ticket's number once checked in", () => {
    bookWithContact("b-aaaaaaaaaaaaaa", "09:30");
    bookWithContact("b-bbbbbbbbbbbbbb", "10:00");
    store.append([{ events: [held("b-cccccccccccccc", "10:30")] }]);
    checkIn("b-aaaaaaaaaaaaaa", "09:10");
    const rows = store.listBookings({ day: FRIDAY });
    expect(rows.map((r) => [r.booking_id, r.status])).toEqual([
      ["b-aaaaaaaaaaaaaa", "checked_in"],
      ["b-bbbbbbbbbbbbbb", "confirmed"],
      ["b-cccccccccccccc", "held"],
    ]);
    expect(rows[0]?.ticket_number).toMatch(/^[A-Z]+-\d{3}$/);
    expect(rows[1]?.contact?.name).toBe("b-bbbbbbbbbbbbbb");
    expect(store.listBookings({ day: FRIDAY, status: "held" }).map((r) => r.booking_id)).toEqual(["b-cccccccccccccc"]);
    expect(store.listBookings({ day: SATURDAY })).toEqual([]);
    expect(store.bookingCounts({ day: FRIDAY })).toEqual({ held: 1, confirmed: 1, checked_in: 1, expired: 0, released: 0 });
  });

  it("seeds start-up with today's and later bookings and the open ones of days gone by, not yesterday's ended ones", () => {
    bookWithContact("b-open-aaaaaaaaa", "09:30");
    bookWithContact("b-gone-aaaaaaaaa", "10:00");
    store.append([{ events: [{ type: "booking.expired", at: at("10:16"), bookingId: "b-gone-aaaaaaaaa" }] }]);
    expect(store.openBookings(FRIDAY).map((r) => r.booking_id).sort()).toEqual(["b-gone-aaaaaaaaa", "b-open-aaaaaaaaa"]);
    // The next day: the expired one is history; the open one (the hub was down) is still there for the sweep.
    expect(store.openBookings(SATURDAY).map((r) => r.booking_id)).toEqual(["b-open-aaaaaaaaa"]);
  });

  it("is derived again by a rebuild, row for row", () => {
    bookWithContact("b-aaaaaaaaaaaaaa", "09:30");
    bookWithContact("b-bbbbbbbbbbbbbb", "10:00");
    store.append([{ events: [{ type: "booking.released", at: at("08:30"), bookingId: "b-bbbbbbbbbbbbbb", reason: "citizen_cancelled" }] }]);
    checkIn("b-aaaaaaaaaaaaaa", "09:10");
    const before = store.db.prepare("SELECT * FROM bookings ORDER BY booking_id").all();
    rebuildReadModels(store);
    expect(store.db.prepare("SELECT * FROM bookings ORDER BY booking_id").all()).toEqual(before);
  });

  it("refuses an event about a booking the log never held", () => {
    expect(() => store.append([{ events: [{ type: "booking.confirmed", at: at("08:00"), bookingId: "b-never-aaaaaaaa" }] }])).toThrow(
      /unknown or ended booking/,
    );
    expect(store.lastSeq()).toBe(0);
  });
});

describe("nothing personal survives a booking's end", () => {
  it("released (by the citizen, staff or a lapsed hold): the contact goes in the event's transaction", () => {
    for (const [id, reason] of [
      ["b-citizen-aaaaaa", "citizen_cancelled"],
      ["b-staff-aaaaaaaa", "staff_cancelled"],
    ] as const) {
      bookWithContact(id, "09:30");
      store.append([{ events: [{ type: "booking.released", at: at("08:30"), bookingId: id, reason }] }]);
      expect(store.bookingContact(id)).toBeUndefined();
      expect(store.bookingById(id)).toMatchObject({ status: "released", release_reason: reason, ended_at: at("08:30") });
    }
    store.append([{ events: [held("b-lapsed-aaaaaaa", "10:00")] }]);
    store.append([{ events: [{ type: "booking.released", at: at("08:11"), bookingId: "b-lapsed-aaaaaaa", reason: "hold_lapsed" }] }]);
    expect(personalRows()).toEqual([]);
  });

  it("expired (a no-show): the contact goes at once", () => {
    bookWithContact("b-late-aaaaaaaaa", "09:30");
    store.append([{ events: [{ type: "booking.expired", at: at("09:46"), bookingId: "b-late-aaaaaaaaa" }] }]);
    expect(personalRows()).toEqual([]);
  });

  it("checked in: the contact stays while the citizen waits and goes when the ticket is done", () => {
    bookWithContact("b-visit-aaaaaaaa", "09:30");
    const ticketId = checkIn("b-visit-aaaaaaaa", "09:10");
    expect(store.bookingById("b-visit-aaaaaaaa")).toMatchObject({ status: "checked_in", ticket_id: ticketId });
    expect(personalRows()).toHaveLength(1);
    sim.now = at("09:31");
    store.append([sim.must({ type: "openCounter", counterId: "loket-1", officerId: "siti" })]);
    store.append([sim.must({ type: "callTicket", counterId: "loket-1", officerId: "siti", ticketId })]);
    store.append([sim.must({ type: "complete", counterId: "loket-1", outcome: "selesai" })]);
    expect(personalRows()).toEqual([]);
  });

  it("checked in and cancelled: the contact goes with the ticket", () => {
    bookWithContact("b-cancel-aaaaaaa", "09:30");
    const ticketId = checkIn("b-cancel-aaaaaaa", "09:10");
    sim.now = at("09:12");
    store.append([sim.must({ type: "cancel", ticketId, reason: "officer" })]);
    expect(personalRows()).toEqual([]);
  });

  it("checked in and a no-show: kept for a reinstatement that day, gone with the day's sweep", () => {
    bookWithContact("b-noshow-aaaaaaa", "09:30");
    const ticketId = checkIn("b-noshow-aaaaaaa", "09:10");
    sim.now = at("09:31");
    store.append([sim.must({ type: "openCounter", counterId: "loket-1", officerId: "siti" })]);
    store.append([sim.must({ type: "callTicket", counterId: "loket-1", officerId: "siti", ticketId })]);
    store.append([sim.must({ type: "recall", counterId: "loket-1" })]);
    store.append([sim.must({ type: "markNoShow", counterId: "loket-1" })]);
    expect(store.purgeBookingContacts(FRIDAY)).toBe(0);
    expect(personalRows()).toHaveLength(1);
    expect(store.purgeBookingContacts(SATURDAY)).toBe(1);
    expect(personalRows()).toEqual([]);
  });

  it("a day gone by: the sweep deletes what is left of it, never an open booking of a later day", () => {
    bookWithContact("b-friday-aaaaaaa", "09:30");
    store.append([{ events: [{ ...held("b-later-aaaaaaaa", "09:30"), serviceDay: "2026-12-01" }] }]);
    store.append([
      {
        events: [{ type: "booking.confirmed", at: at("08:02"), bookingId: "b-later-aaaaaaaa" }],
        personal: [{ ref: bookingContactRef("b-later-aaaaaaaa"), kind: "booking_contact", data: contact("later") }],
      },
    ]);
    expect(store.purgeBookingContacts(SATURDAY)).toBe(1);
    expect(personalRows().map((r) => r.ref)).toEqual([bookingContactRef("b-later-aaaaaaaa")]);
  });
});
