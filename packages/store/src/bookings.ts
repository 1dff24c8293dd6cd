import type Database from "better-sqlite3";
import type { BookingRow } from "./read-models/bookings";

/**
 * Reads of the bookings read model (migration 0020) and of the bookings'
 * contacts in personal_data (kind 'booking_contact'), which the hub deletes
 * as each booking ends (docs/booking.md, decision 3).
 */

/**
 * What the office asked for, as stored: never a whole phone number (its last
 * four digits for the staff list, an HMAC for the per-contact limit), and the
 * hash of the browser's device cookie for the per-device limit.
 */
export interface BookingContact {
  name: string | null;
  phoneLast4: string | null;
  phoneHmac: string | null;
  deviceHash: string | null;
}

export type BookingStatusName = BookingRow["status"];

export interface BookingListQuery {
  day: string;
  serviceId?: string | undefined;
  status?: BookingStatusName | undefined;
}

/** A staff list row: the booking, its contact while it is open, the ticket's number once checked in. */
export interface BookingListRow extends BookingRow {
  contact: BookingContact | null;
  ticket_number: string | null;
}

export interface BookingQueries {
  bookingById(bookingId: string): BookingRow | undefined;
  /**
   * What the hub seeds the live queue with at start (decision 2, core
   * loadBookings): every booking of `today` and later whatever its status
   * (a checked-in one still takes its day's share, an ended one answers a
   * late check-in rightly), and those still open (held or confirmed) of
   * days before: a hold that lapsed or a slot that passed while the hub was
   * down, which the sweep right after start ends.
   */
  openBookings(today: string): BookingRow[];
  /** One day's bookings for staff, in slot order, with their contacts (absent once deleted). */
  listBookings(q: BookingListQuery): BookingListRow[];
  bookingCounts(q: Omit<BookingListQuery, "status">): Record<BookingStatusName, number>;
  /** The contacts of the open bookings: the hub's limits are counted over them (rebuilt at start). */
  openBookingContacts(): { bookingId: string; serviceDay: string; contact: BookingContact }[];
  bookingContact(bookingId: string): BookingContact | undefined;
  /**
   * Deletes the contacts of bookings that have ended and were missed by the
   * projection (a checked-in ticket no-show, any booking of a day before
   * `today`) and of rows without a booking; returns how many went.
   */
  purgeBookingContacts(today: string): number;
}

const STATUSES: readonly BookingStatusName[] = ["held", "confirmed", "checked_in", "expired", "released"];

function contactOf(data: string | null): BookingContact | null {
  if (data === null) return null;
  const raw = JSON.parse(data) as Partial<BookingContact>;
  return {
    name: raw.name ?? null,
    phoneLast4: raw.phoneLast4 ?? null,
    phoneHmac: raw.phoneHmac ?? null,
    deviceHash: raw.deviceHash ?? null,
  };
}

export function createBookingQueries(db: Database.Database): BookingQueries {
  const s = {
    byId: db.prepare<[string], BookingRow>("SELECT * FROM bookings WHERE booking_id = ?"),
    // Two index ranges (the day index, the open index): never the whole history.
    open: db.prepare<[string], BookingRow>(
      `SELECT * FROM bookings WHERE service_day >= ?
       UNION SELECT * FROM bookings WHERE status IN ('held', 'confirmed')
       ORDER BY slot_start, booking_id`,
    ),
    openContacts: db.prepare<[], { bookingId: string; serviceDay: string; data: string }>(
      `SELECT b.booking_id AS bookingId, b.service_day AS serviceDay, p.data AS data
       FROM bookings AS b JOIN personal_data AS p ON p.ref = 'booking:' || b.booking_id
       WHERE b.status IN ('held', 'confirmed') AND p.kind = 'booking_contact'`,
    ),
    contact: db.prepare<[string], { data: string }>(
      "SELECT data FROM personal_data WHERE ref = 'booking:' || ? AND kind = 'booking_contact'",
    ),
    // Ended, or of a day gone by, or a checked-in visit whose ticket is over
    // (the projection deletes those at once; a no-show waits for the day's end,
    // it may be reinstated), or whose booking is not in the read model at all.
    purge: db.prepare<[string]>(
      `DELETE FROM personal_data WHERE kind = 'booking_contact' AND ref NOT IN (
         SELECT 'booking:' || booking_id FROM bookings
         WHERE service_day >= ? AND (status IN ('held', 'confirmed')
           OR (status = 'checked_in' AND NOT EXISTS (
             SELECT 1 FROM tickets AS t WHERE t.id = bookings.ticket_id AND t.status IN ('done', 'cancelled')))))`,
    ),
  };
  const filtered = (q: Omit<BookingListQuery, "status"> & { status?: BookingStatusName | undefined }) => {
    const where = ["b.service_day = ?"];
    const params: string[] = [q.day];
    if (q.serviceId !== undefined) {
      where.push("b.service_id = ?");
      params.push(q.serviceId);
    }
    if (q.status !== undefined) {
      where.push("b.status = ?");
      params.push(q.status);
    }
    return { where: where.join(" AND "), params };
  };
  return {
    bookingById: (id) => s.byId.get(id),
    openBookings: (today) => s.open.all(today),
    listBookings: (q) => {
      const { where, params } = filtered(q);
      const rows = db
        .prepare<string[], BookingRow & { contact_data: string | null; ticket_number: string | null }>(
          `SELECT b.*, p.data AS contact_data, t.number AS ticket_number
           FROM bookings AS b
           LEFT JOIN personal_data AS p ON p.ref = 'booking:' || b.booking_id AND p.kind = 'booking_contact'
           LEFT JOIN tickets AS t ON t.id = b.ticket_id
           WHERE ${where} ORDER BY b.slot_start, b.held_at, b.booking_id`,
        )
        .all(...params);
      return rows.map(({ contact_data, ...row }) => ({ ...row, contact: contactOf(contact_data) }));
    },
    bookingCounts: (q) => {
      const { where, params } = filtered(q);
      const out = Object.fromEntries(STATUSES.map((st) => [st, 0])) as Record<BookingStatusName, number>;
      const rows = db
        .prepare<string[], { status: BookingStatusName; n: number }>(
          `SELECT b.status AS status, count(*) AS n FROM bookings AS b WHERE ${where} GROUP BY b.status`,
        )
        .all(...params);
      for (const r of rows) out[r.status] = r.n;
      return out;
    },
    openBookingContacts: () =>
      s.openContacts.all().map((r) => ({ bookingId: r.bookingId, serviceDay: r.serviceDay, contact: contactOf(r.data) ?? contactOf("{}")! })),
    bookingContact: (id) => contactOf(s.contact.get(id)?.data ?? null) ?? undefined,
    purgeBookingContacts: (today) => s.purge.run(today).changes,
  };
}
