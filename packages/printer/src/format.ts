// Text the citizen reads, in Bahasa Indonesia, fitted to a receipt's columns.
import { zoneAbbreviation } from "./wording";

export interface IssuedAtText {
  date: string; // "Jumat, 27 November 2026"
  time: string; // "08:15 WIB"
}

/** Weekday, date and 24-hour time as Indonesians write them on a ticket. */
export function formatIssuedAt(epochMs: number, timeZone: string): IssuedAtText {
  const parts = new Intl.DateTimeFormat("id-ID", {
    timeZone,
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(epochMs);
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? "";
  return {
    date: `${part("weekday")}, ${part("day")} ${part("month")} ${part("year")}`,
    time: `${part("hour")}:${part("minute")} ${zoneAbbreviation(timeZone, epochMs)}`,
  };
}

/**
 * Word-wraps to `width` columns; a word longer than a line (a URL, a long
 * document name) is broken hard rather than overflowing, because the printer
 * would otherwise wrap it itself in the middle of the next word.
 * `indent` prefixes continuation lines (hanging indent for checklist items).
 */
export function wrapText(text: string, width: number, indent = ""): string[] {
  const lines: string[] = [];
  let line = "";
  const room = () => Math.max(1, width - (lines.length === 0 ? 0 : indent.length));
  const push = () => {
    lines.push(lines.length === 0 ? line : indent + line);
    line = "";
  };
  for (const word of text.split(/\s+/).filter((w) => w.length > 0)) {
    let rest = word;
    while (rest.length > 0) {
      const separator = line.length > 0 ? 1 : 0;
      if (line.length + separator + rest.length <= room()) {
        line += (separator ? " " : "") + rest;
        rest = "";
      } else if (line.length > 0) {
        push();
      } else {
        line = rest.slice(0, room());
        rest = rest.slice(room());
        push();
      }
    }
  }
  if (line.length > 0 || lines.length === 0) push();
  return lines;
}

/**
 * Wraps into as many lines as plain wrapping needs, but evens them out, so a
 * centred heading reads "Mal Pelayanan Publik / Kota Bandung" and not a lone
 * last word.
 */
export function wrapBalanced(text: string, width: number): string[] {
  const greedy = wrapText(text, width);
  let best = greedy;
  for (let narrower = width - 1; narrower > 0; narrower--) {
    const attempt = wrapText(text, narrower);
    if (attempt.length > greedy.length) break;
    best = attempt;
  }
  return best;
}

export type { WaitRange as WaitEstimate } from "./wording";
