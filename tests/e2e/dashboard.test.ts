/**
 * Issue #5 end to end: the manager dashboard, built, served by a real hub
 * process, in Debian Chromium.
 *
 * 1. Against the hand-worked fixture (packages/store/src/reports/fixture.ts,
 *    numbers worked out in packages/store/src/reports/reports.test.ts): an
 *    officer is refused, a manager logs in, filters, reads the figures,
 *    sorts and pages the log, downloads the CSV files and opens the monthly
 *    compliance report.
 * 2. Against simulated weeks plus live activity: the screenshots in
 *    docs/screenshots/dashboard-*.png, and the compliance report printed to PDF.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "@layan/config";
import { addDays } from "@layan/core";
import { openStore } from "@layan/store";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeReportFixture } from "../../packages/store/src/reports/fixture";
import { writeSimulatedStore } from "../../apps/hub/src/simulate/write";
import { ROOT, startTestHub, type TestHub } from "../support/test-hub";
import { hubContext, launchChromium } from "./browser";
import { KioskClient, OfficerClient } from "./counter-display.support";
import { DashboardPage } from "./page-models/dashboard";

const SHOTS = join(ROOT, "docs/screenshots");
const SEEN = { timeout: 10_000, interval: 100 };
const BOM = [0xef, 0xbb, 0xbf];
/** The hand-worked fixture's last day, in the afternoon (WIB). */
const FIXTURE_NOW = "2026-11-28T14:00:00+07:00";
/** The simulated weeks end yesterday of this Wednesday morning. */
const SIM_NOW = "2026-11-18T09:30:00+07:00";

let browser: Browser;
const contexts: BrowserContext[] = [];
const cleanup: (() => Promise<void> | void)[] = [];

async function newPage(hub: TestHub, width = 1440, height = 900): Promise<Page> {
  const context = await hubContext(browser, hub, {
    viewport: { width, height },
    locale: "id-ID",
    timezoneId: "Asia/Jakarta",
    acceptDownloads: true,
  });
  contexts.push(context);
  return context.newPage();
}

beforeAll(() => {
  // Vitest sets NODE_ENV=test; Vite would then bundle React's development build.
  execFileSync("pnpm", ["--filter", "@layan/dashboard", "build"], {
    cwd: ROOT,
    stdio: "pipe",
    env: { ...process.env, NODE_ENV: "production" },
  });
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  for (const fn of cleanup.reverse()) await fn();
});

