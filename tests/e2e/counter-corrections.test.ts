/**
 * An officer's corrections in the counter app, in Chromium against a real hub:
 * a transfer taken back from its message ("Batalkan"), an SOP tick taken back
 * by tapping it again, and closing a counter with people waiting, which asks
 * first. Sample office: Loket 1 serves KTP-el ("A") and KIA ("D").
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, startTestHub, type TestHub } from "../support/test-hub";
import { hubContext, launchChromium } from "./browser";
import { buildCounterAndDisplay, KioskClient, tearDown } from "./counter-display.support";
import { CounterPage } from "./page-models/counter";

const SHOTS = join(ROOT, "docs/screenshots");
const SEEN = { timeout: 5_000, interval: 50 };

let hub: TestHub;
let browser: Browser;
let kiosk: KioskClient;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  buildCounterAndDisplay();
  hub = await startTestHub();
  browser = await launchChromium();
  kiosk = await KioskClient.connect(hub.url, hub.kioskToken);
});

afterAll(() => tearDown({ kiosk, contexts, browser, hub }));

async function counterPage(): Promise<CounterPage> {
  const context = await hubContext(browser, hub, {
    viewport: { width: 1366, height: 768 },
    locale: "id-ID",
    timezoneId: "Asia/Jakarta",
  });
  contexts.push(context);
  return new CounterPage(await context.newPage(), hub.url);
}

describe("counter corrections", () => {
  it("Batalkan after a transfer, untick a step, and a close that asks while people wait", async () => {
    const first = await kiosk.issue("ktp-el");
    const second = await kiosk.issue("ktp-el");
    const counter = await counterPage();
    await counter.signInAt("loket-1", hub.user("officer").username, hub.user("officer").secret);

    expect(await counter.callNext()).toBe(first);
    await counter.start();
    await counter.tickStep("verifikasi");
    await counter.tickStep("perekaman");
    expect(await counter.stepDone("perekaman")).toBe(true);
    // Tapped by mistake: tapped again, it is not done any more.
    await counter.tickStep("perekaman");
    expect(await counter.stepDone("perekaman")).toBe(false);
    expect(await counter.stepDone("verifikasi")).toBe(true);

    // Transfer to KIA: the message names the destination and offers "Batalkan".
    await counter.transferTo("kia");
    expect(await counter.currentNumber()).toBe("");
    expect(await counter.infoMessage.textContent()).toContain(`${first} dialihkan ke Kartu Identitas Anak`);
    await expect.poll(() => counter.waitingFor("kia"), SEEN).toBe(1);
    mkdirSync(SHOTS, { recursive: true });
    await counter.page.screenshot({ path: join(SHOTS, "counter-transfer-undo.png") });

    // Batalkan: the citizen is back in hand, being served, with the tick kept.
    await counter.undoTransfer();
    expect(await counter.currentNumber()).toBe(first);
    expect(await counter.currentStatus()).toBe("serving");
    expect(await counter.stepDone("verifikasi")).toBe(true);
    expect(await counter.infoMessage.textContent()).toBe(
      `Pengalihan dibatalkan: ${first} kembali dilayani di loket ini.`,
    );
    await expect.poll(() => counter.waitingFor("kia"), SEEN).toBe(0);
    expect(await counter.undoTransferButton().count()).toBe(0);
    await counter.complete("selesai");

    // Closing with the second citizen still waiting asks first; Esc keeps the counter open.
    await expect.poll(() => counter.waitingFor("ktp-el"), SEEN).toBe(1);
    await counter.closeCounter(false);
    expect(await counter.workspace.getAttribute("data-counter-status")).toBe("open");
    await counter.button("close").click();
    expect(await counter.page.getByTestId("close-dialog-text").textContent()).toBe(
      "Masih ada 1 orang menunggu layanan di loket ini. Tutup loket?",
    );
    await counter.page.keyboard.press("Escape");
    await counter.closeCounter(true);
    expect(await counter.workspace.count()).toBe(0);

    // With nobody waiting, it closes without asking.
    await counter.page.getByTestId("choose-loket-1").click();
    await counter.page.locator(`[data-testid="workspace"][data-counter-status="open"]`).waitFor();
    expect(await counter.callNext()).toBe(second);
    await counter.complete("selesai");
    await counter.closeCounter(null);
  });
});
