import { afterEach, describe, expect, it } from "vitest";
import type { BookingHeld, BookingReceipt } from "@layan/protocol";
import { FakeClock, startHub, type TestHubHandle } from "../testing/harness";
import { bookingRoutes } from "./index";

/** Wednesday 18 November 2026, 08:00 WIB. */
const WEDNESDAY_0800 = Date.parse("2026-11-18T08:00:00+07:00");
const SLOT = Date.parse("2026-11-19T09:30:00+07:00");

let h: TestHubHandle | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

async function bookingHub(): Promise<TestHubHandle> {
  return startHub({
    clock: new FakeClock(WEDNESDAY_0800),
    alwaysOpen: false,
    configure: (c) => {
      c.office.booking = { ...c.office.booking, enabled: true };
      const ktp = c.services.find((s) => s.id === "ktp-el");
      if (!ktp) throw new Error("no ktp-el in the sample office");
      ktp.booking = { slotMinutes: 30, capacity: 2, daysAhead: 14, minLeadMinutes: 60, earlyMinutes: 30, lateMinutes: 15, maxShareOfQuota: 0.5 };
    },
    routes: (store) => [bookingRoutes({ store, dataDir: null, sweepMs: 0 })],
  });
}

const post = async <T>(url: string, body: unknown) => {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return (await res.json()) as { ok: true; data: T };
};

describe("the booking pages on a running hub", () => {
  it("serves the booking page with the hub's clock and a strict CSP", async () => {
    h = await bookingHub();
    for (const path of ["/reservasi", "/reservasi/"]) {
      const res = await fetch(`${h.url}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
      expect(res.headers.get("cache-control")).toBe("no-store");
      const html = await res.text();
      expect(html).toContain("Reservasi Antrean");
      // The page counts down on hub time, not the phone's.
      expect(html).toContain(`const HUB_NOW_AT_LOAD = ${WEDNESDAY_0800};`);
    }
  });

  it("shows a confirmed booking's receipt with its code and QR, and a plain page for any other id", async () => {
    h = await bookingHub();
    const held = await post<BookingHeld>(`${h.url}/api/bookings/hold`, { serviceId: "ktp-el", slotStart: SLOT });
    expect(held.ok).toBe(true);
    const receipt = await post<BookingReceipt>(`${h.url}/api/bookings/${held.data.bookingId}/confirm`, { name: "Siti Aminah", phone: "0812-3456-7890" });
    const res = await fetch(`${h.url}/reservasi/${receipt.data.bookingId}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(`<div class="code" id="code">${receipt.data.code}</div>`);
    expect(html).toContain(`data-qr="${receipt.data.url}?kode=${receipt.data.code}"`);
    // KTP-el's requirements from the catalog, for the citizen to bring.
    expect(html).toMatch(/"persyaratan":\["[^"]+/);
    // The citizen's name and phone are not on the page: the receipt is reachable by its link alone.
    expect(html).not.toContain("Siti");
    expect(html).not.toContain("7890");
    for (const id of ["AAAAAAAAAAAAAAAA", "short", "%3Cscript%3E"]) {
      const other = await fetch(`${h.url}/reservasi/${id}`);
      expect(other.status).toBe(404);
      expect(await other.text()).toContain("Reservasi tidak ditemukan");
    }
  });
});