describe("dashboard on the hand-worked fixture", () => {
  let hub: TestHub;

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "layan-dash-fixture-"));
    const store = openStore(join(dataDir, "layan.db"));
    writeReportFixture(store);
    store.close();
    // "Now" is the fixture's last day, so its figures stay literal whenever the test runs.
    hub = await startTestHub({ dataDir, now: FIXTURE_NOW });
    cleanup.push(async () => {
      await hub.stop();
      rmSync(dataDir, { recursive: true, force: true });
    });
    // Indonesian browser UI: date fields read dd/mm/yyyy.
    browser ??= await launchChromium(["--lang=id"]);
  });

  it("refuses an officer at the login", async () => {
    const dash = new DashboardPage(await newPage(hub), hub.url);
    await dash.goto();
    await dash.login(hub.user("officer").username, hub.user("officer").secret);
    await dash.loginError.waitFor();
    expect(await dash.loginError.textContent()).toBe(
      "Akun petugas loket tidak dapat membuka dasbor manajer. Gunakan akun manajer atau supervisor.",
    );
    expect(await dash.signedInAs.count()).toBe(0);
  });

  it("a manager filters and reads the fixture's numbers, sorts the log and downloads the CSV files", async () => {
    const dash = new DashboardPage(await newPage(hub), hub.url);
    await dash.goto();
    await dash.loginAs(hub.user("manager").username, hub.user("manager").secret);
    await dash.open("laporan");
    await dash.setRange("2026-11-26", "2026-11-28");
    expect(await dash.reportScope.textContent()).toBe("26 Nov 2026 – 28 Nov 2026 · Semua layanan");

    // Whole office: 9 issued, 10 segments, 7 served; waits 5 5 10 10 20 30 38 61 64.
    expect(await dash.kpi("kpi-issued")).toEqual({ value: "9", hint: "10 segmen antrean" });
    expect((await dash.kpi("kpi-served")).value).toBe("7");
    expect((await dash.kpi("kpi-noshow")).value).toBe("1");
    expect((await dash.kpi("kpi-cancelled")).value).toBe("1");
    expect(await dash.kpi("kpi-wait")).toEqual({ value: "27 mnt", hint: "p50 20 mnt · p90 1 j 04 mnt" });
    expect(await dash.kpi("kpi-wait-met")).toEqual({ value: "66,7%", hint: "6 dari 9" });
    expect(await dash.kpi("kpi-service")).toEqual({ value: "15,6 mnt", hint: "p50 10 mnt · p90 30 mnt" });
    expect((await dash.kpi("kpi-service-met")).value).toBe("87,5%");

    // KTP-el's row: waits 5 10 30 61 64, services 9 23 25 30.
    const ktp = await dash.summaryRow("ktp-el");
    expect(ktp[0]).toBe("Perekaman dan Pencetakan KTP-elTarget: tunggu 30 mnt, layanan 25 mnt");
    expect(ktp.slice(1)).toEqual([
      "5",
      "4",
      "1",
      "1",
      "34 mnt",
      "30 mnt / 1 j 04 mnt",
      "60%",
      "21,8 mnt",
      "23 mnt / 30 mnt",
      "75%",
    ]);

    // SOP steps: of KTP-el's 4 served tickets, 2 recorded steps; the other 2 are named, not counted.
    await expect
      .poll(() => dash.page.getByTestId("steps-coverage-ktp-el").textContent(), SEEN)
      .toBe("2 dari 4 tiket dilayani mencatat langkah SOP · 2 tiket tanpa langkah SOP tercatat");

    // Filter to KTP-el: the cards follow.
    await dash.filter("service", "Perekaman dan Pencetakan KTP-el");
    await expect.poll(async () => (await dash.kpi("kpi-issued")).value, SEEN).toBe("5");
    expect(await dash.kpi("kpi-wait")).toEqual({ value: "34 mnt", hint: "p50 30 mnt · p90 1 j 04 mnt" });
    expect(await dash.reportScope.textContent()).toBe(
      "26 Nov 2026 – 28 Nov 2026 · Perekaman dan Pencetakan KTP-el",
    );

    // Per officer.
    await dash.filter("service", "Semua layanan");
    await dash.groupBy("Petugas");
    expect((await dash.summaryRow("fx-agus")).slice(0, 3)).toEqual(["Agus Saputra", "–", "1"]);

    // The summary as CSV: UTF-8 with BOM, Indonesian header, the same figures.
    const summary = await dash.downloadCsv("csv-summary.csv");
    expect(summary.name).toBe("layan-ringkasan-per-petugas-2026-11-26_2026-11-28.csv");
    expect([...summary.bytes.subarray(0, 3)]).toEqual(BOM);
    const lines = summary.bytes.toString("utf8").slice(1).split("\r\n");
    expect(lines[0]).toMatch(/^Petugas,Kode,Diterbitkan,/);
    expect(lines.some((l) => l.startsWith("Rina Marlina,fx-rina,,7,6,"))).toBe(true);

    // The log: newest first, then sorted by the longest wait.
    await dash.open("log");
    await dash.settled();
    expect(await dash.logNumbers()).toEqual([
      "D-001",
      "A-004",
      "A-003",
      "A-002",
      "A-001",
      "A-005",
      "D-001",
      "B-002",
      "B-002",
      "B-001",
    ]);
    await dash.sortLogBy("Tunggu");
    expect((await dash.logNumbers()).slice(0, 4)).toEqual(["A-004", "A-003", "B-002", "A-002"]);
    const a4 = dash.ticketTable.locator('tr[data-number="A-004"]');
    expect(await a4.getAttribute("class")).toBe("row--miss");
    expect(await a4.locator("td").nth(1).textContent()).toBe("A-004Lansia");
    const log = await dash.downloadCsv("csv-tickets.csv");
    const rows = log.bytes.toString("utf8").slice(1).trimEnd().split("\r\n");
    expect(rows).toHaveLength(11);
    expect(rows[1]).toMatch(
      /^2026-11-27,A-004,Perekaman dan Pencetakan KTP-el,lansia,Loket 1,Rina Marlina,08:07:00,09:11:00,/,
    );

    // Date edge: the 28th alone holds only the KIA ticket issued at 00:05 WIB.
    await dash.open("laporan");
    await dash.setRange("2026-11-28", "2026-11-28");
    await expect.poll(async () => (await dash.kpi("kpi-issued")).value, SEEN).toBe("1");
    expect((await dash.kpi("kpi-wait")).value).toBe("5 mnt");
  });

  it("the monthly compliance report names the services that missed, and why", async () => {
    const dash = new DashboardPage(await newPage(hub), hub.url);
    await dash.goto();
    await dash.loginAs(hub.user("manager").username, hub.user("manager").secret);
    await dash.page.goto(`${hub.url}/dashboard/#/kepatuhan?month=2026-11`);
    await dash.complianceReport.waitFor();
    await dash.settled();
    const ktp = dash.complianceReport.locator('tr[data-service="ktp-el"] td');
    expect((await ktp.allTextContents()).slice(1, 9)).toEqual([
      "Perekaman dan Pencetakan KTP-elDisdukcapil",
      "5",
      "4",
      "30 mnt",
      "60%",
      "25 mnt",
      "75%",
      "Tidak memenuhi",
    ]);
    expect(await dash.page.getByTestId("compliance-missed").locator("li").allTextContents()).toEqual([
      "Penerbitan Kartu Keluarga (Perubahan Data) — tunggu dalam target 50%, layanan dalam target 100% Tidak memenuhi",
      "Perekaman dan Pencetakan KTP-el — tunggu dalam target 60%, layanan dalam target 75% Tidak memenuhi",
    ]);
    const notes = await dash.page.getByTestId("notes-ktp-el").locator("li").allTextContents();
    expect(notes[0]).toBe(
      "Waktu tunggu: 60% antrean dipanggil dalam 30 menit (median 30 menit; 9 dari 10 warga menunggu paling lama 64 menit).",
    );
    expect(notes).toContain(
      "Langkah SOP yang paling banyak melewati target: Verifikasi — rata-rata 6 menit dari target 5 menit, 50% sesuai target.",
    );
    expect(notes).toContain(
      "Langkah SOP: 60% langkah sesuai target, dari 2 tiket yang mencatat langkahnya; 2 tiket tanpa langkah SOP tercatat (tidak dihitung).",
    );
    const csv = await dash.downloadCsv("csv-compliance.csv");
    expect(csv.name).toBe("layan-kepatuhan-2026-11.csv");
    expect(csv.bytes.toString("utf8")).toContain(
      "Perekaman dan Pencetakan KTP-el,Disdukcapil,5,4,1,1,30,60,",
    );
  });
});

