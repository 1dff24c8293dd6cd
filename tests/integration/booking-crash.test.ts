/**
 * Bookings against a real hub process (apps/hub/src/main.ts, as `pnpm start`
 * runs it): a confirm that was answered survives SIGKILL (the group commit
 * made it durable before the answer), and bookings for tomorrow survive a
 * restart with their counts: the slot's free places, the per-contact limit
 * (rebuilt from the contacts of the open bookings), the staff list, and the
 * booking key in the data folder that the phone HMACs depend on.
 */
import { rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AdminBookingsPage, BookingReceipt, BookingSlots } from "@layan/protocol";
import { login } from "../../apps/hub/src/testing/harness";
import { sampleConfigWithBooking } from "../support/booking-config";
import { startTestHub, type TestHub } from "../support/test-hub";
import { at, Browser, codeOf, dataOf, THURSDAY } from "./booking.support";

let configDir = "";
let hub: TestHub;

beforeAll(async () => {
  configDir = sampleConfigWithBooking({ capacity: 3 });
  hub = await startTestHub({ configDir, realHours: true, now: "2026-11-18T08:00:00+07:00" });
}, 60_000);
afterAll(async () => {
  await hub.stop();
  rmSync(configDir, { recursive: true, force: true });
});

const freeAt = async (slotStart: number) =>
  dataOf(await new Browser(hub.url).call<BookingSlots>("GET", `/api/bookings/slots?service=ktp-el&day=${THURSDAY}`)).slots.find((s) => s.start === slotStart)?.free;

describe("bookings across a crash and a restart", () => {
  it("keeps a booking whose confirm was answered right before SIGKILL, and tomorrow's counts after a restart", async () => {
    const slot = at(THURSDAY, "09:30");
    const phone = new Browser(hub.url);
    const first = await phone.book(slot, { name: "Siti Aminah", phone: "0812-3456-7890" });
    const held = dataOf(await new Browser(hub.url).hold("ktp-el", slot));
    const second = dataOf(await new Browser(hub.url).confirm(held.bookingId, { name: "Budi Santoso", phone: "0813-1111-2222" }));
    // Killed the moment the answer arrived: nothing was flushed after it.
    await hub.kill();
    await hub.restart();

    for (const receipt of [first, second]) {
      const after = dataOf(await new Browser(hub.url).call<BookingReceipt>("GET", `/api/bookings/${receipt.bookingId}`));
      expect(after).toMatchObject({ status: "confirmed", code: receipt.code, slotStart: slot });
    }
    expect(await freeAt(slot)).toBe(1);
    const supervisor = await login(hub.url, hub.user("supervisor"));
    const page = dataOf(await new Browser(hub.url).call<AdminBookingsPage>("GET", `/api/admin/bookings?day=${THURSDAY}`, undefined, supervisor));
    expect(page.rows.map((r) => [r.code, r.name, r.phoneLast4])).toEqual([
      [first.code, "Siti Aminah", "7890"],
      [second.code, "Budi Santoso", "2222"],
    ]);

    // A graceful restart too: the limits are counted again from the stored contacts, with the same key.
    await hub.restart();
    expect(await freeAt(slot)).toBe(1);
    const again = new Browser(hub.url);
    const other = dataOf(await again.hold("ktp-el", at(THURSDAY, "10:00")));
    expect(codeOf(await again.confirm(other.bookingId, { name: "Siti Aminah", phone: "+62 812 3456 7890" }))).toBe("BOOKING_LIMIT_CONTACT");
    expect(statSync(join(hub.dataDir, "booking-key")).mode & 0o777).toBe(0o600);

    const health = (await (await fetch(`${hub.url}/healthz`)).json()) as { booking: { enabled: boolean; open: number; limitsCounted: number } };
    expect(health.booking).toMatchObject({ enabled: true, open: 3, limitsCounted: 3 });
  }, 60_000);
});
