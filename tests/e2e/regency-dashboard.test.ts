/**
 * Issue 14 end to end: the regency dashboard, built, served by the real
 * central server (`pnpm regency serve`) on its own PostgreSQL cluster, fed
 * by three real office hubs that ship what they did; then in Debian Chromium:
 *
 * - a wrong password and a locked name answer with the server's Indonesian
 *   messages;
 * - a regency user sees the offices ranked as the hubs' own reports say
 *   (every figure is computed here from the hubs' /api/reports, never copied
 *   from the screen), flips to OPDs, sorts, downloads the CSV, drills down
 *   to a service and its SOP steps, reads the standards gaps and prints the
 *   regency report to A4 (checked with poppler: no overlapping words, page
 *   numbers, letterhead, signature);
 * - an office manager lands on their own office and gets the refusal for
 *   another; a session that ends sends the page back to Masuk;
 * - in English (the header's switch): every view's headings, figures and
 *   dates, the printed report and a refusal, the choice kept over a reload
 *   and back to Indonesian;
 * - axe finds nothing on each screen; docs/screenshots/regency-*.png.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "@layan/config";
import { REGENCY_ERROR_MESSAGES, type IkmReport, type SummaryRow } from "@layan/protocol";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeSimulatedStore } from "../../apps/hub/src/simulate/write";
import { login } from "../../apps/hub/src/testing/harness";
import { addOffice, addUser, generatePassword, migrate, openPool, type Pool } from "../../apps/regency/src/index";
import { count, minutes, mutuLabel, pct } from "../../apps/regency-web/src/format";
import { STRINGS } from "../../apps/regency-web/src/strings";
import { withinBound } from "../support/percentile-bound";
import { freshDatabase, startPostgres, type PostgresCluster } from "../support/postgres";
import { centralEvents, eventually, hubSeq, issueTickets, joinRegency, projectionCurrent, startRegencyProcess, type RegencyProcess } from "../support/regency-server";
import { ROOT, startTestHub, type TestHub } from "../support/test-hub";
import { axeViolations } from "./axe";
import { hubContext, launchChromium } from "./browser";
import { overlaps, wordsByPage } from "./pdf-words.support";
import { buildRegencyWeb, RegencyPage } from "./page-models/regency";

const SHOTS = join(ROOT, "docs/screenshots");
const NOW = "2026-11-18T09:30:00+07:00";
/** The simulated days; "Bulan ini" on the 18th is 1–18 November and holds them and today's live tickets. */
const SIM_FROM = "2026-11-16";
const MONTH_FROM = "2026-11-01";
const TODAY = "2026-11-18";
/** Tickets issued live at the calm office this morning: known to the test, not to the simulator. */
const LIVE_TICKETS = 4;

const OFFICES = [
  { id: "disdukcapil", name: "Disdukcapil Kabupaten Contoh", agency: "Dinas Kependudukan dan Pencatatan Sipil", ticketsPerDay: 90, seed: 21 },
  { id: "dpmptsp", name: "DPMPTSP Kabupaten Contoh", agency: "Dinas Penanaman Modal dan PTSP", ticketsPerDay: 260, seed: 22 },
  { id: "samsat", name: "Samsat Kabupaten Contoh", agency: "Badan Pendapatan Daerah", ticketsPerDay: 520, seed: 23 },
] as const;
type OfficeId = (typeof OFFICES)[number]["id"];

let cluster: PostgresCluster;
let pool: Pool;
let regency: RegencyProcess;
let browser: Browser;
const hubs = new Map<OfficeId, TestHub>();
const contexts: BrowserContext[] = [];
const root = mkdtempSync(join(tmpdir(), "layan-regency-web-"));
const users = { staff: { username: "inspektorat", password: "" }, manager: { username: "kepala-dpmptsp", password: generatePassword() } };

/** What each hub says about itself for "Bulan ini": the figures the screen must show. */
const expected = new Map<OfficeId, { summary: SummaryRow; simulated: SummaryRow; ikm: IkmReport["total"]; services: (SummaryRow & { name: string })[] }>();

