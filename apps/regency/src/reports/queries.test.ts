import { describe, expect, it } from "vitest";
import { coverOf } from "./queries";

describe("coverOf: which histograms a range reads", () => {
  it("a year is its twelve months and no days", () => {
    expect(coverOf("2025-01-01", "2025-12-31")).toEqual({ months: Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, "0")}`), days: [] });
  });

  it("a partly covered month at either end is read by its days", () => {
    expect(coverOf("2025-01-10", "2025-02-28")).toEqual({ months: ["2025-02"], days: [["2025-01-10", "2025-01-31"]] });
    expect(coverOf("2024-12-15", "2025-02-03")).toEqual({ months: ["2025-01"], days: [["2024-12-15", "2024-12-31"], ["2025-02-01", "2025-02-03"]] });
    expect(coverOf("2026-11-01", "2026-11-18")).toEqual({ months: [], days: [["2026-11-01", "2026-11-18"]] });
    expect(coverOf("2025-02-07", "2025-02-07")).toEqual({ months: [], days: [["2025-02-07", "2025-02-07"]] });
  });

  it("knows the months' lengths, leap Februaries included", () => {
    expect(coverOf("2024-02-01", "2024-02-29").months).toEqual(["2024-02"]);
    expect(coverOf("2025-02-01", "2025-02-28").months).toEqual(["2025-02"]);
    expect(coverOf("2025-04-01", "2025-04-30").months).toEqual(["2025-04"]);
    expect(coverOf("2025-04-01", "2025-04-29")).toEqual({ months: [], days: [["2025-04-01", "2025-04-29"]] });
  });
});
