import { fixedOffsetMinutes } from "./fixed-zones";
import type { OpeningInterval, Weekday, WeeklyHours } from "./office";

/**
 * Office-local calendar arithmetic. Devices' clocks are never trusted: every
 * instant here is the hub's epoch milliseconds, read in the office's timezone.
 * Intl (or, for Indonesia's zones, a fixed offset: fixed-zones.ts) is
 * deterministic for a given instant and zone, so the core stays pure.
 */

export interface LocalMoment {
  /** "YYYY-MM-DD", the service day. */
  date: string;
  weekday: Weekday;
  /** Minutes since local midnight. */
  minuteOfDay: number;
  hour: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timezone: string): Intl.DateTimeFormat {
  let f = formatters.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: timezone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      weekday: "short",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(timezone, f);
  }
  return f;
}

const WEEKDAY_BY_SHORT: Record<string, Weekday> = {
  Mon: "mon",
  Tue: "tue",
  Wed: "wed",
  Thu: "thu",
  Fri: "fri",
  Sat: "sat",
  Sun: "sun",
};

/**
 * The local calendar only changes at minute boundaries (every IANA offset is a
 * whole number of minutes), so one Intl call per zone and minute is enough; the
 * hub asks several times per command and Intl.formatToParts is slow.
 */
const momentCache = new Map<string, { minute: number; moment: LocalMoment }>();

export function localMoment(at: number, timezone: string): Readonly<LocalMoment> {
  const minute = Math.floor(at / 60_000);
  const cached = momentCache.get(timezone);
  if (cached?.minute === minute) return cached.moment;
  const moment = Object.freeze(computeLocalMoment(at, timezone));
  momentCache.set(timezone, { minute, moment });
  return moment;
}

const WEEKDAY_BY_UTC_DAY: readonly Weekday[] = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

function computeLocalMoment(at: number, timezone: string): LocalMoment {
  const offset = fixedOffsetMinutes(timezone, at);
  return offset === null ? intlLocalMoment(at, timezone) : shiftedLocalMoment(at, offset);
}

/** The office's wall clock as UTC shifted by a fixed offset: what Intl gives for these zones, without ICU. */
function shiftedLocalMoment(at: number, offsetMinutes: number): LocalMoment {
  const local = new Date(Math.floor(at / 60_000) * 60_000 + offsetMinutes * 60_000);
  const hour = local.getUTCHours();
  const two = (n: number) => String(n).padStart(2, "0");
  return {
    date: `${String(local.getUTCFullYear()).padStart(4, "0")}-${two(local.getUTCMonth() + 1)}-${two(local.getUTCDate())}`,
    weekday: WEEKDAY_BY_UTC_DAY[local.getUTCDay()]!,
    hour,
    minuteOfDay: hour * 60 + local.getUTCMinutes(),
  };
}

function intlLocalMoment(at: number, timezone: string): LocalMoment {
  const parts = formatterFor(timezone).formatToParts(new Date(at));
  const get = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? "";
  const hour = Number(get("hour"));
  const minute = Number(get("minute"));
  const weekday = WEEKDAY_BY_SHORT[get("weekday")];
  if (weekday === undefined) throw new Error(`unexpected weekday for ${timezone}`);
  return {
    date: `${get("year")}-${get("month")}-${get("day")}`,
    weekday,
    hour,
    minuteOfDay: hour * 60 + minute,
  };
}

/** The service day ("YYYY-MM-DD") an instant belongs to: numbering resets at local midnight. */
export function serviceDayOf(at: number, timezone: string): string {
  return localMoment(at, timezone).date;
}

/** "HH:MM" -> minutes since midnight. Config validation guarantees the format. */
export function parseLocalTime(hhmm: string): number {
  const [h, m] = hhmm.split(":");
  return Number(h) * 60 + Number(m);
}

export function intervalsOn(hours: WeeklyHours, weekday: Weekday): OpeningInterval[] {
  return hours[weekday] ?? [];
}

export function isOpenAt(
  hours: WeeklyHours,
  closedDates: readonly string[],
  at: number,
  timezone: string,
): boolean {
  const m = localMoment(at, timezone);
  if (closedDates.includes(m.date)) return false;
  return intervalsOn(hours, m.weekday).some(
    (i) => m.minuteOfDay >= parseLocalTime(i.open) && m.minuteOfDay < parseLocalTime(i.close),
  );
}

/**
 * Epoch ms of local midnight that starts the service day containing `at`.
 * Works for any zone offset (including half-hour ones) by correcting twice.
 */
export function startOfServiceDay(at: number, timezone: string): number {
  const m = localMoment(at, timezone);
  let guess = at - m.minuteOfDay * 60_000 - (at % 60_000);
  for (let i = 0; i < 2; i++) {
    const g = localMoment(guess, timezone);
    if (g.date === m.date && g.minuteOfDay === 0) break;
    const dayShift = g.date < m.date ? 1440 : g.date > m.date ? -1440 : 0;
    guess -= (g.minuteOfDay - dayShift) * 60_000;
  }
  return guess;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/**
 * Epoch ms of the office-local midnight that starts service day "YYYY-MM-DD"
 * (the inverse of serviceDayOf, for planning days that have not happened yet).
 */
export function dayStartOf(day: string, timezone: string): number {
  const [y, m, d] = day.split("-").map(Number);
  if (!y || !m || !d) throw new Error(`bad day ${day}`);
  // Noon UTC of that date is the same date in every zone from UTC-11 to UTC+11.
  let start = startOfServiceDay(Date.UTC(y, m - 1, d, 12), timezone);
  const got = serviceDayOf(start, timezone);
  if (got < day) start = startOfServiceDay(start + DAY_MS + 2 * HOUR_MS, timezone);
  if (got > day) start = startOfServiceDay(start - 2 * HOUR_MS, timezone);
  return start;
}

/** The service day `n` calendar days after "YYYY-MM-DD" (before it when negative). */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split("-").map(Number);
  const t = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + n));
  return t.toISOString().slice(0, 10);
}

/**
 * The zone's offset from UTC at instant `at`, in minutes (+420 for WIB). The
 * instant is required: offsets change with DST elsewhere, and the core reads
 * no clock of its own.
 */
export function utcOffsetMinutes(timezone: string, at: number): number {
  const m = localMoment(at, timezone);
  const [y, mo, d] = m.date.split("-").map(Number);
  const local = Date.UTC(y ?? 1970, (mo ?? 1) - 1, d ?? 1) + m.minuteOfDay * MINUTE_MS;
  return Math.round((local - (at - (at % MINUTE_MS))) / MINUTE_MS);
}

const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar date written "YYYY-MM-DD" (no 2026-02-30). */
export function isServiceDay(day: string): boolean {
  if (!CALENDAR_DAY.test(day)) return false;
  const [y, m, d] = day.split("-").map(Number);
  const date = new Date(Date.UTC(y!, m! - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m! - 1 && date.getUTCDate() === d;
}

/** Days from `from` to `to`, both included (1 for a single day). */
export function daysInRange(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** "2026-11" -> its first and last day. */
export function monthRange(month: string): { month: string; from: string; to: string } {
  const [y, m] = month.split("-").map(Number);
  const last = new Date(Date.UTC(y!, m, 0)).getUTCDate();
  return { month, from: `${month}-01`, to: `${month}-${String(last).padStart(2, "0")}` };
}

/** The month before the one holding `day` ("2026-01-10" -> "2025-12"). */
export function previousMonth(day: string): string {
  const [y, m] = day.split("-").map(Number);
  return new Date(Date.UTC(y!, m! - 2, 1)).toISOString().slice(0, 7);
}
