/**
 * The citizen's kiosk in Chromium against a real hub (its own process) that
 * prints to the printer emulator, the way a browser kiosk is deployed
 * (printVia "hub"). The Electron shell's printing path is unit-tested in
 * apps/kiosk/src/main against the same emulator.
 */
import type { EmulatorJob } from "@layan/printer";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ROOT, startTestHub } from "../support/test-hub";
import { launchChromium, hubContext } from "./browser";
import { KioskClient } from "./counter-display.support";
import { buildKiosk, KioskPage } from "./page-models/kiosk";
import { startPrintingHub, type PrintingHub } from "./printing-hub.support";

const PORTRAIT = { width: 1080, height: 1920 };
const LANDSCAPE = { width: 1920, height: 1080 };

let printing: PrintingHub;
let browser: Browser;
let token: string;
const pages: Page[] = [];

beforeAll(async () => {
  buildKiosk(ROOT);
  printing = await startPrintingHub("layan-kiosk-e2e-");
  token = printing.hub.kioskTokens["kiosk-lobi"]!;
  browser = await launchChromium();
});

afterEach(async () => {
  printing.emulator.setState({ paperEnd: false, coverOpen: false, online: true, paperNearEnd: false });
  for (const page of pages.splice(0)) await page.context().close();
});

afterAll(async () => {
  await browser?.close();
  await printing?.stop();
});

async function openKiosk(viewport = PORTRAIT, params: Record<string, string> = {}): Promise<KioskPage> {
  const page = await (await hubContext(browser, printing.hub, { viewport })).newPage();
  pages.push(page);
  const kiosk = new KioskPage(page, printing.hub.url);
  await kiosk.open(token, params);
  return kiosk;
}

/** The next job the emulator finishes after `before` jobs. */
async function nextJob(before: number): Promise<EmulatorJob> {
  const jobs = await printing.emulator.waitForJobs(before + 1, 10_000);
  return jobs[before]!;
}

const sequence = (number: string) => Number(number.split("-")[1]);

describe("kiosk: taking a ticket", () => {
  it("taps through to a printed ticket with the number, the service, the checklist and a QR to the status page", async () => {
    const kiosk = await openKiosk();
    const before = printing.emulator.jobs.length;
    const number = await kiosk.takeTicket("ktp-el");
    expect(number).toMatch(/^A-\d{3}$/);
    await expect(kiosk.peopleAhead.textContent()).resolves.toMatch(/^(Tidak ada antrean|\d+ orang) di depan Anda$/);

    const job = await nextJob(before);
    expect(job.text).toContain(number);
    expect(job.text).toContain("Perekaman dan Pencetakan KTP-el");
    expect(job.text).toContain("[ ] Fotokopi Kartu Keluarga");
    expect(job.text).toContain("[ ] Berusia 17 tahun atau sudah/pernah kawin");
    // A conditional document keeps its condition, on paper and on the screen.
    expect(job.text).toMatch(/\[ \] Surat keterangan kehilangan dari Kepolisian\n +\(Hanya untuk KTP-el yang hilang\)/);
    await kiosk.confirmation.getByText("Hanya untuk KTP-el yang hilang").waitFor();

    const scanned = await kiosk.scanQr();
    expect(scanned).toMatch(new RegExp(`^${printing.hub.url}/t/[A-Za-z0-9_-]+$`));
    // The QR on paper and the one on screen lead to the same page, and it answers.
    expect(job.text).toContain(`[QR: ${scanned}]`);
    const statusPage = await fetch(scanned!);
    expect(statusPage.status).toBe(200);

    await kiosk.doneButton.click();
    await kiosk.attract.waitFor();
  });

  it("gives one ticket for a double tap", async () => {
    const kiosk = await openKiosk();
    await kiosk.openService("ktp-el");
    await kiosk.takeButton.click();
    const before = printing.emulator.jobs.length;
    await kiosk.regularButton.dblclick();
    await kiosk.confirmation.waitFor();
    const first = (await kiosk.ticketNumber.textContent())!.trim();
    await new Promise((r) => setTimeout(r, 1_000));
    expect(printing.emulator.jobs.length).toBe(before + 1);

    // No second number was issued behind the citizen's back.
    await kiosk.goHome();
    const next = await kiosk.takeTicket("ktp-el");
    expect(sequence(next)).toBe(sequence(first) + 1);
  });

  it("puts elderly, disabled and pregnant citizens in the priority lane and prints it", async () => {
    const kiosk = await openKiosk();
    const before = printing.emulator.jobs.length;
    await kiosk.takeTicket("kia", "lansia");
    await kiosk.confirmation.getByText("Prioritas · Lansia").waitFor();
    const job = await nextJob(before);
    expect(job.text).toContain("PRIORITAS");
    expect(job.text).toContain("Lansia");
  });

  it("shows the printer's problem and issues nothing while the paper is out", async () => {
    const kiosk = await openKiosk();
    const last = await kiosk.takeTicket("kartu-keluarga");
    await kiosk.goHome();

    printing.emulator.setState({ paperEnd: true });
    const before = printing.emulator.jobs.length;
    await kiosk.openService("kartu-keluarga");
    // The kiosk asks the hub about its printer on the service page: the button
    // is disabled, with the reason, before anyone taps it.
    await kiosk.blocker.waitFor();
    await expect(kiosk.blocker.textContent()).resolves.toContain("Kertas printer habis");
    await expect(kiosk.takeButton.isDisabled()).resolves.toBe(true);
    await new Promise((r) => setTimeout(r, 500));
    expect(printing.emulator.jobs.length).toBe(before);

    printing.emulator.setState({ paperEnd: false });
    await kiosk.goHome();
    const next = await kiosk.takeTicket("kartu-keluarga");
    // The refused attempt took no number: the hub checked the printer before issuing.
    expect(sequence(next)).toBe(sequence(last) + 1);
  });

  it("says when the cover is open", async () => {
    const kiosk = await openKiosk();
    printing.emulator.setState({ coverOpen: true });
    await kiosk.openService("akta-kelahiran");
    await kiosk.blocker.waitFor();
    await expect(kiosk.blocker.textContent()).resolves.toContain("Penutup printer terbuka");
    await expect(kiosk.takeButton.isDisabled()).resolves.toBe(true);
    printing.emulator.setState({ coverOpen: false });
    // Closed again: the page notices by itself and the button comes back.
    await kiosk.blocker.waitFor({ state: "detached", timeout: 15_000 });
    await expect(kiosk.takeButton.isDisabled()).resolves.toBe(false);
  });

  it("shows quota reached and offers no ticket once the day's quota is used", async () => {
    // A second connection of the lobby kiosk (the information kiosk issues none).
    const client = await KioskClient.connect(printing.hub.url, token);
    try {
      // PBG has a daily quota of 30; the other connection takes them all.
      for (let i = 0; i < 30; i++) await client.issue("pbg");
    } finally {
      client.close();
    }
    const kiosk = await openKiosk();
    await kiosk.openService("pbg");
    await expect(kiosk.blocker.textContent()).resolves.toContain("Kuota antrean hari ini sudah habis");
    expect(await kiosk.takeButton.isDisabled()).toBe(true);
  });
});

