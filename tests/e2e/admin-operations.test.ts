/**
 * Today's service operations in the browser (issue 16): a real hub process,
 * Debian Chromium.
 *
 * 1. A supervisor closes KTP-el for today in "Administrasi → Layanan hari
 *    ini": a kiosk already on the KTP-el page shows "Layanan ini ditutup hari
 *    ini" with the reason, without a reload; after the reopen a ticket is taken.
 * 2. A running text and an announcement set in the tab appear on a waiting-room
 *    display.
 * 3. axe finds nothing on the tab, at desk and phone width.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, type TestHub } from "../support/test-hub";
import { axeViolations } from "./axe";
import { launchChromium, officePage } from "./browser";
import { OperationsPage } from "./page-models/admin-operations";
import { buildDashboard } from "./page-models/dashboard";
import { DisplayPage } from "./page-models/display";
import { KioskPage } from "./page-models/kiosk";
import { startPrintingHub, type PrintingHub } from "./printing-hub.support";

const SHOTS = join(ROOT, "docs/screenshots");
const SEEN = { timeout: 10_000, interval: 100 };

let browser: Browser;
let hub: TestHub;
/** The lobby kiosk prints through the hub to an emulator, as a browser kiosk is deployed: a ticket can really be taken. */
let printing: PrintingHub;
const contexts: BrowserContext[] = [];

async function operationsAs(role: "supervisor" | "admin", viewport = { width: 1440, height: 1000 }): Promise<{ page: Page; ops: OperationsPage }> {
  const page = await officePage(browser, hub, contexts, { viewport });
  const ops = new OperationsPage(page, hub.url);
  await ops.goto();
  await ops.loginAs(hub.user(role).username, hub.user(role).secret);
  await ops.openOperations();
  return { page, ops };
}

beforeAll(async () => {
  buildDashboard();
  execFileSync("pnpm", ["--filter", "@layan/kiosk", "--filter", "@layan/display", "build"], { cwd: ROOT, stdio: "pipe", env: { ...process.env, NODE_ENV: "production" } });
  mkdirSync(SHOTS, { recursive: true });
  printing = await startPrintingHub("layan-ops-e2e-");
  hub = printing.hub;
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await printing?.stop();
});

describe("today's service operations in the browser", () => {
  it("a supervisor closes KTP-el: the kiosk on its page shows it closed without a reload; reopened, a ticket is taken", async () => {
    const kioskPage = await officePage(browser, hub, contexts, { viewport: { width: 1080, height: 1920 } });
    const kiosk = new KioskPage(kioskPage, hub.url);
    await kiosk.open(hub.kioskTokens["kiosk-lobi"]!);
    await kiosk.openService("ktp-el");
    await expect.poll(() => kiosk.takeButton.isEnabled(), SEEN).toBe(true);

    const { page, ops } = await operationsAs("supervisor");
    await ops.closeService("ktp-el", "Blangko KTP-el habis");
    await expect.poll(() => ops.service("ktp-el").textContent(), SEEN).toContain("Ditutup hari ini: Blangko KTP-el habis");
    await page.screenshot({ path: join(SHOTS, "admin-operations.png"), fullPage: true });

    await expect.poll(() => kiosk.blocker.textContent(), SEEN).toContain("Layanan ini ditutup hari ini");
    expect(await kiosk.blocker.textContent()).toContain("Blangko KTP-el habis");
    // The same pill marks the service's tile on the home screen: "closed today", not just "closed".
    expect(await kioskPage.getByTestId("open-pill").first().textContent()).toBe("Tutup hari ini");
    await kioskPage.screenshot({ path: join(SHOTS, "admin-operations-kiosk-closed.png") });

    await ops.reopenService("ktp-el");
    await expect.poll(async () => ((await kiosk.blocker.count()) === 0 ? "" : await kiosk.blocker.textContent()), SEEN).toBe("");
    await kiosk.chooseTicket();
    await kiosk.confirmation.waitFor();
    expect((await kiosk.ticketNumber.textContent())?.trim()).toMatch(/^[A-Z]{1,2}-\d{3}$/);
  });

  it("a running text and an announcement set in the tab appear on a waiting-room display", async () => {
    const displayPage = await officePage(browser, hub, contexts, { viewport: { width: 1920, height: 1080 } });
    const display = new DisplayPage(displayPage, hub.url);
    const token = Object.values(hub.displayTokens)[0]!;
    await display.open(token, { sound: false });
    const { ops } = await operationsAs("admin");
    await ops.setRunningText("Layanan KTP-el ditutup hari ini karena blangko habis");
    await expect.poll(() => ops.page.getByTestId("ops-running-preview").textContent(), SEEN).toContain("blangko habis");
    await expect.poll(() => displayPage.getByTestId("running-text").first().textContent(), SEEN).toContain("Layanan KTP-el ditutup hari ini karena blangko habis");
    await ops.announce("Mohon antre dengan tertib");
    await expect.poll(() => displayPage.getByTestId("announcement").textContent(), SEEN).toContain("Mohon antre dengan tertib");
    await displayPage.screenshot({ path: join(SHOTS, "admin-operations-display.png") });
  });

  it("has no axe violations at desk and phone width", async () => {
    const desk = await operationsAs("supervisor");
    expect(await axeViolations(desk.page), "desk").toEqual([]);
    const phone = await operationsAs("supervisor", { width: 390, height: 844 });
    expect(await axeViolations(phone.page), "phone").toEqual([]);
    await phone.page.screenshot({ path: join(SHOTS, "admin-operations-phone.png") });
  });
});
