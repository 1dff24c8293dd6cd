/**
 * Issue #12 in the manager dashboard, end to end: a real hub process, Debian
 * Chromium, tickets served over a real counter socket.
 *
 * 1. Survey answers given through the public API for served tickets show in
 *    "Survei (IKM)" as the IKM worked out by hand below.
 * 2. A complaint filed through the public API is assigned, answered (a double
 *    click answers once) and closed in "Pengaduan"; its public status then
 *    reads selesai with the answer.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, startTestHub, type TestHub } from "../support/test-hub";
import { launchChromium, officePage } from "./browser";
import { KioskClient, OfficerClient } from "./counter-display.support";
import { buildDashboard, DashboardPage, type DashboardView } from "./page-models/dashboard";

const SHOTS = join(ROOT, "docs/screenshots");
const SEEN = { timeout: 10_000, interval: 100 };

type Answers = Record<
  "persyaratan" | "prosedur" | "waktu" | "biaya" | "produk" | "kompetensi" | "perilaku" | "sarana" | "pengaduan",
  1 | 2 | 3 | 4
>;
const all = (v: 1 | 2 | 3 | 4): Answers => ({
  persyaratan: v,
  prosedur: v,
  waktu: v,
  biaya: v,
  produk: v,
  kompetensi: v,
  perilaku: v,
  sarana: v,
  pengaduan: v,
});
/**
 * Three respondents. NRR per unsur: persyaratan, biaya, kompetensi, perilaku
 * (4+3+4)/3 = 3,667; prosedur, produk, sarana, pengaduan (4+3+3)/3 = 3,333;
 * waktu (4+3+2)/3 = 3,000 (the lowest). Σ NRR = 4×3,667 + 4×3,333 + 3 = 31,
 * IKM = 31 × 1/9 × 25 = 86,11: mutu B (76,61–88,30), "Baik".
 */
const RESPONSES: Answers[] = [
  all(4),
  all(3),
  { persyaratan: 4, prosedur: 3, waktu: 2, biaya: 4, produk: 3, kompetensi: 4, perilaku: 4, sarana: 3, pengaduan: 3 },
];

let browser: Browser;
let hub: TestHub;
const contexts: BrowserContext[] = [];
const clients: { close(): void }[] = [];

