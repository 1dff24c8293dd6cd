/**
 * Issue #12, self-assessment: a manager opens "Penilaian Mandiri", sees each
 * indicator Ombudsman RI assessors check with Layan's evidence and the
 * office's own zone estimate, narrows it to one agency, and prints it to an
 * A4 PDF (Debian Chromium, as "Simpan sebagai PDF" does) whose text carries
 * the indicators, the zone, the letterhead and the signature block.
 * Screenshots: docs/screenshots/dashboard-assessment*.png.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SHOTS, startPrintingOffice, type PrintingOffice } from "./printed-report.support";

let office: PrintingOffice;

beforeAll(async () => {
  office = await startPrintingOffice({ name: "assess", now: "2026-12-01T09:00:00+07:00", days: 21, ticketsPerDay: 80, seed: 7 });
});

afterAll(async () => {
  await office?.close();
});

describe("Penilaian Mandiri in the dashboard", () => {
  it("lists the indicators with their evidence and the zone estimate, per agency, and prints them to A4", async () => {
    const { work } = office;
    const dash = await office.manager();
    const { page } = dash;
    await page.getByRole("link", { name: "Penilaian Mandiri", exact: true }).click();
    await page.waitForURL(/#\/penilaian/);
    await page.getByTestId("assessment-report").waitFor();
    await dash.settled();

    const report = page.getByTestId("assessment-report");
    await expect.poll(() => report.locator("h1").textContent()).toBe("Penilaian Mandiri Kepatuhan Standar Pelayanan");
    const statusOf = (key: string) => report.locator(`tr[data-key="${key}"]`).getAttribute("data-status");
    expect(await statusOf("komponen")).toBe("terpenuhi");
    expect(await statusOf("maklumat")).toBe("terpenuhi");
    // The simulated weeks have survey answers, fewer than the minimum sample for the citizens served: not yet met.
    expect(await statusOf("skm")).toBe("belum");
    const skm = (await report.locator('tr[data-key="skm"] td').nth(2).textContent()) ?? "";
    const sample = /^(\d+) responden dari [\d.]+ warga dilayani \(sampel minimum (\d+), belum tercapai\); IKM \d+,\d\d, mutu [A-D]/.exec(skm);
    expect(sample, skm).not.toBeNull();
    expect(Number(sample![1])).toBeGreaterThan(0);
    expect(Number(sample![1])).toBeLessThan(Number(sample![2]));
    expect(await statusOf("seragam")).toBe("di_luar_layan");
    expect(await page.getByTestId("assessment-lines").locator("tbody tr").count()).toBe(8);
    expect(await page.getByTestId("assessment-outside").locator("tbody tr").count()).toBe(3);
    const zone = (await page.getByTestId("assessment-zone").textContent()) ?? "";
    expect(zone).toMatch(/Perkiraan: Zona (merah|kuning|hijau)/);
    expect(zone).toContain("bukan penilaian Ombudsman RI");
    await page.screenshot({ path: join(SHOTS, "dashboard-assessment.png"), fullPage: true });

    await page.getByLabel("Instansi").selectOption("disdukcapil");
    await page.waitForURL(/agency=disdukcapil/);
    await expect.poll(() => report.locator(".doc__period").textContent()).toContain("Dinas Kependudukan");
    expect(await report.locator('tr[data-key="komponen"]').textContent()).not.toContain("STNK");

    await page.getByLabel("Tahun").selectOption("2025");
    await page.waitForURL(/year=2025/);
    await expect.poll(() => report.locator(".doc__period").textContent()).toContain("Tahun 2025");
    expect(await statusOf("waktu_sop")).toBe("belum");
    await page.getByLabel("Tahun").selectOption("2026");
    await page.waitForURL(/year=2026/);
    await expect.poll(() => report.locator(".doc__period").textContent()).toContain("Tahun 2026");

    await page.emulateMedia({ media: "print" });
    const pdf = await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true });
    await page.emulateMedia({ media: "screen" });
    await page.context().close();
    const pdfPath = join(work, "penilaian.pdf");
    writeFileSync(pdfPath, pdf);
    // Content-stream order: a table row's cells come out one after another, not interleaved by line.
    execFileSync("pdftotext", ["-raw", pdfPath, join(work, "penilaian.txt")]);
    const text = readFileSync(join(work, "penilaian.txt"), "utf8").replace(/\s+/g, " ");
    expect(text).toContain("PEMERINTAH KABUPATEN PESAWARAN");
    expect(text).toContain("PENILAIAN MANDIRI KEPATUHAN STANDAR PELAYANAN");
    for (const indicator of [
      "Enam komponen standar pelayanan dipublikasikan per layanan",
      "Maklumat Pelayanan dipublikasikan",
      "Survei Kepuasan Masyarakat dilaksanakan tahun 2026",
      "Sarana pengaduan tersedia",
      "Pelayanan khusus kelompok rentan",
      "Waktu pelayanan sesuai standar (SOP)",
      "Visi, misi dan motto pelayanan dipublikasikan",
      "Seragam dan tanda pengenal (name tag) petugas",
    ]) {
      expect(text).toContain(indicator);
    }
    expect(text).toMatch(/Perkiraan: Zona (merah|kuning|hijau)/);
    expect(text).toContain("Gedong Tataan, 1 Desember 2026");
    expect(text).toContain("NIP 19700101 199503 1 001");
    expect(text).toContain("Halaman 1 dari");

    execFileSync("pdftoppm", ["-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile", pdfPath, join(SHOTS, "dashboard-assessment-print")]);
  });
});
