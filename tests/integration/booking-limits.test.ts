/**
 * The calo limits (docs/booking.md decision 7) where they were easy to slip
 * past: a hold taken before a hub restart and confirmed after it still
 * counts for its contact and its device; and behind the office's reverse
 * proxy (`--trust-proxy`) the per-address limit counts each citizen's
 * address from X-Forwarded-For, never one that an untrusted peer wrote.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ERROR_MESSAGES } from "@layan/protocol";
import { sampleConfigWithBooking } from "../support/booking-config";
import { startTestHub } from "../support/test-hub";
import { at, Browser, codeOf, dataOf, MINUTE, startBookingHub, THURSDAY, type BookingHub, type BookingSetup } from "./booking.support";

let h: BookingHub | null = null;
let scratch: string | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  scratch = null;
});

/** A hub on a file database and a data folder (the booking key), then the same hub started again. */
async function restartable(setup: BookingSetup) {
  scratch = mkdtempSync(join(tmpdir(), "layan-booking-limits-"));
  const restart = { dbPath: join(scratch, "layan.db"), dataDir: scratch };
  h = await startBookingHub(setup, undefined, restart);
  return {
    restart: async () => {
      if (!h) throw new Error("no hub");
      const { clock, hub } = h;
      await h.close();
      h = await startBookingHub(setup, clock, { ...restart, seeded: hub });
      return h;
    },
  };
}

describe("a hold that outlives a restart", () => {
  it("counts for its contact once confirmed: a second booking with the same number is refused", async () => {
    const { restart } = await restartable({ limits: { perContactPerDay: 1 } });
    const phoneA = new Browser(h!.hub.url);
    const held = dataOf(await phoneA.hold("ktp-el", at(THURSDAY, "09:30")));
    const after = await restart();
    const a = phoneA.reopen(after.hub.url);
    expect(dataOf(await a.confirm(held.bookingId, { name: "Siti Aminah", phone: "0812 3456 7890" })).status).toBe("confirmed");
    const phoneB = new Browser(after.hub.url);
    const second = dataOf(await phoneB.hold("ktp-el", at(THURSDAY, "10:00")));
    const refused = await phoneB.confirm(second.bookingId, { name: "Siti Aminah", phone: "0812-3456-7890" });
    expect([refused.status, codeOf(refused)]).toEqual([429, "BOOKING_LIMIT_CONTACT"]);
    // And it still counts after one more restart (its contact is stored now).
    const again = await restart();
    const phoneC = new Browser(again.hub.url);
    const third = dataOf(await phoneC.hold("ktp-el", at(THURSDAY, "11:00")));
    expect(codeOf(await phoneC.confirm(third.bookingId, { name: "Siti", phone: "+62 812 3456 7890" }))).toBe("BOOKING_LIMIT_CONTACT");
  });

  it("counts for the device that confirmed it: the device's limit holds across the restart", async () => {
    const { restart } = await restartable({ limits: { perDevicePerDay: 2, perContactOpen: 2, perContactPerDay: 1 } });
    const phone = new Browser(h!.hub.url);
    const first = dataOf(await phone.hold("ktp-el", at(THURSDAY, "09:30")));
    const after = await restart();
    const same = phone.reopen(after.hub.url);
    dataOf(await same.confirm(first.bookingId, { name: "Budi", phone: "0812-0000-0001" }));
    await same.book(at(THURSDAY, "10:00"), { name: "Ani", phone: "0812-0000-0002" });
    // Two open bookings on Thursday from this phone: a third is the device's limit.
    const third = await same.hold("ktp-el", at(THURSDAY, "10:30"));
    expect([third.status, codeOf(third)]).toEqual([429, "BOOKING_LIMIT_DEVICE"]);
    dataOf(await new Browser(after.hub.url).hold("ktp-el", at(THURSDAY, "10:30")));
  });

  it("gives a device no fresh set of holds: one held before the restart is refused once the device is at its limit", async () => {
    const { restart } = await restartable({ limits: { perDevicePerDay: 2, perContactOpen: 5, perContactPerDay: 5 } });
    const phone = new Browser(h!.hub.url);
    const old = [dataOf(await phone.hold("ktp-el", at(THURSDAY, "09:30"))), dataOf(await phone.hold("ktp-el", at(THURSDAY, "10:00")))];
    const after = await restart();
    const same = phone.reopen(after.hub.url);
    // The restart forgot the two holds: the device may hold two more…
    await same.book(at(THURSDAY, "10:30"), { name: "Ani", phone: "0812-0000-0002" });
    await same.book(at(THURSDAY, "11:00"), { name: "Ani", phone: "0812-0000-0003" });
    // …but not confirm the old ones on top of them.
    const late = await same.confirm(old[0]!.bookingId, { name: "Budi", phone: "0812-0000-0001" });
    expect([late.status, codeOf(late)]).toEqual([429, "BOOKING_LIMIT_DEVICE"]);
  });
});

