/**
 * Times and durations as Indonesian screens show them. Pure (Intl only), so
 * the same functions run in the apps and in Node tests.
 */

const pad = (n: number) => String(n).padStart(2, "0");

/** A running timer: "04:07", "1:02:03". Negative (clock skew) reads as zero. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}

/** A wait in words: "< 1 mnt", "12 mnt", "1 jam 5 mnt". */
export function formatWait(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 1) return "< 1 mnt";
  if (minutes < 60) return `${minutes} mnt`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h} jam` : `${h} jam ${m} mnt`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
/** One Intl formatter per key: building them is slow, and screens format every second. */
export function formatter(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let f = formatters.get(key);
  if (!f) {
    f = make();
    formatters.set(key, f);
  }
  return f;
}

/** "14.05" in the office's timezone (Indonesian uses a dot between hours and minutes). */
export function formatClock(at: number, timeZone: string, seconds = false): string {
  const f = formatter(
    `clock|${timeZone}|${seconds}`,
    () =>
      new Intl.DateTimeFormat("id-ID", {
        timeZone,
        hour: "2-digit",
        minute: "2-digit",
        ...(seconds ? { second: "2-digit" } : {}),
        hourCycle: "h23",
      }),
  );
  return f.format(at);
}

/** "Kamis, 27 November 2025" in the office's timezone. */
export function formatDateLong(at: number, timeZone: string): string {
  const f = formatter(
    `date|${timeZone}`,
    () =>
      new Intl.DateTimeFormat("id-ID", {
        timeZone,
        weekday: "long",
        day: "numeric",
        month: "long",
        year: "numeric",
      }),
  );
  return f.format(at);
}

/** Short zone label shown next to a clock: WIB, WITA, WIT. */
export function zoneLabel(timeZone: string): string {
  switch (timeZone) {
    case "Asia/Jakarta":
    case "Asia/Pontianak":
      return "WIB";
    case "Asia/Makassar":
      return "WITA";
    case "Asia/Jayapura":
      return "WIT";
    default:
      return "";
  }
}

/** The languages report figures are written in; Indonesian unless a screen offers English (the regency dashboard). */
export type FigureLang = "id" | "en";

const FIGURE_LOCALES: Record<FigureLang, string> = { id: "id-ID", en: "en-GB" };
const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: FigureLang, decimals: 0 | 1): Intl.NumberFormat {
  const key = `${lang}|${decimals}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(FIGURE_LOCALES[lang], { maximumFractionDigits: decimals, minimumFractionDigits: 0 });
    numberFormats.set(key, f);
  }
  return f;
}

/** Report figures, as the office and regency dashboards print them: "1.234" ("1,234" in English); "–" for no value. */
export const count = (n: number | null | undefined, lang: FigureLang = "id"): string => (n === null || n === undefined ? "–" : numberFormat(lang, 0).format(n));

/** "12,5%" ("12.5%"); "–" for no value. */
export const pct = (p: number | null | undefined, lang: FigureLang = "id"): string => (p === null || p === undefined ? "–" : `${numberFormat(lang, 1).format(p)}%`);

const UNITS: Record<FigureLang, { min: string; h: string }> = { id: { min: "mnt", h: "j" }, en: { min: "min", h: "h" } };

/** A report's duration: "12,5 mnt", "1 j 05 mnt" ("12.5 min", "1 h 05 min"); "–" for no value. */
export function minutes(ms: number | null | undefined, lang: FigureLang = "id"): string {
  if (ms === null || ms === undefined) return "–";
  const u = UNITS[lang];
  const m = ms / 60_000;
  if (m < 60) return `${numberFormat(lang, 1).format(Math.round(m * 10) / 10)} ${u.min}`;
  const h = Math.floor(m / 60);
  return `${h} ${u.h} ${String(Math.round(m - h * 60)).padStart(2, "0")} ${u.min}`;
}