async function post<T>(path: string, body: object): Promise<{ ok: boolean; data: T; error?: { code: string } }> {
  const res = await fetch(`${hub.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return (await res.json()) as { ok: boolean; data: T };
}

/** The dashboard signed in as the manager, on one view with its data in. */
async function managerOn(view: DashboardView): Promise<{ page: Page; dash: DashboardPage }> {
  const page = await officePage(browser, hub, contexts, { viewport: { width: 1440, height: 1000 } });
  const dash = new DashboardPage(page, hub.url);
  await dash.goto();
  await dash.loginAs(hub.user("manager").username, hub.user("manager").secret);
  await dash.open(view);
  await dash.settled();
  return { page, dash };
}

beforeAll(async () => {
  buildDashboard();
  mkdirSync(SHOTS, { recursive: true });
  hub = await startTestHub();
  browser = await launchChromium();
});

afterAll(async () => {
  for (const c of clients) c.close();
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await hub?.stop();
});

describe("dashboard feedback views", () => {
  it("shows the IKM worked out by hand from the answers citizens gave", async () => {
    const kiosk = await KioskClient.connect(hub.url, hub.kioskToken);
    const officer = await OfficerClient.login(hub.url, hub.user("officer").username, hub.user("officer").secret);
    clients.push(kiosk, officer);
    await officer.open("loket-1");
    for (const answers of RESPONSES) {
      await kiosk.issue("ktp-el");
      const called = await officer.command("ticket:call_next", { counterId: "loket-1" });
      if (!called.ok || !called.data.current) throw new Error("nobody called");
      const ticketId = called.data.current.ticketId;
      await officer.complete("loket-1");
      const receipt = await post(`/api/public/tickets/${ticketId}/survey`, {
        requestId: randomUUID(),
        answers,
        suggestion: answers.waktu === 2 ? "Antrean KTP-el terlalu lama, mohon tambah petugas." : undefined,
        profile: { sex: "P", ageBand: "30-39" },
      });
      expect(receipt.ok).toBe(true);
    }

    const { page, dash } = await managerOn("survei");
    expect(await dash.kpi("ikm-value")).toMatchObject({ value: "86,11" });
    expect(await dash.kpi("ikm-mutu")).toMatchObject({ value: "B — Baik" });
    const sample = await dash.kpi("ikm-sample");
    expect(sample.value).toBe("3");
    expect(sample.hint).toMatch(/^3 responden dari minimum \d+ untuk 3 warga dilayani — (belum )?memenuhi$/);
    expect(await dash.kpi("ikm-lowest")).toMatchObject({ value: "Waktu pelayanan" });
    await expect.poll(() => page.locator('[data-testid="unsur-waktu"]').getAttribute("data-lowest"), SEEN).toBe("true");
    const row = (await page.getByTestId("ikm-row-ktp-el").locator("td").allTextContents()).map((t) => t.trim());
    expect(row.slice(1, 10)).toEqual(["3,67", "3,33", "3,00", "3,67", "3,33", "3,67", "3,67", "3,33", "3,33"]);
    expect(row[10]).toBe("86,11");
    await expect.poll(() => page.getByTestId("ikm-suggestions").textContent(), SEEN).toContain("tambah petugas");
    await expect.poll(() => page.getByTestId("ikm-profile").textContent(), SEEN).toContain("Perempuan 3");
    await page.screenshot({ path: join(SHOTS, "dashboard-ikm.png"), fullPage: true });
  });

  it("assigns, answers and closes a complaint; the citizen's page then says selesai", async () => {
    const office = (await (await fetch(`${hub.url}/api/public/office`)).json()) as {
      data: { office: { complaints: { categories: { id: string; label: string }[] } } };
    };
    const category = office.data.office.complaints.categories[0];
    if (!category) throw new Error("no complaint category configured");
    const file = (text: string) =>
      post<{ code: string }>("/api/public/complaints", {
        requestId: randomUUID(),
        category: category.id,
        serviceId: "ktp-el",
        text,
        contact: { name: "Siti Aminah", phone: "0812-3456-7890" },
        consent: true,
      });
    const unanswered = await file("Petugas loket 3 meninggalkan meja selama setengah jam tanpa pemberitahuan.");
    const filed = await file("Antrean KTP-el sangat lama dan tidak ada kursi tunggu yang cukup untuk lansia.");
    expect(filed.ok && unanswered.ok).toBe(true);
    const code = filed.data.code;

    const { page, dash } = await managerOn("pengaduan");
    await expect.poll(() => page.getByTestId("complaint-tab-baru").textContent(), SEEN).toBe("Diterima (2)");

    // Closing with neither an answer nor a note: the hub's own message is shown.
    await dash.openComplaint(unanswered.data.code);
    await dash.closeComplaint();
    await expect
      .poll(() => page.getByTestId("complaint-error").textContent(), SEEN)
      .toBe("Beri jawaban atau catatan penutup sebelum menyelesaikan pengaduan.");

    await dash.openComplaint(code);
    await expect.poll(() => page.getByTestId("complaint-contact").textContent(), SEEN).toContain("0812-3456-7890");
    await page.screenshot({ path: join(SHOTS, "dashboard-complaints.png"), fullPage: true });

    const manager = hub.user("manager").username;
    await dash.assignComplaint(manager);
    await expect.poll(() => dash.complaintStatus().textContent(), SEEN).toBe("Sedang ditindaklanjuti");
    await expect.poll(() => page.getByTestId("complaint-assignee").textContent(), SEEN).toBe(manager);

    const answer = "Mulai Senin kami menambah satu loket KTP-el dan sepuluh kursi prioritas untuk lansia.";
    await dash.respondToComplaint(answer, true);
    await expect.poll(() => dash.complaintStatus().textContent(), SEEN).toBe("Sudah dijawab");
    expect(await page.getByTestId("complaint-responses").locator("li").count()).toBe(1);
    await page.screenshot({ path: join(SHOTS, "dashboard-complaint-detail.png"), fullPage: true });

    await dash.closeComplaint("Warga sudah dihubungi lewat telepon.");
    await expect.poll(() => dash.complaintStatus().textContent(), SEEN).toBe("Selesai");
    await expect.poll(() => page.getByTestId("complaint-tab-selesai").textContent(), SEEN).toBe("Selesai (1)");
    await expect.poll(() => page.getByTestId("kpi-complaints-filed").locator(".kpi__value").textContent(), SEEN).toBe("2");

    const status = (await (await fetch(`${hub.url}/api/public/complaints/${code}`)).json()) as {
      ok: boolean;
      data: { status: string; responses: { text: string }[] };
    };
    expect(status.data.status).toBe("selesai");
    expect(status.data.responses.map((r) => r.text)).toEqual([answer]);
  });
});
