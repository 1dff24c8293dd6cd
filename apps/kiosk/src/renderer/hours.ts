import type { ServiceHours } from "@layan/protocol";
import type { Lang } from "./i18n";

/**
 * A service's opening hours as an office notice board writes them: weekdays
 * with the same hours grouped ("Senin–Kamis"), the Friday prayer break as two
 * intervals, closed days said outright, and the next holidays by name.
 */

const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

const DAY_NAMES: Record<Lang, Record<(typeof DAYS)[number], string>> = {
  id: { mon: "Senin", tue: "Selasa", wed: "Rabu", thu: "Kamis", fri: "Jumat", sat: "Sabtu", sun: "Minggu" },
  en: {
    mon: "Monday",
    tue: "Tuesday",
    wed: "Wednesday",
    thu: "Thursday",
    fri: "Friday",
    sat: "Saturday",
    sun: "Sunday",
  },
};

const CLOSED: Record<Lang, string> = { id: "Tutup", en: "Closed" };
const AND: Record<Lang, string> = { id: "dan", en: "and" };

export interface HoursLine {
  days: string;
  hours: string;
  closed: boolean;
}

/** Indonesian notices write 08.00; English ones 08:00. */
function clock(hhmm: string, lang: Lang): string {
  return lang === "id" ? hhmm.replace(":", ".") : hhmm;
}

export function weeklyHoursLines(hours: ServiceHours, lang: Lang): HoursLine[] {
  const text = (day: (typeof DAYS)[number]) => {
    const intervals = hours.weekly[day] ?? [];
    if (intervals.length === 0) return null;
    const parts = intervals.map((i) => `${clock(i.open, lang)}–${clock(i.close, lang)}`);
    return parts.length === 1
      ? (parts[0] ?? "")
      : `${parts.slice(0, -1).join(", ")} ${AND[lang]} ${parts.at(-1) ?? ""}`;
  };
  const lines: HoursLine[] = [];
  let start = 0;
  while (start < DAYS.length) {
    const first = DAYS[start];
    if (!first) break;
    const value = text(first);
    let end = start;
    while (end + 1 < DAYS.length && text(DAYS[end + 1] ?? first) === value) end++;
    const last = DAYS[end] ?? first;
    lines.push({
      days: end === start ? DAY_NAMES[lang][first] : `${DAY_NAMES[lang][first]}–${DAY_NAMES[lang][last]}`,
      hours: value ?? CLOSED[lang],
      closed: value === null,
    });
    start = end + 1;
  }
  return lines;
}

/** Closed dates from `today` ("YYYY-MM-DD", office time) on, at most `limit`, as "Jumat, 25 Desember 2026 (Hari Raya Natal)". */
export function upcomingClosedDates(hours: ServiceHours, today: string, lang: Lang, limit = 2): string[] {
  const format = new Intl.DateTimeFormat(lang === "id" ? "id-ID" : "en-GB", {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
  return hours.closedDates
    .filter((d) => d.date >= today)
    .slice(0, limit)
    .map((d) => {
      const date = format.format(new Date(`${d.date}T00:00:00Z`));
      return d.name ? `${date} (${d.name})` : date;
    });
}
