/**
 * Issue 16, devices, in the browser: a real hub process (on its own copy of
 * the sample kiosk-config, which the approvals write back to), Debian Chromium.
 *
 * 1. A kiosk opened with no token shows its pairing code; an admin opens the
 *    QR's address in the dashboard, approves it as the lobby kiosk, and the
 *    kiosk connects by itself and issues a ticket that prints.
 * 2. A connected display is revoked from "Perangkat": it drops off and shows
 *    its pairing screen again (waited for on the page, not on a timer).
 * 3. The devices tab passes axe.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startPrinterEmulator, type PrinterEmulator } from "@layan/printer";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, startTestHub, type TestHub } from "../support/test-hub";
import { axeViolations } from "./axe";
import { launchChromium, officePage } from "./browser";
import { DevicesAdminPage, PairingScreen } from "./page-models/admin-devices";
import { buildDashboard } from "./page-models/dashboard";
import { DisplayPage } from "./page-models/display";
import { buildKiosk, KioskPage } from "./page-models/kiosk";

const SHOTS = join(ROOT, "docs/screenshots");
const SEEN = { timeout: 15_000, interval: 100 };

let browser: Browser;
let hub: TestHub;
let emulator: PrinterEmulator;
let scratch: string;
const contexts: BrowserContext[] = [];

async function adminOnDevices(): Promise<{ page: Page; admin: DevicesAdminPage }> {
  const page = await officePage(browser, hub, contexts, { viewport: { width: 1440, height: 1000 } });
  const admin = new DevicesAdminPage(page, hub.url);
  await admin.goto();
  await admin.loginAs(hub.user("admin").username, hub.user("admin").secret);
  await admin.openDevices();
  return { page, admin };
}

beforeAll(async () => {
  buildDashboard();
  buildKiosk(ROOT);
  execFileSync("pnpm", ["--filter", "@layan/display", "build"], { cwd: ROOT, stdio: "pipe", env: { ...process.env, NODE_ENV: "production" } });
  mkdirSync(SHOTS, { recursive: true });
  scratch = mkdtempSync(join(tmpdir(), "layan-e2e-devices-"));
  const configDir = join(scratch, "kiosk-config");
  cpSync(join(ROOT, "kiosk-config"), configDir, { recursive: true });
  emulator = await startPrinterEmulator({ port: 0, outDir: join(scratch, "jobs") });
  hub = await startTestHub({ configDir, kioskPrinters: { "kiosk-lobi": `127.0.0.1:${emulator.port}` } });
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await hub?.stop();
  await emulator?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe("devices in the browser", () => {
  it("enrols a kiosk by the pairing code on its screen, and the kiosk then issues a ticket", async () => {
    const { admin } = await adminOnDevices();
    // The lobby kiosk is being replaced: its old token goes first.
    await admin.revoke("kiosk-lobi");

    const kioskPage = await officePage(browser, hub, contexts, { viewport: { width: 1080, height: 1920 } });
    const kiosk = new KioskPage(kioskPage, hub.url);
    await kioskPage.goto(`${hub.url}/kiosk/`);
    const { code, qrUrl } = await new PairingScreen(kioskPage).shown();
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
    expect(qrUrl).toBe(`${hub.url}/dashboard/#/admin/perangkat?kode=${code}`);
    await kioskPage.screenshot({ path: join(SHOTS, "kiosk-pairing.png") });

    // The admin scans the QR with the phone or types it: here, the QR's address.
    await admin.openFromQr(qrUrl);
    await expect.poll(() => admin.pairPending.textContent(), SEEN).toContain("Kios");
    await admin.approve("kiosk-lobi", "Kiosk Lobi Utama");

    // Nobody touches the kiosk: it collects its token and starts.
    await kiosk.attract.waitFor({ timeout: 15_000 });
    const number = await kiosk.takeTicket("ktp-el");
    expect(number).toMatch(/^[A-Z]+-\d{3}$/);
    await expect.poll(() => admin.deviceRow("kiosk-lobi").getByTestId("device-status").textContent(), { ...SEEN, timeout: 20_000 }).toContain("Terhubung");
  });

  it("drops a revoked display within seconds: it shows its pairing screen again", async () => {
    const displayPage = await officePage(browser, hub, contexts, { viewport: { width: 1920, height: 1080 } });
    const display = new DisplayPage(displayPage, hub.url);
    await display.open(hub.displayTokens["display-utama"] ?? "", { sound: false });

    const { page, admin } = await adminOnDevices();
    // A code misread from across the hall is told, in Indonesian, not silently ignored.
    await admin.checkCode("zzz-zzz");
    await expect.poll(() => admin.pairError.textContent(), SEEN).toContain("Kode pemasangan tidak dikenal");
    await expect.poll(() => admin.deviceRow("display-utama").getByTestId("device-status").textContent(), SEEN).toContain("Terhubung");
    await admin.revoke("display-utama");

    const { code } = await new PairingScreen(displayPage).shown();
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
    // A screen is paired again, not "signed in again" (the hub's UNAUTHORIZED wording is for people).
    expect(await displayPage.getByTestId("pairing-reason").textContent()).toBe(
      "Hub tidak mengenali layar ini, atau izinnya sudah dicabut. Pasangkan kembali dengan kode di bawah.",
    );
    await expect(displayPage.getByTestId("display-screen").count()).resolves.toBe(0);
    await displayPage.screenshot({ path: join(SHOTS, "display-pairing.png") });

    await expect.poll(() => admin.deviceRow("display-utama").getByTestId("device-status").textContent(), SEEN).toContain("Dicabut");
    await page.screenshot({ path: join(SHOTS, "admin-devices.png"), fullPage: true });
    expect(await axeViolations(page), "Perangkat").toEqual([]);
  });
});
