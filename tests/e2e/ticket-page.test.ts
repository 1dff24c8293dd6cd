/**
 * Issue #6: the citizen's ticket page behind the QR code, on a phone-sized
 * screen, followed from issue to call; a wrong or guessed id is a plain
 * not-found page.
 */
import { devices, type Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestHub, type TestHub } from "../support/test-hub";
import { launchChromium, hubContext } from "./browser";
import { randomUUID } from "node:crypto";
import { io } from "socket.io-client";
import { OfficerClient } from "./counter-display.support";

/** Issues tickets as a kiosk does; returns each one's status URL (the QR code's content). */
async function issue(serviceId: string, count: number): Promise<string[]> {
  const socket = io(`${hub.url}/kiosk`, { auth: { token: hub.kioskToken }, transports: ["websocket"] });
  const urls: string[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const ack = (await socket.timeout(10_000).emitWithAck("ticket:issue", { requestId: randomUUID(), serviceId })) as {
        ok: boolean;
        data: { statusUrl: string };
      };
      if (!ack.ok) throw new Error("issue refused");
      urls.push(ack.data.statusUrl);
    }
  } finally {
    socket.disconnect();
  }
  return urls;
}

let hub: TestHub;
let browser: Browser;

beforeAll(async () => {
  hub = await startTestHub();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await hub?.stop();
});

it("follows a ticket on a phone from issue to call", async () => {
  const [, statusUrl] = await issue("ktp-el", 2);

  // A phone set to another zone: the page must still show the office's time, labelled WIB.
  const phone = await hubContext(browser, hub, {
    ...devices["Pixel 7"],
    isMobile: true,
    hasTouch: true,
    timezoneId: "America/New_York",
  });
  const page = await phone.newPage();
  await page.goto(statusUrl!);
  await expect.poll(() => page.locator("#number").textContent()).toBe("A-002");
  await expect.poll(() => page.locator(".fact").first().textContent()).toContain("1 orang di depan Anda");
  // The hour in Jakarta, 11 or 12 hours from New York's: a page on the phone's clock shows another.
  const officeHour = new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Jakarta", hour: "2-digit", hourCycle: "h23" }).format(hub.now());
  await expect.poll(() => page.locator("#updated").textContent()).toMatch(new RegExp(`^Diperbarui ${officeHour}\\.\\d\\d WIB$`));
  expect(await page.locator("#issued").textContent()).toMatch(new RegExp(`^Diambil pukul ${officeHour}\\.\\d\\d WIB$`));
  // No counter open yet: said as such, not as a wait in minutes.
  expect(await page.locator(".fact").nth(1).textContent()).toContain("Belum ada loket buka");
  // Nothing about the other citizen.
  expect(await page.content()).not.toContain("A-001");

  const officer = await OfficerClient.login(hub.url, hub.user("officer").username, hub.user("officer").secret);
  await officer.open("loket-2");
  await officer.callNext("loket-2");
  await expect.poll(() => page.locator(".fact").first().textContent(), { timeout: 15_000 }).toContain("Anda berikutnya");
  await officer.complete("loket-2");
  await officer.callNext("loket-2");
  // Called: the page says where to go, loudly.
  await page.locator(".called").waitFor({ timeout: 15_000 });
  expect(await page.locator(".go").textContent()).toBe("Silakan menuju LOKET 2");
  officer.close();
  await phone.close();
});

it("shows a plain not-found page for a wrong or guessed id", async () => {
  const page = await (await hubContext(browser, hub)).newPage();
  for (const id of ["AAAAAAAAAAAAAAAA", "tidak-ada", "0000"]) {
    const response = await page.goto(`${hub.url}/t/${id}`);
    expect(response?.status()).toBe(404);
    expect(await page.locator(".state").textContent()).toBe("Nomor antrean tidak ditemukan");
  }
  await page.context().close();
});
