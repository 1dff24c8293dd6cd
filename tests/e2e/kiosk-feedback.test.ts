/**
 * The Ombudsman loop at the kiosk, in Chromium against a real hub and the
 * printer emulator: the maklumat and the office information a citizen can
 * read without taking a number, and a complaint filed at the kiosk that
 * prints its receipt, is answered by staff and reads "dijawab" in public.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startPrinterEmulator, type PrinterEmulator } from "@layan/printer";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, startTestHub, type TestHub } from "../support/test-hub";
import { launchChromium, hubContext } from "./browser";
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

async function withKiosk(viewport: { width: number; height: number }, run: (kiosk: KioskPage, page: Page) => Promise<void>) {
  const page = await (await hubContext(browser, hub, { viewport })).newPage();
  try {
    const kiosk = new KioskPage(page, hub.url);
    await kiosk.open(hub.kioskTokens["kiosk-lobi"]!);
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
        await expect(page.getByTestId("attract-maklumat").textContent()).resolves.toContain("Maklumat Pelayanan");
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
        expect(await page.getByTestId("facilities").locator("li").count()).toBeGreaterThanOrEqual(4);
        await page.getByTestId("office-hours").waitFor();
        expect(await kiosk.horizontalOverflow()).toEqual([]);
        await page.screenshot({ path: join(SHOTS, `kiosk-info${suffix}.png`) });
      });
    });
  }
});

describe("kiosk: Pengaduan & Saran", () => {
  it("files a complaint, prints its receipt with the code, and the public status follows the staff's answer", async () => {
    let code = "";
    await withKiosk({ width: 1080, height: 1920 }, async (kiosk, page) => {
      const before = emulator.jobs.length;
      await kiosk.openFromFirstScreen("complaint");
      await page.getByTestId("complaint-page").waitFor();
      expect(await kiosk.horizontalOverflow()).toEqual([]);
      await page.screenshot({ path: join(SHOTS, "kiosk-pengaduan.png") });
      await kiosk.goHome();
      code = await kiosk.fileComplaint({ category: "waktu", serviceId: "ktp-el", text: "antrean perekaman lama sekali" });
      expect(code).toMatch(/^PGD-[0-9A-Z]{8}$/);
      expect(await kiosk.horizontalOverflow()).toEqual([]);
      await page.screenshot({ path: join(SHOTS, "kiosk-pengaduan-kode.png") });

      const job = (await emulator.waitForJobs(before + 1, 10_000))[before]!;
      expect(job.text).toContain("BUKTI PENGADUAN");
      expect(job.text).toContain(code);
      expect(job.text).toContain("SP4N-LAPOR!");
    });

    const status = async () =>
      ((await (await fetch(`${hub.url}/api/public/complaints/${code}`)).json()) as {
        data: { status: string; responses: { text: string }[] };
      }).data;
    expect((await status()).status).toBe("baru");

    const token = await staffToken();
    const auth = { authorization: `Bearer ${token}`, "content-type": "application/json" };
    const list = (await (await fetch(`${hub.url}/api/complaints?status=baru`, { headers: auth })).json()) as {
      data: { rows: { id: string; code: string }[] };
    };
    const id = list.data.rows.find((r) => r.code === code)?.id;
    expect(id).toBeDefined();
    const answer = "Mohon maaf, petugas perekaman kami tambah mulai besok.";
    const responded = await fetch(`${hub.url}/api/complaints/${id}/respond`, {
      method: "POST",
      headers: auth,
      body: JSON.stringify({ requestId: "respond-kiosk-e2e-1", text: answer }),
    });
    expect(responded.status).toBe(200);
    expect(await status()).toMatchObject({ status: "dijawab", responses: [{ text: answer }] });
  });
});
