/** Numbers, times and words as a regent's staff reads them, in either language (pure; tested in Node). */
import { complianceStatusOf, type ComplianceStatus } from "@layan/protocol";
import { LOCALES, STRINGS, type Lang } from "./strings";
// The pure module, not the package index: Node tests import this file, and the index brings React.
export { count, minutes, pct } from "@layan/ui/format";

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: Lang, min: number, max: number): Intl.NumberFormat {
  const key = `${lang}|${min}|${max}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALES[lang], { minimumFractionDigits: min, maximumFractionDigits: max });
    numberFormats.set(key, f);
  }
  return f;
}

export const decimal = (n: number | null | undefined, lang: Lang = "id"): string => (n === null || n === undefined ? "–" : numberFormat(lang, 0, 1).format(n));

/** An IKM score as the PermenPANRB table prints it, two decimals: "82,35" / "82.35". */
export const ikmScore = (n: number, lang: Lang = "id"): string => numberFormat(lang, 2, 2).format(n);

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(lang: Lang, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let f = dateFormats.get(key);
  if (!f) {
    // Service days are calendar days, not instants: read at UTC midnight, written in UTC, so no timezone moves them.
    f = new Intl.DateTimeFormat(LOCALES[lang], { ...options, timeZone: "UTC" });
    dateFormats.set(key, f);
  }
  return f;
}

const utcOf = (day: string): number => {
  const [y = 1970, m = 1, d = 1] = day.split("-").map(Number);
  return Date.UTC(y, m - 1, d);
};

/** "18 November 2026" from "2026-11-18" (the same in English, en-GB). */
export function dayLong(day: string, lang: Lang = "id"): string {
  return dateFormat(lang, { day: "numeric", month: "long", year: "numeric" }).format(utcOf(day));
}

/** "Des 2026" / "Desember 2026" from "2026-12" ("Dec 2026" / "December 2026"). */
export function monthLabel(month: string, long = false, lang: Lang = "id"): string {
  return dateFormat(lang, { month: long ? "long" : "short", year: "numeric" }).format(utcOf(`${month}-01`));
}

const monthName = (day: string, lang: Lang) => dateFormat(lang, { month: "long" }).format(utcOf(day));

/** "1 – 18 November 2026", "1 Oktober – 18 November 2026". */
export function periodLabel(from: string, to: string, lang: Lang = "id"): string {
  if (from === to) return dayLong(from, lang);
  const [fy, fm] = from.split("-");
  const [ty, tm] = to.split("-");
  if (fy === ty && fm === tm) return `${Number(from.slice(8))} – ${dayLong(to, lang)}`;
  if (fy === ty) return `${Number(from.slice(8))} ${monthName(from, lang)} – ${dayLong(to, lang)}`;
  return `${dayLong(from, lang)} – ${dayLong(to, lang)}`;
}

/** "B (Baik)" / "B (Good)" for the IKM's quality letter. */
export function mutuLabel(mutu: "A" | "B" | "C" | "D" | null | undefined, lang: Lang = "id"): string {
  return mutu ? `${mutu} (${STRINGS[lang].mutu[mutu]})` : "–";
}

export function status(p: number | null | undefined, lang: Lang = "id"): { status: ComplianceStatus; label: string } {
  const s = complianceStatusOf(p);
  return { status: s, label: STRINGS[lang].status[s] };
}

/** The six components of a Standar Pelayanan by the key the API names them with (Indonesian: PermenPANRB 15/2014's words). */
export const COMPONENT_LABELS: Record<string, string> = STRINGS.id.components;

export const componentLabel = (key: string, lang: Lang = "id"): string => (STRINGS[lang].components as Record<string, string>)[key] ?? key;

/** "5 menit" for a lock-out's wait, rounded up: the staffer is told when to try again. */
export function waitWords(seconds: number, lang: Lang = "id"): string {
  const s = STRINGS[lang];
  if (seconds < 60) return s.seconds(Math.max(1, Math.ceil(seconds)));
  return s.minutesWord(Math.ceil(seconds / 60));
}