async function hubReport<T>(h: TestHub, path: string): Promise<T> {
  const token = await login(h.url, h.user("manager"));
  const res = await fetch(`${h.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return ((await res.json()) as { data: T }).data;
}

async function newPage(width = 1920, height = 1080): Promise<RegencyPage> {
  // The browser's clock is the hubs' pinned one, so "Bulan ini" is their November.
  const context = await hubContext(browser, hubs.get("disdukcapil")!, { viewport: { width, height }, locale: "id-ID", timezoneId: "Asia/Jakarta", acceptDownloads: true });
  contexts.push(context);
  return new RegencyPage(await context.newPage(), regency.url);
}

async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `regency-${name}.png`), fullPage });
}

async function noAxeViolations(page: Page): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
}

beforeAll(async () => {
  buildRegencyWeb();
  mkdirSync(SHOTS, { recursive: true });
  cluster = await startPostgres();
  const database = await freshDatabase(cluster.url());
  pool = openPool(database);
  await migrate(pool);
  const enrolledAt = Date.parse("2026-11-01T08:00:00+07:00");
  const credentials = new Map<OfficeId, string>();
  for (const o of OFFICES) credentials.set(o.id, await addOffice(pool, { id: o.id, name: o.name, agency: o.agency }, enrolledAt));
  // The logins: one as the regency's IT makes it (the CLI prints the generated password once), one with the function it calls.
  const made = execFileSync(process.execPath, ["--import", "tsx", "apps/regency/src/cli.ts", "user", "add", users.staff.username, "--name", "Inspektorat Kabupaten", "--role", "regency", "--database", database], {
    cwd: ROOT,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  users.staff.password = made.trim();
  await addUser(pool, { username: users.manager.username, displayName: "Kepala DPMPTSP", role: "office", officeId: "dpmptsp", password: users.manager.password }, enrolledAt);
  regency = await startRegencyProcess(database);

  const config = loadConfig(join(ROOT, "kiosk-config"));
  for (const o of OFFICES) {
    const dataDir = join(root, o.id);
    writeSimulatedStore({ config, out: join(dataDir, "layan.db"), startDay: SIM_FROM, days: 2, ticketsPerDay: o.ticketsPerDay, seed: o.seed });
    joinRegency(dataDir, regency.url, credentials.get(o.id)!);
    hubs.set(o.id, await startTestHub({ dataDir, now: NOW }));
  }
  const calm = hubs.get("disdukcapil")!;
  expect(await issueTickets(calm, LIVE_TICKETS, ["ktp-el"])).toBe(LIVE_TICKETS);
  for (const [id, h] of hubs) {
    const seq = await hubSeq(h);
    await eventually(async () => (await centralEvents(pool, id)).length >= seq, `central holds ${id}'s ${seq} events`, 120_000);
    const [summary] = (await hubReport<{ rows: SummaryRow[] }>(h, `/api/reports/summary?by=all&from=${MONTH_FROM}&to=${TODAY}`)).rows;
    const [simulated] = (await hubReport<{ rows: SummaryRow[] }>(h, `/api/reports/summary?by=all&from=${SIM_FROM}&to=2026-11-17`)).rows;
    const ikm = (await hubReport<IkmReport>(h, `/api/reports/ikm?by=all&from=${MONTH_FROM}&to=${TODAY}`)).total;
    const services = (await hubReport<{ rows: (SummaryRow & { name: string })[] }>(h, `/api/reports/summary?by=service&from=${MONTH_FROM}&to=${TODAY}`)).rows;
    expected.set(id, { summary: summary!, simulated: simulated!, ikm, services });
  }
  // An ack is not a projection: the dashboard reads the reports once the projector has caught up.
  await projectionCurrent(pool, [...hubs.keys()], 120_000);

  // A careless office: one published service without Biaya and Pengaduan.
  await pool.query(
    "UPDATE office_standards SET standard = standard - 'biaya' - 'pengaduan' WHERE office_id = 'samsat' AND service_id = (SELECT min(service_id) FROM office_standards WHERE office_id = 'samsat')",
  );
  browser = await launchChromium(["--lang=id"]);
}, 400_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  for (const h of hubs.values()) await h.stop();
  await regency?.stop();
  await pool?.end();
  await cluster?.stop();
  rmSync(root, { recursive: true, force: true });
}, 120_000);

