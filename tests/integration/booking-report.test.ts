/**
 * The booking report (GET /api/reports/bookings, docs/booking.md decision 11)
 * against a real in-process hub on a fake clock: bookings driven to every
 * outcome the citizen and staff can give them (checked in, no-show by the
 * sweep, cancelled by the citizen, cancelled by staff, a hold left to lapse,
 * one still open) beside walk-in tickets, and the report's counts compared
 * with what the test did, by service and for the whole day, in JSON and CSV;
 * and the waits of each group from a morning at one counter whose every call
 * the test timed.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { BookingReport, IssuedTicket, SummaryResponse } from "@layan/protocol";
import { connect, login as officerLogin, must, rid, send } from "../../apps/hub/src/testing/harness";
import { adminClient } from "./admin.support";
import { at, Browser, closeOpened, dataOf, MINUTE, sockets, startBookingHub, WEDNESDAY, type BookingHub } from "./booking.support";

let h: BookingHub | null = null;
afterEach(closeOpened);

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

  it("splits the waits into booked and walk-in: a booked wait counts from its slot (0 if called before it), and the two add up to the summary's", async () => {
    h = await startBookingHub({ service: { minLeadMinutes: 0 } }, undefined, { reports: true });
    const url = h.hub.url;
    const at0830 = await new Browser(url).book(at(WEDNESDAY, "08:30"), { name: "Warga A", phone: phone(1) });
    const at0900 = await new Browser(url).book(at(WEDNESDAY, "09:00"), { name: "Warga B", phone: phone(2) });
    const at1000 = await new Browser(url).book(at(WEDNESDAY, "10:00"), { name: "Warga C", phone: phone(3) });
    const kiosk = await connect(url, "/kiosk", h.hub.tokens.kiosk);
    const counter = await connect(url, "/counter", await officerLogin(url, h.hub.users.officer));
    sockets.push(kiosk, counter);
    const walkIn = async () => (await must(kiosk, "ticket:issue", { requestId: rid(), serviceId: "ktp-el" })).ticket.id;
    const checkIn = async (code: string) => (await must(kiosk, "booking:checkIn", { requestId: rid(), code })).ticket.id;
    const till = (hhmm: string) => h!.advance(at(WEDNESDAY, hhmm) - h!.clock.now);
    /** Calls the next ticket at `hhmm`, checks it is `expected`, and serves it. */
    const serve = async (hhmm: string, expected: string) => {
      await till(hhmm);
      expect((await must(counter, "ticket:call_next", { requestId: rid(), counterId: "loket-1" })).current?.ticketId).toBe(expected);
      await must(counter, "ticket:complete", { requestId: rid(), counterId: "loket-1", outcome: "selesai" });
    };
    await must(counter, "counter:open", { requestId: rid(), counterId: "loket-1" });

    const w1 = await walkIn(); // 08:00
    await till("08:10");
    const a = await checkIn(at0830.code); // 20 minutes early: the office's wait starts at 08:30
    await till("08:20");
    const w2 = await walkIn();
    await serve("08:20", w1); // waited 20 min; the 08:30 slot has not started
    await serve("08:33", a); // 3 min after its slot, though 23 min after its check-in
    await till("08:40");
    const b = await checkIn(at0900.code);
    const w3 = await walkIn();
    await serve("08:45", w2); // 25 min
    await serve("09:04", b); // 4 min after its 09:00 slot
    await serve("09:15", w3); // 35 min: over KTP-el's 30-minute target
    await till("09:30");
    const c = await checkIn(at1000.code);
    await serve("09:40", c); // before its 10:00 slot, nobody else waiting: the office kept her waiting 0 min

    const { call, login } = adminClient(() => url);
    const manager = await login(h.hub.users.manager.username, h.hub.users.manager.secret);
    const answer = await call<BookingReport>("GET", `/api/reports/bookings?from=${WEDNESDAY}&to=${WEDNESDAY}&by=all`, manager);
    if (!answer.body.ok) throw new Error(`refused: ${answer.status}`);
    const { wait, tickets } = answer.body.data.total;
    expect(tickets).toEqual({ issued: 6, walkIn: 3, booked: 3, bookedPct: 50 });
    // Nearest rank: p50 of three waits is the middle one, p90 the largest.
    expect(wait.booked).toEqual({ n: 3, avgMs: Math.round((7 / 3) * MINUTE), p50Ms: 3 * MINUTE, p90Ms: 4 * MINUTE, met: { judged: 3, met: 3, pct: 100 } });
    expect(wait.walkIn).toEqual({
      n: 3,
      avgMs: Math.round(((20 + 25 + 35) / 3) * MINUTE),
      p50Ms: 25 * MINUTE,
      p90Ms: 35 * MINUTE,
      met: { judged: 3, met: 2, pct: 66.7 },
    });

    // The same morning in the summary report: all six waits, the two groups together.
    const summary = await call<SummaryResponse>("GET", `/api/reports/summary?from=${WEDNESDAY}&to=${WEDNESDAY}`, manager);
    if (!summary.body.ok) throw new Error(`refused: ${summary.status}`);
    const all = summary.body.data.rows[0]!;
    expect(all.wait).toMatchObject({ n: 6, p50Ms: 4 * MINUTE, p90Ms: 35 * MINUTE });
    expect(all.waitMet).toEqual({ judged: 6, met: 5, pct: 83.3 });
  });
});
