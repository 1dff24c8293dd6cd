import { describe, expect, it } from "vitest";
import { FRIDAY, IZIN, jakarta, kolkata, MINUTE } from "./testing/fixtures";
import { isOpenAt, localMoment, parseLocalTime, serviceDayOf, startOfServiceDay } from "./time";

describe("fake clock", () => {
  it("jakarta() is UTC+7 worked out by hand", () => {
    expect(jakarta("2026-11-27 08:15")).toBe(Date.UTC(2026, 10, 27, 1, 15));
    expect(jakarta("2026-11-27 00:00")).toBe(Date.UTC(2026, 10, 26, 17, 0));
    expect(jakarta("2026-11-26 23:59:59.999")).toBe(Date.UTC(2026, 10, 26, 16, 59, 59, 999));
    expect(kolkata("2026-11-27 00:00")).toBe(Date.UTC(2026, 10, 26, 18, 30));
  });
});

describe("localMoment", () => {
  it("reads an instant in Asia/Jakarta", () => {
    expect(localMoment(Date.UTC(2026, 10, 27, 1, 15), "Asia/Jakarta")).toEqual({
      date: "2026-11-27",
      weekday: "fri",
      hour: 8,
      minuteOfDay: 8 * 60 + 15,
    });
  });

  it("rolls over exactly at Jakarta midnight (17:00 UTC)", () => {
    expect(localMoment(Date.UTC(2026, 10, 26, 16, 59, 59, 999), "Asia/Jakarta")).toEqual({
      date: "2026-11-26",
      weekday: "thu",
      hour: 23,
      minuteOfDay: 1439,
    });
    expect(localMoment(Date.UTC(2026, 10, 26, 17, 0), "Asia/Jakarta")).toEqual({
      date: "2026-11-27",
      weekday: "fri",
      hour: 0,
      minuteOfDay: 0,
    });
  });

  it("handles a half-hour zone (Asia/Kolkata, UTC+5:30)", () => {
    expect(localMoment(Date.UTC(2026, 10, 26, 18, 29, 59, 999), "Asia/Kolkata")).toEqual({
      date: "2026-11-26",
      weekday: "thu",
      hour: 23,
      minuteOfDay: 1439,
    });
    expect(localMoment(Date.UTC(2026, 10, 26, 18, 30), "Asia/Kolkata")).toEqual({
      date: "2026-11-27",
      weekday: "fri",
      hour: 0,
      minuteOfDay: 0,
    });
    expect(localMoment(Date.UTC(2026, 10, 27, 4, 45), "Asia/Kolkata").minuteOfDay).toBe(10 * 60 + 15);
  });

  it("serviceDayOf is the local date", () => {
    expect(serviceDayOf(jakarta("2026-11-26 23:59:59.999"), "Asia/Jakarta")).toBe("2026-11-26");
    expect(serviceDayOf(jakarta("2026-11-27 00:00"), "Asia/Jakarta")).toBe("2026-11-27");
    // 06:00 UTC on the 27th is still the 27th in Jakarta, but 23:00 UTC already the 28th.
    expect(serviceDayOf(Date.UTC(2026, 10, 27, 23, 0), "Asia/Jakarta")).toBe("2026-11-28");
  });
});

describe("startOfServiceDay", () => {
  it("is local midnight in Asia/Jakarta", () => {
    const midnight = Date.UTC(2026, 10, 26, 17, 0);
    expect(startOfServiceDay(jakarta("2026-11-27 08:15:42.123"), "Asia/Jakarta")).toBe(midnight);
    expect(startOfServiceDay(jakarta("2026-11-27 00:00"), "Asia/Jakarta")).toBe(midnight);
    expect(startOfServiceDay(jakarta("2026-11-27 23:59:59.999"), "Asia/Jakarta")).toBe(midnight);
    expect(startOfServiceDay(jakarta("2026-11-26 23:59:59.999"), "Asia/Jakarta")).toBe(
      midnight - 24 * 60 * MINUTE,
    );
  });

  it("is local midnight in Asia/Kolkata", () => {
    const midnight = Date.UTC(2026, 10, 26, 18, 30);
    expect(startOfServiceDay(kolkata("2026-11-27 00:00"), "Asia/Kolkata")).toBe(midnight);
    expect(startOfServiceDay(kolkata("2026-11-27 10:15:30.500"), "Asia/Kolkata")).toBe(midnight);
    expect(startOfServiceDay(kolkata("2026-11-27 23:59:59.999"), "Asia/Kolkata")).toBe(midnight);
    expect(startOfServiceDay(kolkata("2026-11-26 23:59:59.999"), "Asia/Kolkata")).toBe(
      midnight - 24 * 60 * MINUTE,
    );
  });

  it("handles a zone with a DST change (Europe/Berlin, spring forward at 02:00)", () => {
    // 2026-03-29: midnight is still CET (UTC+1); the afternoon is CEST (UTC+2).
    expect(startOfServiceDay(Date.UTC(2026, 2, 29, 13, 0), "Europe/Berlin")).toBe(
      Date.UTC(2026, 2, 28, 23, 0),
    );
  });

  it("handles instants before 1970", () => {
    // 1969-12-31 12:00:00.5 in Jakarta (UTC+7) started at 1969-12-30 17:00 UTC.
    expect(startOfServiceDay(Date.UTC(1969, 11, 31, 5, 0, 0, 500), "Asia/Jakarta")).toBe(
      Date.UTC(1969, 11, 30, 17, 0),
    );
  });
});

describe("opening hours", () => {
  const open = (local: string) => isOpenAt(IZIN.hours, IZIN.closedDates, jakarta(local), "Asia/Jakarta");

  it("parses HH:MM", () => {
    expect(parseLocalTime("08:00")).toBe(480);
    expect(parseLocalTime("13:30")).toBe(810);
    expect(parseLocalTime("24:00")).toBe(1440);
  });

  it("is [open, close) with the Friday break", () => {
    expect(open(`${FRIDAY} 07:59:59.999`)).toBe(false);
    expect(open(`${FRIDAY} 08:00`)).toBe(true);
    expect(open(`${FRIDAY} 10:59:59.999`)).toBe(true);
    expect(open(`${FRIDAY} 11:00`)).toBe(false);
    expect(open(`${FRIDAY} 12:59`)).toBe(false);
    expect(open(`${FRIDAY} 13:00`)).toBe(true);
    expect(open(`${FRIDAY} 14:59:59.999`)).toBe(true);
    expect(open(`${FRIDAY} 15:00`)).toBe(false);
    // Thursday has no break.
    expect(open("2026-11-26 12:00")).toBe(true);
  });

  it("is closed on weekends and closed dates", () => {
    expect(open("2026-11-28 10:00")).toBe(false);
    expect(open("2026-11-29 10:00")).toBe(false);
    expect(open("2026-12-25 09:00")).toBe(false);
    expect(open("2026-12-18 09:00")).toBe(true);
  });
});