/**
 * The screen's median ("12,3 mnt" to a tenth of a minute, "1 j 05 mnt" to a
 * minute) is the central one: within the histograms' stated bound of the
 * hub's exact figure (tests/support/percentile-bound.ts), plus the display's rounding.
 */
function expectMinutesNear(cell: string | undefined, exactMs: number | null): void {
  if (exactMs === null) {
    expect(cell).toBe(minutes(null));
    return;
  }
  const short = /^(\d+(?:,\d)?) mnt$/.exec(cell ?? "");
  const long = /^(\d+) j (\d{2}) mnt$/.exec(cell ?? "");
  expect(short ?? long, cell).not.toBeNull();
  const [ms, rounding] = short ? [Number(short[1]!.replace(",", ".")) * 60_000, 3_000] : [(Number(long![1]) * 60 + Number(long![2])) * 60_000, 30_000];
  expect(withinBound(ms, exactMs, rounding), `${cell} against exact ${exactMs} ms`).toBe(true);
}

/** The documented ranking (docs/api.md): wait compliance, then service compliance, then the shorter median wait. */
function expectedOrder(): OfficeId[] {
  const key = (p: number | null) => (p === null ? -1 : p);
  return [...expected.entries()]
    .sort(([, a], [, b]) => key(b.summary.waitMet.pct) - key(a.summary.waitMet.pct) || key(b.summary.serviceMet.pct) - key(a.summary.serviceMet.pct) || (a.summary.wait.p50Ms ?? Infinity) - (b.summary.wait.p50Ms ?? Infinity))
    .map(([id]) => id);
}

describe("Masuk", () => {
  it("answers a wrong password and a locked name with the server's Indonesian messages", async () => {
    const app = await newPage(1280, 800);
    await app.goto();
    await app.loginButton.waitFor();
    await shot(app.page, "masuk", false);
    await noAxeViolations(app.page);
    await app.login(users.staff.username, "bukan-kata-sandinya");
    await expect.poll(() => app.loginError.textContent()).toBe(REGENCY_ERROR_MESSAGES.LOGIN_FAILED.id);
    // A name nobody has, tried until the server locks it: the wait is said in words.
    for (let i = 0; i < 5; i++) {
      await app.login("tamu-tak-dikenal", "salah-lagi-salah-lagi");
      await expect.poll(() => app.loginError.getAttribute("data-code")).toMatch(/^LOGIN_(FAILED|LOCKED)$/);
    }
    await app.login("tamu-tak-dikenal", "salah-lagi-salah-lagi");
    await expect.poll(() => app.loginError.getAttribute("data-code")).toBe("LOGIN_LOCKED");
    expect(await app.loginError.textContent()).toMatch(new RegExp(`^${REGENCY_ERROR_MESSAGES.LOGIN_LOCKED.id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} Coba lagi dalam \\d+ (menit|detik)\\.$`));
  });
});

