/**
 * Issue #12: the monthly report an Ombudsman assessor accepts, printed by
 * Debian Chromium to an A4 PDF exactly as a manager's "Simpan sebagai PDF"
 * does, then read back with poppler (pdftotext -bbox-layout): no two words
 * overlap on any page, every page carries "Halaman i dari n", the letterhead,
 * the signatories' names and NIPs are there, and no percentile jargon is.
 * The first and last pages are saved as docs/screenshots/laporan-bulanan-*.png.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { overlaps, wordsByPage } from "./pdf-words.support";
import { SHOTS, startPrintingOffice, type PrintingOffice } from "./printed-report.support";
/** 1 December: November, the report's month, is complete. */
const NOW = "2026-12-01T09:00:00+07:00";

let office: PrintingOffice;

beforeAll(async () => {
  office = await startPrintingOffice({ name: "monthly", now: NOW, days: 35, ticketsPerDay: 200, seed: 12 });
});

afterAll(async () => {
  await office?.close();
});

describe("the monthly report printed to A4", () => {
  it("has no overlapping text, page numbers on every page, letterhead, signatures with NIP, plain words", async () => {
    const { hub, work } = office;
    const dash = await office.manager();
    await dash.page.goto(`${hub.url}/dashboard/#/kepatuhan?month=2026-11`);
    await dash.complianceReport.waitFor();
    await dash.settled();
    await dash.page.getByTestId("report-signing").waitFor();
    await dash.page.emulateMedia({ media: "print" });
    const pdf = await dash.page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true });
    await dash.page.context().close();
    const pdfPath = join(work, "laporan.pdf");
    writeFileSync(pdfPath, pdf);

    execFileSync("pdftotext", ["-bbox-layout", pdfPath, join(work, "laporan.html")]);
    const pages = wordsByPage(readFileSync(join(work, "laporan.html"), "utf8"));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages.length).toBeLessThanOrEqual(10);
    for (const [i, words] of pages.entries()) {
      expect({ page: i + 1, overlaps: overlaps(words) }).toEqual({ page: i + 1, overlaps: [] });
      const text = words.map((w) => w.text).join(" ");
      expect(text).toContain(`Halaman ${i + 1} dari ${pages.length}`);
    }

    execFileSync("pdftotext", ["-layout", pdfPath, join(work, "laporan.txt")]);
    const text = readFileSync(join(work, "laporan.txt"), "utf8").replace(/\s+/g, " ");
    // Letterhead, place and date, both signatories with NIP, every section, the plain-words wait.
    const phrases = [
      "PEMERINTAH KABUPATEN PESAWARAN",
      "LAPORAN KEPATUHAN STANDAR PELAYANAN",
      "Gedong Tataan, 1 Desember 2026",
      "Drs. Nama Kepala Dinas, M.Si.",
      "NIP 19700101 199503 1 001",
      "Nama Pengelola Pengaduan, S.Sos.",
      "NIP 19850202 201001 2 002",
      "Survei Kepuasan Masyarakat",
      "Pengaduan",
      "Antrean prioritas",
      "Maklumat Pelayanan",
      "9 dari 10 warga menunggu paling lama",
    ];
    for (const phrase of phrases) expect(text).toContain(phrase);
    expect(text).not.toMatch(/\bp[59]0\b/);

    // What a reader sees: the first and the last page, for docs/screenshots.
    const last = String(pages.length);
    execFileSync("pdftoppm", ["-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile", pdfPath, join(work, "first")]);
    execFileSync("pdftoppm", ["-png", "-r", "70", "-f", last, "-l", last, "-singlefile", pdfPath, join(work, "last")]);
    renameSync(join(work, "first.png"), join(SHOTS, "laporan-bulanan-1.png"));
    renameSync(join(work, "last.png"), join(SHOTS, "laporan-bulanan-akhir.png"));
  });
});
