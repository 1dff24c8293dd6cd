/**
 * Booked visits end to end (docs/booking.md), in Chromium against a real hub
 * process: a citizen books a slot on a phone-sized page, a second phone finds
 * the slot taken with the hub's own sentence, the hub's clock moves to the
 * morning of the visit (a new hub process on the same data, LAYAN_TEST_NOW),
 * and the citizen checks in at the browser kiosk by typing the code; the
 * same code a second time is refused with a way back; at Loket 1 the booked
 * citizen, whose slot has started, is called ahead of the walk-in who took a
 * number before them, and the walk-in next.
 */
import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { ERROR_MESSAGES } from "@layan/protocol";
import type { Browser, Page } from "playwright-core";
import { io } from "socket.io-client";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ROOT, type TestHub } from "../support/test-hub";
import { axeViolations } from "./axe";
import { BookingOffice } from "./booking-office.support";
import { hubContext, launchChromium } from "./browser";
import { OfficerClient } from "./counter-display.support";
import { noSideScroll, openPhone, pickSlot } from "./page-models/booking-phone";
import { buildKiosk, KioskPage } from "./page-models/kiosk";

const SHOTS = join(ROOT, "docs", "screenshots");
/** Wednesday 18 November 2026, 07:00 WIB: KTP-el opens at 08:00. */
const BOOKING_TIME = "2026-11-18T07:00:00+07:00";
/** The visit's morning, two minutes into the 09.00 slot. */
const VISIT_TIME = "2026-11-18T09:02:00+07:00";
const SLOT_0900 = Date.parse("2026-11-18T09:00:00+07:00");

let office: BookingOffice;
let hub: TestHub | null = null;
let browser: Browser;

const startHubAt = (now: string) => office.startAt(now);

beforeAll(async () => {
  buildKiosk(ROOT);
  mkdirSync(SHOTS, { recursive: true });
  // One place per slot, so a second phone finds it full.
  office = await BookingOffice.open("layan-booking-", { capacity: 1, publicBaseUrl: "https://antrean.example.go.id" });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await office?.close();
});

function phone(viewport: { width: number; height: number }): Promise<Page> {
  if (!hub) throw new Error("no hub");
  return openPhone(browser, hub, { viewport, timezoneId: "America/New_York" });
}

