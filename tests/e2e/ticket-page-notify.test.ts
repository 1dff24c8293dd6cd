/**
 * Issue 17, "tell me when I am near", on a phone-sized ticket page in
 * Chromium: the choice is offered when the office enables Web Push at a
 * public https address, and plainly said to be unavailable when not; the
 * subscription the page sends is the one the hub stores. Headless Chromium
 * without the internet cannot get a real subscription from a push service,
 * so the page's PushManager.subscribe hands back one made here (the hub's
 * side of sending is tested against a decrypting stand-in in
 * tests/integration/notify-web-push.test.ts).
 */
import { randomUUID } from "node:crypto";
import { createECDH, randomBytes } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { devices, type Browser } from "playwright-core";
import { io } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, startTestHub, type TestHub } from "../support/test-hub";
import { axeViolations } from "./axe";
import { hubContext, launchChromium } from "./browser";
import { OfficerClient } from "./counter-display.support";
import { AdminPage } from "./page-models/admin";
import { buildDashboard } from "./page-models/dashboard";

const SHOTS = join(ROOT, "docs", "screenshots");
const PHONE = { ...devices["Pixel 7"], isMobile: true, hasTouch: true, locale: "id-ID", timezoneId: "Asia/Jakarta" };

let browser: Browser;
let configDir: string;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  configDir = mkdtempSync(join(tmpdir(), "layan-notify-config-"));
  cpSync(join(ROOT, "kiosk-config"), configDir, { recursive: true });
  const office = join(configDir, "office.yaml");
  const yaml = readFileSync(office, "utf8");
  if (!yaml.includes("# publicBaseUrl: https://antrean.pesawarankab.go.id")) throw new Error("the sample office.yaml no longer has the commented publicBaseUrl");
  writeFileSync(
    office,
    `${yaml.replace("# publicBaseUrl: https://antrean.pesawarankab.go.id", "publicBaseUrl: https://antrean.pesawarankab.go.id")}
notify:
  webPush:
    enabled: true
    contact: mailto:it@pesawarankab.go.id
  aheadChoices: [3, 5, 10]
  webhook:
    url: http://127.0.0.1:9/layan
    secretEnv: LAYAN_E2E_WEBHOOK_SECRET
`,
  );
  // The hub process inherits it: the secret never sits in office.yaml.
  process.env.LAYAN_E2E_WEBHOOK_SECRET = "rahasia-e2e";
  buildDashboard();
  browser = await launchChromium();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  rmSync(configDir, { recursive: true, force: true });
});

async function issue(hub: TestHub, count: number): Promise<string[]> {
  const socket = io(`${hub.url}/kiosk`, { auth: { token: hub.kioskToken }, transports: ["websocket"] });
  const ids: string[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const ack = (await socket.timeout(10_000).emitWithAck("ticket:issue", { requestId: randomUUID(), serviceId: "ktp-el" })) as {
        ok: boolean;
        data: { ticket: { id: string } };
      };
      if (!ack.ok) throw new Error("issue refused");
      ids.push(ack.data.ticket.id);
    }
  } finally {
    socket.disconnect();
  }
  return ids;
}

/** What a browser's PushSubscription.toJSON() gives: a P-256 key and a 16-byte secret. */
function browserSubscription() {
  const ecdh = createECDH("prime256v1");
  ecdh.generateKeys();
  return {
    endpoint: `https://push.example.invalid/wpush/v2/${randomBytes(12).toString("base64url")}`,
    expirationTime: null,
    keys: { p256dh: ecdh.getPublicKey().toString("base64url"), auth: randomBytes(16).toString("base64url") },
  };
}