describe("kiosk: the service page says what the Standar Pelayanan says", () => {
  it("never calls a service with a fee stated only in words free", async () => {
    const kiosk = await openKiosk();
    await kiosk.openService("stnk-tahunan");
    const fee = kiosk.servicePage.locator(".key-fact").first();
    await expect(fee.textContent()).resolves.toContain("Dikenakan biaya sesuai ketentuan");
    await expect(fee.textContent()).resolves.toContain("PKB");
    expect(await kiosk.servicePage.textContent()).not.toContain("Gratis");
    await kiosk.goHome();
    await kiosk.openService("ktp-el");
    await expect(kiosk.servicePage.locator(".key-fact.tone-good").textContent()).resolves.toContain("Gratis");
  });
});

describe("kiosk: one state, said the same way everywhere", () => {
  it("says no counter is open yet on the page, the confirmation and the ticket, and never 'Anda berikutnya'", async () => {
    // Nobody has opened a counter on this hub: the service is within its hours, yet nobody can be called.
    const kiosk = await openKiosk();
    await kiosk.openService("sppl");
    await expect(kiosk.page.getByTestId("open-pill").textContent()).resolves.toBe("Belum ada loket buka");
    await expect(kiosk.page.locator('[data-fact="estimate"] .fact-value').textContent()).resolves.toBe(
      "Belum ada loket buka",
    );
    const before = printing.emulator.jobs.length;
    await kiosk.chooseTicket();
    await kiosk.confirmation.waitFor();
    const ahead = (await kiosk.peopleAhead.textContent()) ?? "";
    expect(ahead).not.toContain("berikutnya");
    await expect(kiosk.waitRange.textContent()).resolves.toBe("Belum ada loket buka");
    const job = await nextJob(before);
    expect(job.text).toContain("Perkiraan tunggu: belum ada loket buka");
    expect(job.text).not.toContain("berikutnya");
  });
});

