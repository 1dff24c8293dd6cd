import { describe, expect, it } from "vitest";
import { FRIDAY, IZIN, jakarta, kolkata, MINUTE } from "./testing/fixtures";
import {
  addDays,
  dayStartOf,
  isOpenAt,
  localMoment,
  parseLocalTime,
  serviceDayOf,
  startOfServiceDay,
  utcOffsetMinutes,
} from "./time";

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

  /** One millisecond before local midnight it is Thursday 26th 23:59; at midnight, Friday 27th 00:00. */
  function expectRolloverAt(midnight: number, timezone: string) {
    expect(localMoment(midnight - 1, timezone)).toEqual({
      date: "2026-11-26",
      weekday: "thu",
      hour: 23,
      minuteOfDay: 1439,
    });
    expect(localMoment(midnight, timezone)).toEqual({
      date: "2026-11-27",
      weekday: "fri",
      hour: 0,
      minuteOfDay: 0,
    });
  }

  it("rolls over exactly at Jakarta midnight (17:00 UTC)", () => {
    expectRolloverAt(Date.UTC(2026, 10, 26, 17, 0), "Asia/Jakarta");
  });

  it("handles a half-hour zone (Asia/Kolkata, UTC+5:30)", () => {
    expectRolloverAt(Date.UTC(2026, 10, 26, 18, 30), "Asia/Kolkata");
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
  it.each([
    {
      timezone: "Asia/Jakarta",
      local: jakarta,
      midnight: Date.UTC(2026, 10, 26, 17, 0),
      during: "08:15:42.123",
    },
    {
      timezone: "Asia/Kolkata",
      local: kolkata,
      midnight: Date.UTC(2026, 10, 26, 18, 30),
      during: "10:15:30.500",
    },
  ])("is local midnight in $timezone", ({ timezone, local, midnight, during }) => {
    for (const time of ["00:00", during, "23:59:59.999"])
      expect(startOfServiceDay(local(`2026-11-27 ${time}`), timezone), time).toBe(midnight);
    expect(startOfServiceDay(local("2026-11-26 23:59:59.999"), timezone)).toBe(midnight - 24 * 60 * MINUTE);
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

describe("addDays", () => {
  it.each<[string, string, number, string]>([
    ["steps over a month end", "2026-11-27", 1, "2026-11-28"],
    ["steps over a month end", "2026-11-30", 1, "2026-12-01"],
    ["steps over a year end", "2026-12-31", 1, "2027-01-01"],
    ["steps back over a year end", "2027-01-01", -1, "2026-12-31"],
    ["steps back over a month end", "2026-12-01", -1, "2026-11-30"],
    ["stays put at zero", "2026-11-27", 0, "2026-11-27"],
    ["knows the leap day", "2028-02-28", 1, "2028-02-29"],
    ["knows the leap day", "2028-02-29", 1, "2028-03-01"],
    ["knows the leap day", "2027-02-28", 1, "2027-03-01"],
    ["knows the leap day", "2028-03-01", -1, "2028-02-29"],
    ["knows 2100 is not a leap year", "2100-02-28", 1, "2100-03-01"],
    ["goes weeks at a time", "2026-11-02", 14, "2026-11-16"],
    ["goes weeks at a time", "2026-12-25", 7, "2027-01-01"],
    ["goes years at a time", "2028-01-01", 366, "2029-01-01"],
    ["goes years at a time", "2026-11-27", -365, "2025-11-27"],
  ])("%s: %s plus %i days is %s", (_what, day, days, expected) => {
    expect(addDays(day, days)).toBe(expected);
  });
});

describe("dayStartOf", () => {
  it("is local midnight in the three Indonesian zones", () => {
    expect(dayStartOf("2026-11-27", "Asia/Jakarta")).toBe(Date.UTC(2026, 10, 26, 17, 0));
    expect(dayStartOf("2026-11-27", "Asia/Jakarta")).toBe(jakarta("2026-11-27 00:00"));
    expect(dayStartOf("2026-11-27", "Asia/Makassar")).toBe(Date.UTC(2026, 10, 26, 16, 0));
    expect(dayStartOf("2026-11-27", "Asia/Jayapura")).toBe(Date.UTC(2026, 10, 26, 15, 0));
  });

  it("is the start of the service day it names", () => {
    for (const timezone of ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura", "Asia/Kolkata"]) {
      for (const day of ["2026-11-27", "2026-12-31", "2027-01-01", "2028-02-29", "2028-03-01"]) {
        const start = dayStartOf(day, timezone);
        expect(serviceDayOf(start, timezone)).toBe(day);
        expect(serviceDayOf(start - 1, timezone)).toBe(addDays(day, -1));
        expect(startOfServiceDay(start + 13 * 60 * MINUTE, timezone)).toBe(start);
      }
    }
  });

  it("crosses the year end and the leap day at midnight, not at midnight UTC", () => {
    expect(dayStartOf("2027-01-01", "Asia/Jakarta")).toBe(Date.UTC(2026, 11, 31, 17, 0));
    expect(dayStartOf("2028-02-29", "Asia/Jayapura")).toBe(Date.UTC(2028, 1, 28, 15, 0));
    expect(dayStartOf("2028-03-01", "Asia/Makassar")).toBe(Date.UTC(2028, 1, 29, 16, 0));
    expect(dayStartOf("2027-01-01", "Asia/Jakarta") - dayStartOf("2026-12-31", "Asia/Jakarta")).toBe(
      24 * 60 * MINUTE,
    );
  });

  it("handles a half-hour zone (Asia/Kolkata)", () => {
    expect(dayStartOf("2026-11-27", "Asia/Kolkata")).toBe(kolkata("2026-11-27 00:00"));
  });

  it("refuses what is not a day", () => {
    expect(() => dayStartOf("27-11", "Asia/Jakarta")).toThrow(/bad day/);
    expect(() => dayStartOf("", "Asia/Jakarta")).toThrow(/bad day/);
  });
});

describe("utcOffsetMinutes", () => {
  const instants = [
    Date.UTC(2026, 10, 27, 2, 0),
    // Midnight UTC, and the last millisecond of a year in UTC.
    Date.UTC(2027, 0, 1),
    Date.UTC(2026, 11, 31, 23, 59, 59, 999),
    // Leap day, just after local midnight in Jakarta.
    Date.UTC(2028, 1, 28, 17, 0, 30),
  ];

  it("is +7 h in WIB, +8 h in WITA, +9 h in WIT, all year (no DST)", () => {
    for (const at of instants) {
      expect(utcOffsetMinutes("Asia/Jakarta", at)).toBe(420);
      expect(utcOffsetMinutes("Asia/Makassar", at)).toBe(480);
      expect(utcOffsetMinutes("Asia/Jayapura", at)).toBe(540);
    }
    expect(utcOffsetMinutes("Asia/Jakarta", Date.UTC(2026, 6, 1))).toBe(420);
  });

  it("handles half-hour zones and UTC itself", () => {
    expect(utcOffsetMinutes("Asia/Kolkata", Date.UTC(2026, 10, 27))).toBe(330);
    expect(utcOffsetMinutes("UTC", Date.UTC(2026, 10, 27, 13, 37, 12))).toBe(0);
  });

  it("follows DST where there is one (Europe/Berlin)", () => {
    expect(utcOffsetMinutes("Europe/Berlin", Date.UTC(2026, 0, 15))).toBe(60);
    expect(utcOffsetMinutes("Europe/Berlin", Date.UTC(2026, 6, 15))).toBe(120);
    // Spring forward at 01:00 UTC on 29 March 2026.
    expect(utcOffsetMinutes("Europe/Berlin", Date.UTC(2026, 2, 29, 0, 59))).toBe(60);
    expect(utcOffsetMinutes("Europe/Berlin", Date.UTC(2026, 2, 29, 1, 0))).toBe(120);
  });

  it("agrees with the local moment", () => {
    for (const timezone of ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"]) {
      for (const at of instants) {
        const local = localMoment(at + utcOffsetMinutes(timezone, at) * MINUTE, "UTC");
        expect(local).toEqual(localMoment(at, timezone));
      }
    }
  });
});
