/**
 * Every screen, checked with axe-core in Chromium against a real hub: the
 * kiosk's whole path (attract to confirmation, and search), the counter
 * (login, picker, the working screen with the SOP checklist), the display,
 * the dashboard (login and each tab), the citizen's ticket page and the demo's
 * printer preview. Zero violations: citizens include elderly people and people
 * with disabilities, and officers use the counter all day.
 */
import { execFileSync } from "node:child_process";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../support/test-hub";
import { axeViolations } from "./axe";
import { hubContext, launchChromium } from "./browser";
import { buildCounterAndDisplay, KioskClient } from "./counter-display.support";
import type { SignInPage } from "./page-models/app-page";
import { CounterPage } from "./page-models/counter";
import { DashboardPage, type DashboardView } from "./page-models/dashboard";
import { DisplayPage } from "./page-models/display";
import { buildKiosk, KioskPage } from "./page-models/kiosk";
import { startPrintingHub, type PrintingHub } from "./printing-hub.support";

let printing: PrintingHub;
let browser: Browser;
const pages: Page[] = [];

beforeAll(async () => {
  buildKiosk(ROOT);
  buildCounterAndDisplay();
  execFileSync("pnpm", ["--filter", "@layan/dashboard", "build"], {
    cwd: ROOT,
    stdio: "pipe",
    env: { ...process.env, NODE_ENV: "production" },
  });
  printing = await startPrintingHub("layan-a11y-printer-", { printerPreview: true });
  browser = await launchChromium();
});

afterEach(async () => {
  for (const page of pages.splice(0)) await page.context().close();
});

afterAll(async () => {
  await browser?.close();
  await printing?.stop();
});

async function newPage(viewport = { width: 1080, height: 1920 }): Promise<Page> {
  const page = await (await hubContext(browser, printing.hub, { viewport })).newPage();
  pages.push(page);
  return page;
}

/** The violations, named by screen, so a failure says where. */
async function check(page: Page, screen: string): Promise<void> {
  expect(await axeViolations(page), screen).toEqual([]);
}

/** Opens an app's sign-in form, checks it, and signs in there as the hub's first `role`. */
async function checkSignIn(app: SignInPage, screen: string, role: "officer" | "manager"): Promise<void> {
  await app.goto();
  await app.username.waitFor();
  await check(app.page, `${screen} login`);
  const { username, secret } = printing.hub.user(role);
  await app.login(username, secret);
}

describe("accessibility: the kiosk", () => {
  for (const [name, viewport] of [
    ["portrait", { width: 1080, height: 1920 }],
    ["landscape", { width: 1920, height: 1080 }],
  ] as const) {
    it(`has no violations from the idle screen to the ticket (${name})`, async () => {
      const kiosk = new KioskPage(await newPage(viewport), printing.hub.url);
      await kiosk.open(printing.hub.kioskToken);
      await check(kiosk.page, "attract");
      await kiosk.startButton.click();
      await kiosk.agencies.waitFor();
      await check(kiosk.page, "agencies");
      await kiosk.page.locator('[data-agency="disdukcapil"]').click();
      await kiosk.services.waitFor();
      await check(kiosk.page, "services");
      await kiosk.goHome();
      await kiosk.search("akta");
      await kiosk.searchPage.locator("button[data-service]").first().waitFor();
      await check(kiosk.page, "search");
      await kiosk.goHome();
      await kiosk.openService("ktp-el");
      await check(kiosk.page, "service page");
      await kiosk.takeButton.click();
      await kiosk.priorityPage.waitFor();
      await check(kiosk.page, "priority question");
      await kiosk.regularButton.click();
      await kiosk.confirmation.waitFor();
      await check(kiosk.page, "confirmation");
    });
  }
});

describe("accessibility: the counter", () => {
  it("has no violations on the login, the picker and the working screen with the SOP checklist", async () => {
    const client = await KioskClient.connect(printing.hub.url, printing.hub.kioskToken);
    await client.issue("ktp-el");
    client.close();
    const counter = new CounterPage(await newPage({ width: 1440, height: 900 }), printing.hub.url);
    await checkSignIn(counter, "counter", "officer");
    await counter.picker.waitFor();
    await check(counter.page, "counter picker");
    await counter.page.getByTestId("choose-loket-1").click();
    await counter.page.locator('[data-testid="workspace"][data-counter-status="open"]').waitFor();
    await check(counter.page, "counter working screen");
    await counter.callNext();
    await counter.start();
    await check(counter.page, "counter serving, SOP checklist");
  });
});

describe("accessibility: the display, the dashboard, the ticket page, the printer preview", () => {
  it("has no violations on the waiting-room display", async () => {
    const display = new DisplayPage(await newPage({ width: 1920, height: 1080 }), printing.hub.url);
    await display.open(
      printing.hub.displayTokens["display-utama"] ?? Object.values(printing.hub.displayTokens)[0]!,
    );
    await check(display.page, "display");
  });

  it("has no violations on the dashboard's login and each tab", async () => {
    const dashboard = new DashboardPage(await newPage({ width: 1440, height: 900 }), printing.hub.url);
    await checkSignIn(dashboard, "dashboard", "manager");
    await dashboard.signedInAs.waitFor();
    for (const view of ["langsung", "laporan", "log", "kepatuhan"] as DashboardView[]) {
      await dashboard.open(view);
      await dashboard.settled();
      await check(dashboard.page, `dashboard ${view}`);
    }
  });

  it("has no violations on the citizen's ticket page and the printer preview", async () => {
    const kiosk = new KioskPage(await newPage(), printing.hub.url);
    const before = printing.emulator.jobs.length;
    await kiosk.open(printing.hub.kioskToken);
    await kiosk.takeTicket("kartu-keluarga");
    const statusUrl = await kiosk.scanQr();
    await printing.emulator.waitForJobs(before + 1, 10_000);

    const phone = await newPage({ width: 412, height: 915 });
    await phone.goto(statusUrl!);
    await phone.locator(".fact").first().waitFor();
    await check(phone, "ticket page");

    const preview = await newPage({ width: 1280, height: 900 });
    await preview.goto(`${printing.hub.url}/printer/`);
    await preview.locator("figure img").first().waitFor();
    await check(preview, "printer preview");
  });
});
