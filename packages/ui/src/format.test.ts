import { describe, expect, it } from "vitest";
import { count, formatClock, formatDateLong, formatDuration, formatWait, minutes, pct, zoneLabel } from "./format";

describe("format", () => {
  it("formats running timers", () => {
    expect(formatDuration(0)).toBe("00:00");
    expect(formatDuration(-5_000)).toBe("00:00");
    expect(formatDuration(247_999)).toBe("04:07");
    expect(formatDuration(3_723_000)).toBe("1:02:03");
  });

  it("formats waits in Indonesian", () => {
    expect(formatWait(59_000)).toBe("< 1 mnt");
    expect(formatWait(12 * 60_000)).toBe("12 mnt");
    expect(formatWait(60 * 60_000)).toBe("1 jam");
    expect(formatWait(65 * 60_000)).toBe("1 jam 5 mnt");
  });

  it("shows the office's time and date, not the device's", () => {
    // 2025-11-27 07:05:09 UTC = 14:05:09 WIB, a Thursday.
    const at = Date.UTC(2025, 10, 27, 7, 5, 9);
    expect(formatClock(at, "Asia/Jakarta")).toBe("14.05");
    expect(formatClock(at, "Asia/Jakarta", true)).toBe("14.05.09");
    expect(formatClock(at, "Asia/Jayapura")).toBe("16.05");
    expect(formatDateLong(at, "Asia/Jakarta")).toBe("Kamis, 27 November 2025");
    expect(zoneLabel("Asia/Makassar")).toBe("WITA");
  });
});

describe("report figures", () => {
  it("are Indonesian unless English is asked for", () => {
    expect(count(1234)).toBe("1.234");
    expect(count(1234, "en")).toBe("1,234");
    expect(pct(92.5)).toBe("92,5%");
    expect(pct(92.5, "en")).toBe("92.5%");
    expect(minutes(750_000)).toBe("12,5 mnt");
    expect(minutes(750_000, "en")).toBe("12.5 min");
    expect(minutes(65 * 60_000, "en")).toBe("1 h 05 min");
    expect(count(null, "en")).toBe("–");
  });
});
