/**
 * Who works which counter, and when.
 *
 * The office simulated is the configured one: its counters (kiosk-config's
 * counters.yaml) with their services and its quotas, nothing added. Demand
 * beyond what those desks serve waits, goes home unserved at closing, or is
 * refused by the quota, as in a real office; a simulated store never shows
 * counters the office does not have (they would appear in the dashboard's
 * filters). Every desk has its own officer; each agency keeps a few relief
 * officers for the days someone is away.
 */
import type { CounterRules, OfficeRules, Weekday } from "@layan/core";
import type { Desk } from "./desks";
import { Officers, type Officer } from "./officers";
import type { Random } from "./prng";
import { DEFAULT_PERFORMANCE, MINUTE, OVERTIME_MS } from "./profile";

export interface Staffing {
  /** The office as configured. */
  rules: OfficeRules;
  desks: Desk[];
  relief: Map<string, Officer[]>;
  officers: Officers;
  /** Chance a desk's officer is away on a day. */
  absence: number;
}

/** One officer per configured counter, then each agency's relief staff. */
export function staffOffice(rules: OfficeRules, rng: Random, absence = DEFAULT_PERFORMANCE.absence): Staffing {
  const agencyOf = new Map(rules.services.map((s) => [s.id, s.agencyId]));
  const counterAgency = (c: CounterRules) => agencyOf.get(c.services[0] ?? "") ?? "lainnya";
  const countersByAgency = new Map<string, number>();
  for (const c of rules.counters) countersByAgency.set(counterAgency(c), (countersByAgency.get(counterAgency(c)) ?? 0) + 1);

  const officers = new Officers(rng);
  const desks: Desk[] = rules.counters.map((c) => {
    const agencyId = counterAgency(c);
    return {
      rules: c,
      agencyId,
      primary: officers.hire(agencyId),
      officer: null,
      status: "closed",
      waking: false,
      lunchTaken: false,
      lunchAt: 0,
      lastClose: 0,
      hardStop: 0,
    };
  });
  const relief = new Map<string, Officer[]>();
  for (const [agency, counters] of countersByAgency) {
    const count = Math.ceil(counters * 0.15) + 1;
    relief.set(
      agency,
      Array.from({ length: count }, () => officers.hire(agency)),
    );
  }
  return { rules, desks, relief, officers, absence };
}

/** One desk's day, as its services' opening hours allow. */
export interface DeskHours {
  dayStart: number;
  weekday: Weekday;
  firstOpen: number;
  lastClose: number;
}

/**
 * Who works `desk` today and when they open it, or null when nobody turns up:
 * now and then the desk's officer is away and a free relief officer (or
 * nobody) takes over; lunch is staggered, and some officers open late.
 * Desks are staffed one after another, so a relief officer works one desk.
 */
export function staffDeskForDay(
  desk: Desk,
  staffing: Staffing,
  hours: DeskHours,
  rng: Random,
): { officer: Officer; opensAt: number } | null {
  let officer: Officer | null = desk.primary;
  if (rng.chance(staffing.absence)) {
    const pool = staffing.relief.get(desk.agencyId) ?? [];
    const free = pool.filter((o) => !staffing.desks.some((d) => d.officer === o));
    officer = free.length > 0 && rng.chance(0.8) ? rng.pick(free) : null;
  }
  if (!officer) return null;
  const { dayStart, firstOpen, lastClose } = hours;
  desk.officer = officer;
  desk.lunchTaken = hours.weekday === "fri" || lastClose - firstOpen < 6 * 60 * MINUTE;
  desk.lunchAt = dayStart + rng.between(11.75 * 60, 12.75 * 60) * MINUTE;
  desk.lastClose = lastClose;
  desk.hardStop = lastClose + OVERTIME_MS;
  const late = rng.chance(0.2) ? officer.lateness * rng.between(0.5, 2) : rng.between(-3, 3);
  return { officer, opensAt: firstOpen + late * MINUTE };
}
