/**
 * The booking API (docs/api.md "Reservasi") against a real in-process hub on
 * a fake clock, over real HTTP: hold, confirm and read back; a hold that
 * lapses gives its place back; a full slot and the quota share refuse; the
 * calo limits per contact, per device (a second browser's cookie) and per
 * address; what is stored of a contact; the staff list and cancel with their
 * role checks and the audit row.
 */
import { afterEach, describe, expect, it } from "vitest";
import { BOOKING_CODE, type AdminBookingRow, type AdminBookingsPage, type BookableServices, type BookingReceipt, type BookingSlots } from "@layan/protocol";
import { login } from "../../apps/hub/src/testing/harness";
import { at, Browser, codeOf, dataOf, MINUTE, startBookingHub, THURSDAY, WEDNESDAY, type BookingHub, type BookingSetup } from "./booking.support";

let h: BookingHub | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

async function start(setup: BookingSetup = {}): Promise<BookingHub> {
  h = await startBookingHub(setup);
  return h;
}

const slotsOn = async (b: Browser, day: string) => dataOf(await b.call<BookingSlots>("GET", `/api/bookings/slots?service=ktp-el&day=${day}`));
/** Places left in Thursday's slot starting at `start`. */
const freeAt = async (b: Browser, start: number) => (await slotsOn(b, THURSDAY)).slots.find((s) => s.start === start)?.free;

describe("what can be booked", () => {
  it("says the office has not switched booking on, and refuses its slots", async () => {
    const { hub } = await start({ enabled: false });
    const b = new Browser(hub.url);
    const services = dataOf(await b.call<BookableServices>("GET", "/api/bookings/services"));
    expect(services).toMatchObject({ enabled: false, unavailableReason: "disabled", services: [] });
    const slots = await b.call("GET", `/api/bookings/slots?service=ktp-el&day=${THURSDAY}`);
    expect([slots.status, codeOf(slots)]).toEqual([409, "BOOKING_DISABLED"]);
    expect(codeOf(await b.hold("ktp-el", at(THURSDAY, "09:30")))).toBe("BOOKING_DISABLED");
  });

  it("works on the LAN without a public address, and says so", async () => {
    const { hub } = await start();
    const b = new Browser(hub.url);
    const services = dataOf(await b.call<BookableServices>("GET", "/api/bookings/services"));
    expect(services.enabled).toBe(true);
    expect(services.unavailableReason).toBe("no-public-url");
    expect(services.ask).toEqual({ name: true, phone: true });
    expect(services.timeZoneName).toBe("WIB");
    const ktp = services.services.find((s) => s.id === "ktp-el");
    expect(ktp).toMatchObject({ name: "Perekaman dan Pencetakan KTP-el", slotMinutes: 30, daysAhead: 14 });
    expect(ktp?.persyaratan.length).toBeGreaterThan(0);
    // Only services with `booking` are offered.
    expect(services.services.map((s) => s.id)).toEqual(["ktp-el"]);
    const receipt = await b.book(at(THURSDAY, "09:30"));
    expect(receipt.url).toBe(`${hub.url}/reservasi/${receipt.bookingId}`);
  });

  it("gives the receipt's links at the office's public address when it has one", async () => {
    const { hub } = await start({ publicBaseUrl: "https://antrean.contoh.go.id" });
    const b = new Browser(hub.url);
    expect(dataOf(await b.call<BookableServices>("GET", "/api/bookings/services")).unavailableReason).toBeNull();
    const receipt = await b.book(at(THURSDAY, "09:30"));
    expect(receipt.url).toBe(`https://antrean.contoh.go.id/reservasi/${receipt.bookingId}`);
  });

  it("refuses a slots query that is not one", async () => {
    const { hub } = await start();
    const b = new Browser(hub.url);
    expect(codeOf(await b.call("GET", "/api/bookings/slots?service=ktp-el&day=besok"))).toBe("INVALID_PAYLOAD");
    expect(codeOf(await b.call("GET", `/api/bookings/slots?service=kia&day=${THURSDAY}`))).toBe("BOOKING_NOT_BOOKABLE");
    expect(codeOf(await b.call("GET", `/api/bookings/slots?service=tidak-ada&day=${THURSDAY}`))).toBe("SERVICE_UNKNOWN");
  });
});

