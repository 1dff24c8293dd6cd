/**
 * Bookings of a day the office did not serve, and slots whose length changed
 * while bookings were open, against a real in-process hub on a fake clock:
 * a closed date added to the calendar after the booking, a supervisor's
 * closure first swept the next morning, and slotMinutes changed live (the
 * live config applies both with engine.replaceRules, as here).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { OfficeRules, ServiceRules } from "@layan/core";
import { ERROR_MESSAGES, type BookingSlots } from "@layan/protocol";
import { connect, rid, send } from "../../apps/hub/src/testing/harness";
import { at, Browser, closeOpened, codeOf, dataOf, sockets, startBookingHub, THURSDAY, WEDNESDAY, type BookingHub } from "./booking.support";

let h: BookingHub | null = null;
afterEach(closeOpened);

/** A config change applied live to KTP-el, as live-config/ applies one. */
function changeKtp(hub: BookingHub, f: (s: ServiceRules) => ServiceRules): void {
  const rules: OfficeRules = hub.hub.hub.engine.state.rules;
  hub.hub.hub.engine.replaceRules({ ...rules, services: rules.services.map((s) => (s.id === "ktp-el" ? f(s) : s)) });
}

const to = (hub: BookingHub, t: number) => hub.advance(t - hub.clock.now);

describe("a holiday added to the calendar after the booking", () => {
  it("refuses the check-in saying the office is closed that day, and releases the booking service_closed, not a no-show", async () => {
    h = await startBookingHub();
    const receipt = await new Browser(h.hub.url).book(at(THURSDAY, "09:30"));
    changeKtp(h, (s) => ({ ...s, closedDates: [...s.closedDates, THURSDAY] }));

    await to(h, at(THURSDAY, "09:10"));
    const k = await connect(h.hub.url, "/kiosk", h.hub.tokens.kiosk);
    sockets.push(k);
    const answer = await send(k, "booking:checkIn", { requestId: rid(), code: receipt.code });
    expect(answer.ok ? null : answer.error).toMatchObject({ code: "BOOKING_DAY_CLOSED", message: ERROR_MESSAGES.BOOKING_DAY_CLOSED.id });

    await to(h, at(THURSDAY, "10:00"));
    expect(h.hub.store.bookingById(receipt.bookingId)).toMatchObject({ status: "released", release_reason: "service_closed" });
  });
});

describe("a service the supervisor closed for the day, first swept the next morning", () => {
  it("releases that day's bookings service_closed, not as no-shows", async () => {
    h = await startBookingHub({ service: { minLeadMinutes: 0 } });
    const receipt = await new Browser(h.hub.url).book(at(WEDNESDAY, "09:30"));
    const admin = { requestId: null, namespace: "admin" } as const;
    const closed = await h.hub.hub.engine.execute({ type: "suspendService", serviceId: "ktp-el", reason: "Blangko KTP-el habis" }, admin, () => null);
    expect(closed.ok).toBe(true);

    // No sweep all day (the hub was off): the first runs on Thursday at 07:00.
    h.clock.advance(at(THURSDAY, "07:00") - h.clock.now);
    await h.desk.sweep();
    expect(h.hub.store.bookingById(receipt.bookingId)).toMatchObject({ status: "released", release_reason: "service_closed" });
  });
});

describe("a service the supervisor closed for the day, the hub restarted the next morning", () => {
  it("still releases that day's bookings service_closed after the restart", async () => {
    const scratch = mkdtempSync(join(tmpdir(), "layan-booking-closed-"));
    try {
      const dbPath = join(scratch, "layan.db");
      h = await startBookingHub({ service: { minLeadMinutes: 0 } }, undefined, { dbPath, dataDir: scratch });
      const receipt = await new Browser(h.hub.url).book(at(WEDNESDAY, "09:30"));
      const admin = { requestId: null, namespace: "admin" } as const;
      expect((await h.hub.hub.engine.execute({ type: "suspendService", serviceId: "ktp-el", reason: "Blangko KTP-el habis" }, admin, () => null)).ok).toBe(true);
      const { clock, hub } = h;
      await h.close();
      h = null;

      clock.advance(at(THURSDAY, "07:00") - clock.now);
      // Thursday's log holds no closure: the hub replays from Wednesday, the day of a booking still open.
      h = await startBookingHub({ service: { minLeadMinutes: 0 } }, clock, { dbPath, dataDir: scratch, seeded: hub });
      const started = h;
      // The sweep at start ends it; its commit lands a moment later.
      await vi.waitFor(() => expect(started.hub.store.bookingById(receipt.bookingId)?.status).not.toBe("confirmed"));
      expect(h.hub.store.bookingById(receipt.bookingId)).toMatchObject({ status: "released", release_reason: "service_closed" });
    } finally {
      await h?.close();
      h = null;
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});

describe("slotMinutes changed while bookings are open", () => {
  it("counts the bookings overlapping a longer slot: two 09:30 bookings fill the new 09:00–10:00 slot of 2", async () => {
    h = await startBookingHub();
    await new Browser(h.hub.url).book(at(THURSDAY, "09:30"), { name: "Budi", phone: "0812-0000-0001" });
    await new Browser(h.hub.url).book(at(THURSDAY, "09:30"), { name: "Siti", phone: "0812-0000-0002" });
    changeKtp(h, (s) => ({ ...s, booking: { ...s.booking!, slotMinutes: 60 } }));

    const b = new Browser(h.hub.url);
    const slots = dataOf(await b.call<BookingSlots>("GET", `/api/bookings/slots?service=ktp-el&day=${THURSDAY}`)).slots;
    expect(slots.find((s) => s.start === at(THURSDAY, "09:00"))).toMatchObject({ end: at(THURSDAY, "10:00"), free: 0 });
    expect(slots.find((s) => s.start === at(THURSDAY, "10:00"))?.free).toBe(2);
    const hold = await b.hold("ktp-el", at(THURSDAY, "09:00"));
    expect([hold.status, codeOf(hold)]).toEqual([409, "BOOKING_SLOT_FULL"]);
  });
});
