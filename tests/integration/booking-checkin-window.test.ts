/**
 * What a booked visit is told at check-in agrees with what the hub decides
 * and shows elsewhere: the ticket's wait is the ticket page's (never sooner
 * than the slot, docs/booking.md decision 9), the receipt's check-in window
 * and a too-early refusal's time are the core's window (decision 8), and a
 * citizen who comes on another day is told the day, not only a time.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { BookingReceipt, IssuedTicket } from "@layan/protocol";
import type { PublicTicketStatus } from "../../apps/hub/src/ticket-page";
import { connect, login, must, rid, send } from "../../apps/hub/src/testing/harness";
import { at, Browser, closeOpened, dataOf, kioskOn, MINUTE, sockets, startBookingHub, THURSDAY, WEDNESDAY, type BookingHub } from "./booking.support";

let h: BookingHub | null = null;
afterEach(closeOpened);

const kiosk = kioskOn;

/** The running hub's rules with KTP-el's own changed, as a config reload replaces them. */
function changeKtp(hub: BookingHub, change: (s: BookingHub["hub"]["hub"]["context"]["engine"]["state"]["rules"]["services"][number]) => object): void {
  const { engine } = hub.hub.hub.context;
  const rules = engine.state.rules;
  engine.replaceRules({ ...rules, services: rules.services.map((s) => (s.id === "ktp-el" ? { ...s, ...change(s) } : s)) });
}

const receiptOf = async (hub: BookingHub, bookingId: string) =>
  dataOf(await new Browser(hub.hub.url).call<BookingReceipt>("GET", `/api/bookings/${bookingId}`));

describe("the wait promised at check-in", () => {
  it("is the ticket page's, never sooner than the slot, for a booking checked in early behind walk-ins", async () => {
    h = await startBookingHub({ service: { minLeadMinutes: 0 } });
    const receipt = await new Browser(h.hub.url).book(at(WEDNESDAY, "09:30"));
    const counter = await connect(h.hub.url, "/counter", await login(h.hub.url, h.hub.users.officer));
    sockets.push(counter);
    await must(counter, "counter:open", { requestId: rid(), counterId: "loket-1" });
    const k = await kiosk(h);
    for (let i = 0; i < 3; i++) await must(k, "ticket:issue", { requestId: rid(), serviceId: "ktp-el" });

    await h.advance(at(WEDNESDAY, "09:00") - h.clock.now);
    const booked = await must(k, "booking:checkIn", { requestId: rid(), code: receipt.code });
    const page = dataOf(await new Browser(h.hub.url).call<PublicTicketStatus>("GET", `/api/tickets/${booked.ticket.id}`));
    // 30 minutes to its slot: the answer, the slip and the phone all say so.
    expect(booked.estimate.p50Minutes).toBeGreaterThanOrEqual(30);
    expect(booked.estimate.p90Minutes).toBeGreaterThanOrEqual(30);
    expect({ p50Minutes: booked.estimate.p50Minutes, p90Minutes: booked.estimate.p90Minutes }).toEqual(page.estimate);
    expect(booked.peopleAhead).toBe(page.peopleAhead);
    expect(booked.print.waitEstimate).toEqual({ p50: page.estimate?.p50Minutes, p90: page.estimate?.p90Minutes });
    expect(booked.print.peopleAhead).toBe(page.peopleAhead);
  });
});

describe("the check-in window", () => {
  it("on the receipt and in a too-early refusal is the core's, also once the service's booking block is gone", async () => {
    h = await startBookingHub();
    const receipt = await new Browser(h.hub.url).book(at(THURSDAY, "09:30"));
    expect([receipt.checkInFrom, receipt.checkInUntil]).toEqual([at(THURSDAY, "09:00"), at(THURSDAY, "09:45")]);

    // A config reload takes KTP-el's booking block away: the core checks in during the slot itself.
    changeKtp(h, () => ({ booking: null }));
    const after = await receiptOf(h, receipt.bookingId);
    expect([after.checkInFrom, after.checkInUntil]).toEqual([at(THURSDAY, "09:30"), at(THURSDAY, "10:00")]);

    await h.advance(at(THURSDAY, "09:05") - h.clock.now);
    const k = await kiosk(h);
    const early = await send<IssuedTicket>(k, "booking:checkIn", { requestId: rid(), code: receipt.code });
    expect(early.ok ? null : early.error.message).toMatch(/Silakan kembali mulai pukul 09\.30\.$/);
    // 09:50, inside the window the receipt now shows: checked in.
    await h.advance(at(THURSDAY, "09:50") - h.clock.now);
    expect((await must(k, "booking:checkIn", { requestId: rid(), code: receipt.code })).print.reservation).toBe("Reservasi 09.30");
  });

  it("of a 00:00 slot opens at 00:00 on the receipt and in the refusal, never the evening before", async () => {
    h = await startBookingHub();
    // KTP-el opens at midnight on Thursdays (a 24-hour office's service, say).
    changeKtp(h, (s) => ({ hours: { ...s.hours, thu: [{ open: "00:00", close: "15:00" }] } }));
    const receipt = await new Browser(h.hub.url).book(at(THURSDAY, "00:00"));
    expect([receipt.checkInFrom, receipt.checkInUntil]).toEqual([at(THURSDAY, "00:00"), at(THURSDAY, "00:15")]);

    await h.advance(at(WEDNESDAY, "23:40") - h.clock.now);
    const early = await send<IssuedTicket>(await kiosk(h), "booking:checkIn", { requestId: rid(), code: receipt.code });
    expect(early.ok ? null : early.error.message).toBe(
      "Belum waktunya lapor kedatangan untuk reservasi ini. Silakan kembali pada Kamis, 19 November 2026, mulai pukul 00.00.",
    );
  });
});

describe("a citizen who comes on another day", () => {
  it("is told the day to come back, in one sentence, in Indonesian and English", async () => {
    h = await startBookingHub();
    const receipt = await new Browser(h.hub.url).book(at(THURSDAY, "09:30"));
    await h.advance(at(WEDNESDAY, "10:00") - h.clock.now);
    const k = await kiosk(h);
    const early = await send<IssuedTicket>(k, "booking:checkIn", { requestId: rid(), code: receipt.code });
    if (early.ok) throw new Error("checked in a day early");
    expect(early.error).toMatchObject({
      code: "BOOKING_TOO_EARLY",
      message: "Belum waktunya lapor kedatangan untuk reservasi ini. Silakan kembali pada Kamis, 19 November 2026, mulai pukul 09.00.",
      messageEn: "Too early to check in for this booking; come back on Thursday, 19 November 2026, from 09.00.",
    });
    // The same morning: the time alone, once.
    await h.advance(at(THURSDAY, "08:00") - h.clock.now + 10 * MINUTE);
    const today = await send<IssuedTicket>(k, "booking:checkIn", { requestId: rid(), code: receipt.code });
    expect(today.ok ? null : today.error.message).toBe("Belum waktunya lapor kedatangan untuk reservasi ini. Silakan kembali mulai pukul 09.00.");
  });
});
