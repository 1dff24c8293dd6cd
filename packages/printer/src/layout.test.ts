import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ISSUED_AT, sampleTicket } from "./__fixtures__/sample-ticket";
import { readQrFromPng } from "./__fixtures__/read-qr";
import { decodeEscPos } from "./decoder";
import { layoutTicket, MAX_REQUIREMENTS } from "./layout";
import { PAPER, type PaperWidth } from "./paper";
import type { TicketPrint } from "./ticket";

const golden = (paper: PaperWidth) =>
  readFileSync(new URL(`./__fixtures__/ticket-${paper}.txt`, import.meta.url), "utf8").replace(/\n$/, "");

const print = (ticket: TicketPrint, paper: PaperWidth) => {
  const bytes = layoutTicket(ticket, { paper });
  return { bytes, decoded: decodeEscPos(bytes, { paper }) };
};

const indexOf = (haystack: Buffer, needle: number[]) => haystack.indexOf(Buffer.from(needle));

describe.each(["58mm", "80mm"] as const)("layoutTicket on %s paper", (paper) => {
  const { bytes, decoded } = print(sampleTicket, paper);
  const columns = PAPER[paper].columns;

  it("prints the golden text", () => {
    expect(decoded.text).toBe(golden(paper));
  });

  it("never lets the printer wrap a line", () => {
    for (const line of decoded.lines) {
      if (line.kind !== "text") continue;
      expect(line.wrapped, line.text).toBe(false);
      expect(line.columns, line.text).toBeLessThanOrEqual(columns);
    }
  });

  it("prints the number quad size and bold, to be read at arm's length, then returns to normal", () => {
    const number = decoded.lines.find((line) => line.kind === "text" && line.text === "A-012");
    expect(number).toMatchObject({
      kind: "text",
      align: "center",
      wrapped: false,
      runs: [{ width: 4, height: 4, bold: true }],
    });
    expect(indexOf(bytes, [0x1d, 0x21, 0x33])).toBeGreaterThan(0);
    const after = decoded.lines[decoded.lines.indexOf(number!) + 1];
    expect(after).toMatchObject({ kind: "text", runs: [{ width: 1, height: 1 }] });
  });

  it("selects the code page it encodes with (ESC t 2, PC850) right after ESC @", () => {
    expect([...bytes.subarray(0, 5)]).toEqual([0x1b, 0x40, 0x1b, 0x74, 0x02]);
  });

  it("uses the standard GS ( k model 2 QR sequence, never escpos' GS Z", () => {
    expect(indexOf(bytes, [0x1d, 0x28, 0x6b, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00])).toBeGreaterThan(0); // model 2
    expect(indexOf(bytes, [0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x45, 0x31])).toBeGreaterThan(0); // EC level M
    expect(indexOf(bytes, [0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30])).toBeGreaterThan(0); // print
    expect(indexOf(bytes, [0x1d, 0x5a])).toBe(-1);
    expect(indexOf(bytes, [0x1b, 0x5a])).toBe(-1);
    expect(decoded.qr).toEqual([sampleTicket.statusUrl]);
  });

  it("renders a QR that a camera reads back as the status URL", () => {
    expect(readQrFromPng(decoded.image)).toBe(sampleTicket.statusUrl);
  });

  it("ends with a cut", () => {
    expect(decoded.cut).toBe(true);
    expect(decoded.lines.at(-1)).toEqual({ kind: "cut" });
    expect([...bytes.subarray(-3)]).toEqual([0x1d, 0x56, 0x00]);
  });
});

