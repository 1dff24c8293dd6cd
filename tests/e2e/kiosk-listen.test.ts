/**
 * "Dengarkan" in Chromium against a real hub. Headless Chromium has no system
 * voices, so this is the kiosk's own eSpeak-NG (WebAssembly worker) path; the
 * system-voice choice is unit-tested with a fake speechSynthesis
 * (apps/kiosk/src/renderer/listen/engine.test.ts).
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../support/test-hub";
import { hubContext, launchChromium } from "./browser";
import { buildKiosk, KioskPage } from "./page-models/kiosk";
import { startPrintingHub, type PrintingHub } from "./printing-hub.support";

let printing: PrintingHub;
let browser: Browser;
let token: string;
const pages: Page[] = [];

beforeAll(async () => {
  buildKiosk(ROOT);
  printing = await startPrintingHub("layan-kiosk-listen-e2e-");
  token = printing.hub.kioskTokens["kiosk-lobi"]!;
  browser = await launchChromium();
});

afterEach(async () => {
  for (const page of pages.splice(0)) await page.context().close();
});

afterAll(async () => {
  await browser?.close();
  await printing?.stop();
});

/** A kiosk whose only reachable origin is the hub: every other request is aborted and counted. */
async function openKiosk(params: Record<string, string> = {}): Promise<{ kiosk: KioskPage; page: Page; blocked: string[]; wasmFetches: () => number }> {
  const context = await hubContext(browser, printing.hub, { viewport: { width: 1080, height: 1920 } });
  const blocked: string[] = [];
  let wasm = 0;
  const hubOrigin = new URL(printing.hub.url).origin;
  // Routing turns Chromium's HTTP cache off, so every load of the 18 MB synthesizer is counted here.
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(hubOrigin)) {
      if (/\/espeak-ng-[^/]*\.wasm$/.test(new URL(url).pathname)) wasm++;
      return route.continue();
    }
    blocked.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  pages.push(page);
  const kiosk = new KioskPage(page, printing.hub.url);
  await kiosk.open(token, params);
  return { kiosk, page, blocked, wasmFetches: () => wasm };
}

const listen = (page: Page) => page.getByTestId("listen");

const rootData = (page: Page, name: string) => page.locator("html").getAttribute(`data-${name}`);

async function phrases(page: Page): Promise<string[]> {
  return JSON.parse((await page.locator("html").getAttribute("data-listen-phrases")) ?? "[]") as string[];
}

/** The samples' RMS the synthesizer produced, once it has answered. */
async function samplesRms(page: Page): Promise<number> {
  await page.waitForFunction(() => document.documentElement.dataset.listenRms !== undefined, null, { timeout: 60_000 });
  return Number(await page.locator("html").getAttribute("data-listen-rms"));
}

