import { describe, expect, it } from "vitest";
import { hubClock, shiftedClock, testNowFrom } from "./clock";

describe("the hub's clock", () => {
  it("reads the machine's time unless LAYAN_TEST_NOW is set", () => {
    expect(hubClock({}).pinnedAt).toBeNull();
    expect(hubClock({}).clock).toBe(Date.now);
  });

  it("a pinned clock starts at the given instant and runs on with real time", () => {
    let real = 1_000_000;
    const clock = shiftedClock(Date.parse("2026-11-30T17:10:00Z"), () => real);
    expect(new Date(clock()).toISOString()).toBe("2026-11-30T17:10:00.000Z");
    real += 90_000;
    expect(new Date(clock()).toISOString()).toBe("2026-11-30T17:11:30.000Z");
  });

  it("takes an instant with its offset and refuses anything else", () => {
    expect(testNowFrom({ LAYAN_TEST_NOW: "2026-12-01T00:10:00+07:00" })).toBe(Date.parse("2026-11-30T17:10:00Z"));
    expect(testNowFrom({ LAYAN_TEST_NOW: "2027-01-01T00:00:00.500Z" })).toBe(Date.parse("2027-01-01T00:00:00.500Z"));
    expect(testNowFrom({ LAYAN_TEST_NOW: "" })).toBeNull();
    expect(() => testNowFrom({ LAYAN_TEST_NOW: "2026-12-01T00:10" })).toThrow(/with its offset/);
    expect(() => testNowFrom({ LAYAN_TEST_NOW: "tomorrow" })).toThrow(/LAYAN_TEST_NOW/);
    expect(() => testNowFrom({ LAYAN_TEST_NOW: "2026-13-45T99:00:00Z" })).toThrow(/not a valid date/);
  });
});