describe("a regency user", () => {
  let app: RegencyPage;

  beforeAll(async () => {
    app = await newPage();
    await app.goto();
    await app.loginAs(users.staff.username, users.staff.password);
  });

  it("sees the offices ranked as their hubs' own figures say, the worst flagged", async () => {
    expect(await app.signedInAs.textContent()).toContain("Inspektorat Kabupaten");
    expect(await app.page.getByRole("heading", { level: 2 }).first().textContent()).toBe("Peringkat kantor · 1 – 18 November 2026");
    const rows = await app.leagueRows();
    const order = expectedOrder();
    expect(rows.map((r) => r.key)).toEqual(order);
    for (const [i, row] of rows.entries()) {
      const e = expected.get(row.key as OfficeId)!;
      const office = OFFICES.find((o) => o.id === row.key)!;
      expect(row.cells.rank).toBe(String(i + 1));
      expect(row.cells.name).toContain(office.name);
      expect(row.cells.name).toContain(office.agency);
      expect(row.cells.issued).toBe(`${count(e.summary.issued)} / ${count(e.summary.served)}`);
      expectMinutesNear(row.cells.waitP50, e.summary.wait.p50Ms);
      expect(row.cells.waitPct).toBe(pct(e.summary.waitMet.pct));
      expect(row.cells.servicePct).toBe(pct(e.summary.serviceMet.pct));
      expect(row.cells.ikm).toContain(mutuLabel(e.ikm.mutu));
    }
    // This morning's live tickets are in "Bulan ini", on top of the simulated days.
    const calm = expected.get("disdukcapil")!;
    expect(calm.summary.issued! - calm.simulated.issued!).toBe(LIVE_TICKETS);
    // The last office is flagged, in words.
    const flags = await app.leagueTable.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => tr.querySelector('[data-testid="flag"]')?.textContent ?? null));
    expect(flags[flags.length - 1]).toContain("peringkat terbawah");
    expect(flags[0]).toBeNull();
    // Every office is projected (the test waited): the line dates the oldest office's figures and reports nothing pending.
    const currency = await app.page.getByTestId("currency").textContent();
    expect(currency).toMatch(/^Data paling lama: .+, sampai \d{1,2} \S+ 2026 pukul \d\d\.\d\d\.$/);
    expect(OFFICES.some((o) => currency!.includes(o.name))).toBe(true);
    await shot(app.page, "peringkat");
    await noAxeViolations(app.page);
  });

  it("sorts by a column, groups by OPD, and downloads the CSV the server makes", async () => {
    await app.sortBy("Tunggu median");
    const byWait = [...expected.entries()].sort(([, a], [, b]) => (a.summary.wait.p50Ms ?? 0) - (b.summary.wait.p50Ms ?? 0)).map(([id]) => id);
    expect((await app.leagueRows()).map((r) => r.key)).toEqual(byWait);
    await app.sortBy("Peringkat");

    const csv = await app.downloadCsv();
    expect(csv.name).toBe(`layan-peringkat-kantor-${MONTH_FROM}_${TODAY}.csv`);
    const lines = csv.text.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toMatch(/^Peringkat,Kantor\/OPD,Kode,/);
    expect(lines.slice(1).map((l) => l.split(",")[2])).toEqual(expectedOrder());
    for (const line of lines.slice(1)) {
      const cells = line.split(",");
      const e = expected.get(cells[2] as OfficeId)!;
      expect([cells[4], cells[5], cells[10]]).toEqual([String(e.summary.issued), String(e.summary.served), String(e.summary.waitMet.pct)]);
    }

    await app.groupBy("Per OPD");
    expect(await app.page.getByRole("heading", { level: 2 }).first().textContent()).toBe("Peringkat perangkat daerah · 1 – 18 November 2026");
    const agencies = await app.leagueRows();
    expect(agencies.map((r) => r.key)).toEqual(expectedOrder().map((id) => OFFICES.find((o) => o.id === id)!.agency));
    expect(agencies.every((r) => r.cells.name?.includes("1 kantor"))).toBe(true);
    await app.groupBy("Per kantor");
  });

  it("narrows the league to one service: each office ranked by its own figures for that service", async () => {
    const busiest = [...expected.get("samsat")!.services].sort((a, b) => b.served - a.served)[0]!;
    await app.chooseService(busiest.name);
    expect(await app.page.getByRole("heading", { level: 2 }).first().textContent()).toBe(`Peringkat kantor · ${busiest.name} · 1 – 18 November 2026`);
    const key = (p: number | null) => (p === null ? -1 : p);
    const own = [...expected.entries()].flatMap(([id, e]) => {
      const s = e.services.find((r) => r.key === busiest.key);
      return s ? [{ id, s }] : [];
    });
    const order = [...own]
      .sort((a, b) => key(b.s.waitMet.pct) - key(a.s.waitMet.pct) || key(b.s.serviceMet.pct) - key(a.s.serviceMet.pct) || (a.s.wait.p50Ms ?? Infinity) - (b.s.wait.p50Ms ?? Infinity))
      .map((o) => o.id);
    const rows = await app.leagueRows();
    expect(rows.map((r) => r.key)).toEqual(order);
    for (const row of rows) {
      const s = own.find((o) => o.id === row.key)!.s;
      expect(row.cells.issued).toBe(`${count(s.issued)} / ${count(s.served)}`);
      expect(row.cells.waitPct).toBe(pct(s.waitMet.pct));
    }
    const csv = await app.downloadCsv();
    expect(csv.name).toBe(`layan-peringkat-kantor-${busiest.key}-${MONTH_FROM}_${TODAY}.csv`);
    await app.chooseService(null);
    expect((await app.leagueRows()).map((r) => r.key)).toEqual(expectedOrder());
  });

  it("drills down to an office, a service and its SOP steps", async () => {
    const office = OFFICES[1];
    const e = expected.get(office.id)!;
    await app.openOffice(office.name);
    const totals = await app.officeTotals.textContent();
    expect(totals).toContain(count(e.summary.issued));
    expect(totals).toContain(pct(e.summary.waitMet.pct));
    expect(await app.page.getByTestId("currency").textContent()).toMatch(/^Data sampai \d{1,2} \S+ 2026 pukul \d\d\.\d\d\.$/);
    const serviceRows = await app.serviceTable.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => [(tr as HTMLElement).dataset.service, tr.querySelector("td")?.textContent]));
    expect(serviceRows.sort()).toEqual(e.services.map((s) => [s.key, s.name]).sort());

    const busiest = [...e.services].sort((a, b) => b.served - a.served)[0]!;
    await app.openService(busiest.name);
    const hubSteps = await hubReport<{ rows: { serviceId: string; stepId: string; n: number; stepName: string }[] }>(
      hubs.get(office.id)!,
      `/api/reports/steps?from=${MONTH_FROM}&to=${TODAY}&service=${busiest.key}`,
    );
    const steps = await app.stepTable.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent)));
    expect(steps.map((s) => [s[0], s[1]]).sort()).toEqual(hubSteps.rows.filter((r) => r.serviceId === busiest.key).map((r) => [r.stepName, count(r.n)]).sort());
    await app.page.getByRole("img", { name: /Tren bulanan/ }).waitFor();
    await shot(app.page, "kantor");
    await noAxeViolations(app.page);
  });

  it("names the services missing a Standar Pelayanan component, in Indonesian", async () => {
    await app.open("Kelengkapan Standar");
    const gap = app.gapsTable.locator('tr[data-office="samsat"][data-service]');
    await expect.poll(() => gap.count()).toBe(1);
    expect(await gap.locator("td").last().textContent()).toContain("Biaya/Tarif, Penanganan Pengaduan, Saran dan Masukan");
    for (const o of OFFICES.filter((o) => o.id !== "samsat")) expect(await app.gapsTable.locator(`tr[data-office="${o.id}"]`).textContent()).toContain("Lengkap");
    await shot(app.page, "standar");
    await noAxeViolations(app.page);
  });

  it("prints the regency report to A4: letterhead, league, gaps, summaries, signature, page numbers, no overlapping words", async () => {
    await app.open("Laporan cetak");
    for (const [name, value] of [["kabupaten", "Contoh"], ["tempat", "Kota Contoh"], ["jabatan", "Kepala Bagian Organisasi"], ["nama", "Dra. Nama Kepala Bagian, M.Si."], ["nip", "19720303 199803 2 003"]]) {
      await app.page.locator(`input[name="${name}"]`).fill(value!);
    }
    await app.report.getByTestId("league-table").waitFor();
    await app.settled();
    await app.page.emulateMedia({ media: "print" });
    const pdf = await app.page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true });
    await app.page.emulateMedia({ media: "screen" });
    const work = join(root, "pdf");
    mkdirSync(work, { recursive: true });
    const pdfPath = join(work, "laporan-kabupaten.pdf");
    writeFileSync(pdfPath, pdf);

    execFileSync("pdftotext", ["-bbox-layout", pdfPath, join(work, "laporan.html")]);
    const pages = wordsByPage(readFileSync(join(work, "laporan.html"), "utf8"));
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(pages.length).toBeLessThanOrEqual(4);
    for (const [i, words] of pages.entries()) {
      expect({ page: i + 1, overlaps: overlaps(words) }).toEqual({ page: i + 1, overlaps: [] });
      expect(words.map((w) => w.text).join(" ")).toContain(`Halaman ${i + 1} dari ${pages.length}`);
    }
    execFileSync("pdftotext", ["-layout", pdfPath, join(work, "laporan.txt")]);
    const text = readFileSync(join(work, "laporan.txt"), "utf8").replace(/\s+/g, " ");
    for (const phrase of [
      "PEMERINTAH KABUPATEN CONTOH",
      "Periode 1 – 18 November 2026",
      "Kelengkapan Standar Pelayanan",
      "Biaya/Tarif",
      "Kota Contoh, 18 November 2026",
      "Dra. Nama Kepala Bagian, M.Si.",
      "NIP 19720303 199803 2 003",
      ...OFFICES.map((o) => o.name),
    ]) {
      expect(text).toContain(phrase);
    }
    // The per-office summary says each office's own figures.
    for (const [id, e] of expected) expect(text).toContain(`${OFFICES.find((o) => o.id === id)!.name} (${OFFICES.find((o) => o.id === id)!.agency}) menerbitkan ${count(e.summary.issued)} antrean`);
    execFileSync("pdftoppm", ["-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile", pdfPath, join(work, "first")]);
    renameSync(join(work, "first.png"), join(SHOTS, "regency-laporan-cetak.png"));
  });

  it("goes back to Masuk when the session ends", async () => {
    await app.open("Peringkat");
    await app.page.context().clearCookies();
    await app.groupBy("Per OPD").catch(() => undefined);
    await app.loginButton.waitFor();
    expect(await app.loginNotice.textContent()).toBe("Sesi Anda telah berakhir. Silakan masuk kembali.");
  });
});

