/**
 * Indonesia's three zones read without Intl. The first Intl formatter a
 * process creates maps ICU's data: ~8 MB more resident for a hub whose every
 * command asks only for the office's date, weekday and minute
 * (docs/benchmarks.md, "### Memory (session 21)"). These zones have kept one
 * offset each, with no daylight saving, since Pontianak moved from WITA to WIB
 * on 1 January 1988 (IANA tzdata); before that, and for every other zone,
 * callers use Intl as before.
 */

const FIXED_SINCE = Date.UTC(1988, 0, 1);

/** Offset from UTC in minutes, by the zone's exact IANA name. */
const FIXED_ZONES: ReadonlyMap<string, number> = new Map([
  ["Asia/Jakarta", 420],
  ["Asia/Pontianak", 420],
  ["Asia/Makassar", 480],
  ["Asia/Jayapura", 540],
  ["UTC", 0],
  ["Etc/UTC", 0],
]);

/** The zone's offset at `at` when it is one of the fixed zones above, else null (ask Intl). */
export function fixedOffsetMinutes(timezone: string, at: number): number | null {
  if (at < FIXED_SINCE) return null;
  return FIXED_ZONES.get(timezone) ?? null;
}

/** True for a zone name Intl accepts; the fixed zones are known without asking it. */
export function isTimeZone(value: string): boolean {
  if (FIXED_ZONES.has(value)) return true;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
