import { devices, type Browser, type Page } from "playwright-core";
import { expect } from "vitest";
import type { TestHub } from "../../support/test-hub";
import { hubContext } from "../browser";

/** The two phone sizes the booking pages are checked at. */
export const PHONE = { wide: { width: 390, height: 844 }, narrow: { width: 360, height: 640 } } as const;

/**
 * A citizen's phone on the hub's public booking pages: a browser context of
 * its own (its own `layan_device` cookie, so its own device for the hub's
 * limits), opened at `path`. `timezoneId`: where the phone thinks it is (the
 * pages must show office time whatever it says). `clockAt`: the phone's
 * clock is Playwright's, started at that instant (the hub's now), so a test
 * can pause the page's timers without reading the machine's clock.
 */
export async function openPhone(
  browser: Browser,
  hub: TestHub,
  options: { path?: string; viewport?: { width: number; height: number }; timezoneId?: string; clockAt?: number } = {},
): Promise<Page> {
  const context = await hubContext(browser, hub, {
    ...devices["Pixel 7"],
    viewport: options.viewport ?? PHONE.wide,
    isMobile: true,
    hasTouch: true,
    ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}),
  });
  if (options.clockAt !== undefined) await context.clock.install({ time: options.clockAt });
  const page = await context.newPage();
  await page.goto(`${hub.url}${options.path ?? "/reservasi/"}`);
  return page;
}

/** KTP-el, then the slot starting at `slotStart` (epoch ms); waits until "Pilih jam ini" can be pressed. */
export async function pickSlot(page: Page, slotStart: number): Promise<void> {
  await page.getByRole("button", { name: /KTP-el/ }).first().click();
  await page.locator(`[data-slot="${slotStart}"]`).click();
  await expect.poll(() => page.locator("#hold").isDisabled()).toBe(false);
}

/** Holds the picked slot, gives the citizen's details and confirms; answers what the receipt shows (code, QR link) and where it is. */
export async function confirmBooking(
  page: Page,
  name: string,
  phoneNumber: string,
): Promise<{ code: string; bookingId: string; receiptPath: string; qr: string }> {
  await page.locator("#hold").click();
  await page.locator("#step-details").waitFor();
  await page.locator("#name").fill(name);
  await page.locator("#phone").fill(phoneNumber);
  await page.locator("#confirm").click();
  await page.waitForURL(/\/reservasi\/[A-Za-z0-9_-]{16}$/);
  expect(await page.locator("#status").textContent()).toBe("Reservasi terkonfirmasi");
  const receiptPath = new URL(page.url()).pathname;
  return {
    code: (await page.locator("#code").textContent()) ?? "",
    bookingId: receiptPath.split("/").pop() ?? "",
    receiptPath,
    // What the receipt's QR holds: the link a kiosk's scanner types.
    qr: (await page.locator("svg.qr").getAttribute("data-qr")) ?? "",
  };
}

/** True when the page is no wider than the phone's screen. */
export const noSideScroll = (page: Page): Promise<boolean> =>
  page.evaluate<boolean>("document.documentElement.scrollWidth <= document.documentElement.clientWidth");
