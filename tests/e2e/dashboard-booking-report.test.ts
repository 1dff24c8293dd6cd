/**
 * Laporan's "Reservasi" panel (docs/booking.md decision 11), in Chromium
 * against a real hub process: four citizens book KTP-el the evening before
 * the visit's morning (hub time 07:00), one cancels; on the morning two check
 * in at Loket 1 and are served beside a walk-in, and the third never comes
 * (the sweep of a hub started after her window marks her "tidak datang").
 * The manager's panel shows what the test did, on a desktop and a phone, per
 * day and per service, and downloads the server's CSV; an office without
 * booking never sees the panel.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BookingReceipt } from "@layan/protocol";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleConfigWithBooking } from "../support/booking-config";
import { BookingPhone } from "../support/booking-http";
import { ROOT, startTestHub, type TestHub } from "../support/test-hub";
import { hubContext, launchChromium } from "./browser";
import { KioskClient, OfficerClient } from "./counter-display.support";
import { noSideScroll } from "./page-models/booking-phone";
import { buildDashboard, DashboardPage } from "./page-models/dashboard";

const SHOTS = join(ROOT, "docs", "screenshots");
const DAY = "2026-11-18";
const at = (hhmm: string) => Date.parse(`${DAY}T${hhmm}:00+07:00`);
/** The hub's time for each act: bookings, the visits, after the last window closed. */
const BOOKING_TIME = `${DAY}T07:00:00+07:00`;
const VISIT_TIME = `${DAY}T08:40:00+07:00`;
const AFTER_WINDOWS = `${DAY}T11:00:00+07:00`;

let browser: Browser;
let configDir: string;
let dataDir: string;
let hub: TestHub | null = null;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  buildDashboard();
  mkdirSync(SHOTS, { recursive: true });
  configDir = sampleConfigWithBooking({ capacity: 3 });
  dataDir = mkdtempSync(join(tmpdir(), "layan-booking-report-"));
  browser = await launchChromium();
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await hub?.stop();
  for (const dir of [configDir, dataDir]) if (dir) rmSync(dir, { recursive: true, force: true });
});

const startHubAt = (now: string, options: { configDir?: string; dataDir?: string } = { configDir, dataDir }) =>
  startTestHub({ ...options, now, realHours: true });

async function managerPage(on: TestHub, viewport: { width: number; height: number }): Promise<DashboardPage> {
  const context = await hubContext(browser, on, { viewport, locale: "id-ID", timezoneId: "Asia/Jakarta", acceptDownloads: true });
  contexts.push(context);
  const dash = new DashboardPage(await context.newPage(), on.url);
  await dash.goto();
  await dash.loginAs(on.user("manager").username, on.user("manager").secret);
  await dash.open("laporan");
  await dash.setRange(DAY, DAY);
  return dash;
}

const rowCells = async (page: Page, key: string) =>
  (await page.getByTestId("booking-table").locator(`tr[data-key="${key}"] td`).allTextContents()).map((t) => t.trim());

