/**
 * The booking report (GET /api/reports/bookings, docs/booking.md decision 11)
 * against a real in-process hub on a fake clock: bookings driven to every
 * outcome the citizen and staff can give them (checked in, no-show by the
 * sweep, cancelled by the citizen, cancelled by staff, a hold left to lapse,
 * one still open) beside walk-in tickets, and the report's counts compared
 * with what the test did, by service and for the whole day, in JSON and CSV.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { BookingReport, IssuedTicket } from "@layan/protocol";
import { connect, rid, send } from "../../apps/hub/src/testing/harness";
import { adminClient } from "./admin.support";
import { at, Browser, dataOf, startBookingHub, WEDNESDAY, type BookingHub } from "./booking.support";

let h: BookingHub | null = null;
const sockets: { close(): void }[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  await h?.close();
  h = null;
});

const phone = (n: number) => `0812-0000-000${n}`;

describe("the booking report", () => {
  it("counts booked and walk-in tickets and every booking outcome as they happened", async () => {
    h = await startBookingHub({ service: { minLeadMinutes: 0, capacity: 6 } }, undefined, { reports: true });
    const url = h.hub.url;
    const book = (slot: string, n: number) => new Browser(url).book(at(WEDNESDAY, slot), { name: `Warga ${n}`, phone: phone(n) });

    const arrives = await book("08:30", 1);
    const cancels = await book("08:30", 2);
    const cancelledByStaff = await book("09:00", 3);
    await book("08:30", 4); // never comes
    dataOf(await new Browser(url).hold("ktp-el", at(WEDNESDAY, "10:00"))); // never confirmed
    await book("11:00", 5); // still to come when the report is read

    const kiosk = await connect(url, "/kiosk", h.hub.tokens.kiosk);
    sockets.push(kiosk);
    const checkedIn = await send<IssuedTicket>(kiosk, "booking:checkIn", { requestId: rid(), code: arrives.code });
    expect(checkedIn.ok).toBe(true);
    for (let i = 0; i < 3; i++) expect((await send<IssuedTicket>(kiosk, "ticket:issue", { requestId: rid(), serviceId: "ktp-el" })).ok).toBe(true);

    dataOf(await new Browser(url).call("POST", `/api/bookings/${cancels.bookingId}/cancel`, {}));
    const { call, login } = adminClient(() => url);
    const supervisor = await login(h.hub.users.supervisor.username, h.hub.users.supervisor.secret);
    const staffCancel = await call("POST", `/api/admin/bookings/${cancelledByStaff.bookingId}/cancel`, supervisor, { reason: "Pemohon minta lewat telepon" });
    expect(staffCancel.status).toBe(200);
    // 08:46: the 08:30 booking nobody checked in is a no-show; the unconfirmed hold lapsed long ago.
    await h.advance(at(WEDNESDAY, "08:46") - h.clock.now);

    const manager = await login(h.hub.users.manager.username, h.hub.users.manager.secret);
    const report = async (by: string) => {
      const answer = await call<BookingReport>("GET", `/api/reports/bookings?from=${WEDNESDAY}&to=${WEDNESDAY}&by=${by}`, manager);
      expect(answer.status).toBe(200);
      if (!answer.body.ok) throw new Error("refused");
      return answer.body.data;
    };
    const expectedTickets = { issued: 4, walkIn: 3, booked: 1, bookedPct: 25 };
    const expectedBookings = {
      holds: 6,
      made: 5,
      checkedIn: 1,
      noShow: 1,
      cancelledByCitizen: 1,
      cancelledByStaff: 1,
      serviceClosed: 0,
      open: 1,
      holdsLapsed: 1,
      holding: 0,
      noShowPct: 50,
    };
    const all = await report("all");
    expect(all.bookingEnabled).toBe(true);
    expect(all.total.tickets).toEqual(expectedTickets);
    expect(all.total.bookings).toEqual(expectedBookings);
    const byService = await report("service");
    expect(byService.rows.find((r) => r.key === "ktp-el")).toMatchObject({ tickets: expectedTickets, bookings: expectedBookings });
    const byDay = await report("day");
    expect(byDay.rows.map((r) => [r.key, r.tickets.booked, r.bookings.noShow])).toEqual([[WEDNESDAY, 1, 1]]);

    const csv = await fetch(`${url}/api/reports/bookings.csv?from=${WEDNESDAY}&to=${WEDNESDAY}&by=service`, { headers: { authorization: `Bearer ${manager}` } });
    expect(csv.status).toBe(200);
    const lines = (await csv.text()).replace(/^\uFEFF/, "").trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/Reservasi/);
    expect(lines[0]).toMatch(/Tidak hadir/);
    expect(lines.some((l) => l.includes("ktp-el"))).toBe(true);
    expect((await call("GET", `/api/reports/bookings?by=week`, manager)).status).toBe(400);
  });
});