describe("kiosk: Dengarkan", () => {
  it("reads a service page in order, with non-silent bundled speech, with nothing but the hub reachable; a tap elsewhere stops it", async () => {
    const { kiosk, page, blocked } = await openKiosk();
    await kiosk.openService("ktp-el");
    const button = listen(page);
    const box = await button.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(64);
    expect(box!.width).toBeGreaterThanOrEqual(64);
    await expect(button.getAttribute("aria-label")).resolves.toBe("Dengarkan · Listen");

    await button.click();
    await expect(button.getAttribute("data-speaking")).resolves.toBe("true");
    await expect(button.getAttribute("aria-pressed")).resolves.toBe("true");
    const read = await phrases(page);
    expect(read[0]).toMatch(/^Layanan Perekaman dan Pencetakan KTP-el\.$/);
    const at = (re: RegExp) => read.findIndex((p) => re.test(p));
    // The order a listener needs: steps, then requirements (with conditions), fee, time, product, how to take.
    expect(at(/^Langkah satu:/)).toBeGreaterThan(0);
    expect(at(/^Persyaratan:/)).toBeGreaterThan(at(/^Langkah satu:/));
    expect(read).toContain("Surat keterangan kehilangan dari Kepolisian, jika Hanya untuk KTP-el yang hilang.");
    expect(at(/^Biaya: /)).toBeGreaterThan(at(/^Persyaratan:/));
    expect(at(/^Jangka waktu: /)).toBeGreaterThan(at(/^Biaya: /));
    expect(at(/^Produk layanan: /)).toBeGreaterThan(at(/^Jangka waktu: /));
    expect(read.at(-1)).toMatch(/mengambil nomor antrean/);
    await expect(page.locator("html").getAttribute("data-listen-engine")).resolves.toBe("bundled");
    expect(await samplesRms(page)).toBeGreaterThan(0.01);
    await expect(button.getAttribute("data-speaking")).resolves.toBe("true");

    // Any tap elsewhere ends the reading.
    await page.locator("main h1").click();
    await page.waitForFunction(() => document.querySelector('[data-testid="listen"]')?.getAttribute("data-speaking") === "false");
    expect(blocked).toEqual([]);
  });

  it("a second tap on the button stops it, and leaving the screen stops it too", async () => {
    const { kiosk, page } = await openKiosk();
    await kiosk.openService("ktp-el");
    await listen(page).click();
    await expect(listen(page).getAttribute("data-speaking")).resolves.toBe("true");
    await listen(page).click();
    await expect(listen(page).getAttribute("data-speaking")).resolves.toBe("false");

    await listen(page).click();
    await samplesRms(page);
    await page.getByTestId("back").click();
    await expect(listen(page).getAttribute("data-speaking")).resolves.toBe("false");
  });

  it("reads English when the kiosk is in English", async () => {
    const { kiosk, page } = await openKiosk();
    await kiosk.openService("ktp-el");
    await kiosk.languageToggle.click();
    await expect(listen(page).getAttribute("aria-label")).resolves.toBe("Listen · Dengarkan");
    await listen(page).click();
    const read = await phrases(page);
    expect(read[0]).toMatch(/^Service: /);
    expect(read.some((p) => p.startsWith("Requirements:"))).toBe(true);
    expect(await samplesRms(page)).toBeGreaterThan(0.01);
  });

  it("a second reading starts without loading eSpeak-NG again", async () => {
    const { kiosk, page, wasmFetches } = await openKiosk();
    await kiosk.openService("ktp-el");
    await listen(page).click();
    await samplesRms(page);
    await listen(page).click();
    await expect(listen(page).getAttribute("data-speaking")).resolves.toBe("false");

    await listen(page).click();
    expect(await samplesRms(page)).toBeGreaterThan(0.01);
    expect(wasmFetches()).toBe(1);
    await expect(rootData(page, "listen-compiles")).resolves.toBe("1");
  });

  it("loads eSpeak-NG while the kiosk is idle after start, so the first reading finds it loaded", async () => {
    const { kiosk, page, wasmFetches } = await openKiosk();
    // No tap yet: the kiosk readied its synthesizer on its own.
    await page.waitForFunction(() => document.documentElement.dataset.listenReady === "true", null, { timeout: 30_000 });
    expect(wasmFetches()).toBe(1);
    await kiosk.openService("ktp-el");
    await listen(page).click();
    expect(await samplesRms(page)).toBeGreaterThan(0.01);
    await expect(rootData(page, "listen-warm")).resolves.toBe("true");
    expect(wasmFetches()).toBe(1);
  });

  it("on the ticket screen the countdown to the next citizen waits while the ticket is read, and counts again from when it stops", async () => {
    const { kiosk, page } = await openKiosk();
    await kiosk.takeTicket("ktp-el");
    const countdown = kiosk.confirmation.locator(".action-hint");
    await expect(countdown.textContent()).resolves.toBe("Kembali ke awal dalam 20 detik");

    // From here the page's clock moves only when the test says so; the synthesizer and Web Audio run on real time.
    await page.clock.pauseAt(printing.hub.now() + 1_000); // the page's clock is the hub's (hubContext)
    await listen(page).click();
    await samplesRms(page);
    await expect(listen(page).getAttribute("data-speaking")).resolves.toBe("true");
    // Half a minute on the page's clock while it reads: longer than the countdown, and the screen stays.
    await page.clock.runFor(30_000);
    await expect(listen(page).getAttribute("data-speaking")).resolves.toBe("true");
    expect(await kiosk.confirmation.isVisible()).toBe(true);
    await expect(countdown.textContent()).resolves.toBe("Kembali ke awal dalam 20 detik");

    await listen(page).click();
    await expect(listen(page).getAttribute("data-speaking")).resolves.toBe("false");
    // The whole countdown again, from the end of the reading: still there a second before it ends...
    await page.clock.runFor(19_000);
    expect(await kiosk.confirmation.isVisible()).toBe(true);
    await expect(countdown.textContent()).resolves.toBe("Kembali ke awal dalam 1 detik");
    // ...and the next citizen's first screen once it has.
    await page.clock.runFor(1_500);
    await kiosk.attract.waitFor();
  });

  it("on a service page the inactivity reset waits while it reads, and counts again from when it stops", async () => {
    const { kiosk, page } = await openKiosk({ idle: "30" });
    await kiosk.openService("ktp-el");
    await page.clock.pauseAt(printing.hub.now() + 1_000); // the page's clock is the hub's (hubContext)
    await listen(page).click();
    await samplesRms(page);
    await page.clock.runFor(60_000);
    await expect(listen(page).getAttribute("data-speaking")).resolves.toBe("true");
    expect(await kiosk.servicePage.isVisible()).toBe(true);
    expect(await page.getByTestId("idle-warning").count()).toBe(0);

    await listen(page).click();
    await expect(listen(page).getAttribute("data-speaking")).resolves.toBe("false");
    // The last ten seconds ask "still there?"; the rest of the 30 s pass quietly.
    await page.clock.runFor(19_000);
    expect(await page.getByTestId("idle-warning").count()).toBe(0);
    await page.clock.runFor(2_000);
    await page.getByTestId("idle-warning").waitFor();
    await page.clock.runFor(10_000);
    await kiosk.attract.waitFor();
  });
});
