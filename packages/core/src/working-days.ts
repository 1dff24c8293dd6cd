import type { Weekday, WeeklyHours } from "./office";
import { addDays, dayStartOf, intervalsOn, localMoment, parseLocalTime, serviceDayOf } from "./time";

/**
 * Deadlines counted in hari kerja (working days), as complaint rules state them:
 * the office's own opening hours and closed dates decide which days count, so a
 * public holiday or cuti bersama moves the deadline like it moves the queue.
 */

export interface WorkingCalendar {
  timezone: string;
  hours: WeeklyHours;
  /** office-local "YYYY-MM-DD" */
  closedDates: readonly string[];
}

/** Two years of days in a row with no working day means the calendar has none at all. */
const MAX_DAYS_WITHOUT_WORK = 366 * 2;

const WEEKDAY_OF_UTC_DAY: readonly Weekday[] = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

/** A calendar date's weekday does not depend on the zone, only on the date. */
function weekdayOf(day: string): Weekday {
  const [y, m, d] = day.split("-").map(Number);
  const weekday = WEEKDAY_OF_UTC_DAY[new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)).getUTCDay()];
  if (weekday === undefined) throw new RangeError(`bad day ${day}`);
  return weekday;
}

/** A day the office is open: it has opening hours that weekday and is not a closed date. */
export function isWorkingDay(day: string, cal: WorkingCalendar): boolean {
  return intervalsOn(cal.hours, weekdayOf(day)).length > 0 && !cal.closedDates.includes(day);
}

/** The office's closing minute on a working day: the latest close of its intervals. */
function closingMinute(day: string, cal: WorkingCalendar): number {
  return Math.max(...intervalsOn(cal.hours, weekdayOf(day)).map((i) => parseLocalTime(i.close)));
}

/**
 * Office-local `minute` of `day` as an instant. Adding minutes to local midnight
 * is exact in Indonesia's zones (no DST); the one correction keeps it exact on a
 * day whose offset changes before the closing time, wherever the hub runs.
 */
function instantOn(day: string, minute: number, timezone: string): number {
  const guess = dayStartOf(day, timezone) + minute * 60_000;
  const m = localMoment(guess, timezone);
  return m.date === day ? guess - (m.minuteOfDay - minute) * 60_000 : guess;
}

/**
 * When a complaint filed at `filedAt` must have its response: the closing time
 * (last interval's close, office time) of the N-th working day AFTER the filing
 * day. N >= 1. The filing day never counts, even when filed before opening: a
 * complaint filed on a holiday or a weekend starts counting the next day too.
 */
export function complaintDueAt(filedAt: number, workingDays: number, cal: WorkingCalendar): number {
  if (!Number.isSafeInteger(workingDays) || workingDays < 1) {
    throw new RangeError(`workingDays must be a whole number >= 1, got ${workingDays}`);
  }
  const filedOn = serviceDayOf(filedAt, cal.timezone);
  let day = filedOn;
  let counted = 0;
  let idle = 0;
  for (;;) {
    day = addDays(day, 1);
    if (isWorkingDay(day, cal)) {
      counted += 1;
      idle = 0;
      if (counted === workingDays) return instantOn(day, closingMinute(day, cal), cal.timezone);
    } else if (++idle > MAX_DAYS_WITHOUT_WORK) {
      throw new Error(
        `no working day in the ${MAX_DAYS_WITHOUT_WORK} days after ${filedOn}: the office calendar has no opening hours left`,
      );
    }
  }
}

/**
 * Working days from `from` to `to`: the number of working days after from's office
 * day up to and including to's office day (same day → 0); never negative. So a
 * response at complaintDueAt(filedAt, n) is exactly n working days after filing.
 */
export function workingDaysBetween(from: number, to: number, cal: WorkingCalendar): number {
  const last = serviceDayOf(to, cal.timezone);
  let day = serviceDayOf(from, cal.timezone);
  let count = 0;
  while (day < last) {
    day = addDays(day, 1);
    if (isWorkingDay(day, cal)) count += 1;
  }
  return count;
}
