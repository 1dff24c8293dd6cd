/**
 * A booked visit arrives (docs/booking.md decisions 4 and 8): `booking:checkIn`
 * over real socket.io clients in the kiosk and counter namespaces, against a
 * real in-process hub on a fake clock. The ticket comes back as ticket:issue
 * gives it, with its "Reservasi 09.30" line; it counts once in the daily
 * quota while 20 kiosks issue walk-ins at the same moment; too early, too
 * late and unknown codes are refused in Indonesian; and the citizen's
 * contact is gone once the visit is over.
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { BOOKING_CODE, type AdminBookingsPage, type BookingReceipt, type BookingSlots, type IssuedTicket } from "@layan/protocol";
import { startPrinterEmulator } from "@layan/printer";
import type { TicketPrinting } from "../../apps/hub/src/context";
import { networkPrinting } from "../../apps/hub/src/printing";
import { connect, login, must, rid, send, type AckOf } from "../../apps/hub/src/testing/harness";
import { at, Browser, closeOpened, dataOf, kioskOn, MINUTE, sockets, startBookingHub, WEDNESDAY, type BookingHub } from "./booking.support";

let h: BookingHub | null = null;
afterEach(closeOpened);

const kiosk = kioskOn;

const refusal = (answer: AckOf<unknown>) => (answer.ok ? null : answer.error);

describe("check-in at the kiosk", () => {
  it("turns the booking into a ticket counted once in the quota, while 20 kiosks issue walk-ins at once", async () => {
    // Today, a 08:30 slot bookable now (no lead time); a quota of 10.
    h = await startBookingHub({ dailyQuota: 10, service: { minLeadMinutes: 0 } });
    const receipt = await new Browser(h.hub.url).book(at(WEDNESDAY, "08:30"));
    const kiosks = await Promise.all(Array.from({ length: 20 }, () => kiosk(h!)));
    const checkInKiosk = await kiosk(h);

    const checkIn = { requestId: rid(), code: receipt.code };
    const [booked, ...walkIns] = await Promise.all([
      send<IssuedTicket>(checkInKiosk, "booking:checkIn", checkIn),
      ...kiosks.map((k) => send<IssuedTicket>(k, "ticket:issue", { requestId: rid(), serviceId: "ktp-el" })),
    ]);
    // The booking's place was promised: it gets in whatever the walk-ins did.
    if (!booked?.ok) throw new Error(`check-in refused: ${JSON.stringify(booked)}`);
    const issued = walkIns.filter((a): a is { ok: true; data: IssuedTicket } => a.ok);
    expect(issued).toHaveLength(9);
    expect(walkIns.filter((a) => !a.ok).map((a) => refusal(a)?.code)).toEqual(Array.from({ length: 11 }, () => "QUOTA_REACHED"));
    const numbers = [booked.data.ticket.number, ...issued.map((a) => a.data.ticket.number)];
    expect(new Set(numbers).size).toBe(10);

    const ticket = booked.data;
    expect(ticket.ticket.serviceId).toBe("ktp-el");
    expect(ticket.printed).toBe(false);
    expect(ticket.print.reservation).toBe("Reservasi 08.30");
    expect(ticket.print.ticketNumber).toBe(ticket.ticket.number);
    expect(ticket.statusUrl).toMatch(new RegExp(`/t/${ticket.ticket.id}$`));
    expect(h.hub.store.ticketById(ticket.ticket.id)?.kioskId).toBe("kiosk-lobi");
    expect(h.hub.store.bookingById(receipt.bookingId)).toMatchObject({ status: "checked_in", ticket_id: ticket.ticket.id });
    const after = dataOf(await new Browser(h.hub.url).call<BookingReceipt>("GET", `/api/bookings/${receipt.bookingId}`));
    expect(after.status).toBe("checked_in");
    expect(after.ticketUrl).toMatch(new RegExp(`/t/${ticket.ticket.id}$`));

    // A retry of the same request is the same ticket; a second check-in is refused; the quota is full.
    expect((await must(checkInKiosk, "booking:checkIn", checkIn)).ticket.id).toBe(ticket.ticket.id);
    expect(refusal(await send(checkInKiosk, "booking:checkIn", { requestId: rid(), code: receipt.code }))?.code).toBe("BOOKING_ALREADY_CHECKED_IN");
    expect(refusal(await send(checkInKiosk, "ticket:issue", { requestId: rid(), serviceId: "ktp-el" }))?.code).toBe("QUOTA_REACHED");
  });

  it("reads the code as typed or scanned, forgivingly", async () => {
    h = await startBookingHub({ service: { minLeadMinutes: 0 } });
    const first = await new Browser(h.hub.url).book(at(WEDNESDAY, "08:30"), { name: "Budi", phone: "0812-0000-0001" });
    const second = await new Browser(h.hub.url).book(at(WEDNESDAY, "08:30"), { name: "Ani", phone: "0812-0000-0002" });
    expect(first.code).toMatch(BOOKING_CODE);
    const k = await kiosk(h);
    // Lower case, a space instead of the dash: the kiosk's keyboard or a citizen reading it out.
    const typed = first.code.toLowerCase().replace("-", " ");
    expect((await must(k, "booking:checkIn", { requestId: rid(), code: typed })).print.reservation).toBe("Reservasi 08.30");
    // A USB scanner types the QR's text: the booking page's address with ?kode=.
    const scanned = `https://antrean.contoh.go.id/reservasi/${second.bookingId}?kode=${second.code}`;
    expect((await must(k, "booking:checkIn", { requestId: rid(), code: scanned })).ticket.serviceId).toBe("ktp-el");
    const unknown = refusal(await send(k, "booking:checkIn", { requestId: rid(), code: "ZZZ-ZZZ" }));
    expect(unknown).toMatchObject({ code: "BOOKING_UNKNOWN", message: "Kode reservasi tidak ditemukan. Periksa kembali kodenya." });
    expect(refusal(await send(k, "booking:checkIn", { requestId: rid(), code: "bukan kode!" }))?.code).toBe("BOOKING_UNKNOWN");
    expect(refusal(await send(k, "booking:checkIn", { requestId: "x", code: first.code }))?.code).toBe("INVALID_PAYLOAD");
  });

  it("refuses too early with the time to come back, and too late once the sweep expired it", async () => {
    h = await startBookingHub({ service: { minLeadMinutes: 0 } });
    const receipt = await new Browser(h.hub.url).book(at(WEDNESDAY, "10:00"));
    const k = await kiosk(h);
    const early = refusal(await send(k, "booking:checkIn", { requestId: rid(), code: receipt.code }));
    expect(early?.code).toBe("BOOKING_TOO_EARLY");
    expect(early?.message).toMatch(/Silakan kembali mulai pukul 09\.30\.$/);
    // The refusal of one request id stays the same when it is asked again (no time appended twice).
    const again = { requestId: rid(), code: receipt.code };
    const once = refusal(await send(k, "booking:checkIn", again))?.message;
    expect(refusal(await send(k, "booking:checkIn", again))?.message).toBe(once);

    await h.advance(at(WEDNESDAY, "10:15") - h.clock.now + 1);
    expect(h.hub.store.bookingById(receipt.bookingId)?.status).toBe("expired");
    expect(h.hub.store.bookingContact(receipt.bookingId)).toBeUndefined();
    const late = refusal(await send(k, "booking:checkIn", { requestId: rid(), code: receipt.code }));
    expect(late).toMatchObject({ code: "BOOKING_EXPIRED", message: "Reservasi sudah lewat waktu; silakan ambil antrean biasa." });
  });

  it("prints through the hub for a browser kiosk, with the reservation line, once per request", async () => {
    const out = mkdtempSync(join(tmpdir(), "layan-booking-emu-"));
    const emulator = await startPrinterEmulator({ port: 0, outDir: out });
    try {
      // The hub's own network printing, built on the running hub's setup and logger (it reads both lazily).
      let real: TicketPrinting | null = null;
      const printing: TicketPrinting = {
        problem: (id) => real!.problem(id),
        print: (id, ticket) => real!.print(id, ticket),
        printComplaint: (id, receipt) => real!.printComplaint(id, receipt),
      };
      h = await startBookingHub({ service: { minLeadMinutes: 0 } }, undefined, { printing });
      real = networkPrinting(h.hub.setup, h.hub.hub.context.logger);
      // The kiosk's printer points at the emulator, as `--kiosk-printer` does.
      const lobi = h.hub.setup.kiosks.get("kiosk-lobi");
      if (!lobi) throw new Error("no kiosk-lobi");
      lobi.printer = { kind: "network", host: "127.0.0.1", port: emulator.port, path: null, paper: "80mm" };
      const receipt = await new Browser(h.hub.url).book(at(WEDNESDAY, "08:30"));
      const k = await kiosk(h);
      const request = { requestId: rid(), code: receipt.code, printVia: "hub" as const };
      const printed = await must(k, "booking:checkIn", request);
      expect(printed.printed).toBe(true);
      const [job] = await emulator.waitForJobs(1);
      expect(job?.text).toContain(printed.ticket.number);
      expect(job?.text).toContain("Reservasi 08.30");
      // A retry (the answer was lost) gets the same ticket and no second slip.
      expect((await must(k, "booking:checkIn", request)).ticket.id).toBe(printed.ticket.id);
      expect(readdirSync(out).filter((f) => f.endsWith(".txt"))).toHaveLength(1);
    } finally {
      await emulator.close();
      rmSync(out, { recursive: true, force: true });
    }
  });

  it("refuses a hub print it cannot make before the booking is used", async () => {
    h = await startBookingHub({ service: { minLeadMinutes: 0 } });
    const receipt = await new Browser(h.hub.url).book(at(WEDNESDAY, "08:30"));
    const k = await kiosk(h);
    // printVia "hub" without a printer: refused before the booking is used, so it stays confirmed.
    expect(refusal(await send(k, "booking:checkIn", { requestId: rid(), code: receipt.code, printVia: "hub" }))?.code).toBe("PRINTER_UNAVAILABLE");
    expect(h.hub.store.bookingById(receipt.bookingId)?.status).toBe("confirmed");
  });
});

describe("a restart in the middle of the day", () => {
  it("keeps today's bookings and checked-in tickets counted once: the read model and the replayed log overlap", async () => {
    const scratch = mkdtempSync(join(tmpdir(), "layan-booking-restart-"));
    try {
      const dbPath = join(scratch, "layan.db");
      // A quota of 4, half of it bookable: two bookings take the day's share.
      const setup = { dailyQuota: 4, service: { minLeadMinutes: 0 } };
      h = await startBookingHub(setup, undefined, { dbPath });
      const first = await new Browser(h.hub.url).book(at(WEDNESDAY, "08:30"), { name: "Budi", phone: "0812-0000-0001" });
      const second = await new Browser(h.hub.url).book(at(WEDNESDAY, "09:00"), { name: "Ani", phone: "0812-0000-0002" });
      await must(await kiosk(h), "booking:checkIn", { requestId: rid(), code: first.code });
      const { clock, hub } = h;
      for (const s of sockets.splice(0)) s.close();
      await h.close();

      h = await startBookingHub(setup, clock, { dbPath, seeded: hub });
      // The share is still taken (one checked in, one confirmed): no third booking today.
      const third = await new Browser(h.hub.url).hold("ktp-el", at(WEDNESDAY, "10:00"));
      expect(third.body.ok ? null : third.body.error.code).toBe("BOOKING_QUOTA_SHARE_FULL");
      // Walk-ins: 4 less the ticket issued less the booking still open = 2.
      const k = await kiosk(h);
      const walkIns = await Promise.all([1, 2, 3].map(() => send<IssuedTicket>(k, "ticket:issue", { requestId: rid(), serviceId: "ktp-el" })));
      expect(walkIns.map((a) => (a.ok ? "ok" : a.error.code))).toEqual(["ok", "ok", "QUOTA_REACHED"]);
      // The one checked in before the restart cannot check in twice; the other still can, and takes the last place.
      expect(refusal(await send(k, "booking:checkIn", { requestId: rid(), code: first.code }))?.code).toBe("BOOKING_ALREADY_CHECKED_IN");
      await h.advance(30 * MINUTE);
      const late = await must(k, "booking:checkIn", { requestId: rid(), code: second.code });
      expect(late.print.reservation).toBe("Reservasi 09.00");
      expect(h.hub.store.issuedCountsSince(WEDNESDAY)).toEqual([{ serviceId: "ktp-el", count: 4 }]);
    } finally {
      for (const s of sockets.splice(0)) s.close();
      await h?.close();
      h = null;
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});

describe("booking turned off while bookings are open", () => {
  it("keeps check-in at the kiosk and the counter until the last booking made before has ended", async () => {
    const scratch = mkdtempSync(join(tmpdir(), "layan-booking-off-"));
    try {
      const dbPath = join(scratch, "layan.db");
      h = await startBookingHub({ service: { minLeadMinutes: 0 } }, undefined, { dbPath });
      const receipt = await new Browser(h.hub.url).book(at(WEDNESDAY, "08:30"));
      const { clock, hub } = h;
      for (const s of sockets.splice(0)) s.close();
      await h.close();

      // The office switches booking off (office.yaml) and restarts: the booking made before is honoured.
      h = await startBookingHub({ enabled: false }, clock, { dbPath, seeded: hub });
      const counter = await connect(h.hub.url, "/counter", await login(h.hub.url, h.hub.users.officer));
      sockets.push(counter);
      const offered = async () => {
        const k = await kiosk(h!);
        const kioskOffice = (await must(k, "catalog:get", {})).office;
        const counterOffice = (await must(counter, "catalog:get", {})).office;
        return [kioskOffice.bookingEnabled, kioskOffice.bookingCheckIn, counterOffice.bookingCheckIn];
      };
      expect(await offered()).toEqual([false, true, true]);
      // Staff still find the booking by its service's name, though no service is bookable now.
      const supervisor = await login(h.hub.url, h.hub.users.supervisor);
      const list = dataOf(await new Browser(h.hub.url).call<AdminBookingsPage>("GET", `/api/admin/bookings?day=${WEDNESDAY}`, undefined, supervisor));
      expect(list.services).toEqual([{ id: "ktp-el", name: expect.stringContaining("KTP-el") }]);
      expect((await new Browser(h.hub.url).hold("ktp-el", at(WEDNESDAY, "09:00"))).body).toMatchObject({ ok: false, error: { code: "BOOKING_DISABLED" } });
      const ticket = await must(await kiosk(h), "booking:checkIn", { requestId: rid(), code: receipt.code });
      expect(ticket.print.reservation).toBe("Reservasi 08.30");
      // Nothing open any more: a device asking now is not offered check-in.
      expect(await offered()).toEqual([false, false, false]);
    } finally {
      for (const s of sockets.splice(0)) s.close();
      await h?.close();
      h = null;
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});

describe("a restart on a later day", () => {
  it("seeds the bookings made on earlier days from the read model: the replay of today cannot see them", async () => {
    const scratch = mkdtempSync(join(tmpdir(), "layan-booking-restart-"));
    try {
      const dbPath = join(scratch, "layan.db");
      h = await startBookingHub({}, undefined, { dbPath, dataDir: scratch });
      const friday = "2026-11-20";
      const slot = at(friday, "09:00");
      const kept = await new Browser(h.hub.url).book(slot, { name: "Budi", phone: "0812-0000-0001" });
      const lapsing = dataOf(await new Browser(h.hub.url).hold("ktp-el", at(friday, "09:30")));
      const { clock, hub } = h;
      await h.close();

      // Thursday morning: the log replayed is Thursday's, which holds none of it.
      clock.advance(at("2026-11-19", "07:30") - clock.now);
      h = await startBookingHub({}, clock, { dbPath, dataDir: scratch, seeded: hub });
      const b = new Browser(h.hub.url);
      const slots = dataOf(await b.call<BookingSlots>("GET", `/api/bookings/slots?service=ktp-el&day=${friday}`)).slots;
      expect(slots.find((s) => s.start === slot)?.free).toBe(1);
      // The hold lapsed while the hub was down: the sweep at start released it and gave its place back.
      await h.desk.sweep();
      expect(h.hub.store.bookingById(lapsing.bookingId)).toMatchObject({ status: "released", release_reason: "hold_lapsed" });
      expect(dataOf(await b.call<BookingSlots>("GET", `/api/bookings/slots?service=ktp-el&day=${friday}`)).slots.find((s) => s.start === at(friday, "09:30"))?.free).toBe(2);
      expect(dataOf(await b.call<BookingReceipt>("GET", `/api/bookings/${kept.bookingId}`)).status).toBe("confirmed");
      // The contact's limit is counted again from the stored contact (perContactPerDay 1).
      const again = dataOf(await b.hold("ktp-el", at(friday, "10:00")));
      expect((await b.confirm(again.bookingId, { name: "Budi", phone: "+62 812 0000 0001" })).body).toMatchObject({ ok: false, error: { code: "BOOKING_LIMIT_CONTACT" } });
      // And the code still checks in when its day comes.
      clock.advance(at(friday, "08:40") - clock.now);
      expect((await must(await kiosk(h), "booking:checkIn", { requestId: rid(), code: kept.code })).print.reservation).toBe("Reservasi 09.00");
    } finally {
      for (const s of sockets.splice(0)) s.close();
      await h?.close();
      h = null;
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});

describe("check-in at the counter", () => {
  it("is called at its slot's time ahead of the walk-ins who came before it, and not before", async () => {
    h = await startBookingHub({ service: { minLeadMinutes: 0 } });
    const receipt = await new Browser(h.hub.url).book(at(WEDNESDAY, "08:30"));
    const counter = await connect(h.hub.url, "/counter", await login(h.hub.url, h.hub.users.officer));
    sockets.push(counter);
    const k = await kiosk(h);
    const first = await must(k, "ticket:issue", { requestId: rid(), serviceId: "ktp-el" });
    const second = await must(k, "ticket:issue", { requestId: rid(), serviceId: "ktp-el" });
    const booked = await must(k, "booking:checkIn", { requestId: rid(), code: receipt.code });
    await must(counter, "counter:open", { requestId: rid(), counterId: "loket-1" });
    // 08:00: the slot has not started and walk-ins wait: they go first.
    const early = await must(counter, "ticket:call_next", { requestId: rid(), counterId: "loket-1" });
    expect(early.current?.ticketId).toBe(first.ticket.id);
    await must(counter, "ticket:complete", { requestId: rid(), counterId: "loket-1", outcome: "selesai" });
    // 08:30: the booked visit's slot has started: it is called ahead of the walk-in who came before it.
    await h.advance(30 * MINUTE);
    const due = await must(counter, "ticket:call_next", { requestId: rid(), counterId: "loket-1" });
    expect(due.current?.ticketId).toBe(booked.ticket.id);
    const called = h.hub.store.eventsForTicket(booked.ticket.id).find((e) => e.event.type === "ticket.called")?.event;
    expect(called).toMatchObject({ type: "ticket.called", reason: "booked" });
    await must(counter, "ticket:complete", { requestId: rid(), counterId: "loket-1", outcome: "selesai" });
    expect((await must(counter, "ticket:call_next", { requestId: rid(), counterId: "loket-1" })).current?.ticketId).toBe(second.ticket.id);
  });

  it("issues the ticket for the officer to call by the rules; the contact is gone after the visit", async () => {
    h = await startBookingHub({ service: { minLeadMinutes: 0 } });
    const receipt = await new Browser(h.hub.url).book(at(WEDNESDAY, "08:30"), { name: "Siti Aminah", phone: "0812-3456-7890" });
    const counter = await connect(h.hub.url, "/counter", await login(h.hub.url, h.hub.users.officer));
    sockets.push(counter);
    await must(counter, "counter:open", { requestId: rid(), counterId: "loket-1" });
    const booked = await must(counter, "booking:checkIn", { requestId: rid(), code: receipt.code });
    expect(booked.print.reservation).toBe("Reservasi 08.30");
    expect(h.hub.store.ticketById(booked.ticket.id)).toMatchObject({ status: "waiting", kioskId: null });

    const supervisor = await login(h.hub.url, h.hub.users.supervisor);
    const list = async () => dataOf(await new Browser(h!.hub.url).call<AdminBookingsPage>("GET", `/api/admin/bookings?day=${WEDNESDAY}`, undefined, supervisor));
    // While the citizen waits, staff see who it is.
    expect((await list()).rows[0]).toMatchObject({ status: "checked_in", name: "Siti Aminah", phoneLast4: "7890", ticketNumber: booked.ticket.number });

    await h.advance(30 * MINUTE);
    await must(counter, "ticket:call", { requestId: rid(), counterId: "loket-1", ticketId: booked.ticket.id });
    await must(counter, "ticket:complete", { requestId: rid(), counterId: "loket-1", outcome: "selesai" });
    expect(h.hub.store.bookingContact(receipt.bookingId)).toBeUndefined();
    expect((await list()).rows[0]).toMatchObject({ status: "checked_in", name: null, phoneLast4: null, ticketNumber: booked.ticket.number });
    expect(h.hub.store.db.prepare("SELECT count(*) AS n FROM personal_data").get()).toEqual({ n: 0 });
  });
});
