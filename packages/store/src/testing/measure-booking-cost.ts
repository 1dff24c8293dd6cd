/**
 * What booked visits add to the hot path of every ticket (docs/booking.md,
 * migration 0020): a ticket done or cancelled looks its booking up to delete
 * the booking's contact (read-models/bookings.ts ticketEnded). Times that
 * lookup on a store holding a year of bookings, for a walk-in ticket (no
 * booking: the common case) and a booked one.
 *
 *   pnpm exec tsx packages/store/src/testing/measure-booking-cost.ts
 *
 * Not a test: the numbers depend on the machine.
 */
import { openStore } from "../store";

const BOOKINGS = 50_000;
const ROUNDS = 20_000;

const store = openStore(":memory:");
const insert = store.db.prepare(
  `INSERT INTO bookings (booking_id, code, service_id, service_day, slot_start, slot_end, status, held_at,
     hold_expires_at, checked_in_at, ticket_id, held_seq, updated_seq)
   VALUES (?, ?, 'ktp-el', '2026-11-18', ?, ?, 'checked_in', ?, ?, ?, ?, ?, ?)`,
);
const personal = store.db.prepare("INSERT INTO personal_data (ref, kind, data, stored_at) VALUES (?, 'booking_contact', '{}', 0)");
store.db.transaction(() => {
  for (let i = 0; i < BOOKINGS; i++) {
    insert.run(`b${i}`, `C${i}`, i, i + 1, i, i, i, `t${i}`, i, i);
    if (i % 10 === 0) personal.run(`booking:b${i}`);
  }
})();
const forget = store.db.prepare<[string]>(
  `DELETE FROM personal_data WHERE kind = 'booking_contact'
     AND ref = (SELECT 'booking:' || booking_id FROM bookings WHERE ticket_id = ?)`,
);
function perCall(ticketOf: (i: number) => string): number {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < ROUNDS; i++) forget.run(ticketOf(i));
  return Number(process.hrtime.bigint() - t0) / 1e3 / ROUNDS;
}
perCall((i) => `walk-in-${i}`);
const walkIn = perCall((i) => `walk-in-${i}`);
const booked = perCall((i) => `t${(i * 7) % BOOKINGS}`);
process.stdout.write(`${JSON.stringify({ bookings: BOOKINGS, rounds: ROUNDS, walkInUs: Math.round(walkIn * 100) / 100, bookedUs: Math.round(booked * 100) / 100 })}\n`);
store.close();
