import { describe, expect, it } from "vitest";
import { HOUR, jakarta, MINUTE } from "./testing/fixtures";
import { isOpenAt, serviceDayOf } from "./time";
import { complaintDueAt, isWorkingDay, type WorkingCalendar, workingDaysBetween } from "./working-days";

/**
 * The calendar worked by hand (Asia/Jakarta, UTC+7):
 *
 *   Nov 2026  Fri 27 | Sat 28  Sun 29 | Mon 30
 *   Dec 2026  Tue 1  Wed 2  Thu 3  Fri 4 ...
 *             Mon 21 Tue 22 Wed 23 [Thu 24 cuti bersama] [Fri 25 Natal] | Sat 26 Sun 27
 *             Mon 28 Tue 29 Wed 30 Thu 31 [Fri 1 Jan 2027 Tahun Baru] | Sat 2 Sun 3 | Mon 4 Jan
 *
 * Open Monday–Thursday 08:00–15:00, Friday 08:00–11:00 and 13:00–15:00.
 */
const HOURS = {
  mon: [{ open: "08:00", close: "15:00" }],
  tue: [{ open: "08:00", close: "15:00" }],
  wed: [{ open: "08:00", close: "15:00" }],
  thu: [{ open: "08:00", close: "15:00" }],
  fri: [
    { open: "08:00", close: "11:00" },
    { open: "13:00", close: "15:00" },
  ],
};
const WIB: WorkingCalendar = {
  timezone: "Asia/Jakarta",
  hours: HOURS,
  closedDates: ["2026-12-24", "2026-12-25", "2027-01-01"],
};
/** The same office in Makassar. */
const WITA: WorkingCalendar = { ...WIB, timezone: "Asia/Makassar" };

/** Office-local wall time in Asia/Makassar (UTC+8): one hour ahead of WIB, by hand. */
const makassar = (local: string) => jakarta(local) - HOUR;

describe("isWorkingDay", () => {
  it.each([
    ["2026-11-27", true], // Friday, open in two intervals
    ["2026-11-28", false], // Saturday
    ["2026-11-29", false], // Sunday
    ["2026-11-30", true], // Monday
    ["2026-12-23", true],
    ["2026-12-24", false], // cuti bersama
    ["2026-12-25", false], // Natal, a Friday
    ["2027-01-01", false], // Tahun Baru, a Friday
    ["2027-01-04", true],
  ])("%s is a working day: %s", (day, working) => {
    expect(isWorkingDay(day, WIB)).toBe(working);
  });

  it("counts a weekday with an empty interval list as closed", () => {
    expect(isWorkingDay("2026-11-30", { ...WIB, hours: { ...HOURS, mon: [] } })).toBe(false);
  });
});

