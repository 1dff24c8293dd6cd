import { STANDAR_COMPONENTS, STANDAR_LABELS } from "@layan/config";
import { describe, expect, it } from "vitest";
import { COMPONENT_LABELS, dayLong, ikmScore, minutes, monthLabel, mutuLabel, pct, periodLabel, status, waitWords } from "./format";
import { errorText } from "./strings";

describe("regency formats", () => {
  it("names the six components exactly as the office's completeness check does", () => {
    expect(COMPONENT_LABELS).toEqual(Object.fromEntries(STANDAR_COMPONENTS.map((k) => [k, STANDAR_LABELS[k]])));
  });

  it("writes periods, percentages, minutes and mutu in Indonesian", () => {
    expect(periodLabel("2026-11-01", "2026-11-18")).toBe("1 – 18 November 2026");
    expect(periodLabel("2026-10-01", "2026-11-18")).toBe("1 Oktober – 18 November 2026");
    expect(periodLabel("2025-12-01", "2026-01-31")).toBe("1 Desember 2025 – 31 Januari 2026");
    expect(dayLong("2026-12-01")).toBe("1 Desember 2026");
    expect(monthLabel("2026-12")).toBe("Des 2026");
    expect(monthLabel("2026-05", true)).toBe("Mei 2026");
    expect(pct(92.5)).toBe("92,5%");
    expect(minutes(750_000)).toBe("12,5 mnt");
    expect(mutuLabel("B")).toBe("B (Baik)");
    expect(ikmScore(84.125)).toBe("84,13");
    expect(status(80).label).toBe("Perlu perhatian");
    expect(waitWords(61)).toBe("2 menit");
  });

  it("writes them in English, British dates and points for decimals", () => {
    expect(periodLabel("2026-11-01", "2026-11-18", "en")).toBe("1 – 18 November 2026");
    expect(periodLabel("2026-10-01", "2026-11-18", "en")).toBe("1 October – 18 November 2026");
    expect(periodLabel("2025-12-01", "2026-01-31", "en")).toBe("1 December 2025 – 31 January 2026");
    expect(dayLong("2026-12-01", "en")).toBe("1 December 2026");
    expect(monthLabel("2026-12", false, "en")).toBe("Dec 2026");
    expect(pct(92.5, "en")).toBe("92.5%");
    expect(minutes(750_000, "en")).toBe("12.5 min");
    expect(mutuLabel("B", "en")).toBe("B (Good)");
    expect(ikmScore(84.125, "en")).toBe("84.13");
    expect(status(80, "en").label).toBe("Needs attention");
    expect(waitWords(61, "en")).toBe("2 minutes");
    expect(waitWords(1, "en")).toBe("1 second");
  });

  it("says a known error code in the chosen language and falls back to the server's message", () => {
    const scope = { code: "OFFICE_OUT_OF_SCOPE", message: "Akses Anda hanya untuk laporan kantor Anda sendiri.", messageEn: "Your access covers your own office's reports only." };
    expect(errorText(scope, "id")).toBe(scope.message);
    expect(errorText({ code: "LOGIN_FAILED", message: "Nama pengguna atau kata sandi salah." }, "en")).toBe("Wrong username or password.");
    const unknown = { code: "BODY_TOO_LARGE", message: "Isi permintaan terlalu besar.", messageEn: "The request body is too large." };
    expect(errorText(unknown, "id")).toBe(unknown.message);
    expect(errorText(unknown, "en")).toBe(unknown.messageEn);
    expect(errorText({ code: "SOMETHING_NEW", message: "Pesan server." }, "en")).toBe("Pesan server.");
  });
});
