import { describe, expect, it } from "vitest";
import { hrefFor, parseHash, presetRange, rangeOf } from "./period";

describe("period presets", () => {
  it("counts months and the year from the given day, never past it", () => {
    expect(presetRange("bulan-ini", "2026-11-18")).toEqual({ from: "2026-11-01", to: "2026-11-18" });
    expect(presetRange("bulan-lalu", "2026-11-18")).toEqual({ from: "2026-10-01", to: "2026-10-31" });
    expect(presetRange("3-bulan", "2026-11-18")).toEqual({ from: "2026-09-01", to: "2026-11-18" });
    expect(presetRange("tahun-ini", "2026-11-18")).toEqual({ from: "2026-01-01", to: "2026-11-18" });
  });

  it("crosses the year back in January", () => {
    expect(presetRange("bulan-lalu", "2027-01-05")).toEqual({ from: "2026-12-01", to: "2026-12-31" });
    expect(presetRange("3-bulan", "2027-01-05")).toEqual({ from: "2026-11-01", to: "2027-01-05" });
    expect(presetRange("bulan-lalu", "2024-03-10")).toEqual({ from: "2024-02-01", to: "2024-02-29" });
  });
});

describe("the range in the URL", () => {
  const today = "2026-11-18";
  it("takes explicit days, and names the preset they equal", () => {
    expect(rangeOf(new URLSearchParams("from=2026-11-16&to=2026-11-17"), today)).toEqual({ from: "2026-11-16", to: "2026-11-17", preset: null });
    expect(rangeOf(new URLSearchParams("from=2026-10-01&to=2026-10-31"), today)).toEqual({ from: "2026-10-01", to: "2026-10-31", preset: "bulan-lalu" });
  });

  it("falls back to the preset, then this month, for days the API would refuse", () => {
    expect(rangeOf(new URLSearchParams("from=2026-11-17&to=2026-11-16&periode=tahun-ini"), today)).toEqual({ from: "2026-01-01", to: today, preset: "tahun-ini" });
    expect(rangeOf(new URLSearchParams("from=2025-01-01&to=2026-11-16"), today)).toEqual({ from: "2026-11-01", to: today, preset: "bulan-ini" });
    expect(rangeOf(new URLSearchParams("from=kemarin&to=2026-11-16"), today).preset).toBe("bulan-ini");
  });
});

describe("routes", () => {
  it("round-trips a view, an office and the parameters", () => {
    const href = hrefFor("kantor", "kantor a/b", { from: "2026-11-01", to: null });
    expect(href).toBe("#/kantor/kantor%20a%2Fb?from=2026-11-01");
    const route = parseHash(href);
    expect(route.view).toBe("kantor");
    expect(route.id).toBe("kantor a/b");
    expect(route.params.get("from")).toBe("2026-11-01");
  });

  it("opens the league table for anything else", () => {
    expect(parseHash("#/entah")).toMatchObject({ view: "peringkat", id: null });
    expect(parseHash("")).toMatchObject({ view: "peringkat", id: null });
  });
});
