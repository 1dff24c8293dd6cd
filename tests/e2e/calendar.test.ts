/**
 * The date-sensitive screens on the awkward days. Each case pins "now" for the
 * hub process (LAYAN_TEST_NOW) and for Chromium (Playwright's clock), with the
 * browser in UTC, as a badly set office PC would be, so a screen that reads the
 * browser's own day instead of the office's shows it:
 *
 * - the first of a month (the dashboard's "this month" holds one day; last
 *   month's days must still be reachable in the log: CI was red on this);
 * - 1 January (the month and the year both roll over);
 * - ten minutes after midnight WIB, still the previous day in UTC;
 * - a Friday afternoon, after the Friday-prayer break, with the office's real
 *   opening hours.
 *
 * Every hub also holds the hand-worked report fixture (26–28 Nov 2026), so the
 * earlier days are there to find.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "@layan/store";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeReportFixture } from "../../packages/store/src/reports/fixture";
import { ROOT, startTestHub } from "../support/test-hub";
import { hubContext, launchChromium } from "./browser";
import { buildCounterAndDisplay, KioskClient, OfficerClient } from "./counter-display.support";
import { DashboardPage } from "./page-models/dashboard";
import { DisplayPage } from "./page-models/display";

const SEEN = { timeout: 10_000, interval: 100 };

interface AwkwardDay {
  name: string;
  now: string;
  /** The office's day at that instant, as the screens must read it. */
  officeDay: string;
  /** The display's date line. */
  dateLine: string;
  /** The compliance report's default month (last month). */
  lastMonthLabel: string;
  realHours?: boolean;
}

const DAYS: AwkwardDay[] = [
  {
    name: "the first of a month",
    now: "2026-12-01T10:00:00+07:00",
    officeDay: "2026-12-01",
    dateLine: "Selasa, 1 Desember 2026",
    lastMonthLabel: "November 2026",
  },
  {
    name: "1 January",
    now: "2027-01-01T09:15:00+07:00",
    officeDay: "2027-01-01",
    dateLine: "Jumat, 1 Januari 2027",
    lastMonthLabel: "Desember 2026",
  },
  {
    name: "just after midnight WIB (still the 30th in UTC)",
    now: "2026-12-01T00:10:00+07:00",
    officeDay: "2026-12-01",
    dateLine: "Selasa, 1 Desember 2026",
    lastMonthLabel: "November 2026",
  },
  {
    name: "a Friday afternoon, with the office's real hours",
    now: "2026-12-04T14:30:00+07:00",
    officeDay: "2026-12-04",
    dateLine: "Jumat, 4 Desember 2026",
    lastMonthLabel: "November 2026",
    realHours: true,
  },
];

let browser: Browser;

beforeAll(async () => {
  buildCounterAndDisplay();
  // Vitest sets NODE_ENV=test; Vite would then bundle React's development build.
  execFileSync("pnpm", ["--filter", "@layan/dashboard", "build"], {
    cwd: ROOT,
    stdio: "pipe",
    env: { ...process.env, NODE_ENV: "production" },
  });
  browser = await launchChromium(["--lang=id"]);
});

afterAll(async () => {
  await browser?.close();
});

describe.each(DAYS)("on $name ($now)", (day) => {
  it("numbers start again, and the dashboard and the display read the office's day", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "layan-calendar-"));
    const store = openStore(join(dataDir, "layan.db"));
    writeReportFixture(store);
    store.close();
    const hub = await startTestHub({ dataDir, now: day.now, realHours: day.realHours });
    const kiosk = await KioskClient.connect(hub.url, hub.kioskToken);
    const who = hub.user("officer");
    const officer = await OfficerClient.login(hub.url, who.username, who.secret);
    const context = await hubContext(browser, hub, {
      viewport: { width: 1600, height: 1000 },
      timezoneId: "UTC",
    });
    try {
      // Today's first KTP-el numbers, whatever the fixture issued on earlier days.
      expect(await kiosk.issue("ktp-el")).toBe("A-001");
      expect(await kiosk.issue("ktp-el")).toBe("A-002");
      await officer.open("loket-1");
      expect(await officer.callNext("loket-1")).toBe("A-001");
      await officer.complete("loket-1");
      expect(await officer.callNext("loket-1")).toBe("A-002");
      await officer.complete("loket-1");

      const display = new DisplayPage(await context.newPage(), hub.url);
      await display.open(hub.displayTokens["display-utama"]!, { sound: false });
      await expect.poll(() => display.currentNumber(), SEEN).toBe("A-002");
      expect(await display.lastCalls()).toEqual(["A-001"]);
      expect(await display.page.locator(".screen__date").textContent()).toBe(day.dateLine);

      const dash = new DashboardPage(await context.newPage(), hub.url);
      await dash.goto();
      await dash.loginAs(hub.user("manager").username, hub.user("manager").secret);
      await dash.open("laporan");
      await dash.page.getByRole("button", { name: "Hari ini", exact: true }).click();
      await dash.page.waitForURL(new RegExp(`from=${day.officeDay}&to=${day.officeDay}`));
      await dash.settled();
      await expect.poll(async () => (await dash.kpi("kpi-issued")).value, SEEN).toBe("2");

      // The log (finished tickets) keeps the range chosen in Laporan: today's two.
      await dash.open("log");
      await dash.settled();
      expect(dash.page.url()).toContain(`from=${day.officeDay}&to=${day.officeDay}`);
      await expect.poll(() => dash.logNumbers(), SEEN).toEqual(["A-002", "A-001"]);

      // And the fixture's days, chosen in Laporan, are the log's days too.
      await dash.open("laporan");
      await dash.setRange("2026-11-26", "2026-11-28");
      await dash.open("log");
      await dash.settled();
      await expect.poll(async () => (await dash.logNumbers()).length, SEEN).toBe(10);

      // The compliance report opens on last month.
      await dash.open("kepatuhan");
      await dash.complianceReport.waitFor();
      await dash.settled();
      expect(await dash.page.locator(".doc__period").textContent()).toContain(`Periode ${day.lastMonthLabel}`);
    } finally {
      kiosk.close();
      officer.close();
      await context.close();
      await hub.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
