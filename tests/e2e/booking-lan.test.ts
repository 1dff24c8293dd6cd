/**
 * Booking in an office without a public address (no `publicBaseUrl`): the
 * booking page says it can only be reached from the office's own network,
 * and still books there (docs/api.md `unavailableReason: "no-public-url"`),
 * in Chromium on a 360 px phone against a real hub process.
 */
import { rmSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { sampleConfigWithBooking } from "../support/booking-config";
import { startTestHub, type TestHub } from "../support/test-hub";
import { axeViolations } from "./axe";
import { launchChromium } from "./browser";
import { confirmBooking, noSideScroll, openPhone, PHONE, pickSlot } from "./page-models/booking-phone";

const SLOT_0900 = Date.parse("2026-11-18T09:00:00+07:00");
let configDir: string;
let hub: TestHub;
let browser: Browser;

beforeAll(async () => {
  configDir = sampleConfigWithBooking({ capacity: 2 });
  hub = await startTestHub({ configDir, now: "2026-11-18T07:00:00+07:00", realHours: true });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await hub?.stop();
  if (configDir) rmSync(configDir, { recursive: true, force: true });
});

it("says booking works from the office's network only, and books there", async () => {
  const page = await openPhone(browser, hub, { viewport: PHONE.narrow });
  const notice = page.locator("#services-state");
  await expect.poll(() => notice.textContent()).toBe("Reservasi hanya dapat dibuat dari jaringan kantor ini; dari luar kantor belum dapat diakses.");
  expect(await notice.isVisible()).toBe(true);
  await pickSlot(page, SLOT_0900);
  const receipt = await confirmBooking(page, "Siti Aminah", "0812-3456-7890");
  expect(receipt.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{3}-[0-9A-HJKMNP-TV-Z]{3}$/);
  expect(await noSideScroll(page)).toBe(true);
  expect(await axeViolations(page)).toEqual([]);
  await page.context().close();
});