describe("hold, then confirm", () => {
  it("holds a place, confirms it with the details asked for, and reads it back with its code", async () => {
    const { hub, clock } = await start();
    const b = new Browser(hub.url);
    const slot = at(THURSDAY, "09:30");
    expect(await freeAt(b, slot)).toBe(2);
    const held = await b.hold("ktp-el", slot);
    expect(held.status).toBe(200);
    const { bookingId, holdExpiresAt } = dataOf(held);
    expect(bookingId).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(holdExpiresAt).toBe(clock.now + 10 * MINUTE);
    expect(b.deviceCookie).toMatch(/^layan_device=[A-Za-z0-9_-]{22}$/);
    expect(await freeAt(b, slot)).toBe(1);

    const pending = dataOf(await b.call<BookingReceipt>("GET", `/api/bookings/${bookingId}`));
    expect(pending).toMatchObject({ status: "held", holdExpiresAt });

    const receipt = dataOf(await b.confirm(bookingId, { name: "Siti Aminah", phone: "+62 812-3456-7890" }));
    expect(receipt).toMatchObject({
      bookingId,
      status: "confirmed",
      serviceId: "ktp-el",
      serviceName: "Perekaman dan Pencetakan KTP-el",
      slotStart: slot,
      slotEnd: slot + 30 * MINUTE,
      checkInFrom: slot - 30 * MINUTE,
      checkInUntil: slot + 15 * MINUTE,
      holdExpiresAt: null,
      ticketUrl: null,
      timeZone: "Asia/Jakarta",
      timeZoneName: "WIB",
    });
    expect(receipt.code).toMatch(BOOKING_CODE);
    expect(dataOf(await b.call<BookingReceipt>("GET", `/api/bookings/${bookingId}`))).toEqual(receipt);
    // A place stays taken once confirmed.
    expect(await freeAt(b, slot)).toBe(1);

    // What is kept of the citizen: the name, four digits, two HMACs. Never the number.
    const rows = hub.store.db.prepare<[], { ref: string; kind: string; data: string }>("SELECT ref, kind, data FROM personal_data").all();
    expect(rows.map((r) => [r.ref, r.kind])).toEqual([[`booking:${bookingId}`, "booking_contact"]]);
    const contact = JSON.parse(rows[0]?.data ?? "{}") as Record<string, string>;
    expect(contact).toMatchObject({ name: "Siti Aminah", phoneLast4: "7890" });
    expect(contact.phoneHmac).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(contact.deviceHash).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(rows)).not.toMatch(/81234567890|8123456789|3456-7890/);
    expect(JSON.stringify(hub.store.db.prepare("SELECT * FROM events").all())).not.toContain("Siti");
  });

  it("sets the device cookie HttpOnly and SameSite=Lax, for a year, Secure over HTTPS", async () => {
    const { hub } = await start();
    const res = await fetch(`${hub.url}/api/bookings/hold`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ serviceId: "ktp-el", slotStart: at(THURSDAY, "09:30") }),
    });
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^layan_device=[A-Za-z0-9_-]{22}; Path=\/; Max-Age=31536000; HttpOnly; SameSite=Lax$/);
    // Behind a TLS-terminating proxy that says so, the cookie is Secure.
    const proxied = await fetch(`${hub.url}/api/bookings/hold`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-proto": "https" },
      body: JSON.stringify({ serviceId: "ktp-el", slotStart: at(THURSDAY, "10:00") }),
    });
    expect(proxied.headers.get("set-cookie")).toMatch(/; HttpOnly; SameSite=Lax; Secure$/);
  });

  it("asks for what the office asks for, and reads a phone number forgivingly but not blindly", async () => {
    const { hub } = await start();
    const b = new Browser(hub.url);
    const { bookingId } = dataOf(await b.hold("ktp-el", at(THURSDAY, "09:30")));
    const missing = await b.confirm(bookingId, { name: "Siti Aminah" });
    expect([missing.status, codeOf(missing)]).toEqual([400, "BOOKING_DETAILS_REQUIRED"]);
    expect(missing.body.ok ? "" : missing.body.error.message).toMatch(/^Lengkapi data/);
    expect(codeOf(await b.confirm(bookingId, { name: "Siti Aminah", phone: "12" }))).toBe("INVALID_PAYLOAD");
    expect(codeOf(await b.call("POST", `/api/bookings/${bookingId}/confirm`, { name: "Siti", phone: "0812345678", nik: "3201" }))).toBe("INVALID_PAYLOAD");
    expect(codeOf(await b.confirm("AAAAAAAAAAAAAAAA", { name: "Siti Aminah", phone: "081234567890" }))).toBe("BOOKING_UNKNOWN");
    expect(dataOf(await b.confirm(bookingId, { name: "Siti Aminah", phone: "081234567890" })).status).toBe("confirmed");
  });

  it("takes JSON from its own pages only", async () => {
    const { hub } = await start();
    const post = (headers: Record<string, string>) =>
      fetch(`${hub.url}/api/bookings/hold`, { method: "POST", headers, body: JSON.stringify({ serviceId: "ktp-el", slotStart: at(THURSDAY, "09:30") }) });
    const foreign = await post({ "content-type": "application/json", origin: "https://calo.example" });
    expect([foreign.status, ((await foreign.json()) as { error: { code: string } }).error.code]).toEqual([403, "ORIGIN_NOT_ALLOWED"]);
    const form = await post({ "content-type": "text/plain" });
    expect(form.status).toBe(415);
  });

  it("gives a lapsed hold's place back: released by the sweep, the slot free again", async () => {
    const { hub, advance } = await start();
    const b = new Browser(hub.url);
    const slot = at(THURSDAY, "09:30");
    const { bookingId } = dataOf(await b.hold("ktp-el", slot));
    await advance(10 * MINUTE - 1);
    expect(dataOf(await b.call<BookingReceipt>("GET", `/api/bookings/${bookingId}`)).status).toBe("held");
    await advance(1);
    expect(dataOf(await b.call<BookingReceipt>("GET", `/api/bookings/${bookingId}`)).status).toBe("released");
    expect(hub.store.bookingById(bookingId)).toMatchObject({ status: "released", release_reason: "hold_lapsed" });
    expect(await freeAt(b, slot)).toBe(2);
    const late = await b.confirm(bookingId, { name: "Siti Aminah", phone: "081234567890" });
    expect([late.status, codeOf(late)]).toEqual([409, "BOOKING_HOLD_LAPSED"]);
  });

  it("refuses a full slot with its message", async () => {
    const { hub } = await start();
    const slot = at(THURSDAY, "09:30");
    await new Browser(hub.url).book(slot);
    dataOf(await new Browser(hub.url).hold("ktp-el", slot));
    const full = await new Browser(hub.url).hold("ktp-el", slot);
    expect([full.status, codeOf(full)]).toEqual([409, "BOOKING_SLOT_FULL"]);
    expect(full.body.ok ? "" : full.body.error.message).toMatch(/penuh/i);
    expect(await freeAt(new Browser(hub.url), slot)).toBe(0);
  });

  it("keeps walk-ins their share of the daily quota", async () => {
    // 4 a day, half of it bookable: two bookings on Thursday, in any slots.
    const { hub } = await start({ dailyQuota: 4 });
    await new Browser(hub.url).book(at(THURSDAY, "09:00"), { name: "Budi", phone: "0812-1111-0001" });
    await new Browser(hub.url).book(at(THURSDAY, "10:00"), { name: "Ani", phone: "0812-1111-0002" });
    const third = await new Browser(hub.url).hold("ktp-el", at(THURSDAY, "11:00"));
    expect([third.status, codeOf(third)]).toEqual([409, "BOOKING_QUOTA_SHARE_FULL"]);
    const thursday = await slotsOn(new Browser(hub.url), THURSDAY);
    expect(thursday.quotaShareFull).toBe(true);
    expect(thursday.slots.every((s) => s.free === 0)).toBe(true);
    // Another day has its own share.
    dataOf(await new Browser(hub.url).hold("ktp-el", at("2026-11-20", "09:00")));
  });

  it("lets the citizen cancel, giving the place back", async () => {
    const { hub } = await start();
    const b = new Browser(hub.url);
    const slot = at(THURSDAY, "09:30");
    const receipt = await b.book(slot);
    const cancelled = dataOf(await b.call<BookingReceipt>("POST", `/api/bookings/${receipt.bookingId}/cancel`, {}));
    expect(cancelled.status).toBe("released");
    expect(hub.store.bookingById(receipt.bookingId)?.release_reason).toBe("citizen_cancelled");
    expect(hub.store.bookingContact(receipt.bookingId)).toBeUndefined();
    expect(await freeAt(b, slot)).toBe(2);
    // Sent again (a double tap): the same answer, nothing more released.
    expect(dataOf(await b.call<BookingReceipt>("POST", `/api/bookings/${receipt.bookingId}/cancel`, {})).status).toBe("released");
  });
});

