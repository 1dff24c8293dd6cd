/**
 * The Ombudsman loop at the kiosk, in Chromium against a real hub and the
 * printer emulator: the maklumat and the office information a citizen can
 * read without taking a number, a complaint filed at the kiosk that
 * prints its receipt, is answered by the manager in the dashboard and reads
 * "dijawab" in public, and
 * the survey mode, where a served citizen types the ticket's number.
 */
import { randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startPrinterEmulator, type PrinterEmulator } from "@layan/printer";
import { ERROR_MESSAGES } from "@layan/protocol";
import type { Browser, Page } from "playwright-core";
import { io } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, startTestHub, type TestHub } from "../support/test-hub";
import { axeViolations } from "./axe";
import { launchChromium, hubContext } from "./browser";
import { OfficerClient } from "./counter-display.support";
import { buildDashboard, DashboardPage } from "./page-models/dashboard";
import { buildKiosk, KioskPage } from "./page-models/kiosk";

const SHOTS = join(ROOT, "docs", "screenshots");
const VIEWPORTS = [
  ["", { width: 1080, height: 1920 }],
  ["-landscape", { width: 1920, height: 1080 }],
] as const;

let hub: TestHub;
let emulator: PrinterEmulator;
let browser: Browser;
let outDir: string;

beforeAll(async () => {
  buildKiosk(ROOT);
  buildDashboard();
  mkdirSync(SHOTS, { recursive: true });
  outDir = mkdtempSync(join(tmpdir(), "layan-kiosk-feedback-"));
  emulator = await startPrinterEmulator({ port: 0, outDir });
  hub = await startTestHub({ kioskPrinters: { "kiosk-lobi": `127.0.0.1:${emulator.port}` } });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await hub?.stop();
  await emulator?.close();
  rmSync(outDir, { recursive: true, force: true });
});

async function withKiosk(
  viewport: { width: number; height: number },
  run: (kiosk: KioskPage, page: Page) => Promise<void>,
  params: Record<string, string> = {},
) {
  const page = await (await hubContext(browser, hub, { viewport })).newPage();
  try {
    const kiosk = new KioskPage(page, hub.url);
    await kiosk.open(hub.kioskTokens["kiosk-lobi"]!, params);
    await run(kiosk, page);
  } finally {
    await page.context().close();
  }
}

async function staffToken(): Promise<string> {
  const { username, secret } = hub.user("manager");
  const res = await fetch(`${hub.url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, secret }),
  });
  return ((await res.json()) as { data: { token: string } }).data.token;
}

describe("kiosk: maklumat and office information", () => {
  for (const [suffix, viewport] of VIEWPORTS) {
    it(`shows the office's maklumat with its signatory and date, and the office information${suffix || " (portrait)"}`, async () => {
      await withKiosk(viewport, async (kiosk, page) => {
        await expect(page.getByTestId("attract-maklumat").textContent()).resolves.toContain(
          "Maklumat Pelayanan",
        );
        await kiosk.openFromFirstScreen("maklumat");
        const maklumat = page.getByTestId("office-maklumat");
        await maklumat.waitFor();
        const text = (await maklumat.textContent()) ?? "";
        expect(text).toContain("sanggup menyelenggarakan pelayanan");
        expect(text).toContain("Ditetapkan 5 Januari 2026");
        expect(await kiosk.horizontalOverflow()).toEqual([]);
        await page.screenshot({ path: join(SHOTS, `kiosk-maklumat${suffix}.png`) });

        await kiosk.openFromFirstScreen("info");
        await page.getByTestId("facilities").waitFor();
        // The misi are numbered, as in the office's own documents.
        const misi = page.getByTestId("misi");
        expect(await misi.locator("li").count()).toBeGreaterThanOrEqual(2);
        const marker = `getComputedStyle(document.querySelector('[data-testid="misi"]')).listStyleType`;
        expect(await page.evaluate<string>(marker)).toBe("decimal");
        expect(await page.getByTestId("facilities").locator("li").count()).toBeGreaterThanOrEqual(4);
        await page.getByTestId("office-hours").waitFor();
        expect(await kiosk.horizontalOverflow()).toEqual([]);
        await page.screenshot({ path: join(SHOTS, `kiosk-info${suffix}.png`) });
      });
    });
  }
});

