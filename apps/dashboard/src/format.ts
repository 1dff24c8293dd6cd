/** Numbers, durations and dates as Indonesian managers read them (pure; tested in Node). */
import { addDays, monthRange, previousMonth } from "@layan/core";
import { complianceStatusOf, OUTCOME_LABELS, WEEKDAY_LABELS } from "@layan/protocol";
import { formatter } from "@layan/ui";
export { count, minutes, pct, PRIORITY_LABELS } from "@layan/ui";





/** A running wait: "07:45" or "1:02:03". */
export function clockDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, "0");
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}

const fmt = formatter;

/** "27 Nov 2026" from a service day "2026-11-27". */
export function dayLabel(day: string, style: "short" | "long" = "short"): string {
  const [y, m, d] = day.split("-").map(Number);
  const f = fmt(
    `day|${style}`,
    () =>
      new Intl.DateTimeFormat(
        "id-ID",
        style === "short"
          ? { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }
          : { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" },
      ),
  );
  return f.format(new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)));
}

/** "27/11" for chart axes. */
export function dayShort(day: string): string {
  return `${day.slice(8, 10)}/${day.slice(5, 7)}`;
}

/** "08.05" office-local from epoch ms. */
export function timeOfDay(at: number | null, timeZone: string): string {
  if (at === null) return "–";
  return fmt(
    `time|${timeZone}`,
    () =>
      new Intl.DateTimeFormat("id-ID", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }),
  ).format(at);
}

export function dateTime(at: number, timeZone: string): string {
  return fmt(
    `dt|${timeZone}`,
    () =>
      new Intl.DateTimeFormat("id-ID", {
        timeZone,
        day: "numeric",
        month: "long",
        year: "numeric",
        hour: "2-digit",
        minute: "2-digit",
        hourCycle: "h23",
      }),
  ).format(at);
}

/** "November 2026" from "2026-11". */
export function monthLabel(month: string): string {
  const [y, m] = month.split("-").map(Number);
  return fmt(
    "month",
    () => new Intl.DateTimeFormat("id-ID", { month: "long", year: "numeric", timeZone: "UTC" }),
  ).format(new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, 1)));
}

/** Monday first, as the reports count weekdays. */
export const WEEKDAYS = WEEKDAY_LABELS;
export const WEEKDAYS_SHORT = ["Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min"] as const;

export { OUTCOME_LABELS };

/** Tone of a share within target: the compliance report's verdict, as a colour. */
export function tone(p: number | null | undefined): "good" | "warn" | "bad" | "none" {
  const status = complianceStatusOf(p);
  return status === "memenuhi" ? "good" : status === "perhatian" ? "warn" : status === "tanpa_data" ? "none" : "bad";
}

// ---- date ranges (office-local service days, "YYYY-MM-DD") ----

// The calendar arithmetic is core's (packages/core/src/time.ts), shared with the hub.
export { addDays, previousMonth };

export function monthStart(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

export const monthEnd = (month: string): string => monthRange(month).to;

export type RangePreset = "today" | "7d" | "30d" | "month" | "lastMonth";

export const PRESET_LABELS: Record<RangePreset, string> = {
  today: "Hari ini",
  "7d": "7 hari",
  "30d": "30 hari",
  month: "Bulan ini",
  lastMonth: "Bulan lalu",
};

export function presetRange(preset: RangePreset, today: string): { from: string; to: string } {
  switch (preset) {
    case "today":
      return { from: today, to: today };
    case "7d":
      return { from: addDays(today, -6), to: today };
    case "30d":
      return { from: addDays(today, -29), to: today };
    case "month":
      return { from: monthStart(today), to: today };
    case "lastMonth": {
      const month = previousMonth(today);
      return { from: `${month}-01`, to: monthEnd(month) };
    }
  }
}