describe("the ticket page where the office offers notifications", () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ configDir });
  });
  afterAll(async () => {
    await hub?.stop();
  });

  it("offers the choice, asks the browser only after it, and sends the hub the subscription it stores", async () => {
    const ids = await issue(hub, 6);
    const mine = ids[5] ?? "";
    const subscription = browserSubscription();
    const phone = await hubContext(browser, hub, PHONE);
    await phone.grantPermissions(["notifications"], { origin: hub.url });
    // The push service's part, which needs the internet: the page gets this subscription.
    await phone.addInitScript((sub) => {
      const fake = { endpoint: sub.endpoint, toJSON: () => sub };
      PushManager.prototype.subscribe = () => Promise.resolve(fake as unknown as PushSubscription);
      PushManager.prototype.getSubscription = () => Promise.resolve(null);
    }, subscription);
    const page = await phone.newPage();
    await page.goto(`${hub.url}/t/${mine}`);
    await expect.poll(() => page.locator("#number").textContent()).toBe("A-006");
    const open = page.getByRole("button", { name: "Beri tahu saya" });
    await open.waitFor();
    expect(await page.locator("#notify-unavailable").count()).toBe(0);
    await open.click();
    await page.getByRole("button", { name: "3 orang" }).click();
    expect(await page.getByRole("button", { name: "3 orang" }).getAttribute("aria-pressed")).toBe("true");
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, "ticket-notify-choice.png"), fullPage: true });

    await page.getByRole("button", { name: "Aktifkan pemberitahuan" }).click();
    await expect.poll(() => page.locator("#notify-on-text").textContent(), { timeout: 15_000 }).toBe("Anda akan diberi tahu bila tinggal 3 orang lagi, dan saat dipanggil.");
    await page.screenshot({ path: join(SHOTS, "ticket-notify-on.png"), fullPage: true });

    const db = new Database(join(hub.dataDir, "layan.db"), { readonly: true, fileMustExist: true });
    try {
      const rows = db.prepare("SELECT ticket_id, endpoint, p256dh, auth, ahead, ahead_sent FROM notify_subscriptions").all();
      expect(rows).toEqual([{ ticket_id: mine, endpoint: subscription.endpoint, p256dh: subscription.keys.p256dh, auth: subscription.keys.auth, ahead: 3, ahead_sent: 0 }]);
    } finally {
      db.close();
    }
    // The service worker the page registered is the hub's, at the ticket pages' scope.
    const scopes = await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).map((r) => r.scope));
    expect(scopes).toEqual([`${hub.url}/t/`]);

    await page.getByRole("button", { name: "Berhenti memberi tahu" }).click();
    await expect.poll(() => page.locator("#notify-message").textContent()).toBe("Pemberitahuan dihentikan.");
    const health = (await (await fetch(`${hub.url}/healthz`)).json()) as { notify: { webPush: { usable: boolean; subscriptions: number } } };
    expect(health.notify.webPush).toMatchObject({ usable: true, subscriptions: 0 });
    await phone.close();
  });

  it("shows the manager the webhook messages the gateway never took", async () => {
    // A dead letter as the outbox leaves one after its last retry (tests/integration/notify-webhook.test.ts makes them for real).
    const db = new Database(join(hub.dataDir, "layan.db"), { fileMustExist: true });
    try {
      const body = JSON.stringify({ id: 1, moment: "called", at: hub.now(), office: "MPP", ticketId: "x", number: "B-007", text: { id: "", en: "" } });
      db.prepare("INSERT INTO notify_outbox (created_at, service_day, moment, body, attempts, next_at, last_error, dead_at) VALUES (?, '2026-11-18', 'called', ?, 8, ?, 'HTTP 502', ?)").run(hub.now(), body, hub.now(), hub.now());
    } finally {
      db.close();
    }
    const context = await hubContext(browser, hub, { viewport: { width: 1280, height: 900 }, locale: "id-ID", timezoneId: "Asia/Jakarta" });
    const page = await context.newPage();
    const admin = new AdminPage(page, hub.url);
    await admin.goto();
    await admin.loginAs(hub.user("manager").username, hub.user("manager").secret);
    await page.getByRole("link", { name: "Administrasi", exact: true }).click();
    await page.getByRole("link", { name: "Pemberitahuan", exact: true }).click();
    const table = page.getByTestId("notify-table");
    await table.waitFor({ timeout: 15_000 });
    const cells = await table.locator("tbody tr").first().locator("td").allTextContents();
    expect(cells.slice(1)).toEqual(["B-007", "Dipanggil", "8", "HTTP 502"]);
    expect(await page.getByTestId("notify-counts").textContent()).toContain("Gagal: 1");
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});

describe("the ticket page where the office has not enabled notifications", () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
  });
  afterAll(async () => {
    await hub?.stop();
  });

  it("says plainly that notifications are not available, and offers no button", async () => {
    const [mine] = await issue(hub, 1);
    const phone = await hubContext(browser, hub, PHONE);
    const page = await phone.newPage();
    await page.goto(`${hub.url}/t/${mine ?? ""}`);
    await expect.poll(() => page.locator("#number").textContent()).toBe("A-001");
    expect(await page.locator("#notify-unavailable").textContent()).toBe(
      "Pemberitahuan ke ponsel belum tersedia di kantor ini. Biarkan halaman ini terbuka, atau tetap berada di sekitar ruang tunggu.",
    );
    expect(await page.getByRole("button", { name: "Beri tahu saya" }).count()).toBe(0);
    // Once called the block has nothing to say: the page is about where to go.
    const officer = await OfficerClient.login(hub.url, hub.user("officer").username, hub.user("officer").secret);
    await officer.open("loket-1");
    await officer.callNext("loket-1");
    await page.locator(".called").waitFor({ timeout: 15_000 });
    expect(await page.locator("#notify").isHidden()).toBe(true);
    officer.close();
    await phone.close();
  });
});
