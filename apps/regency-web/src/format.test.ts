import { STANDAR_COMPONENTS, STANDAR_LABELS } from "@layan/config";
import { describe, expect, it } from "vitest";
import { COMPONENT_LABELS, minutes, mutuLabel, pct, periodLabel, waitWords } from "./format";

describe("regency formats", () => {
  it("names the six components exactly as the office's completeness check does", () => {
    expect(COMPONENT_LABELS).toEqual(Object.fromEntries(STANDAR_COMPONENTS.map((k) => [k, STANDAR_LABELS[k]])));
  });

  it("writes periods, percentages, minutes and mutu in Indonesian", () => {
    expect(periodLabel("2026-11-01", "2026-11-18")).toBe("1 – 18 November 2026");
    expect(periodLabel("2026-10-01", "2026-11-18")).toBe("1 Oktober – 18 November 2026");
    expect(periodLabel("2025-12-01", "2026-01-31")).toBe("1 Desember 2025 – 31 Januari 2026");
    expect(pct(92.5)).toBe("92,5%");
    expect(minutes(750_000)).toBe("12,5 mnt");
    expect(mutuLabel("B")).toBe("B (Baik)");
    expect(waitWords(61)).toBe("2 menit");
  });
});
