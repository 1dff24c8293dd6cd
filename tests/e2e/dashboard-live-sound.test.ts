/**
 * Display sound health end to end: a display in a Chromium whose autoplay
 * policy needs a gesture (what a wall display gets after a reboot with no
 * flag), the dashboard's live view in another, a real hub between them. The
 * live view must flag the silent screen, then show it healthy once a tap on
 * the screen unlocks its audio, and show it gone when it disconnects.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestHub, type TestHub } from "../support/test-hub";
import { hubContext, launchChromium } from "./browser";
import { buildCounterAndDisplay, tearDown } from "./counter-display.support";
import { buildDashboard, DashboardPage } from "./page-models/dashboard";
import { DisplayPage } from "./page-models/display";

/** "Within seconds": a report travels display → hub → dashboard at once; the bound only stops a hung test. */
const SEEN = { timeout: 5_000, interval: 100 };

let hub: TestHub;
let lockedBrowser: Browser;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function page(on: Browser): Promise<Page> {
  const context = await hubContext(on, hub, { viewport: { width: 1366, height: 900 }, locale: "id-ID", timezoneId: "Asia/Jakarta" });
  contexts.push(context);
  return context.newPage();
}

beforeAll(async () => {
  buildCounterAndDisplay();
  buildDashboard();
  hub = await startTestHub();
  lockedBrowser = await launchChromium(["--autoplay-policy=user-gesture-required"]);
  browser = await launchChromium();
});

afterAll(async () => {
  await lockedBrowser?.close();
  await tearDown({ contexts, browser, hub });
});

describe("display sound in the live view", () => {
  it("a display with locked audio shows as silent, as healthy once tapped, and as disconnected when it goes", async () => {
    const dash = new DashboardPage(await page(browser), hub.url);
    await dash.goto();
    const manager = hub.user("manager");
    await dash.loginAs(manager.username, manager.secret);
    await dash.open("langsung");
    const row = dash.page.getByTestId("display-health-display-utama");
    const status = () => row.getAttribute("data-status");
    // Configured but never connected since the hub started.
    await expect.poll(status, SEEN).toBe("offline");

    const display = new DisplayPage(await page(lockedBrowser), hub.url);
    await display.open(hub.displayTokens["display-utama"]!);
    expect(await display.soundBlocked()).toBe(true);
    await expect.poll(status, SEEN).toBe("locked");
    expect(await row.textContent()).toContain("Suara mati — ketuk layar atau periksa pengaturan autoplay");
    // The other displays of the office are listed too, each on its own row.
    expect(await dash.page.getByTestId("display-health-display-samsat").getAttribute("data-status")).toBe("offline");

    await display.enableSound();
    await expect.poll(status, SEEN).toBe("ok");
    expect(await row.textContent()).toContain("Suara aktif");

    await display.page.close();
    await expect.poll(status, SEEN).toBe("offline");
    expect(await row.textContent()).toContain("Terputus dari hub");
  });
});
