/**
 * Pictures of the kiosk for docs/screenshots, taken from the real app on a
 * hub with a morning's queue: two counters open for KTP-el, a few citizens
 * waiting, so the live facts show a wait range. Portrait 1080x1920 (the usual
 * kiosk stand) and landscape 1920x1080.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../support/test-hub";
import { launchChromium, hubContext } from "./browser";
import { KioskClient, OfficerClient } from "./counter-display.support";
import { buildKiosk, KioskPage } from "./page-models/kiosk";
import { startPrintingHub, type PrintingHub } from "./printing-hub.support";

const SHOTS = join(ROOT, "docs", "screenshots");

let printing: PrintingHub;
let browser: Browser;
const officers: OfficerClient[] = [];

beforeAll(async () => {
  buildKiosk(ROOT);
  mkdirSync(SHOTS, { recursive: true });
  printing = await startPrintingHub("layan-kiosk-shots-");
  const { hub } = printing;
  for (const [index, counterId] of [
    [0, "loket-1"],
    [1, "loket-2"],
  ] as const) {
    const { username, secret } = hub.user("officer", index);
    const officer = await OfficerClient.login(hub.url, username, secret);
    await officer.open(counterId);
    officers.push(officer);
  }
  const kiosk = await KioskClient.connect(hub.url, hub.kioskTokens["kiosk-lobi"]!);
  for (let i = 0; i < 7; i++) await kiosk.issue("ktp-el", i === 3 ? "lansia" : null);
  kiosk.close();
  // Two served, so each counter has a citizen in hand like a real morning.
  await officers[0]!.callNext("loket-1");
  await officers[1]!.callNext("loket-2");
  browser = await launchChromium();
});

afterAll(async () => {
  for (const officer of officers) officer.close();
  await browser?.close();
  await printing?.stop();
});

describe("kiosk screenshots", () => {
  for (const [suffix, viewport] of [
    ["", { width: 1080, height: 1920 }],
    ["-landscape", { width: 1920, height: 1080 }],
  ] as const) {
    it(`service page and confirmation${suffix || " (portrait)"}`, async () => {
      const page = await (await hubContext(browser, printing.hub, { viewport })).newPage();
      try {
        const kiosk = new KioskPage(page, printing.hub.url);
        await kiosk.open(printing.hub.kioskTokens["kiosk-lobi"]!);
        if (!suffix) await page.screenshot({ path: join(SHOTS, "kiosk-attract.png") });
        await kiosk.openService("ktp-el");
        // Live facts in: people waiting and a wait range from the open counters.
        await page.locator('[data-fact="estimate"] .fact-value:not(.wordy)').waitFor();
        await page.screenshot({ path: join(SHOTS, `kiosk-service${suffix}.png`) });
        await kiosk.chooseTicket();
        await kiosk.confirmation.waitFor();
        await page.screenshot({ path: join(SHOTS, `kiosk-confirmation${suffix}.png`) });
        expect(await kiosk.scanQr()).toMatch(/\/t\//);
      } finally {
        await page.context().close();
      }
    });
  }
});