describe("complaintDueAt", () => {
  it("from a Friday afternoon, the first working day is Monday, due at its close", () => {
    const filed = jakarta("2026-11-27 14:00");
    expect(complaintDueAt(filed, 1, WIB)).toBe(jakarta("2026-11-30 15:00"));
    // Mon 30, Tue 1, Wed 2, Thu 3, Fri 4: Friday's last interval closes at 15:00, not 11:00.
    expect(complaintDueAt(filed, 5, WIB)).toBe(jakarta("2026-12-04 15:00"));
  });

  it("skips the closed dates around Natal and Tahun Baru", () => {
    const filed = jakarta("2026-12-23 10:00");
    // Thu 24 and Fri 25 closed, then the weekend: Mon 28 (1), Tue 29 (2), Wed 30 (3).
    expect(complaintDueAt(filed, 3, WIB)).toBe(jakarta("2026-12-30 15:00"));
    // Thu 31 (4), Fri 1 Jan closed, weekend, Mon 4 Jan (5).
    expect(complaintDueAt(filed, 5, WIB)).toBe(jakarta("2027-01-04 15:00"));
  });

  it("filed on a closed date, counts from the next day", () => {
    const filed = jakarta("2026-12-25 09:00");
    expect(complaintDueAt(filed, 1, WIB)).toBe(jakarta("2026-12-28 15:00"));
    expect(complaintDueAt(filed, 2, WIB)).toBe(jakarta("2026-12-29 15:00"));
  });

  it("never counts the filing day, even when filed before opening", () => {
    expect(complaintDueAt(jakarta("2026-11-30 07:00"), 1, WIB)).toBe(jakarta("2026-12-01 15:00"));
  });

  it("reads the filing day in office time: 00:10 WIB Tuesday is still Monday in UTC", () => {
    const filed = jakarta("2026-12-01 00:10");
    expect(filed).toBe(Date.UTC(2026, 10, 30, 17, 10));
    // Filed on Tuesday 1 December: the first working day after it is Wednesday 2.
    expect(complaintDueAt(filed, 1, WIB)).toBe(jakarta("2026-12-02 15:00"));
  });

  it("counts in the office's own zone (WITA)", () => {
    // Thursday 23:30 WIB is Friday 00:30 WITA: filed on Friday in Makassar.
    const filed = jakarta("2026-11-26 23:30");
    expect(filed).toBe(makassar("2026-11-27 00:30"));
    expect(complaintDueAt(filed, 1, WIB)).toBe(jakarta("2026-11-27 15:00"));
    expect(complaintDueAt(filed, 1, WITA)).toBe(makassar("2026-11-30 15:00"));
    expect(makassar("2026-11-30 15:00")).toBe(Date.UTC(2026, 10, 30, 7, 0));
  });

  it("refuses a count that is not a whole number of at least one day", () => {
    const filed = jakarta("2026-11-27 14:00");
    expect(() => complaintDueAt(filed, 0, WIB)).toThrow(RangeError);
    expect(() => complaintDueAt(filed, 1.5, WIB)).toThrow(RangeError);
  });

  it("stops with a clear error when the calendar has no working day at all", () => {
    const filed = jakarta("2026-11-27 14:00");
    expect(() => complaintDueAt(filed, 1, { ...WIB, hours: {} })).toThrow(/no working day in the 732 days/);
    expect(() => complaintDueAt(filed, 1, { ...WIB, hours: { sat: [] } })).toThrow(/no working day/);
  });

  it("lands on a working day's close, exactly N working days after filing", () => {
    for (let filed = jakarta("2026-12-18 00:00"); filed < jakarta("2027-01-06 00:00"); filed += 5 * HOUR) {
      for (let n = 1; n <= 8; n++) {
        const due = complaintDueAt(filed, n, WIB);
        expect(isWorkingDay(serviceDayOf(due, WIB.timezone), WIB)).toBe(true);
        expect(isOpenAt(WIB.hours, WIB.closedDates, due - MINUTE, WIB.timezone)).toBe(true);
        expect(isOpenAt(WIB.hours, WIB.closedDates, due, WIB.timezone)).toBe(false);
        expect(workingDaysBetween(filed, due, WIB)).toBe(n);
      }
    }
  });
});

describe("workingDaysBetween", () => {
  it("counts the working days after from's day up to and including to's day", () => {
    // Mon 28, Tue 29, Wed 30, Thu 31, Mon 4 Jan.
    expect(workingDaysBetween(jakarta("2026-12-23 10:00"), jakarta("2027-01-04 09:00"), WIB)).toBe(5);
    // Saturday to Monday: only Monday.
    expect(workingDaysBetween(jakarta("2026-11-28 12:00"), jakarta("2026-11-30 08:00"), WIB)).toBe(1);
  });

  it("is 0 on the same office day and never negative", () => {
    expect(workingDaysBetween(jakarta("2026-11-30 08:00"), jakarta("2026-11-30 14:59"), WIB)).toBe(0);
    expect(workingDaysBetween(jakarta("2026-12-04 10:00"), jakarta("2026-11-30 10:00"), WIB)).toBe(0);
  });

  it("splits days at office midnight, not UTC midnight", () => {
    // Mon 30 Nov 23:00 WIB to Tue 1 Dec 00:10 WIB (both Monday 30 Nov in UTC).
    expect(workingDaysBetween(jakarta("2026-11-30 23:00"), jakarta("2026-12-01 00:10"), WIB)).toBe(1);
    // The same two instants in Makassar are Tue 00:00 and Tue 01:10: one day.
    expect(workingDaysBetween(jakarta("2026-11-30 23:00"), jakarta("2026-12-01 00:10"), WITA)).toBe(0);
  });

  it("is 0 over a stretch of closed days", () => {
    expect(workingDaysBetween(jakarta("2026-12-23 16:00"), jakarta("2026-12-27 16:00"), WIB)).toBe(0);
    expect(
      workingDaysBetween(jakarta("2026-11-01 00:00"), jakarta("2027-11-01 00:00"), { ...WIB, hours: {} }),
    ).toBe(0);
  });
});