describe("kiosk: finding a service without knowing the agency", () => {
  it("finds services by everyday words typed on the on-screen keyboard", async () => {
    const kiosk = await openKiosk();
    await kiosk.search("pajak motor");
    await expect(kiosk.searchInput.inputValue()).resolves.toBe("pajak motor");
    await expect.poll(() => kiosk.searchResults()).toEqual(["stnk-tahunan"]);
    await kiosk.searchPage.locator('button[data-service="stnk-tahunan"]').click();
    await kiosk.page.locator('[data-testid="service"][data-service="stnk-tahunan"]').waitFor();
    // Back leads to the search, not to an agency the citizen never chose.
    await kiosk.page.getByTestId("back").click();
    await expect(kiosk.searchInput.inputValue()).resolves.toBe("pajak motor");

    for (const [words, first] of [
      ["ktp", "ktp-el"],
      ["akta lahir", "akta-kelahiran"],
      ["skck", "skck"],
    ] as const) {
      await kiosk.page.getByRole("button", { name: "Kosongkan" }).click();
      const keyboard = kiosk.page.getByRole("group", { name: "Papan ketik" });
      for (const char of words) {
        await keyboard.getByRole("button", { name: char === " " ? "Spasi" : char.toUpperCase(), exact: true }).click();
      }
      await expect.poll(async () => (await kiosk.searchResults())[0], { message: words }).toBe(first);
    }
  });

  it("offers the most-used services of the last 30 days on the first screen", async () => {
    // Issued from the lobby kiosk (shows every service; prints itself here): an information kiosk issues nothing.
    const client = await KioskClient.connect(printing.hub.url, printing.hub.kioskTokens["kiosk-lobi"] ?? token);
    try {
      for (let i = 0; i < 40; i++) await client.issue("sppl");
    } finally {
      client.close();
    }
    const kiosk = await openKiosk();
    await kiosk.startButton.click();
    await kiosk.popular.waitFor();
    const shown = await kiosk.popular.locator("[data-popular]").evaluateAll((tiles) =>
      tiles.map((t) => t.getAttribute("data-popular")),
    );
    expect(shown).toHaveLength(4);
    expect(shown[0]).toBe("sppl");
    await kiosk.popular.locator('[data-popular="sppl"]').click();
    await kiosk.page.locator('[data-testid="service"][data-service="sppl"]').waitFor();
  });

  it("shows each service's opening hours: its own, or the office's with the Friday break and closed days", async () => {
    // The shared hub is open around the clock (and says so); the office's real hours need their own.
    const real = await startTestHub({ realHours: true });
    try {
      const page = await (await hubContext(browser, real, { viewport: PORTRAIT })).newPage();
      pages.push(page);
      const kiosk = new KioskPage(page, real.url);
      await kiosk.open(real.kioskTokens["kiosk-lobi"]!);
      await kiosk.openService("ktp-el");
      const office = await kiosk.hours.textContent();
      expect(office).toContain("Senin–Kamis08.00–15.00");
      expect(office).toContain("Jumat08.00–11.00 dan 13.00–15.00");
      expect(office).toContain("Sabtu–MingguTutup");
      // The pinned day is 18 November 2026: Christmas is the next holiday.
      expect(office).toContain("Jumat, 25 Desember 2026 (Hari Raya Natal)");
      await kiosk.goHome();
      await kiosk.openService("stnk-tahunan");
      await expect(kiosk.hours.textContent()).resolves.toContain("Senin–Kamis08.00–14.00");
    } finally {
      await real.stop();
    }
  });
});

describe("kiosk: an information kiosk (printer: none)", () => {
  it("shows the Standar Pelayanan and says where to take a number, with no take button", async () => {
    const page = await (await hubContext(browser, printing.hub, { viewport: PORTRAIT })).newPage();
    pages.push(page);
    const kiosk = new KioskPage(page, printing.hub.url);
    await kiosk.open(printing.hub.kioskTokens["kiosk-informasi"]!);
    await kiosk.openService("nib-oss");
    await expect(kiosk.blocker.textContent()).resolves.toContain("Kios informasi: tidak mencetak nomor antrean");
    expect(await kiosk.takeButton.count()).toBe(0);
  });
});

