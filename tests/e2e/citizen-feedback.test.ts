/**
 * Issue #12, the citizen's side: after service the ticket page (behind the
 * QR code) offers the SKM survey on a phone; the answer counts once and the
 * manager's IKM shows it; an unserved ticket gets no form; the maklumat is on
 * the ticket page and a waiting-room display; a complaint is filed on the
 * phone and followed by its code.
 */
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { io } from "socket.io-client";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ROOT, startTestHub, type TestHub } from "../support/test-hub";
import { hubContext, launchChromium } from "./browser";
import { buildCounterAndDisplay, OfficerClient, signIn } from "./counter-display.support";
import { DisplayPage } from "./page-models/display";

const SHOTS = join(ROOT, "docs", "screenshots");
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

let hub: TestHub;
let browser: Browser;

beforeAll(async () => {
  // The display is served from its build: this suite tests the screen as it ships.
  buildCounterAndDisplay();
  hub = await startTestHub();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await hub?.stop();
});

/** Issues one ticket as the kiosk does; its id and the status URL its QR code holds. */
async function issue(serviceId: string): Promise<{ id: string; statusUrl: string }> {
  const socket = io(`${hub.url}/kiosk`, { auth: { token: hub.kioskToken }, transports: ["websocket"] });
  try {
    const ack = (await socket.timeout(10_000).emitWithAck("ticket:issue", { requestId: randomUUID(), serviceId })) as {
      ok: boolean;
      data: { statusUrl: string; ticket: { id: string } };
    };
    if (!ack.ok) throw new Error("issue refused");
    return { id: ack.data.ticket.id, statusUrl: ack.data.statusUrl };
  } finally {
    socket.disconnect();
  }
}

async function managerToken(): Promise<string> {
  const { username, secret } = hub.user("manager");
  return signIn(hub.url, username, secret);
}

async function phonePage(): Promise<Page> {
  return (await hubContext(browser, hub, PHONE)).newPage();
}

/** The scores the citizen taps, one per unsur in SURVEY_QUESTIONS order. */
const ANSWERS = [4, 3, 3, 4, 3, 4, 4, 2, 3];

it("shows the maklumat on a waiting-room display between calls", async () => {
  const context = await hubContext(browser, hub, { viewport: { width: 1920, height: 1080 } });
  const display = new DisplayPage(await context.newPage(), hub.url);
  await display.open(Object.values(hub.displayTokens)[0]!, { sound: false });
  // No call on screen: the maklumat takes its turn within one slide.
  const panel = display.page.getByTestId("maklumat");
  await panel.waitFor({ timeout: 40_000 });
  expect(await panel.textContent()).toContain("Dengan ini kami menyatakan sanggup");
  expect(await display.page.getByTestId("maklumat-signer").textContent()).toBe("Drs. Nama Kepala Dinas, M.Si.");
  await context.close();
});

