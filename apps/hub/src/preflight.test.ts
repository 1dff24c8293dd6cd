import { describe, expect, it } from "vitest";
import { loadOfficeConfig } from "./preflight";
import { SAMPLE_CONFIG_DIR } from "./testing/harness";

describe("the hub's config check at start", () => {
  it("hands on what config:check only warns about, by the hub's own clock", () => {
    const warnings: string[] = [];
    const collect = (_issue: unknown, text: string) => void warnings.push(text);
    // The sample lists holidays to 25 Dec 2027: no warning in November 2026 ...
    loadOfficeConfig(SAMPLE_CONFIG_DIR, "hub tidak dijalankan", Date.parse("2026-11-18T09:30:00+07:00"), collect);
    expect(warnings).toEqual([]);
    // ... but in November 2027 the list runs out within 60 days.
    loadOfficeConfig(SAMPLE_CONFIG_DIR, "hub tidak dijalankan", Date.parse("2027-11-01T09:30:00+07:00"), collect);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/office\.yaml:\d+ closedDates: no holiday listed after 2027-12-25; add the 2028 national holidays/);
  });
});