describe("layoutTicket content", () => {
  it("prints PRIORITAS and the category for the priority lane, and not otherwise", () => {
    const priority = print({ ...sampleTicket, priority: "ibu-hamil-menyusui" }, "58mm").decoded.text;
    expect(priority).toMatch(/^ +PRIORITAS$/m);
    expect(priority).toMatch(/^ +Ibu Hamil \/ Menyusui$/m);
    expect(print(sampleTicket, "58mm").decoded.text).not.toContain("PRIORITAS");
  });

  it("prints a booked visit's reservation line under the number, and nothing for a walk-in", () => {
    const booked = print({ ...sampleTicket, reservation: "Reservasi 09.30" }, "58mm").decoded.text;
    expect(booked).toMatch(/^ +Reservasi 09\.30$/m);
    expect(booked.indexOf("Reservasi 09.30")).toBeLessThan(booked.indexOf(sampleTicket.serviceName));
    expect(print(sampleTicket, "58mm").decoded.text).not.toContain("Reservasi");
  });

  it("caps the checklist and says how many more there are", () => {
    const requirements = Array.from({ length: MAX_REQUIREMENTS + 3 }, (_, i) => ({
      text: `Dokumen ${i + 1}`,
      condition: null,
    }));
    const text = print({ ...sampleTicket, requirements }, "80mm").decoded.text;
    expect(text.match(/^\[ \] /gm)).toHaveLength(MAX_REQUIREMENTS);
    expect(text).toContain(`[ ] Dokumen ${MAX_REQUIREMENTS}\n`);
    expect(text).not.toContain(`Dokumen ${MAX_REQUIREMENTS + 1}`);
    expect(text).toContain("+ 3 persyaratan lain, lihat QR");
  });

  it("keeps the longest number (two-letter prefix, four digits) on one quad-size line of 58 mm paper", () => {
    const { decoded } = print({ ...sampleTicket, ticketNumber: "SK-1500" }, "58mm");
    const number = decoded.lines.find((line) => line.kind === "text" && line.text === "SK-1500");
    expect(number).toMatchObject({ kind: "text", wrapped: false, runs: [{ width: 4, height: 4 }] });
    expect(number?.kind === "text" && number.columns).toBeLessThanOrEqual(PAPER["58mm"].columns);
  });

  it("keeps a requirement's condition with it, on both papers", () => {
    // A conditional document printed as unconditional sends citizens off to fetch papers they do not need.
    const requirements = [
      { text: "KTP-el lama", condition: "Untuk KTP-el rusak atau perubahan data" },
      { text: "Surat keterangan kehilangan dari Kepolisian", condition: "Hanya untuk KTP-el yang hilang" },
    ];
    const wide = print({ ...sampleTicket, requirements }, "80mm").decoded.text;
    expect(wide).toContain("[ ] KTP-el lama\n    (Untuk KTP-el rusak atau perubahan data)\n");
    expect(wide).toContain("[ ] Surat keterangan kehilangan dari Kepolisian\n    (Hanya untuk KTP-el yang hilang)\n");
    const narrow = print({ ...sampleTicket, requirements }, "58mm").decoded;
    expect(narrow.text).toContain("[ ] KTP-el lama\n    (Untuk KTP-el rusak atau\n    perubahan data)\n");
    expect(narrow.text).toContain("    (Hanya untuk KTP-el yang\n    hilang)\n");
  });

  it("leaves out the checklist heading when there is nothing to bring", () => {
    expect(print({ ...sampleTicket, requirements: [{ text: " ", condition: null }] }, "58mm").decoded.text).not.toContain("Persyaratan");
  });

  it("breaks a word longer than the paper instead of overflowing", () => {
    const { decoded } = print({ ...sampleTicket, requirements: [{ text: "x".repeat(70), condition: null }] }, "58mm");
    const lines = decoded.lines.filter((line) => line.kind === "text" && line.text.includes("xxx"));
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(line.kind === "text" && !line.wrapped && line.columns <= 32).toBe(true);
  });

  it("transliterates what PC850 lacks and keeps what it has", () => {
    const { bytes, decoded } = print(
      {
        ...sampleTicket,
        requirements: [
          { text: "Surat “asli” – bukan salinan…", condition: null },
          { text: "Formulir café", condition: null },
        ],
      },
      "80mm",
    );
    expect(decoded.text).toContain('[ ] Surat "asli" - bukan salinan...');
    expect(decoded.text).toContain("[ ] Formulir café");
    expect(bytes.includes(Buffer.from("caf\x82", "latin1"))).toBe(true); // é is 0x82 in PC850
    expect(bytes.includes(Buffer.from("?"))).toBe(false);
  });

  it("writes the wait range and the people ahead in Indonesian", () => {
    const text = print({ ...sampleTicket, peopleAhead: 0, waitEstimate: { p50: 0.2, p90: 0.4 } }, "80mm")
      .decoded.text;
    expect(text).toContain("Menunggu: Anda berikutnya");
    expect(text).toContain("Perkiraan tunggu: kurang dari 1 menit");
    const long = print({ ...sampleTicket, waitEstimate: { p50: 216, p90: 288 } }, "58mm").decoded.text;
    expect(long).toContain("Perkiraan tunggu: 3 jam 35 menit\n- 4 jam 50 menit");
  });

  it("says no counter is open yet, and never 'Anda berikutnya', while there is no estimate", () => {
    const text = print({ ...sampleTicket, peopleAhead: 0, waitEstimate: null }, "80mm").decoded.text;
    expect(text).toContain("Menunggu: Tidak ada antrean di depan Anda");
    expect(text).toContain("Perkiraan tunggu: belum ada loket buka");
    expect(text).not.toContain("berikutnya");
  });

  it("uses the office's time zone for the date line", () => {
    const makassar = print({ ...sampleTicket, timeZone: "Asia/Makassar" }, "80mm").decoded.text;
    expect(makassar).toContain("Jumat, 27 November 2026 09:15 WITA");
    const jayapura = print(
      { ...sampleTicket, timeZone: "Asia/Jayapura", issuedAt: ISSUED_AT + 15 * 3600_000 },
      "58mm",
    );
    expect(jayapura.decoded.text).toMatch(/^ +Sabtu, 28 November 2026$/m);
    expect(jayapura.decoded.text).toMatch(/^ +01:15 WIT$/m);
  });

  it("keeps a long status URL's QR within the paper and readable", () => {
    const statusUrl = `https://layan.bandung.go.id/antrean/status?ticket=${"A".repeat(120)}`;
    const { decoded } = print({ ...sampleTicket, statusUrl }, "58mm");
    expect(readQrFromPng(decoded.image)).toBe(statusUrl);
  });
});

describe("layoutTicket without a usable status URL", () => {
  it("still prints the ticket, just without the QR code", () => {
    for (const statusUrl of ["", "   ", `https://x.go.id/${"a".repeat(3000)}`]) {
      const { bytes, decoded } = print({ ...sampleTicket, statusUrl }, "58mm");
      expect(decoded.qr).toEqual([]);
      expect(decoded.text).toContain("A-012");
      expect(decoded.text).not.toContain("Pindai");
      expect(decoded.cut).toBe(true);
      expect(indexOf(bytes, [0x1d, 0x28, 0x6b])).toBe(-1);
    }
  });
});
