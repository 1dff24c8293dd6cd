import { describe, expect, it } from "vitest";
import { transliterate } from "./codepage";
import { formatIssuedAt, wrapBalanced, wrapText } from "./format";
import { formatDuration, formatPeopleAhead, formatWaitRange } from "./wording";
import { ISSUED_AT } from "./__fixtures__/sample-ticket";

describe("formatIssuedAt", () => {
  it("writes the Indonesian weekday and month with the zone's local name", () => {
    expect(formatIssuedAt(ISSUED_AT, "Asia/Jakarta")).toEqual({
      date: "Jumat, 27 November 2026",
      time: "08:15 WIB",
    });
    expect(formatIssuedAt(ISSUED_AT, "Asia/Pontianak").time).toBe("08:15 WIB");
    expect(formatIssuedAt(ISSUED_AT, "Asia/Makassar").time).toBe("09:15 WITA");
    expect(formatIssuedAt(ISSUED_AT, "Asia/Jayapura").time).toBe("10:15 WIT");
  });

  it("uses 24-hour time and the office's date across midnight", () => {
    const late = Date.UTC(2026, 0, 31, 16, 5); // 23:05 in Jakarta, already 1 February in Jayapura
    expect(formatIssuedAt(late, "Asia/Jakarta")).toEqual({
      date: "Sabtu, 31 Januari 2026",
      time: "23:05 WIB",
    });
    expect(formatIssuedAt(late, "Asia/Jayapura")).toEqual({
      date: "Minggu, 1 Februari 2026",
      time: "01:05 WIT",
    });
  });

  it("falls back to Intl's zone name outside Indonesia", () => {
    expect(formatIssuedAt(ISSUED_AT, "UTC").time).toMatch(/^01:15 (UTC|GMT)$/);
  });
});

describe("wrapText", () => {
  it("wraps on words within the width, with a hanging indent", () => {
    expect(wrapText("[ ] Surat pengantar RT/RW yang sudah ditandatangani", 20, "    ")).toEqual([
      "[ ] Surat pengantar",
      "    RT/RW yang sudah",
      "    ditandatangani",
    ]);
  });

  it("breaks words longer than a line and never returns a line over the width", () => {
    const lines = wrapText(`lihat https://layan.example.go.id/${"a".repeat(40)}`, 16, "  ");
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(16);
    expect(lines.join("").replace(/ /g, "")).toBe(`lihathttps://layan.example.go.id/${"a".repeat(40)}`);
  });

  it("survives an indent wider than the line", () => {
    expect(wrapText("a b c", 2, "      ").length).toBeGreaterThan(0);
  });

  it("balances centred headings instead of leaving one word alone", () => {
    expect(wrapText("Mal Pelayanan Publik Kota Bandung", 32)).toEqual([
      "Mal Pelayanan Publik Kota",
      "Bandung",
    ]);
    expect(wrapBalanced("Mal Pelayanan Publik Kota Bandung", 32)).toEqual([
      "Mal Pelayanan",
      "Publik Kota Bandung",
    ]);
    expect(wrapBalanced("Disdukcapil", 32)).toEqual(["Disdukcapil"]);
  });
});

describe("wait and queue lines", () => {
  it("reads waits over an hour in hours and minutes, in Indonesian", () => {
    expect(formatWaitRange({ p50: 216, p90: 288 })).toBe("3 jam 35 menit \u2013 4 jam 50 menit");
    expect(formatWaitRange({ p50: 45, p90: 90 })).toBe("45 menit \u2013 1 jam 30 menit");
    expect(formatWaitRange({ p50: 120, p90: 121 })).toBe("sekitar 2 jam");
    expect(formatWaitRange({ p50: 216, p90: 288 }, "en")).toBe("3 h 35 min \u2013 4 h 50 min");
    expect(formatDuration(59)).toBe("59 menit");
    expect(formatDuration(60)).toBe("1 jam");
  });

  it("formats the p50-p90 range in minutes", () => {
    expect(formatWaitRange({ p50: 10, p90: 25 })).toBe("10\u201325 menit");
    expect(formatWaitRange({ p50: 12.4, p90: 12.4 })).toBe("sekitar 12 menit");
    expect(formatWaitRange({ p50: 0, p90: 0.3 })).toBe("kurang dari 1 menit");
    expect(formatWaitRange({ p50: 30, p90: 20 })).toBe("20\u201330 menit");
  });

  it("says who is ahead", () => {
    expect(formatPeopleAhead(5, true)).toBe("5 orang di depan Anda");
    expect(formatPeopleAhead(0, true)).toBe("Anda berikutnya");
    // Nobody is "next" while no counter is open to call them.
    expect(formatPeopleAhead(0, false)).toBe("Tidak ada antrean di depan Anda");
    expect(formatPeopleAhead(0, false, "en")).toBe("Nobody ahead of you");
  });
});

describe("transliterate", () => {
  it("maps typography to ASCII, keeps what the code page has, strips other accents", () => {
    expect(transliterate("10–25 “menit” ‘ok’ …", "PC850")).toBe(`10-25 "menit" 'ok' ...`);
    expect(transliterate("Café Ñ Ã", "PC850")).toBe("Café Ñ Ã");
    expect(transliterate("Café Ñ Ã", "PC437")).toBe("Café Ñ A");
    expect(transliterate("Łódź Kraków ăâ", "PC850")).toBe("Lódz Kraków aâ");
    expect(transliterate("a\u00a0b\u00adc\u0007d 😀", "PC850")).toBe("a bcd ?");
  });
});