describe("kiosk: Pengaduan & Saran", () => {
  it("files a complaint, prints its receipt with the code, and the public status follows the answer the manager gives in the dashboard", async () => {
    let code = "";
    await withKiosk({ width: 1080, height: 1920 }, async (kiosk, page) => {
      const before = emulator.jobs.length;
      await kiosk.openFromFirstScreen("complaint");
      await page.getByTestId("complaint-page").waitFor();
      expect(await kiosk.horizontalOverflow()).toEqual([]);
      await page.screenshot({ path: join(SHOTS, "kiosk-pengaduan.png") });
      await kiosk.goHome();
      code = await kiosk.fileComplaint({
        category: "waktu",
        serviceId: "ktp-el",
        text: "antrean perekaman lama sekali",
      });
      expect(code).toMatch(/^PGD-[0-9A-Z]{8}$/);
      expect(await kiosk.horizontalOverflow()).toEqual([]);
      await page.screenshot({ path: join(SHOTS, "kiosk-pengaduan-kode.png") });

      const job = (await emulator.waitForJobs(before + 1, 10_000))[before]!;
      expect(job.text).toContain("BUKTI PENGADUAN");
      expect(job.text).toContain(code);
      expect(job.text).toContain("SP4N-LAPOR!");
    });

    const status = async () =>
      (
        (await (await fetch(`${hub.url}/api/public/complaints/${code}`)).json()) as {
          data: { status: string; responses: { text: string }[] };
        }
      ).data;
    expect((await status()).status).toBe("baru");
    const answer = "Mohon maaf, petugas perekaman kami tambah mulai besok.";

    // The manager answers it in the dashboard, as an office would.
    const context = await hubContext(browser, hub, { viewport: { width: 1440, height: 1000 } });
    try {
      const page = await context.newPage();
      const dash = new DashboardPage(page, hub.url);
      await dash.goto();
      await dash.loginAs(hub.user("manager").username, hub.user("manager").secret);
      await dash.open("pengaduan");
      await dash.settled();
      await dash.openComplaint(code);
      await dash.respondToComplaint(answer, false);
      await expect
        .poll(() => dash.complaintStatus().textContent(), { timeout: 10_000, interval: 100 })
        .toBe("Sudah dijawab");
    } finally {
      await context.close();
    }
    expect(await status()).toMatchObject({ status: "dijawab", responses: [{ text: answer }] });
  });
});

describe("kiosk: complaint screen in landscape", () => {
  it("keeps every step of Pengaduan & Saran inside 1920×1080", async () => {
    await withKiosk({ width: 1920, height: 1080 }, async (kiosk, page) => {
      await kiosk.openFromFirstScreen("complaint");
      const complaint = page.getByTestId("complaint-page");
      await complaint.waitFor();
      expect(await kiosk.horizontalOverflow()).toEqual([]);
      await page.getByTestId("category-waktu").click();
      await complaint.and(page.locator('[data-step="service"]')).waitFor();
      expect(await kiosk.horizontalOverflow()).toEqual([]);
      await page.getByTestId("complaint-service-ktp-el").click();
      await page.getByTestId("complaint-text").waitFor();
      expect(await kiosk.horizontalOverflow()).toEqual([]);
      await kiosk.typeOnKeyboard("loket satu kosong");
      await page.getByTestId("complaint-next").click();
      await page.getByTestId("complaint-send").waitFor();
      expect(await kiosk.horizontalOverflow()).toEqual([]);
      expect(await kiosk.inViewport(page.getByTestId("complaint-send"))).toBe(true);
    });
  });
});

/** Issues one ticket as a kiosk does; its number as printed. */
async function issue(serviceId: string): Promise<string> {
  const socket = io(`${hub.url}/kiosk`, { auth: { token: hub.kioskToken }, transports: ["websocket"] });
  try {
    const ack = (await socket
      .timeout(10_000)
      .emitWithAck("ticket:issue", { requestId: randomUUID(), serviceId })) as {
      ok: boolean;
      data: { ticket: { number: string } };
    };
    if (!ack.ok) throw new Error("issue refused");
    return ack.data.ticket.number;
  } finally {
    socket.disconnect();
  }
}

/** The scores the citizen taps, one per unsur in SURVEY_QUESTIONS order. */
const ANSWERS = [4, 3, 3, 4, 2, 4, 4, 3, 3] as const;

