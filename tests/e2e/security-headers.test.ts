/**
 * The four web apps run under the hub's Content-Security-Policy: each one is
 * opened in Chromium and used for its main job (a ticket taken, a call shown,
 * a counter opened, a report read) without a single CSP violation, and no
 * page of the hub can be framed by another site.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { TestHub } from "../support/test-hub";
import { hubContext, launchChromium } from "./browser";
import { CounterPage } from "./page-models/counter";
import { DashboardPage } from "./page-models/dashboard";
import { DisplayPage } from "./page-models/display";
import { KioskPage } from "./page-models/kiosk";
import { startPrintingHub, type PrintingHub } from "./printing-hub.support";

let printing: PrintingHub;
let hub: TestHub;
let browser: Browser;

beforeAll(async () => {
  // A browser kiosk prints through the hub: give it a printer, as kiosk.test.ts does.
  printing = await startPrintingHub("layan-csp-e2e-");
  hub = printing.hub;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await printing?.stop();
});

/** A page that records every CSP violation it meets (the browser's own report, not a guess from the console). */
async function watchedPage(): Promise<{ page: Page; violations: () => Promise<string[]> }> {
  const context = await hubContext(browser, hub);
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  const console: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) console.push(m.text());
  });
  return {
    page,
    violations: async () => [...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)), ...console],
  };
}

it("the kiosk takes a ticket under the CSP", async () => {
  const { page, violations } = await watchedPage();
  const kiosk = new KioskPage(page, hub.url);
  await kiosk.open(hub.kioskTokens["kiosk-lobi"]!);
  expect(await kiosk.takeTicket("ktp-el")).toMatch(/^A-\d{3}$/);
  expect(await violations()).toEqual([]);
  await page.context().close();
});

it("the display and the counter work under the CSP", async () => {
  const screen = await watchedPage();
  const display = new DisplayPage(screen.page, hub.url);
  const token = Object.values(hub.displayTokens)[0]!;
  await display.open(token);
  const desk = await watchedPage();
  const counter = new CounterPage(desk.page, hub.url);
  const officer = hub.user("officer");
  await counter.signInAt("loket-1", officer.username, officer.secret);
  expect(await screen.violations()).toEqual([]);
  expect(await desk.violations()).toEqual([]);
  await screen.page.context().close();
  await desk.page.context().close();
});

it("the dashboard shows its reports under the CSP", async () => {
  const { page, violations } = await watchedPage();
  const dashboard = new DashboardPage(page, hub.url);
  await dashboard.goto();
  const manager = hub.user("manager");
  await dashboard.loginAs(manager.username, manager.secret);
  await dashboard.open("laporan");
  expect(await violations()).toEqual([]);
  await page.context().close();
});

it("no hub page can be framed by another site", async () => {
  for (const path of ["/kiosk/", "/display/", "/counter/", "/dashboard/", "/healthz"]) {
    const res = await fetch(`${hub.url}${path}`);
    expect(res.headers.get("x-frame-options"), path).toBe("DENY");
    expect(res.headers.get("content-security-policy"), path).toContain("frame-ancestors 'none'");
    expect(res.headers.get("x-content-type-options"), path).toBe("nosniff");
    expect(res.headers.get("referrer-policy"), path).toBe("no-referrer");
  }
});
