import type { RegencyOfficeCurrency } from "@layan/protocol";
import { count } from "./format";
import { LOCALES, STRINGS, type Lang } from "./strings";

const WHEN: Intl.DateTimeFormatOptions = { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" };

/**
 * How current the figures on screen are, in words. Central acknowledges an
 * office's events before the projector has read them into the reports, and an
 * office that stopped shipping keeps its last figures: a manager must see both
 * rather than read a lagging number as the truth.
 * `names` maps office ids to names (the league's rows); `timeZone` is for tests.
 */
export function currencyText(currency: readonly RegencyOfficeCurrency[], names: ReadonlyMap<string, string> = new Map(), timeZone?: string, lang: Lang = "id"): string | null {
  const s = STRINGS[lang];
  const format = new Intl.DateTimeFormat(LOCALES[lang], timeZone ? { ...WHEN, timeZone } : WHEN);
  const pending = currency.filter((c) => c.pendingEvents > 0);
  const dated = currency.filter((c): c is RegencyOfficeCurrency & { currentThrough: { at: number } } => c.currentThrough?.at != null);
  const parts: string[] = [];
  if (currency.length === 1 && dated[0]) parts.push(s.currentThrough(format.format(dated[0].currentThrough.at)));
  else if (dated.length > 1) {
    const oldest = dated.reduce((a, b) => (b.currentThrough.at < a.currentThrough.at ? b : a));
    parts.push(s.oldest(names.get(oldest.officeId) ?? oldest.officeId, format.format(oldest.currentThrough.at)));
  }
  if (pending.length > 0) {
    const events = pending.reduce((sum, c) => sum + c.pendingEvents, 0);
    parts.push(currency.length === 1 ? s.pendingOne(count(events, lang)) : s.pendingMany(count(pending.length, lang), count(events, lang)));
  }
  return parts.length ? parts.join(" ") : null;
}
