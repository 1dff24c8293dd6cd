import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { layoutComplaint, type ComplaintPrint } from "./complaint";
import { decodeEscPos } from "./decoder";
import { PAPER, type PaperWidth } from "./paper";

/** Friday 27 November 2026, 08:15 in Jakarta; due at the end of the fifth working day after. */
const sample: ComplaintPrint = {
  officeName: "Mal Pelayanan Publik Kota Bandung",
  officeAddress: "Jl. Cianjur No. 34, Kacapiring, Batununggal",
  code: "PGD-7K3M9QXR",
  categoryLabel: "Waktu pelayanan",
  serviceName: "Perekaman KTP-el",
  filedAt: Date.UTC(2026, 10, 27, 1, 15),
  dueAt: Date.UTC(2026, 11, 4, 9, 0),
  targetWorkingDays: 5,
  timeZone: "Asia/Jakarta",
  statusUrl: "https://layan.bandung.go.id/pengaduan/PGD-7K3M9QXR",
  elsewhere: [
    { name: "SP4N-LAPOR!", contact: "lapor.go.id / SMS 1708" },
    { name: "Ombudsman RI Perwakilan Jawa Barat", contact: "137" },
  ],
};

const goldenPath = (paper: PaperWidth) => new URL(`./__fixtures__/complaint-${paper}.txt`, import.meta.url);
const golden = (paper: PaperWidth) => readFileSync(goldenPath(paper), "utf8").replace(/\n$/, "");
const flat = (text: string) => text.replace(/\s+/g, " ");

describe.each(["58mm", "80mm"] as const)("layoutComplaint on %s paper", (paper) => {
  const decoded = decodeEscPos(layoutComplaint(sample, { paper }), { paper });

  it("prints the golden text", () => {
    expect(decoded.text).toBe(golden(paper));
  });

  it("prints the code double size and bold, on one line, and never lets the printer wrap", () => {
    const code = decoded.lines.find((l) => l.kind === "text" && l.text === sample.code);
    expect(code).toMatchObject({ kind: "text", align: "center", wrapped: false, runs: [{ width: 2, height: 2, bold: true }] });
    for (const line of decoded.lines) {
      if (line.kind !== "text") continue;
      expect(line.wrapped, line.text).toBe(false);
      expect(line.columns, line.text).toBeLessThanOrEqual(PAPER[paper].columns);
    }
  });

  it("carries the status page in its QR code, the due date and the other channels", () => {
    expect(decoded.qr).toEqual([sample.statusUrl]);
    expect(decoded.text).toContain("BUKTI PENGADUAN");
    expect(flat(decoded.text)).toContain("Jumat, 4 Desember 2026 (5 hari kerja)");
    expect(flat(decoded.text)).toContain("SP4N-LAPOR!: lapor.go.id / SMS 1708");
    expect(decoded.text.endsWith("[cut]")).toBe(true);
  });
});

describe("layoutComplaint without a public address", () => {
  it("prints no QR code and tells the citizen to ask with the code", () => {
    const decoded = decodeEscPos(layoutComplaint({ ...sample, statusUrl: null, elsewhere: [] }, { paper: "58mm" }), { paper: "58mm" });
    expect(decoded.qr).toEqual([]);
    expect(flat(decoded.text)).toContain("Tanyakan status dengan kode ini");
    expect(decoded.text).not.toContain("Saluran pengaduan lain");
  });
});