describe("in English", () => {
  let app: RegencyPage;
  const en = STRINGS.en;

  beforeAll(async () => {
    app = await newPage();
    await app.goto();
    await app.loginAs(users.staff.username, users.staff.password);
  });

  it("is Indonesian on a first visit, switches to English from the header and keeps it over a reload", async () => {
    expect(await app.page.evaluate(() => [document.documentElement.lang, localStorage.getItem("layan.regency.lang.v1")])).toEqual(["id", null]);
    await app.chooseLanguage("English");
    expect(await app.page.evaluate(() => [document.documentElement.lang, document.title, localStorage.getItem("layan.regency.lang.v1")])).toEqual(["en", en.docTitle, '"en"']);
    expect(await app.page.getByRole("heading", { level: 2 }).first().textContent()).toBe("Office league · 1 – 18 November 2026");
    expect(await app.tabs.allTextContents()).toEqual(["League", "Standards completeness", "Printable report"]);
    const rows = await app.leagueRows();
    expect(rows.map((r) => r.key)).toEqual(expectedOrder());
    for (const row of rows) {
      const e = expected.get(row.key as OfficeId)!;
      expect(row.cells.issued).toBe(`${count(e.summary.issued, "en")} / ${count(e.summary.served, "en")}`);
      expect(row.cells.waitPct).toBe(pct(e.summary.waitMet.pct, "en"));
      expect(row.cells.ikm).toContain(mutuLabel(e.ikm.mutu, "en"));
      expect(row.cells.waitP50).toMatch(/^(\d+(\.\d)? min|\d+ h \d\d min|–)$/);
    }
    const flags = await app.leagueTable.locator('[data-testid="flag"]').allTextContents();
    expect(flags.at(-1)).toContain("Needs attention: ranked last");
    expect(await app.page.getByTestId("currency").textContent()).toMatch(/^Oldest figures: .+, up to \d{1,2} [A-Z][a-z]+ 2026 at \d\d:\d\d\.$/);
    expect(await app.page.locator('select[name="layanan"] option[value=""]').textContent()).toBe(en.allServices);
    expect(await app.page.getByRole("group", { name: en.period }).getByRole("button", { pressed: true }).textContent()).toBe("This month");
    await shot(app.page, "peringkat-en");
    await noAxeViolations(app.page);

    await app.page.reload();
    await app.signedInAs.waitFor();
    await app.settled();
    expect(await app.page.evaluate(() => document.documentElement.lang)).toBe("en");
    expect(await app.page.getByRole("heading", { level: 2 }).first().textContent()).toBe("Office league · 1 – 18 November 2026");
  });

  it("groups by agency and downloads the same CSV: its columns stay Indonesian, for the spreadsheets that read them", async () => {
    await app.groupBy("By agency (OPD)");
    expect(await app.page.getByRole("heading", { level: 2 }).first().textContent()).toBe("Agency league · 1 – 18 November 2026");
    expect((await app.leagueRows()).every((r) => r.cells.name?.includes("1 office"))).toBe(true);
    await app.groupBy("By office");
    const csv = await app.downloadCsv(en.downloadCsv);
    expect(csv.text.replace(/^\uFEFF/, "").split("\r\n")[0]).toMatch(/^Peringkat,Kantor\/OPD,Kode,/);
  });

  it("drills down to an office and a service's SOP steps in English", async () => {
    const office = OFFICES[1];
    const e = expected.get(office.id)!;
    await app.openOffice(office.name);
    expect(await app.page.getByRole("heading", { level: 2 }).first().textContent()).toBe(`${office.name} · 1 – 18 November 2026`);
    const totals = await app.officeTotals.textContent();
    expect(totals).toContain(`${en.issued}${count(e.summary.issued, "en")}`);
    expect(totals).toContain(pct(e.summary.waitMet.pct, "en"));
    expect(await app.page.getByTestId("currency").textContent()).toMatch(/^Figures up to \d{1,2} [A-Z][a-z]+ 2026 at \d\d:\d\d\.$/);
    expect(await app.serviceTable.locator("thead th").allTextContents()).toEqual(Object.values(en.serviceCols));
    const busiest = [...e.services].sort((a, b) => b.served - a.served)[0]!;
    await app.openService(busiest.name, en.stepsTitle);
    expect(await app.stepTable.locator("thead th").allTextContents()).toEqual(Object.values(en.stepCols));
    await app.page.getByRole("img", { name: /^Monthly trend/ }).waitFor();
    expect(await app.page.getByRole("heading", { name: `${en.trendTitle} · ${busiest.name}` }).count()).toBe(1);
    await app.page.getByRole("link", { name: en.backToLeague }).waitFor();
    await noAxeViolations(app.page);
  });

  it("names the missing components in English with the regulation's terms", async () => {
    await app.open("Standards completeness");
    expect(await app.page.getByRole("heading", { level: 2 }).first().textContent()).toBe(en.gapsTitle);
    const gap = app.gapsTable.locator('tr[data-office="samsat"][data-service]');
    await expect.poll(() => gap.count()).toBe(1);
    expect(await gap.locator("td").last().textContent()).toContain("Cost (Biaya/Tarif), Complaints handling (Pengaduan)");
    expect(await app.gapsTable.locator('tr[data-office="disdukcapil"]').textContent()).toContain("Complete: all");
    await noAxeViolations(app.page);
  });

  it("prints the regency report in English: headings, dates, numbers and page footer", async () => {
    await app.open("Printable report");
    for (const [name, value] of [["kabupaten", "Contoh"], ["tempat", "Kota Contoh"], ["jabatan", "Head of the Organisation Division"], ["nama", "Dra. Nama Kepala Bagian, M.Si."], ["nip", "19720303 199803 2 003"]]) {
      await app.page.locator(`input[name="${name}"]`).fill(value!);
    }
    await app.report.getByTestId("league-table").waitFor();
    await app.settled();
    await app.page.emulateMedia({ media: "print" });
    const pdf = await app.page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true });
    await app.page.emulateMedia({ media: "screen" });
    const work = join(root, "pdf-en");
    mkdirSync(work, { recursive: true });
    const pdfPath = join(work, "report.pdf");
    writeFileSync(pdfPath, pdf);
    execFileSync("pdftotext", ["-bbox-layout", pdfPath, join(work, "report.html")]);
    const pages = wordsByPage(readFileSync(join(work, "report.html"), "utf8"));
    for (const [i, words] of pages.entries()) {
      expect({ page: i + 1, overlaps: overlaps(words) }).toEqual({ page: i + 1, overlaps: [] });
      expect(words.map((w) => w.text).join(" ")).toContain(`Page ${i + 1} of ${pages.length}`);
    }
    execFileSync("pdftotext", ["-layout", pdfPath, join(work, "report.txt")]);
    const text = readFileSync(join(work, "report.txt"), "utf8").replace(/\s+/g, " ");
    for (const phrase of ["GOVERNMENT OF CONTOH REGENCY", en.reportTitle, "Period 1 – 18 November 2026", en.reportGaps, "Cost (Biaya/Tarif)", "Kota Contoh, 18 November 2026", "NIP 19720303 199803 2 003"]) {
      expect(text).toContain(phrase);
    }
    expect(text).not.toContain("Halaman");
    for (const [id, e] of expected) {
      const o = OFFICES.find((x) => x.id === id)!;
      expect(text).toContain(`${o.name} (${o.agency}) issued ${count(e.summary.issued, "en")} tickets`);
    }
  });

  it("signs in and refuses in English, then goes back to Indonesian for good", async () => {
    await app.open("League");
    await app.signOut(en.signOut);
    expect(await app.page.locator("#login-title").textContent()).toContain(en.signIn);
    await app.page.getByLabel(en.username).fill(users.staff.username);
    await app.page.getByLabel(en.password).fill("not-the-password-at-all");
    await app.page.getByRole("button", { name: en.signIn, exact: true }).click();
    await expect.poll(() => app.loginError.textContent()).toBe(en.errors.LOGIN_FAILED);
    await noAxeViolations(app.page);
    // The refusal is kept by its code: switching says it again in Indonesian.
    await app.chooseLanguage("Bahasa Indonesia");
    expect(await app.loginError.textContent()).toBe(REGENCY_ERROR_MESSAGES.LOGIN_FAILED.id);
    await app.loginAs(users.staff.username, users.staff.password);
    expect(await app.page.getByRole("heading", { level: 2 }).first().textContent()).toBe("Peringkat kantor · 1 – 18 November 2026");
    await app.page.reload();
    await app.signedInAs.waitFor();
    await app.settled();
    expect(await app.page.evaluate(() => [document.documentElement.lang, localStorage.getItem("layan.regency.lang.v1")])).toEqual(["id", '"id"']);
    expect(await app.tabs.allTextContents()).toEqual(["Peringkat", "Kelengkapan Standar", "Laporan cetak"]);
  });
});