describe("calo defences", () => {
  it("counts open bookings per contact, however the number is written", async () => {
    const { hub } = await start({ limits: { perContactPerDay: 1, perContactOpen: 2 } });
    await new Browser(hub.url).book(at(THURSDAY, "09:00"), { name: "Budi", phone: "0812-1111-2222" });
    const other = new Browser(hub.url);
    const { bookingId } = dataOf(await other.hold("ktp-el", at(THURSDAY, "10:00")));
    const same = await other.confirm(bookingId, { name: "Budi", phone: "+62 812 1111 2222" });
    expect([same.status, codeOf(same)]).toEqual([429, "BOOKING_LIMIT_CONTACT"]);
    expect(same.body.ok ? "" : same.body.error.message).toMatch(/Nomor HP ini/);
    // Another contact may; the same contact may on another day, up to two open in all.
    dataOf(await other.confirm(bookingId, { name: "Ani", phone: "0813-0000-1111" }));
    await new Browser(hub.url).book(at("2026-11-20", "09:00"), { name: "Budi", phone: "081211112222" });
    const third = new Browser(hub.url);
    const held = dataOf(await third.hold("ktp-el", at("2026-11-23", "09:00")));
    expect(codeOf(await third.confirm(held.bookingId, { name: "Budi", phone: "081211112222" }))).toBe("BOOKING_LIMIT_CONTACT");
  });

  it("counts a booking once when its confirm is sent twice at once, for the contact actually stored", async () => {
    const { hub } = await start({ limits: { perContactPerDay: 1 } });
    const b = new Browser(hub.url);
    const { bookingId } = dataOf(await b.hold("ktp-el", at(THURSDAY, "09:00")));
    const both = await Promise.all([
      b.confirm(bookingId, { name: "Budi", phone: "0812-1111-0001" }),
      b.confirm(bookingId, { name: "Budi", phone: "0812-1111-0002" }),
    ]);
    expect(both.map((a) => (a.body.ok ? a.body.data.status : a.body.error.code))).toEqual(["confirmed", "confirmed"]);
    const stored = hub.store.bookingContact(bookingId);
    expect(stored?.phoneLast4).toBe("0001");
    // The number stored is counted; the other one, which confirmed nothing, is not.
    await new Browser(hub.url).book(at(THURSDAY, "10:00"), { name: "Ani", phone: "0812-1111-0002" });
    const again = new Browser(hub.url);
    const held = dataOf(await again.hold("ktp-el", at(THURSDAY, "11:00")));
    expect(codeOf(await again.confirm(held.bookingId, { name: "Budi", phone: "081211110001" }))).toBe("BOOKING_LIMIT_CONTACT");
  });

  it("counts per device: a second browser (another cookie) is another device", async () => {
    const { hub } = await start({ limits: { perDevicePerDay: 2, perContactOpen: 2 } });
    const phone = new Browser(hub.url);
    const first = dataOf(await phone.hold("ktp-el", at(THURSDAY, "09:00")));
    dataOf(await phone.hold("ktp-el", at(THURSDAY, "09:30")));
    const third = await phone.hold("ktp-el", at(THURSDAY, "10:00"));
    expect([third.status, codeOf(third)]).toEqual([429, "BOOKING_LIMIT_DEVICE"]);
    expect(third.body.ok ? "" : third.body.error.message).toMatch(/Perangkat ini/);
    dataOf(await new Browser(hub.url).hold("ktp-el", at(THURSDAY, "10:00")));
    // A cancelled hold no longer counts.
    dataOf(await phone.call("POST", `/api/bookings/${first.bookingId}/cancel`, {}));
    dataOf(await phone.hold("ktp-el", at(THURSDAY, "10:00")));
  });

  it("counts holds per address per hour", async () => {
    const { hub, advance } = await start({ limits: { perAddressPerHour: 3, perDevicePerDay: 20, perContactOpen: 50 } });
    for (const hhmm of ["09:00", "09:30", "10:00"]) dataOf(await new Browser(hub.url).hold("ktp-el", at(THURSDAY, hhmm)));
    const fourth = await new Browser(hub.url).hold("ktp-el", at(THURSDAY, "10:30"));
    expect([fourth.status, codeOf(fourth)]).toEqual([429, "BOOKING_LIMIT_ADDRESS"]);
    await advance(60 * MINUTE);
    dataOf(await new Browser(hub.url).hold("ktp-el", at(THURSDAY, "10:30")));
  });
});

