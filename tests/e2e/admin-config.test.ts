/**
 * Issue 16's configuration screen in Chromium, against a real hub process on
 * its own copy of the sample kiosk-config:
 *
 * 1. A requirement edited in "Administrasi → Konfigurasi" appears on the open
 *    kiosk page without a restart while Loket 1 keeps serving (a call before
 *    and after the apply, on the same counter page).
 * 2. Pratinjau shows the kiosk's own SOP page for a candidate before it is
 *    applied, with no ticket button; nothing is written.
 * 3. An invalid edit is refused with its file:line message next to its line,
 *    and nothing changes: the YAML file is byte-identical, the kiosk shows
 *    what it showed.
 * 4. axe finds nothing on the tab, the form and the refusal; screenshots of
 *    each, and the tab at phone width.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, startTestHub, type TestHub } from "../support/test-hub";
import { axeViolations } from "./axe";
import { launchChromium, officePage } from "./browser";
import { buildCounterAndDisplay, KioskClient, tearDown } from "./counter-display.support";
import { ConfigAdminPage } from "./page-models/admin-config";
import { CounterPage } from "./page-models/counter";
import { buildDashboard } from "./page-models/dashboard";
import { buildKiosk, KioskPage } from "./page-models/kiosk";

const SHOTS = join(ROOT, "docs/screenshots");
const KTP = "services/ktp-el.yaml";
const OLD = "Fotokopi Kartu Keluarga";
const NEW = "Fotokopi Kartu Keluarga terbaru (dilegalisir)";
const PREVIEWED = "Fotokopi Kartu Keluarga (hanya pratinjau)";

let hub: TestHub;
let browser: Browser;
let kiosk: KioskClient;
let configDir: string;
const contexts: BrowserContext[] = [];

const onDisk = () => readFileSync(join(configDir, KTP));

beforeAll(async () => {
  buildKiosk(ROOT);
  buildCounterAndDisplay();
  buildDashboard();
  mkdirSync(SHOTS, { recursive: true });
  configDir = join(mkdtempSync(join(tmpdir(), "layan-admin-config-e2e-")), "kiosk-config");
  cpSync(join(ROOT, "kiosk-config"), configDir, { recursive: true });
  hub = await startTestHub({ configDir });
  browser = await launchChromium();
  kiosk = await KioskClient.connect(hub.url, hub.kioskToken);
}, 300_000);

afterAll(async () => {
  await tearDown({ kiosk, contexts, browser, hub });
  rmSync(join(configDir, ".."), { recursive: true, force: true });
});

async function adminPage(viewport = { width: 1440, height: 1000 }): Promise<ConfigAdminPage> {
  const admin = new ConfigAdminPage(await officePage(browser, hub, contexts, { viewport }), hub.url);
  await admin.goto();
  await admin.loginAs(hub.user("admin").username, hub.user("admin").secret);
  await admin.openConfig();
  return admin;
}

let citizen: KioskPage;

describe("the configuration screen", () => {
  it("a requirement edited in the browser appears on the kiosk without a restart while a counter keeps serving", async () => {
    for (let i = 0; i < 3; i++) await kiosk.issue("ktp-el");
    const counter = new CounterPage(await officePage(browser, hub, contexts, { viewport: { width: 1366, height: 768 } }), hub.url);
    await counter.signInAt("loket-1", hub.user("officer").username, hub.user("officer").secret);
    expect(await counter.callNext()).toBe("A-001");
    await counter.page.evaluate(() => Object.assign(window, { __sameCounterPage: true }));

    citizen = new KioskPage(await officePage(browser, hub, contexts, { viewport: { width: 1080, height: 1920 } }), hub.url);
    await citizen.open(hub.kioskToken);
    await citizen.openService("ktp-el");
    const requirements = citizen.servicePage.locator(".requirements");
    await requirements.getByText(OLD, { exact: true }).waitFor();

    const admin = await adminPage();
    await expect(admin.serviceRow("ktp-el").textContent()).resolves.toContain("Perekaman");
    expect(await axeViolations(admin.page), "Konfigurasi tab").toEqual([]);
    await admin.page.screenshot({ path: join(SHOTS, "admin-config-tab.png"), fullPage: true });

    await admin.openService("ktp-el");
    await admin.standard.getByText(OLD, { exact: true }).waitFor();
    await admin.editRequirement(1, NEW);
    await admin.check();
    await expect(admin.checkReport.textContent()).resolves.toMatch(/Valid dan dapat diterapkan.*Berlaku sekarang · ktp-el/);
    expect(await axeViolations(admin.page), "service form").toEqual([]);
    await admin.page.screenshot({ path: join(SHOTS, "admin-config-form.png"), fullPage: true });

    const before = (await (await fetch(`${hub.url}/healthz`)).json()) as { uptimeMs: number; config: { version: number } };
    await admin.apply();
    await expect(admin.result.textContent()).resolves.toMatch(/Diterapkan sekarang .*Cadangan berkas lama: \d{8}T\d{6}-\d{3}Z/);
    expect(onDisk().toString("utf8")).toContain(`  - text: ${NEW}\n`);
    expect(readdirSync(join(hub.dataDir, "config-backups"))).toHaveLength(1);

    // Where the citizen is reading, without a tap, and the same hub process.
    await requirements.getByText(NEW, { exact: true }).waitFor({ timeout: 15_000 });
    const after = (await (await fetch(`${hub.url}/healthz`)).json()) as { uptimeMs: number; config: { version: number } };
    expect(after.config.version).toBe(before.config.version + 1);
    expect(after.uptimeMs).toBeGreaterThan(before.uptimeMs);

    expect(await counter.currentNumber()).toBe("A-001");
    await counter.start();
    await counter.complete();
    expect(await counter.callNext()).toBe("A-002");
    await expect(counter.page.evaluate(() => (window as unknown as { __sameCounterPage?: boolean }).__sameCounterPage)).resolves.toBe(true);
  });

  it("Pratinjau shows the kiosk's SOP page for a candidate before it is applied, with no ticket button and nothing written", async () => {
    const admin = await adminPage();
    await admin.openService("ktp-el");
    const bytes = onDisk();
    await admin.editRequirement(1, PREVIEWED);
    const preview = new KioskPage(await admin.preview(), hub.url);
    await preview.page.getByTestId("preview-banner").waitFor();
    await preview.openService("ktp-el");
    await preview.servicePage.locator(".requirements").getByText(PREVIEWED, { exact: true }).waitFor();
    await expect(preview.takeButton.count()).resolves.toBe(0);
    expect(onDisk().equals(bytes)).toBe(true);
    await expect(citizen.servicePage.locator(".requirements").getByText(NEW, { exact: true }).count()).resolves.toBe(1);
  });

  it("an invalid edit is refused with its file:line message and nothing changes", async () => {
    const phone = await adminPage({ width: 390, height: 844 });
    await phone.serviceRow("ktp-el").getByText("Standar Pelayanan lengkap").waitFor();
    expect(await axeViolations(phone.page), "Konfigurasi at phone width").toEqual([]);
    await phone.page.screenshot({ path: join(SHOTS, "admin-config-phone.png") });

    const admin = await adminPage();
    await admin.openService("ktp-el");
    const bytes = onDisk();
    const version = ((await (await fetch(`${hub.url}/healthz`)).json()) as { config: { version: number } }).config.version;
    await admin.editYaml(KTP, (text) => text.replace(/^prefix: A$/m, "prefix: a-1"));
    await admin.check();
    await expect(admin.checkReport.textContent()).resolves.toMatch(/Tidak valid.*kiosk-config\/services\/ktp-el\.yaml:4 prefix: /);
    expect(await admin.markedLines()).toEqual([4]);
    expect(await axeViolations(admin.page), "refused check").toEqual([]);
    await admin.page.screenshot({ path: join(SHOTS, "admin-config-refused.png"), fullPage: true });

    await admin.apply();
    await expect(admin.refusal.textContent()).resolves.toMatch(/Konfigurasi tidak valid.*ktp-el\.yaml:4 prefix: /);
    expect(onDisk().equals(bytes)).toBe(true);
    const health = (await (await fetch(`${hub.url}/healthz`)).json()) as { config: { version: number } };
    expect(health.config.version).toBe(version);
    await expect(citizen.servicePage.locator(".requirements").getByText(NEW, { exact: true }).count()).resolves.toBe(1);
    expect(await kiosk.issue("ktp-el")).toMatch(/^A-\d{3}$/);
  });
});

describe("the dashboard follows config:changed", () => {
  it("a service renamed while a manager reads a filtered report shows its new name, the view and filters kept", async () => {
    const manager = new ConfigAdminPage(await officePage(browser, hub, contexts, { viewport: { width: 1440, height: 1000 } }), hub.url);
    await manager.goto();
    await manager.loginAs(hub.user("manager").username, hub.user("manager").secret);
    await manager.open("laporan");
    await manager.settled();
    await manager.filter("service", "Perekaman dan Pencetakan KTP-el");
    await manager.page.waitForURL(/service=ktp-el/);
    const url = manager.page.url();

    const login = (await (await fetch(`${hub.url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: hub.user("admin").username, secret: hub.user("admin").secret }) })).json()) as { data: { token: string } };
    const auth = { authorization: `Bearer ${login.data.token}`, "content-type": "application/json" };
    const file = (await (await fetch(`${hub.url}/api/admin/config/file?name=${encodeURIComponent(KTP)}`, { headers: auth })).json()) as { data: { version: string } };
    const applied = await fetch(`${hub.url}/api/admin/config/apply`, {
      method: "POST",
      headers: auth,
      body: JSON.stringify({ edits: [{ file: KTP, set: [{ path: ["name", "id"], value: "Perekaman KTP-el (baru)" }] }], versions: { [KTP]: file.data.version } }),
    });
    expect(applied.status).toBe(200);

    const selected = manager.page.locator('select[name="service"]').first().locator("option:checked");
    await expect.poll(() => selected.textContent(), { timeout: 15_000, interval: 100 }).toBe("Perekaman KTP-el (baru)");
    expect(manager.page.url()).toBe(url);
  });
});
