/**
 * What a citizen reads about their wait, one wording for every surface: the
 * printed ticket, the kiosk's service and confirmation screens, and the
 * ticket page behind the QR code. Kept free of imports so that the kiosk's
 * browser bundle can take it (`@layan/printer/wording`) without the ESC/POS stack.
 *
 * The states must never contradict each other: with no counter open, nobody is
 * "next", and there is no estimate to give.
 */

export type WordingLang = "id" | "en";

const UNITS = {
  id: { minutes: "menit", hours: "jam", under: "kurang dari 1 menit", about: "sekitar" },
  en: { minutes: "min", hours: "h", under: "under 1 min", about: "about" },
} as const;

/** "45 menit", "3 jam 35 menit", "4 jam". Past an hour, to 5 minutes: the estimate is not finer than that. */
export function formatDuration(minutes: number, lang: WordingLang = "id"): string {
  const u = UNITS[lang];
  const whole = Math.max(0, Math.round(minutes));
  if (whole < 60) return `${whole} ${u.minutes}`;
  const rounded = Math.round(whole / 5) * 5;
  const hours = Math.floor(rounded / 60);
  const rest = rounded % 60;
  return rest === 0 ? `${hours} ${u.hours}` : `${hours} ${u.hours} ${rest} ${u.minutes}`;
}

export interface WaitRange {
  p50: number;
  p90: number;
}

/** "10–25 menit"; past an hour "3 jam 35 menit – 4 jam 50 menit", never "216–288 menit". */
export function formatWaitRange(wait: WaitRange, lang: WordingLang = "id"): string {
  const u = UNITS[lang];
  const low = Math.max(0, Math.round(Math.min(wait.p50, wait.p90)));
  const high = Math.max(0, Math.round(Math.max(wait.p50, wait.p90)));
  if (high < 1) return u.under;
  if (formatDuration(low, lang) === formatDuration(high, lang)) return `${u.about} ${formatDuration(high, lang)}`;
  if (high < 60) return `${low}\u2013${high} ${u.minutes}`;
  return `${formatDuration(low, lang)} \u2013 ${formatDuration(high, lang)}`;
}

/** The wait box when no counter serving the service is open: no estimate exists yet. */
export const NO_COUNTER_OPEN: Record<WordingLang, string> = {
  id: "Belum ada loket buka",
  en: "No counter open yet",
};

/**
 * Who is ahead. "Anda berikutnya" only while a counter is open to call the
 * citizen next; before that, the plain fact that nobody is ahead.
 */
export function formatPeopleAhead(peopleAhead: number, countersOpen: boolean, lang: WordingLang = "id"): string {
  const count = Math.max(0, Math.floor(peopleAhead));
  if (lang === "en") {
    if (count > 0) return `${count} ${count === 1 ? "person" : "people"} ahead of you`;
    return countersOpen ? "You are next" : "Nobody ahead of you";
  }
  if (count > 0) return `${count} orang di depan Anda`;
  return countersOpen ? "Anda berikutnya" : "Tidak ada antrean di depan Anda";
}

/** Indonesia's three legal time zones; other zones fall back to Intl's short name. */
const INDONESIAN_ZONE: Readonly<Record<string, string>> = {
  "Asia/Jakarta": "WIB",
  "Asia/Pontianak": "WIB",
  "Asia/Makassar": "WITA",
  "Asia/Ujung_Pandang": "WITA",
  "Asia/Jayapura": "WIT",
};

/** "WIB", "WITA", "WIT": how Indonesians label a clock time; `at` matters only for zones with daylight saving. */
export function zoneAbbreviation(timeZone: string, at: number = Date.now()): string {
  const known = INDONESIAN_ZONE[timeZone];
  if (known !== undefined) return known;
  const parts = new Intl.DateTimeFormat("id-ID", { timeZone, timeZoneName: "short" }).formatToParts(at);
  return parts.find((p) => p.type === "timeZoneName")?.value ?? timeZone;
}
