import { describe, expect, it } from "vitest";
import { formatClock, formatDateLong, formatDuration, formatWait, zoneLabel } from "./format";

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