describe("the Reservasi panel in Laporan", () => {
  it("shows booked and walk-in tickets, what became of each booking, and the CSV", async () => {
    hub = await startHubAt(BOOKING_TIME);
    const phone = (n: number) => ({ name: `Warga ${n}`, phone: `0812-0000-000${n}` });
    const book = (slot: string, n: number): Promise<BookingReceipt> => new BookingPhone(hub!.url).book("ktp-el", at(slot), phone(n));
    const first = await book("08:30", 1);
    const second = await book("09:00", 2);
    await book("09:00", 3); // never comes
    const cancelling = new BookingPhone(hub.url);
    const cancelled = await cancelling.book("ktp-el", at("10:00"), phone(4));
    await cancelling.cancel(cancelled.bookingId);
    await hub.stop();

    // 08:40: both booked citizens check in at the counter, a walk-in takes a number; all three are served.
    hub = await startHubAt(VISIT_TIME);
    const kiosk = await KioskClient.connect(hub.url, hub.kioskToken);
    const officer = await OfficerClient.login(hub.url, hub.user("officer").username, hub.user("officer").secret);
    try {
      await kiosk.issue("ktp-el");
      await officer.open("loket-1");
      for (const code of [first.code, second.code]) expect((await officer.command("booking:checkIn", { code })).ok).toBe(true);
      for (let i = 0; i < 3; i++) {
        await officer.callNext("loket-1");
        await officer.complete("loket-1");
      }
    } finally {
      kiosk.close();
      officer.close();
    }
    await hub.stop();
    // 11:00: the third citizen's window (09:00 + 15 min) closed long ago; the hub's sweep at start ends her booking.
    hub = await startHubAt(AFTER_WINDOWS);

    const dash = await managerPage(hub, { width: 1440, height: 900 });
    const panel = dash.page.getByTestId("booking-report");
    await panel.waitFor();
    expect(await dash.kpi("kpi-booked")).toEqual({ value: "2", hint: "66,7% dari 3 · 1 datang langsung" });
    expect(await dash.kpi("kpi-bookings-made")).toEqual({ value: "4", hint: "2 check-in · 0 belum tiba waktunya" });
    expect(await dash.kpi("kpi-booking-noshow")).toEqual({ value: "1", hint: "33,3% dari yang sudah lewat jamnya" });
    expect(await dash.kpi("kpi-booking-cancelled")).toEqual({ value: "1", hint: "1 oleh warga · 0 oleh petugas" });
    expect((await dash.kpi("kpi-holds-lapsed")).value).toBe("0");
    expect((await dash.kpi("kpi-wait-booked")).hint).toMatch(/^p50 \/ p90 .+ · 100% ≤ target$/);
    // One row for the day: issued, booked (share), walk-in, made, checked in, no-show (share), cancelled.
    expect((await rowCells(dash.page, DAY)).slice(1, 8)).toEqual(["3", "266,7%", "1", "4", "2", "133,3%", "1"]);
    await panel.screenshot({ path: join(SHOTS, "dashboard-booking-report-desktop.png") });

    await panel.getByRole("button", { name: "Per layanan", exact: true }).click();
    await dash.settled();
    const service = await rowCells(dash.page, "ktp-el");
    expect(service[0]).toContain("KTP-el");
    expect(service.slice(1, 8)).toEqual(["3", "266,7%", "1", "4", "2", "133,3%", "1"]);

    const csv = await dash.downloadCsv("csv-bookings.csv");
    expect(csv.name).toBe(`layan-reservasi-per-layanan-${DAY}_${DAY}.csv`);
    const lines = csv.bytes.toString("utf8").replace(/^\uFEFF/, "").trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/Tidak hadir/);
    expect(lines.find((l) => l.includes("ktp-el"))).toBeDefined();
    expect(lines.at(-1)).toMatch(/^"?Jumlah/);

    // On a phone: the panel fits the width (its table scrolls inside itself), and the figures are the same.
    const onPhone = await managerPage(hub, { width: 390, height: 844 });
    const phonePanel = onPhone.page.getByTestId("booking-report");
    await phonePanel.scrollIntoViewIfNeeded();
    expect(await onPhone.kpi("kpi-booked")).toEqual({ value: "2", hint: "66,7% dari 3 · 1 datang langsung" });
    expect(await noSideScroll(onPhone.page)).toBe(true);
    const box = (await phonePanel.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await phonePanel.screenshot({ path: join(SHOTS, "dashboard-booking-report.png") });
  });

  it("is not shown to an office that takes no bookings and has none", async () => {
    const plain = await startTestHub({ now: AFTER_WINDOWS, realHours: true });
    try {
      const dash = await managerPage(plain, { width: 1440, height: 900 });
      await dash.page.getByTestId("breakdown").waitFor();
      // setRange waited for every panel, the booking panel's own answer among them: it chose not to show.
      await dash.settled();
      expect(await dash.page.getByTestId("booking-report").count()).toBe(0);
    } finally {
      await plain.stop();
    }
  });
});