describe("kiosk: Isi Survei", () => {
  let served = "";
  let waiting = "";

  beforeAll(async () => {
    served = await issue("ktp-el");
    waiting = await issue("ktp-el");
    const { username, secret } = hub.user("officer");
    const officer = await OfficerClient.login(hub.url, username, secret);
    try {
      await officer.open("loket-1");
      expect(await officer.callNext("loket-1")).toBe(served);
      await officer.complete("loket-1");
    } finally {
      officer.close();
    }
  });

  it("takes a served citizen's answers by ticket number, one screen per question, counts them in the manager's IKM, and refuses the number a second time", async () => {
    await withKiosk({ width: 1080, height: 1920 }, async (kiosk, page) => {
      await kiosk.openFromFirstScreen("survey");
      await page.getByTestId("survey-number").waitFor();
      // Typed as a citizen reads it off the paper, without the dash.
      await kiosk.typeOnKeyboard(served.replace("-", ""));
      expect(await page.getByTestId("survey-number").inputValue()).toBe(served.replace("-", ""));
      expect(await kiosk.horizontalOverflow()).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: join(SHOTS, "kiosk-survei-nomor.png") });
      await page.getByTestId("survey-find").click();

      await kiosk.answerQuestions(ANSWERS, async (i) => {
        if (i === 1) {
          // Back to the first question: its answer is still marked, and can be changed.
          await page.getByTestId("survey-back").click();
          await page.getByTestId("survey-progress").filter({ hasText: "1 dari 9" }).waitFor();
          expect(await page.locator('button[data-score="4"]').getAttribute("aria-pressed")).toBe("true");
          await page.locator('button[data-score="4"]').click();
          await page.getByTestId("survey-progress").filter({ hasText: "2 dari 9" }).waitFor();
        }
        if (i === 2) {
          expect(await page.getByTestId("survey-progress").textContent()).toBe("Pertanyaan 3 dari 9");
          const answers = page.getByTestId("survey-question").locator("button[data-score]");
          expect(await answers.count()).toBe(4);
          for (let a = 0; a < 4; a++)
            expect((await answers.nth(a).boundingBox())?.height).toBeGreaterThanOrEqual(64);
          expect(await page.getByTestId("survey-question").textContent()).toContain("kecepatan waktu");
          expect(await kiosk.horizontalOverflow()).toEqual([]);
          expect(await axeViolations(page)).toEqual([]);
          await page.screenshot({ path: join(SHOTS, "kiosk-survei-pertanyaan.png") });
        }
      });

      const profile = page.getByTestId("survey-profile");
      await profile.waitFor();
      expect(await page.getByTestId("survey-privacy").textContent()).toContain(
        "tidak dikaitkan dengan nama Anda",
      );
      await profile.locator('[data-field="ageBand"] button[data-value="30-39"]').click();
      expect(await kiosk.horizontalOverflow()).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);
      await page.getByTestId("survey-profile-next").click();
      await page.getByTestId("survey-suggestion-text").waitFor();
      await kiosk.typeOnKeyboard("kursi tambah");
      // A double tap: one answer.
      await page.getByTestId("survey-submit").dblclick();
      await page.getByTestId("survey-thanks").waitFor();
      expect(await page.getByTestId("survey-thanks").textContent()).toContain(
        "Terima kasih atas penilaian Anda",
      );
      expect(await kiosk.horizontalOverflow()).toEqual([]);
      await page.screenshot({ path: join(SHOTS, "kiosk-survei-terima-kasih.png") });
      await page.getByTestId("survey-finish").click();
      await kiosk.attract.waitFor();

      // The same number again: refused, in Indonesian, no questions.
      await kiosk.findSurvey(served);
      await page.getByTestId("survey-refusal").waitFor();
      expect(await page.getByTestId("survey-refusal").textContent()).toBe(
        ERROR_MESSAGES.SURVEY_ALREADY_ANSWERED.id,
      );
      expect(await page.getByTestId("survey-question").count()).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
    });

    const res = await fetch(`${hub.url}/api/reports/ikm?by=all`, {
      headers: { authorization: `Bearer ${await staffToken()}` },
    });
    const report = (await res.json()) as {
      ok: boolean;
      data: { total: { respondents: number; ikm: number | null } };
    };
    expect(report.ok).toBe(true);
    expect(report.data.total.respondents).toBe(1);
    // One respondent: each NRR is the score itself; IKM = Σ NRR × 1/9 × 25.
    expect(report.data.total.ikm).toBeCloseTo((ANSWERS.reduce((a, b) => a + b, 0) / 9) * 25, 2);
  });

  it("refuses a number not served yet, in Indonesian, and in English when asked", async () => {
    await withKiosk({ width: 1080, height: 1920 }, async (kiosk, page) => {
      await kiosk.findSurvey(waiting);
      await page.getByTestId("survey-refusal").waitFor();
      expect(await page.getByTestId("survey-refusal").textContent()).toBe(
        ERROR_MESSAGES.SURVEY_NOT_SERVED.id,
      );
      expect(await page.getByTestId("survey-question").count()).toBe(0);

      // The kiosk in English says it in English.
      await kiosk.languageToggle.click();
      await page.getByTestId("survey-again").filter({ hasText: "Type another number" }).click();
      await kiosk.typeOnKeyboard(waiting);
      await page.getByTestId("survey-find").click();
      await page.getByTestId("survey-refusal").waitFor();
      expect(await page.getByTestId("survey-refusal").textContent()).toBe(
        ERROR_MESSAGES.SURVEY_NOT_SERVED.en,
      );
    });
  });

  it("goes back to the first screen after the idle time untouched, but not while the citizen keeps tapping", async () => {
    await withKiosk(
      { width: 1080, height: 1920 },
      async (kiosk, page) => {
        await kiosk.openFromFirstScreen("survey");
        await page.getByTestId("survey-page").waitFor();
        await kiosk.attract.waitFor({ timeout: 8_000 });

        await kiosk.openFromFirstScreen("survey");
        for (let i = 0; i < 5; i++) {
          await new Promise((r) => setTimeout(r, 1_000));
          await kiosk.typeOnKeyboard("1");
        }
        expect(await page.getByTestId("survey-page").isVisible()).toBe(true);
      },
      { idle: "3" },
    );
  });
});
