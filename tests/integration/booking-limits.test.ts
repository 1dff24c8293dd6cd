/**
 * The calo limits (docs/booking.md decision 7) where they were easy to slip
 * past: a hold taken before a hub restart and confirmed after it still
 * counts for its contact and its device.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { at, Browser, codeOf, dataOf, startBookingHub, THURSDAY, type BookingHub, type BookingSetup } from "./booking.support";

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
});