describe("the per-address hold limit behind a reverse proxy", () => {
  const setup: BookingSetup = { limits: { perAddressPerHour: 2, perDevicePerDay: 20, perContactOpen: 50 } };
  const viaProxy = (base: string, client: string) => new Browser(base, { "x-forwarded-for": client });
  const slots = ["09:00", "09:30", "10:00", "10:30", "11:00", "11:30"].map((hhmm) => at(THURSDAY, hhmm));

  it("with --trust-proxy counts each client named by X-Forwarded-For apart", async () => {
    h = await startBookingHub(setup, undefined, { trustProxy: true });
    const base = h.hub.url;
    // The test's socket is loopback, as a proxy on the hub's PC is.
    for (const slot of slots.slice(0, 2)) dataOf(await viaProxy(base, "198.51.100.7").hold("ktp-el", slot));
    for (const slot of slots.slice(2, 4)) dataOf(await viaProxy(base, "203.0.113.9").hold("ktp-el", slot));
    // The rightmost address that is not a proxy is the client: the one before it was written by the phone.
    dataOf(await viaProxy(base, "198.51.100.7, 192.0.2.44, 127.0.0.1").hold("ktp-el", slots[4]!));
    const third = await viaProxy(base, "10.9.9.9, 198.51.100.7").hold("ktp-el", slots[4]!);
    expect([third.status, codeOf(third)]).toEqual([429, "BOOKING_LIMIT_ADDRESS"]);
    // An IPv6 phone counts by its /64: a new address in it is the same network.
    dataOf(await viaProxy(base, "2001:db8:aa:bb::1").hold("ktp-el", slots[0]!));
    dataOf(await viaProxy(base, "2001:db8:aa:bb::2").hold("ktp-el", slots[1]!));
    expect(codeOf(await viaProxy(base, "2001:db8:aa:bb:1:2:3:4").hold("ktp-el", slots[2]!))).toBe("BOOKING_LIMIT_ADDRESS");
  });

  it("without --trust-proxy counts the socket's address whatever X-Forwarded-For says", async () => {
    h = await startBookingHub(setup);
    const base = h.hub.url;
    dataOf(await viaProxy(base, "198.51.100.1").hold("ktp-el", slots[0]!));
    dataOf(await viaProxy(base, "198.51.100.2").hold("ktp-el", slots[1]!));
    const spoofed = await viaProxy(base, "198.51.100.3").hold("ktp-el", slots[2]!);
    expect([spoofed.status, codeOf(spoofed)]).toEqual([429, "BOOKING_LIMIT_ADDRESS"]);
  });

  it("refuses with a sentence that names the network and the hour, and lifts the next hour", async () => {
    h = await startBookingHub(setup);
    const base = h.hub.url;
    for (const slot of slots.slice(0, 2)) dataOf(await new Browser(base).hold("ktp-el", slot));
    const refused = await new Browser(base).hold("ktp-el", slots[2]!);
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({
      ok: false,
      error: { code: "BOOKING_LIMIT_ADDRESS", message: ERROR_MESSAGES.BOOKING_LIMIT_ADDRESS.id, messageEn: ERROR_MESSAGES.BOOKING_LIMIT_ADDRESS.en },
    });
    expect(ERROR_MESSAGES.BOOKING_LIMIT_ADDRESS.id).toMatch(/jaringan ini.*satu jam/);
    expect(ERROR_MESSAGES.BOOKING_LIMIT_ADDRESS.id).not.toMatch(/perangkat/i);
    await h.advance(60 * MINUTE);
    dataOf(await new Browser(base).hold("ktp-el", slots[2]!));
  });

  it("is switched on by the hub's --trust-proxy flag, as `pnpm start` is given it", async () => {
    const configDir = sampleConfigWithBooking({ capacity: 3 });
    const office = join(configDir, "office.yaml");
    writeFileSync(office, readFileSync(office, "utf8").replace("perAddressPerHour: 20", "perAddressPerHour: 2"));
    const real = await startTestHub({ configDir, realHours: true, now: "2026-11-18T08:10:00+07:00", args: ["--trust-proxy"] });
    try {
      for (const slot of slots.slice(0, 2)) dataOf(await viaProxy(real.url, "198.51.100.7").hold("ktp-el", slot));
      expect(codeOf(await viaProxy(real.url, "198.51.100.7").hold("ktp-el", slots[2]!))).toBe("BOOKING_LIMIT_ADDRESS");
      dataOf(await viaProxy(real.url, "203.0.113.9").hold("ktp-el", slots[2]!));
    } finally {
      await real.stop();
      rmSync(configDir, { recursive: true, force: true });
    }
  }, 60_000);
});
