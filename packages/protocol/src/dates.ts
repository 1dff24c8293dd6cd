const MONTHS = {
  id: ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"],
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
} as const;

/**
 * A calendar date as a signed document is dated: "2026-01-05" → "5 Januari
 * 2026" ("5 January 2026" in English). Written out rather than left to Intl,
 * so a kiosk, a display and the hub's pages say the same whatever locale data
 * their runtime has; a calendar date, so no time zone can shift it. Anything
 * that is not "YYYY-MM-DD" comes back as it was.
 */
export function dateInWords(ymd: string, lang: "id" | "en" = "id"): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  const month = m ? MONTHS[lang][Number(m[2]) - 1] : undefined;
  return m && month ? `${Number(m[3])} ${month} ${m[1]}` : ymd;
}