describe("the staff list (Administrasi → Reservasi)", () => {
  it("lists the day's bookings with their contacts for supervisors and managers; only supervisors and admins cancel, audited", async () => {
    const { hub } = await start();
    const receipt = await new Browser(hub.url).book(at(THURSDAY, "09:30"), { name: "Siti Aminah", phone: "0812-3456-7890" });
    dataOf(await new Browser(hub.url).hold("ktp-el", at(THURSDAY, "10:00")));
    const staff = new Browser(hub.url);
    const supervisor = await login(hub.url, hub.users.supervisor);
    const manager = await login(hub.url, hub.users.manager);
    const officer = await login(hub.url, hub.users.officer);

    const page = dataOf(await staff.call<AdminBookingsPage>("GET", `/api/admin/bookings?day=${THURSDAY}`, undefined, supervisor));
    expect(page.day).toBe(THURSDAY);
    expect(page.rows.map((r) => [r.status, r.name, r.phoneLast4])).toEqual([
      ["confirmed", "Siti Aminah", "7890"],
      ["held", null, null],
    ]);
    expect(page.counts).toEqual({ held: 1, confirmed: 1, checked_in: 0, expired: 0, released: 0 });
    expect(page.services).toEqual([{ id: "ktp-el", name: expect.stringContaining("KTP-el") }]);
    const filtered = dataOf(await staff.call<AdminBookingsPage>("GET", `/api/admin/bookings?day=${THURSDAY}&status=held`, undefined, manager));
    expect(filtered.rows).toHaveLength(1);
    expect(filtered.services).toEqual(page.services);
    expect(dataOf(await staff.call<AdminBookingsPage>("GET", `/api/admin/bookings?day=${WEDNESDAY}`, undefined, manager)).rows).toEqual([]);

    const denied = await staff.call("GET", `/api/admin/bookings?day=${THURSDAY}`, undefined, officer);
    expect([denied.status, codeOf(denied)]).toEqual([403, "ADMIN_FORBIDDEN"]);
    expect((await staff.call("GET", `/api/admin/bookings?day=${THURSDAY}`)).status).toBe(401);
    expect(codeOf(await staff.call("GET", "/api/admin/bookings", undefined, supervisor))).toBe("INVALID_PAYLOAD");

    const path = `/api/admin/bookings/${receipt.bookingId}/cancel`;
    const byManager = await staff.call("POST", path, { reason: "Pemohon minta dibatalkan lewat telepon" }, manager);
    expect([byManager.status, codeOf(byManager)]).toEqual([403, "ADMIN_FORBIDDEN"]);
    expect(codeOf(await staff.call("POST", path, { reason: "x" }, supervisor))).toBe("INVALID_PAYLOAD");
    const cancelled = dataOf(await staff.call<AdminBookingRow>("POST", path, { reason: "Pemohon minta dibatalkan lewat telepon" }, supervisor));
    expect(cancelled).toMatchObject({ bookingId: receipt.bookingId, status: "released", releaseReason: "staff_cancelled", name: null, phoneLast4: null });
    expect(hub.store.bookingContact(receipt.bookingId)).toBeUndefined();
    expect(dataOf(await new Browser(hub.url).call<BookingReceipt>("GET", `/api/bookings/${receipt.bookingId}`)).status).toBe("released");

    const audit = hub.store.listAudit({ action: "booking.cancel", limit: 10 });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: { kind: "user", name: hub.users.supervisor.username }, target: receipt.bookingId, action: "booking.cancel" });
    expect(audit[0]?.after).toMatchObject({ status: "released", reason: "Pemohon minta dibatalkan lewat telepon" });
    // The trail names the booking, not the citizen.
    expect(JSON.stringify(audit)).not.toContain("Siti");
  });
});
