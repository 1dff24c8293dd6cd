/**
 * A hub over a simulated office and a Chromium to print its reports: the
 * setup shared by the suites that print a dashboard report to A4 (the monthly
 * report, the self-assessment). The store is written by the simulator before
 * the hub starts; the hub's clock is pinned to `now`.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "@layan/config";
import { addDays } from "@layan/core";
import type { Browser } from "playwright-core";
import { writeSimulatedStore } from "../../apps/hub/src/simulate/write";
import { ROOT, startTestHub, type TestHub } from "../support/test-hub";
import { hubContext, launchChromium } from "./browser";
import { buildDashboard, DashboardPage } from "./page-models/dashboard";

export const SHOTS = join(ROOT, "docs/screenshots");

export interface PrintingOffice {
  hub: TestHub;
  browser: Browser;
  /** A scratch folder for the PDF and what poppler makes of it. */
  work: string;
  /** A manager signed in to the dashboard, at a desktop's size, in Indonesian and office time. */
  manager(): Promise<DashboardPage>;
  close(): Promise<void>;
}

export async function startPrintingOffice(o: { name: string; now: string; days: number; ticketsPerDay: number; seed: number }): Promise<PrintingOffice> {
  buildDashboard();
  mkdirSync(SHOTS, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), `layan-${o.name}-`));
  const work = mkdtempSync(join(tmpdir(), `layan-${o.name}-pdf-`));
  writeSimulatedStore({
    config: loadConfig(join(ROOT, "kiosk-config")),
    out: join(dataDir, "layan.db"),
    startDay: addDays(o.now.slice(0, 10), -o.days),
    days: o.days,
    ticketsPerDay: o.ticketsPerDay,
    seed: o.seed,
  });
  const hub = await startTestHub({ dataDir, now: o.now });
  const browser = await launchChromium(["--lang=id"]);
  return {
    hub,
    browser,
    work,
    async manager() {
      const context = await hubContext(browser, hub, { viewport: { width: 1280, height: 900 }, locale: "id-ID", timezoneId: "Asia/Jakarta" });
      const dash = new DashboardPage(await context.newPage(), hub.url);
      await dash.goto();
      await dash.loginAs(hub.user("manager").username, hub.user("manager").secret);
      return dash;
    },
    async close() {
      await browser.close();
      await hub.stop();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(work, { recursive: true, force: true });
    },
  };
}
