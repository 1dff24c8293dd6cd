/**
 * Issue 16 in the browser: a real hub process, Debian Chromium.
 *
 * 1. An admin adds an officer in "Administrasi → Pengguna" (a double click on
 *    "Tambah" adds one); the officer signs in at the counter app with the PIN
 *    the dialog showed once.
 * 2. The admin disables the officer while they are signed in: the counter
 *    drops to its sign-in screen.
 * 3. "Jejak audit" shows both, and its CSV export is the trail with a BOM.
 * 4. axe finds nothing on either tab, at desk and phone width (a supervisor
 *    at 390×844 sees only what they may do).
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, startTestHub, type TestHub } from "../support/test-hub";
import { axeViolations } from "./axe";
import { launchChromium, officePage } from "./browser";
import { AdminPage } from "./page-models/admin";
import { CounterPage } from "./page-models/counter";
import { buildDashboard } from "./page-models/dashboard";
import { execFileSync } from "node:child_process";

const SHOTS = join(ROOT, "docs/screenshots");
const SEEN = { timeout: 10_000, interval: 100 };

let browser: Browser;
let hub: TestHub;
const contexts: BrowserContext[] = [];

async function adminOn(tab: "pengguna" | "audit", viewport = { width: 1440, height: 1000 }, role: "admin" | "supervisor" | "manager" = "admin"): Promise<{ page: Page; admin: AdminPage }> {
  const page = await officePage(browser, hub, contexts, { viewport });
  const admin = new AdminPage(page, hub.url);
  await admin.goto();
  await admin.loginAs(hub.user(role).username, hub.user(role).secret);
  await admin.openAdmin(tab);
  return { page, admin };
}

beforeAll(async () => {
  buildDashboard();
  execFileSync("pnpm", ["--filter", "@layan/counter", "build"], { cwd: ROOT, stdio: "pipe", env: { ...process.env, NODE_ENV: "production" } });
  mkdirSync(SHOTS, { recursive: true });
  hub = await startTestHub();
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await hub?.stop();
});

describe("administration in the browser", () => {
  it("adds an officer who signs in at the counter with the PIN shown once, then disables them and the counter drops out", async () => {
    const { page, admin } = await adminOn("pengguna");
    const pin = await admin.addUser("rina.w", "Rina Wulandari", "Petugas loket");
    expect(pin).toMatch(/^\d{6}$/);
    await expect.poll(() => admin.secretDialog.textContent(), SEEN).toContain("tidak akan ditampilkan lagi");
    expect(await axeViolations(page), "PIN dialog").toEqual([]);
    await admin.closeSecretDialog();
    await expect.poll(() => admin.userRow("rina.w").count(), SEEN).toBe(1);

    const counterPage = await officePage(browser, hub, contexts, { viewport: { width: 1280, height: 800 } });
    const counter = new CounterPage(counterPage, hub.url);
    await counter.signInAt("loket-1", "rina.w", pin);
    await expect.poll(() => counter.counterName.textContent(), SEEN).toBeTruthy();

    await admin.disable("rina.w");
    await expect.poll(() => admin.userRow("rina.w").getByTestId("user-status").textContent(), SEEN).toBe("Nonaktif");
    // The counter's socket is ended at once; the app shows its sign-in form with the reason.
    await counter.username.waitFor({ timeout: 10_000 });
    await expect.poll(() => counter.workspace.count(), SEEN).toBe(0);
    await page.screenshot({ path: join(SHOTS, "admin-users.png"), fullPage: true });
  });

  it("shows both in the audit trail and exports it as CSV", async () => {
    const { page, admin } = await adminOn("audit");
    await expect.poll(() => page.locator('[data-testid="audit-row"][data-action="user.add"]').filter({ hasText: "rina.w" }).count(), SEEN).toBe(1);
    await expect.poll(() => page.locator('[data-testid="audit-row"][data-action="user.disable"]').filter({ hasText: "rina.w" }).count(), SEEN).toBe(1);
    await expect.poll(() => page.locator('[data-testid="audit-row"][data-action="login.ok"]').filter({ hasText: "rina.w" }).count(), SEEN).toBe(1);
    const addRow = page.locator('[data-testid="audit-row"][data-action="user.add"]').filter({ hasText: "rina.w" });
    expect(await addRow.textContent()).toContain(hub.user("admin").username);
    expect(await addRow.textContent()).toContain("127.0.0.1");
    expect(await axeViolations(page), "Jejak audit").toEqual([]);
    await page.screenshot({ path: join(SHOTS, "admin-audit.png"), fullPage: true });

    await admin.filterAudit("Pengguna dinonaktifkan");
    await expect.poll(() => page.getByTestId("audit-row").count(), SEEN).toBe(1);
    const csv = await admin.downloadAuditCsv();
    expect(csv.name).toBe("jejak-audit.csv");
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.bytes.subarray(3).toString("utf8").trim().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(",Pengguna dinonaktifkan,user.disable,rina.w,");
  });

  it("fits a supervisor's phone and offers only what a supervisor may do", async () => {
    const { page, admin } = await adminOn("pengguna", { width: 390, height: 844 }, "supervisor");
    // A supervisor has no audit tab and no add form.
    expect(await page.getByRole("link", { name: "Jejak audit", exact: true }).count()).toBe(0);
    expect(await page.getByTestId("add-user").count()).toBe(0);
    const officer = admin.userRow(hub.user("officer").username);
    await expect.poll(() => officer.getByRole("button", { name: "Atur ulang PIN" }).count(), SEEN).toBe(1);
    expect(await admin.userRow(hub.user("admin").username).getByRole("button").count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, "admin-users-phone.png"), fullPage: true });
    // The page itself never scrolls sideways (the menu tabs scroll within their own strip).
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, "wider than the phone").toBe(0);
    expect(await axeViolations(page), "Pengguna on a phone").toEqual([]);
  });
});
