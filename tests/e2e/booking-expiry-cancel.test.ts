/**
 * How a booked visit ends without a check-in (docs/booking.md, decisions 6
 * and 8), in Chromium against a real hub process, citizens on phone-sized
 * pages.
 *
 * 1. Late: two citizens book the 09.00 KTP-el slot at 07:00. A hub started
 *    at 09:12 (inside the window, which closes at 09:15) checks the second in;
 *    a hub started at 09:16 has swept the first away as a no-show: the kiosk
 *    refuses its code with the way back and still gives a normal ticket, the
 *    receipt says it is past its time, and the staff list says "Tidak datang".
 * 2. Cancelled on the receipt: the slot shows the place back, and the kiosk
 *    refuses the code. Offline, the cancel says "not connected" and changes
 *    nothing; back online, the page's next poll clears that and the cancel
 *    goes through.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ERROR_MESSAGES, type BookingStatus } from "@layan/protocol";
import { startPrinterEmulator, type PrinterEmulator } from "@layan/printer";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { sampleConfigWithBooking } from "../support/booking-config";
import { ROOT, startTestHub, type TestHub } from "../support/test-hub";
import { axeViolations } from "./axe";
import { hubContext, launchChromium, officePage } from "./browser";
import { buildDashboard, DashboardPage } from "./page-models/dashboard";
import { confirmBooking, noSideScroll, openPhone, PHONE, pickSlot } from "./page-models/booking-phone";
import { buildKiosk, KioskPage } from "./page-models/kiosk";

/** Wednesday 18 November 2026, 07:00 WIB: KTP-el opens at 08:00. */
const BOOKING_TIME = "2026-11-18T07:00:00+07:00";
/** One minute before the 09.00 slot's check-in closes (slot start + lateMinutes 15). */
const INSIDE_WINDOW = "2026-11-18T09:12:00+07:00";
/** One minute after it closed: the hub's sweep at start expires the booking. */
const PAST_WINDOW = "2026-11-18T09:16:00+07:00";
const SLOT_0900 = Date.parse("2026-11-18T09:00:00+07:00");
const SEEN = { timeout: 15_000, interval: 100 };

const STATUS_CONFIRMED = "Reservasi terkonfirmasi";
const STATUS_EXPIRED = "Reservasi sudah lewat waktu; silakan ambil antrean biasa.";
const STATUS_RELEASED = "Reservasi dibatalkan.";
const OFFLINE = "Tidak terhubung. Periksa koneksi Anda lalu coba lagi.";

let configDir: string;
let emulator: PrinterEmulator;
let jobsDir: string;
let browser: Browser;
let hub: TestHub | null = null;
const dataDirs: string[] = [];

/** Two places per slot: both citizens of the late case fit in 09.00, and a cancel shows as "Sisa 2". */
const startHubAt = (dataDir: string, now: string) =>
  startTestHub({ configDir, dataDir, now, realHours: true, kioskPrinters: { "kiosk-lobi": `127.0.0.1:${emulator.port}` } });

/** A fresh hub timeline: a data folder of its own, the hub at `now`. */
async function freshHub(now: string): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), "layan-booking-end-data-"));
  dataDirs.push(dataDir);
  hub = await startHubAt(dataDir, now);
  return dataDir;
}

/** The hub's clock moves on: a new hub process on the same data. */
async function restartAt(dataDir: string, now: string): Promise<TestHub> {
  await hub?.stop();
  hub = await startHubAt(dataDir, now);
  return hub;
}

beforeAll(async () => {
  buildKiosk(ROOT);
  buildDashboard();
  configDir = sampleConfigWithBooking({ capacity: 2, publicBaseUrl: "https://antrean.example.go.id" });
  jobsDir = mkdtempSync(join(tmpdir(), "layan-booking-end-jobs-"));
  emulator = await startPrinterEmulator({ port: 0, outDir: jobsDir });
  browser = await launchChromium();
}, 300_000);

afterEach(async () => {
  await hub?.stop();
  hub = null;
});