describe("dashboard on simulated weeks, with the office open now (screenshots)", () => {
  let hub: TestHub;
  let kiosk: KioskClient;
  const officers: OfficerClient[] = [];

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "layan-dash-sim-"));
    const config = loadConfig(join(ROOT, "kiosk-config"));
    const tz = config.office.timezone;
    // Seven weeks up to yesterday (office time), ~280 tickets a day, about what the
    // sample office's 12 counters serve (the simulator adds none): last month is complete.
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: tz }).format(new Date(SIM_NOW));
    writeSimulatedStore({
      config,
      out: join(dataDir, "layan.db"),
      startDay: addDays(today, -49),
      days: 49,
      ticketsPerDay: 280,
      seed: 7,
    });
    // A copy of the sample office where KTP-el and Kartu Keluarga promise a 1-minute
    // wait, so tickets taken a minute before the screenshot show as past their target.
    const configDir = mkdtempSync(join(tmpdir(), "layan-dash-config-"));
    cpSync(join(ROOT, "kiosk-config"), configDir, { recursive: true });
    for (const file of ["ktp-el.yaml", "kartu-keluarga.yaml"]) {
      const path = join(configDir, "services", file);
      writeFileSync(path, readFileSync(path, "utf8").replace(/waitMinutes: \d+/, "waitMinutes: 1"));
    }
    hub = await startTestHub({ dataDir, configDir, now: SIM_NOW });
    cleanup.push(async () => {
      kiosk?.close();
      for (const o of officers) o.close();
      await hub.stop();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(configDir, { recursive: true, force: true });
    });
    browser ??= await launchChromium(["--lang=id"]);
  });

  it("live view, reports, log and the compliance report, as documented in docs/screenshots", async () => {
    // This morning so far: tickets at the kiosk, four desks at work.
    kiosk = await KioskClient.connect(hub.url, hub.kioskToken);
    const mix = [
      "ktp-el",
      "ktp-el",
      "kartu-keluarga",
      "stnk-tahunan",
      "ktp-el",
      "skck",
      "bpjs-perubahan-data",
      "kia",
      "stnk-tahunan",
      "ktp-el",
    ];
    for (let i = 0; i < 3; i++)
      for (const s of mix) await kiosk.issue(s, i === 1 && s === "ktp-el" ? "lansia" : null);
    const takenAt = hub.now(); // the hub's pinned clock: the 1-minute targets run on its time
    const desks: [string, "officer" | "supervisor", number, string][] = [
      ["loket-1", "officer", 0, "ktp-el"],
      ["loket-7", "officer", 1, "stnk-tahunan"],
      ["loket-12", "officer", 2, "skck"],
      ["loket-9", "supervisor", 0, "bpjs"],
    ];
    for (const [counterId, role, index] of desks) {
      const who = hub.user(role, index);
      const officer = await OfficerClient.login(hub.url, who.username, who.secret);
      officers.push(officer);
      await officer.open(counterId);
      await officer.callNext(counterId);
      if (counterId !== "loket-1") {
        await officer.complete(counterId);
        await officer.callNext(counterId);
      }
    }

    const dash = new DashboardPage(await newPage(hub, 1600, 1000), hub.url);
    await dash.goto();
    await dash.page.screenshot({ path: join(SHOTS, "dashboard-login.png") });
    await dash.loginAs(hub.user("manager").username, hub.user("manager").secret);

    // Reports for the simulated weeks.
    await dash.open("laporan");
    await dash.page.getByRole("button", { name: "30 hari" }).click();
    await dash.settled();
    await dash.page.getByTestId("steps").locator(".steps__service").first().waitFor();
    await dash.page.screenshot({ path: join(SHOTS, "dashboard-reports.png"), fullPage: true });

    await dash.open("log");
    await dash.page.locator('select[name="missed"]').selectOption("any");
    await dash.settled();
    await dash.ticketTable.waitFor();
    await dash.page.screenshot({ path: join(SHOTS, "dashboard-log.png") });

    // Last month's compliance report, on screen and as the printed PDF.
    await dash.open("kepatuhan");
    await dash.complianceReport.waitFor();
    await dash.settled();
    await dash.page.screenshot({ path: join(SHOTS, "dashboard-compliance.png") });
    await dash.page.emulateMedia({ media: "print" });
    await dash.page.screenshot({ path: join(SHOTS, "dashboard-compliance-print.png"), fullPage: true });
    const pdf = await dash.page.pdf({ format: "A4", printBackground: true });
    await dash.page.emulateMedia({ media: "screen" });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    // Whole tables and notes, a few pages, no navigation printed.
    const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(pages).toBeLessThanOrEqual(8);

    // Live view once the 1-minute targets have passed.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, takenAt + 62_000 - hub.now())));
    await dash.open("langsung");
    await expect
      .poll(() => dash.page.locator('[data-testid="live-tickets"] tr[data-over="true"]').count(), SEEN)
      .toBeGreaterThan(3);
    await expect.poll(async () => (await dash.kpi("live-counters")).value, SEEN).toBe("4 buka");
    await dash.page.screenshot({ path: join(SHOTS, "dashboard-live.png") });
  });
});
