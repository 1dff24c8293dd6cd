/*
 * The booking and receipt pages' words for time, shared by both pages'
 * inline scripts. Plain JavaScript in a string, because it runs in the
 * citizen's browser; the unit test evaluates this very string, so what is
 * tested is what ships.
 *
 * Every time is the office's (the receipt says "09.30 WIB" whatever the
 * phone's own zone or clock), taken apart with Intl in the office's zone
 * and written with our own names: a phone's ICU may spell weekdays its own
 * way, a government letter spells them one way.
 */
export const BOOKING_TIME_SCRIPT = String.raw`
const BOOKING_WORDS = {
  id: {
    days: ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"],
    months: ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"],
  },
  en: {
    days: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
    months: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
  },
};
const WEEKDAY_INDEX = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };
function officeParts(at, timeZone) {
  const parts = {};
  const format = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", weekday: "short", hourCycle: "h23" });
  for (const p of format.formatToParts(at)) parts[p.type] = p.value;
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), hour: parts.hour === "24" ? "00" : parts.hour, minute: parts.minute, weekday: WEEKDAY_INDEX[parts.weekday] };
}
/** "09.30": Indonesian writes the hour and minute with a dot. */
function officeTime(at, timeZone, lang) {
  const p = officeParts(at, timeZone);
  return p.hour + (lang === "en" ? ":" : ".") + p.minute;
}
/** "Rabu, 9 Desember 2026" */
function officeDay(at, timeZone, lang) {
  const p = officeParts(at, timeZone);
  const w = BOOKING_WORDS[lang === "en" ? "en" : "id"];
  return w.days[p.weekday] + ", " + p.day + " " + w.months[p.month - 1] + " " + p.year;
}
/** "Rabu, 9 Desember 2026, 09.30\u201310.00 WIB" */
function slotText(start, end, timeZone, zoneName, lang) {
  return officeDay(start, timeZone, lang) + ", " + officeTime(start, timeZone, lang) + "\u2013" + officeTime(end, timeZone, lang) + " " + zoneName;
}
/** A service day "2026-12-09" as a button: "Rabu, 9 Des" (noon UTC keeps the date whatever the zone). */
function dayButtonText(ymd, lang) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  if (!m) return ymd;
  const w = BOOKING_WORDS[lang === "en" ? "en" : "id"];
  const weekday = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12)).getUTCDay();
  return w.days[weekday] + ", " + Number(m[3]) + " " + w.months[Number(m[2]) - 1].slice(0, 3);
}
/** The office's calendar date of an instant, "2026-12-09" (what the slots API is asked for). */
function officeYmd(at, timeZone) {
  const p = officeParts(at, timeZone);
  return p.year + "-" + String(p.month).padStart(2, "0") + "-" + String(p.day).padStart(2, "0");
}
/** What is left of a hold, "9:05"; never negative. */
function countdownText(ms) {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
}
/** A refusal as the citizen reads it: the hub's own sentence, Indonesian first. */
function refusalText(body, lang) {
  const e = body && body.error;
  if (!e) return lang === "en" ? "Something went wrong. Please try again." : "Terjadi kesalahan. Silakan coba lagi.";
  return (lang === "en" && e.messageEn) || e.message || e.code;
}
`;

/** The functions BOOKING_TIME_SCRIPT defines, for the unit test that runs it. */
export interface BookingTimeFunctions {
  officeTime(at: number, timeZone: string, lang: "id" | "en"): string;
  officeDay(at: number, timeZone: string, lang: "id" | "en"): string;
  slotText(start: number, end: number, timeZone: string, zoneName: string, lang: "id" | "en"): string;
  dayButtonText(ymd: string, lang: "id" | "en"): string;
  officeYmd(at: number, timeZone: string): string;
  countdownText(ms: number): string;
  refusalText(body: unknown, lang: "id" | "en"): string;
}