describe("an office manager", () => {
  it("lands on their own office, has no league, and is refused another office", async () => {
    const app = await newPage(390, 844);
    await app.goto("#/peringkat");
    await app.loginAs(users.manager.username, users.manager.password);
    await app.page.waitForURL(/#\/kantor\/dpmptsp/);
    await app.serviceTable.waitFor();
    await app.settled();
    expect(await app.tabs.allTextContents()).toEqual(["Kantor saya", "Kelengkapan Standar", "Laporan cetak"]);
    expect(await app.officeTotals.textContent()).toContain(count(expected.get("dpmptsp")!.summary.issued));
    // Nothing on a phone is wider than the phone but the tables, which scroll inside their panel.
    expect(await app.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(app.page, "kantor-ponsel");
    await noAxeViolations(app.page);

    await app.goto("#/kantor/samsat");
    await app.refusal.waitFor();
    expect(await app.refusal.textContent()).toBe(REGENCY_ERROR_MESSAGES.OFFICE_OUT_OF_SCOPE.id);
    await app.open("Laporan cetak");
    await app.report.getByTestId("league-table").waitFor();
    expect((await app.report.locator('[data-testid="league-table"] tbody tr').evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.office)))).toEqual(["dpmptsp"]);
    await app.signOut();
  });
});