it("books a slot on a phone, finds it full on another, and checks in at the kiosk by code", async () => {
  hub = await startHubAt(BOOKING_TIME);

  // A second phone picks the same 09.00 slot first, but holds it only after the first phone booked it.
  const late = await phone({ width: 360, height: 640 });
  await pickSlot(late, SLOT_0900);

  const page = await phone({ width: 390, height: 844 });
  await pickSlot(page, SLOT_0900);
  expect(await page.locator(`[data-slot="${SLOT_0900}"]`).textContent()).toBe("09.00–09.30Sisa 1 tempat");
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: join(SHOTS, "booking-page.png"), fullPage: true });
  await page.locator("#hold").click();
  await page.locator("#step-details").waitFor();
  // The hold's countdown runs on hub time: ten minutes, not the phone's idea of it.
  await expect.poll(() => page.locator("#hold-left").textContent()).toMatch(/^(10:00|9:[0-5]\d)$/);
  expect(await page.locator("#hold-slot").textContent()).toBe("Rabu, 18 November 2026, 09.00–09.30 WIB");
  await page.locator("#name").fill("Siti Aminah");
  await page.locator("#phone").fill("0812-3456-7890");
  await page.locator("#confirm").click();
  await page.waitForURL(/\/reservasi\/[A-Za-z0-9_-]{16}$/);
  const code = (await page.locator("#code").textContent()) ?? "";
  expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{3}-[0-9A-HJKMNP-TV-Z]{3}$/);
  expect(await page.locator("#slot").textContent()).toBe("Rabu, 18 November 2026, 09.00–09.30 WIB");
  expect(await page.locator("#arrive").textContent()).toBe("Silakan check-in antara pukul 08.30 dan 09.15 WIB.");
  expect(await page.locator("#status").textContent()).toBe("Reservasi terkonfirmasi");
  expect(await page.locator("svg.qr").getAttribute("data-qr")).toContain(`?kode=${code}`);
  expect(await noSideScroll(page)).toBe(true);
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: join(SHOTS, "booking-receipt.png"), fullPage: true });

  // The slot is gone: the second phone is told so in the hub's words, and sees it "Penuh".
  await late.locator("#hold").click();
  await expect.poll(() => late.locator("#message").textContent()).toBe(ERROR_MESSAGES.BOOKING_SLOT_FULL.id);
  await expect.poll(() => late.locator(`[data-slot="${SLOT_0900}"]`).textContent()).toBe("09.00–09.30Penuh");
  expect(await late.locator(`[data-slot="${SLOT_0900}"]`).isDisabled()).toBe(true);
  expect(await noSideScroll(late)).toBe(true);
  expect(await axeViolations(late)).toEqual([]);
  await late.screenshot({ path: join(SHOTS, "booking-slot-full.png"), fullPage: true });
  await page.context().close();
  await late.context().close();

  // The morning of the visit: the hub's clock moved on (a new hub process on the same data).
  await hub.stop();
  hub = await startHubAt(VISIT_TIME);
  const kioskSocket = io(`${hub.url}/kiosk`, { auth: { token: hub.kioskToken }, transports: ["websocket"] });
  const walkIn = (await kioskSocket.timeout(10_000).emitWithAck("ticket:issue", { requestId: randomUUID(), serviceId: "ktp-el" })) as {
    ok: boolean;
    data: { ticket: { number: string } };
  };
  kioskSocket.disconnect();
  expect(walkIn.ok).toBe(true);

  const kioskPage = await (await hubContext(browser, hub, { viewport: { width: 1080, height: 1920 } })).newPage();
  const kiosk = new KioskPage(kioskPage, hub.url);
  await kiosk.open(hub.kioskTokens["kiosk-lobi"]!);
  await kioskPage.getByTestId("open-booking").click();
  await kioskPage.getByTestId("booking-page").waitFor();
  // The keyboard offers the code's alphabet only: no I, L, O or U to mistype.
  for (const never of ["I", "L", "O", "U"]) expect(await kioskPage.locator(".keyboard").getByRole("button", { name: never, exact: true }).count()).toBe(0);
  await kiosk.typeOnKeyboard(code.replace("-", ""));
  expect(await kioskPage.getByTestId("booking-code").textContent()).toBe(code);
  expect(await axeViolations(kioskPage)).toEqual([]);
  await kioskPage.screenshot({ path: join(SHOTS, "booking-kiosk-code.png") });
  await kioskPage.getByTestId("booking-check-in").click();
  await kiosk.confirmation.waitFor();
  expect(await kioskPage.getByTestId("ticket-reservation").textContent()).toBe("Reservasi 09.00");
  const booked = (await kiosk.ticketNumber.textContent()) ?? "";
  expect(booked).not.toBe(walkIn.data.ticket.number);
  await kioskPage.screenshot({ path: join(SHOTS, "booking-kiosk-checked-in.png") });

  // The same code again: refused in Indonesian, with the way back to the code screen.
  await kiosk.goHome();
  await kioskPage.getByTestId("open-booking").click();
  await kiosk.typeOnKeyboard(code.replace("-", ""));
  await kioskPage.getByTestId("booking-check-in").click();
  await kiosk.problem.waitFor();
  expect(await kioskPage.locator('[data-testid="problem"] h1').textContent()).toContain(ERROR_MESSAGES.BOOKING_ALREADY_CHECKED_IN.id);
  await kioskPage.getByTestId("problem-back").click();
  await kioskPage.getByTestId("booking-page").waitFor();
  await kioskPage.context().close();

  // Loket 1 calls: the 09.00 booking first (its slot has started), then the walk-in who came earlier.
  const officer = await OfficerClient.login(hub.url, hub.user("officer").username, hub.user("officer").secret);
  try {
    await officer.open("loket-1");
    expect(await officer.callNext("loket-1")).toBe(booked);
    await officer.complete("loket-1");
    expect(await officer.callNext("loket-1")).toBe(walkIn.data.ticket.number);
  } finally {
    officer.close();
  }
});
