import { describe, expect, it } from "vitest";
import { parseHash, tabHref } from "../route";
import { dec2, mutuText, sampleText, unsurLabel, workingDays } from "./format";

describe("survey figures in Indonesian", () => {
  it("IKM and NRR with two decimals and a decimal comma", () => {
    expect(dec2(82.349)).toBe("82,35");
    expect(dec2(76.6)).toBe("76,60");
    expect(dec2(null)).toBe("–");
  });

  it("mutu with its label, and the sample against the Krejcie–Morgan minimum", () => {
    expect(mutuText({ mutu: "B", mutuLabel: "Baik" })).toBe("B — Baik");
    expect(mutuText({ mutu: null, mutuLabel: null })).toBe("–");
    expect(sampleText({ respondents: 132, minimumSample: 278, served: 1000, sampleMet: false })).toBe(
      "132 responden dari minimum 278 untuk 1.000 warga dilayani — belum memenuhi",
    );
    expect(sampleText({ respondents: 300, minimumSample: 278, served: 1000, sampleMet: true })).toMatch(/— memenuhi$/);
    expect(unsurLabel("waktu")).toBe("Waktu pelayanan");
    expect(workingDays(2.5)).toBe("2,5 hari kerja");
  });

  it("the survey and complaint views have their own place in the URL", () => {
    expect(parseHash("#/survei?from=2026-11-01").view).toBe("survei");
    expect(parseHash("#/pengaduan").view).toBe("pengaduan");
    expect(tabHref("pengaduan", new URLSearchParams("from=2026-11-01&id=x&status=baru"))).toBe(
      "#/pengaduan?from=2026-11-01",
    );
  });
});