it("takes one survey answer after service, refuses a second, and the manager's IKM shows it", async () => {
  const waiting = await issue("ktp-el");
  const served = await issue("ktp-el");
  const officer = await OfficerClient.login(hub.url, hub.user("officer").username, hub.user("officer").secret);
  await officer.open("loket-1");
  await officer.callNext("loket-1");
  await officer.complete("loket-1");

  // The ticket that is still waiting: refused by the API, no form on its page.
  const early = await fetch(`${hub.url}/api/public/tickets/${served.id}/survey`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ requestId: randomUUID(), answers: Object.fromEntries(["persyaratan", "prosedur", "waktu", "biaya", "produk", "kompetensi", "perilaku", "sarana", "pengaduan"].map((k) => [k, 4])) }),
  });
  expect(early.status).toBe(409);
  expect(((await early.json()) as { error: { code: string } }).error.code).toBe("SURVEY_NOT_SERVED");
  const unserved = await phonePage();
  await unserved.goto(served.statusUrl);
  await unserved.locator("#maklumat").waitFor();
  await expect.poll(() => unserved.locator("#updated").textContent()).toMatch(/^Diperbarui/);
  expect(await unserved.locator("#survey-form").isVisible()).toBe(false);
  expect(await unserved.locator("#survey").isVisible()).toBe(false);
  await unserved.context().close();

  // The served one: the citizen scans the QR and answers on the phone.
  const page = await phonePage();
  await page.goto(waiting.statusUrl);
  const form = page.locator("#survey-form");
  await form.waitFor({ state: "visible", timeout: 15_000 });
  expect(await page.locator("#maklumat").textContent()).toContain("Dengan ini kami menyatakan sanggup");
  expect(await page.locator("#maklumat-date").textContent()).toBe("5 Januari 2026");
  // KTP-el's agency has its own maklumat, shown beside the office's.
  expect(await page.locator("#maklumat-agency").textContent()).toContain("Kami sanggup memberikan pelayanan administrasi kependudukan");
  expect(await page.locator("#complaint-link").getAttribute("href")).toBe("/pengaduan");
  expect(await page.locator("#survey-privacy").textContent()).not.toBe("");
  // Each answer a thumb can hit.
  const box = await form.locator("label.choice").first().boundingBox();
  expect(box?.height).toBeGreaterThanOrEqual(44);

  // Submitting with a question left out: told which, nothing sent.
  const sets = form.locator("fieldset[data-unsur]");
  expect(await sets.count()).toBe(9);
  for (let i = 0; i < 8; i++) await sets.nth(i).locator("label.choice").nth(ANSWERS[i]! - 1).tap();
  await page.locator("#survey-submit").tap();
  expect(await page.locator("#survey-error").textContent()).toBe("Masih ada pertanyaan yang belum dijawab.");
  expect(await sets.nth(8).locator(".error").isVisible()).toBe(true);
  await sets.nth(8).locator("label.choice").nth(ANSWERS[8]! - 1).tap();
  await form.locator('select[name="profile-ageBand"]').selectOption("30-39");
  await form.locator('textarea[name="suggestion"]').fill("Kursi ruang tunggu perlu ditambah.");
  await page.screenshot({ path: join(SHOTS, "citizen-survey.png"), fullPage: true });
  // A double tap: one answer.
  await page.locator("#survey-submit").dblclick();
  await expect.poll(() => page.locator("#survey-thanks").textContent()).toBe("Terima kasih");
  expect(await page.locator("#survey-form").count()).toBe(0);

  // Reload: answered, no form.
  await page.reload();
  await expect.poll(() => page.locator("#survey-status").textContent(), { timeout: 15_000 }).toBe(
    "Survei untuk nomor antrean ini sudah diisi. Terima kasih.",
  );
  expect(await page.locator("#survey-form").isVisible()).toBe(false);

  const res = await fetch(`${hub.url}/api/reports/ikm?by=all`, { headers: { authorization: `Bearer ${await managerToken()}` } });
  const report = (await res.json()) as { ok: boolean; data: { total: { respondents: number; ikm: number | null } } };
  expect(report.ok).toBe(true);
  expect(report.data.total.respondents).toBe(1);
  // One respondent: each NRR is the score itself; IKM = Σ NRR × 1/9 × 25.
  const ikm = (ANSWERS.reduce((a, b) => a + b, 0) / 9) * 25;
  expect(report.data.total.ikm).toBeCloseTo(ikm, 2);
  officer.close();
  await page.context().close();
});

it("files a complaint on the phone and follows it by its code", async () => {
  const page = await phonePage();
  await page.goto(`${hub.url}/pengaduan`);
  await page.locator("#category").selectOption({ index: 1 });
  await page.locator("#service").selectOption("ktp-el");
  await page.locator("#text").fill("Petugas loket 1 tidak ada di tempat selama setengah jam.");
  await page.locator('input[name="phone"]').fill("0812-3456-7890");
  // A contact without consent: refused on the page, in Indonesian.
  await page.locator("#complaint-submit").tap();
  expect(await page.locator("#complaint-error").textContent()).toContain("persetujuan data pribadi");
  await page.locator("#consent").check();
  await page.screenshot({ path: join(SHOTS, "citizen-complaint-form.png"), fullPage: true });
  await page.locator("#complaint-submit").tap();
  const code = page.locator("#receipt-code");
  await code.waitFor();
  const tracking = (await code.textContent()) ?? "";
  expect(tracking).toMatch(/^PGD-[0-9A-HJKMNP-TV-Z]{8}$/);
  expect(await page.locator("#receipt-due").textContent()).toMatch(/^Dijawab paling lambat \d{1,2} \w+ \d{4}, 5 hari kerja$/);
  expect(await page.locator("#receipt").textContent()).toContain("SP4N-LAPOR!");
  await page.screenshot({ path: join(SHOTS, "citizen-complaint-receipt.png"), fullPage: true });

  await page.locator("#receipt-link").tap();
  await page.locator("#status-code").waitFor();
  expect(await page.locator("#status-code").textContent()).toBe(tracking);
  expect(await page.locator("#status-label").textContent()).toBe("Diterima");
  expect(await page.locator("#status-text").textContent()).toContain("Petugas loket 1");
  await page.screenshot({ path: join(SHOTS, "citizen-complaint-status.png"), fullPage: true });

  // The look-up form finds it; an unknown code is a page in Indonesian.
  await page.goto(`${hub.url}/pengaduan`);
  await page.locator("#lookup-code").fill(tracking.toLowerCase());
  await page.locator("#lookup-code").press("Enter");
  await page.locator("#status-code").waitFor();
  const missing = await page.goto(`${hub.url}/pengaduan/PGD-00000000`);
  expect(missing?.status()).toBe(404);
  expect(await page.locator("h1").textContent()).toBe("Pengaduan tidak ditemukan");
  await page.context().close();
});