describe("kiosk: when things go wrong and come back", () => {
  it("shows that the hub is unreachable, issues nothing, and recovers by itself", async () => {
    const kiosk = await openKiosk();
    await kiosk.openService("ktp-el");
    await printing.hub.kill();
    await kiosk.offlineBanner.waitFor({ timeout: 15_000 });
    await expect(kiosk.offlineBanner.textContent()).resolves.toContain(
      "Sistem antrean sedang tidak terhubung",
    );
    await expect(kiosk.blocker.textContent()).resolves.toContain("Sistem antrean sedang tidak terhubung");
    expect(await kiosk.takeButton.isDisabled()).toBe(true);
    const before = printing.emulator.jobs.length;

    await printing.hub.restart();
    await kiosk.offlineBanner.waitFor({ state: "hidden", timeout: 20_000 });
    expect(await kiosk.takeButton.isEnabled()).toBe(true);
    expect(printing.emulator.jobs.length).toBe(before);
    await kiosk.goHome();
    await expect(kiosk.takeTicket("ktp-el")).resolves.toMatch(/^A-\d{3}$/);
  });

  it("goes back to the idle screen after inactivity, from every screen", async () => {
    const kiosk = await openKiosk(PORTRAIT, { idle: "3" });
    await kiosk.openService("ktp-el");
    await kiosk.attract.waitFor({ timeout: 8_000 });

    await kiosk.openService("ktp-el");
    await kiosk.takeButton.click();
    await kiosk.priorityPage.waitFor();
    await kiosk.attract.waitFor({ timeout: 8_000 });

    await kiosk.startButton.click();
    await kiosk.agencies.waitFor();
    await kiosk.attract.waitFor({ timeout: 8_000 });

    // Touching the screen keeps it.
    await kiosk.openService("ktp-el");
    for (let i = 0; i < 4; i++) {
      await new Promise((r) => setTimeout(r, 1_000));
      await kiosk.page.mouse.move(10 + i, 600);
      await kiosk.page.mouse.down();
      await kiosk.page.mouse.up();
    }
    expect(await kiosk.servicePage.isVisible()).toBe(true);
  });

  it("speaks English on request and Indonesian again for the next citizen", async () => {
    const kiosk = await openKiosk(PORTRAIT, { idle: "3" });
    await kiosk.languageToggle.click();
    await kiosk.page.getByText("Touch to start").waitFor();
    await kiosk.openService("ktp-el");
    await kiosk.page.getByText("Take a Queue Number").waitFor();
    await kiosk.page.getByText("Electronic ID card (KTP-el) recording and printing").waitFor();
    await kiosk.attract.waitFor({ timeout: 8_000 });
    await kiosk.page.getByText("Sentuh untuk mulai").waitFor();
  });
});

describe("kiosk: layout", () => {
  for (const [name, viewport] of [
    ["portrait 1080x1920", PORTRAIT],
    ["landscape 1920x1080", LANDSCAPE],
  ] as const) {
    it(`has no horizontal overflow and keeps the main action on screen (${name})`, async () => {
      const kiosk = await openKiosk(viewport);
      expect(await kiosk.horizontalOverflow(), "attract").toEqual([]);
      expect(await kiosk.inViewport(kiosk.startButton)).toBe(true);
      await kiosk.startButton.click();
      await kiosk.agencies.waitFor();
      expect(await kiosk.horizontalOverflow(), "agencies").toEqual([]);
      await kiosk.search("ktp");
      expect(await kiosk.horizontalOverflow(), "search").toEqual([]);
      expect(await kiosk.inViewport(kiosk.page.getByRole("button", { name: "Hapus" }))).toBe(true);
      await kiosk.page.getByTestId("back").click();
      await kiosk.agencies.waitFor();

      const serviceIds = await kiosk.page.$$eval("[data-services]", (tiles) =>
        tiles.flatMap((t) => (t.getAttribute("data-services") ?? "").split(" ")),
      );
      expect(serviceIds.length).toBeGreaterThanOrEqual(10);
      for (const serviceId of serviceIds) {
        await kiosk.openService(serviceId);
        expect(await kiosk.horizontalOverflow(), serviceId).toEqual([]);
        expect(await kiosk.inViewport(kiosk.takeButton), `${serviceId}: take button on screen`).toBe(true);
        const box = await kiosk.takeButton.boundingBox();
        expect(box!.height).toBeGreaterThanOrEqual(64);
        await kiosk.goHome();
      }

      await kiosk.openService("ktp-el");
      await kiosk.takeButton.click();
      await kiosk.priorityPage.waitFor();
      expect(await kiosk.horizontalOverflow(), "priority").toEqual([]);
      expect(await kiosk.inViewport(kiosk.regularButton)).toBe(true);
      await kiosk.regularButton.click();
      await kiosk.confirmation.waitFor();
      expect(await kiosk.horizontalOverflow(), "confirmation").toEqual([]);
      expect(await kiosk.inViewport(kiosk.ticketNumber)).toBe(true);
      expect(await kiosk.inViewport(kiosk.qr)).toBe(true);
      expect(await kiosk.inViewport(kiosk.doneButton)).toBe(true);
    });
  }

  it("makes every tile, button and key a touch target of at least 64 px", async () => {
    const kiosk = await openKiosk();
    const tooSmall = () =>
      kiosk.page.$$eval("button", (buttons) =>
        buttons
          .map((b) => ({ text: b.textContent?.trim() ?? "", r: b.getBoundingClientRect() }))
          .filter(({ r }) => r.width > 0 && (r.height < 64 || r.width < 64))
          .map(({ text, r }) => `${text} ${Math.round(r.width)}x${Math.round(r.height)}`),
      );
    await kiosk.startButton.click();
    await kiosk.agencies.waitFor();
    expect(await tooSmall(), "agencies").toEqual([]);
    await kiosk.search("akta");
    expect(await tooSmall(), "search").toEqual([]);
  });
});