afterAll(async () => {
  await browser?.close();
  await emulator?.close();
  for (const dir of [configDir, jobsDir, ...dataDirs]) if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A phone of its own (its own device for the hub's limits), somewhere else's time zone. */
function phone(width: 360 | 390, path?: string, clockAt?: number): Promise<Page> {
  if (!hub) throw new Error("no hub");
  return openPhone(browser, hub, {
    viewport: width === 360 ? PHONE.narrow : PHONE.wide,
    timezoneId: "America/New_York",
    ...(path ? { path } : {}),
    ...(clockAt !== undefined ? { clockAt } : {}),
  });
}

/** Books the 09.00 slot on a fresh phone; answers the code and the receipt's path (what the phone landed on). */
async function book(
  width: 360 | 390,
  name: string,
  phoneNumber: string,
  clockAt?: number,
): Promise<{ page: Page; code: string; receiptPath: string; bookingId: string }> {
  const page = await phone(width, undefined, clockAt);
  await pickSlot(page, SLOT_0900);
  return { page, ...(await confirmBooking(page, name, phoneNumber)) };
}

/** What the hub itself says of a booking, not what a page shows. */
async function hubStatus(bookingId: string): Promise<BookingStatus> {
  if (!hub) throw new Error("no hub");
  const res = await fetch(`${hub.url}/api/bookings/${bookingId}`, { cache: "no-store" });
  return ((await res.json()) as { data: { status: BookingStatus } }).data.status;
}

async function openKiosk(): Promise<{ kioskPage: Page; kiosk: KioskPage }> {
  if (!hub) throw new Error("no hub");
  const kioskPage = await (await hubContext(browser, hub, { viewport: { width: 1080, height: 1920 } })).newPage();
  const kiosk = new KioskPage(kioskPage, hub.url);
  await kiosk.open(hub.kioskTokens["kiosk-lobi"]!);
  return { kioskPage, kiosk };
}

/** "Reservasi" on the kiosk's first screen, the code typed on its keyboard, "check in". */
async function checkInByCode(kioskPage: Page, kiosk: KioskPage, code: string): Promise<void> {
  await kioskPage.getByTestId("open-booking").click();
  await kioskPage.getByTestId("booking-page").waitFor();
  await kiosk.typeOnKeyboard(code.replace("-", ""));
  expect(await kioskPage.getByTestId("booking-code").textContent()).toBe(code);
  await kioskPage.getByTestId("booking-check-in").click();
}

/** Refused in the hub's words, and "Kembali" leads back to the code screen. */
async function expectRefused(kioskPage: Page, kiosk: KioskPage, sentence: string): Promise<void> {
  await kiosk.problem.waitFor();
  expect(await kioskPage.locator('[data-testid="problem"] h1').textContent()).toContain(sentence);
  await kioskPage.getByTestId("problem-back").click();
  await kioskPage.getByTestId("booking-page").waitFor();
}

describe("a booking nobody checks in for in time", () => {
  it("checks in at 09:12; at 09:16 it is a no-show at the kiosk, on the receipt and in the staff list", async () => {
    const dataDir = await freshHub(BOOKING_TIME);
    const late = await book(390, "Siti Aminah", "0812-3456-7890");
    // Another phone, another number: one booking per number per day.
    const onTime = await book(360, "Budi Santoso", "0813-2222-4444");
    expect(late.code).not.toBe(onTime.code);
    await late.page.context().close();
    await onTime.page.context().close();

    // 09:12, inside the window: the code checks in.
    await restartAt(dataDir, INSIDE_WINDOW);
    {
      const { kioskPage, kiosk } = await openKiosk();
      await checkInByCode(kioskPage, kiosk, onTime.code);
      await kiosk.confirmation.waitFor();
      expect(await kioskPage.getByTestId("ticket-reservation").textContent()).toBe("Reservasi 09.00");
      await kioskPage.context().close();
    }
    expect(await hubStatus(late.bookingId)).toBe("confirmed");

    // 09:16: the hub started past the window; its sweep at start ended the other booking as a no-show.
    await restartAt(dataDir, PAST_WINDOW);
    await expect.poll(() => hubStatus(late.bookingId), SEEN).toBe("expired");
    expect(await hubStatus(onTime.bookingId)).toBe("checked_in");

    const { kioskPage, kiosk } = await openKiosk();
    await checkInByCode(kioskPage, kiosk, late.code);
    await expectRefused(kioskPage, kiosk, ERROR_MESSAGES.BOOKING_EXPIRED.id);
    // The way on is a normal number, as the sentence says.
    await kiosk.goHome();
    expect(await kiosk.takeTicket("ktp-el")).toMatch(/^A-\d{3}$/);
    expect(await kioskPage.getByTestId("ticket-reservation").count()).toBe(0);
    await kioskPage.context().close();

    // The receipt the phone kept open, loaded again: past its time, no code to show, nothing to cancel.
    const receipt = await phone(390, late.receiptPath);
    expect(await receipt.locator("#status").textContent()).toBe(STATUS_EXPIRED);
    expect(await receipt.locator("#qr-box").isHidden()).toBe(true);
    expect(await receipt.locator("#cancel-box").isHidden()).toBe(true);
    expect(await receipt.locator("#code").textContent()).toBe(late.code);
    expect(await noSideScroll(receipt)).toBe(true);
    expect(await axeViolations(receipt)).toEqual([]);
    await receipt.context().close();

    // The staff list: a supervisor sees the no-show and the one who came.
    const page = await officePage(browser, hub!, [], { viewport: { width: 1440, height: 1000 } });
    const dashboard = new DashboardPage(page, hub!.url);
    await dashboard.goto();
    await dashboard.loginAs(hub!.user("supervisor").username, hub!.user("supervisor").secret);
    await page.getByRole("link", { name: "Administrasi", exact: true }).click();
    await page.getByRole("link", { name: "Reservasi", exact: true }).click();
    await page.waitForURL(/#\/admin\/reservasi/);
    const status = (code: string) => page.getByTestId(`booking-${code}`).getByTestId("booking-status");
    await expect.poll(() => status(late.code).textContent(), SEEN).toBe("Tidak datang");
    expect(await status(onTime.code).textContent()).toBe("Sudah check-in");
    // A no-show cannot be cancelled any more.
    expect(await page.getByRole("button", { name: `Batalkan reservasi ${late.code}` }).count()).toBe(0);
    await page.context().close();
  });
});

describe("cancelling on the receipt", () => {
  it("gives the place back, and the kiosk refuses the code", async () => {
    await freshHub(BOOKING_TIME);
    const { page, code, bookingId } = await book(390, "Siti Aminah", "0812-3456-7890");
    const slotText = async () => {
      const fresh = await phone(360);
      await fresh.getByRole("button", { name: /KTP-el/ }).first().click();
      const text = await fresh.locator(`[data-slot="${SLOT_0900}"]`).textContent();
      await fresh.context().close();
      return text;
    };
    expect(await slotText()).toBe("09.00–09.30Sisa 1 tempat");

    await page.locator("#cancel").click();
    await page.locator("#cancel-yes").click();
    await expect.poll(() => page.locator("#status").textContent(), SEEN).toBe(STATUS_RELEASED);
    expect(await page.locator("#cancel-box").isHidden()).toBe(true);
    expect(await page.locator("#qr-box").isHidden()).toBe(true);
    expect(await page.locator("#message").textContent()).toBe("");
    expect(await hubStatus(bookingId)).toBe("released");
    expect(await noSideScroll(page)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();

    expect(await slotText()).toBe("09.00–09.30Sisa 2 tempat");

    const { kioskPage, kiosk } = await openKiosk();
    await checkInByCode(kioskPage, kiosk, code);
    await expectRefused(kioskPage, kiosk, ERROR_MESSAGES.BOOKING_RELEASED.id);
    await kioskPage.context().close();
  });

  it("offline, says it is not connected and keeps the booking; back online, the poll clears that and the cancel goes through", async () => {
    await freshHub(BOOKING_TIME);
    // The phone's clock starts at the hub's time (Playwright's clock, never the machine's).
    const start = hub!.now();
    const { page, bookingId } = await book(360, "Budi Santoso", "0813-2222-4444", start);
    const context = page.context();
    // The page's own timer is stopped: only the "online" event can start the poll that clears the message.
    await page.clock.pauseAt(start + 60_000);

    await context.setOffline(true);
    await page.locator("#cancel").click();
    await page.locator("#cancel-yes").click();
    await expect.poll(() => page.locator("#message").textContent(), SEEN).toBe(OFFLINE);
    expect(await page.locator("#status").textContent()).toBe(STATUS_CONFIRMED);
    expect(await page.locator("#cancel").isVisible()).toBe(true);
    expect(await hubStatus(bookingId)).toBe("confirmed");

    await context.setOffline(false);
    await expect.poll(() => page.locator("#message").textContent(), SEEN).toBe("");
    expect(await page.locator("#status").textContent()).toBe(STATUS_CONFIRMED);

    await page.locator("#cancel").click();
    await page.locator("#cancel-yes").click();
    await expect.poll(() => page.locator("#status").textContent(), SEEN).toBe(STATUS_RELEASED);
    expect(await page.locator("#message").textContent()).toBe("");
    expect(await hubStatus(bookingId)).toBe("released");
    await context.close();
  });
});
