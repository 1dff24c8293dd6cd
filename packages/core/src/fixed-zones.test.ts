import { describe, expect, it } from "vitest";
import { fixedOffsetMinutes, isTimeZone } from "./fixed-zones";
import { localMoment, type LocalMoment } from "./time";

/** What the core computed before fixed-zones.ts, straight from Intl. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function intlMoment(at: number, timeZone: string): LocalMoment {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      weekday: "short",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(timeZone, format);
  }
  const parts = format.formatToParts(new Date(at));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  const hour = Number(get("hour"));
  return {
    date: `${get("year")}-${get("month")}-${get("day")}`,
    weekday: get("weekday").toLowerCase() as LocalMoment["weekday"],
    hour,
    minuteOfDay: hour * 60 + Number(get("minute")),
  };
}

const ZONES = ["Asia/Jakarta", "Asia/Pontianak", "Asia/Makassar", "Asia/Jayapura", "UTC", "Etc/UTC"];

/** A deterministic spread of instants: seeded LCG, no dependence on the day the test runs. */
function instants(count: number, from: number, to: number): number[] {
  let seed = 20261201;
  return Array.from({ length: count }, () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return from + Math.floor((seed / 2147483648) * (to - from));
  });
}

describe("Indonesia's zones without Intl", () => {
  it("gives exactly Intl's date, weekday, hour and minute from 1988 to 2100", () => {
    const at = instants(3_000, Date.UTC(1988, 0, 1), Date.UTC(2100, 0, 1));
    for (const zone of ZONES) {
      for (const t of at)
        expect(localMoment(t, zone), `${zone} ${new Date(t).toISOString()}`).toEqual(intlMoment(t, zone));
    }
  });

  it("agrees with Intl on both sides of every local midnight for a year", () => {
    for (const zone of ZONES) {
      const offset = fixedOffsetMinutes(zone, Date.UTC(2026, 0, 1))!;
      for (let day = 0; day < 366; day++) {
        const midnight = Date.UTC(2026, 0, 1 + day) - offset * 60_000;
        for (const t of [midnight - 60_001, midnight - 1, midnight, midnight + 59_999]) {
          expect(localMoment(t, zone), `${zone} ${new Date(t).toISOString()}`).toEqual(intlMoment(t, zone));
        }
      }
    }
  });

  it("leaves other zones, other spellings and instants before 1988 to Intl", () => {
    expect(fixedOffsetMinutes("Asia/Kolkata", Date.UTC(2026, 0, 1))).toBeNull();
    expect(fixedOffsetMinutes("asia/jakarta", Date.UTC(2026, 0, 1))).toBeNull();
    // Pontianak kept WITA (+8) until 1988.
    expect(fixedOffsetMinutes("Asia/Pontianak", Date.UTC(1987, 11, 31, 12))).toBeNull();
    const before = Date.UTC(1987, 5, 1, 20, 30);
    expect(localMoment(before, "Asia/Pontianak")).toEqual(intlMoment(before, "Asia/Pontianak"));
    expect(localMoment(before, "Asia/Pontianak").hour).toBe(4);
  });

  it("knows its zones as valid and asks Intl about the rest", () => {
    for (const zone of ZONES) expect(isTimeZone(zone)).toBe(true);
    expect(isTimeZone("Asia/Kolkata")).toBe(true);
    expect(isTimeZone("Asia/Atlantis")).toBe(false);
    expect(isTimeZone("WIB")).toBe(false);
  });
});
