/**
 * The receipt's booking code on the narrowest phones (320 and 360 px): the
 * code is what the citizen reads out or types at the kiosk, so it stays on
 * one line ("6EA-" over "MKT" reads as two codes) and inside its card, for
 * the widest letters of the code's alphabet too. The receipt page as the hub
 * renders it, in Debian's Chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import type { BookingReceipt } from "@layan/protocol";
import { receiptHtml } from "../../apps/hub/src/booking/page-receipt";
import { launchChromium } from "./browser";

const SLOT = Date.parse("2026-11-19T09:30:00+07:00");
const MINUTE = 60_000;

function receipt(code: string): BookingReceipt {
  return {
    bookingId: "AAAAAAAAAAAAAAAA",
    code,
    status: "confirmed",
    serviceId: "ktp-el",
    serviceName: "Perekaman dan Pencetakan KTP-el",
    slotStart: SLOT,
    slotEnd: SLOT + 30 * MINUTE,
    checkInFrom: SLOT - 30 * MINUTE,
    checkInUntil: SLOT + 15 * MINUTE,
    holdExpiresAt: null,
    url: "https://antrean.example.go.id/reservasi/AAAAAAAAAAAAAAAA",
    ticketUrl: null,
    timeZone: "Asia/Jakarta",
    timeZoneName: "WIB",
  };
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

describe("the receipt's booking code on a narrow phone", () => {
  // The code of the repro, and the widest letters the alphabet has.
  for (const code of ["6EA-MKT", "WWW-MMM"]) {
    for (const width of [320, 360]) {
      it(`shows ${code} on one line inside the card at ${width} px`, async () => {
        const page = await browser.newPage({ viewport: { width, height: 740 } });
        try {
          await page.setContent(receiptHtml("MPP Pesawaran", receipt(code), ["Kartu Keluarga"]));
          const box = await page.locator("#code").evaluate((el) => ({
            height: el.getBoundingClientRect().height,
            lineHeight: parseFloat(getComputedStyle(el).lineHeight),
            scrollWidth: el.scrollWidth,
            clientWidth: el.clientWidth,
          }));
          expect(box.height).toBeLessThanOrEqual(1.5 * box.lineHeight);
          expect(box.scrollWidth).toBeLessThanOrEqual(box.clientWidth);
          expect(await page.locator("#code").textContent()).toBe(code);
        } finally {
          await page.close();
        }
      });
    }
  }
});
